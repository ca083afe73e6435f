/**
 * One open case: the lifecycle actor (with the payer injected), its saved progress, and the
 * scrubber results. Components read `step`, `context`, `editable` and call `send` / `scrub`.
 * Every change of state or context is saved; reopening the case restores the same step and
 * entries.
 */
import { createActor, fromPromise, type Actor } from 'xstate';
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Finding } from '../domain/findings';
import { priorServices } from '../domain/payer/prior-services';
import type { CaseFile, Pack } from '../scenarios/schema';
import { claimFromDraft, type ClaimHeader } from '../machines/claim-from-draft';
import {
  lifecycleMachine,
  type AdjudicateInput,
  type LifecycleContext,
  type LifecycleEvent,
  type LifecycleStep,
} from '../machines/lifecycle.machine';
import type { Remittance } from '../machines/remittance';
import type { ProgressStore } from '../persistence/progress-store';
import { ActorState } from './actor.svelte';

export type Adjudicator = (
  claim: Claim,
  history: readonly Claim[],
  findings: readonly Finding[],
  /** A correction: a claim, or a reopening request, and the remittance it revises. */
  sent?: { channel: 'claim' | 'reopening'; original: Remittance | null },
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
}

/** Steps saved as such; while the payer is working the saved step is the one before. */
const RESUME_FROM: Partial<Record<LifecycleStep, LifecycleStep>> = {
  submitted: 'claim',
  resubmitted: 'corrected',
};

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
  #unsubscribe: (() => void) | null = null;

  constructor(deps: SessionDeps) {
    this.deps = deps;
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
  /** Load problems (a corrupt saved record) to show once. */
  get notice() {
    return this.#notice;
  }
  get saveError() {
    return this.#saveError;
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
    const { pack, caseFile, store } = this.deps;
    const loaded = await store.load(pack.id, caseFile.id, caseFile.title);
    if (loaded.kind === 'corrupt') this.#notice = loaded.message;
    const machine = lifecycleMachine.provide({
      actors: {
        adjudicate: fromPromise<Remittance, AdjudicateInput>(({ input }) =>
          this.deps.adjudicate(input.claim, this.#history(input.claim), input.findings, {
            channel: input.channel,
            original: input.original,
          }),
        ),
      },
    });
    let actor: LifecycleActor;
    if (loaded.kind === 'found') {
      const rec = loaded.record;
      const value = RESUME_FROM[rec.step] ?? rec.step;
      const context: LifecycleContext = rec.context;
      if (value !== rec.step)
        context.submissions = context.submissions.filter((s) => s.remittance !== null);
      actor = createActor(machine, {
        snapshot: machine.resolveState({ value, context }),
        input: this.#input(),
      });
    } else {
      actor = createActor(machine, { input: this.#input() });
    }
    // The actor emits only when the snapshot changed: every step and every draft edit is saved.
    const sub = actor.subscribe((s) => this.#save(s.value as LifecycleStep, s.context));
    this.#unsubscribe = () => sub.unsubscribe();
    actor.start();
    this.#state = new ActorState(actor);
    if (loaded.kind !== 'found') this.#save('encounter', actor.getSnapshot().context);
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

  #save(step: LifecycleStep, context: LifecycleContext) {
    const { pack, caseFile, store } = this.deps;
    store
      .save({ packId: pack.id, packVersion: pack.version, caseId: caseFile.id, step, context })
      .then(() => (this.#saveError = null))
      .catch((e: unknown) => (this.#saveError = `Progress could not be saved: ${String(e)}`));
  }

  /** Runs the edit engine on the claim the draft would make now. */
  async scrub(): Promise<Finding[]> {
    const c = this.context;
    if (!c) return [];
    const draftJson = JSON.stringify(c.draft);
    const parsed = claimFromDraft(c.draft, c.header, { ...c.next, submissionDate: c.today });
    const engine = await this.deps.scrub(parsed.claim, this.#history(parsed.claim));
    // parseClaim and the claim-data edits can report the same field problem: keep one.
    const key = (f: Finding) =>
      `${f.id}|${f.line}|${f.field ?? ''}|${f.codes.join(',')}|${f.message}`;
    const all = [...parsed.findings, ...engine].filter(
      (f, i, xs) => xs.findIndex((g) => key(g) === key(f)) === i,
    );
    this.#findings = all;
    // The draft as scrubbed (it may have changed while the worker answered).
    this.#scrubbedDraft = draftJson;
    return all;
  }

  dismissNotice() {
    this.#notice = null;
  }

  async restart(): Promise<void> {
    this.close();
    await this.deps.store.remove(this.deps.pack.id, this.deps.caseFile.id);
    this.#findings = null;
    this.#state = null;
    await this.open();
  }

  close() {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#state?.actor.stop();
  }

  flush() {
    return this.deps.store.flush();
  }
}
