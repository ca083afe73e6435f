/**
 * Payer policy edits from the scenario pack's payer profiles: `coverage.medical-necessity`,
 * `auth.missing`, `filing.timely`, `cob.other-payer-primary`. Every rule is dated data naming
 * its source; the finding quotes it.
 * See: DOMAIN.md §5; CMS Pub. 100-04 ch. 1 §70 and 42 CFR 424.44 (Medicare: 12 months from
 * the date of service); Pub. 100-04 ch. 30 (ABN, modifiers GA/GZ); Pub. 100-05 (MSP);
 * CARC 50/11/167 (necessity), 197/15 (authorization), 29 (timely filing), 22 (COB).
 */
import { icdDisplay, icdKey } from '../codes/code';
import { matchesTarget, type CodeTarget } from '../codes/release/targets';
import type { Claim } from '../claim/claim';
import { addDays, addMonths, isIsoDate } from '../time/dates';
import { nextBusinessDay } from '../time/holidays';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding, lineDate } from './finding-kit';
import {
  inEffect,
  type CoverageRule,
  type DxPattern,
  type PayerPolicy,
  type TimelyFilingRule,
} from './policy-types';
import { rulesNaming } from './rules-naming';

export function policyEdits(claim: Claim, ctx: EditContext): Finding[] {
  const p = ctx.policy;
  if (!p || !isIsoDate(claim.serviceDate)) return [];
  if (p.payerId && claim.payerId && p.payerId !== claim.payerId) return [];
  const ruleOn = (date: string) => p.timelyFiling?.find((r) => inEffect(r, date));
  return [
    ...cob(claim, p),
    ...timelyFindings(claim, p.name, claim.submissionDate, ruleOn),
    ...authFindings(claim, p),
    ...necessityFindings(claim, p),
  ];
}

/** "E11" / "E11.9" -> prefix; "E08-E13" / "N18.1-N18.6" -> range of prefixes. */
export function dxPatternTarget(pattern: DxPattern): CodeTarget {
  const [a = '', b] = pattern.split('-').map((s) => icdKey(s));
  return { from: a, to: b || a };
}

const ruleTargets = new WeakMap<CoverageRule, CodeTarget[]>();
/** A coverage rule's diagnosis patterns as code targets, built once per rule. */
function targetsOf(rule: CoverageRule): CodeTarget[] {
  let t = ruleTargets.get(rule);
  if (!t) ruleTargets.set(rule, (t = rule.diagnoses.map(dxPatternTarget)));
  return t;
}

/**
 * Lines whose pointed diagnoses do not meet the payer's coverage rule for the procedure. The one
 * implementation the scrubber and the payer both call (payer/checks.ts).
 */
/** What the policy's CARC tells the trainee (DOMAIN.md §5; X12 CARC 11, 50, 167). */
const DENIAL_MEANING: Record<string, string> = {
  '11': ': the diagnosis is inconsistent with the procedure',
  '167': ': the diagnosis is not covered',
};

/** The coverage rules that list a procedure code, in the policy's order (found once per list and code). */
const coverageNaming = rulesNaming<CoverageRule>((r, code) => r.procedures.includes(code));

export function necessityFindings(
  claim: Claim,
  p: Pick<PayerPolicy, 'name' | 'coverage'>,
): Finding[] {
  if (!p.coverage?.length) return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const date = lineDate(claim.serviceDate, l.serviceDate);
    // A service may be covered under more than one benefit (e.g. a lipid panel under NCD 190.23
    // for a diagnosed condition, and under the cardiovascular screening benefit with Z13.6):
    // a diagnosis that any rule in effect accepts supports it.
    const named = coverageNaming(p.coverage!, l.code);
    if (named.length === 0) return; // most codes: no rule names them
    const rules = named.filter((r) => inEffect(r, date));
    const rule = rules[0];
    if (!rule) return;
    const pointed = l.dxPointers
      .map((ptr) => claim.diagnoses[ptr - 1])
      .filter((d): d is string => !!d);
    const targets = rules.flatMap(targetsOf);
    if (pointed.some((d) => targets.some((t) => matchesTarget(d, t)))) return;
    const ga = l.modifiers.includes('GA');
    const gz = l.modifiers.includes('GZ');
    const carc = rule.denial?.carc ?? '50';
    const liability = ga
      ? ` An ABN is on file (GA): the patient is liable (PR-${carc}).`
      : gz
        ? ` No ABN (GZ): the provider is liable (CO-${carc}).`
        : rule.denial
          ? ` The provider is liable (CO-${carc}${rule.denial.remarks.length ? ` + ${rule.denial.remarks.join(', ')}` : ''}).`
          : ' Without a signed ABN (GA) the provider is liable.';
    const codes = rule.denial
      ? `CARC ${carc}${rule.denial.remarks.length ? `, RARC ${rule.denial.remarks.join(', ')}` : ''}`
      : 'CARC 50, RARC N115/N386';
    const onClaim = claim.diagnoses.filter((d) => targets.some((t) => matchesTarget(d, t)));
    out.push(
      finding(
        'coverage.medical-necessity',
        ga ? 'warning' : 'error',
        i + 1,
        [l.code, ...pointed.map(icdDisplay)],
        `No diagnosis pointed to by line ${i + 1} supports ${l.code} under ${p.name} policy "${rule.title}"${DENIAL_MEANING[carc] ?? ''}.${liability}`,
        `${rule.source} (${rule.title}; ${rule.effective ?? 'open'} to ${rule.terminated ?? 'open'}); ${p.name} payer policy; ${codes}`,
        {
          field: `lines[${i}].dxPointers`,
          suggestion: onClaim.length
            ? `Point line ${i + 1} to ${onClaim.join(', ')} if it is the reason for the service`
            : `Covered diagnoses include ${rules
                .flatMap((r) => r.diagnoses)
                .slice(0, 6)
                .join(', ')}; code them only when documented, otherwise obtain an ABN (GA)`,
        },
      ),
    );
  });
  return out;
}

/**
 * Lines that need prior authorization and have none (or, when the payer's authorizations on file
 * are given, a number that is not one of them: CARC 197 with RARC M62; reason 15 is deactivated).
 * The one implementation the scrubber and
 * the payer both call (payer/checks.ts).
 */
export function authFindings(
  claim: Claim,
  p: Pick<PayerPolicy, 'name' | 'priorAuth'>,
  onFile?: readonly string[],
): Finding[] {
  const number = claim.priorAuthNumber;
  if (!p.priorAuth?.length || (number && (!onFile || onFile.includes(number)))) return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const date = lineDate(claim.serviceDate, l.serviceDate);
    const rule = p.priorAuth?.find((r) => r.procedures.includes(l.code) && inEffect(r, date));
    if (!rule) return;
    out.push(
      finding(
        'auth.missing',
        'error',
        i + 1,
        [l.code],
        number
          ? `Authorization ${number} is not on file with ${p.name} for ${l.code} ("${rule.title}").`
          : `${p.name} requires prior authorization for ${l.code} ("${rule.title}") and the claim has no authorization number (item 23).`,
        `${rule.source} (${rule.title}); NUCC 1500 item 23; ${number ? 'CARC 197, RARC M62' : 'CARC 197'}`,
        {
          field: 'priorAuthNumber',
          suggestion:
            'Enter the prior authorization number from the payer; if none was obtained, the service is not billable to the patient',
        },
      ),
    );
  });
  return out;
}

/**
 * Timely filing from each line's own date of service: a claim whose lines span dates can be
 * late for its oldest lines only. All lines on the claim date (the usual case) give one
 * claim-level finding; otherwise each late line gets its own.
 * See: CMS Pub. 100-04 ch. 1 §70.1 (line items: the line "from" date of service starts the
 * 12 months); 42 CFR 424.44.
 */
const SUGGEST_TIMELY =
  'Not payable unless you can prove timely submission (e.g. an earlier clearinghouse acceptance report)';

// The payer checks every claim it receives: deadlines repeat across claims, so a Date is not
// built for each one.
// Kept per rule object, then by date (no key string built per claim); rules are read only.
const deadlines = new WeakMap<TimelyFilingRule, Map<string, string>>();
function deadlineOf(date: string, rule: TimelyFilingRule): string {
  let byDate = deadlines.get(rule);
  if (!byDate) deadlines.set(rule, (byDate = new Map()));
  let v = byDate.get(date);
  if (v === undefined) {
    if (byDate.size > 50_000) byDate.clear();
    v = rule.months ? addMonths(date, rule.months) : addDays(date, rule.days ?? 0);
    if (rule.rollToWorkday) v = nextBusinessDay(v);
    byDate.set(date, v);
  }
  return v;
}

/** The rule, its last day and the limit in words when a service on `date` was filed late. */
function lateFor(
  date: string,
  filed: string,
  ruleOn: (date: string) => TimelyFilingRule | undefined,
): { rule: TimelyFilingRule; deadline: string; limit: string } | null {
  if (!isIsoDate(date)) return null;
  const rule = ruleOn(date);
  if (!rule) return null;
  const deadline = deadlineOf(date, rule);
  if (filed <= deadline) return null;
  const limit = rule.months ? `${rule.months} months` : `${rule.days} days`;
  return { rule, deadline, limit };
}

export function timelyFindings(
  claim: Claim,
  payerName: string,
  /** When the payer received the claim (the submission date, or a reopening's original receipt). */
  filed: string,
  ruleOn: (date: string) => TimelyFilingRule | undefined,
): Finding[] {
  if (!isIsoDate(filed)) return [];
  const verb = filed === claim.submissionDate ? 'Submitted' : 'Received';
  let sameDate = true;
  for (const l of claim.lines)
    if (l.serviceDate && l.serviceDate !== claim.serviceDate) sameDate = false;
  if (sameDate) {
    const late = lateFor(claim.serviceDate, filed, ruleOn);
    if (!late) return [];
    return [
      finding(
        'filing.timely',
        'error',
        null,
        [],
        `${verb} ${filed}, after the ${payerName} timely-filing limit of ${late.limit} from the date of service ${claim.serviceDate} (last day ${late.deadline}).`,
        `${late.rule.source}; CARC 29`,
        { field: 'submissionDate', suggestion: SUGGEST_TIMELY },
      ),
    ];
  }
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const date = lineDate(claim.serviceDate, l.serviceDate);
    const late = lateFor(date, filed, ruleOn);
    const code = l.code ?? '';
    if (late)
      out.push(
        finding(
          'filing.timely',
          'error',
          i + 1,
          code ? [code] : [],
          `Line ${i + 1} (${code || 'no code'}) was ${verb.toLowerCase()} ${filed}, after the ${payerName} timely-filing limit of ${late.limit} from its date of service ${date} (last day ${late.deadline}).`,
          `${late.rule.source}; CMS Pub. 100-04 ch. 1 §70.1 (each line's date of service); CARC 29`,
          { field: `lines[${i}].serviceDate`, suggestion: SUGGEST_TIMELY },
        ),
      );
  });
  return out;
}

function cob(claim: Claim, p: PayerPolicy): Finding[] {
  const rule = p.otherPayerPrimary?.find(
    (r) =>
      (r.memberId === null || r.memberId === claim.patient.memberId) &&
      inEffect(r, claim.serviceDate) &&
      r.primaryPayerId !== claim.payerId,
  );
  if (!rule) return [];
  return [
    finding(
      'cob.other-payer-primary',
      'error',
      null,
      [],
      `${rule.primaryPayerId} is primary for this patient on ${claim.serviceDate} (${rule.reason}); bill ${rule.primaryPayerId} first and send ${p.name} the claim with the primary's payment.`,
      `${rule.source}; CARC 22`,
      {
        suggestion: `Bill ${rule.primaryPayerId} first`,
      },
    ),
  ];
}
