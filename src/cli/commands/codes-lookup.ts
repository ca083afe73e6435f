/**
 * `codes lookup <code> [--date YYYY-MM-DD] [--release FY2026] [--json]`: what the release in
 * effect on the date says about a code: exists, billable, description, parent and children,
 * notes (with the year they came from), the 7th-character rule and the placeholder-X check.
 * Without --date, the newest loaded release.
 */
import type { CodeCatalog, IcdRelease } from '../../domain/codes/catalog';
import { icdDisplay } from '../../domain/codes/code';
import { describeCheck, lookupCode } from '../../domain/codes/release/lookup';
import { loadNodeCatalog } from '../../codesets/load-node';
import { CliError, parseArgs, type Io } from '../io';

export function pickRelease(
  cat: CodeCatalog,
  date: string | undefined,
  id: string | undefined,
): IcdRelease {
  if (id) {
    const r = cat.releases().find((x) => x.id.toUpperCase() === id.toUpperCase());
    if (!r)
      throw new CliError(
        `no release ${id}; loaded: ${cat
          .releases()
          .map((x) => x.id)
          .join(', ')}`,
        1,
      );
    return r;
  }
  if (date) {
    const r = cat.icd10(date);
    if (!r.ok) throw new CliError(r.errors.map((e) => e.message).join('; '), 1);
    return r.value;
  }
  const all = cat.releases();
  const newest = all[all.length - 1];
  if (!newest) throw new CliError('no ICD-10-CM release loaded', 1);
  return newest;
}

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(args, ['date', 'release', 'dir']);
  const code = positional[0];
  if (!code)
    throw new CliError(
      'usage: codes lookup <code> [--date YYYY-MM-DD] [--release FY2026] [--json]',
    );
  const date = flags.get('date');
  const rid = flags.get('release');
  const dir = flags.get('dir');
  const cat = await loadNodeCatalog(typeof dir === 'string' ? { dir } : {});
  const rel = pickRelease(
    cat,
    typeof date === 'string' ? date : undefined,
    typeof rid === 'string' ? rid : undefined,
  );
  const r = lookupCode(rel, code);
  if (flags.has('json')) {
    io.out(JSON.stringify(r));
    return r.exists ? 0 : 1;
  }
  io.out(`${r.code}  ${r.description ?? '(not found)'}`);
  io.out(`release: ${r.release} (${r.releaseRange.from} to ${r.releaseRange.to}, ${r.origin})`);
  io.out(`exists: ${r.exists ? 'yes' : 'no'}; billable: ${r.billable ? 'yes' : 'no'}`);
  const msg = describeCheck(r.check);
  if (msg) io.out(`check: ${msg}`);
  if (r.parents.length) io.out(`in: ${r.parents.map((p) => `${p.code} ${p.display}`).join(' > ')}`);
  if (r.children.length) io.out(`children: ${r.children.map((c) => c.code).join(', ')}`);
  if (r.seventh)
    io.out(
      `7th character (defined at ${icdDisplay(r.seventh.definedAt)}, from ${r.seventh.source}): ${Object.entries(
        r.seventh.characters,
      )
        .map(([c, m]) => `${c} ${m}`)
        .join('; ')}`,
    );
  for (const n of r.notes) io.out(`${n.kind} [${n.at}, ${n.source}]: ${n.text}`);
  return r.exists ? 0 : 1;
}
