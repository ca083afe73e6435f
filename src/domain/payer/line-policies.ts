/**
 * The payer's line-level policies that follow from the claim alone: the plan's modifier rules
 * (modifier-policy.ts) and the profile's own modifier-25 policy (`behaviour.modifier25`). Both
 * `adjudicate` (to deny the lines) and the scrubber (`claimlab check`, the app's Scrub, through
 * checks.ts `withPayerChecks`) call `applyLinePolicies`, so the scrubber reports the same
 * finding, with the same rule citation, that the payer denies on.
 * See: CPT modifier 25; Pub. 100-04 ch. 12 §30.6.6; issue 10 "The scrubber and the payer agree".
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import { isIsoDate } from '../time/dates';
import { applyModifierRules, modifierRulesOn } from './modifier-policy';
import { benefitExclusion } from './cost-sharing/plan-benefits';
import { behaviourOn, datedOn, type Behaviour, type PayerProfile } from './profile';
import { denialFor, isRejection, mayDeny, type Denial } from './remittance/denials';

/** Office or other outpatient visit, new or established (CPT 99202–99205, 99211–99215). */
const isOfficeEm = (code: string) => /^992(0[2-5]|1[1-5])$/.test(code);

const lineLevel = (f: Finding) => Number(f.line !== null || f.diagnosisIndex !== undefined);

/** One denial per line from the findings: claim-level findings first, then the line's own. */
export function findingDenials(
  claim: Claim,
  findings: readonly Finding[],
  rules: Behaviour,
): (Denial | null)[] {
  const out: (Denial | null)[] = claim.lines.map(() => null);
  // Two passes in findings order (claim-level, then the rest) instead of a sorted copy; the
  // lines a finding concerns (remittance/denials.ts `linesOf`) are walked without building a list;
  // only a finding that can deny a line matters (most are notes).
  const n = claim.lines.length;
  for (let level = 0; level < 2; level++)
    for (const f of findings) {
      if (lineLevel(f) !== level || !mayDeny(f)) continue;
      if (f.diagnosisIndex !== undefined && f.line === null) {
        const p = f.diagnosisIndex + 1;
        for (let i = 0; i < n; i++)
          if (claim.lines[i]!.dxPointers.includes(p) && !out[i])
            out[i] = denialFor(f, claim, rules, i);
      } else if (f.line !== null) {
        const i = f.line - 1;
        if (f.line >= 1 && f.line <= n && !out[i]) out[i] = denialFor(f, claim, rules, i);
      } else for (let i = 0; i < n; i++) if (!out[i]) out[i] = denialFor(f, claim, rules, i);
    }
  return out;
}

/**
 * The scrubber's prediction of the line policies: given the findings the payer would start from
 * (the scrub's and the payer's own checks), the findings `adjudicate` adds for its line
 * policies. None when the claim would be rejected at the front end (never adjudicated) or is a
 * void (its lines are not adjudicated again).
 */
export function linePolicyFindings(
  claim: Claim,
  payer: PayerProfile,
  findings: readonly Finding[],
): Finding[] {
  const dos = isIsoDate(claim.serviceDate) ? claim.serviceDate : claim.submissionDate;
  if (!isIsoDate(dos) || claim.frequency === '8') return [];
  const rules = behaviourOn(payer, dos);
  if (findings.some((f) => isRejection(f, rules))) return [];
  const out = findingDenials(claim, findings, rules);
  const added: Finding[] = [];
  applyLinePolicies(claim, payer, dos, rules, out, added);
  return added;
}

/** Where the payer's behaviour in force on the date comes from (a dated entry's source). */
export function behaviourSource(payer: PayerProfile, dos: string): string {
  const b = payer.behaviour;
  return Array.isArray(b) && isIsoDate(dos)
    ? datedOn(b, dos).source
    : `${payer.name} payer profile (behaviour)`;
}

/**
 * Applies the plan's modifier rules in force, then (when no rule for 25 is in force) the
 * profile's modifier-25 policy, to the lines not yet denied (`out[i]` null): each denial goes
 * into `out`, the finding that explains it into `findings`.
 * Commercial policy: an E/M with modifier 25 needs a diagnosis the procedure does not carry;
 * under 'require-records' one that has it is still held for the office notes (CO-252 + M127).
 */
export function applyLinePolicies(
  claim: Claim,
  payer: PayerProfile,
  dos: string,
  rules: Behaviour,
  out: (Denial | null)[],
  findings: Finding[],
): void {
  const modifierRules = modifierRulesOn(payer.modifierRules, dos);
  applyModifierRules(claim, modifierRules, out, findings);
  if (rules.modifier25 !== 'accept' && !modifierRules.some((m) => m.modifier === '25'))
    modifier25Policy(claim, rules, out, findings, () => behaviourSource(payer, dos));
  applyExclusions(claim, payer, dos, out);
}

/**
 * The plan's exclusions (profile data, cost-sharing/plan-benefits.ts): a service the plan does
 * not cover at all is denied with the exclusion's own group, CARC and remarks; the payer checks'
 * `coverage.statutory-exclusion` / `coverage.plan-exclusion` warning says so (the claim is right
 * to send: the denial is what lets the patient be billed, or a secondary payer pay). A Medicare statutory exclusion (routine
 * physical, SSA §1862(a)(7)) is the beneficiary's (PR-96 + N425), never a write-off.
 * See: SSA §1862(a)(7); 42 CFR 411.15(a)(1); Pub. 100-04 ch. 30 §20.1; X12 CARC 96, 204.
 */
function applyExclusions(
  claim: Claim,
  payer: PayerProfile,
  dos: string,
  out: (Denial | null)[],
): void {
  claim.lines.forEach((l, i) => {
    if (out[i]) return;
    if (payer.kind === 'medicare' && l.modifiers.includes('GY')) {
      // The provider says the line is statutorily excluded (or no Medicare benefit): Medicare
      // denies it with the beneficiary liable, whatever the code's fee schedule status.
      // See: Pub. 100-04 ch. 1 §60.4.1 and ch. 30 §40.3.6.2 (GY); SSA §1862(a); RARC N425.
      out[i] = { group: 'PR', carc: '96', remarks: ['N425'], appealable: true, because: 'payer' };
      return;
    }
    const ex = benefitExclusion(payer, l.code, l.serviceDate ?? dos, l.modifiers);
    if (!ex) return;
    out[i] = {
      group: ex.group,
      carc: ex.carc,
      remarks: [...ex.remarks],
      appealable: true,
      because: 'payer',
    };
    // The finding is the payer checks' coverage.statutory-exclusion / coverage.plan-exclusion
    // (edits/exclusions.ts), which `check` and `adjudicate` both report on the same facts.
  });
}

/** The profile's own modifier-25 policy (`behaviour.modifier25`) when no plan rule for 25 is in force. */
function modifier25Policy(
  claim: Claim,
  rules: Behaviour,
  out: (Denial | null)[],
  findings: Finding[],
  policySource: () => string,
): void {
  const procDx = new Set(
    claim.lines.flatMap((l, i) => (!isOfficeEm(l.code) && !out[i] ? l.dxPointers : [])),
  );
  claim.lines.forEach((l, i) => {
    if (out[i] || !isOfficeEm(l.code) || !l.modifiers.includes('25') || procDx.size === 0) return;
    const distinct = !l.dxPointers.every((p) => procDx.has(p));
    if (!distinct)
      out[i] = { group: 'CO', carc: '4', remarks: ['N823'], appealable: true, because: 'payer' };
    else if (rules.modifier25 === 'require-records')
      out[i] = { group: 'CO', carc: '252', remarks: ['M127'], appealable: true, because: 'payer' };
    if (!distinct || rules.modifier25 === 'require-records')
      findings.push(modifier25Finding(claim, i, distinct, policySource()));
  });
}

/**
 * The finding that explains a commercial modifier-25 policy denial: which policy, what the line
 * lacks, and what to do (every denial the trainee sees names its rule).
 */
function modifier25Finding(claim: Claim, i: number, distinct: boolean, source: string): Finding {
  const l = claim.lines[i]!;
  return {
    id: 'payer.modifier-policy',
    severity: 'error',
    line: i + 1,
    codes: [l.code, '25'],
    field: `lines[${i}].dxPointers`,
    message: distinct
      ? `${l.code} with modifier 25 is billed with a procedure: under this plan's policy the office notes are needed before it is paid (CO-252 + M127).`
      : `${l.code} with modifier 25 points only to diagnoses the procedure on this claim also carries: this plan pays a same-day E/M with 25 only for a separately identifiable problem with its own diagnosis (CO-4 + N823).`,
    reference: `${source}; plan modifier-25 policy (distinct diagnosis${distinct ? ', records on request' : ''}); CPT modifier 25; CARC ${distinct ? '252, RARC M127' : '4, RARC N823'}`,
    suggestion: distinct
      ? 'Send the office notes showing the separately identifiable E/M service'
      : 'Point the E/M to the diagnosis it addressed besides the procedure, or remove 25 and the E/M if it was only the decision for the procedure',
  };
}
