/**
 * Serves the scenario packs as data, never as code: in `vite dev` at /packs/ and on `vite build`
 * as files in dist/packs/, fetched by the app and the code-set worker when they start
 * (src/scenarios/load.ts). Nothing about a pack enters the JavaScript bundle, so the first load
 * does not grow with content, and a pack can change without rebuilding the app.
 *
 * - `/packs/index.json`: `{ format: 1, packs: [{ folder, file }] }`, one entry per pack folder;
 * - `/packs/<folder>.pack.json`: `{ format: 1, folder, files: { "<path in the pack>": "<file text>" } }`,
 *   every `*.json` of the folder but `*.schema.json` (as read-node.ts reads it from the disk).
 *   Files travel as text, so a file that is not valid JSON is reported by the reader, naming it.
 *
 * `extraDirs` (or CLAIMLAB_EXTRA_PACKS, a comma-separated list) adds pack folders from elsewhere:
 * the e2e build serves the fixture pair test/fixtures/packs/refresher-v1 and -v2 this way.
 * See: issue 12 "Packs load at run time"; src/codesets/vite-plugin.ts (the code-set bundles).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

export const PACKS_INDEX = 'index.json';
export const PACK_SUFFIX = '.pack.json';

export interface ServedPackRef {
  folder: string;
  /** The folder's file under /packs/. */
  file: string;
}
export interface ServedIndex {
  format: 1;
  packs: ServedPackRef[];
}
export interface ServedPack {
  format: 1;
  folder: string;
  files: Record<string, string>;
}

function walk(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out, depth + 1);
    else if (name.endsWith('.json') && !name.endsWith('.schema.json')) out.push(p);
  }
  return out;
}

/** Pack folders: every sub-folder of `root` holding a pack.json (folder name → path). */
function packFolders(roots: readonly string[], extra: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const root of roots)
    if (existsSync(root))
      for (const name of readdirSync(root).sort()) {
        const p = join(root, name);
        if (statSync(p).isDirectory()) m.set(name, p);
      }
  for (const p of extra) if (existsSync(p) && statSync(p).isDirectory()) m.set(basename(p), p);
  return m;
}

export function servedPack(folder: string, dir: string): ServedPack {
  const files: Record<string, string> = {};
  for (const f of walk(dir))
    files[relative(dir, f).split('\\').join('/')] = readFileSync(f, 'utf8');
  return { format: 1, folder, files };
}

const fileOf = (folder: string) => `${encodeURIComponent(folder)}${PACK_SUFFIX}`;

export function servedIndex(folders: Map<string, string>): ServedIndex {
  return {
    format: 1,
    packs: [...folders.keys()].map((folder) => ({ folder, file: fileOf(folder) })),
  };
}

export function packsPlugin(
  opts: { dir?: string; base?: string; extraDirs?: string[] } = {},
): Plugin {
  const root = resolve(opts.dir ?? 'scenarios');
  const base = opts.base ?? '/packs/';
  const extra = (
    opts.extraDirs ?? (process.env.CLAIMLAB_EXTRA_PACKS ?? '').split(',').filter(Boolean)
  ).map((d) => resolve(d));
  const folders = () => packFolders([root], extra);
  const out = (name: string) => `${base.replace(/^\//, '')}${name}`;
  return {
    name: 'claimlab-packs',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        if (!url.startsWith(base)) return next();
        const name = decodeURIComponent(url.slice(base.length));
        const all = folders();
        let body: unknown;
        if (name === PACKS_INDEX) body = servedIndex(all);
        else {
          const folder = name.endsWith(PACK_SUFFIX) ? name.slice(0, -PACK_SUFFIX.length) : '';
          const dir = all.get(folder);
          if (!dir || name.includes('/')) {
            res.statusCode = 404;
            res.end(`no scenario pack ${name}`);
            return;
          }
          body = servedPack(folder, dir);
        }
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(JSON.stringify(body));
      });
    },
    generateBundle() {
      const all = folders();
      this.emitFile({
        type: 'asset',
        fileName: out(PACKS_INDEX),
        source: JSON.stringify(servedIndex(all)),
      });
      for (const [folder, dir] of all)
        this.emitFile({
          type: 'asset',
          fileName: out(fileOf(folder)),
          source: JSON.stringify(servedPack(folder, dir)),
        });
    },
  };
}
