/**
 * The NCCI bundle: CMS NCCI files found under `<reference>/ncci/<folder>/` (CMS PTP and MUE
 * files, or the derived practitioner-MUE and add-on code edit JSON of ncci/2026-derived) are
 * imported by `codesets build` into `codesets/build/ncci-<folder>.json.gz` (git-ignored), and
 * every command that scrubs or adjudicates lays them over the curated edits by default, as
 * `check --ncci <folder>` did: the 2026 MUEs and add-on code edits apply without a flag.
 * Each edit keeps its own effective date, so the curated values still govern earlier dates.
 * See: CMS NCCI MUE and add-on code edit pages; derived.ts for the derived layouts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Problem, Result } from '../../domain/result';
import {
  decodeNcciBundle,
  ncciFromBundles,
  NCCI_BUNDLE,
  type NcciBundleJson,
  type NcciFromBundles,
} from './bundle-format';
import { readNcciFiles } from './import-node';

export { NCCI_BUNDLE, type NcciBundleJson, type NcciFromBundles } from './bundle-format';

/** Imports every folder under `<refDir>/ncci/` into `<outDir>/ncci-<folder>.json.gz`. */
export function buildNcciBundles(refDir: string, outDir: string): Result<string[]> {
  const root = join(refDir, 'ncci');
  if (!existsSync(root)) return { ok: true, value: [] };
  const written: string[] = [];
  const errors: Problem[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory() || !/^[A-Za-z0-9._-]+$/.test(name)) continue;
    const r = readNcciFiles(dir);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    const { ptp, mue, addOns } = r.value;
    const bundle: NcciBundleJson = {
      format: 'claimlab.ncci',
      formatVersion: 1,
      name,
      source: `CMS NCCI files in ncci/${name} (${ptp.length} PTP rows, ${mue.length} MUE rows, ${addOns?.length ?? 0} add-on code rules)`,
      ptp,
      mue,
      addOns,
    };
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, `ncci-${name}.json.gz`);
    writeFileSync(out, gzipSync(JSON.stringify(bundle)));
    written.push(out);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: written };
}

/**
 * The NCCI bundles in `dir` laid over the curated edits, or null when there are none. A bundle
 * that cannot be read is an error naming its file (callers say what they use instead).
 */
export function loadNcciBundles(dir = 'codesets/build'): Result<NcciFromBundles | null> {
  const abs = resolve(dir);
  if (!existsSync(abs)) return { ok: true, value: null };
  const files = readdirSync(abs)
    .filter((f) => NCCI_BUNDLE.test(f))
    .sort();
  if (!files.length) return { ok: true, value: null };
  const bundles: NcciBundleJson[] = [];
  const errors: Problem[] = [];
  for (const f of files) {
    const file = join(abs, f);
    let raw: unknown;
    try {
      raw = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
    } catch (e) {
      errors.push({
        path: file,
        message: `cannot read the NCCI bundle (${(e as Error).message}); rebuild it with codesets build`,
      });
      continue;
    }
    const d = decodeNcciBundle(raw, file);
    if (d.ok) bundles.push(d.value);
    else errors.push(...d.errors);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: ncciFromBundles(bundles, files) };
}
