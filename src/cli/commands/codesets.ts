/**
 * `codesets build [--from DIR] [--out DIR]`: imports the official files (default
 * ../shared/reference) into compressed bundles in codesets/build/ and prints what it built.
 * `codesets status`: lists the bundles the manifest names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildToFolder } from '../../codesets/build-node';
import { buildMpfsBundle } from '../../codesets/mpfs/bundle';
import { buildAlphabeticIndexBundle, findIndexFiles } from '../../codesets/alpha-index/bundle';
import { writeSearchBundle } from '../../codesets/alpha-index/search-bundle';
import { loadOfficialCatalog } from '../../codesets/load-node';
import { parseManifest } from '../../codesets/manifest';
import { CliError, parseArgs, type Io } from '../io';

export const DEFAULT_FROM = '../shared/reference';
export const DEFAULT_OUT = 'codesets/build';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(args, ['from', 'out']);
  const sub = positional[0];
  const out = resolve(String(flags.get('out') ?? DEFAULT_OUT));
  if (sub === 'status') return status(out, io);
  if (sub !== 'build')
    throw new CliError('usage: codesets build [--from DIR] [--out DIR] | codesets status');
  const from = resolve(String(flags.get('from') ?? DEFAULT_FROM));
  if (!existsSync(from))
    throw new CliError(
      `reference folder ${from} not found: get the official files (see ../shared/reference/README.md or codesets/README.md) and pass --from DIR`,
      1,
    );
  const t0 = performance.now();
  const r = buildToFolder(from, out);
  if (!r.ok) {
    io.err(`codesets build: nothing written (bundles already in ${out} are unchanged):`);
    for (const e of r.errors) io.err(`  ${e.path}: ${e.message}`);
    return 1;
  }
  for (const l of r.value.output.log) io.err(`note: ${l}`);
  for (const b of r.value.output.bundles) {
    const e = b.entry;
    if (e.kind === 'icd10cm') {
      const c = e.counts;
      const s = b.stats!;
      io.out(
        `ICD-10-CM ${e.id} (${e.from} to ${e.to}): ${c.codes} codes, ${c.billable} billable, ${c.notes} notes` +
          ` [${Object.entries(c.notesByKind)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}], ${c.seventhRules} 7th-character rules` +
          (e.notesRelease ? `, notes from ${e.notesRelease}` : ', no tabular notes') +
          `; Excludes1 references parsed ${s.excludes1.parsed}/${s.excludes1.withRefs} = ${pct(s.excludes1.share)}` +
          ` (${s.excludes1.notes - s.excludes1.withRefs} Excludes1 notes name no code); ${e.file} ${kb(e.bytes)}`,
      );
      for (const u of s.unparsedSamples) io.err(`  unparsed Excludes1 reference in ${e.id}: ${u}`);
    } else if (e.kind === 'hcpcs')
      io.out(
        `HCPCS ${e.id} (${e.from} to ${e.to}): ${e.counts.procedures} codes, ${e.counts.modifiers} modifiers; ${e.file} ${kb(e.bytes)}`,
      );
    else if (e.kind === 'pos')
      io.out(`Place of service ${e.id}: ${e.counts.codes} codes; ${e.file} ${kb(e.bytes)}`);
    else
      io.out(
        `MCE ${e.id}: ${Object.entries(e.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}; ${e.file} ${kb(e.bytes)}`,
      );
  }
  // The fee schedule and the Alphabetic Index have importers of their own; a failure in one
  // is reported and fails the build, but leaves the bundles already written intact.
  let failed = false;
  // Both are optional parts of a reference folder: absent, they are noted, not errors.
  if (!existsSync(join(from, 'mpfs')))
    io.err(`note: no mpfs/ folder in ${from}: the Physician Fee Schedule was not imported`);
  else {
    const mpfs = buildMpfsBundle(from, out);
    if (mpfs.ok)
      io.out(
        `Physician Fee Schedule: ${mpfs.value.counts.rvus} RVU rows (${mpfs.value.counts.priced} priced), ${mpfs.value.counts.localities} localities, CF ${mpfs.value.conversionFactor}; ${basename(mpfs.value.file)} ${kb(mpfs.value.bytes)}`,
      );
    else {
      failed = true;
      for (const e of mpfs.errors) io.err(`  ${e.path}: ${e.message}`);
    }
  }
  const hasIndex = (await findIndexFiles(from)).length > 0;
  if (!hasIndex)
    io.err(`note: no Alphabetic Index XML in ${from}: the encoder searches titles only`);
  const idx = hasIndex
    ? await buildAlphabeticIndexBundle(from, out, (l) => io.err(`note: ${l}`))
    : { bundles: [], errors: [] };
  for (const b of idx.bundles)
    io.out(
      `Alphabetic Index ${b.year}: ${b.parts
        .map(
          (p) =>
            `${p.kind} ${Object.entries(p.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(' ')}`,
        )
        .join('; ')}; ${basename(b.file)} ${kb(b.bytes)}`,
    );
  if (idx.errors.length) {
    failed = true;
    for (const e of idx.errors) io.err(`  ${e.path}: ${e.message}`);
  }
  // The encoder's search bundle per release: its Alphabetic Index terms (the index is built from them).
  for (const rel of loadOfficialCatalog(out)?.releases() ?? []) {
    const w = await writeSearchBundle([...rel.entries()], rel.id, out, from);
    const st = w.stats;
    io.out(
      `Search index ${rel.id}: ${st.entries} codes, ${st.indexTerms} Alphabetic Index terms; ${basename(w.file)} ${kb(w.bytes)}`,
    );
  }
  io.err(
    `codesets build: ${r.value.written.length} bundles written to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return failed ? 1 : 0;
}

function status(out: string, io: Io): number {
  const p = resolve(out, 'manifest.json');
  if (!existsSync(p)) {
    io.out(
      `no bundles in ${out}: run "npm run -s claimlab -- codesets build" (the app uses the starter set meanwhile)`,
    );
    return 0;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(p, 'utf8'));
  } catch (e) {
    throw new CliError(`${p}: not JSON (${(e as Error).message})`, 1);
  }
  const m = parseManifest(json, p);
  if (!m.ok) throw new CliError(m.message, 1);
  for (const b of m.value.bundles)
    io.out(
      `${b.kind}\t${b.id}\t${'from' in b ? `${b.from}..${b.to}` : ''}\t${b.file}\t${b.bytes}\t${b.sources.join(', ')}`,
    );
  return 0;
}
