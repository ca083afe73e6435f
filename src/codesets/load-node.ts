/**
 * Loads the catalog in Node (CLI, tests, bench): the official bundles from codesets/build/
 * when they exist, else the starter set. Bundles are read and decoded on first use
 * (node:zlib gunzip + the pure decoder), so start-up costs only the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CodeCatalog } from '../domain/codes/catalog';
import { decodeIcdBundle, type IcdBundle } from './bundle';
import { decodeJsonBundle, type JsonBundle } from './json-bundle';
import { parseManifest, type Manifest } from './manifest';
import { CPT_DESCRIPTIONS_FILE, parseCptDescriptions } from './cpt-descriptions';
import { MPFS_BUNDLE_FILE } from './mpfs/decode';
import { pfsCodeList } from './mpfs/codes';
import { pfsCodeListFor } from './mpfs/read-node';
import { OfficialCatalog } from './official-catalog';
import { starterCatalog } from './starter';

export const DEFAULT_BUNDLE_DIR = 'codesets/build';

export function readGzipText(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new Error(
      `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)}): run "codesets build"`,
      {
        cause: e,
      },
    );
  }
  try {
    // One output chunk about the size of the text (bundles inflate ~9x): fewer copies.
    return gunzipSync(buf, {
      chunkSize: Math.min(32 << 20, Math.max(1 << 16, buf.length * 10)),
    }).toString('utf8');
  } catch (e) {
    throw new Error(
      `${path}: not a valid gzip bundle (${(e as Error).message}): run "codesets build" again`,
      { cause: e },
    );
  }
}

export function readManifest(dir: string): Manifest | null {
  const p = join(dir, 'manifest.json');
  if (!existsSync(p)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(p, 'utf8'));
  } catch (e) {
    throw new Error(`${p}: not JSON (${(e as Error).message})`, { cause: e });
  }
  const m = parseManifest(json, p);
  if (!m.ok) throw new Error(m.message);
  return m.value;
}

function loadIcd(path: string): IcdBundle {
  const r = decodeIcdBundle(readGzipText(path), path);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.value;
}

function loadJson<K extends JsonBundle['kind']>(
  path: string,
  kind: K,
): Extract<JsonBundle, { kind: K }> {
  const r = decodeJsonBundle(readGzipText(path), path);
  if (!r.ok) throw new Error(r.message);
  if (r.value.kind !== kind)
    throw new Error(`${path}: a ${r.value.kind} bundle where ${kind} was expected`);
  return r.value as Extract<JsonBundle, { kind: K }>;
}

/** The official catalog over the bundles in `dir`, or null when there is no manifest. */
export function loadOfficialCatalog(dir: string, fallback?: CodeCatalog): OfficialCatalog | null {
  const m = readManifest(dir);
  if (!m) return null;
  const at = (f: string) => join(dir, f);
  const pos = m.bundles.find((b) => b.kind === 'pos');
  const mce = m.bundles.find((b) => b.kind === 'mce');
  return new OfficialCatalog({
    icd: m.bundles.flatMap((b) =>
      b.kind === 'icd10cm'
        ? [
            {
              id: b.id,
              from: b.from,
              to: b.to,
              notesRelease: b.notesRelease,
              load: () => loadIcd(at(b.file)),
            },
          ]
        : [],
    ),
    hcpcs: m.bundles.flatMap((b) =>
      b.kind === 'hcpcs'
        ? [{ id: b.id, from: b.from, to: b.to, load: () => loadJson(at(b.file), 'hcpcs').data }]
        : [],
    ),
    ...(pos ? { pos: { id: pos.id, load: () => loadJson(at(pos.file), 'pos').data } } : {}),
    ...(mce ? { mce: { id: mce.id, load: () => loadJson(at(mce.file), 'mce').data } } : {}),
    ...pfsSource(dir),
    ...cptSource(dir),
    ...(fallback ? { fallback } : {}),
  });
}

/** The PFS code list from the MPFS bundle beside the others, when it was built. */
function pfsSource(dir: string) {
  const p = join(dir, MPFS_BUNDLE_FILE);
  if (!existsSync(p)) return {};
  const year = /mpfs-(\d{4})/.exec(MPFS_BUNDLE_FILE)?.[1] ?? '';
  return {
    pfs: {
      id: `CY${year}`,
      load: () => {
        // The payer service has usually read this bundle already (mpfs/read-node.ts).
        const l = pfsCodeListFor(p, () => pfsCodeList(JSON.parse(readGzipText(p))));
        if (!l) throw new Error(`${p}: no RVU rows: run "codesets build" again`);
        return l;
      },
    },
  };
}

/** Licensed CPT descriptions the user imported (`codes import-cpt`), when present. */
function cptSource(dir: string) {
  const p = join(dir, CPT_DESCRIPTIONS_FILE);
  if (!existsSync(p)) return {};
  return {
    cpt: {
      id: 'licensed CPT file (imported)',
      load: () => {
        const r = parseCptDescriptions(readFileSync(p, 'utf8'), p);
        if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
        return r.value;
      },
    },
  };
}

/** The official catalog when bundles exist in `dir` (default codesets/build), else the starter set. */
export async function loadNodeCatalog(opts: { dir?: string } = {}): Promise<CodeCatalog> {
  const dir = resolve(opts.dir ?? DEFAULT_BUNDLE_DIR);
  const starter = starterCatalog();
  return loadOfficialCatalog(dir, starter) ?? starter;
}
