/**
 * Assembles a pack from its files into one raw object and migrates it to the current schema
 * version. A folder pack's `pack.json` lists each part's files (a file holds one item, or an
 * array of items); a v2 manifest may also carry items inline, and a single-file pack carries
 * all of them. Remembers which file every item came from, so a problem is reported as
 * `<file>: cases[3].answer.lines[0].modifiers[1]`. Never throws.
 */
import type { Problem } from '../../domain/result';
import { migrateToCurrent } from './migrate';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parts that may list files (v1 had cases and payers). */
export const PARTS = [
  'payers',
  'plans',
  'rules',
  'cases',
  'templates',
  'questionBanks',
  'fees',
  'drugs',
] as const;

/**
 * Format 1 listed only cases and payers: every `fees/*.json` and `drugs/*.json` of the folder was
 * a fee table or an ASP drug table. A format-1 manifest that does not name these parts gets them
 * from the folder (sorted by file name), so the migration carries them into format 2's lists.
 */
const FORMAT1_FOLDER_PARTS = { fees: /^fees\/[^/]+\.json$/, drugs: /^drugs\/[^/]+\.json$/ };

export interface Assembled {
  /** The pack at the current schema version, not yet validated. */
  raw: unknown;
  /** The version the pack declared (1 = migrated from format 1). */
  from: number | null;
  /** `cases[3]` → the file it came from (relative to the pack, e.g. `cases/dm2.json`). */
  sources: Map<string, string>;
  /** The manifest's own file (`pack.json`, or the single file). */
  manifestFile: string;
  errors: Problem[];
}

/** The file a problem path belongs to: the item's own file, else the manifest. */
export function fileOf(
  a: Pick<Assembled, 'sources' | 'manifestFile'>,
  path: readonly PropertyKey[],
): string {
  if (path.length >= 2 && typeof path[1] === 'number') {
    const f = a.sources.get(`${String(path[0])}[${path[1]}]`);
    if (f) return f;
  }
  return a.manifestFile;
}

/**
 * @param files path relative to the pack → parsed JSON (a folder pack: must hold `pack.json`)
 * @param manifestFile the manifest's path relative to the pack
 */
export function assemblePack(
  files: ReadonlyMap<string, unknown>,
  manifestFile = 'pack.json',
): Assembled {
  const sources = new Map<string, string>();
  const errors: Problem[] = [];
  const manifest = files.get(manifestFile);
  if (manifest === undefined)
    return {
      raw: undefined,
      from: null,
      sources,
      manifestFile,
      errors: [{ path: manifestFile, message: `${manifestFile} is missing` }],
    };
  if (!isObj(manifest))
    return {
      raw: manifest,
      from: null,
      sources,
      manifestFile,
      errors: [{ path: manifestFile, message: 'must be a JSON object (the pack manifest)' }],
    };
  // Copy own keys only: a "__proto__" key in the JSON stays data and never becomes a prototype.
  const raw: Obj = {};
  for (const k of Object.keys(manifest))
    Object.defineProperty(raw, k, {
      value: manifest[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  if (raw.format === 1)
    for (const [part, re] of Object.entries(FORMAT1_FOLDER_PARTS))
      if (!Object.hasOwn(raw, part)) raw[part] = [...files.keys()].filter((f) => re.test(f)).sort();
  for (const part of PARTS) {
    const list = raw[part];
    if (!Array.isArray(list)) continue;
    const items: unknown[] = [];
    list.forEach((entry, n) => {
      if (typeof entry !== 'string') {
        items.push(entry);
        return;
      }
      const data = files.get(entry);
      if (data === undefined) {
        errors.push({ path: `${manifestFile}: ${part}[${n}]`, message: `${entry} not found` });
        return;
      }
      for (const item of Array.isArray(data) ? data : [data]) {
        sources.set(`${part}[${items.length}]`, entry);
        items.push(item);
      }
    });
    raw[part] = items;
  }
  const m = migrateToCurrent(raw);
  if (m.error) errors.push({ path: `${manifestFile}: schemaVersion`, message: m.error });
  return { raw: m.value, from: m.from, sources, manifestFile, errors };
}
