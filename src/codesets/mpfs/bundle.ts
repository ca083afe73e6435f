/**
 * The MPFS bundle: the imported RVU, GPCI and locality tables in one gzip'd JSON file in the
 * git-ignored codesets/build/ (never committed: it is derived from CMS files). Built by
 * `claimlab codesets build` (via buildMpfsBundle) or on its own:
 * `npx tsx src/codesets/mpfs/bundle.ts [refDir] [outDir]`.
 * See: ../shared/reference/README.md (mpfs/2025); CMS RVU25D.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Problem, Result } from '../../domain/result';
import type { MpfsTables } from '../../domain/payer/pricing/fees';
import {
  decodeMpfsBundle,
  MPFS_BUNDLE_FILE,
  MPFS_FORMAT as FORMAT,
  MPFS_FORMAT_VERSION,
} from './decode';
import { checkGpciFile, checkLocalityCountyFile, checkRvuFile } from '../completeness';
import { decodeSource } from '../source-text';
import { readMpfsJson } from './read-node';
import { parseGpciFile, parseLocalityCountyFile, parseRvuFile, type MpfsData } from './import';

export { decodeMpfsBundle, mpfsTables, MPFS_BUNDLE_FILE, MPFS_FORMAT_VERSION } from './decode';

type RvuRow = [
  string,
  string,
  string,
  number,
  number,
  number,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
type GpciRow = [string, string, string, number, number, number];

export interface MpfsBuildResult {
  file: string;
  bytes: number;
  counts: { rvus: number; priced: number; localities: number; countyRows: number };
  conversionFactor: number;
}

/** Reads <refDir>/mpfs/2025 (or refDir itself when it holds the files) and writes the bundle. */
export function buildMpfsBundle(refDir: string, outDir: string): Result<MpfsBuildResult> {
  const dir = existsSync(join(refDir, 'mpfs', '2025')) ? join(refDir, 'mpfs', '2025') : refDir;
  const files = {
    rvu: 'PPRRVU2025_Oct_no_descriptors.csv',
    gpci: 'GPCI2025.csv',
    locco: '25LOCCO.csv',
  };
  const errors: Problem[] = [];
  const read = (f: string): string | null => {
    const p = join(dir, f);
    if (!existsSync(p)) {
      errors.push({
        path: p,
        message: 'file not found (get it from CMS, see ../shared/reference/README.md)',
      });
      return null;
    }
    // Refused: empty, UTF-16, binary (an empty GPCI file used to fail with no message).
    const d = decodeSource(readFileSync(p), f);
    if (d.refused) {
      errors.push(d.refused);
      return null;
    }
    return d.text;
  };
  const rvuText = read(files.rvu);
  const gpciText = read(files.gpci);
  const loccoText = read(files.locco);
  if (rvuText === null || gpciText === null || loccoText === null) return { ok: false, errors };
  errors.push(
    ...checkRvuFile(files.rvu, rvuText),
    ...checkGpciFile(files.gpci, gpciText),
    ...checkLocalityCountyFile(files.locco, loccoText),
  );
  if (errors.length) return { ok: false, errors };
  const rvu = parseRvuFile(rvuText, files.rvu);
  const gpci = parseGpciFile(gpciText, files.gpci);
  const locco = parseLocalityCountyFile(loccoText, files.locco);
  for (const r of [rvu, gpci, locco]) if (!r.ok) errors.push(...r.errors);
  if (!rvu.ok || !gpci.ok || !locco.ok) return { ok: false, errors };
  const data: MpfsData = {
    year: 2025,
    source: 'CMS PFS CY2025 (RVU25D, October release)',
    conversionFactor: rvu.value.conversionFactor,
    rvus: rvu.value.rvus,
    gpcis: gpci.value,
    counties: locco.value,
  };
  const json = JSON.stringify({
    format: FORMAT,
    formatVersion: MPFS_FORMAT_VERSION,
    year: data.year,
    source: data.source,
    conversionFactor: data.conversionFactor,
    rvus: data.rvus.map((r): RvuRow => [
      r.code,
      r.modifier,
      r.status,
      r.work,
      r.peNonFacility,
      r.peFacility,
      r.mp,
      r.pctc,
      r.globalDays,
      r.mult,
      r.bilat,
      r.endoBase,
      r.asstSurg,
      r.coSurg,
      r.teamSurg,
    ]),
    gpcis: data.gpcis.map((g): GpciRow => [g.key, g.state, g.name, g.work, g.pe, g.mp]),
    counties: data.counties.map((c) => [c.key, c.state, c.area, c.counties]),
  });
  mkdirSync(outDir, { recursive: true });
  const buf = gzipSync(json, { level: 9 });
  const file = join(outDir, MPFS_BUNDLE_FILE);
  // Written under a temporary name and renamed: a reader never sees half a bundle.
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, buf);
  renameSync(tmp, file);
  return {
    ok: true,
    value: {
      file,
      bytes: buf.length,
      conversionFactor: data.conversionFactor / 1e4,
      counts: {
        rvus: data.rvus.length,
        priced: data.rvus.filter((r) => ['A', 'R', 'T'].includes(r.status)).length,
        localities: data.gpcis.length,
        countyRows: data.counties.length,
      },
    },
  };
}

/** Loads the bundle from outDir; null when not built; an error naming the file when corrupt. */
export function loadMpfsBundle(dir = 'codesets/build'): Result<MpfsTables | null> {
  const file = resolve(dir, MPFS_BUNDLE_FILE);
  if (!existsSync(file)) return { ok: true, value: null };
  let raw: unknown;
  try {
    raw = readMpfsJson(file);
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          path: file,
          message: `cannot read the MPFS bundle (${(e as Error).message}); rebuild it with codesets build`,
        },
      ],
    };
  }
  return decodeMpfsBundle(raw, file);
}

const isEntry = process.argv[1] && /codesets[\\/]mpfs[\\/]bundle\.ts$/.test(process.argv[1]);
if (isEntry) {
  const [ref = '../shared/reference', out = 'codesets/build'] = process.argv.slice(2);
  const r = buildMpfsBundle(resolve(ref), resolve(out));
  if (!r.ok) {
    for (const e of r.errors) process.stderr.write(`${e.path}: ${e.message}\n`);
    process.exit(1);
  }
  const v = r.value;
  process.stdout.write(
    `MPFS 2025: ${v.counts.rvus} RVU rows (${v.counts.priced} priced by the formula), ${v.counts.localities} localities, ${v.counts.countyRows} county rows, CF ${v.conversionFactor}; ${v.file} ${(v.bytes / 1024).toFixed(0)} KB\n`,
  );
}
