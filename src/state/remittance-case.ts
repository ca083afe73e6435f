/**
 * A case that starts from a remittance (pack format 2 `afterRemittance`): the claim as it was
 * sent and the payer's answer to it become the first submission of the case's lifecycle, and the
 * trainee works the denial from there. Corrections (frequency 7/8, reopening, a new claim) go
 * through the lifecycle to the payer service like any claim; the other actions (appeal, write-off,
 * billing the patient, the secondary or the primary payer, posting only) are judged by the
 * practice's claim machine and its appeal ladder (claim.machine.ts, appeal.machine.ts), started at
 * the remittance this case stands on — the same rules and wrong-move rationales as #/practice.
 * See: issue 15 ("the denial workbench"); DOMAIN.md §5 and §8; scenarios/README.md.
 */
import { createActor } from 'xstate';
import type { Claim } from '../domain/claim/claim';
import { parseClaim } from '../domain/claim/parse';
import type { Finding } from '../domain/findings';
import { cents, displayMoney, parseMoney, type Cents } from '../domain/money';
import type { PayerProfile } from '../domain/payer/profile';
import { remittanceAmounts, remittanceFromJson } from '../domain/payer/remittance/remittance-json';
import {
  amountDue,
  statementLines,
  type StatementLine,
} from '../domain/payer/remittance/statement';
import type { Remittance as DomainRemittance } from '../domain/payer/remittance/remittance';
import type { AppealLadderContext } from '../machines/appeal.machine';
import { EVIDENCE_FOR, type Evidence } from '../machines/appeal-merit';
import {
  claimMachine,
  initialClaimContext,
  type ClaimMachineContext,
  type ClaimMachineEvent,
  type ClaimState,
  type RemitSummary,
  type WriteOffReason,
} from '../machines/claim.machine';
import { claimInputFromDraft, type ClaimHeader } from '../machines/claim-from-draft';
import type { WorkEntry } from '../machines/denial-work';
import type { Draft } from '../machines/draft';
import { claimIdFor, type LifecycleContext } from '../machines/lifecycle.machine';
import { correctPosting, expectedPosting, judgePosting, secondaryClaim } from '../machines/posting';
import { causeOf, denialOf } from '../machines/practice/causes';
import { WRONG_MOVES } from '../machines/practice/decisions';
import { appealLevelsFor } from '../machines/practice/payer-rules';
import type { Remittance } from '../machines/remittance';
import type { CaseV2 } from '../scenarios/format/v2';
import { appealDeadline } from '../machines/appeal-deadline';
import { appealLevels } from '../domain/payer/corrections/appeals';
import { isIsoDate } from '../domain/time/dates';
import {
  codedWork,
  scoreAttempt,
  totals,
  type AttemptFacts,
  type CaseKey,
  type Decisions,
  type DenialAction,
  type ScoreReport,
} from '../domain/scoring';

export type AfterRemittance = NonNullable<CaseV2['afterRemittance']>;

/** A line's charge: one unit's charge-master price times the units (NUCC item 24F), as the
 * pack validator priced the submitted claim (scenarios/validate-pack.ts `lineCharge`). */
function lineCharge(cm: Readonly<Record<string, string>>, code: string, units: number): string {
  const unit = cm[code] ?? cm[code.toUpperCase()];
  if (unit === undefined) return '0.00';
  return ((Math.round(Number(unit) * 100) * units) / 100).toFixed(2);
}

/** The claim as it was sent, as a workspace draft (what a correction starts from). */
export function submittedDraft(c: CaseV2): Draft {
  const s = c.afterRemittance!.submitted;
  return {
    diagnoses: [...s.diagnoses],
    lines: s.lines.map((l) => ({
      code: l.code,
      modifiers: [...l.modifiers, '', '', '', ''].slice(0, 4),
      units: String(l.units),
      dxPointers: [...l.dxPointers],
      charge: lineCharge(c.encounter.chargeMaster, l.code, l.units),
    })),
  };
}

/** The submitted claim read the way the CLI reads claims (frequency, item 22, COB as stated). */
export function submittedClaim(
  c: CaseV2,
  header: ClaimHeader,
): { claim: Claim; findings: Finding[] } {
  const s = c.afterRemittance!.submitted;
  const claimId = claimIdFor(c.id, 1);
  const input = {
    ...claimInputFromDraft(submittedDraft(c), header, {
      claimId,
      frequency: s.frequency ?? '1',
      originalClaimId: s.originalClaimId ?? null,
      submissionDate: s.submissionDate ?? c.encounter.serviceDate,
    }),
    ...(s.coverage ? { coverage: s.coverage } : {}),
    ...(s.otherPayers ? { otherPayers: s.otherPayers } : {}),
  };
  const parsed = parseClaim(input, claimId);
  return { claim: parsed.claim, findings: parsed.findings };
}

const money = (n: number) => (n / 100).toFixed(2);

/**
 * The remittance a case states but the simulated payer cannot produce (`simulate: false`), built
 * from the case's data: each line billed at its charge, the stated adjustments on it, paid the
 * rest; PR is the patient's share. Every line balances (billed = paid + adjustments).
 */
export function statedRemittance(c: CaseV2, claim: Claim, profile?: PayerProfile): Remittance {
  const r = c.afterRemittance!.remittance;
  const rejected = r.status === 'rejected';
  const lines = rejected
    ? []
    : claim.lines.map((l, i) => {
        const adj = r.adjustments.filter((a) => a.line === i + 1 || (a.line === null && i === 0));
        const amount = (a: (typeof adj)[number]) => parseMoney(a.amount) ?? 0;
        const adjusted = adj.reduce((t, a) => t + amount(a), 0);
        const pr = adj.filter((a) => a.group === 'PR').reduce((t, a) => t + amount(a), 0);
        const paid = Math.max(0, l.charge - adjusted);
        return {
          line: i + 1,
          code: l.code,
          modifiers: [...l.modifiers],
          units: l.units,
          billed: money(l.charge),
          allowed: money(paid + pr),
          paid: money(paid),
          adjustments: adj.map((a) => ({
            group: a.group as 'CO' | 'PR' | 'OA' | 'PI',
            carc: a.carc,
            amount: a.amount,
          })),
          remarks: [...new Set(adj.flatMap((a) => a.rarc))],
        };
      });
  const sum = (f: (l: (typeof lines)[number]) => string) =>
    money(lines.reduce((t, l) => t + (parseMoney(f(l)) ?? 0), 0));
  const prTotal = lines.reduce(
    (t, l) =>
      t +
      l.adjustments
        .filter((a) => a.group === 'PR')
        .reduce((u, a) => u + (parseMoney(a.amount) ?? 0), 0),
    0,
  );
  return {
    claimId: claim.claimId,
    status: r.status,
    lines,
    totals: {
      billed: sum((l) => l.billed),
      allowed: sum((l) => l.allowed),
      paid: sum((l) => l.paid),
      patientResponsibility: money(prTotal),
    },
    findings: [],
    payerId: claim.payerId,
    payerClaimNumber: rejected ? null : `${c.id.toUpperCase().slice(0, 20)}-PCN1`,
    claimRemarks: rejected ? [...new Set(r.adjustments.flatMap((a) => a.rarc))] : [],
    receivedDate: claim.submissionDate,
    remitDate: r.remitDate,
    frequency: claim.frequency,
    originalClaimId: claim.originalClaimId,
    appeal: rejected || noAppealRights(r.adjustments) ? null : firstLevel(profile, r.remitDate),
  };
}

/** N211 ("you may not appeal this decision") takes the appeal rights away (e.g. with CO-29). */
const noAppealRights = (adj: readonly { rarc: readonly string[] }[]) =>
  adj.some((a) => a.rarc.includes('N211'));

/** The first appeal level open from a remit date, as the remittance JSON states it. */
function firstLevel(profile: PayerProfile | undefined, remitDate: string): Remittance['appeal'] {
  if (!profile) return null;
  const l = appealLevels(profile, remitDate)[0];
  return l
    ? {
        level: l.level,
        name: l.name,
        deadline: l.deadline,
        amountInControversy: l.amountInControversy === null ? null : money(l.amountInControversy),
        source: l.source,
      }
    : null;
}

/** Whether the payer's remittance is the one the case states (status and each group/CARC). */
export function matchesStated(r: Remittance, ar: AfterRemittance): boolean {
  if (r.status !== ar.remittance.status) return false;
  if (r.status === 'rejected') return true;
  const got = new Set(r.lines.flatMap((l) => l.adjustments.map((a) => `${a.group}-${a.carc}`)));
  return ar.remittance.adjustments.every((a) => got.has(`${a.group}-${a.carc}`));
}

/** The remittance dated as the case states (its remit date), with the first appeal level's
 * deadline counted from that date by the payer profile's dated levels. */
export function datedRemittance(
  r: Remittance,
  remitDate: string,
  profile: PayerProfile | undefined,
): Remittance {
  if (r.status === 'rejected' || !profile) return { ...r, remitDate };
  const first = appealLevelsFor(profile, remitDate);
  const l = first.levels[0];
  const deadline = l
    ? appealDeadline(remitDate, {
        presumedReceiptDays: first.presumedReceiptDays,
        deadlineDays: l.deadlineDays,
        roll: first.roll,
      })
    : null;
  return {
    ...r,
    remitDate,
    appealDeadline: r.appeal === null ? null : deadline,
    ...(r.appeal && deadline ? { appeal: { ...r.appeal, deadline } } : {}),
  };
}

export type Adjudicate = (
  claim: Claim,
  history: readonly Claim[],
  findings: readonly Finding[],
) => Promise<Remittance>;

/**
 * The lifecycle context a remittance case opens with: the submitted claim recorded as sent on
 * its submission date, the payer's answer (the payer service's, or the case's stated one when
 * the simulator cannot produce it), the clock at the remit date, and the draft holding the claim
 * as sent (a correction starts from it).
 */
export async function openingContext(
  c: CaseV2,
  base: LifecycleContext,
  adjudicate: Adjudicate,
  profile: PayerProfile | undefined,
): Promise<LifecycleContext> {
  const ar = c.afterRemittance!;
  const { claim, findings } = submittedClaim(c, base.header);
  const history = ar.submitted.duplicateOf ? [{ ...claim, claimId: ar.submitted.duplicateOf }] : [];
  // The payer service answers the claim as sent; where it cannot give the remittance the case
  // states (`simulate: false`, or code sets or plan policies other than the pack was checked
  // with), the case's own remittance stands: the case starts from that fact.
  const simulated = ar.remittance.simulate ? await adjudicate(claim, history, findings) : null;
  const answer =
    simulated && matchesStated(simulated, ar) ? simulated : statedRemittance(c, claim, profile);
  const remittance = datedRemittance(answer, ar.remittance.remitDate, profile);
  return {
    ...base,
    today: ar.remittance.remitDate,
    draft: submittedDraft(c),
    claimSeq: 1,
    claim,
    claimFindings: findings,
    submissions: [{ claim, submittedOn: claim.submissionDate, remittance }],
    remittance,
    work: [],
  };
}

// ---------------------------------------------------------------- the secondary payer

/** The default profile of a commercial plan billed as secondary when the case names none
 * (scenarios/starter/payers/commercial-secondary.json). */
export const DEFAULT_SECONDARY_ID = 'commercial-secondary';

/** Who the secondary claim goes to, and where its profile comes from. */
export interface SecondaryPayer {
  /** The payer profile (or pack plan) the secondary claim is adjudicated by. */
  payerId: string;
  memberId: string;
  name: string;
  /** 'named': a profile of the payer the claim names; 'plan': the pack plan the claim names
   * (its payer's profile under the plan's policies); 'medicaid-crossover': Medicaid after Medicare
   * for a dual-eligible patient; 'default': the shipped commercial-secondary profile. */
  source: 'named' | 'plan' | 'medicaid-crossover' | 'default';
  /** How it pays as secondary (cob.ts): its profile's COB method, or Medicaid's last resort. */
  method: 'standard' | 'non-duplication' | 'carve-out' | 'last-resort' | 'medicare';
}

/** A secondary the case calls for but the packs cannot answer: the field and what is missing. */
export interface SecondaryProblem {
  kind: 'unresolved';
  path: string;
  message: string;
}

/** A plan of the pack set, as far as choosing a secondary needs it. */
export interface PlanRef {
  id: string;
  payerId: string;
  name: string;
}

const methodOf = (p: PayerProfile): SecondaryPayer['method'] =>
  p.kind === 'medicaid'
    ? 'last-resort'
    : p.kind === 'medicare'
      ? 'medicare'
      : (p.coordination?.method ?? 'standard');

/**
 * The payer that pays after this one, from the case's facts: the secondary named on the claim
 * (otherPayers: a payer profile of that id, else a pack plan of that id under its payer's
 * profile), else Medicaid for a dual-eligible Medicare patient (the crossover: Medicaid pays the
 * Medicare cost sharing it covers, CO-45 the rest for a QMB), else — when the case's key bills a
 * secondary the note names but the claim does not — the shipped default commercial-secondary
 * profile. A secondary that cannot be resolved is a problem naming the field; null when the case
 * gives no second coverage.
 * See: NAIC COB model regulation (MDL-120); SSA §1902(n)(3) (QMB); Pub. 100-04 ch. 28 (crossover).
 */
export function secondaryPayerOf(
  c: CaseV2,
  primary: PayerProfile,
  payers: ReadonlyMap<string, PayerProfile>,
  /** The member ID on the primary's claim. */
  memberId: string,
  plans: readonly PlanRef[] = [],
): SecondaryPayer | SecondaryProblem | null {
  const s = c.afterRemittance!.submitted;
  const others = s.otherPayers ?? [];
  const i = others.findIndex((o) => o.sequence !== 'primary' && o.payerId !== primary.id);
  if (i >= 0) {
    const named = others[i]!;
    const member = named.memberId ?? memberId;
    const p = payers.get(named.payerId);
    if (p)
      return {
        payerId: p.id,
        memberId: member,
        name: p.name,
        source: 'named',
        method: methodOf(p),
      };
    const plan = plans.find((x) => x.id === named.payerId);
    const under = plan ? payers.get(plan.payerId) : undefined;
    if (plan && under)
      return {
        payerId: plan.id,
        memberId: member,
        name: `${plan.name} (${under.name})`,
        source: 'plan',
        method: methodOf(under),
      };
    return {
      kind: 'unresolved',
      path: `cases/${c.id}.afterRemittance.submitted.otherPayers[${i}].payerId`,
      message: plan
        ? `plan "${plan.id}" names payer "${plan.payerId}", which has no payer profile in the pack or its dependencies`
        : `no payer profile or plan "${named.payerId}" in the pack or its dependencies: add the secondary payer's profile (payers/${named.payerId}.json) or name a plan of the pack`,
    };
  }
  const dual = c.patient.dualStatus;
  if (dual && primary.kind === 'medicare') {
    const medicaid = [...payers.values()].find((p) => p.kind === 'medicaid');
    if (!medicaid)
      return {
        kind: 'unresolved',
        path: `cases/${c.id}.patient.dualStatus`,
        message: `the patient is dual-eligible (${dual}) but no Medicaid payer profile is in the pack or its dependencies to answer the crossover claim`,
      };
    return {
      payerId: medicaid.id,
      // The case gives the Medicare number only: a synthetic Medicaid ID stands for the one on file.
      memberId: `MCD${memberId}`,
      name: medicaid.name,
      source: 'medicaid-crossover',
      method: 'last-resort',
    };
  }
  if (c.afterRemittance!.key.actions.includes('bill-secondary')) {
    const d = payers.get(DEFAULT_SECONDARY_ID);
    if (!d)
      return {
        kind: 'unresolved',
        path: `cases/${c.id}.afterRemittance.submitted.otherPayers`,
        message: `the case bills a secondary payer but names none on the claim, and the default profile "${DEFAULT_SECONDARY_ID}" (scenarios/starter/payers) is not loaded: name the secondary in otherPayers`,
      };
    return {
      payerId: d.id,
      memberId: `S${memberId}`,
      name: d.name,
      source: 'default',
      method: methodOf(d),
    };
  }
  return null;
}

export const isSecondaryProblem = (
  x: SecondaryPayer | SecondaryProblem | null,
): x is SecondaryProblem => x !== null && 'kind' in x && x.kind === 'unresolved';

/**
 * The secondary claim: the primary's claim billed to `to`, carrying the primary's adjudication
 * per line (paid amount and adjustments: 837P loops 2320/2430), dated `today`.
 */
export function secondaryClaimOf(
  primaryClaim: Claim,
  primary: Remittance,
  to: Pick<SecondaryPayer, 'payerId' | 'memberId'>,
  today: string,
): Claim {
  const read = remittanceFromJson(primary, 'primary remittance');
  if (!read.ok)
    throw new Error(
      `The primary's remittance could not be read (${read.errors[0]?.message ?? 'unknown'}).`,
    );
  const claim = secondaryClaim(primaryClaim, read.value, to, `${primaryClaim.claimId}-S`, today);
  // The primary's remark codes go with its adjudication (837P 2320 MOA / 2430 LQ): Medicare's
  // N781–N783 tell Medicaid the crossover is a QMB's cost sharing.
  const remarks = new Map(read.value.lines.map((l) => [l.line, l.remarks]));
  return {
    ...claim,
    otherPayers: (claim.otherPayers ?? []).map((o) =>
      o.adjudication
        ? {
            ...o,
            adjudication: {
              ...o.adjudication,
              lines: o.adjudication.lines.map((l) => {
                const r = remarks.get(l.line) ?? [];
                return r.length ? { ...l, remarks: [...r] } : l;
              }),
            },
          }
        : o,
    ),
  };
}

// ---------------------------------------------------------------- the patient's statement

/** The patient's statement once insurance is done: per service, what both payers paid, what was
 * adjusted (never billed), what the patient owes; `qmb` when a payer flagged the patient a QMB. */
export interface PatientStatement {
  lines: StatementLine[];
  due: Cents;
  qmb: boolean;
  /** Problems reading the remittances' amounts (nothing is billed then). */
  problems: string[];
}

/**
 * The statement after the primary and, when it was billed, the secondary: the patient owes what
 * the last payer left them (statement.ts: PR only, never a QMB's Medicare cost sharing); the
 * insurance paid is both payments; the rest was adjusted by one payer or the other.
 * See: DOMAIN.md §1 step 9; NAIC MDL-120 (the secondary pays after the primary); SSA §1902(n)(3)(B).
 */
export function patientStatement(
  primary: Remittance,
  secondary: Remittance | null,
): PatientStatement {
  const p = remittanceAmounts(primary);
  const s = secondary ? remittanceAmounts(secondary) : null;
  const problems = [...(p.ok ? [] : p.errors), ...(s && !s.ok ? s.errors : [])].map(
    (e) => e.message,
  );
  if (!p.ok || (s && !s.ok)) return { lines: [], due: cents(0), qmb: false, problems };
  const first = statementLines(p.value);
  const last = s?.ok ? statementLines(s.value) : null;
  const lines = first.map((l) => {
    const after = last?.find((x) => x.line === l.line);
    if (!after) return l;
    const insurancePaid = cents(l.insurancePaid + after.insurancePaid);
    return {
      ...l,
      insurancePaid,
      patientOwes: after.patientOwes,
      writeOff: cents(l.charge - insurancePaid - after.patientOwes),
      reasons: after.reasons,
    };
  });
  return {
    lines,
    due: amountDue(lines),
    qmb: primary.patientMayBeBilled === false || secondary?.patientMayBeBilled === false,
    problems,
  };
}

// ---------------------------------------------------------------- judging an action

export type WorkChoice =
  | { kind: 'post-only' }
  /** `filedOn`: the day it is sent, when later than today (after its deadline it is late). */
  | { kind: 'appeal'; level: number; evidence: Evidence; filedOn?: string }
  | { kind: 'write-off'; reason: WriteOffReason }
  | { kind: 'bill-patient' }
  | { kind: 'bill-secondary' }
  | { kind: 'bill-other-payer' };

/** What the case tells the judge beside the remittance. */
export interface CaseFacts {
  caseId: string;
  profile: PayerProfile;
  /** The patient is a QMB (Medicare cost sharing may not be billed to them). */
  qmb: boolean;
  /** Another coverage pays after this payer. */
  hasSecondary: boolean;
  /** The facts back the provider: an appeal with the evidence that answers the cause can win. */
  supported: boolean;
  /** The claim as sent was coded as the documentation supports. */
  codedCorrectly: boolean;
}

/** The case facts from a case's data: the claim as sent, the answer key, the patient. */
export function caseFacts(c: CaseV2, profile: PayerProfile): CaseFacts {
  const ar = c.afterRemittance!;
  const s = ar.submitted;
  const a = c.answer;
  const dual = c.patient.dualStatus;
  const same =
    JSON.stringify(s.diagnoses.map((d) => d.toUpperCase().replace('.', ''))) ===
      JSON.stringify(a.diagnoses.map((d) => d.code.toUpperCase().replace('.', ''))) &&
    JSON.stringify(s.lines.map((l) => [l.code, l.modifiers, l.units])) ===
      JSON.stringify(a.lines.map((l) => [l.code, l.modifiers, l.units]));
  return {
    caseId: c.id,
    profile,
    qmb: dual === 'qmb' || dual === 'qmb-plus',
    // A secondary on the claim, a dual-eligible patient (Medicaid after Medicare), or a case whose
    // key bills the secondary (the note names the second coverage).
    hasSecondary:
      (s.otherPayers ?? []).some((o) => o.sequence !== 'primary') ||
      dual !== undefined ||
      ar.key.actions.includes('bill-secondary'),
    // The case's author says whether the records back the provider: its key appeals when they do.
    supported: ar.key.actions.includes('appeal'),
    codedCorrectly: same,
  };
}

const EVIDENCE_WORDS: Record<Evidence, string> = {
  records: 'the medical records',
  'corrected-code': 'a corrected code',
  'proof-of-timely-filing': 'proof of timely filing',
  abn: 'the signed ABN',
  none: 'no evidence',
};

/** The machine's summary of the remittance in force (what its guards read). */
function summaryOf(r: DomainRemittance, facts: CaseFacts): RemitSummary {
  const cause = causeOf(r, { codedCorrectly: facts.codedCorrectly, meantToDeny: !facts.supported });
  return {
    status: r.status === 'rejected' ? 'denied' : r.status,
    payerClaimNumber: r.payerClaimNumber,
    remitDate: r.remitDate,
    expected: expectedPosting(r),
    denial: denialOf(r),
    appealable: r.appeal !== null,
    // Whether the facts back the provider is the case's to say (causes.ts presumes a timely-filing
    // or coding denial unsupported); causes no appeal can overturn stay unsupported.
    cause: cause
      ? { ...cause, supported: facts.supported && EVIDENCE_FOR[cause.kind] !== null }
      : null,
  };
}

type ClaimActor = ReturnType<typeof createActor<typeof claimMachine>>;

/** The practice's claim machine, standing at this remittance as a biller finds it posted. */
function machineAt(r: DomainRemittance, facts: CaseFacts, today: string): ClaimActor {
  const summary = summaryOf(r, facts);
  const base = initialClaimContext({
    encounterId: facts.caseId,
    payerId: r.payerId,
    corrections: facts.profile.corrections,
    qmb: facts.qmb,
    hasSecondary: facts.hasSecondary,
    serviceDate: today,
  });
  const rejected = r.status === 'rejected';
  const context: ClaimMachineContext = {
    ...base,
    claimId: r.claimId,
    submissions: 1,
    remit: rejected ? null : summary,
    // Posted as the 835 says: the patient's share is on their balance.
    patientOwes: rejected ? 0 : summary.expected.patient,
  };
  const value: ClaimState = rejected ? 'rejected' : r.status === 'paid' ? 'paid' : 'workbench';
  const actor = createActor(claimMachine, {
    snapshot: claimMachine.resolveState({ value, context }),
    input: base,
  });
  actor.start();
  return actor;
}

const stateOf = (a: ClaimActor) => String(a.getSnapshot().value);
const lastDecision = (a: ClaimActor, before: number) =>
  a.getSnapshot().context.decisions.slice(before).at(-1) ?? null;

/** The appeal level the trainee may file next: 1, or the one after the last upheld level. */
export function nextAppealLevel(work: readonly WorkEntry[]): number {
  const upheld = work.filter((w) => w.appeal?.result === 'upheld').map((w) => w.appeal!.level);
  return upheld.length ? Math.max(...upheld) + 1 : 1;
}

/** The notice an appeal at the next level counts from: the remit date or the last decision. */
function noticeDate(work: readonly WorkEntry[], remitDate: string): string {
  const last = [...work].reverse().find((w) => w.appeal?.result === 'upheld');
  return last?.until ?? remitDate;
}

export interface JudgeInput {
  /** The remittance in force (the lifecycle's `remittance`), JSON as stored. */
  remittance: Remittance;
  today: string;
  work: readonly WorkEntry[];
  facts: CaseFacts;
  /** The secondary payer's remittance, once the secondary claim was answered: what the patient
   * still owes is what it leaves (the balance is settled against it). */
  secondary?: Remittance | null;
}

/**
 * Judges one action at the remittance through the claim machine (and, for an appeal, its appeal
 * ladder run to the payer's decision): the entry records the choice, whether it was right, the
 * rule, what happened, and whether the account's path ends there.
 */
export function judgeWork(input: JudgeInput, choice: WorkChoice): WorkEntry {
  const { today, facts } = input;
  if (input.secondary && choice.kind === 'bill-secondary')
    return {
      at: today,
      action: 'bill-secondary',
      choice: 'bill the secondary payer',
      right: false,
      rationale:
        'The secondary payer has already decided this claim: billing it again is a duplicate (CARC 18). Settle what it left.',
      outcome: 'The secondary claim is not sent again.',
      closes: false,
    };
  // After the secondary's answer, the balance is settled against what it left.
  const settle = input.secondary && choice.kind !== 'appeal' && choice.kind !== 'bill-other-payer';
  const read = remittanceFromJson(settle ? input.secondary : input.remittance, 'remittance');
  if (!read.ok)
    return {
      at: today,
      action: choice.kind,
      choice: choice.kind,
      right: false,
      rationale: `The remittance could not be read (${read.errors[0]?.message ?? 'unknown'}).`,
      outcome: 'Nothing was done.',
      closes: false,
    };
  const r = read.value;
  const primaryRead = settle ? remittanceFromJson(input.remittance, 'remittance') : read;
  // A QMB's Medicare cost sharing on the primary (what may never reach the patient's statement).
  const qmbShare = facts.qmb && primaryRead.ok ? qmbCostSharing(primaryRead.value) : cents(0);
  // An appeal may be sent later than today: the clock moves to that day (a late one expires).
  if (
    choice.kind === 'appeal' &&
    choice.filedOn &&
    isIsoDate(choice.filedOn) &&
    choice.filedOn > today
  )
    return judgeWork({ ...input, today: choice.filedOn }, { ...choice, filedOn: undefined });
  const actor = machineAt(r, facts, today);
  try {
    switch (choice.kind) {
      case 'post-only':
        return postOnly(actor, r, today, qmbShare);
      case 'appeal':
        return appeal(actor, r, input, choice.level, choice.evidence);
      case 'write-off':
        return writeOff(actor, r, today, choice.reason);
      case 'bill-patient':
        return billPatient(actor, r, today, qmbShare);
      case 'bill-secondary':
        return billSecondary(actor, r, today);
      case 'bill-other-payer':
        return billOtherPayer(r, facts, today);
    }
  } finally {
    actor.stop();
  }
}

const send = (a: ClaimActor, e: ClaimMachineEvent) => a.send(e);

/** The Medicare deductible, coinsurance and copay (PR-1/2/3) on a remittance: for a QMB, never
 * the patient's. See: SSA §1902(n)(3)(B); src/domain/payer/cost-sharing/qmb.ts. */
function qmbCostSharing(r: DomainRemittance): Cents {
  return cents(
    r.lines
      .flatMap((l) => l.adjustments)
      .filter((a) => a.group === 'PR' && ['1', '2', '3'].includes(a.carc))
      .reduce((t, a) => t + a.amount, 0),
  );
}

const qmbNote = (share: Cents) =>
  share > 0
    ? ` The patient is a QMB: ${displayMoney(share)} of Medicare cost sharing is not billed to them (SSA §1902(n)(3)(B)); it goes to Medicaid, and what Medicaid does not pay is written off.`
    : '';

function postOnly(
  actor: ClaimActor,
  r: DomainRemittance,
  at: string,
  qmbShare: Cents = cents(0),
): WorkEntry {
  if (r.status === 'rejected')
    return {
      at,
      action: 'post-only',
      choice: 'post the rejection and take no further action',
      right: false,
      rationale: WRONG_MOVES.appealRejection.replace('has no appeal rights: ', 'is not posted: '),
      outcome:
        'Nothing was paid and nothing was processed: the claim stays unpaid until a corrected new claim is sent.',
      closes: true,
    };
  const e = expectedPosting(r);
  const d = judgePosting(e, correctPosting(e), at);
  if (stateOf(actor) === 'paid') send(actor, { type: 'claim.close', at });
  const denied = e.denied > 0 ? ` ${displayMoney(e.denied)} stays denied.` : '';
  return {
    at,
    action: 'post-only',
    choice: 'post the remittance and take no further action',
    right: d.right,
    rationale: d.rationale,
    outcome: `Posted: payment ${displayMoney(e.payment)}, contractual ${displayMoney(cents(e.contractual + e.protectedPr))}, patient ${displayMoney(e.patient)}.${denied}${qmbNote(qmbShare)} The account is closed.`,
    closes: true,
  };
}

function appeal(
  actor: ClaimActor,
  r: DomainRemittance,
  input: JudgeInput,
  level: number,
  evidence: Evidence,
): WorkEntry {
  const { today: at, facts } = input;
  const words = `appeal level ${level} with ${EVIDENCE_WORDS[evidence]}`;
  const base = { at, action: 'appeal' as const, choice: words };
  const open = nextAppealLevel(input.work);
  const levels = appealLevelsFor(facts.profile, r.remitDate);
  const spec = levels.levels.find((l) => l.level === level);
  const name = spec?.name ?? `level ${level}`;
  const before = actor.getSnapshot().context.decisions.length;
  if (r.status === 'rejected' || r.status === 'paid') {
    send(actor, { type: 'denial.appeal', at, evidence, ladder: null as never });
    const d = lastDecision(actor, before);
    return {
      ...base,
      right: false,
      rationale:
        d?.rationale ??
        'Nothing on this remittance was denied: there is no adverse decision to appeal (42 CFR 405.940).',
      outcome:
        r.status === 'rejected'
          ? 'The payer does not accept an appeal of a rejected claim: it was never processed. Fix it and send a new claim.'
          : 'The appeal is not filed: the claim was paid as billed under the contract.',
      closes: false,
      appeal: { level, name, evidence, filedOn: at, deadline: null, result: 'refused' },
    };
  }
  if (level !== open) {
    const first = levels.levels.find((l) => l.level === open);
    return {
      ...base,
      right: false,
      rationale: `Appeals go level by level: the ${first?.name ?? `level ${open}`} comes before the ${name} (42 CFR 405.904; the plan's appeal procedure).`,
      outcome: `The ${name} is dismissed: no decision at level ${level - 1} has been appealed yet.`,
      closes: false,
      appeal: { level, name, evidence, filedOn: at, deadline: null, result: 'dismissed' },
    };
  }
  const notice = noticeDate(input.work, r.remitDate);
  const ladderLevels = appealLevelsFor(facts.profile, notice);
  const summary = actor.getSnapshot().context.remit;
  send(actor, {
    type: 'denial.appeal',
    at,
    evidence,
    ladder: {
      noticeDate: notice,
      levels: ladderLevels.levels.filter((l) => l.level >= level),
      presumedReceiptDays: ladderLevels.presumedReceiptDays,
      roll: ladderLevels.roll,
      reviewDays: reviewDaysOf(facts.profile).slice(level - 1),
      disputed: summary?.expected.denied ?? 0,
      cause: summary?.cause ?? { kind: 'other', supported: false, payerReason: 'no denial' },
    },
  });
  if (stateOf(actor) !== 'appealing') {
    const d = lastDecision(actor, before);
    // Sent after the level's deadline: the reviewer dismisses it as late (the ladder's rule).
    const late = d?.rationale === WRONG_MOVES.missedDeadline;
    const due = late
      ? (appealChoices(facts.profile, r.remitDate, input.work).find((l) => l.level === level)
          ?.deadline ?? null)
      : null;
    return {
      ...base,
      right: false,
      rationale: d?.rationale ?? 'The appeal could not be filed.',
      outcome: late
        ? `${name} sent ${at}, after its deadline ${due ?? '(passed)'}: dismissed as late. The denial stands.`
        : 'The payer does not take the appeal: this remittance gives no appeal rights.',
      closes: false,
      appeal: {
        level,
        name,
        evidence,
        filedOn: at,
        deadline: due,
        result: late ? 'expired' : 'refused',
      },
    };
  }
  const child = ladderOf(actor);
  const deadline = child?.context.deadline ?? null;
  const filed = lastDecision(actor, before);
  // The payer decides after its review time (or the late filing expires at once).
  const due = child?.context.decisionDue ?? null;
  if (due) send(actor, { type: 'clock.tick', at: due });
  const after = ladderOf(actor);
  if (after?.value === 'lost') send(actor, { type: 'appeal.accept', at: due ?? at });
  const out = actor.getSnapshot().context.appealResult;
  const step = out?.history.find((h) => h.level === level);
  const result = out?.result === 'won' ? 'won' : out?.result === 'expired' ? 'expired' : 'upheld';
  const decided = step?.decidedOn ?? due ?? at;
  const miss = lastDecision(actor, before);
  return {
    ...base,
    right: result === 'won',
    rationale:
      result === 'expired'
        ? (miss?.rationale ?? WRONG_MOVES.missedDeadline)
        : result === 'won'
          ? (filed?.rationale ?? '')
          : `${filed?.right === false ? filed.rationale : `The appeal did not answer the denial's real cause with the evidence that proves it (needed: ${EVIDENCE_WORDS[EVIDENCE_FOR[summary?.cause?.kind ?? 'other'] ?? 'none']}), or no appeal can overturn it.`}`,
    outcome:
      result === 'won'
        ? `${name} filed ${at} (deadline ${deadline}); decided ${decided}: the payer reverses its decision and reprocesses the denied lines.`
        : result === 'expired'
          ? `${name} filed ${at}, after its deadline ${deadline}: dismissed as late. The denial stands.`
          : `${name} filed ${at} (deadline ${deadline}); decided ${decided}: upheld — ${step?.reason ?? out?.reason ?? 'the denial stands'}.`,
    // A won appeal does not end the path: the payer reprocesses the claim (lifecycle
    // `reprocessing`) and its revised remittance is posted next.
    closes: false,
    until: decided,
    appeal: { level, name, evidence, filedOn: at, deadline, result },
  };
}

/** Days the payer takes to decide at each level (the practice's defaults for its kind). */
function reviewDaysOf(p: PayerProfile): number[] {
  return p.kind === 'medicare' ? [60, 60, 90, 90, 180] : [30, 45, 45];
}

function ladderOf(actor: ClaimActor) {
  const ref = actor.getSnapshot().children['appeal'] as
    { getSnapshot(): { value: string; context: AppealLadderContext } } | undefined;
  return ref?.getSnapshot() ?? null;
}

function writeOff(
  actor: ClaimActor,
  r: DomainRemittance,
  at: string,
  reason: WriteOffReason,
): WorkEntry {
  const base = {
    at,
    action: 'write-off' as const,
    choice: `write off: ${reason}`,
    writeOffReason: reason,
  };
  const e = r.status === 'rejected' ? null : expectedPosting(r);
  if (!e)
    return {
      ...base,
      right: false,
      rationale: WRONG_MOVES.appealRejection.replace(
        'has no appeal rights',
        'is not written off either',
      ),
      outcome: `The whole charge is written off (${displayMoney(sumBilled(r))}) for a claim the payer never processed: revenue lost.`,
      closes: true,
      balance: 'write-off',
    };
  if (stateOf(actor) === 'paid') {
    // Writing off after a payment: the patient's share goes with it (a posting judged as one).
    const d = judgePosting(
      e,
      {
        payment: e.payment,
        contractual: cents(e.contractual + e.protectedPr + e.patient),
        toPatient: cents(0),
      },
      at,
    );
    return {
      ...base,
      right: d.right,
      rationale: d.rationale,
      outcome:
        e.patient > 0
          ? `${displayMoney(e.patient)} the patient owes is written off as ${reason}: revenue lost.`
          : 'The contractual amount is written off; nothing else is owed. The account is closed.',
      closes: true,
      balance: 'write-off',
    };
  }
  const before = actor.getSnapshot().context.decisions.length;
  send(actor, { type: 'claim.write-off', at, reason });
  const d = lastDecision(actor, before);
  return {
    ...base,
    right: d?.right ?? false,
    rationale: d?.rationale ?? '',
    outcome: `${displayMoney(e.denied)} denied is written off (${reason}).${e.patient > 0 ? ` The patient is billed their share of ${displayMoney(e.patient)}.` : ''}`,
    closes: true,
    balance: 'write-off',
  };
}

const sumBilled = (r: DomainRemittance): Cents => cents(r.lines.reduce((t, l) => t + l.billed, 0));

function billPatient(
  actor: ClaimActor,
  r: DomainRemittance,
  at: string,
  qmbShare: Cents = cents(0),
): WorkEntry {
  const base = { at, action: 'bill-patient' as const, choice: 'bill the patient' };
  if (r.status === 'rejected')
    return {
      ...base,
      right: false,
      rationale: WRONG_MOVES.coToPatient,
      outcome:
        'The statement is not sent: the payer never processed the claim, so nothing is the patient’s yet. Fix it and send a new claim.',
      closes: false,
    };
  const e = expectedPosting(r);
  const before = actor.getSnapshot().context.decisions.length;
  if (stateOf(actor) === 'paid') {
    send(actor, {
      type: 'patient.bill',
      at,
      balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
    });
    if (stateOf(actor) === 'patientBalance')
      return {
        ...base,
        right: true,
        rationale: judgePosting(e, correctPosting(e), at).rationale,
        outcome: `A statement bills the patient ${displayMoney(e.patient)} (group PR on the remittance).`,
        closes: true,
        balance: 'bill-patient',
      };
    const qmb = e.protectedPr > 0 || qmbShare > 0;
    return {
      ...base,
      right: false,
      rationale: qmb ? WRONG_MOVES.qmbCostSharing : WRONG_MOVES.coToPatient,
      outcome: qmb
        ? `The statement is held back: billing this QMB the ${displayMoney(cents(Math.max(e.protectedPr, qmbShare)))} of Medicare cost sharing would be prohibited balance billing (the practice would have to refund it and risks sanctions under its Medicare agreement). The patient owes nothing.`
        : 'The statement is held back: the patient owes nothing on this remittance.',
      closes: false,
    };
  }
  send(actor, {
    type: 'patient.bill',
    at,
    balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
  });
  const d = lastDecision(actor, before);
  const went = stateOf(actor) === 'patientBalance';
  return {
    ...base,
    right: d?.right ?? went,
    rationale: d?.rationale ?? '',
    outcome: went
      ? `A statement bills the patient ${displayMoney(cents(e.denied + e.patient))}: the denial is theirs (group PR).`
      : `The statement is held back: ${displayMoney(e.denied)} denied is a ${r.lines.flatMap((l) => l.adjustments).find((a) => a.group !== 'PR')?.group ?? 'CO'} adjustment the patient may not be billed.`,
    closes: went,
    ...(went ? { balance: 'bill-patient' as const } : {}),
  };
}

function billSecondary(actor: ClaimActor, r: DomainRemittance, at: string): WorkEntry {
  const base = { at, action: 'bill-secondary' as const, choice: 'bill the secondary payer' };
  if (r.status !== 'rejected') send(actor, { type: 'secondary.bill', at, dueOn: at });
  if (stateOf(actor) === 'secondary')
    return {
      ...base,
      right: true,
      rationale:
        'The primary has paid its share: the claim goes to the secondary with the primary’s adjudication per line (837P loops 2320/2430), and the secondary pays after it (COB; for a QMB, Medicaid covers the cost sharing).',
      outcome: `A claim with the primary's remittance (payer claim number ${r.payerClaimNumber ?? 'none'}) is sent to the secondary payer.`,
      // The secondary answers next; the balance is settled against what it leaves.
      closes: false,
    };
  return {
    ...base,
    right: false,
    rationale:
      r.status === 'rejected'
        ? WRONG_MOVES.appealRejection
        : 'No secondary coverage is on file for this claim: a secondary claim needs the other payer named on the claim (837P loop 2320; CMS-1500 items 9–9d).',
    outcome: 'The secondary claim is not sent.',
    closes: false,
  };
}

function billOtherPayer(r: DomainRemittance, facts: CaseFacts, at: string): WorkEntry {
  const base = {
    at,
    action: 'bill-other-payer' as const,
    choice: 'bill the payer that is primary',
  };
  const cause = summaryOf(r, facts).cause;
  if (r.status !== 'rejected' && cause?.kind === 'other-payer')
    return {
      ...base,
      right: true,
      rationale:
        'CO-22: another payer is primary for this service. Bill that payer first, then send this one the claim with the primary’s adjudication (NAIC COB model regulation; Medicare Secondary Payer rules, Pub. 100-05).',
      outcome: 'The claim goes to the primary payer; this payer is billed as secondary afterwards.',
      closes: true,
    };
  return {
    ...base,
    right: false,
    rationale:
      'Nothing on this remittance says another payer is primary (that is CO-22 with N479): this payer decided the claim as primary.',
    outcome: 'No other payer is billed: the claim is this payer’s to decide.',
    closes: false,
  };
}

// ---------------------------------------------------------------- scoring the attempt

/**
 * What scoring reads of a remittance-case attempt: the trainee's own claims (those after the one
 * the case starts from) with the payer's answers, the coding of the last of them, and the
 * decisions in order — each correction by how it was sent (a new claim after a rejection, a
 * frequency 7/8 corrected claim, a reopening), then each action at the remittance.
 */
export function remittanceCaseFacts(ctx: LifecycleContext): AttemptFacts {
  const own = ctx.submissions.slice(1);
  const actions: DenialAction[] = [];
  own.forEach((s) => {
    const reopening = s.claim.frequency === '1' && s.claim.originalClaimId !== null;
    if (reopening) actions.push('reopening');
    else if (s.claim.frequency === '7' || s.claim.frequency === '8')
      actions.push('corrected-claim');
    // A new claim (frequency 1, no reference): after a rejection that is the fix; after a
    // decision it is a duplicate of the claim decided, still a resubmission.
    else actions.push('correct-and-resubmit');
  });
  const work = ctx.work ?? [];
  for (const w of work) actions.push(w.action);
  const filed = [...work].reverse().find((w) => w.appeal && w.appeal.result !== 'refused');
  const balance = [...work].reverse().find((w) => w.balance)?.balance;
  const writeOffReason = [...work].reverse().find((w) => w.writeOffReason)?.writeOffReason;
  const decisions: Decisions = {
    actions,
    ...(filed?.appeal
      ? {
          appeal: {
            level: filed.appeal.level,
            filedOn: filed.appeal.filedOn,
            deadline: filed.appeal.deadline,
          },
        }
      : {}),
    ...(balance ? { balance } : {}),
    ...(balance === 'write-off' && writeOffReason ? { writeOffReason } : {}),
  };
  return {
    work: codedWork(own.at(-1)?.claim, ctx.draft),
    submissions: own.map((s) => ({
      ...s,
      channel:
        s.claim.frequency === '1' && s.claim.originalClaimId
          ? ('reopening' as const)
          : ('claim' as const),
    })),
    decisions,
    // After a won appeal the follow-up answers the payer's revised remittance.
    startRemittance: ctx.revisions?.at(-1) ?? ctx.submissions[0]?.remittance ?? null,
  };
}

/**
 * Scores a remittance-case attempt: the follow-up (the denial action, the appeal level and its
 * timing, the balance decision) always; the coding, the claim's fields and how it got paid only
 * when the trainee sent a claim of their own (the claim the case starts from is not theirs).
 */
export function scoreRemittanceCase(key: CaseKey, ctx: LifecycleContext): ScoreReport {
  const facts = remittanceCaseFacts(ctx);
  const sent = facts.submissions.length > 0;
  const items = scoreAttempt(key, facts).items.filter(
    (i) => sent || i.section === 'follow-up' || i.section === undefined,
  );
  return { items, totals: totals(items) };
}

/**
 * The appeal levels the workbench offers, from the payer profile's dated levels in force on the
 * notice: each with its name, and the next open level with its filing deadline (counted from the
 * remit date, or from the last upheld decision, with presumed receipt and the payer's weekend
 * rule — the deadline the appeal ladder enforces).
 */
export function appealChoices(
  profile: PayerProfile,
  remitDate: string,
  work: readonly WorkEntry[],
): { level: number; name: string; deadline: string | null }[] {
  const open = nextAppealLevel(work);
  const notice = noticeDate(work, remitDate);
  const l = appealLevelsFor(profile, notice);
  return l.levels.map((x) => ({
    level: x.level,
    name: x.name,
    deadline:
      x.level === open
        ? appealDeadline(notice, {
            presumedReceiptDays: l.presumedReceiptDays,
            deadlineDays: x.deadlineDays,
            roll: l.roll,
          })
        : null,
  }));
}
