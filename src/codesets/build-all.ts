/**
 * `codesets build`, all or nothing: every stage (ICD-10-CM, HCPCS, POS and MCE bundles; the
 * fee schedule; the Alphabetic Index; the encoder's search indexes) writes into a staging
 * folder inside the output folder, and the bundles are moved into place only when every stage
 * succeeded and no bundle shrank from the one it replaces. Each move is a rename (atomic on
 * one file system), the manifest last, so a reader sees either the old or the new bundle.
 * A failure at any stage leaves the output folder byte for byte as it was.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Problem, Result } from '../domain/result';
import {
  buildAlphabeticIndexBundle,
  findIndexFiles,
  type AlphaIndexSummary,
} from './alpha-index/bundle';
import { writeSearchBundle } from './alpha-index/search-bundle';
import { buildToFolder, type WriteResult } from './build-node';
import { loadOfficialCatalog, readManifest } from './load-node';
import { buildMpfsBundle, MPFS_BUNDLE_FILE, type MpfsBuildResult } from './mpfs/bundle';
import { buildAspBundles } from './asp/import';
import { buildNcciBundles } from './ncci/bundle';
import { entryLabel as label, entrySize as size, sameRelease, shrunk as shrunkBy } from './shrink';

const shrunk = (what: string, before: number, after: number, where: string): Problem | null =>
  shrunkBy(what, before, after, where, ALLOW);

export { SHRINK_LIMIT } from './shrink';

export interface BuildAllOptions {
  from: string;
  out: string;
  /** Accept bundles that lose more than SHRINK_LIMIT of their codes, or releases that disappear. */
  allowShrink?: boolean;
  /** Progress notes (counts per index part…), printed as they come. */
  log?: (line: string) => void;
}

export interface BuildAllReport {
  codesets: WriteResult;
  mpfs: MpfsBuildResult | null;
  /** ASP drug pricing bundles written (asp-<quarter>.json). */
  asp: string[];
  /** NCCI bundles written (ncci-<folder>.json.gz: MUEs, PTP pairs, add-on code edits). */
  ncci: string[];
  index: AlphaIndexSummary['bundles'];
  search: { id: string; file: string; bytes: number; entries: number; indexTerms: number }[];
  notes: string[];
}

export async function buildAll(o: BuildAllOptions): Promise<Result<BuildAllReport>> {
  const log = o.log ?? (() => {});
  mkdirSync(o.out, { recursive: true });
  removeStaleStaging(o.out);
  const stage = mkdtempSync(join(o.out, '.staging-'));
  try {
    const r = await buildStages(o.from, o.out, stage, log);
    if (!r.ok) return r;
    if (!o.allowShrink) {
      const shrunk = shrinkProblems(o.out, stage, r.value);
      if (shrunk.length) return { ok: false, errors: shrunk };
    }
    commit(stage, o.out);
    return r;
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: o.out, message: `build failed: ${(e as Error).message}` }],
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function buildStages(
  from: string,
  out: string,
  stage: string,
  log: (line: string) => void,
): Promise<Result<BuildAllReport>> {
  // The manifest lists other importers' bundles too (kept across rebuilds by buildToFolder).
  if (existsSync(join(out, 'manifest.json')))
    copyFileSync(join(out, 'manifest.json'), join(stage, 'manifest.json'));
  const codesets = buildToFolder(from, stage);
  if (!codesets.ok) return codesets;
  const errors: Problem[] = [];
  const notes: string[] = [];
  let mpfs: MpfsBuildResult | null = null;
  // The fee schedule and the Alphabetic Index are optional parts of a reference folder.
  if (!existsSync(join(from, 'mpfs')))
    notes.push(`no mpfs/ folder in ${from}: the Physician Fee Schedule was not imported`);
  else {
    const m = buildMpfsBundle(from, stage);
    if (m.ok) mpfs = m.value;
    else errors.push(...m.errors);
  }
  // Part B drug ASP pricing files (asp/<quarter>/*.csv): codes, units and limits only.
  const aspBuilt = buildAspBundles(from, stage);
  const asp = aspBuilt.ok ? aspBuilt.value : [];
  if (!aspBuilt.ok) errors.push(...aspBuilt.errors);
  // CMS NCCI files (ncci/<folder>/: PTP/MUE files or the derived MUE and add-on edit JSON).
  const ncciBuilt = buildNcciBundles(from, stage);
  const ncci = ncciBuilt.ok ? ncciBuilt.value : [];
  if (!ncciBuilt.ok) errors.push(...ncciBuilt.errors);
  let index: AlphaIndexSummary['bundles'] = [];
  if ((await findIndexFiles(from)).length) {
    const idx = await buildAlphabeticIndexBundle(from, stage, log);
    index = idx.bundles;
    errors.push(...idx.errors);
  } else {
    notes.push(`no Alphabetic Index XML in ${from}: the encoder searches titles only`);
    // The search indexes below read the index bundles already built, as before.
    for (const f of readdirSync(out).filter((n) => /^index-FY\d{4}\.json\.gz$/.test(n)))
      copyFileSync(join(out, f), join(stage, f));
  }
  if (errors.length) return { ok: false, errors };
  // The encoder's prebuilt search index per release (loads in ~0.1 s instead of a 2 s build).
  const search: BuildAllReport['search'] = [];
  for (const rel of loadOfficialCatalog(stage)?.releases() ?? []) {
    const w = await writeSearchBundle([...rel.entries()], rel.id, stage, from);
    search.push({
      id: rel.id,
      file: w.file,
      bytes: w.bytes,
      entries: w.stats.entries,
      indexTerms: w.stats.indexTerms,
    });
  }
  return { ok: true, value: { codesets: codesets.value, mpfs, asp, ncci, index, search, notes } };
}

/** Staging folders a killed build left behind (an hour old: not a build running now). */
function removeStaleStaging(out: string): void {
  for (const n of readdirSync(out).filter((f) => f.startsWith('.staging-'))) {
    const p = join(out, n);
    if (Date.now() - statSync(p).mtimeMs > 3600_000) rmSync(p, { recursive: true, force: true });
  }
}

/** Every staged file renamed into the output folder, the manifest last. */
function commit(stage: string, out: string): void {
  const files = readdirSync(stage).filter((f) => f !== 'manifest.json' && !f.endsWith('.tmp'));
  for (const f of files) renameSync(join(stage, f), join(out, f));
  if (existsSync(join(stage, 'manifest.json')))
    renameSync(join(stage, 'manifest.json'), join(out, 'manifest.json'));
}

const fmt = (n: number) => n.toLocaleString('en-US');

const ALLOW = 'pass --allow-shrink if the new release really is smaller';

/**
 * Bundles that lose more than SHRINK_LIMIT of their codes against the ones in the output
 * folder, and releases in the output folder that this build would drop from the manifest.
 */
export function shrinkProblems(out: string, stage: string, built: BuildAllReport): Problem[] {
  let old;
  try {
    old = readManifest(out);
  } catch {
    return []; // an unreadable manifest protects nothing
  }
  const problems: Problem[] = [];
  const next = built.codesets.output.bundles.map((b) => b.entry);
  for (const e of old?.bundles ?? []) {
    const n = next.find((x) => sameRelease(e, x));
    if (!n) {
      problems.push({
        path: e.sources[0] ?? e.file,
        message: `${label(e)} (${fmt(size(e))} codes, ${e.file}) is not in this build: its files are missing from the reference folder or were not recognised; ${ALLOW.replace('the new release really is smaller', 'it should be dropped')}`,
      });
      continue;
    }
    const p = shrunk(`${label(n)}`, size(e), size(n), n.sources[0] ?? n.file);
    if (p) problems.push(p);
  }
  if (built.mpfs) {
    const before = jsonCount(join(out, MPFS_BUNDLE_FILE), (j) => j.rvus?.length);
    const after = jsonCount(join(stage, MPFS_BUNDLE_FILE), (j) => j.rvus?.length);
    const p = before && after ? shrunk('the fee schedule (RVU rows)', before, after, 'mpfs') : null;
    if (p) problems.push(p);
  }
  for (const b of built.index) {
    const name = `index-FY${b.year}.json.gz`;
    const terms = (j: Json) =>
      (j.parts as { terms: unknown[] }[] | undefined)?.reduce((a, p) => a + p.terms.length, 0);
    const before = jsonCount(join(out, name), terms);
    const after = jsonCount(join(stage, name), terms);
    const p =
      before && after
        ? shrunk(
            `the Alphabetic Index FY${b.year} (main terms)`,
            before,
            after,
            b.parts[0]?.source ?? name,
          )
        : null;
    if (p) problems.push(p);
  }
  return problems;
}

type Json = Record<string, unknown> & { rvus?: unknown[] };

function jsonCount(file: string, count: (j: Json) => number | undefined): number | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return count(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Json);
  } catch {
    return undefined; // an unreadable old bundle protects nothing
  }
}
