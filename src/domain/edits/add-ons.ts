/**
 * Add-on codes: `code.add-on-without-primary` (an add-on billed without a primary code it
 * needs on the same claim and date) and `coverage.add-on-not-payable` (Medicare's G2211 rule:
 * not payable when the O/O E/M carries modifier 25, with the CY2025 exceptions).
 * See: add-on-rules.ts for the data and its sources; CMS Pub. 100-04 ch. 12 §30.6 (add-on
 * codes are paid only with their primary service); CARC 107 (the related or qualifying
 * claim/service was not identified on this claim), CARC 97.
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { isIsoDate } from '../time/dates';
import { finding, lineDate, listSome } from './finding-kit';
import { ADD_ON_PAY_RULES, ADD_ON_RULES, inEffectOn } from './add-on-rules';

type AddOnRules = NonNullable<EditContext['addOns']>;

/**
 * The rules by add-on code, built once per rule list (CMS's file has ~7,700 rows: a scan per
 * claim line was most of `check`'s time on a 100,000-claim batch).
 */
const byCode = new WeakMap<AddOnRules, Map<string, AddOnRules[number][]>>();
function rulesFor(rules: AddOnRules, code: string): readonly AddOnRules[number][] {
  let m = byCode.get(rules);
  if (!m) {
    m = new Map();
    for (const r of rules) {
      const list = m.get(r.addOn);
      if (list) list.push(r);
      else m.set(r.addOn, [r]);
    }
    byCode.set(rules, m);
  }
  return m.get(code) ?? [];
}

export function addOnEdits(claim: Claim, ctx: EditContext): Finding[] {
  const rules = ctx.addOns ?? ADD_ON_RULES;
  const out: Finding[] = [];
  const lines = claim.lines.map((l, i) => ({
    l,
    n: i + 1,
    date: lineDate(claim.serviceDate, l.serviceDate),
  }));
  for (const { l, n, date } of lines) {
    if (!l.code || !isIsoDate(date)) continue;
    // CMS lists an add-on code's primaries in groups by effective date (e.g. 90836: office E/M
    // codes since 2013, telehealth codes 98000–98015 since 2026): every group in effect counts.
    const inForce = rulesFor(rules, l.code).filter((r) => inEffectOn(r, date));
    const rule = inForce[0];
    // Only add-on lines look at the other lines: no pass over the claim for every line.
    if (!rule && !ADD_ON_PAY_RULES.some((r) => r.addOn === l.code)) continue;
    const sameDay = lines.filter((o) => o.n !== n && o.date === date && o.l.code);
    const primaries = [...new Set(inForce.flatMap((r) => r.primaries))];
    if (rule && !sameDay.some((o) => primaries.includes(o.l.code))) {
      const shown = primaries.slice(0, 9).join(', ') + (primaries.length > 9 ? '…' : '');
      out.push(
        finding(
          'code.add-on-without-primary',
          'error',
          n,
          [l.code],
          `${l.code} (line ${n}) is an add-on code: it is paid only with one of its primary codes (${shown}) on the same claim and date of service ${date}, and none is billed.`,
          `${[...new Set(inForce.map((r) => r.source))].join('; ')}; CARC 107`,
          {
            field: `lines[${n - 1}].code`,
            suggestion: `Bill the primary service (${primaries[0]}…) on the same claim, or remove ${l.code}`,
          },
        ),
      );
      continue;
    }
    const pay = ADD_ON_PAY_RULES.find((r) => r.addOn === l.code && inEffectOn(r, date));
    if (!pay) continue;
    const base = sameDay.find(
      (o) => pay.primaries.includes(o.l.code) && o.l.modifiers.includes(pay.modifier),
    );
    if (!base) continue;
    const others = sameDay.filter((o) => o !== base && o.l.code !== l.code);
    const excepted = others.find((o) => pay.exceptions.includes(o.l.code));
    if (excepted) continue;
    const why = pay.exceptions.length
      ? ` The exception does not apply: no annual wellness visit, vaccine administration or Medicare Part B preventive service is billed that day${others.length ? ` (the other service is ${listSome([...new Set(others.map((o) => o.l.code))])})` : ''}.`
      : '';
    out.push(
      finding(
        'coverage.add-on-not-payable',
        'error',
        n,
        [l.code, base.l.code],
        `${l.code} (line ${n}) is not payable because the office/outpatient visit ${base.l.code} (line ${base.n}) carries modifier ${pay.modifier}.${why}`,
        `${pay.source} (${pay.effective} to ${pay.terminated ?? 'open'}); CARC 97`,
        {
          suggestion: `Remove ${l.code}; it is not paid with a modifier-${pay.modifier} visit`,
        },
      ),
    );
  }
  return out;
}
