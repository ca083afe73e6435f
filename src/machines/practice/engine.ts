/**
 * The simulated practice: one clock, one claim machine per encounter (XState actors whose
 * persisted snapshots are plain JSON), an agenda of what the clearinghouse, the payers and the
 * patients do on which day, the work queues a biller sees, the decisions made, and the office's
 * figures. Everything outside the machines comes in through `PracticeEffects` (the payer), and
 * every random draw is a hash of (seed, encounter, purpose): the same seed gives the same run.
 * See: issue 15 ("The practice", "Batch simulation"); STYLE.md habit 6.
 */
import { createActor, type Actor, type AnyActorRef } from 'xstate';
import type { Claim } from '../../domain/claim/claim';
import type { Cents } from '../../domain/money';
import type { PayerProfile } from '../../domain/payer/profile';
import {
  lineIsDenied,
  netPaid,
  paidToProvider,
  type Remittance,
} from '../../domain/payer/remittance/remittance';
import { hash32 } from '../../domain/random/seeded';
import { SimulatedClock } from '../../domain/time/clock';
import { addDays, daysBetween } from '../../domain/time/dates';
import type { GeneratedEncounter, PayerBehaviour } from '../../domain/world/encounter';
import type { Evidence } from '../appeal-merit';
import {
  claimMachine,
  initialClaimContext,
  type ClaimMachineEvent,
  type ClaimMachineInput,
  type RemitSummary,
  type WriteOffReason,
} from '../claim.machine';
import {
  balanceViolations,
  checkPostingBalance,
  correctPosting,
  expectedPosting,
  judgeLinePosting,
  postingTotals,
  secondaryClaim,
  type PostingEntry,
  type PostingProblem,
  type RemittancePosting,
} from '../posting';
import { causeOf, denialOf } from './causes';
import type { Decision } from './decisions';
import { appealLevelsFor } from './payer-rules';
import { emptyFigures, type Figures, type Tally } from './figures';

export interface PracticeEffects {
  payer(id: string): PayerProfile | undefined;
  /** The payer adjudicates a claim it receives on `receivedDate` (corrections find their original). */
  adjudicate(claim: Claim, receivedDate: string): Remittance;
  /**
   * Optional: the same adjudication handed to a payer that works beside the practice (another
   * thread), in the order of the calls; the answer is read when the practice needs it (the
   * clearinghouse day, the secondary's remittance day). Without it, `adjudicate` answers at once.
   */
  adjudicateLater?(claim: Claim, receivedDate: string): () => Remittance;
  /** A Medicare reopening request for `claim` (originalClaimId = the ICN reopened). */
  reopen(
    claim: Claim,
    requestDate: string,
  ): { kind: 'revised'; remittance: Remittance } | { kind: 'refused' };
  /**
   * The payer effectuates a won appeal: its revised remittance for `claim` (the original taken
   * back, the claim reprocessed without the overturned denial; domain/payer/corrections/
   * appeal-effectuation.ts), or null when it cannot. Optional: without it (`claimlab simulate`)
   * the engine's own simplified effectuation stands, so simulate's output is unchanged.
   */
  effectuate?(
    claim: Claim,
    original: Remittance,
    decision: { level: number; name: string; decidedOn: string },
  ): Remittance | null;
}

/** What the biller codes: diagnoses and lines, and the header fields a careless coder can drop. */
export interface Coding {
  diagnoses: string[];
  lines: GeneratedEncounter['answer']['lines'];
  memberIdMissing?: boolean;
}

export type DenialAction =
  | { kind: 'correct'; frequency: '7' | '8'; coding: Coding }
  | { kind: 'reopen'; coding: Coding }
  | { kind: 'appeal'; evidence: Evidence; level?: number }
  | { kind: 'write-off'; reason: WriteOffReason }
  | { kind: 'bill-patient' }
  | { kind: 'bill-secondary' };

export type QueueName =
  'toCode' | 'rejections' | 'toPost' | 'denials' | 'appeals' | 'paid' | 'balances';

type ClaimActor = Actor<typeof claimMachine>;
type AgendaKind = 'clearinghouse' | 'remit' | 'secondary' | 'appeal-tick' | 'statement' | 'patient';
interface AgendaItem {
  id: string;
  kind: AgendaKind;
}

/** A remittance the payer sent, or the way to read it when it is still being worked on. */
type Pending = Remittance | (() => Remittance) | null;
const settle = (p: Pending): Remittance | null => (typeof p === 'function' ? p() : p);

interface Case {
  enc: GeneratedEncounter;
  actor: ClaimActor;
  claim: Claim | null;
  remit: Remittance | null;
  pending: Pending;
  secondaryPending: Pending;
  codedCorrectly: boolean;
  billed: number;
  collected: number;
  firstPass: 'clean' | 'rejected' | 'denied' | null;
  insuranceDoneOn: string | null;
  statements: number;
  /** The work queue the case is in (kept here: refiling need not look through every queue). */
  queue: QueueName | null;
}

/**
 * One posting in the practice's ledger (what the trainee posted from a remittance, or the
 * labelled shortcut), with the check's verdict: `right` null for the shortcut (not the
 * trainee's decision), else the errors the check found.
 */
export interface PostingRecord {
  at: string;
  encounterId: string;
  claimId: string;
  payerClaimNumber: string | null;
  remitDate: string;
  by: 'trainee' | 'shortcut';
  payment: number;
  contractual: number;
  toPatient: number;
  parked: number;
  takeBack: number;
  right: boolean | null;
  errors: string[];
  /**
   * A revised remittance (a won appeal, a granted reopening, a corrected claim): the payer's
   * reversal of the original (835 CLP02 22, every amount negated) posted as a take-back line
   * before the re-payment. `payment`, `contractual` and `toPatient` above stay the posting's
   * totals (the re-payment net of the take-back). Absent on a first remittance.
   * See: X12 005010X221A1 §1.10.2.8 (reversals and corrections); 42 CFR 405.984.
   */
  revision?: {
    why: 'appeal' | 'reopening' | 'correction';
    /** The payer claim number of the decision taken back. */
    original: string;
    /** The reversal's amounts (zero or negative cents), as billing staff post the take-back. */
    reversed: { payment: number; contractual: number; toPatient: number };
  };
}

/** A saved practice (Practice.toJSON): plain data only. */
export interface PracticeJson {
  formatVersion: 1;
  seed: number;
  today: string;
  behaviour: PayerBehaviour[];
  cases: (Omit<Case, 'actor' | 'queue' | 'pending' | 'secondaryPending'> & {
    snapshot: Record<string, unknown>;
    pending: Remittance | null;
    secondaryPending: Remittance | null;
  })[];
  agenda: [string, AgendaItem[]][];
  decisions: Decision[];
  tally: Record<string, unknown>;
  ratio: [string, { paid: number; billed: number }][];
  /** The posting ledger (absent in practices saved before line-by-line posting). */
  postings?: PostingRecord[];
}

const stateOf = (c: Case): string => String(c.actor.getSnapshot().value);

const usdOf = (c: number) => `$${(c / 100).toFixed(2)}`;

/** What a revised remittance takes back, and why the payer revised its decision. */
function revisionOf(
  r: Remittance,
  rev: NonNullable<Remittance['reversal']>,
): NonNullable<PostingRecord['revision']> {
  let contractual = 0;
  let toPatient = 0;
  for (const l of rev.lines)
    for (const a of l.adjustments)
      if (a.group === 'PR') toPatient += a.amount;
      else contractual += a.amount;
  return {
    why: r.reopening ? 'reopening' : r.claimRemarks.includes('MA91') ? 'appeal' : 'correction',
    original: rev.payerClaimNumber,
    reversed: {
      payment: paidToProvider(rev.lines, rev.totals.paid) || 0,
      contractual,
      toPatient,
    },
  };
}

/**
 * State -> event type -> id of the invoked child the claim machine forwards that event to (and
 * does nothing else with: no guard, no target, the forwarding action only), read from the
 * machine's own definition.
 */
const FORWARDED: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const out = new Map<string, Map<string, string>>();
  for (const [name, node] of Object.entries(claimMachine.root.states)) {
    const invoke = node.config.invoke;
    const id = invoke && !Array.isArray(invoke) ? (invoke as { id?: string }).id : undefined;
    if (!id) continue;
    const byEvent = new Map<string, string>();
    for (const [type, t] of Object.entries(node.config.on ?? {})) {
      const keys = t && typeof t === 'object' && !Array.isArray(t) ? Object.keys(t) : [];
      const action = (t as { actions?: unknown } | undefined)?.actions;
      if (keys.length === 1 && (action === 'forwardToAppeal' || action === 'forwardToBalance'))
        byEvent.set(type, id);
    }
    if (byEvent.size) out.set(name, byEvent);
  }
  return out;
})();

export interface PracticeOptions {
  seed: number;
  start: string;
  behaviour: readonly PayerBehaviour[];
  /**
   * Keep every decision for `decisions` and `toJSON` (default true). `claimlab simulate` needs
   * only their counts in the figures: false keeps none (10,000 encounters make ~22,000).
   */
  keepDecisions?: boolean;
}

export class Practice {
  readonly clock: SimulatedClock;
  readonly seed: number;
  readonly #effects: PracticeEffects;
  readonly #behaviour: Map<string, PayerBehaviour>;
  readonly #cases = new Map<string, Case>();
  readonly #agenda = new Map<string, AgendaItem[]>();
  readonly #queues = new Map<QueueName, Set<string>>();
  readonly #decisions: Decision[] = [];
  readonly #keepDecisions: boolean;
  readonly #postings: PostingRecord[] = [];
  /** Encounters whose machine moved today (the biller looks at appeals and balances only there). */
  #changed = new Set<string>();
  readonly #tally: Tally;
  /** Paid / allowed-billed ratio seen per payer (what a won appeal pays at). */
  readonly #ratio = new Map<string, { paid: number; billed: number }>();

  constructor(opts: PracticeOptions, effects: PracticeEffects) {
    this.clock = new SimulatedClock(opts.start);
    this.seed = opts.seed;
    this.#effects = effects;
    this.#keepDecisions = opts.keepDecisions ?? true;
    this.#behaviour = new Map(opts.behaviour.map((b) => [b.payerId, b]));
    this.#tally = emptyFigures();
    for (const q of [
      'toCode',
      'rejections',
      'toPost',
      'denials',
      'appeals',
      'paid',
      'balances',
    ] as const)
      this.#queues.set(q, new Set());
  }

  get today(): string {
    return this.clock.today();
  }

  /** A draw in [0, 1) for (encounter, purpose): no generator state to save. */
  draw(id: string, purpose: string): number {
    return hash32(`${this.seed}|${id}|${purpose}`) / 4294967296;
  }

  #between(id: string, purpose: string, min: number, max: number): number {
    return min + Math.floor(this.draw(id, purpose) * (max - min + 1));
  }

  #payerBehaviour(payerId: string): PayerBehaviour {
    return (
      this.#behaviour.get(payerId) ?? {
        payerId,
        processingDays: { min: 14, max: 30 },
        clearinghouseDays: 1,
        documentationRequestRate: 0,
        strictNcci: true,
        strictModifier25: false,
        appealReviewDays: [45, 60],
      }
    );
  }

  /** A visit arrives: its claim machine starts in `encounter`, queued to code. */
  admit(enc: GeneratedEncounter): void {
    const primary = enc.coverage[0];
    const payer = primary ? this.#effects.payer(primary.payerId) : undefined;
    const input: ClaimMachineInput = {
      encounterId: enc.id,
      payerId: primary?.payerId ?? '',
      corrections: payer?.corrections ?? 'frequency-7-8',
      qmb: enc.patient.dualStatus === 'qmb' || enc.patient.dualStatus === 'qmb-plus',
      hasSecondary: enc.coverage.length > 1,
      serviceDate: enc.serviceDate,
    };
    // The machine starts where `coding.start` takes a new encounter (a step with no actions and
    // no decision), resolved instead of run: one machine step less per visit.
    const actor = createActor(claimMachine, {
      snapshot: claimMachine.resolveState({ value: 'coding', context: initialClaimContext(input) }),
      input,
    }).start();
    const billed = enc.answer.lines.reduce((a, l) => a + l.charge, 0);
    const c: Case = {
      enc,
      actor,
      claim: null,
      remit: null,
      pending: null,
      secondaryPending: null,
      codedCorrectly: false,
      billed,
      collected: 0,
      firstPass: null,
      insuranceDoneOn: null,
      statements: 0,
      queue: null,
    };
    this.#cases.set(enc.id, c);
    this.#tally.encounters++;
    this.#tally.charges += billed;
    this.#changed.add(enc.id);
    this.#refile(c);
  }

  #send(c: Case, e: ClaimMachineEvent): void {
    const snap0 = c.actor.getSnapshot();
    const before = snap0.context.decisions.length;
    // An event the claim machine would only hand on to its child (the appeal ladder, the
    // patient balance) goes to the child directly: the same child transition, and the child's
    // completion reaches the claim machine as before, without a claim-machine step that does
    // nothing else (about a fifth of the events of a run).
    const child = FORWARDED.get(String(snap0.value))?.get(e.type);
    const ref = child
      ? (snap0.children as Record<string, AnyActorRef | undefined>)[child]
      : undefined;
    if (ref) ref.send(e);
    else c.actor.send(e);
    this.#changed.add(c.enc.id);
    const made = c.actor.getSnapshot().context.decisions;
    for (let i = before; i < made.length; i++) this.#decide(made[i]!);
    this.#refile(c);
  }

  #decide(d: Decision): void {
    if (this.#keepDecisions) this.#decisions.push(d);
    const t = this.#tally.decisions;
    t.total++;
    if (!d.right) t.wrong++;
    t.byKind[d.kind] = (t.byKind[d.kind] ?? 0) + 1;
  }

  /** Puts the case in the queue its state calls for (and nowhere else). */
  #refile(c: Case): void {
    const id = c.enc.id;
    if (c.queue) this.#queues.get(c.queue)!.delete(id);
    const s = stateOf(c);
    const q: QueueName | null =
      s === 'coding'
        ? 'toCode'
        : s === 'rejected'
          ? 'rejections'
          : s === 'remittance'
            ? 'toPost'
            : s === 'denied' || s === 'partiallyPaid' || s === 'workbench'
              ? 'denials'
              : s === 'appealing'
                ? 'appeals'
                : s === 'paid'
                  ? 'paid'
                  : s === 'patientBalance'
                    ? 'balances'
                    : null;
    c.queue = q;
    if (q) this.#queues.get(q)!.add(id);
    if ((s === 'patientBalance' || s === 'closed') && !c.insuranceDoneOn) {
      c.insuranceDoneOn = this.today;
      this.#tally.arDays += daysBetween(c.enc.serviceDate, this.today);
      this.#tally.arClaims++;
    }
    if (s === 'closed') this.#close(c);
  }

  #close(c: Case): void {
    this.#tally.closed++;
    // A closed case keeps nothing but its figures: 10,000 encounters never sit in memory.
    c.actor.stop();
    this.#cases.delete(c.enc.id);
  }

  #schedule(on: string, item: AgendaItem): void {
    const list = this.#agenda.get(on);
    if (list) list.push(item);
    else this.#agenda.set(on, [item]);
  }

  /** The work queues (encounter ids) in admission order. */
  queue(name: QueueName): string[] {
    return [...this.#queues.get(name)!];
  }

  /** The part of a queue whose machines moved today (what a daily round needs to look at). */
  changedIn(name: QueueName): string[] {
    const q = this.#queues.get(name)!;
    return [...this.#changed].filter((id) => q.has(id));
  }

  encounter(id: string): GeneratedEncounter | undefined {
    return this.#cases.get(id)?.enc;
  }

  /** The appeal levels the payer offers for this case's remittance (what the trainee chooses from). */
  appealLevels(id: string): { level: number; name: string; amountInControversy: number | null }[] {
    const c = this.#cases.get(id);
    const payer = c ? this.#effects.payer(c.enc.coverage[0]?.payerId ?? '') : undefined;
    if (!c?.remit || !payer) return [];
    return appealLevelsFor(payer, c.remit.remitDate).levels.map((l) => ({
      level: l.level,
      name: l.name,
      amountInControversy: l.amountInControversy,
    }));
  }

  remittance(id: string): Remittance | null {
    return this.#cases.get(id)?.remit ?? null;
  }

  state(id: string): string | null {
    const c = this.#cases.get(id);
    return c ? stateOf(c) : null;
  }

  machine(id: string) {
    return this.#cases.get(id)?.actor.getSnapshot();
  }

  get decisions(): readonly Decision[] {
    return this.#decisions;
  }

  /** The posting ledger, oldest first. */
  get postings(): readonly PostingRecord[] {
    return this.#postings;
  }

  // ---- the biller's actions -------------------------------------------------------------

  /** Codes the visit and submits the claim (scrub, clearinghouse in its days). */
  code(id: string, coding: Coding): void {
    const c = this.#need(id);
    const answer = c.enc.answer;
    c.codedCorrectly = !coding.memberIdMissing && sameCoding(coding, answer);
    this.#decide({
      at: this.today,
      kind: 'coding',
      choice: `${coding.diagnoses.join(' ')} / ${coding.lines.map((l) => [l.code, ...l.modifiers].join('-')).join(' ')}`,
      right: c.codedCorrectly,
      rationale: c.codedCorrectly
        ? 'Codes what the note documents, valid for the date of service (ICD-10-CM Guidelines IV; CPT).'
        : 'Differs from what the documentation supports (ICD-10-CM Guidelines IV; CPT; NUCC item 1a member ID).',
      encounterId: id,
    });
    // Created, scrubbed clean and submitted: from `coding`, one machine step (claim.send).
    if (stateOf(c) === 'coding') {
      this.#submit(c, this.#claimOf(c, coding), 'claim.send');
      return;
    }
    this.#send(c, { type: 'claim.create', at: this.today });
    this.#send(c, { type: 'claim.scrub', at: this.today, errors: 0 });
    this.#submit(c, this.#claimOf(c, coding));
  }

  #claimOf(c: Case, coding: Coding): Claim {
    const ctx = c.actor.getSnapshot().context;
    const cov = c.enc.coverage[0]!;
    const p = c.enc.patient;
    return {
      claimId: ctx.claimId,
      payerId: cov.payerId,
      frequency: ctx.frequency,
      originalClaimId: ctx.originalRef,
      patient: {
        sex: p.sex,
        birthDate: p.birthDate,
        memberId: coding.memberIdMissing ? null : cov.memberId,
        firstName: p.firstName,
        lastName: p.lastName,
        ...(p.dualStatus ? { dualStatus: p.dualStatus } : {}),
      },
      provider: {
        npi: c.enc.provider.npi,
        pos: c.enc.provider.pos,
        locality: c.enc.provider.locality,
      },
      serviceDate: c.enc.serviceDate,
      submissionDate: this.today,
      diagnoses: [...coding.diagnoses],
      lines: coding.lines.map((l) => ({
        ...l,
        modifiers: [...l.modifiers],
        dxPointers: [...l.dxPointers],
      })),
      priorAuthNumber: c.enc.priorAuthNumber,
      accumulators: { deductibleMet: 0 as Cents, outOfPocketMet: 0 as Cents },
      accumulatorsGiven: false,
    };
  }

  #submit(c: Case, claim: Claim, type: 'claim.submit' | 'claim.send' = 'claim.submit'): void {
    const b = this.#payerBehaviour(claim.payerId);
    const received = addDays(this.today, b.clearinghouseDays);
    c.claim = claim;
    c.pending =
      this.#effects.adjudicateLater?.(claim, received) ?? this.#effects.adjudicate(claim, received);
    this.#tally.claimsSubmitted++;
    this.#send(c, { type, at: this.today, dueOn: received });
    this.#schedule(received, { id: c.enc.id, kind: 'clearinghouse' });
  }

  /** A rejection fixed and sent as a new claim. */
  fixRejection(id: string, coding: Coding): void {
    const c = this.#need(id);
    this.#send(c, { type: 'claim.fix', at: this.today });
    this.#decide({
      at: this.today,
      kind: 'rejection',
      choice: 'fix and send a new claim',
      right: true,
      rationale:
        'A rejected claim was never processed: correct it and submit it as a new claim (DOMAIN.md §1.5; MA130).',
      encounterId: id,
    });
    this.code(id, coding);
  }

  /** Appeals a rejection: a wrong move, recorded; the claim stays rejected. */
  appealRejection(id: string): void {
    const c = this.#need(id);
    this.#send(c, {
      type: 'denial.appeal',
      at: this.today,
      evidence: 'none',
      ladder: null as never,
    });
  }

  /**
   * Posts the remittance (as the 835 says unless `posted` is given). With `shortcut` it is the
   * screen's labelled "post as the 835 says": posted and kept in the ledger, but no decision.
   */
  post(id: string, posted?: PostingEntry, opts: { shortcut?: boolean } = {}): void {
    const c = this.#need(id);
    const ctx = c.actor.getSnapshot().context;
    const entry = posted ?? correctPosting(ctx.remit!.expected);
    this.#send(c, {
      type: 'remittance.post',
      at: this.today,
      posted: entry,
      ...(opts.shortcut ? { shortcut: true } : {}),
    });
    if (opts.shortcut && c.remit)
      this.#ledger(c, 'shortcut', entry, ctx.remit!.expected.denied, null, []);
    this.#workDenial(c);
  }

  #workDenial(c: Case): void {
    if (stateOf(c) === 'denied' || stateOf(c) === 'partiallyPaid')
      this.#send(c, { type: 'denial.work', at: this.today });
  }

  /**
   * The trainee posts the remittance line by line. A posting that does not balance (or names a
   * line that is not there, or a negative amount) is refused: the problems come back, nothing is
   * posted. A balanced one is posted, judged against the 835 (posting.ts `judgeLinePosting`),
   * recorded as the trainee's decision and written to the ledger with its errors.
   */
  postLines(
    id: string,
    posting: RemittancePosting,
  ): { ok: true; decision: Decision } | { ok: false; problems: PostingProblem[] } {
    const c = this.#need(id);
    if (stateOf(c) !== 'remittance' || !c.remit)
      return {
        ok: false,
        problems: [{ line: null, field: 'lines', message: `${id} has no remittance to post.` }],
      };
    const problems = checkPostingBalance(c.remit, posting);
    if (problems.length) return { ok: false, problems };
    const ctx = c.actor.getSnapshot().context;
    const judged = judgeLinePosting(c.remit, posting, this.today, {
      encounterId: id,
      claimId: ctx.claimId,
    });
    const entry = postingTotals(posting);
    this.#send(c, { type: 'remittance.post', at: this.today, posted: entry, judged });
    const parked = posting.lines.reduce((a, l) => a + l.parked, 0);
    this.#ledger(c, 'trainee', entry, parked, judged.right, judged.errors ?? [], posting.takeBack);
    this.#workDenial(c);
    return { ok: true, decision: judged };
  }

  #ledger(
    c: Case,
    by: PostingRecord['by'],
    e: PostingEntry,
    parked: number,
    right: boolean | null,
    errors: string[],
    takeBack?: number,
  ): void {
    const r = c.remit!;
    this.#postings.push({
      at: this.today,
      encounterId: c.enc.id,
      claimId: r.claimId,
      payerClaimNumber: r.payerClaimNumber,
      remitDate: r.remitDate,
      by,
      payment: e.payment,
      contractual: e.contractual,
      toPatient: e.toPatient,
      parked,
      takeBack: takeBack ?? (r.reversal ? -r.reversal.totals.paid : 0),
      right,
      errors,
      ...(r.reversal ? { revision: revisionOf(r, r.reversal) } : {}),
    });
  }

  work(id: string, action: DenialAction): void {
    const c = this.#need(id);
    const at = this.today;
    switch (action.kind) {
      case 'correct': {
        this.#send(c, { type: 'denial.correct', at, frequency: action.frequency });
        if (stateOf(c) === 'corrected') this.#resubmit(c, action.coding);
        else if (stateOf(c) === 'reopening') this.#reopen(c, action.coding);
        return;
      }
      case 'reopen':
        this.#send(c, { type: 'denial.reopen', at });
        if (stateOf(c) === 'reopening') this.#reopen(c, action.coding);
        else if (stateOf(c) === 'corrected') this.#resubmit(c, action.coding);
        return;
      case 'appeal': {
        const payer = this.#effects.payer(c.enc.coverage[0]!.payerId)!;
        const remit = c.remit!;
        const cause = c.actor.getSnapshot().context.remit?.cause ?? {
          kind: 'other' as const,
          supported: false,
          payerReason: 'no denial',
        };
        this.#send(c, {
          type: 'denial.appeal',
          at,
          evidence: action.evidence,
          ...(action.level !== undefined ? { level: action.level } : {}),
          ladder: {
            noticeDate: remit.remitDate,
            ...appealLevelsFor(payer, remit.remitDate),
            reviewDays: this.#payerBehaviour(payer.id).appealReviewDays,
            disputed: expectedPosting(remit).denied,
            cause,
          },
        });
        if (stateOf(c) === 'appealing') {
          this.#tally.appeal(1, 'filed');
          this.#scheduleAppeal(c);
        }
        return;
      }
      case 'write-off': {
        const amount = c.actor.getSnapshot().context.remit?.expected.denied ?? 0;
        this.#send(c, { type: 'claim.write-off', at, reason: action.reason });
        this.#tally.writeOff(action.reason, amount);
        this.#startBalance(c);
        return;
      }
      case 'bill-patient':
        this.#send(c, {
          type: 'patient.bill',
          at,
          balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
        });
        this.#startBalance(c);
        return;
      case 'bill-secondary':
        this.billSecondary(id);
        return;
    }
  }

  #resubmit(c: Case, coding: Coding): void {
    const claim = this.#claimOf(c, coding);
    c.codedCorrectly = sameCoding(coding, c.enc.answer);
    this.#submit(c, claim);
  }

  #reopen(c: Case, coding: Coding): void {
    const claim = { ...this.#claimOf(c, coding), frequency: '1' as const };
    c.codedCorrectly = true;
    const out = this.#effects.reopen(claim, this.today);
    this.#tally.reopenings++;
    if (out.kind === 'refused') {
      this.#send(c, { type: 'reopening.refused', at: this.today });
      return;
    }
    c.claim = claim;
    c.pending = out.remittance;
    const due =
      out.remittance.remitDate > this.today ? out.remittance.remitDate : addDays(this.today, 14);
    this.#schedule(due, { id: c.enc.id, kind: 'remit' });
  }

  /**
   * Files the appeal at a level (the trainee's choice; the next level by default), or accepts the
   * decision. A filing the payer refuses (a level that is not open, a decision still pending, the
   * amount in controversy not met) is recorded as a wrong decision with the payer's reason; one it
   * takes is recorded with its level and deadline.
   */
  appeal(
    id: string,
    step: { kind: 'escalate'; evidence: Evidence; level?: number } | { kind: 'accept' },
  ): void {
    const c = this.#need(id);
    const child = this.#appealSnapshot(c);
    if (step.kind === 'accept') this.#send(c, { type: 'appeal.accept', at: this.today });
    else {
      const refusedBefore = child?.context.refused ?? null;
      const historyBefore = child?.context.history.length ?? 0;
      const deadline = child?.context.deadline ?? '';
      this.#send(c, {
        type: 'appeal.file',
        at: this.today,
        evidence: step.evidence,
        ...(step.level !== undefined ? { level: step.level } : {}),
      });
      const after = this.#appealSnapshot(c);
      const last = after?.context.refused ?? null;
      const refused = last && last !== refusedBefore ? [last] : [];
      const ids = { encounterId: id, claimId: c.actor.getSnapshot().context.claimId };
      for (const r of refused)
        this.#decide({
          at: r.at,
          kind: 'appeal',
          choice: `appeal level ${r.level} with ${step.evidence}`,
          right: false,
          rationale: r.reason,
          level: r.level,
          ...ids,
        });
      const filed = after?.context.history.slice(historyBefore) ?? [];
      for (const f of filed) {
        this.#tally.appeal(f.level, 'filed');
        this.#decide({
          at: f.filedOn,
          kind: 'appeal',
          choice: `appeal level ${f.level} with ${f.evidence}`,
          right: true,
          rationale: `Filed ${f.name}, the level open after the decision below, by its deadline ${deadline} (42 CFR 405.904(a)(2); Pub. 100-04 ch. 29).`,
          level: f.level,
          ...ids,
        });
      }
      this.#scheduleAppeal(c);
    }
    this.#afterAppeal(c, child?.context.history.length ?? 0);
  }

  #appealSnapshot(c: Case) {
    const ref = c.actor.getSnapshot().children['appeal'] as
      | {
          getSnapshot(): {
            value: string;
            context: import('../appeal.machine').AppealLadderContext;
          };
        }
      | undefined;
    return ref?.getSnapshot();
  }

  /** Ticks at the decision date and the day after the deadline. */
  #scheduleAppeal(c: Case): void {
    const s = this.#appealSnapshot(c);
    if (!s) return;
    if (s.context.decisionDue)
      this.#schedule(s.context.decisionDue, { id: c.enc.id, kind: 'appeal-tick' });
    else this.#schedule(addDays(s.context.deadline, 1), { id: c.enc.id, kind: 'appeal-tick' });
  }

  /** After the ladder moved: count a won level, schedule the effectuation or the next tick. */
  #afterAppeal(c: Case, _historyBefore: number): void {
    const s = stateOf(c);
    const ctx = c.actor.getSnapshot().context;
    if (s === 'payerProcessing' && ctx.appealResult?.result === 'won') {
      this.#tally.appeal(ctx.appealResult.level, 'won');
      const decision = {
        level: ctx.appealResult.level,
        name: `level ${ctx.appealResult.level}`,
        decidedOn: this.today,
      };
      const revised =
        c.claim && c.remit
          ? (this.#effects.effectuate?.(c.claim, c.remit, decision) ?? null)
          : null;
      c.pending = revised ?? this.#effectuate(c);
      const on = revised && revised.remitDate > this.today ? revised.remitDate : null;
      this.#schedule(on ?? addDays(this.today, 14), { id: c.enc.id, kind: 'remit' });
    } else if (s === 'appealing') {
      const child = this.#appealSnapshot(c);
      if (child?.value === 'lost')
        this.#schedule(addDays(child.context.deadline, 1), { id: c.enc.id, kind: 'appeal-tick' });
    }
  }

  /**
   * The payer's effectuation of a won appeal: the denied lines paid at the share of billed this
   * payer has paid on clean lines so far (50% before any), the rest a CO-45 contractual
   * adjustment, so every line still balances. A simplification of the reprocessed claim.
   */
  #effectuate(c: Case): Remittance {
    const r = c.remit!;
    const seen = this.#ratio.get(r.payerId);
    const ratio = seen && seen.billed > 0 ? seen.paid / seen.billed : 0.5;
    const lines = r.lines.map((l) => {
      if (!expectedDenied(l)) return l;
      const paid = Math.round(l.billed * ratio) as Cents;
      return {
        ...l,
        allowed: paid,
        paid,
        adjustments:
          paid < l.billed
            ? [{ group: 'CO' as const, carc: '45', amount: (l.billed - paid) as Cents }]
            : [],
        remarks: [],
      };
    });
    const totals = {
      billed: r.totals.billed,
      allowed: lines.reduce((a, l) => a + l.allowed, 0) as Cents,
      paid: lines.reduce((a, l) => a + l.paid, 0) as Cents,
      patientResponsibility: lines.reduce(
        (a, l) =>
          a + l.adjustments.filter((x) => x.group === 'PR').reduce((s, x) => s + x.amount, 0),
        0,
      ) as Cents,
    };
    // Only the new payment counts as collected: the original's payment was already posted.
    const extra = totals.paid - r.totals.paid;
    return {
      ...r,
      status: 'paid',
      lines,
      totals: { ...totals, paid: extra as Cents },
      reversal: null,
      remitDate: addDays(this.today, 14),
      appeal: null,
    };
  }

  billSecondary(id: string): void {
    const c = this.#need(id);
    const sec = c.enc.coverage[1];
    if (!sec || !c.claim || !c.remit) return;
    const b = this.#payerBehaviour(sec.payerId);
    const due = addDays(
      this.today,
      b.clearinghouseDays +
        this.#between(id, 'secondary-days', b.processingDays.min, b.processingDays.max),
    );
    this.#send(c, { type: 'secondary.bill', at: this.today, dueOn: due });
    if (stateOf(c) !== 'secondary') return;
    const claim = secondaryClaim(
      c.claim,
      c.remit,
      { payerId: sec.payerId, memberId: sec.memberId },
      `${c.claim.claimId}-S`,
      this.today,
    );
    const received = addDays(this.today, b.clearinghouseDays);
    c.secondaryPending =
      this.#effects.adjudicateLater?.(claim, received) ?? this.#effects.adjudicate(claim, received);
    this.#tally.claimsSubmitted++;
    this.#schedule(due, { id, kind: 'secondary' });
  }

  /** Sends the patient's share to the patient (from a paid claim). */
  billPatient(id: string): void {
    const c = this.#need(id);
    const ctx = c.actor.getSnapshot().context;
    // With a secondary on file and not yet billed, the patient's share goes to the secondary
    // first, with the primary's adjudication: billing the patient now is judged wrong.
    if (stateOf(c) === 'paid' && ctx.hasSecondary && ctx.secondaryPaid === 0 && ctx.patientOwes > 0)
      this.#decide({
        at: this.today,
        kind: 'patient-billing',
        choice: 'bill the patient before the secondary payer',
        right: false,
        rationale:
          "A secondary payer is on file: send it the claim with the primary's adjudication before billing the patient (coordination of benefits; 837P loops 2320/2430; DOMAIN.md §1.9).",
        encounterId: id,
        claimId: ctx.claimId,
      });
    this.#send(c, {
      type: 'patient.bill',
      at: this.today,
      balance: { cycleDays: 30, smallBalance: 500, badDebtAfterStatements: 4 },
    });
    this.#startBalance(c);
  }

  closeClaim(id: string): void {
    this.#send(this.#need(id), { type: 'claim.close', at: this.today });
  }

  /**
   * A patient balance write-off (small balance, bad debt, hardship). One the rules do not allow
   * yet (a small-balance write-off of more than the limit, bad debt before the collection effort)
   * is refused and recorded as a wrong decision with the rule; the balance stays billed.
   * See: CMS Provider Reimbursement Manual (Pub. 15-1) §310 (reasonable collection effort).
   */
  writeOffBalance(id: string, reason: 'small-balance' | 'bad-debt' | 'hardship'): boolean {
    const c = this.#need(id);
    const bal = this.#balanceOf(c);
    this.#send(c, { type: 'balance.write-off', at: this.today, reason });
    if (stateOf(c) !== 'patientBalance' && bal) {
      this.#tally.writeOff(reason, bal.balance);
      return true;
    }
    if (bal && stateOf(c) === 'patientBalance')
      this.#decide({
        at: this.today,
        kind: 'write-off',
        choice: `write off the patient balance of ${bal.balance} cents: ${reason}`,
        right: false,
        rationale:
          reason === 'small-balance'
            ? `A small-balance write-off is for balances of ${usdOf(bal.smallBalance)} or less; this one is ${usdOf(bal.balance)}: keep billing the patient on the statement cycle.`
            : `Bad debt only after a reasonable collection effort: ${bal.badDebtAfterStatements} statements over about 120 days (${bal.statements} sent so far) (Pub. 15-1 §310).`,
        encounterId: id,
        claimId: c.actor.getSnapshot().context.claimId,
      });
    return false;
  }

  #balanceOf(c: Case) {
    const ref = c.actor.getSnapshot().children['patientBalance'] as
      | {
          getSnapshot(): {
            value: string;
            context: import('../patient-balance.machine').PatientBalanceContext;
          };
        }
      | undefined;
    return ref?.getSnapshot().context;
  }

  /** Open balance of a case in `balances` (what the patient still owes), or null. */
  balance(id: string) {
    const c = this.#cases.get(id);
    return c ? (this.#balanceOf(c) ?? null) : null;
  }

  #startBalance(c: Case): void {
    if (stateOf(c) === 'patientBalance')
      this.#schedule(addDays(this.today, 1), { id: c.enc.id, kind: 'statement' });
  }

  #need(id: string): Case {
    const c = this.#cases.get(id);
    if (!c) throw new RangeError(`No open encounter "${id}"`);
    return c;
  }

  // ---- time ------------------------------------------------------------------------------

  /** Moves the clock on by `days`, delivering what falls due each day; `work` runs after each day. */
  advance(days: number, work?: (p: Practice) => void): void {
    for (let i = 0; i < days; i++) {
      this.clock.advance(1);
      this.#changed = new Set();
      this.#deliver();
      work?.(this);
    }
  }

  /** Delivers today's agenda (and anything the day's deliveries schedule for today). */
  #deliver(): void {
    const today = this.today;
    for (let list = this.#agenda.get(today); list && list.length; list = this.#agenda.get(today)) {
      this.#agenda.delete(today);
      for (const item of list) {
        const c = this.#cases.get(item.id);
        if (c) this.#handle(c, item.kind);
      }
    }
  }

  #handle(c: Case, kind: AgendaKind): void {
    const at = this.today;
    const s = stateOf(c);
    switch (kind) {
      case 'clearinghouse': {
        if (s !== 'submitted' || !c.pending) return;
        const p = settle(c.pending)!;
        c.pending = p;
        if (p.status === 'rejected') {
          this.#tally.rejections++;
          this.#firstPassIs(c, 'rejected');
          const reasons = p.findings.filter((f) => f.severity === 'error').map((f) => f.id);
          this.#collect(p);
          c.pending = null;
          this.#send(c, { type: 'clearinghouse.rejected', at, reasons });
          return;
        }
        const b = this.#payerBehaviour(p.payerId);
        const drawn = addDays(
          at,
          this.#between(
            c.enc.id,
            `processing-${c.claim?.claimId}`,
            b.processingDays.min,
            b.processingDays.max,
          ),
        );
        const due = p.remitDate > drawn ? p.remitDate : drawn;
        this.#send(c, { type: 'clearinghouse.accepted', at, dueOn: due });
        this.#schedule(due, { id: c.enc.id, kind: 'remit' });
        return;
      }
      case 'remit': {
        if ((s !== 'payerProcessing' && s !== 'reopening') || !c.pending) return;
        const r = settle(c.pending)!;
        c.pending = null;
        c.remit = r;
        this.#collect(r);
        const summary = this.#summary(c, r);
        this.#firstPassIs(c, summary.status === 'paid' ? 'clean' : 'denied');
        this.#send(c, { type: 'payer.remitted', at, remit: summary });
        return;
      }
      case 'secondary': {
        if (s !== 'secondary' || !c.secondaryPending) return;
        const r = settle(c.secondaryPending)!;
        c.secondaryPending = null;
        this.#collect(r);
        const e = expectedPosting(r);
        c.collected += e.payment;
        this.#send(c, { type: 'secondary.remitted', at, paid: e.payment, patientOwes: e.patient });
        this.#startBalance(c);
        return;
      }
      case 'appeal-tick': {
        if (s !== 'appealing') return;
        const before = this.#appealSnapshot(c)?.context.history.length ?? 0;
        this.#send(c, { type: 'clock.tick', at });
        this.#afterAppeal(c, before);
        return;
      }
      case 'statement': {
        if (s !== 'patientBalance') return;
        const bal = this.#balanceOf(c);
        if (!bal || bal.balance <= 0) return;
        this.#send(c, { type: 'statement.send', at });
        c.statements++;
        this.#tally.statements++;
        this.#schedule(addDays(at, 10), { id: c.enc.id, kind: 'patient' });
        this.#schedule(addDays(at, 30), { id: c.enc.id, kind: 'statement' });
        return;
      }
      case 'patient': {
        if (s !== 'patientBalance') return;
        this.#patientResponds(c);
        return;
      }
    }
  }

  /** The patient's seeded answer to a statement: pay all, part, start a plan, overpay, or not. */
  #patientResponds(c: Case): void {
    const bal = this.#balanceOf(c);
    if (!bal || bal.balance <= 0) return;
    const id = c.enc.id;
    const x = this.draw(id, `patient-${c.statements}`);
    const at = this.today;
    let amount = 0;
    if (bal.instalment !== null) amount = Math.min(bal.balance, bal.instalment);
    else if (x < 0.55) amount = bal.balance;
    else if (x < 0.6)
      amount = bal.balance + 1000; // pays twice: a credit to refund
    else if (x < 0.72) amount = Math.ceil(bal.balance / 2);
    else if (x < 0.8 && bal.balance >= 10_000) {
      this.#send(c, { type: 'plan.start', at, instalment: Math.ceil(bal.balance / 4) });
      amount = Math.ceil(bal.balance / 4);
    } else if (x < 0.82) {
      this.#send(c, { type: 'balance.write-off', at, reason: 'hardship' });
      this.#tally.writeOff('hardship', bal.balance);
      return;
    }
    if (amount > 0) {
      this.#send(c, { type: 'patient.pay', at, amount });
      this.#tally.patientPaid += amount;
      c.collected += amount;
      const after = this.#balanceOf(c);
      if (stateOf(c) === 'patientBalance' && after && after.balance < 0) {
        this.#tally.refunds += -after.balance;
        this.#tally.patientPaid += after.balance;
        this.#send(c, { type: 'credit.refund', at });
      }
    }
  }

  #collect(r: Remittance): void {
    const e = expectedPosting(r);
    this.#tally.insurancePaid += e.payment;
    this.#tally.remittances++;
    const v = balanceViolations(r);
    this.#tally.linesChecked += r.lines.length + (r.reversal?.lines.length ?? 0);
    this.#tally.violations += v.length;
    if (this.#tally.violationSamples.length < 5)
      this.#tally.violationSamples.push(...v.slice(0, 5));
    if (r.status === 'rejected') return;
    this.#tally.adjudicated++;
    if (r.status === 'denied' || r.status === 'partially-paid') this.#tally.deniedClaims++;
    for (const l of r.lines) {
      if (expectedDenied(l)) {
        const d = denialOf({ ...r, lines: [l] });
        if (d) this.#tally.denial(`${d.group}-${d.carc}`);
      } else if (l.paid > 0) {
        const s = this.#ratio.get(r.payerId) ?? { paid: 0, billed: 0 };
        s.paid += l.paid;
        s.billed += l.billed;
        this.#ratio.set(r.payerId, s);
      }
    }
  }

  #summary(c: Case, r: Remittance): RemitSummary {
    const meantToDeny =
      c.enc.expected.status === 'denied' || c.enc.expected.status === 'partially-paid';
    const status = r.status === 'rejected' ? 'denied' : r.status;
    c.collected += netPaid(r);
    return {
      status,
      payerClaimNumber: r.payerClaimNumber,
      remitDate: r.remitDate,
      expected: expectedPosting(r),
      denial: denialOf(r),
      appealable: r.appeal !== null,
      cause: causeOf(r, { codedCorrectly: c.codedCorrectly, meantToDeny }),
    };
  }

  /**
   * The whole practice as plain JSON (to save and restore): the clock, each open encounter with
   * its machine's persisted snapshot (children included), the agenda, the decisions and the
   * running figures. Restore with `Practice.restore(json, effects)`.
   */
  toJSON(): PracticeJson {
    return {
      formatVersion: 1,
      seed: this.seed,
      today: this.today,
      behaviour: [...this.#behaviour.values()],
      cases: [...this.#cases.values()].map((c) => ({
        enc: c.enc,
        snapshot: c.actor.getPersistedSnapshot() as unknown as Record<string, unknown>,
        claim: c.claim,
        remit: c.remit,
        pending: settle(c.pending),
        secondaryPending: settle(c.secondaryPending),
        codedCorrectly: c.codedCorrectly,
        billed: c.billed,
        collected: c.collected,
        firstPass: c.firstPass,
        insuranceDoneOn: c.insuranceDoneOn,
        statements: c.statements,
      })),
      agenda: [...this.#agenda.entries()],
      decisions: [...this.#decisions],
      tally: JSON.parse(JSON.stringify(this.#tally)) as Record<string, unknown>,
      ratio: [...this.#ratio.entries()],
      ...(this.#postings.length ? { postings: this.#postings.map((x) => ({ ...x })) } : {}),
    };
  }

  static restore(json: PracticeJson, effects: PracticeEffects): Practice {
    if (json.formatVersion !== 1)
      throw new RangeError(
        `Practice.restore: formatVersion ${String(json.formatVersion)} is not 1`,
      );
    const p = new Practice(
      { seed: json.seed, start: json.today, behaviour: json.behaviour },
      effects,
    );
    for (const k of Object.keys(json.tally))
      (p.#tally as unknown as Record<string, unknown>)[k] = json.tally[k];
    p.#decisions.push(...json.decisions);
    p.#postings.push(...(json.postings ?? []).map((x) => ({ ...x })));
    for (const [k, v] of json.ratio) p.#ratio.set(k, { ...v });
    for (const [k, v] of json.agenda)
      p.#agenda.set(
        k,
        v.map((i) => ({ ...i })),
      );
    for (const saved of json.cases) {
      const actor = createActor(claimMachine, {
        snapshot: saved.snapshot as never,
        input: undefined as never,
      }).start();
      const { snapshot: _s, ...rest } = saved;
      const c: Case = { ...rest, actor, queue: null };
      p.#cases.set(c.enc.id, c);
      p.#refile(c);
    }
    p.#changed = new Set();
    return p;
  }

  /** Open cases (not closed). */
  get open(): number {
    return this.#cases.size;
  }

  /** The office's figures as of today. */
  figures(): Figures {
    const aging = { '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '120+': 0 };
    let balances = 0;
    let balanceCount = 0;
    for (const c of this.#cases.values()) {
      const age = daysBetween(c.enc.serviceDate, this.today);
      const owed = Math.max(0, c.billed - c.collected);
      const k =
        age <= 30
          ? '0-30'
          : age <= 60
            ? '31-60'
            : age <= 90
              ? '61-90'
              : age <= 120
                ? '91-120'
                : '120+';
      if (!c.insuranceDoneOn) aging[k] += owed;
      const bal = this.#balanceOf(c);
      if (bal && bal.balance > 0) {
        balances += bal.balance;
        balanceCount++;
      }
    }
    return this.#tally.figures({ aging, balances, balanceCount });
  }

  /** The first submission's fate, counted once per encounter (the clean-claim rate). */
  #firstPassIs(c: Case, kind: 'clean' | 'rejected' | 'denied'): void {
    if (c.firstPass !== null) return;
    c.firstPass = kind;
    this.#tally.firstPass[kind]++;
  }
}

const expectedDenied = lineIsDenied;

/**
 * The coding is the answer key's (diagnoses and lines, as JSON: key order included). The usual
 * case, the answer's own line list with the same diagnoses, is known without writing either out.
 */
function sameCoding(coding: Coding, answer: GeneratedEncounter['answer']): boolean {
  const a = coding.diagnoses;
  const b = answer.diagnoses;
  if (coding.lines === answer.lines && a.length === b.length && a.every((d, i) => d === b[i]))
    return true;
  return (
    JSON.stringify([coding.diagnoses, coding.lines]) ===
    JSON.stringify([answer.diagnoses, answer.lines])
  );
}
