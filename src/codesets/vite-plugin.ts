/**
 * Serves the built code-set bundles (codesets/build/) at /codesets/ in `vite dev` and copies
 * them into dist/codesets/ on `vite build`. The bundles are fetched by the code-set worker on
 * demand, so they never enter the JavaScript graph. Files are served as opaque bytes (no
 * Content-Encoding): the worker decompresses them itself with DecompressionStream.
 * files.json lists the files served, so the worker knows which optional bundles (search
 * indexes, Alphabetic Index, MPFS) exist without probing.
 * Each ICD-10-CM bundle is also served in two halves, `<name>.head.txt.gz` (codes, billable
 * flags, long titles: what the encoder's index is built from) and `<name>.tail.txt.gz` (the
 * rest), cut by splitIcdBundle: the worker builds the index from the head and fetches the tail
 * when a lookup first needs it (issue 9 "A lean first load": 0.30 of the 0.87 MB for FY2026).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { splitIcdBundle } from './bundle.ts';

const LISTING = 'files.json';
const ICD_BUNDLE = /^(icd10cm-[\w-]+)\.txt\.gz$/;

/** The served halves of an ICD-10-CM bundle file (gzip), cut once per file version. */
const halvesCache = new Map<string, Map<string, Buffer>>();
function icdHalves(path: string, name: string): Map<string, Buffer> {
  const m = ICD_BUNDLE.exec(name);
  if (!m) return new Map();
  const st = statSync(path);
  const key = `${path}:${st.size}:${st.mtimeMs}`;
  let out = halvesCache.get(key);
  if (!out) {
    const sp = splitIcdBundle(gunzipSync(readFileSync(path)).toString('utf8'));
    out = new Map();
    if (sp) {
      out.set(`${m[1]}.head.txt.gz`, gzipSync(Buffer.from(sp.head, 'utf8'), { level: 9 }));
      out.set(`${m[1]}.tail.txt.gz`, gzipSync(Buffer.from(sp.tail, 'utf8'), { level: 9 }));
    }
    halvesCache.set(key, out);
  }
  return out;
}

export function codesetsPlugin(opts: { dir?: string; base?: string } = {}): Plugin {
  const dir = resolve(opts.dir ?? 'codesets/build');
  const base = opts.base ?? '/codesets/';
  const files = () =>
    existsSync(dir)
      ? readdirSync(dir).filter((f) => /\.(gz|json)$/.test(f) && statSync(join(dir, f)).isFile())
      : [];
  /** Every served file: the bundles, then the halves of each ICD-10-CM bundle. */
  const served = (): Map<string, () => Buffer> => {
    const out = new Map<string, () => Buffer>();
    for (const f of files()) out.set(f, () => readFileSync(join(dir, f)));
    for (const f of files())
      for (const [half, bytes] of icdHalves(join(dir, f), f)) out.set(half, () => bytes);
    return out;
  };
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
          res.end(JSON.stringify([...served().keys()]));
          return;
        }
        const file = served().get(name);
        if (!file) {
          res.statusCode = 404;
          res.end(`no code-set file ${name}: run "npm run -s claimlab -- codesets build"`);
          return;
        }
        res.setHeader(
          'Content-Type',
          name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        );
        res.setHeader('Cache-Control', 'no-cache');
        res.end(file());
      });
    },
    generateBundle() {
      const list = served();
      if (list.size)
        this.emitFile({
          type: 'asset',
          fileName: `${base.replace(/^\//, '')}${LISTING}`,
          source: JSON.stringify([...list.keys()]),
        });
      for (const [f, bytes] of list)
        this.emitFile({
          type: 'asset',
          fileName: `${base.replace(/^\//, '')}${f}`,
          source: bytes(),
        });
    },
  };
}
