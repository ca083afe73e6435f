/**
 * The application's shared state: bundled scenario packs, the in-page code catalog (the starter
 * set), the code engine (the code-set worker over official bundles, when present), the progress
 * store and the router. Opening a case (open-case.ts) is loaded with the case screen, so the
 * machines and the payer stay out of the first load.
 */
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Problem } from '../domain/result';
import type { CodesetClient } from '../codesets/client';
import { codesetClient } from '../services/codeset-client';
import { starterCatalog } from '../codesets/starter';
import { loadBundledPacks } from '../scenarios/load';
import type { CaseFile, Pack } from '../scenarios/schema';
import type { CaseV2, PackV2 } from '../scenarios/format/v2';
import { localforageStore, type KeyValueStore } from '../persistence/kv';
import { ProgressStore } from '../persistence/progress-store';
import { browserCoordination } from '../persistence/coordination';
import {
  currentDurability,
  requestOnFirstGesture,
  type Durability,
} from '../persistence/durability';
import { CodeEngine } from './code-engine.svelte';
import { Router } from './router.svelte';

export class AppState {
  readonly packs: Pack[];
  /** The same packs in format 2 (tags, expected outcomes, question banks). */
  readonly full: PackV2[];
  readonly packErrors: Problem[];
  readonly store: ProgressStore;
  /** The key-value store under the progress store (the quiz and progress screens open their
   * history store on it when they load, so its code stays out of the first load). */
  readonly kv: KeyValueStore;
  readonly router: Router;
  /** The code-set worker over the official bundles, when there are any (else the starter set). */
  readonly engine: CodeEngine;
  #catalog = $state.raw<CodeCatalog>(starterCatalog());
  #durability = $state<Durability>('unknown');

  constructor(kv: KeyValueStore = localforageStore(), client: () => CodesetClient = codesetClient) {
    this.engine = new CodeEngine(client, () => this.#catalog);
    const loaded = loadBundledPacks();
    this.packs = loaded.packs;
    this.full = loaded.full ?? [];
    this.packErrors = loaded.errors;
    this.store = new ProgressStore(kv, { tabs: browserCoordination() });
    this.kv = kv;
    this.router = new Router();
    if (typeof window !== 'undefined') {
      void currentDurability().then((d) => (this.#durability = d));
      requestOnFirstGesture(window, (d) => (this.#durability = d));
    }
  }

  /** Whether the browser keeps saved work until the user clears it. */
  get durability(): Durability {
    return this.#durability;
  }

  get catalog(): CodeCatalog {
    return this.#catalog;
  }

  /** Switches the catalog the encoder, scrubber and payer use (e.g. after loading official bundles). */
  setCatalog(c: CodeCatalog) {
    this.#catalog = c;
  }

  /** A case in format 2 (for the whole-attempt key, tags and references). */
  caseV2(packId: string, caseId: string): CaseV2 | null {
    return this.full.find((p) => p.id === packId)?.cases.find((c) => c.id === caseId) ?? null;
  }

  findCase(packId: string, caseId: string): { pack: Pack; caseFile: CaseFile } | null {
    const pack = this.packs.find((p) => p.id === packId);
    const caseFile = pack?.cases.find((c) => c.id === caseId);
    return pack && caseFile ? { pack, caseFile } : null;
  }
}
