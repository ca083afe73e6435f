/**
 * One open case: the lifecycle actor (with the payer injected), its saved progress, and the
 * scrubber results. Components read `step`, `context`, `editable`, `can(event)`, `hasTag(tag)`
 * and call `send` / `scrub`.
 * Every change of state or context is saved; reopening the case restores the same step and
 * entries.
 */
import { createActor, fromPromise, initialTransition, type Actor } from 'xstate';
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import { dedupeFindings, type Finding } from '../domain/findings';
import { priorServices } from '../domain/payer/prior-services';
import type { PayerProfile } from '../domain/payer/profile';
import type { CaseFile, Pack } from '../scenarios/schema';
import { claimFromDraft, type ClaimHeader } from '../machines/claim-from-draft';
import {
  lifecycleMachine,
  type AdjudicateInput,
  type AppealDecision,
  type SecondaryAnswer,
  type SecondaryInput,
  type LifecycleContext,
  type LifecycleEvent,
  type LifecycleStep,
  type LifecycleTag,
} from '../machines/lifecycle.machine';
import type { Remittance } from '../machines/remittance';
import { progressKey, type ProgressStore, type SaveEvent } from '../persistence/progress-store';
import type { AttemptRecord, StoredItem } from '../persistence/progress.record';
import {
  attemptFacts,
  itemMax,
  itemPoints,
  scoreAttempt,
  type CaseKey,
  type ScoreReport,
  type StoredAttemptContext,
} from '../domain/scoring';
import { ActorState } from './actor.svelte';
import type { CaseV2 } from '../scenarios/format/v2';
import {
  caseFacts,
  judgeWork,
  secondaryClaimOf,
  secondaryPayerOf,
  isSecondaryProblem,
  type SecondaryPayer,
  type SecondaryProblem,
  openingContext,
  patientStatement,
  scoreRemittanceCase,
  type WorkChoice,
} from './remittance-case';
import { accountStep, openAccount, type AccountAction } from '../machines/patient-account';
import { CaseHighlights } from './case-highlights.svelte';
import type { WorkEntry } from '../machines/denial-work';

export type Adjudicator = (
  claim: Claim,
  history: readonly Claim[],
  findings: readonly Finding[],
  /** A correction (a claim, or a reopening request) or a won appeal the payer effectuates, and
   * the remittance it revises. */
  sent?: {
    channel: 'claim' | 'reopening' | 'appeal';
    original: Remittance | null;
    decision?: AppealDecision;
  },
) => Promise<Remittance>;
/** In the page (starter set) or in the code-set worker (official bundles): may be async. */
export type Scrubber = (claim: Claim, history: readonly Claim[]) => Finding[] | Promise<Finding[]>;

export interface SessionDeps {
  pack: Pack;
  caseFile: CaseFile;
  store: ProgressStore;
  catalog: () => CodeCatalog;
  adjudicate: Adjudicator;
  scrub: Scrubber;
  acceptsReplacement: boolean;
  /** The payer's display name (profile `name`), for the screens. */
  payerName?: string;
  /** The whole-attempt key (format 2); absent = the case file's coding key, expected paid. */
  key?: CaseKey;
  /** The case's ICD-10-CM chapters and topics (format 2 tags), kept with each attempt. */
  tags?: { chapters: number[]; topics: string[] };
  /** Exam mode: no scrubber or hints, the key hidden until the exam is submitted; the work is
   * saved apart from practice (under `<pack>@<sitting>`) and scored when the exam is submitted. */
  exam?: { examId: string; sittingId: string };
  /** The payer profile's kind (CMS-1500 item 1) and dated rules (appeal deadlines), when known. */
  payerProfile?: PayerProfile;
  /** A format-2 case that starts from a remittance (`afterRemittance`): it opens at the
   * remittance and the trainee works the denial (src/state/remittance-case.ts). */
  remittanceCase?: CaseV2;
  /** Every payer profile of the case's pack set (who can be billed as secondary). */
  payers?: ReadonlyMap<string, PayerProfile>;
  /** Another payer's adjudication through the same payer service (the secondary). */
  adjudicatorFor?: (payerId: string) => Adjudicator;
  /** The plans of the case's pack (a secondary may be named by its plan id). */
  plans?: readonly { id: string; payerId: string; name: string }[];
}

/** A score item as the attempt history keeps it. */
export function storedItems(r: ScoreReport): StoredItem[] {
  return r.items.map((i) => ({
    kind: i.kind,
    label: i.label,
    expected: i.expected,
    given: i.given,
    mark: i.mark,
    points: itemPoints(i),
    max: itemMax(i),
    ...(i.section ? { section: i.section } : {}),
    ...(i.reference ? { reference: i.reference } : {}),
    ...(i.link ? { code: i.link.code, system: i.link.system } : {}),
  }));
}

/** Where an exam sitting's case progress is saved (apart from practice). */
export const examStoreId = (packId: string, sittingId: string) => `${packId}@${sittingId}`;

/** Scores a stored attempt (its saved context) against the key: the same record, the same score.
 * A case that starts from a remittance scores the trainee's work from it (remittance-case.ts). */
export function scoreStored(
  key: CaseKey,
  context: LifecycleContext,
  fromRemittance = false,
): ScoreReport {
  if (fromRemittance) return scoreRemittanceCase(key, context);
  return scoreAttempt(key, attemptFacts(context as unknown as StoredAttemptContext));
}

/** Steps saved as such; while the payer is working the saved step is the one before. */
const RESUME_FROM: Partial<Record<LifecycleStep, LifecycleStep>> = {
  submitted: 'claim',
  resubmitted: 'corrected',
  // A won appeal or a secondary claim the payer had not answered yet: the action that sent it is
  // recorded again on resume, and goes to the payer again.
  reprocessing: 'denied',
  secondary: 'paid',
};
const RESENDS_WORK: ReadonlySet<LifecycleStep> = new Set(['reprocessing', 'secondary']);

export function headerFor(c: CaseFile): ClaimHeader {
  return {
    payerId: c.payerId,
    patient: { ...c.patient },
    provider: { npi: c.provider.npi, pos: c.provider.pos, locality: c.provider.locality },
    serviceDate: c.serviceDate,
    priorAuthNumber: null,
    accumulators: { ...c.accumulators },
  };
}

type LifecycleActor = Actor<typeof lifecycleMachine>;

export class CaseSession {
  readonly deps: SessionDeps;
  #state = $state<ActorState<LifecycleActor> | null>(null);
  #findings = $state<Finding[] | null>(null);
  #scrubbedDraft = $state<string | null>(null);
  #notice = $state<string | null>(null);
  #saveError = $state<string | null>(null);
  #conflict = $state<{ theirs: number; mine: number } | null>(null);
  #unsubscribe: (() => void) | null = null;
  #unsubscribeStore: (() => void) | null = null;
  /** What was last saved or loaded: an unchanged state is not saved again (another tab would
   * hear of a save and reload for nothing, and a reload in each tab would never end). */
  #lastSaved: string | null = null;
  /** The step last saved: reaching `closed` archives the attempt once. */
  #lastStep: LifecycleStep | null = null;
  /** The trainee's highlights on the visit note, saved with the progress on every change. */
  readonly highlights = new CaseHighlights(() => {
    const c = this.context;
    if (c) this.#save(this.step, c);
  });

  constructor(deps: SessionDeps) {
    this.deps = deps;
  }

  /** The pack id the progress is saved under: the pack's, or `<pack>@<sitting>` in an exam. */
  get storeId(): string {
    const e = this.deps.exam;
    return e ? examStoreId(this.deps.pack.id, e.sittingId) : this.deps.pack.id;
  }
  get exam() {
    return this.deps.exam ?? null;
  }

  get ready() {
    return this.#state !== null;
  }
  get step(): LifecycleStep {
    return (this.#state?.snapshot.value ?? 'encounter') as LifecycleStep;
  }
  get context(): LifecycleContext | null {
    return this.#state?.snapshot.context ?? null;
  }
  get editable() {
    return this.#state?.snapshot.hasTag('editable') ?? false;
  }
  can(event: LifecycleEvent) {
    return this.#state?.snapshot.can(event) ?? false;
  }
  /** Whether the machine's state carries a tag (its phase, outcome, `busy`, `editable`). */
  hasTag(tag: LifecycleTag) {
    return this.#state?.snapshot.hasTag(tag) ?? false;
  }
  /** Load problems (a corrupt saved record) to show once. */
  get notice() {
    return this.#notice;
  }
  get saveError() {
    return this.#saveError;
  }
  /** Set when another tab saved this case over the state this tab started from. */
  get conflict() {
    return this.#conflict;
  }
  get findings() {
    return this.#findings;
  }
  /** True when the draft changed since the last scrub. */
  get findingsStale() {
    const c = this.context;
    return this.#findings !== null && c !== null && JSON.stringify(c.draft) !== this.#scrubbedDraft;
  }

  send = (e: LifecycleEvent) => this.#state?.send(e);

  async open(): Promise<void> {
    const { caseFile, store, pack } = this.deps;
    this.#unsubscribeStore?.();
    const key = progressKey(this.storeId, caseFile.id);
    this.#unsubscribeStore = store.subscribe((e) => {
      if (e.key === key) void this.#onSaveEvent(e);
    });
    const loaded = await store.load(this.storeId, caseFile.id, caseFile.title);
    if (loaded.kind === 'corrupt') this.#notice = loaded.message;
    // A newer version of the pack arrived while this case was in progress: say which version
    // the saved work was made on (its record keeps it; see scenarios/versions.ts).
    if (loaded.kind === 'found' && loaded.record.packVersion !== pack.version)
      this.#notice = `Your saved work on this case was started on version ${loaded.record.packVersion} of the pack; the case now shows version ${pack.version}. Start over for the new version's answer key.`;
    const machine = lifecycleMachine.provide({
      actors: {
        adjudicate: fromPromise<Remittance, AdjudicateInput>(({ input }) =>
          this.deps.adjudicate(input.claim, this.#history(input.claim), input.findings, {
            channel: input.channel,
            original: input.original,
            ...(input.decision ? { decision: input.decision } : {}),
          }),
        ),
        billSecondary: fromPromise<SecondaryAnswer, SecondaryInput>(({ input }) =>
          this.#billSecondary(input),
        ),
      },
    });
    let actor: LifecycleActor;
    let resend: WorkEntry | null = null;
    if (loaded.kind === 'found') {
      const rec = loaded.record;
      const value = RESUME_FROM[rec.step] ?? rec.step;
      const context: LifecycleContext = rec.context;
      if (RESENDS_WORK.has(rec.step) && context.work?.length) {
        resend = context.work.at(-1)!;
        context.work = context.work.slice(0, -1);
      } else if (value !== rec.step)
        context.submissions = context.submissions.filter((s) => s.remittance !== null);
      actor = createActor(machine, {
        snapshot: machine.resolveState({ value, context }),
        input: this.#input(),
      });
    } else if (this.fromRemittance) {
      // The case starts at the remittance: the claim as sent and the payer's answer to it.
      const base = initialTransition(lifecycleMachine, this.#input())[0].context;
      let context: LifecycleContext = base;
      try {
        context = await openingContext(
          this.deps.remittanceCase!,
          base,
          (claim, history, findings) => this.deps.adjudicate(claim, history, findings),
          this.deps.payerProfile,
        );
      } catch (err) {
        this.#notice = `The remittance this case starts from could not be produced (${err instanceof Error ? err.message : String(err)}).`;
      }
      actor = createActor(machine, {
        snapshot: machine.resolveState({
          value: context.submissions.length ? 'adjudicated' : 'encounter',
          context,
        }),
        input: this.#input(),
      });
    } else {
      actor = createActor(machine, { input: this.#input() });
    }
    const first = actor.getSnapshot();
    const marks = loaded.kind === 'found' ? (loaded.record.highlights ?? []) : [];
    this.highlights.reset(marks, false);
    this.#lastSaved =
      loaded.kind === 'found' ? JSON.stringify([first.value, first.context, marks]) : null;
    this.#lastStep = loaded.kind === 'found' ? (first.value as LifecycleStep) : null;
    if (loaded.kind !== 'found')
      void store.markStarted(this.storeId, caseFile.id).catch(() => undefined);
    // The actor emits only when the snapshot changed: every step and every draft edit is saved.
    const sub = actor.subscribe((s) => this.#save(s.value as LifecycleStep, s.context));
    this.#unsubscribe = () => sub.unsubscribe();
    actor.start();
    this.#state = new ActorState(actor);
    if (resend) actor.send({ type: 'denial.record', entry: resend });
    if (loaded.kind !== 'found')
      this.#save(actor.getSnapshot().value as LifecycleStep, actor.getSnapshot().context);
  }

  #input() {
    return {
      caseId: this.deps.caseFile.id,
      header: headerFor(this.deps.caseFile),
      acceptsReplacement: this.deps.acceptsReplacement,
    };
  }

  /** Services the payer has processed before this claim (src/domain/payer/prior-services.ts). */
  #history(current: Claim): Claim[] {
    return priorServices(this.context?.submissions ?? [], current);
  }

  #save(step: LifecycleStep, context: LifecycleContext, force = false) {
    const { pack, caseFile, store } = this.deps;
    const highlights = this.highlights.list;
    const json = JSON.stringify([step, context, highlights]);
    if (!force && json === this.#lastSaved) return;
    this.#lastSaved = json;
    // In an exam the attempts are archived when the exam is submitted, not case by case.
    const reachedEnd =
      !this.deps.exam &&
      step === 'closed' &&
      this.#lastStep !== null &&
      this.#lastStep !== 'closed';
    this.#lastStep = step;
    // Failures and conflicts arrive as save events (#onSaveEvent); the store retries failures.
    store
      .save({
        packId: this.storeId,
        packVersion: pack.version,
        caseId: caseFile.id,
        step,
        context,
        highlights: [...highlights],
      })
      .catch(() => undefined);
    // The case reached its score: the attempt goes into the history now (the case stays open).
    if (reachedEnd) void this.#archive(step, context, true).catch(() => undefined);
  }

  /** Archives the attempt with its score items, mode and tags. */
  async #archive(step: LifecycleStep, context: LifecycleContext, keepProgress: boolean) {
    const { pack, caseFile, store } = this.deps;
    const report = scoreStored(this.key, context, this.fromRemittance);
    const { percent, points, max } = report.totals;
    await store.flush();
    return store.archiveAttempt(
      {
        packId: pack.id,
        packVersion: pack.version,
        caseId: caseFile.id,
        step,
        context,
        highlights: [...this.highlights.list],
      },
      { percent, points, max },
      {
        items: storedItems(report),
        mode: this.deps.exam ? 'exam' : 'practice',
        chapters: this.deps.tags?.chapters ?? [],
        topics: this.deps.tags?.topics ?? [],
        ...(this.deps.exam ? { examId: this.deps.exam.examId } : {}),
        keepProgress,
      },
    );
  }

  async #onSaveEvent(e: SaveEvent) {
    switch (e.kind) {
      case 'saved':
        this.#saveError = null;
        return;
      case 'failed':
        this.#saveError = `Progress could not be saved (${e.message}). Your work stays in this tab and ClaimLab tries again in ${Math.round(e.retryInMs / 1000)} s; if this goes on, free some browser storage.`;
        return;
      case 'conflict':
        this.#conflict = { theirs: e.theirs, mine: e.mine };
        return;
      case 'changed-elsewhere':
        // Nothing unsaved here: show the newer state. Otherwise the trainee chooses.
        if (!e.unsaved)
          await this.#reload('This case was changed in another tab: showing the newest version.');
        else this.#conflict = { theirs: e.revision, mine: e.revision - 1 };
        return;
    }
  }

  /** Settles a two-tab conflict: keep this tab's work (saved over the other's) or load theirs. */
  async resolveConflict(choice: 'keep-mine' | 'take-theirs') {
    const { caseFile, store } = this.deps;
    this.#conflict = null;
    if (choice === 'keep-mine') {
      const c = this.context;
      // Make sure this tab's current state is what gets written.
      if (c) this.#save(this.step, c, true);
      await store.resolveConflict(this.storeId, caseFile.id, 'keep-mine').catch(() => undefined);
    } else {
      await store.resolveConflict(this.storeId, caseFile.id, 'take-theirs');
      await this.#reload(null);
    }
  }

  async #reload(notice: string | null) {
    this.close();
    this.#findings = null;
    this.#state = null;
    await this.open();
    if (notice) this.#notice = notice;
  }

  /** Runs the edit engine on the claim the draft would make now. */
  async scrub(): Promise<Finding[]> {
    const c = this.context;
    if (!c) return [];
    const draftJson = JSON.stringify(c.draft);
    const parsed = claimFromDraft(c.draft, c.header, { ...c.next, submissionDate: c.today });
    const engine = await this.deps.scrub(parsed.claim, this.#history(parsed.claim));
    // parseClaim and the claim-data edits can report the same field problem: keep one.
    const all = dedupeFindings([...parsed.findings, ...engine]);
    this.#findings = all;
    // The draft as scrubbed (it may have changed while the worker answered).
    this.#scrubbedDraft = draftJson;
    return all;
  }

  /**
   * The secondary claim: the primary's claim sent to the secondary payer with the primary's
   * adjudication per line (837P 2320/2430), answered through the same payer service.
   */
  async #billSecondary(input: SecondaryInput): Promise<SecondaryAnswer> {
    const rc = this.deps.remittanceCase;
    const profile = this.deps.payerProfile;
    const payers = this.deps.payers;
    const to =
      rc && profile && payers
        ? secondaryPayerOf(
            rc,
            profile,
            payers,
            input.claim.patient.memberId ?? '',
            this.deps.plans ?? [],
          )
        : null;
    if (isSecondaryProblem(to))
      throw new Error(`The secondary payer cannot be billed: ${to.path}: ${to.message}.`);
    if (!to || !this.deps.adjudicatorFor)
      throw new Error('No secondary coverage is on file for this claim.');
    const claim = secondaryClaimOf(input.claim, input.primary, to, input.today);
    const adjudicate = this.deps.adjudicatorFor(to.payerId);
    const remittance = await adjudicate(claim, [], []);
    return { claim, remittance };
  }

  /** Who a secondary claim of this case goes to (its profile's source and COB method), the
   * problem naming the field when the packs cannot answer it, or null when there is none. */
  get secondaryPayer(): SecondaryPayer | SecondaryProblem | null {
    const rc = this.deps.remittanceCase;
    const profile = this.deps.payerProfile;
    const payers = this.deps.payers;
    const claim = this.context?.submissions[0]?.claim;
    if (!rc?.afterRemittance || !profile || !payers || !claim) return null;
    return secondaryPayerOf(rc, profile, payers, claim.patient.memberId ?? '', this.deps.plans);
  }

  /** The case starts from a remittance: the trainee works the denial, not the coding. */
  get fromRemittance(): boolean {
    return this.deps.remittanceCase?.afterRemittance !== undefined;
  }

  /**
   * An action at the remittance (appeal, write-off, billing…), judged by the claim machine and
   * recorded with its consequence; a correction goes through `send({ type: 'claim.correct', as })`.
   */
  work(choice: WorkChoice): void {
    const c = this.context;
    const rc = this.deps.remittanceCase;
    const profile = this.deps.payerProfile;
    if (!c || !c.remittance || !rc || !profile) return;
    const entry = judgeWork(
      {
        remittance: c.remittance,
        today: c.today,
        work: c.work ?? [],
        facts: caseFacts(rc, profile),
        secondary: c.secondary?.remittance ?? null,
      },
      choice,
    );
    // Billing the patient sends the statement: the account follows on its cycle (the same
    // patient-balance machine #/practice runs) until it is paid or written off with a reason.
    const due =
      entry.balance === 'bill-patient' && entry.closes
        ? patientStatement(c.remittance, c.secondary?.remittance ?? null).due
        : null;
    this.send(
      due !== null && due > 0
        ? { type: 'denial.record', entry, account: openAccount(due, entry.at) }
        : { type: 'denial.record', entry },
    );
  }

  /**
   * A step on the patient's account after billing: the next statement on its cycle, a payment,
   * or a write-off with a reason (judged by the collection rules); returns the step's entry.
   */
  settle(action: AccountAction) {
    const c = this.context;
    if (!c?.account) return null;
    const step = accountStep(c.account, action, c.today);
    this.send({ type: 'balance.record', account: step.account, at: step.at });
    return step.entry;
  }

  dismissNotice() {
    this.#notice = null;
  }

  /** The whole-attempt key: the format-2 key when the pack gave one, else the coding key. */
  get key(): CaseKey {
    return (
      this.deps.key ?? {
        ...this.deps.caseFile.answer,
        chargeMaster: this.deps.caseFile.chargeMaster,
      }
    );
  }

  /** The attempt as it stands, item by item (the score page). */
  scoreReport(): ScoreReport | null {
    const c = this.context;
    return c ? scoreStored(this.key, c, this.fromRemittance) : null;
  }

  /** The attempt as it stands, scored as the score page scores it. */
  currentScore(): AttemptRecord['score'] | null {
    const r = this.scoreReport();
    if (!r) return null;
    const { percent, points, max } = r.totals;
    return { percent, points, max };
  }

  /** Closed attempts of this case, oldest first. */
  attempts(): Promise<AttemptRecord[]> {
    return this.deps.store.attempts(this.deps.pack.id, this.deps.caseFile.id);
  }

  /** Starts the case over: the attempt so far is kept in the case's history with its score. */
  async restart(): Promise<void> {
    const { caseFile, store } = this.deps;
    const c = this.context;
    const step = this.step;
    this.close();
    await store.flush();
    // A closed case was archived when it reached its score: it is not archived twice.
    const last = step === 'closed' ? (await this.attempts()).at(-1) : undefined;
    const archived =
      last !== undefined &&
      c !== null &&
      last.step === 'closed' &&
      last.context.claimSeq === c.claimSeq &&
      last.context.today === c.today &&
      last.context.submissions.length === c.submissions.length;
    if (c && !archived) await this.#archive(step, c, false);
    else await store.remove(this.storeId, caseFile.id);
    this.#findings = null;
    this.#state = null;
    this.#conflict = null;
    this.#lastStep = null;
    await this.open();
  }

  close() {
    // Nothing is saved after this (an exam submitted, a case started over): read-only.
    this.highlights.lock();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#unsubscribeStore?.();
    this.#unsubscribeStore = null;
    this.#state?.actor.stop();
  }

  flush() {
    return this.deps.store.flush();
  }
}
