/**
 * The application's shared state: the scenario packs (fetched when the app starts, every version
 * of each pack id; the case list shows the newest), the in-page code catalog (the starter
 * set), the code engine (the code-set worker over official bundles, when present), the progress
 * store and the router. Opening a case (open-case.ts) is loaded with the case screen, so the
 * machines and the payer stay out of the first load.
 */
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Problem } from '../domain/result';
import type { CodesetClient } from '../codesets/client';
import { codesetClient } from '../services/codeset-client';
import { starterCatalog } from '../codesets/starter';
import { fetchShippedPacks, httpPackFetch, type LoadedPacks } from '../scenarios/load';
import type { PackV2 } from '../scenarios/format/v2';
import type { CaseFile, Pack } from '../scenarios/schema';
import { findPack, newestVersions } from '../scenarios/versions';
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

/** The packs served at /packs/ (src/scenarios/vite-plugin.ts) under the app's base URL. */
const PACKS_BASE = `${(import.meta.env?.BASE_URL as string | undefined) ?? '/'}packs/`;
const fetchPacks = () => fetchShippedPacks(httpPackFetch(PACKS_BASE));

export type PacksState =
  { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

export class AppState {
  #loaded = $state.raw<LoadedPacks>({ packs: [], full: [], errors: [] });
  #packsState = $state.raw<PacksState>({ kind: 'loading' });
  /** Resolves when the packs are loaded (or failed to load). */
  readonly packsReady: Promise<void>;
  readonly store: ProgressStore;
  readonly router: Router;
  /** The code-set worker over the official bundles, when there are any (else the starter set). */
  readonly engine: CodeEngine;
  #catalog = $state.raw<CodeCatalog>(starterCatalog());
  #durability = $state<Durability>('unknown');

  constructor(
    kv: KeyValueStore = localforageStore(),
    client: () => CodesetClient = codesetClient,
    packs: () => Promise<LoadedPacks> = fetchPacks,
  ) {
    this.engine = new CodeEngine(client, () => this.#catalog);
    this.packsReady = packs().then(
      (l) => {
        this.#loaded = l;
        this.#packsState = { kind: 'ready' };
      },
      (e: unknown) => {
        this.#packsState = { kind: 'failed', message: (e as Error).message ?? String(e) };
      },
    );
    this.store = new ProgressStore(kv, { tabs: browserCoordination() });
    this.router = new Router();
    if (typeof window !== 'undefined') {
      void currentDurability().then((d) => (this.#durability = d));
      requestOnFirstGesture(window, (d) => (this.#durability = d));
    }
  }

  /** Loading, ready, or failed with a message (the case list shows it). */
  get packsState(): PacksState {
    return this.#packsState;
  }

  /** The newest version of each pack id: what the case list and the practice use. */
  get packs(): Pack[] {
    return newestVersions(this.#loaded.packs);
  }

  /** Every loaded version of every pack (the refresher compares them). */
  get allPacks(): Pack[] {
    return this.#loaded.packs;
  }

  /** Every loaded version in the full format (changelog, questions), for the refresher. */
  get fullPacks(): PackV2[] {
    return this.#loaded.full;
  }

  get packErrors(): Problem[] {
    return this.#loaded.errors;
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

  /**
   * A case by route: `packRef` is a pack id (its newest version) or `<id>@<version>`
   * (versions.ts `findPack`).
   */
  findCase(packRef: string, caseId: string): { pack: Pack; caseFile: CaseFile } | null {
    const pack = findPack(this.#loaded.packs, packRef);
    const caseFile = pack?.cases.find((c) => c.id === caseId);
    return pack && caseFile ? { pack, caseFile } : null;
  }
}
