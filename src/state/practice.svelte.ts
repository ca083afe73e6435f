/**
 * The practice screen's state (#/practice): a seeded simulated billing office built from the
 * shipped case templates (the synthetic world, imported lazily so faker stays out of the first
 * load), driven by the practice engine (src/machines/practice/engine.ts) with the page's payer
 * service, and saved after every action (src/persistence/practice-store.ts), so a reload or a
 * killed browser finds the queues as they were. The screen reads `view` (plain data rebuilt after
 * each action) and calls the actions; every action the rules judge lands in the engine's
 * decision records.
 * See: issue 15 ("The practice, in the app").
 */
import type { CodeCatalog, IcdEntry, ProcedureEntry } from '../domain/codes/catalog';
import { icdKey } from '../domain/codes/code';
import type { CodesetClient } from '../codesets/client';
import { addDays } from '../domain/time/dates';
import type { GeneratedEncounter } from '../domain/world/encounter';
import {
  Practice,
  type Coding,
  type DenialAction,
  type PracticeEffects,
  type PracticeJson,
} from '../machines/practice/engine';
import type { Evidence } from '../machines/appeal-merit';
import type { PostingProblem, RemittancePosting } from '../machines/posting';
import type { PackV2 } from '../scenarios/format/v2';
import type { PackSet } from '../services/payer';
import { newestVersions } from '../scenarios/versions';
import { PracticeStore } from '../persistence/practice-store';
import { browserCoordination } from '../persistence/coordination';
import { localforageStore } from '../persistence/kv';
import type { AppState } from './app.svelte';
import type { PracticeRecord } from '../persistence/practice.record';
import { browserPracticeEffects, type LedgerEntry } from './practice-effects';
import { practiceCatalog } from './practice-catalog';
import { buildView, type PracticeView } from './practice-view';
import { HistoryStore } from '../persistence/history-store';
import { PracticeSessionLog, type PracticeSnapshot } from './session-history';

export type { PracticeView } from './practice-view';

export interface PracticeOptions {
  seed: number;
  weeks: number;
  /** Guided: the suggested coding is offered to accept. */
  guided: boolean;
}

export type PracticeStatus =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'generating'; done: number; total: number }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string };

export interface PracticeDeps {
  store: PracticeStore;
  /** Full packs (their case templates). */
  templates: () => readonly PackV2[];
  /** Packs whose payer profiles and fee tables adjudicate. */
  payerPacks: () => PackSet;
  catalog: () => CodeCatalog;
  /**
   * The code-set worker over the user's official bundles, when there are any: a code the
   * practice does not know is looked up there for the date of service before the claim goes out.
   */
  engine?: {
    ready(): Promise<'official' | 'starter' | 'probing'>;
    readonly client: CodesetClient;
    readonly mode?: 'official' | 'starter' | 'probing';
  };
  /** Lets the page paint between generation chunks (tests pass an immediate one). */
  pause?: () => Promise<void>;
  /** Keeps each session in the progress history (src/state/session-history.ts). */
  sessions?: { record(snap: PracticeSnapshot): Promise<void> };
}

/** Visits a provider sees per clinic day in the trainee's practice (a trainee-sized office). */
export const VISITS_PER_DAY = 3;

const nextTick = () => new Promise<void>((r) => setTimeout(r, 0));

export class PracticeState {
  /** The screen's state over the app's packs and catalog, saved in the browser's IndexedDB. */
  static forApp(app: AppState): PracticeState {
    return new PracticeState({
      store: new PracticeStore(localforageStore(), { tabs: browserCoordination() }),
      sessions: new PracticeSessionLog(new HistoryStore(app.kv)),
      templates: () => app.fullPacks,
      payerPacks: () => app.packs,
      catalog: () => app.catalog,
      engine: app.engine,
    });
  }

  readonly #deps: PracticeDeps;
  #practice: Practice | null = null;
  #options: PracticeOptions | null = null;
  #upcoming: GeneratedEncounter[] = [];
  /** What the trainee last sent, per encounter. */
  #codings: Record<string, Coding> = {};
  /** Codes the official code sets confirmed for a date of service (practice-catalog.ts). */
  readonly #verified = {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup cache, never rendered
    icd: new Map<string, IcdEntry>(),
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup cache, never rendered
    procedures: new Map<string, ProcedureEntry>(),
  };
  #catalogNow: (() => CodeCatalog) | null = null;
  /** What the payer's ledger recorded (browserPracticeEffects appends to it). */
  #ledger: LedgerEntry[] = [];
  #endsOn = '';
  #status = $state.raw<PracticeStatus>({ kind: 'idle' });
  #view = $state.raw<PracticeView | null>(null);
  #message = $state.raw<string | null>(null);
  #saveNote = $state.raw<string | null>(null);

  constructor(deps: PracticeDeps) {
    this.#deps = deps;
    deps.store.subscribe((e) => {
      if (e.kind === 'saved') this.#saveNote = null;
      else if (e.kind === 'failed')
        this.#saveNote = `Saving failed (${e.message}); trying again in ${Math.round(e.retryInMs / 1000)} s.`;
      else if (e.kind === 'conflict' || e.kind === 'changed-elsewhere')
        this.#saveNote =
          'The practice was changed in another tab. Reload this page to continue from there, or keep working here to overwrite it.';
    });
  }

  get status(): PracticeStatus {
    return this.#status;
  }
  get view(): PracticeView | null {
    return this.#view;
  }
  /** The last action's outcome or error, for a live region. */
  get message(): string | null {
    return this.#message;
  }
  get saveNote(): string | null {
    return this.#saveNote;
  }
  get options(): PracticeOptions | null {
    return this.#options;
  }
  /** The engine (tests and the e2e hooks read it; the screen reads `view`). */
  get practice(): Practice | null {
    return this.#practice;
  }

  /** The payer over the app's catalog plus this practice's answer-key codes (practice-catalog.ts). */
  #effects(
    seed: number,
    visits: Iterable<Pick<GeneratedEncounter, 'answer'>>,
    ledger: LedgerEntry[],
  ): PracticeEffects {
    this.#ledger = ledger;
    const all = [...visits];
    let base: CodeCatalog | null = null;
    let catalog: CodeCatalog | null = null;
    const now = () => {
      const c = this.#deps.catalog();
      if (c !== base) catalog = practiceCatalog((base = c), all, this.#verified);
      return catalog!;
    };
    this.#catalogNow = now;
    return browserPracticeEffects(this.#deps.payerPacks(), now, seed, ledger);
  }

  /** True when the user's official code sets check the codes (else the starter set does). */
  get officialCodes(): boolean {
    return this.#deps.engine?.mode === 'official';
  }

  /**
   * What checks the codes, in a sentence for the coding form: the official code sets for the
   * date of service, or the starter set plus this practice's answer codes (and what that means).
   */
  get codesNote(): string {
    if (this.officialCodes)
      return 'Codes are checked against your imported official code sets for the date of service: any code valid on that date is accepted.';
    const what = this.#catalogNow?.().describe() ?? this.#deps.catalog().describe();
    return `The official code sets are not imported, so codes are checked against ${what}. Any other code, even a valid one, is refused as invalid: import the official files in Settings → Code sets to use any code.`;
  }

  /** The codes of a coding the practice's catalog does not know for the date (diagnoses, then lines). */
  unknownCodes(date: string, coding: Coding): string[] {
    const cat = this.#catalogNow?.() ?? this.#deps.catalog();
    const rel = cat.icd10(date);
    const out: string[] = [];
    for (const d of coding.diagnoses)
      if (!rel.ok || !rel.value.get(icdKey(d))?.billable) out.push(d);
    for (const l of coding.lines) if (!cat.procedure(l.code, date)) out.push(l.code);
    return out;
  }

  /**
   * Looks up, in the official code sets, the codes of a coding the practice does not know for the
   * date of service, and keeps those that exist there, so the payer in the page judges them as the
   * official sets do. Nothing happens without official code sets (or when the worker fails: the
   * code is then judged on the starter set, as the coding form says).
   */
  async #verify(date: string, coding: Coding): Promise<void> {
    const engine = this.#deps.engine;
    if (!engine || (await engine.ready().catch(() => 'starter')) !== 'official') return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this call
    const unknown = new Set(this.unknownCodes(date, coding));
    const jobs: Promise<void>[] = [];
    for (const d of coding.diagnoses) {
      if (!unknown.has(d)) continue;
      jobs.push(
        engine.client.request({ type: 'lookup', code: d, date }).then((l) => {
          if (!l.exists) return;
          const code = icdKey(d);
          this.#verified.icd.set(`${date}|${code}`, {
            code,
            billable: l.billable,
            short: l.short ?? code,
            long: l.description ?? code,
          });
        }),
      );
    }
    for (const line of coding.lines) {
      if (!unknown.has(line.code)) continue;
      const code = line.code.trim().toUpperCase();
      jobs.push(
        engine.client.request({ type: 'procedure', code, date }).then((e) => {
          if (e) this.#verified.procedures.set(`${date}|${code}`, e);
        }),
      );
    }
    await Promise.all(jobs.map((j) => j.catch(() => undefined)));
  }

  /** Loads the saved practice, if any. */
  async resume(): Promise<void> {
    this.#status = { kind: 'loading' };
    try {
      const r = await this.#deps.store.load();
      if (r.kind === 'missing') {
        this.#status = { kind: 'idle' };
        return;
      }
      if (r.kind === 'corrupt') {
        this.#message = r.message;
        this.#status = { kind: 'idle' };
        return;
      }
      this.#restore(r.record);
      this.#status = { kind: 'ready' };
    } catch (e) {
      this.#status = { kind: 'failed', message: (e as Error).message ?? String(e) };
    }
  }

  #restore(rec: PracticeRecord) {
    this.#options = { ...rec.options };
    this.#endsOn = rec.endsOn;
    this.#upcoming = rec.upcoming as unknown as GeneratedEncounter[];
    this.#codings = rec.codings as Record<string, Coding>;
    const json = rec.practice as unknown as PracticeJson;
    this.#practice = Practice.restore(
      json,
      this.#effects(
        rec.options.seed,
        [...this.#upcoming, ...json.cases.map((c) => c.enc)],
        rec.ledger as unknown as LedgerEntry[],
      ),
    );
    this.#refresh();
  }

  /**
   * Generates a new practice: one provider's visits for `weeks` weeks from the shipped templates
   * (seeded: the same seed gives the same visits), replacing any saved one.
   */
  async start(opts: PracticeOptions): Promise<void> {
    if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 2 ** 32 - 1) {
      this.#status = { kind: 'failed', message: 'Seed: a whole number from 0 to 4294967295.' };
      return;
    }
    if (!Number.isInteger(opts.weeks) || opts.weeks < 1 || opts.weeks > 12) {
      this.#status = { kind: 'failed', message: 'Weeks: a whole number from 1 to 12.' };
      return;
    }
    const total = opts.weeks * 5 * VISITS_PER_DAY;
    this.#status = { kind: 'generating', done: 0, total };
    try {
      // The world (and faker) load only when a practice is generated: their own chunk.
      const { createWorld, encounterSource, templateEntries } = await import('../domain/world');
      const packs = newestVersions([...this.#deps.templates()]).filter((p) => p.templates.length);
      const entries = packs.flatMap((p) => templateEntries(p.id, p.templates));
      if (!entries.length) throw new RangeError('No loaded pack has case templates to draw from.');
      const w = createWorld(opts.seed, {
        providers: 1,
        patients: Math.max(40, total),
        schedule: { visitsPerProviderPerDay: VISITS_PER_DAY },
      });
      const source = encounterSource(w, entries, { count: total });
      const visits: GeneratedEncounter[] = [];
      const pause = this.#deps.pause ?? nextTick;
      for (let e = source.next(); e; e = source.next()) {
        visits.push(e);
        if (visits.length % 5 === 0) {
          this.#status = { kind: 'generating', done: visits.length, total };
          await pause();
        }
      }
      if (!visits.length) throw new RangeError('The templates generated no visits.');
      const start = visits[0]!.serviceDate;
      this.#options = { ...opts };
      this.#endsOn = addDays(start, opts.weeks * 7 - 1);
      this.#upcoming = visits;
      this.#codings = {};
      this.#practice = new Practice(
        { seed: opts.seed, start, behaviour: w.payers },
        this.#effects(opts.seed, visits, []),
      );
      this.#admitDue();
      this.#message = `Practice started on ${start}: ${visits.length} visits over ${opts.weeks} week(s).`;
      this.#status = { kind: 'ready' };
      this.#refresh();
      await this.#save();
    } catch (e) {
      this.#status = { kind: 'failed', message: (e as Error).message ?? String(e) };
    }
  }

  /** Drops the practice (the saved one too). */
  async discard(): Promise<void> {
    await this.#deps.store.remove();
    this.#practice = null;
    this.#options = null;
    this.#upcoming = [];
    this.#codings = {};
    this.#ledger = [];
    this.#view = null;
    this.#message = null;
    this.#status = { kind: 'idle' };
  }

  #admitDue() {
    const p = this.#practice!;
    while (this.#upcoming.length && this.#upcoming[0]!.serviceDate <= p.today)
      p.admit(this.#upcoming.shift()!);
  }

  #refresh() {
    const p = this.#practice;
    this.#view = p
      ? buildView(p, {
          endsOn: this.#endsOn,
          upcoming: this.#upcoming.length,
          guided: this.#options?.guided ?? false,
        })
      : null;
  }

  #save(): Promise<void> {
    const p = this.#practice;
    if (!p || !this.#options) return Promise.resolve();
    const rec = {
      options: { ...this.#options },
      endsOn: this.#endsOn,
      upcoming: this.#upcoming as unknown as PracticeRecord['upcoming'],
      codings: this.#codings,
      ledger: this.#ledger as unknown as PracticeRecord['ledger'],
      practice: p.toJSON() as unknown as PracticeRecord['practice'],
    };
    const saved = this.#deps.store.save(rec).catch(() => undefined); // reported through the store's events (saveNote)
    return Promise.all([saved, this.#deps.sessions?.record(rec)]).then(() => undefined);
  }

  /** Runs one action, then shows its outcome, rebuilds the view and saves. */
  #act(what: string, fn: (p: Practice) => string | void): Promise<void> {
    const p = this.#practice;
    if (!p) return Promise.resolve();
    const before = p.decisions.length;
    try {
      const said = fn(p);
      const d = p.decisions.slice(before);
      const judged = d.map((x) => `${x.right ? 'Right' : 'Wrong'}: ${x.rationale}`).join(' ');
      this.#message = [said ?? what, judged].filter(Boolean).join(' ');
    } catch (e) {
      this.#message = `${what} failed: ${(e as Error).message ?? String(e)}`;
    }
    this.#refresh();
    return this.#save();
  }

  // ---- actions -------------------------------------------------------------------------

  /** Moves the clock on `days` days; new visits arrive on their dates, payers answer on theirs. */
  advance(days: number): Promise<void> {
    return this.#act(`Advanced ${days} day(s).`, (p) => {
      for (let i = 0; i < days; i++) {
        p.advance(1);
        this.#admitDue();
      }
      return `Advanced to ${p.today}.`;
    });
  }

  /** What the trainee last sent for the encounter (or null). */
  lastCoding(id: string): Coding | null {
    return this.#codings[id] ?? null;
  }

  async code(id: string, coding: Coding): Promise<void> {
    await this.#verifyFor(id, coding);
    return this.#act(`Coded ${id} and sent the claim.`, (p) => {
      p.code(id, coding);
      this.#codings[id] = coding;
    });
  }

  /** Guided mode: sends the suggested coding (the answer key). */
  acceptSuggested(id: string): Promise<void> {
    return this.#act(`Sent the suggested coding for ${id}.`, (p) => {
      const enc = p.encounter(id);
      if (!enc) throw new RangeError(`No open encounter "${id}"`);
      const coding = { diagnoses: [...enc.answer.diagnoses], lines: enc.answer.lines };
      p.code(id, coding);
      this.#codings[id] = coding;
    });
  }

  async #verifyFor(id: string, coding: Coding): Promise<void> {
    const date = this.#practice?.encounter(id)?.serviceDate;
    if (date) await this.#verify(date, coding);
  }

  async fixRejection(id: string, coding: Coding): Promise<void> {
    await this.#verifyFor(id, coding);
    return this.#act(`Fixed ${id} and sent a new claim.`, (p) => {
      p.fixRejection(id, coding);
      this.#codings[id] = coding;
    });
  }

  appealRejection(id: string): Promise<void> {
    return this.#act(`Tried to appeal the rejection of ${id}.`, (p) => p.appealRejection(id));
  }

  /** The labelled shortcut: posts as the 835 says; not the trainee's decision (none recorded). */
  post(id: string): Promise<void> {
    return this.#act(
      `Posted the remittance of ${id} as the 835 says (shortcut: not scored as your posting).`,
      (p) => p.post(id, undefined, { shortcut: true }),
    );
  }

  /**
   * The trainee's own posting, line by line. A posting that does not balance is refused: the
   * problems (each naming its line and field) come back for the form and nothing is posted.
   */
  async postLines(id: string, posting: RemittancePosting): Promise<PostingProblem[]> {
    let problems: PostingProblem[] = [];
    await this.#act(`Posted the remittance of ${id}.`, (p) => {
      const out = p.postLines(id, posting);
      if (!out.ok) {
        problems = out.problems;
        return `Not posted: ${out.problems.map((x) => x.message).join(' ')}`;
      }
      return `Posted the remittance of ${id}.`;
    });
    return problems;
  }

  async work(id: string, action: DenialAction): Promise<void> {
    if (action.kind === 'correct' || action.kind === 'reopen')
      await this.#verifyFor(id, action.coding);
    return this.#act(`${actionText(action)} on ${id}.`, (p) => {
      p.work(id, action);
      if (action.kind === 'correct' || action.kind === 'reopen') this.#codings[id] = action.coding;
    });
  }

  /** Files the appeal at `level` (the next level when not given). */
  escalate(id: string, evidence: Evidence, level?: number): Promise<void> {
    return this.#act(
      level === undefined ? `Appealed ${id} at the next level.` : `Filed ${id} at level ${level}.`,
      (p) =>
        p.appeal(id, { kind: 'escalate', evidence, ...(level !== undefined ? { level } : {}) }),
    );
  }

  acceptAppeal(id: string): Promise<void> {
    return this.#act(`Accepted the appeal decision on ${id}.`, (p) =>
      p.appeal(id, { kind: 'accept' }),
    );
  }

  billPatient(id: string): Promise<void> {
    return this.#act(`Billed the patient for ${id}.`, (p) => p.billPatient(id));
  }

  billSecondary(id: string): Promise<void> {
    return this.#act(`Billed the secondary payer for ${id}.`, (p) => p.billSecondary(id));
  }

  closeClaim(id: string): Promise<void> {
    return this.#act(`Closed ${id}.`, (p) => p.closeClaim(id));
  }

  writeOffBalance(id: string, reason: 'small-balance' | 'bad-debt' | 'hardship'): Promise<void> {
    return this.#act(`Wrote off the balance of ${id} (${reason}).`, (p) =>
      p.writeOffBalance(id, reason)
        ? undefined
        : `Not written off: the balance of ${id} stays on the patient's statements.`,
    );
  }

  flush(): Promise<void> {
    return this.#deps.store.flush();
  }
}

function actionText(a: DenialAction): string {
  switch (a.kind) {
    case 'correct':
      return `Sent a corrected claim (frequency ${a.frequency})`;
    case 'reopen':
      return 'Asked for a reopening';
    case 'appeal':
      return a.level === undefined || a.level === 1
        ? `Filed a first-level appeal (evidence: ${a.evidence})`
        : `Filed an appeal at level ${a.level} (evidence: ${a.evidence})`;
    case 'write-off':
      return `Wrote off (${a.reason})`;
    case 'bill-patient':
      return 'Billed the patient';
    case 'bill-secondary':
      return 'Billed the secondary payer';
  }
}
