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
import { fetchShippedAssembled, httpPackFetch } from '../scenarios/load';
import type { Assembled } from '../scenarios/format/assemble';
import { readWithStored, type PackSetWithStored } from '../scenarios/stored';
import { PackStore } from '../persistence/pack-store';
import type { StoredPack } from '../persistence/stored-pack.record';
import type { CaseV2, PackV2 } from '../scenarios/format/v2';
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
const fetchPacks = () => fetchShippedAssembled(httpPackFetch(PACKS_BASE));

type Shipped = { assembled: Assembled[]; errors: Problem[] };

export type PacksState =
  { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

export class AppState {
  #loaded = $state.raw<PackSetWithStored>({ packs: [], full: [], errors: [], storedErrors: [] });
  #shipped = $state.raw<Shipped>({ assembled: [], errors: [] });
  #stored = $state.raw<StoredPack[]>([]);
  #storedUnreadable = $state.raw<Problem[]>([]);
  /** Packs authored or imported in this browser (the studio), read with the shipped ones. */
  readonly packStore: PackStore;
  #packsState = $state.raw<PacksState>({ kind: 'loading' });
  /** Resolves when the packs are loaded (or failed to load). */
  readonly packsReady: Promise<void>;
  readonly store: ProgressStore;
  /** The key-value store progress, quizzes and exams are kept in (IndexedDB through localforage). */
  readonly kv: KeyValueStore;
  readonly router: Router;
  /** The code-set worker over the official bundles, when there are any (else the starter set). */
  readonly engine: CodeEngine;
  #catalog = $state.raw<CodeCatalog>(starterCatalog());
  #durability = $state<Durability>('unknown');

  constructor(
    kv: KeyValueStore = localforageStore(),
    client: () => CodesetClient = codesetClient,
    packs: () => Promise<Shipped> = fetchPacks,
  ) {
    this.engine = new CodeEngine(client, () => this.#catalog);
    this.packStore = new PackStore(kv, { tabs: browserCoordination('claimlab-packs') });
    this.packStore.onChangedElsewhere(() => void this.reloadStored());
    this.packsReady = packs().then(
      async (l) => {
        this.#shipped = l;
        await this.reloadStored();
        this.#packsState = { kind: 'ready' };
      },
      (e: unknown) => {
        this.#packsState = { kind: 'failed', message: (e as Error).message ?? String(e) };
      },
    );
    this.store = new ProgressStore(kv, { tabs: browserCoordination() });
    this.kv = kv;
    this.router = new Router();
    if (typeof window !== 'undefined') {
      void currentDurability().then((d) => (this.#durability = d));
      requestOnFirstGesture(window, (d) => (this.#durability = d));
    }
  }

  /**
   * Reads the stored packs again (after the studio saved, or another tab did) and rebuilds the
   * pack set. A store that cannot be read leaves the shipped packs in place with the message.
   */
  async reloadStored(): Promise<void> {
    try {
      const l = await this.packStore.list();
      this.#stored = l.packs;
      this.#storedUnreadable = l.unreadable.map((u) => ({
        path: u.keptAs,
        message: `a stored pack could not be read and was kept aside (${u.problems
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; ')})`,
      }));
    } catch (e) {
      this.#storedUnreadable = [
        { path: 'studio', message: `the stored packs could not be read: ${String(e)}` },
      ];
    }
    this.#loaded = readWithStored(this.#shipped.assembled, this.#stored, this.#shipped.errors);
  }

  /** The shipped packs as assembled (single-file shape), for the studio's copies. */
  get shippedAssembled(): readonly Assembled[] {
    return this.#shipped.assembled;
  }

  /** The packs stored in this browser (authored and imported), readable or not as packs. */
  get storedPacks(): readonly StoredPack[] {
    return this.#stored;
  }

  /** Problems of the stored packs (each path starts `studio/<slot>/`), and unreadable records. */
  get storedErrors(): Problem[] {
    return [...this.#storedUnreadable, ...this.#loaded.storedErrors];
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

  /** The newest version of each pack in the full format (questions, exams, tags, keys). */
  get full(): PackV2[] {
    return newestVersions(this.#loaded.full);
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

  /** A case in format 2 (for the whole-attempt key, tags and references), by route as findCase. */
  caseV2(packRef: string, caseId: string): CaseV2 | null {
    return findPack(this.#loaded.full, packRef)?.cases.find((c) => c.id === caseId) ?? null;
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
