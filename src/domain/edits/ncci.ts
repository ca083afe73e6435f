/**
 * NCCI edits: `ncci.ptp` (column 1 / column 2 pair on the same date of service) and `ncci.mue`
 * (units over the medically unlikely edit value).
 * See: NCCI Policy Manual for Medicare Services ch. I §E.1 (modifier indicators 0/1/9, PTP-
 * associated modifiers); CMS MUE page (adjudication indicators: 1 line edit, 2 date of service
 * policy, 3 date of service clinical; modifier 59 does not bypass a date-of-service MUE);
 * DOMAIN.md §5 (CO-97/CO-236 for PTP, CO-151 + N362 for MUE).
 */
import type { Claim, ClaimLine } from '../claim/claim';
import type { Finding } from '../findings';
import type { EditContext, GlobalDaysOf } from './context';
import { finding, lineDate, listSome } from './finding-kit';
import { isAnyEm, PTP_ANATOMIC, PTP_GLOBAL_SURGERY, PTP_OTHER, PTP_REF } from './modifier-rules';
import type { MueEdit, NcciRules, PtpEdit } from './ncci-rules';
import { isIsoDate } from '../time/dates';

export type { GlobalDaysOf } from './context';

export function ncciEdits(claim: Claim, ctx: EditContext): Finding[] {
  const rules = ctx.ncci;
  const ls = linesOf(claim);
  if (ls.length === 0) return [];
  const ptp = ls.length > 1 ? ptpEdits(ls, rules, ctx.globalDays) : [];
  const mue = mueEdits(ls, rules);
  return ptp.length === 0 ? mue : mue.length === 0 ? ptp : [...ptp, ...mue];
}

interface L {
  n: number;
  line: ClaimLine;
  date: string;
}

/** The lines the NCCI edits judge (a code and a real date), worked out once per claim. */
function linesOf(claim: Claim): L[] {
  const out: L[] = [];
  const lines = claim.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const date = lineDate(claim.serviceDate, line.serviceDate);
    if (line.code && isIsoDate(date)) out.push({ n: i + 1, line, date });
  }
  return out;
}

/**
 * Whether an NCCI-associated modifier appropriately bypasses an indicator-1 edit. The modifier
 * may be on either code of the pair. An E/M service the same day as a procedure is separated
 * only by a modifier on the E/M itself: 25 for a minor procedure (000/010-day global), 57 (the
 * decision for surgery) for a major one (090-day global). 24/58/78/79 on the procedure never
 * make a same-day E/M separate (24 is for an E/M in a postoperative period, on the E/M), and
 * 59/X{EPSU} never apply to an E/M. Without global-day data (the curated pairs are all
 * 000/010-day procedures) 57 does not bypass. Anatomic modifiers separate only when the two
 * lines name different sites (RT vs LT, F1 vs F2).
 * See: NCCI Policy Manual for Medicare Services ch. I §D (E/M with procedures) and §E.1;
 * CMS Pub. 100-04 ch. 12 §40.1–40.2 (global surgery; modifiers 25 and 57).
 */
export function ptpBypassed(
  a: ClaimLine,
  b: ClaimLine,
  globalDays?: GlobalDaysOf,
  date = '',
): string | null {
  const em = isAnyEm(a.code) ? a : isAnyEm(b.code) ? b : null;
  if (em) {
    const other = em === a ? b : a;
    const m = globalDays?.(other.code, date) === '090' ? '57' : '25';
    return em.modifiers.includes(m) ? `${m} on ${em.code}` : null;
  }
  for (const l of [a, b]) {
    const m = l.modifiers.find(
      (x) => PTP_OTHER.has(x) || (PTP_GLOBAL_SURGERY.has(x) && x !== '25' && x !== '57'),
    );
    if (m) return `${m} on ${l.code}`;
  }
  const siteA = a.modifiers.filter((x) => PTP_ANATOMIC.has(x));
  const siteB = b.modifiers.filter((x) => PTP_ANATOMIC.has(x));
  if (siteA.length && siteB.length && !siteA.some((x) => siteB.includes(x)))
    return `${siteA.join('/')} vs ${siteB.join('/')}`;
  return null;
}

/**
 * The modifier an E/M needs beside a procedure: 57 (decision for surgery) for a 090-day one,
 * 25 otherwise; when the E/M carries the other one, say that it does not apply.
 * See: CMS Pub. 100-04 ch. 12 §40.1–40.2; NCCI Policy Manual ch. I §D (25 for 000/010-day
 * procedures, 57 for 090-day ones).
 */
function emSuggestion(em: ClaimLine, proc: string, days: string | undefined): string {
  if (days === '090') {
    const use = `if the visit was the decision for surgery (documented), append 57 to ${em.code}; otherwise remove it`;
    return em.modifiers.includes('25')
      ? `Modifier 25 does not apply with ${proc}, a major (090-day) surgery: ${use}`
      : `I${use.slice(1)}`;
  }
  const wrong57 = (days === '000' || days === '010') && em.modifiers.includes('57');
  const use = `if the E/M service is significant and separately identifiable (documented), append 25 to ${em.code}${wrong57 ? ' instead of 57' : ''}; otherwise remove it`;
  return wrong57
    ? `Modifier 57 is for the decision for a major (090-day) surgery, and ${proc} is a minor procedure (${days} global days): ${use}`
    : `I${use.slice(1)}`;
}

/** An edit's reference text, made once per edit (the same edits recur claim after claim). */
function refOf<E extends object>(make: (e: E) => string): (e: E) => string {
  const made = new WeakMap<E, string>();
  return (e) => {
    let r = made.get(e);
    if (r === undefined) made.set(e, (r = make(e)));
    return r;
  };
}

const ptpRef = refOf<PtpEdit>(
  (e) =>
    `NCCI PTP edit column 1 ${e.column1} / column 2 ${e.column2}, modifier indicator ${e.modifierIndicator}, effective ${e.effective}${e.deleted ? `, deleted ${e.deleted}` : ''} (${e.source}); ${PTP_REF}; CARC 97/236`,
);

/** Lines up to which a claim's PTP pairs are looked up without the memo. */
const SMALL_CLAIM = 8;

/** `ptpOf` memoised per pair of (date, code) groups: a long claim repeats the same codes. */
function memoPtp(
  ls: L[],
  ptpOf: (i: number, j: number) => PtpEdit | undefined,
): (i: number, j: number) => PtpEdit | undefined {
  const groups = new Map<string, number>();
  const gid = ls.map((l) => {
    const k = `${l.date}|${l.line.code}`;
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = groups.size));
    return g;
  });
  const memo = new Map<number, PtpEdit | undefined>();
  return (i, j) => {
    const k = gid[i]! * groups.size + gid[j]!;
    if (!memo.has(k)) memo.set(k, ptpOf(i, j));
    return memo.get(k);
  };
}

function ptpEdits(ls: L[], rules: NcciRules, globalDays?: GlobalDaysOf): Finding[] {
  const out: Finding[] = [];
  // One finding per column-2 line and column-1 code (naming the first line of that code): a
  // claim repeating codes over many lines must not get a finding for every pair of lines.
  const reported = new Set<string>();
  // The edit of a code pair on a date, looked up once per claim (not once per pair of lines).
  // Lines with the same date and code share a group number; edits are memoised per group pair.
  // A claim of a few lines asks the rules directly: the memo's keys would cost more than the
  // look-ups they save.
  const direct = (i: number, j: number) =>
    rules.ptp(ls[i]!.line.code, ls[j]!.line.code, ls[i]!.date);
  const ptpOf = ls.length <= SMALL_CLAIM ? direct : memoPtp(ls, direct);
  for (let i = 0; i < ls.length; i++) {
    for (let j = i + 1; j < ls.length; j++) {
      const a = ls[i]!;
      const b = ls[j]!;
      if (a.date !== b.date || a.line.code === b.line.code) continue;
      const e = ptpOf(i, j);
      if (!e || e.modifierIndicator === '9') continue;
      const [c1, c2] = e.column1 === a.line.code ? [a, b] : [b, a];
      const key = `${c2.n}|${e.column1}`;
      if (reported.has(key)) continue;
      const codes = [e.column1, e.column2];
      if (e.modifierIndicator === '0') {
        reported.add(key);
        out.push(
          finding(
            'ncci.ptp',
            'error',
            c2.n,
            codes,
            `${e.column2} (line ${c2.n}) is bundled into ${e.column1} (line ${c1.n}) on ${a.date} and the edit has modifier indicator 0: no modifier can bypass it (${e.rationale}).`,
            ptpRef(e),
            {
              suggestion: `Remove ${e.column2}; it is not separately payable with ${e.column1}`,
            },
          ),
        );
        continue;
      }
      if (ptpBypassed(a.line, b.line, globalDays, a.date)) continue;
      reported.add(key);
      const em = isAnyEm(c2.line.code) ? c2 : isAnyEm(c1.line.code) ? c1 : null;
      const suggestion = em
        ? emSuggestion(
            em.line,
            (em === c1 ? c2 : c1).line.code,
            globalDays?.((em === c1 ? c2 : c1).line.code, a.date),
          )
        : `If the services were distinct (other site, session or practitioner, documented), append XS/XE/XP/XU (or 59) to ${e.column2}; otherwise remove it`;
      out.push(
        finding(
          'ncci.ptp',
          'error',
          c2.n,
          codes,
          `${e.column2} (line ${c2.n}) is column 2 to ${e.column1} (line ${c1.n}) on ${a.date}: without an appropriate NCCI-associated modifier only ${e.column1} is paid (${e.rationale}).`,
          ptpRef(e),
          { suggestion },
        ),
      );
    }
  }
  return out;
}

const MAI_TEXT: Record<1 | 2 | 3, string> = {
  1: 'line edit',
  2: 'date of service edit: policy',
  3: 'date of service edit: clinical',
};
const mueRef = refOf<MueEdit>(
  (e) =>
    `NCCI MUE ${e.code}: ${e.value} unit${e.value === 1 ? '' : 's'}, adjudication indicator ${e.indicator} (${MAI_TEXT[e.indicator]}), effective ${e.effective} (${e.source}); CMS MUE program; CARC 151, RARC N362`,
);

function mueEdits(ls: L[], rules: NcciRules): Finding[] {
  const out: Finding[] = [];
  // Date-of-service MUEs by code and date, made when a line has one (a claim has at most 50
  // lines: found by a scan, no key string per line).
  let groups: { e: MueEdit; lines: L[] }[] | undefined;
  for (const l of ls) {
    const e = rules.mue(l.line.code, l.date);
    // An MUE of 0 says the code is not payable by Medicare for practitioners at all (a statutory
    // exclusion such as a routine physical, a bundled or an invalid-for-Medicare code): that is
    // the coverage and PFS-status decision (PR-96, CO-97, CO-16/N56), not a units limit, and it
    // says nothing about a commercial plan's benefits.
    // See: CMS NCCI MUE FAQ (MUE value 0); Pub. 100-04 ch. 30 §20.1; RVU file status codes.
    if (!e || e.value === 0) continue;
    if (e.indicator === 1) {
      if (l.line.units > e.value)
        out.push(
          finding(
            'ncci.mue',
            'error',
            l.n,
            [l.line.code],
            `${l.line.code} is billed with ${l.line.units} units on line ${l.n}; the MUE allows ${e.value} per line (${e.rationale}).`,
            mueRef(e),
            {
              suggestion: `Bill at most ${e.value} unit${e.value === 1 ? '' : 's'} per line; additional units need their own line with a documented reason (e.g. 76, 91, an anatomic modifier)`,
            },
          ),
        );
      continue;
    }
    groups ??= [];
    const g = groups.find(
      (x) => x.lines[0]!.line.code === l.line.code && x.lines[0]!.date === l.date,
    );
    if (g) g.lines.push(l);
    else groups.push({ e, lines: [l] });
  }
  if (!groups) return out;
  // A date-of-service MUE (MAI 2/3) applies to all units of the code on the date: when the
  // total is over it, CMS denies every line of the code on that date, not just the last one.
  // See: CMS Medicare NCCI MUE page (adjudication indicators 2 and 3: units on the same date
  // of service are summed across lines).
  for (const { e, lines } of groups) {
    const total = lines.reduce((s, l) => s + l.line.units, 0);
    if (total <= e.value) continue;
    const date = lines[0]!.date;
    const where =
      lines.length > 1
        ? ` over lines ${listSome(lines.map((l) => l.n))}`
        : ` on line ${lines[0]!.n}`;
    const why =
      e.indicator === 2
        ? 'an absolute policy limit: units above it are not payable, whatever the modifiers'
        : 'a clinical limit: modifiers such as 59 do not bypass it; units above it are paid only on appeal with documentation';
    for (const l of lines)
      out.push(
        finding(
          'ncci.mue',
          'error',
          l.n,
          [e.code],
          `${e.code} totals ${total} units on ${date}${where}; the MUE allows ${e.value} per date of service, ${why}, so every line of ${e.code} on that date is denied (${e.rationale}).`,
          mueRef(e),
          {
            suggestion: `Report at most ${e.value} unit${e.value === 1 ? '' : 's'} of ${e.code} for the date of service`,
          },
        ),
      );
  }
  return out;
}
