/**
 * Which code engine the app is on: the code-set worker over the official bundles (served or
 * imported) when there are any, else the starter set in the page. Probes the worker once (it
 * reads only the manifests), then loads the release of a date of service on demand, and keeps
 * the status line's text ("ICD-10-CM FY2026 (official, 98,186 codes) · HCPCS 2020 · MPFS 2025").
 * See: issue 3 "In the app".
 */
import type { CodesetClient } from '../codesets/client';
import type { EngineStatus } from '../codesets/protocol';
import type { CodeCatalog } from '../domain/codes/catalog';
import { lazyInPageEncoderService } from '../codesets/encoder/lazy-in-page';
import type { EncoderService } from '../codesets/encoder/service';
import { createWorkerEncoderService } from '../codesets/encoder/worker-service';

/** The encoder components' view of a code set (they import it from here, not from codesets/). */
export { lazyInPageEncoderService };
export type { CodeDetail, CodeLine, EncoderService, IndexNode } from '../codesets/encoder/service';

export type EngineMode = 'probing' | 'official' | 'starter';

export class CodeEngine {
  readonly #client: () => CodesetClient;
  readonly #starter: () => CodeCatalog;
  #probe: Promise<EngineMode> | null = null;
  mode = $state<EngineMode>('probing');
  /** Status line text for `date`. */
  line = $state('Checking for official code sets…');
  loading = $state(false);
  date = $state<string | null>(null);
  /** Why the worker could not be used, when it could not. */
  problem = $state<string | null>(null);
  timings = $state<Record<string, number>>({});
  #seq = 0;
  #inflight: { date: string; p: Promise<void> } | null = null;

  constructor(client: () => CodesetClient, starter: () => CodeCatalog) {
    this.#client = client;
    this.#starter = starter;
  }

  get client(): CodesetClient {
    return this.#client();
  }

  /** Resolves once it is known whether official bundles exist. Never rejects. */
  ready(): Promise<EngineMode> {
    this.#probe ??= this.#client()
      .request({ type: 'engine.status' })
      .then((s) => {
        this.mode = s.mode;
        if (this.date === null) this.#show(s);
        return s.mode;
      })
      .catch((e: unknown) => {
        this.problem = e instanceof Error ? e.message : String(e);
        this.mode = 'starter';
        this.line = this.#starterLine();
        return 'starter' as const;
      });
    return this.#probe;
  }

  get official(): boolean {
    return this.mode === 'official';
  }

  /**
   * Loads the release for a date of service (and its search index) and updates the line. Asks
   * the worker each time, so code sets imported in Settings since the probe are picked up.
   */
  use(date: string): Promise<void> {
    // Asked again for the date being loaded (the app starts it as a case route opens, the case
    // screen once mounted): the request in flight answers both.
    if (this.#inflight?.date === date) return this.#inflight.p;
    const p: Promise<void> = this.#use(date).finally(() => {
      if (this.#inflight?.p === p) this.#inflight = null;
    });
    this.#inflight = { date, p };
    return p;
  }

  async #use(date: string): Promise<void> {
    this.date = date;
    const mine = ++this.#seq;
    if ((await this.ready()) === 'official') {
      this.loading = true;
      this.line = `Loading the official code sets for ${date}…`;
    }
    try {
      const s = await this.#client().request({ type: 'engine.status', date, load: true });
      if (mine !== this.#seq) return;
      this.problem = null;
      this.mode = s.mode;
      this.#show(s);
    } catch (e) {
      if (mine !== this.#seq) return;
      const why = e instanceof Error ? e.message : String(e);
      if (this.mode === 'official')
        this.line = `The official code sets for ${date} could not be loaded: ${why}`;
      else {
        this.problem = why;
        this.line = this.#starterLine();
      }
    } finally {
      if (mine === this.#seq) this.loading = false;
    }
  }

  /**
   * Loads the release of a date of service in the worker ahead of need (the case list, idle),
   * so a case opened next finds its search index built. Changes nothing the page shows; the
   * worker keeps the release, and `use` of the same release answers from it. Never rejects.
   */
  async warm(date: string): Promise<void> {
    if ((await this.ready()) !== 'official' || this.#inflight) return;
    try {
      await this.#client().request({ type: 'engine.status', date, load: true });
    } catch {
      // `use` reports the problem when a case needs the release.
    }
  }

  /** The encoder for a date: the worker's when official bundles exist, else in the page. */
  encoder(catalog: CodeCatalog, date: string): EncoderService {
    return this.official
      ? createWorkerEncoderService(this.#client(), date)
      : lazyInPageEncoderService(catalog, date);
  }

  #show(s: EngineStatus) {
    this.line = s.mode === 'official' ? s.line : this.#starterLine();
    this.timings = s.timings;
  }

  #starterLine(): string {
    const why = this.problem ? ` (official code sets unavailable: ${this.problem})` : '';
    return `${this.#starter().describe()}${why}`;
  }
}
