/**
 * Global surgery: an E/M service on the day of a procedure with a global period, the day before
 * a major surgery, or in the postoperative period of an earlier surgery (same patient and
 * billing provider, this claim or `ctx.history`). Runs only when the context knows global days
 * (`ctx.globalDays`, from the MPFS bundle or the pack's fee table); without it nothing changes.
 * Findings reuse `modifier.invalid` (25 or 57 where the other applies) and `modifier.missing`
 * (no modifier). A same-day pair that an NCCI PTP edit already covers on this claim is left to
 * `ncci.ptp` (ncci.ts), so one problem gives one finding.
 * See: global-surgery-rules.ts (the rules and their sources); CMS Pub. 100-04 ch. 12 §40.1–40.4;
 * NCCI Policy Manual ch. I §D (the 090-day rule is applied by the MACs' own global surgery
 * edits, not by NCCI PTP pairs, so it needs the global days rather than a pair list).
 */
import type { Claim, ClaimLine } from '../claim/claim';
import { plusDays } from '../time/calendar';
import type { Finding } from '../findings';
import { patientKey } from './claim-data';
import type { EditContext, GlobalDaysOf, NcciRules } from './context';
import { isIsoDate } from '../time/dates';
import { finding, lineDate } from './finding-kit';
import { isAnyEm } from './modifier-rules';
import {
  GLOBAL_CARC,
  GLOBAL_SURGERY_RULES as R,
  globalKind,
  postopDays,
  type GlobalSurgeryRule,
} from './global-surgery-rules';

interface Proc {
  code: string;
  date: string;
  days: string;
  /** Last day of the postoperative period (the surgery date for 000). */
  end: string;
  /** Line number on this claim, or null for a claim in history. */
  n: number | null;
  claimId: string;
}

const where = (p: Proc) => (p.n ? `line ${p.n}` : `claim ${p.claimId}`);
const ref = (r: GlobalSurgeryRule) => `${r.source}; ${GLOBAL_CARC}`;

export function globalSurgeryEdits(claim: Claim, ctx: EditContext): Finding[] {
  const gd = ctx.globalDays;
  if (!gd) return [];
  const hasEm = claim.lines.some((l) => isAnyEm(l.code));
  // A claim without an E/M can still hold a procedure in another line's postoperative period.
  if (!hasEm && !ctx.history?.length && claim.lines.length < 2) return [];
  const procs = proceduresOf(claim, ctx);
  if (!procs.length) return [];
  const ncci = ctx.ncci;
  const out: Finding[] = postopProcedures(claim, procs);
  if (!hasEm) return out;
  // Plain loops, no closures per line: this runs on every claim of a 10,000-claim scrub.
  for (let i = 0; i < claim.lines.length; i++) {
    const line = claim.lines[i]!;
    const date = lineDate(claim.serviceDate, line.serviceDate);
    if (!isAnyEm(line.code) || !isIsoDate(date)) continue;
    const v: Visit = { line, i, date };
    const mods = line.modifiers;
    const next = dayAfter(date);
    let major: Proc | undefined;
    let minor: Proc | undefined;
    let earlier: Proc | undefined;
    for (const p of procs) {
      if (!major && p.days === '090' && (p.date === date || p.date === next)) major = p;
      if (!minor && p.date === date && globalKind(p.days) === 'minor') minor = p;
      if (!earlier && p.date < date && date <= p.end) earlier = p;
    }
    if (major && !mods.includes('57') && !(major.date === date && ptpCovers(ncci, line, major))) {
      const when = major.date === date ? 'the same day as' : 'the day before';
      const what = `is ${when} ${major.code} (${where(major)}), a major surgery with 090 global days`;
      out.push(visitFinding(v, R['major-preop'], major, what));
    } else if (!major && minor && !mods.includes('25') && !ptpCovers(ncci, line, minor)) {
      const what = `is on the same day as ${minor.code} (${where(minor)}), a minor procedure with ${minor.days} global days`;
      out.push(visitFinding(v, R['minor-same-day'], minor, what));
    }
    if (earlier && !mods.includes('24')) {
      const what = `on ${date} falls in the postoperative period of ${earlier.code} done on ${earlier.date} (${where(earlier)}, ${earlier.days} global days, through ${earlier.end})`;
      out.push(visitFinding(v, R.postop, earlier, what));
    }
  }
  return out;
}

/** Modifiers that make a procedure in an earlier surgery's postoperative period payable. */
const POSTOP_PROCEDURE_MODIFIERS = ['58', '78', '79'];

/**
 * A procedure (itself with a 000/010/090 global period) done after an earlier surgery of the
 * same patient and provider, inside that surgery's postoperative period, without 58, 78 or 79:
 * part of the earlier surgery's package (`modifier.missing`, denied CO-97 + M144).
 * See: CMS Pub. 100-04 ch. 12 §40.2.A (modifiers 58, 78, 79); global-surgery-rules.ts.
 */
function postopProcedures(claim: Claim, procs: readonly Proc[]): Finding[] {
  const out: Finding[] = [];
  for (const p of procs) {
    if (p.n === null) continue;
    const line = claim.lines[p.n - 1]!;
    if (line.modifiers.some((m) => POSTOP_PROCEDURE_MODIFIERS.includes(m))) continue;
    const earlier = procs.find((e) => e.date < p.date && p.date <= e.end);
    if (!earlier) continue;
    const what = `on ${p.date} falls in the postoperative period of ${earlier.code} done on ${earlier.date} (${where(earlier)}, ${earlier.days} global days, through ${earlier.end})`;
    out.push(
      visitFinding({ line, i: p.n - 1, date: p.date }, R['postop-procedure'], earlier, what),
    );
  }
  return out;
}

/** An indicator-1 PTP pair on this claim is reported by ncci.ts (with the right modifier). */
function ptpCovers(ncci: NcciRules, em: ClaimLine, p: Proc): boolean {
  if (p.n === null) return false;
  const e = ncci.ptp(em.code, p.code, p.date);
  return !!e && e.modifierIndicator !== '9';
}

// Dates repeat across claims: the memoised calendar (building a Date per lookup was most of
// this family's time).
const dayAfter = (date: string) => plusDays(date, 1);

interface Visit {
  line: ClaimLine;
  /** Index in claim.lines. */
  i: number;
  date: string;
}

/**
 * `modifier.invalid` when the E/M carries the rule's wrong modifier (25 before a major
 * surgery, 57 with a minor procedure), else `modifier.missing`: each names the line, the
 * situation, the rule and the modifier to use.
 */
function visitFinding(v: Visit, r: GlobalSurgeryRule, p: Proc, what: string): Finding {
  const { code, modifiers } = v.line;
  const n = v.i + 1;
  const wrong = r.wrong && modifiers.includes(r.wrong) ? r.wrong : null;
  const at = (m: string) =>
    modifiers.includes(m)
      ? `lines[${v.i}].modifiers[${modifiers.indexOf(m)}]`
      : `lines[${v.i}].modifiers`;
  const message = `${code} (line ${n})${wrong ? ` carries modifier ${wrong} but` : ''} ${what}: ${r.rule}.`;
  const tail = r.otherwise ?? `otherwise remove ${code}`;
  return wrong
    ? finding('modifier.invalid', 'error', n, [code, wrong, p.code], message, ref(r), {
        field: at(wrong),
        suggestion: `Use ${r.modifier} instead of ${wrong} on ${code} ${r.when}; ${tail}`,
      })
    : finding('modifier.missing', 'error', n, [code, p.code], message, ref(r), {
        field: at(r.modifier),
        suggestion: `Append ${r.modifier} to ${code} ${r.when}; ${tail}`,
      });
}

/**
 * Procedures with a 000/010/090 global period: the other lines of this claim, and the lines of
 * earlier claims in history for the same patient and billing provider (voids and the claims a
 * void or replacement stands for are left out; a replacement of this claim is this claim).
 */
function proceduresOf(claim: Claim, ctx: EditContext): Proc[] {
  const gd = ctx.globalDays!;
  const out: Proc[] = [];
  claim.lines.forEach((l, i) => procOf(claim, l, i + 1, gd, out));
  if (!ctx.history?.length) return out;
  const prior = historyIndex(ctx.history, gd).get(`${patientKey(claim)}|${claim.provider.npi}`);
  if (!prior) return out;
  for (const p of prior)
    if (p.claimId !== claim.claimId && p.claimId !== claim.originalClaimId) out.push(p);
  return out;
}

function procOf(c: Claim, l: ClaimLine, n: number | null, gd: GlobalDaysOf, out: Proc[]) {
  if (!l.code || isAnyEm(l.code)) return;
  const date = lineDate(c.serviceDate, l.serviceDate);
  if (!isIsoDate(date)) return;
  const days = gd(l.code, date);
  if (days && globalKind(days))
    out.push({
      code: l.code,
      date,
      days,
      end: plusDays(date, postopDays(days)),
      n,
      claimId: c.claimId,
    });
}

const procLists = new WeakMap<Claim, { gd: GlobalDaysOf; list: readonly Proc[] }>();

/**
 * A history claim's procedures with a global period, once per claim (and global-days source):
 * a claim in a payer's ledger is in the look-back of the member's next claims.
 */
function historyProcs(h: Claim, gd: GlobalDaysOf): readonly Proc[] {
  const hit = procLists.get(h);
  if (hit && hit.gd === gd) return hit.list;
  const list: Proc[] = [];
  for (const l of h.lines) procOf(h, l, null, gd, list);
  procLists.set(h, { gd, list });
  return list;
}

/** History procedures by patient and billing provider, built once per history list (the bench scrubs 10,000 claims against one list). */
const indexes = new WeakMap<readonly Claim[], { gd: GlobalDaysOf; by: Map<string, Proc[]> }>();

function historyIndex(history: readonly Claim[], gd: GlobalDaysOf): Map<string, Proc[]> {
  const hit = indexes.get(history);
  if (hit && hit.gd === gd) return hit.by;
  const gone = new Set<string>();
  for (const h of history)
    if (h.frequency !== '1' && h.originalClaimId) gone.add(h.originalClaimId);
  const by = new Map<string, Proc[]>();
  for (const h of history) {
    if (h.frequency === '8' || gone.has(h.claimId)) continue;
    const list = historyProcs(h, gd);
    if (!list.length) continue;
    const k = `${patientKey(h)}|${h.provider.npi}`;
    by.set(k, [...(by.get(k) ?? []), ...list]);
  }
  indexes.set(history, { gd, by });
  return by;
}
