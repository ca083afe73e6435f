/**
 * `codes lookup <code> [--date YYYY-MM-DD] [--release FY2026] [--json]`: what the release in
 * effect on the date says about a code: exists, billable, description, parent and children,
 * notes (with the year they came from), the 7th-character rule and the placeholder-X check.
 * Without --date, the newest loaded release. A CPT/HCPCS number (27447, G2211) or a modifier
 * (25, TC) is looked up in the procedure lists instead: valid on the date (default today),
 * the list judged on, the PFS status, and whose wording the description is.
 */
import type { CodeCatalog, IcdRelease } from '../../domain/codes/catalog';
import { icdDisplay } from '../../domain/codes/code';
import { describeCheck, lookupCode } from '../../domain/codes/release/lookup';
import { loadNodeCatalog } from '../../codesets/load-node';
import {
  MODIFIER_SHAPE,
  PROCEDURE_SHAPE,
  namedModifier,
} from '../../domain/codes/procedure-search';
import { PFS_STATUS } from '../../codesets/mpfs/codes';
import { CliError, parseArgs, type Io } from '../io';
import { rulesReleaseFor, validInGap } from '../../domain/edits/validity';

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
    if (r.ok) return r.value;
    // No release for the date: the one the scrubber applies (nearest before, else after), as
    // `check` and `adjudicate` do; run() names the gap. See: issue 10.
    // Before every loaded release the lookup still fails (the date's own codes are unknown),
    // naming the release the scrubber stands on.
    const near = rulesReleaseFor(cat, date);
    if (near && near.release.to < date) return near.release;
    const why = r.errors.map((e) => e.message).join('; ');
    throw new CliError(
      near
        ? `${why} (check and adjudicate apply the diagnosis rules of ${near.release.id}, the nearest release, to it; --release ${near.release.id} shows it)`
        : why,
      1,
    );
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
  // CPT/HCPCS numbers and modifiers (an ICD-10-CM code is written with its dot, or has 3+
  // characters that are not a procedure's shape).
  // "modifier 25" / "mod XS" looks up the modifier it names (CPT Appendix A).
  const bare = namedModifier(code) ?? code.trim();
  if (MODIFIER_SHAPE.test(bare) || (PROCEDURE_SHAPE.test(bare) && !bare.includes('.')))
    return lookupProcedure(
      cat,
      bare,
      typeof date === 'string' ? date : today(),
      flags.has('json'),
      io,
    );
  const rel = pickRelease(
    cat,
    typeof date === 'string' ? date : undefined,
    typeof rid === 'string' ? rid : undefined,
  );
  const r = lookupCode(rel, code, typeof date === 'string' ? date : undefined);
  const gap = typeof date === 'string' && !rid ? releaseGap(cat, rel, date, code) : undefined;
  // Between two releases, the verdict `check` gives (billable at both ends, mid-year dates).
  const valid = gap && typeof date === 'string' ? validInGap(cat, date, code) : undefined;
  if (flags.has('json')) {
    io.out(
      JSON.stringify(
        gap ? { ...r, releaseGap: gap, ...(valid === undefined ? {} : { valid }) } : r,
      ),
    );
    return (valid ?? r.exists) ? 0 : 1;
  }
  io.out(`${r.code}  ${r.description ?? '(not found)'}`);
  io.out(`release: ${r.release} (${r.releaseRange.from} to ${r.releaseRange.to}, ${r.origin})`);
  if (gap) io.out(`release gap: ${gap.message}`);
  if (valid !== undefined)
    io.out(
      `valid on ${String(date)} (judged between the releases around it): ${valid ? 'yes' : 'no'}`,
    );
  io.out(`exists: ${r.exists ? 'yes' : 'no'}; billable: ${r.billable ? 'yes' : 'no'}`);
  if (r.midYear)
    io.out(
      `mid-year update: ${r.midYear.kind === 'added' ? 'added' : 'made a header'} effective ${r.midYear.effective}${r.midYear.kind === 'added' ? ' (not valid before)' : ' (billable before)'}; ${r.midYear.source}`,
    );
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

/**
 * When no loaded release covers the date, what the lookup stands on: the release the scrubber
 * applies (`rulesReleaseFor`), the fiscal year it stands in for, and the code in the next
 * release, so a code that changed in between is not taken as settled.
 */
function releaseGap(
  cat: CodeCatalog,
  rel: IcdRelease,
  date: string,
  raw: string,
): { appliedTo: string; release: string; message: string } | undefined {
  const near = rulesReleaseFor(cat, date);
  if (!near?.appliedTo) return undefined;
  const key = raw.trim().toUpperCase().replace('.', '');
  const other = cat
    .releases()
    .filter((x) => x.id !== rel.id && (x.ready?.() ?? true))
    .filter((x) => (rel.to < date ? x.from > date : x.to < date))
    .sort((a, b) => (rel.to < date ? a.from.localeCompare(b.from) : b.to.localeCompare(a.to)))[0];
  const state = (x: IcdRelease) =>
    x.get(key)?.billable ? 'billable' : x.get(key) ? 'a header' : 'not a code';
  const next = other ? ` In ${other.id} it is ${state(other)}.` : '';
  return {
    appliedTo: near.appliedTo,
    release: rel.id,
    message: `no ICD-10-CM release for ${near.appliedTo} (the date ${date}) is on hand: shown from ${rel.id}, the release \`check\` and \`adjudicate\` apply to the notes and relationships on that date; here ${rel.id} says it is ${state(rel)}.${next}`,
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/** `codes lookup 27447`, `codes lookup G2211 --date 2020-06-01`, `codes lookup 25`. */
function lookupProcedure(
  cat: CodeCatalog,
  raw: string,
  date: string,
  json: boolean,
  io: Io,
): number {
  const code = raw.toUpperCase();
  if (MODIFIER_SHAPE.test(code)) {
    const m = cat.modifier(code, date);
    if (json) io.out(JSON.stringify({ code, system: 'modifier', date, exists: !!m, ...(m ?? {}) }));
    else {
      io.out(`${code}  ${m?.display ?? '(not found)'}`);
      io.out(`modifier valid on ${date}: ${m ? 'yes' : 'no'}`);
    }
    return m ? 0 : 1;
  }
  const v = cat.procedureOn?.(code, date);
  const e = v?.entry ?? cat.procedure(code, date);
  const list = v?.list ?? 'starter set';
  if (json) {
    io.out(
      JSON.stringify({
        code,
        date,
        valid: !!e,
        judgedOn: list,
        ...(v?.gap ? { gap: v.gap } : {}),
        ...(v?.effective ? { effective: v.effective } : {}),
        ...(v?.terminated ? { terminated: v.terminated } : {}),
        ...(e ?? {}),
      }),
    );
    return e ? 0 : 1;
  }
  io.out(`${code}  ${e?.display ?? '(not a valid code on this date)'}`);
  if (e) {
    const wording = e.ownWording
      ? "ClaimLab's own wording (CPT descriptors are AMA copyright)"
      : e.system === 'HCPCS'
        ? 'CMS HCPCS Level II descriptor'
        : e.source?.includes('licensed')
          ? 'from your licensed CPT file'
          : 'no description shipped';
    io.out(`system: ${e.system}; description: ${wording}`);
    if (e.status) io.out(`PFS status: ${e.status} (${PFS_STATUS[e.status] ?? 'not described'})`);
    if (e.effective || e.terminated)
      io.out(`effective: ${e.effective ?? '-'}; terminated: ${e.terminated ?? '-'}`);
  }
  const why = v?.effective
    ? ` (takes effect ${v.effective})`
    : v?.terminated
      ? ` (deleted ${v.terminated})`
      : '';
  io.out(`valid on ${date}: ${e ? 'yes' : 'no'}${why}; judged on the ${list}`);
  if (v?.gap) io.out(`note: the ${v.gap} is older than ${date}; later changes are not known here`);
  return e ? 0 : 1;
}
