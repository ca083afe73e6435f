/**
 * The follow-up decisions of an attempt, item by item: what was done about the claim after the
 * payer's answer (correct, reopen, appeal, bill another payer, or post it and leave it), the
 * appeal's level and its timing, whether the balance is billed to the patient or written off,
 * and the reason a write-off carries.
 *
 * A case with a denial key (pack `afterRemittance.key`) is about these decisions, so every
 * decision its key expects is scored whether or not the attempt took it: a decision never taken
 * scores 0 with the rule it misses. The items a key expects are the same for every attempt (the
 * maximum does not depend on what the trainee did); a decision the key does not expect adds a
 * row only when it was taken (an appeal, a balance decision). Without a denial key the balance
 * and the appeal are scored only when recorded, as before.
 * See: CMS Pub. 100-04 ch. 29 (appeals: levels and windows) and ch. 34 (reopenings); 42 CFR
 * 405.942, 405.962, 405.1014; X12 835 group codes (CO is the provider's, PR the patient's);
 * DOMAIN.md §7 and §8; README "Scoring".
 */
import { parseMoney } from '../money';
import { REF } from './references';
import type { AttemptFacts, Decisions, RemitLike } from './attempt';
import type { CaseKey, DenialAction, Mark, ScoredItem } from './types';

/** What is done with the balance left after the payer. */
export type BalanceDecision = 'bill-patient' | 'write-off';
const BALANCE_ACTIONS: readonly DenialAction[] = ['bill-patient', 'write-off'];

export const ACTION_WORDS: Record<DenialAction, string> = {
  'correct-and-resubmit': 'correct and resubmit',
  'corrected-claim': 'send a corrected claim',
  reopening: 'request a reopening',
  appeal: 'appeal',
  'write-off': 'write off',
  'bill-patient': 'bill the patient',
  'bill-secondary': 'bill the secondary payer',
  'bill-other-payer': 'bill the payer that is primary',
  'post-only': 'post the payment only',
};
const words = (as: readonly DenialAction[]) =>
  as.length ? as.map((a) => ACTION_WORDS[a]).join(', then ') : '(none)';

/** The rule behind each action, for the denial-action row. */
const ACTION_RULE: Record<DenialAction, string> = {
  'correct-and-resubmit': REF.rejection,
  'corrected-claim':
    'NUCC 1500 item 22 (resubmission code 7 or 8 with the payer claim number); DOMAIN.md §8',
  reopening: REF.reopening,
  appeal: REF.appeals,
  'write-off': REF.groups,
  'bill-patient': REF.groups,
  'bill-secondary': REF.cob,
  'bill-other-payer': REF.cob,
  'post-only': REF.groups,
};

/** Medicare's five appeal levels: who decides, the filing window and the rule. */
export const APPEAL_LEVELS: Record<number, { name: string; window: string; rule: string }> = {
  1: {
    name: 'redetermination by the contractor',
    window: '120 days of receiving the initial determination',
    rule: 'CMS Pub. 100-04 ch. 29 §310 (redetermination); 42 CFR 405.942',
  },
  2: {
    name: 'reconsideration by a QIC',
    window: '180 days of receiving the redetermination',
    rule: 'CMS Pub. 100-04 ch. 29 §320 (reconsideration); 42 CFR 405.962',
  },
  3: {
    name: 'ALJ hearing',
    window: '60 days of receiving the reconsideration',
    rule: 'CMS Pub. 100-04 ch. 29 §330 (ALJ hearing); 42 CFR 405.1014',
  },
  4: {
    name: 'Medicare Appeals Council review',
    window: '60 days of receiving the ALJ decision',
    rule: 'CMS Pub. 100-04 ch. 29 §340 (Appeals Council); 42 CFR 405.1102',
  },
  5: {
    name: 'judicial review in federal district court',
    window: '60 days of receiving the Council decision',
    rule: 'CMS Pub. 100-04 ch. 29 §345 (judicial review); 42 CFR 405.1130',
  },
};
const levelRule = (n: number | undefined) =>
  (n !== undefined ? APPEAL_LEVELS[n]?.rule : undefined) ?? REF.appeals;
const levelWords = (n: number) => {
  const l = APPEAL_LEVELS[n];
  return l ? `level ${n} (${l.name})` : `level ${n}`;
};

/** The balance decision the attempt took: the recorded one, else the last balance action. */
export function balanceOf(d: Decisions): BalanceDecision | undefined {
  if (d.balance) return d.balance;
  const last = [...d.actions].reverse().find((a) => BALANCE_ACTIONS.includes(a));
  return last as BalanceDecision | undefined;
}

/** The balance the remittance calls for: bill the patient their share, or write off the rest. */
export function expectedBalance(final: RemitLike): BalanceDecision | null {
  const pr = parseMoney(final.totals?.patientResponsibility ?? '0.00') ?? 0;
  if (pr > 0 && final.patientMayBeBilled !== false) return 'bill-patient';
  const co = (final.lines ?? []).some((l) =>
    l.adjustments.some((a) => a.group === 'CO' && (parseMoney(a.amount) ?? 0) > 0),
  );
  if (pr > 0 || co || final.status === 'denied') return 'write-off';
  return null;
}

/** The reason words a CARC calls for when its amount is written off (X12 CARC list, our words). */
function reasonForCarc(c: string): string {
  if (c === '29') return 'timely-filing';
  if (c === '97' || c === '236') return 'ncci-bundled';
  if (['50', '55', '56', '57', '58', '167'].includes(c)) return 'medical-necessity';
  if (['49', '96', '119', '204'].includes(c)) return 'non-covered';
  if (c === '18') return 'duplicate';
  return 'contractual';
}

/**
 * The provider-liability adjustment the decision is about: the first one that denies (a CARC
 * with its own write-off reason) before routine contractual reductions (CO-45 above the fee
 * schedule, CO-253 sequestration) that every paid line carries.
 */
function denialAdjustment(final: RemitLike | null) {
  const adjs = (final?.lines ?? [])
    .flatMap((l) => l.adjustments)
    .filter((a) => a.group !== 'PR' && (parseMoney(a.amount) ?? 0) > 0);
  return adjs.find((a) => reasonForCarc(a.carc) !== 'contractual') ?? adjs[0] ?? null;
}

/**
 * The write-off reason the remittance's denial calls for (the machines' reason words), from its
 * denying provider-liability adjustment: CARC 29 timely filing, 97/236 bundled by NCCI,
 * 50/55–58/167 medical necessity, 49/96/119/204 non-covered, 18 duplicate, anything else under
 * CO contractual. See: X12 CARC list (our wording, DOMAIN.md §7).
 */
export function expectedWriteOffReason(final: RemitLike | null): string | null {
  const adj = denialAdjustment(final);
  return adj ? reasonForCarc(adj.carc) : null;
}

const adjustmentWords = (final: RemitLike | null): string => {
  const a = denialAdjustment(final);
  return a ? `${a.group}-${a.carc}` : 'the denial';
};

interface Ctx {
  key: CaseKey;
  d: Decisions;
  final: RemitLike | null;
}

function denialActionItem({ key, d }: Ctx): ScoredItem | null {
  const k = key.denial;
  if (!k) return null;
  // "Post only" means no further claim action: it is met by taking none.
  const claimActions = (as: readonly DenialAction[]) =>
    [...new Set(as)].filter((a) => !BALANCE_ACTIONS.includes(a) && a !== 'post-only');
  const want = claimActions(k.actions);
  const took = claimActions(d.actions);
  let mark: Mark;
  let why: string;
  if (!want.length) {
    mark = took.length ? 'wrong' : 'right';
    why = took.length
      ? `No claim action is due here (${words(took)} was taken): `
      : 'Right: nothing to resubmit, reopen or appeal. ';
  } else {
    const hit = want.filter((a) => took.includes(a));
    const extra = took.filter((a) => !want.includes(a));
    mark = hit.length === want.length && !extra.length ? 'right' : hit.length ? 'partly' : 'wrong';
    why =
      mark === 'right'
        ? 'Right. '
        : !took.length
          ? `Never done: the denial needed ${words(want)}. `
          : mark === 'partly'
            ? `Partly: ${words(want)} was needed, ${words(took)} was taken. `
            : `${words(took)} instead of ${words(want)}. `;
  }
  const rule = want[0] ? ACTION_RULE[want[0]] : REF.denialWork;
  return {
    kind: 'denial-action',
    section: 'follow-up',
    label: 'Denial action',
    expected: want.length ? words(want) : 'no claim action (post it and settle the balance)',
    given: words(took),
    mark,
    rationale: `${why}${k.rationale}`,
    reference: want[0] === 'appeal' ? levelRule(k.appealLevel) : rule,
  };
}

function appealItems({ key, d, final }: Ctx): ScoredItem[] {
  const want = key.denial?.appealLevel ?? (key.denial?.actions.includes('appeal') ? 1 : undefined);
  const got = d.appeal?.level ?? (d.actions.includes('appeal') ? 1 : undefined);
  if (want === undefined && got === undefined) return [];
  const items: ScoredItem[] = [
    {
      kind: 'appeal-level',
      section: 'follow-up',
      label: 'Appeal level',
      expected: want === undefined ? '(no appeal)' : levelWords(want),
      given: got === undefined ? '(no appeal)' : `level ${got}`,
      mark: want === got ? 'right' : 'wrong',
      rationale:
        want === undefined
          ? `This denial is not one to appeal (${adjustmentWords(final)}): an appeal disputes a decision the records can change; fix the claim or settle the balance instead.`
          : got === undefined
            ? `No appeal was filed: this denial is appealed at ${levelWords(want)}, within ${APPEAL_LEVELS[want]?.window ?? "the payer's window"}.`
            : want === got
              ? `${levelWords(want)} is the level open for this decision.`
              : `Appeals go level by level: this one is ${levelWords(want)}, not level ${got}.`,
      reference: levelRule(want ?? got),
    },
  ];
  const deadline = d.appeal?.deadline ?? final?.appealDeadline ?? null;
  if (d.appeal && deadline) {
    const inTime = d.appeal.filedOn <= deadline;
    items.push({
      kind: 'appeal-timing',
      section: 'follow-up',
      label: 'Appeal timing',
      expected: `filed by ${deadline}`,
      given: `filed ${d.appeal.filedOn}`,
      mark: inTime ? 'right' : 'wrong',
      rationale: inTime
        ? `Filed within the window (deadline ${deadline}).`
        : `Filed after the deadline of ${deadline}: the payer dismisses a late appeal and the denial stands.`,
      reference: levelRule(d.appeal.level),
    });
  } else if (want !== undefined && !d.appeal) {
    // The key expects an appeal in time: one never filed misses its window.
    const window = APPEAL_LEVELS[want]?.window ?? "the payer's window";
    items.push({
      kind: 'appeal-timing',
      section: 'follow-up',
      label: 'Appeal timing',
      expected: deadline ? `filed by ${deadline}` : `filed within ${window}`,
      given: got === undefined ? '(no appeal)' : 'no filing date recorded',
      mark: 'wrong',
      rationale:
        got === undefined
          ? `No appeal was filed ${deadline ? `by ${deadline}` : `within ${window}`}: once the window closes the denial stands.`
          : 'The appeal has no filing date: timeliness cannot be shown.',
      reference: levelRule(want),
    });
  }
  return items;
}

interface Balance {
  want: BalanceDecision;
  got: BalanceDecision | undefined;
  /** The adjustment in words (`CO-29`). */
  adj: string;
}

/** Bill the patient or write off: against the key's balance action, else the remittance. */
function balanceItems({ key, d, final }: Ctx): ScoredItem[] {
  const keyed = key.denial?.actions
    .filter((a): a is BalanceDecision => BALANCE_ACTIONS.includes(a))
    .at(-1);
  const want = keyed ?? (final ? expectedBalance(final) : null);
  const got = balanceOf(d);
  // A denial case whose key settles the balance scores the decision even when none was taken.
  if (!want || (!got && !keyed)) return [];
  const b: Balance = { want, got, adj: adjustmentWords(final) };
  const reason =
    keyed === 'write-off' || (got === 'write-off' && d.writeOffReason)
      ? [writeOffReasonItem(b, d.writeOffReason, final)]
      : [];
  // The other balance action taken before the final one (billing a CO amount to the patient,
  // then writing it off): the final decision is right but the wrong move cost a step.
  const other: BalanceDecision = want === 'bill-patient' ? 'write-off' : 'bill-patient';
  const wrongFirst = got === want && d.actions.includes(other);
  return [balanceItem(b, final?.patientMayBeBilled === false, wrongFirst), ...reason];
}

function balanceItem(
  { want, got, adj }: Balance,
  protectedPr: boolean,
  wrongFirst = false,
): ScoredItem {
  const item = balanceRow({ want, got, adj }, protectedPr);
  if (!wrongFirst) return item;
  return {
    ...item,
    given: `${item.given}, after ${want === 'bill-patient' ? 'writing it off' : 'billing the patient'}`,
    mark: 'partly',
    rationale: `Partly: the balance ended right, but ${
      want === 'bill-patient'
        ? 'it was first written off (patient responsibility is the patient’s, not a write-off)'
        : `the patient was first billed for it (never bill the patient for ${adj})`
    }. ${item.rationale}`,
  };
}

function balanceRow({ want, got, adj }: Balance, protectedPr: boolean): ScoredItem {
  return {
    kind: 'balance-decision',
    section: 'follow-up',
    label: 'Balance decision',
    expected: want === 'bill-patient' ? 'bill the patient their share' : 'write it off',
    given: !got ? '(no decision)' : got === 'bill-patient' ? 'billed the patient' : 'wrote it off',
    mark: got === want ? 'right' : 'wrong',
    rationale:
      want === 'bill-patient'
        ? got === want
          ? 'The patient owes the PR amount on the remittance: a statement bills it.'
          : !got
            ? 'No decision on the patient share: PR is the patient responsibility and is billed to them, not left open or written off.'
            : 'The remittance leaves a patient share (group PR): bill it, do not write it off.'
        : got === want
          ? `What is left is the provider's (${adj})${protectedPr ? ' or protected (QMB)' : ''}: it is written off, not billed.`
          : !got
            ? `No decision on the balance: ${adj} is the provider's liability and is written off (never billed to the patient).`
            : protectedPr
              ? 'The patient may not be billed this balance (a QMB: no Medicare cost sharing): write it off.'
              : `Never bill the patient for a CO adjustment (${adj}): the contract holds the patient harmless; write it off.`,
    reference: protectedPr ? REF.balance : `${REF.groups}; ${REF.balance}`,
  };
}

/** The reason a write-off carries, against the one the CARC calls for. */
function writeOffReasonItem(
  { want, got, adj }: Balance,
  reason: string | undefined,
  final: RemitLike | null,
): ScoredItem {
  const expected = (want === 'write-off' ? expectedWriteOffReason(final) : null) ?? 'contractual';
  const prAsContractual = want === 'bill-patient';
  const mark: Mark =
    got !== 'write-off' || !reason || prAsContractual
      ? 'wrong'
      : reason === expected
        ? 'right'
        : 'partly';
  return {
    kind: 'write-off-reason',
    section: 'follow-up',
    label: 'Write-off reason',
    expected: prAsContractual ? 'no write-off (bill the patient)' : expected,
    given: got !== 'write-off' ? '(no write-off)' : (reason ?? '(no reason recorded)'),
    mark,
    rationale: prAsContractual
      ? 'Patient responsibility (group PR) is owed by the patient: writing it off loses revenue.'
      : got !== 'write-off'
        ? `The ${adj} amount is written off with its reason (${expected}), not billed or left open.`
        : !reason
          ? `A write-off carries its reason (${expected} for ${adj}), so denial reports show the cause.`
          : mark === 'right'
            ? `The reason matches the denial (${adj}).`
            : `${adj} is a ${expected} write-off, not ${reason}: the reason is what denial reports count.`,
    reference: adj.includes('-')
      ? `CARC ${adj.split('-')[1]} (X12 code list); ${REF.groups}`
      : REF.groups,
  };
}

/** The follow-up rows of an attempt (see the module comment). */
export function followUpItems(key: CaseKey, facts: AttemptFacts, final: RemitLike | null) {
  const ctx: Ctx = { key, d: facts.decisions, final };
  const action = denialActionItem(ctx);
  return [...(action ? [action] : []), ...appealItems(ctx), ...balanceItems(ctx)];
}
