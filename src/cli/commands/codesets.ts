/**
 * `codesets build [--from DIR] [--out DIR] [--allow-shrink]`: imports the official files (default
 * ../shared/reference) into compressed bundles in codesets/build/ and prints what it built. All
 * or nothing (build-all.ts): one bad file anywhere and nothing in the output folder changes.
 * `codesets status`: lists the bundles the manifest names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildAll } from '../../codesets/build-all';
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
    throw new CliError(
      'usage: codesets build [--from DIR] [--out DIR] [--allow-shrink] | codesets status',
    );
  const from = resolve(String(flags.get('from') ?? DEFAULT_FROM));
  if (!existsSync(from))
    throw new CliError(
      `reference folder ${from} not found: get the official files (see ../shared/reference/README.md or codesets/README.md) and pass --from DIR`,
      1,
    );
  const t0 = performance.now();
  const r = await buildAll({
    from,
    out,
    allowShrink: flags.has('allow-shrink'),
    log: (l) => io.err(`note: ${l}`),
  });
  if (!r.ok) {
    io.err(`codesets build: nothing written (bundles already in ${out} are unchanged):`);
    for (const e of r.errors) io.err(`  ${e.path}: ${e.message}`);
    return 1;
  }
  const { codesets, mpfs, asp, ncci, index, search, notes } = r.value;
  for (const l of codesets.output.log) io.err(`note: ${l}`);
  for (const b of codesets.output.bundles) {
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
  for (const n of notes) io.err(`note: ${n}`);
  if (mpfs)
    io.out(
      `Physician Fee Schedule: ${mpfs.counts.rvus} RVU rows (${mpfs.counts.priced} priced), ${mpfs.counts.localities} localities, CF ${mpfs.conversionFactor}; ${basename(mpfs.file)} ${kb(mpfs.bytes)}`,
    );
  for (const f of asp) io.out(`ASP drug pricing: ${basename(f)}`);
  for (const f of ncci) io.out(`NCCI edits (MUEs, PTP pairs, add-on code edits): ${basename(f)}`);
  for (const b of index)
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
  for (const w of search)
    io.out(
      `Search index ${w.id}: ${w.entries} codes, ${w.indexTerms} Alphabetic Index terms; ${basename(w.file)} ${kb(w.bytes)}`,
    );
  io.err(
    `codesets build: ${codesets.written.length + (mpfs ? 1 : 0) + asp.length + ncci.length + index.length + search.length} bundles written to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s (all or nothing: every stage succeeded)`,
  );
  return 0;
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
