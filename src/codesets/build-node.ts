/**
 * Node side of `codesets build`: reads the official files under a reference folder, builds the
 * bundles (build-plan.ts) and writes them gzip-compressed into codesets/build/. Each file is
 * written to a temporary name and renamed, the manifest last, and nothing is written unless
 * every file parsed: a bad download leaves the bundles already built intact.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  rmSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Result } from '../domain/result';
import { buildCodesets, type BuildOutput, type SourceFile } from './build-plan';
import { source } from './browser/bytes';
import {
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  manifestJson,
  parseManifest,
  type Manifest,
} from './manifest';

/** Folders of ../shared/reference this importer reads (mpfs and NCCI have their own importers). */
const FOLDERS = ['icd10cm', 'hcpcs', 'pos', 'mce'];
const EXT = /\.(txt|xml|csv)$/i;
// JSON is read only where a JSON source is expected (the derived FY2026 MCE lists).
const JSON_OK = /(^|[\\/])mce[\\/]/;
// Alphabetic Index, drug and neoplasm tables: read by the encoder's index importer, not here.
const SKIP = /(index|eindex|drug|neoplasm|guidelines|readme|proc_notes)/i;

export function readReferenceFolder(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if ((EXT.test(name) || (/\.json$/i.test(name) && JSON_OK.test(p))) && !SKIP.test(name))
        out.push(source(relative(dir, p).split(sep).join('/'), readFileSync(p)));
    }
  };
  for (const f of FOLDERS) if (existsSync(join(dir, f))) walk(join(dir, f));
  return out;
}

export interface WriteResult {
  output: BuildOutput;
  written: { file: string; bytes: number }[];
}

export function buildToFolder(from: string, outDir: string): Result<WriteResult> {
  const files = readReferenceFolder(from);
  const r = buildCodesets(files);
  if (!r.ok) return r;
  mkdirSync(outDir, { recursive: true });
  const written: { file: string; bytes: number }[] = [];
  const tmp: [string, string][] = [];
  try {
    for (const b of r.value.bundles) {
      const gz = gzipSync(Buffer.from(b.text, 'utf8'), { level: 9 });
      b.entry.bytes = gz.length;
      const target = join(outDir, b.entry.file);
      const t = `${target}.tmp-${process.pid}`;
      writeFileSync(t, gz);
      tmp.push([t, target]);
      written.push({ file: b.entry.file, bytes: gz.length });
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      bundles: r.value.bundles.map((b) => b.entry),
      others: previousOthers(outDir),
    };
    const mt = join(outDir, `manifest.json.tmp-${process.pid}`);
    writeFileSync(mt, manifestJson(manifest));
    tmp.push([mt, join(outDir, 'manifest.json')]);
  } catch (e) {
    for (const [t] of tmp) rmSync(t, { force: true });
    return {
      ok: false,
      errors: [{ path: outDir, message: `cannot write bundles: ${(e as Error).message}` }],
    };
  }
  for (const [t, target] of tmp) renameSync(t, target);
  return { ok: true, value: { output: r.value, written } };
}

/** Entries other importers put in the manifest (other kinds): kept across rebuilds. */
function previousOthers(outDir: string): { kind: string }[] {
  try {
    const m = parseManifest(
      JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')),
      'manifest.json',
    );
    return m.ok ? (m.value.others ?? []) : [];
  } catch {
    return [];
  }
}
