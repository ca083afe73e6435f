/**
 * A plan's modifier policies (a scenario pack plan's `policies.modifiers`, or a payer profile's
 * `modifierRules`), applied when the payer adjudicates: each rule names a modifier and what the
 * plan does with a line that carries it.
 * - `distinct-diagnosis`: the line must point to a diagnosis no other line points to (for 25 on
 *   an E/M: one the procedure does not carry), else CO-4 + N823.
 * - `documentation-required`: the line is paid only when the claim says the records were sent
 *   (837P PWK with a transmission other than AA "available on request"), else CO-252 + M127.
 * - `not-recognised`: the plan does not recognise the modifier. An E/M with 25 billed with a
 *   procedure is then part of the procedure's payment (CO-97 + M144); any other line with the
 *   modifier is denied CO-4 + N823.
 * - `pays-as-ncci`: the modifier is taken as NCCI takes it (the edits already did): no denial.
 * Modifier 25 rules apply only when the E/M is billed with a procedure on the same claim (the
 * modifier has nothing to separate otherwise).
 * See: CPT modifier 25 and 59 definitions; CMS MCPM (Pub. 100-04) ch. 12 §30.6.6 (a significant,
 * separately identifiable E/M on the day of a procedure) and NCCI Policy Manual ch. 11 §E;
 * X12 005010X222A1 2300 PWK (claim supplemental information); X12 CARC 4, 97, 252; RARC N823,
 * M144, M127.
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import type { Denial } from './remittance/denials';

export const MODIFIER_RULE_KINDS = [
  'distinct-diagnosis',
  'documentation-required',
  'not-recognised',
  'pays-as-ncci',
] as const;
export type ModifierRuleKind = (typeof MODIFIER_RULE_KINDS)[number];

/** One modifier rule with the dates it is in force (a payer profile's dated-rule shape). */
export interface ModifierRule {
  modifier: string;
  rule: ModifierRuleKind;
  title: string;
  effective: string | null;
  terminated: string | null;
  source: string;
}

/** Evaluation and management codes (CPT 99202–99499): the lines modifier 25 belongs on. */
export const isEm = (code: string): boolean => /^99(2(0[2-9]|[1-9]\d)|[34]\d\d)$/.test(code);

/**
 * Whether the claim says its records were sent with it: a PWK attachment whose transmission
 * (PWK02) is anything but AA (available on request at the provider's site, i.e. not sent).
 */
export const documentationSent = (claim: Pick<Claim, 'attachments'>): boolean =>
  (claim.attachments ?? []).some((a) => a.transmission !== 'AA');

/** The rules in force on `date` (effective ≤ date ≤ terminated; null = open). */
export function modifierRulesOn(
  rules: readonly ModifierRule[] | undefined,
  date: string,
): ModifierRule[] {
  return (rules ?? []).filter(
    (r) =>
      (r.effective === null || r.effective <= date) &&
      (r.terminated === null || date <= r.terminated),
  );
}

const denial = (group: 'CO', carc: string, remark: string): Denial => ({
  group,
  carc,
  remarks: [remark],
  appealable: true,
  because: 'payer',
});

/**
 * Applies the rules in force to the lines not yet denied (`out[i]` null), writing each denial
 * into `out` and the finding that explains it into `findings`. Rules for one modifier are taken
 * in order; the first that denies a line wins.
 */
export function applyModifierRules(
  claim: Claim,
  rules: readonly ModifierRule[],
  out: (Denial | null)[],
  findings: Finding[],
): void {
  if (!rules.length) return;
  claim.lines.forEach((l, i) => {
    for (const r of rules) {
      if (out[i] || !l.modifiers.includes(r.modifier)) continue;
      const em25 = r.modifier === '25' && isEm(l.code);
      // The lines this one must stand apart from: for 25, the procedures; else every other line.
      const others = claim.lines.filter(
        (o, j) => j !== i && !out[j] && (r.modifier !== '25' || !isEm(o.code)),
      );
      if (r.modifier === '25' && (!em25 || others.length === 0)) continue;
      const verdict = judge(r, claim, i, others, em25);
      if (!verdict) continue;
      out[i] = verdict.denial;
      findings.push({
        id: 'payer.modifier-policy',
        severity: 'error',
        line: i + 1,
        codes: [l.code, r.modifier],
        field: verdict.field,
        message: `${l.code} with modifier ${r.modifier}: ${verdict.why} (${verdict.denial.group}-${verdict.denial.carc} + ${verdict.denial.remarks.join(', ')}).`,
        reference: `${r.source} (${r.title}); CARC ${verdict.denial.carc}, RARC ${verdict.denial.remarks.join(', ')}`,
        suggestion: verdict.suggestion,
      });
    }
  });
}

interface Verdict {
  denial: Denial;
  why: string;
  field: string;
  suggestion: string;
}

function judge(
  r: ModifierRule,
  claim: Claim,
  i: number,
  others: Claim['lines'],
  em25: boolean,
): Verdict | null {
  const pointers = claim.lines[i]!.dxPointers;
  switch (r.rule) {
    case 'pays-as-ncci':
      return null;
    case 'distinct-diagnosis': {
      const taken = new Set(others.flatMap((o) => o.dxPointers));
      if (pointers.some((p) => !taken.has(p))) return null;
      return {
        denial: denial('CO', '4', 'N823'),
        why: em25
          ? "this plan pays a same-day E/M with 25 only for a separately identifiable problem with a diagnosis the procedure does not carry, and this E/M points only to the procedure's diagnoses"
          : 'this plan pays the modifier only when the line points to a diagnosis no other line on the claim carries',
        field: `lines[${i}].dxPointers`,
        suggestion: em25
          ? 'Point the E/M to the diagnosis it addressed besides the procedure, or remove 25 and the E/M if it was only the decision to do the procedure'
          : 'Point the line to its own diagnosis, or remove the modifier if the service is not distinct',
      };
    }
    case 'documentation-required':
      if (documentationSent(claim)) return null;
      return {
        denial: denial('CO', '252', 'M127'),
        why: 'this plan pays the line only with the records sent with the claim, and the claim has no attachment sent (PWK)',
        field: 'attachments',
        suggestion:
          'Send the office notes as an attachment (837P PWK, e.g. 09 progress report by EL, FX or BM with its control number) and resubmit',
      };
    case 'not-recognised':
      return em25
        ? {
            denial: denial('CO', '97', 'M144'),
            why: "this plan does not recognise modifier 25: an E/M on the day of a procedure is part of the procedure's payment",
            field: `lines[${i}].modifiers`,
            suggestion:
              'Do not bill the E/M separately to this plan; appeal with the notes only if the plan documents an exception',
          }
        : {
            denial: denial('CO', '4', 'N823'),
            why: 'this plan does not recognise the modifier',
            field: `lines[${i}].modifiers`,
            suggestion: "Bill with the modifier the plan's policy names for this situation",
          };
  }
}
