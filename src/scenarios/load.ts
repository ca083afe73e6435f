/**
 * Loads the packs shipped in scenarios/ into the browser bundle (they are small data files) and
 * reads them with the one pack reader (format/index.ts `readPackSet`: format 1 through the
 * migrations, format 2 natively, structure only). Node callers use load-node.ts.
 */
import { assemblePack } from './format/assemble';
import { prefixAssembled, readPackSet, type LoadedPacks } from './format/index';

// `*.schema.json` (the JSON Schema for editors) is not a part of any pack.
const FILES = import.meta.glob(['../../scenarios/*/**/*.json', '!**/*.schema.json'], {
  eager: true,
  import: 'default',
});

export type { LoadedPacks };

/** Groups bundled files by pack folder: `<folder>` → (path inside the pack → JSON). */
export function groupByPack(files: Record<string, unknown>, root: string) {
  const byPack = new Map<string, Map<string, unknown>>();
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('.schema.json')) continue;
    const rel = path.slice(path.indexOf(root) + root.length);
    const [dir, ...rest] = rel.split('/');
    if (!dir || rest.length === 0) continue;
    let m = byPack.get(dir);
    if (!m) byPack.set(dir, (m = new Map()));
    m.set(rest.join('/'), data);
  }
  return byPack;
}

export function loadBundledPacks(): LoadedPacks {
  const dirs = [...groupByPack(FILES, 'scenarios/')].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return readPackSet(
    dirs.map(([dir, files]) => prefixAssembled(assemblePack(files), `scenarios/${dir}`)),
  );
}
