/**
 * Serves the built code-set bundles (codesets/build/) at /codesets/ in `vite dev` and copies
 * them into dist/codesets/ on `vite build`. The bundles are fetched by the code-set worker on
 * demand, so they never enter the JavaScript graph. Files are served as opaque bytes (no
 * Content-Encoding): the worker decompresses them itself with DecompressionStream.
 * files.json lists the files served, so the worker knows which optional bundles (search
 * indexes, Alphabetic Index, MPFS) exist without probing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const LISTING = 'files.json';

export function codesetsPlugin(opts: { dir?: string; base?: string } = {}): Plugin {
  const dir = resolve(opts.dir ?? 'codesets/build');
  const base = opts.base ?? '/codesets/';
  const files = () =>
    existsSync(dir)
      ? readdirSync(dir).filter((f) => /\.(gz|json)$/.test(f) && statSync(join(dir, f)).isFile())
      : [];
  return {
    name: 'claimlab-codesets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        if (!url.startsWith(base)) return next();
        const name = decodeURIComponent(url.slice(base.length));
        // The repo's own codesets/ folder (codesets/starter/*.json, imported by starter.ts) is
        // also under /codesets/ in dev: only flat bundle names are ours.
        if (name.includes('/') || (req.url ?? '').includes('?')) return next();
        if (name === LISTING && existsSync(dir)) {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(JSON.stringify(files()));
          return;
        }
        if (!files().includes(name)) {
          res.statusCode = 404;
          res.end(`no code-set file ${name}: run "npm run -s claimlab -- codesets build"`);
          return;
        }
        res.setHeader(
          'Content-Type',
          name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        );
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      const list = files();
      if (list.length)
        this.emitFile({
          type: 'asset',
          fileName: `${base.replace(/^\//, '')}${LISTING}`,
          source: JSON.stringify(list),
        });
      for (const f of list)
        this.emitFile({
          type: 'asset',
          fileName: `${base.replace(/^\//, '')}${f}`,
          source: readFileSync(join(dir, f)),
        });
    },
  };
}
