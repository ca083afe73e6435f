/**
 * The studio's state (issue 14): the packs an instructor can see (shipped, read-only, and the
 * ones stored in this browser), and one pack open for editing at a time (PackEditor). Edits
 * are autosaved to IndexedDB a moment after each change (persistence/pack-store.ts), so they
 * survive a reload or a killed browser; undo and redo work within the editing session.
 * Problems show live: the structure on every change (the pack reader, each with its path), the
 * full `pack validate` (codes, answer keys through the scrubber and the payer) in the code-set
 * worker after a pause or when asked.
 */
import type { Problem } from '../domain/result';
import type { PackValidation } from '../codesets/protocol';
import { PackConflictError } from '../persistence/pack-store';
import type { StoredPack } from '../persistence/stored-pack.record';
import {
  bumpVersion,
  copyPack,
  freeId,
  freeItemId,
  itemsOf,
  newItem,
  newPack,
  plainCopy,
  withItem,
  withoutItem,
  type BumpLevel,
  type ChangeInput,
  type EditablePart,
} from '../scenarios/authoring';
import { readAssembled } from '../scenarios/format/index';
import type { PackV2 } from '../scenarios/format/v2';
import { assembleStored, isStoredProblem, payersOf, storedBase } from '../scenarios/stored';
import { checkPack, parsePackText, type ImportResult } from '../scenarios/share';
import { findPack, packRef } from '../scenarios/versions';
import type { AppState } from './app.svelte';
import { EditHistory } from './edit-history';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface PackEntry {
  /** `shipped:<folder>` or `stored:<slot>`. */
  key: string;
  source: 'shipped' | 'authored' | 'imported';
  slot?: string;
  revision?: number;
  raw: unknown;
  id: string;
  version: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string;
  codeSets: string;
  cases: number;
  problems: Problem[];
}

function entryOf(
  raw: unknown,
  base: Omit<
    PackEntry,
    'id' | 'version' | 'title' | 'effectiveFrom' | 'effectiveTo' | 'codeSets' | 'cases' | 'raw'
  >,
): PackEntry {
  const p = isObj(raw) ? raw : {};
  const cs = isObj(p.codeSets) ? p.codeSets : {};
  return {
    ...base,
    raw,
    id: str(p.id) || '(no id)',
    version: str(p.version) || '(no version)',
    title: str(p.title) || '(untitled)',
    effectiveFrom: str(p.effectiveFrom),
    effectiveTo: str(p.effectiveTo),
    codeSets: Object.entries(cs)
      .map(([k, v]) => `${k.toUpperCase()} ${String(v)}`)
      .join(' · '),
    cases: Array.isArray(p.cases) ? p.cases.length : 0,
  };
}

export class StudioState {
  #app: AppState;
  constructor(app: AppState) {
    this.#app = app;
  }

  get app(): AppState {
    return this.#app;
  }

  /** Every pack: shipped first (read-only), then the stored ones. */
  get entries(): PackEntry[] {
    const app = this.#app;
    const shipped = app.shippedAssembled.map((a) => {
      const base = a.manifestFile.replace(/\/pack\.json$/, '');
      return entryOf(a.raw, {
        key: `shipped:${base}`,
        source: 'shipped',
        problems: app.packErrors.filter((e) => e.path.startsWith(`${base}/`)),
      });
    });
    const stored = app.storedPacks.map((s) =>
      entryOf(s.pack, {
        key: `stored:${s.slot}`,
        source: s.origin,
        slot: s.slot,
        revision: s.revision,
        problems: app.storedErrors.filter((e) => isStoredProblem(e, s.slot)),
      }),
    );
    return [...shipped, ...stored];
  }

  entry(slot: string): PackEntry | undefined {
    return this.entries.find((e) => e.slot === slot);
  }

  async #store(pack: Obj, origin: StoredPack['origin'] = 'authored'): Promise<string> {
    const slot = await this.#app.packStore.freeSlot(
      str(pack.id) || 'pack',
      str(pack.version) || '0.0.0',
    );
    await this.#app.packStore.save(slot, pack, null, origin);
    await this.#app.reloadStored();
    return slot;
  }

  /** A new empty pack with an id not used yet; resolves with its slot. */
  create(today: string): Promise<string> {
    const id = freeId(
      this.entries.map((e) => e.id),
      'my-pack',
    );
    return this.#store(newPack(id, today));
  }

  /** A copy of any pack with a new id (`<id>-copy`, `<id>-copy-2`, …): how a shipped pack is edited. */
  duplicate(e: PackEntry): Promise<string> {
    const id = freeId(
      this.entries.map((x) => x.id),
      `${e.id}-copy`.slice(0, 70),
    );
    return this.#store(copyPack(e.raw, id));
  }

  async remove(e: PackEntry): Promise<void> {
    if (!e.slot || e.revision === undefined) return;
    await this.#app.packStore.remove(e.slot, e.revision);
    await this.#app.reloadStored();
  }

  /** The structure context a pack is read with in this app (payers of every pack, its dependencies). */
  structureContext(raw: unknown) {
    const app = this.#app;
    const builtinPayers = payersOf(app.shippedAssembled, app.storedPacks);
    const deps = isObj(raw) && Array.isArray(raw.dependencies) ? raw.dependencies : [];
    const dependencies = deps.flatMap((d) =>
      isObj(d) && typeof d.id === 'string'
        ? (findPack(
            app.fullPacks,
            packRef(d.id, typeof d.version === 'string' ? d.version : undefined),
          ) ?? [])
        : [],
    );
    return { builtinPayers, dependencies };
  }

  /** Reads an imported file's text: size, JSON and structure, every problem listed. */
  checkImport(text: string, name: string): ImportResult {
    const r = parsePackText(text, name, {
      builtinPayers: this.structureContext(null).builtinPayers,
    });
    if (!r.ok) return r;
    return checkPack(r.raw, name, this.structureContext(r.raw));
  }

  /** The stored or shipped pack with this id and version, if any (an import would clash with it). */
  clash(id: string, version: string): PackEntry | undefined {
    return this.entries.find((e) => e.id === id && e.version === version);
  }

  /**
   * Stores an imported pack: a new slot, or over `replace` (a stored pack the author chose to
   * overwrite after being asked). A shipped pack is never overwritten.
   */
  async storeImport(raw: unknown, replace?: PackEntry): Promise<string> {
    if (replace?.slot && replace.revision !== undefined) {
      await this.#app.packStore.save(replace.slot, raw, replace.revision);
      await this.#app.reloadStored();
      return replace.slot;
    }
    return this.#store(raw as Obj, 'imported');
  }

  /** Stores the next version beside the current one (the refresher and the diff compare them). */
  async bump(
    raw: Obj,
    level: BumpLevel,
    change: ChangeInput,
    date: string,
  ): Promise<{ ok: true; slot: string } | { ok: false; problems: Problem[] }> {
    const r = bumpVersion(plainCopy(raw), level, change, date);
    if (!r.ok) return r;
    const clash = this.clash(str(r.pack.id), str(r.pack.version));
    if (clash)
      return {
        ok: false,
        problems: [
          {
            path: 'version',
            message: `version ${str(r.pack.version)} of ${str(r.pack.id)} exists already`,
          },
        ],
      };
    return { ok: true, slot: await this.#store(r.pack) };
  }

  /** Every loaded version of a pack id, full format (for the diff). */
  versionsOf(id: string): PackV2[] {
    return this.#app.fullPacks.filter((p) => p.id === id);
  }
}

export type SaveState =
  | { kind: 'saved'; revision: number }
  | { kind: 'pending' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string };

export type FullCheck =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: PackValidation; forRevision: number }
  | { kind: 'failed'; message: string };

/** One stored pack open for editing: its document, history, autosave and problems. */
export class PackEditor {
  readonly slot: string;
  #studio: StudioState;
  #history: EditHistory<Obj>;
  #pack = $state.raw<Obj>({});
  #revision: number;
  #save = $state.raw<SaveState>({ kind: 'saved', revision: 0 });
  #full = $state.raw<FullCheck>({ kind: 'idle' });
  #edits = $state(0);
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #checkTimer: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;
  #closed = false;
  /** Milliseconds after the last change before it is written / fully checked. */
  autosaveMs = 400;
  fullCheckMs = 2_000;

  constructor(studio: StudioState, stored: StoredPack) {
    this.#studio = studio;
    this.slot = stored.slot;
    this.#revision = stored.revision;
    this.#pack = isObj(stored.pack) ? stored.pack : {};
    this.#history = new EditHistory<Obj>(this.#pack);
    this.#save = { kind: 'saved', revision: stored.revision };
  }

  get pack(): Obj {
    return this.#pack;
  }
  get app(): AppState {
    return this.#studio.app;
  }
  get saveState(): SaveState {
    return this.#save;
  }
  get fullCheck(): FullCheck {
    return this.#full;
  }
  get canUndo(): boolean {
    void this.#edits;
    return this.#history.canUndo;
  }
  get canRedo(): boolean {
    void this.#edits;
    return this.#history.canRedo;
  }

  /** Structure problems of the pack as it stands (live, every change). */
  readonly structure = $derived.by((): Problem[] => {
    const r = readAssembled(
      assembleStored(this.slot, this.#pack),
      this.#studio.structureContext(this.#pack),
    );
    return r.problems.map((p) => ({
      ...p,
      path: p.path.replace(`${storedBase(this.slot)}/pack.json: `, ''),
    }));
  });

  /** Replaces the whole pack (the raw editor, or an item edit); `label` coalesces typing. */
  set(next: Obj, label = ''): void {
    this.#history.push(next, label);
    this.#apply(next);
  }

  undo(): void {
    const p = this.#history.undo();
    if (p) this.#apply(p);
  }
  redo(): void {
    const p = this.#history.redo();
    if (p) this.#apply(p);
  }

  #apply(next: Obj) {
    this.#pack = next;
    this.#edits++;
    this.#save = { kind: 'pending' };
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.flush(), this.autosaveMs);
    if (this.#checkTimer) clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => void this.runFullCheck(), this.fullCheckMs);
  }

  items(part: EditablePart): unknown[] {
    return itemsOf(this.#pack, part);
  }
  setItem(part: EditablePart, index: number, item: unknown, label = ''): void {
    this.set(withItem(this.#pack, part, index, item), label ? `${part}[${index}].${label}` : '');
  }
  /** Adds a new item; a case's date of service is the pack's first day in force (its code sets). */
  addItem(part: EditablePart, today: string): number {
    const from = this.#pack.effectiveFrom;
    const date = typeof from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : today;
    const base = {
      cases: 'case',
      templates: 'template',
      plans: 'plan',
      questionBanks: 'bank',
      rules: 'rule',
    }[part];
    const id = freeItemId(this.#pack, part, `new-${base}`);
    const index = this.items(part).length;
    this.set(withItem(this.#pack, part, index, newItem(part, id, date)));
    return index;
  }
  removeItem(part: EditablePart, index: number): void {
    this.set(withoutItem(this.#pack, part, index));
  }

  /** Writes the pack now (autosave calls it); a failure is retried with a growing delay. */
  async flush(): Promise<void> {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    if (this.#save.kind !== 'pending' && this.#save.kind !== 'failed') return;
    const pack = this.#pack;
    try {
      const rec = await this.#studio.app.packStore.save(this.slot, pack, this.#revision);
      this.#revision = rec.revision;
      this.#failures = 0;
      if (this.#pack === pack) this.#save = { kind: 'saved', revision: rec.revision };
      await this.#studio.app.reloadStored();
    } catch (e) {
      if (e instanceof PackConflictError) {
        this.#save = { kind: 'conflict', message: e.message };
        return;
      }
      this.#failures++;
      this.#save = {
        kind: 'failed',
        message: `${(e as Error).message ?? String(e)}: your changes are kept on this page and saved again shortly`,
      };
      if (!this.#closed)
        this.#saveTimer = setTimeout(
          () => void this.flush(),
          Math.min(30_000, 1_000 * 2 ** (this.#failures - 1)),
        );
    }
  }

  /** After a conflict: keep this page's pack as a new copy, or load the other save. */
  async resolveConflict(choice: 'reload' | 'save-copy'): Promise<string | null> {
    if (choice === 'reload') {
      const stored = await this.#studio.app.packStore.get(this.slot);
      if (stored) {
        this.#revision = stored.revision;
        this.#pack = isObj(stored.pack) ? stored.pack : {};
        this.#history = new EditHistory<Obj>(this.#pack);
        this.#edits++;
        this.#save = { kind: 'saved', revision: stored.revision };
      }
      return null;
    }
    const slot = await this.#studio.app.packStore.freeSlot(
      str(this.#pack.id),
      str(this.#pack.version),
    );
    await this.#studio.app.packStore.save(slot, this.#pack, null);
    await this.#studio.app.reloadStored();
    return slot;
  }

  /** The full `pack validate` in the code-set worker (codes, answer keys). */
  async runFullCheck(): Promise<void> {
    if (this.#checkTimer) clearTimeout(this.#checkTimer);
    this.#checkTimer = null;
    const pack = this.#pack;
    const at = this.#edits;
    this.#full = { kind: 'running' };
    try {
      const deps = this.#studio.structureContext(pack).dependencies;
      const result = await this.#studio.app.engine.client.request({
        type: 'pack.validate',
        pack: plainCopy(pack),
        dependencies: plainCopy(deps),
        label: this.slot,
      });
      if (this.#edits !== at) return; // a newer change runs its own check
      this.#full = {
        kind: 'done',
        forRevision: at,
        result: {
          ...result,
          problems: result.problems.map((p) => ({
            ...p,
            path: p.path.replace(`${storedBase(this.slot)}/pack.json: `, ''),
          })),
        },
      };
    } catch (e) {
      const problems = (e as { problems?: Problem[] }).problems;
      this.#full = {
        kind: 'failed',
        message: problems?.length
          ? problems.map((p) => `${p.path}: ${p.message}`).join('; ')
          : ((e as Error).message ?? String(e)),
      };
    }
  }

  /** Whether the full check's answer is for the pack as it stands. */
  get fullCheckCurrent(): boolean {
    return this.#full.kind === 'done' && this.#full.forRevision === this.#edits;
  }

  close(): void {
    this.#closed = true;
    if (this.#checkTimer) clearTimeout(this.#checkTimer);
    if (this.#save.kind === 'pending') void this.flush();
  }
}
