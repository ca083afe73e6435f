/**
 * The refresher screen's state (#/refresher): which comparison the trainee picked — two versions
 * of a pack, what changed since they last refreshed on a pack (the version remembered in the
 * progress store), or a code-set release pair (computed in the code-set worker) — the changes
 * and quiz of the pure refresher (scenarios/refresher.ts), the answers and the score.
 * See: issue 12 "Refreshers"; src/ui/refresher/.
 */
import type { ReleaseChange, ReleaseDiffPage } from '../codesets/release-diff';
import type { RefreshedRecord } from '../persistence/refreshed.record';
import type { PackV2 } from '../scenarios/format/v2';
import {
  buildRefresher,
  scoreQuiz,
  type CaseLink,
  type QuizAnswer,
  type QuizScore,
  type Refresher,
} from '../scenarios/refresher';
import { compareVersions, findPack, packRef, versionsById } from '../scenarios/versions';
import type { AppState } from './app.svelte';
import { caseHref } from './router.svelte';

export type RefresherMode = 'versions' | 'since' | 'release';

export interface PackChoice {
  id: string;
  title: string;
  /** Oldest first. */
  versions: string[];
}

export class RefresherState {
  readonly #app: AppState;
  mode = $state<RefresherMode>('versions');
  packId = $state('');
  from = $state('');
  to = $state('');
  #refresher = $state.raw<Refresher | null>(null);
  #answers = $state<Record<string, QuizAnswer>>({});
  #score = $state.raw<QuizScore | null>(null);
  /** For "since I last studied": the remembered record of the chosen pack (null: never). */
  #last = $state.raw<RefreshedRecord | null | undefined>(undefined);
  #message = $state<string | null>(null);

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Pack ids with at least two loaded versions (the ones a refresher can compare). */
  get packs(): PackChoice[] {
    return [...versionsById(this.#app.fullPacks)]
      .filter(([, list]) => list.length >= 2)
      .map(([id, list]) => ({
        id,
        title: list.at(-1)!.title,
        versions: list.map((p) => p.version),
      }));
  }

  /** Every pack id (for "since I last studied", which may have only one version loaded). */
  get allPacks(): PackChoice[] {
    return [...versionsById(this.#app.fullPacks)].map(([id, list]) => ({
      id,
      title: list.at(-1)!.title,
      versions: list.map((p) => p.version),
    }));
  }

  get versions(): string[] {
    return this.allPacks.find((p) => p.id === this.packId)?.versions ?? [];
  }

  /** Picks a pack: its oldest and newest versions by default. */
  choosePack(id: string) {
    this.packId = id;
    const v = this.versions;
    this.from = v[0] ?? '';
    this.to = v.at(-1) ?? '';
    this.#clear();
    if (this.mode === 'since') void this.#loadLast();
  }

  chooseMode(m: RefresherMode) {
    this.mode = m;
    this.#clear();
    if (m === 'since' && this.packId) void this.#loadLast();
  }

  async #loadLast() {
    const id = this.packId;
    this.#last = undefined;
    const rec = await this.#app.store.lastRefreshed(id);
    if (this.packId === id) this.#last = rec;
  }

  get lastRefreshed(): RefreshedRecord | null | undefined {
    return this.#last;
  }

  get refresher(): Refresher | null {
    return this.#refresher;
  }
  get answers(): Record<string, QuizAnswer> {
    return this.#answers;
  }
  get score(): QuizScore | null {
    return this.#score;
  }
  /** Why no refresher could be shown (same versions, nothing new since last time). */
  get message(): string | null {
    return this.#message;
  }

  #clear() {
    this.#refresher = null;
    this.#answers = {};
    this.#score = null;
    this.#message = null;
  }

  #pack(version: string): PackV2 | undefined {
    return findPack(this.#app.fullPacks, packRef(this.packId, version));
  }

  /** Builds the refresher for the chosen versions (older first, whichever order was picked). */
  show(): boolean {
    this.#clear();
    let [from, to] = [this.from, this.to];
    if (this.mode === 'since') {
      const newest = this.versions.at(-1) ?? '';
      const last = this.#last?.version;
      if (last && compareVersions(last, newest) >= 0) {
        this.#message = `Nothing changed since you last refreshed: you studied version ${last}, the newest.`;
        return false;
      }
      // Never refreshed (or the version studied is no longer loaded): from the oldest loaded.
      from = last && this.versions.includes(last) ? last : (this.versions[0] ?? '');
      to = newest;
    }
    if (compareVersions(from, to) > 0) [from, to] = [to, from];
    const a = this.#pack(from);
    const b = this.#pack(to);
    if (!a || !b || from === to) {
      this.#message =
        from === to
          ? `Pick two different versions (both are ${from || 'unset'}).`
          : 'Pick a pack and two of its versions.';
      return false;
    }
    this.#refresher = buildRefresher(a, b);
    return true;
  }

  answer(id: string, value: QuizAnswer) {
    this.#answers[id] = value;
  }

  /** Scores the quiz and remembers the version studied (for "since I last studied"). */
  async submit(): Promise<QuizScore | null> {
    const r = this.#refresher;
    if (!r) return null;
    const s = scoreQuiz(r.quiz, $state.snapshot(this.#answers) as Record<string, QuizAnswer>);
    this.#score = s;
    const last = await this.#app.store.lastRefreshed(r.packId);
    if (!last || compareVersions(r.to.version, last.version) >= 0)
      this.#last = await this.#app.store.markRefreshed(r.packId, r.to.version, {
        correct: s.correct,
        total: s.total,
      });
    return s;
  }

  /** A case route: the pack id for its newest version, `id@version` for an older one. */
  caseHref(c: CaseLink): string {
    const newest = findPack(this.#app.fullPacks, c.packId)?.version;
    return caseHref(c.version === newest ? c.packId : packRef(c.packId, c.version), c.caseId);
  }
}

export const RELEASE_PAGE = 50;

/** The code-set release pair: releases the engine has, the chosen pair, filters and a page. */
export class ReleaseDiffState {
  readonly #app: AppState;
  releases = $state<string[]>([]);
  /** 'official' when the engine has official releases; 'starter' says the official sets are needed. */
  mode = $state<'probing' | 'official' | 'starter'>('probing');
  from = $state('');
  to = $state('');
  change = $state<ReleaseChange | ''>('');
  query = $state('');
  page = $state.raw<ReleaseDiffPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Asks the worker which ICD-10-CM releases it has (never rejects). */
  async probe(): Promise<void> {
    try {
      const mode = await this.#app.engine.ready();
      if (mode !== 'official') {
        this.mode = 'starter';
        return;
      }
      const s = await this.#app.engine.client.request({ type: 'status' });
      this.releases = s.releases
        .filter((r) => r.kind === 'icd10cm')
        .map((r) => r.id)
        .sort();
      this.mode = this.releases.length >= 2 ? 'official' : 'starter';
      this.from = this.releases[0] ?? '';
      this.to = this.releases.at(-1) ?? '';
    } catch (e) {
      this.mode = 'starter';
      this.error = (e as Error).message;
    }
  }

  async load(offset = 0): Promise<void> {
    if (!this.from || !this.to) return;
    this.loading = true;
    this.error = null;
    try {
      this.page = await this.#app.engine.client.request({
        type: 'releases.diff',
        from: this.from,
        to: this.to,
        ...(this.change ? { change: this.change } : {}),
        ...(this.query.trim() ? { query: this.query.trim() } : {}),
        offset,
        limit: RELEASE_PAGE,
      });
    } catch (e) {
      this.error = (e as Error).message;
      this.page = null;
    } finally {
      this.loading = false;
    }
  }
}
