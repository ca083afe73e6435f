/**
 * Where the code-set engine's bundles come from and how each is loaded once: the served
 * manifest (/codesets/manifest.json) and file list (files.json), the bundles imported in this
 * browser (IndexedDB), ICD-10-CM releases decoded on first use, the small JSON bundles (HCPCS,
 * POS, MCE), the MPFS tables, and the CodeCatalog over them. Requests are handled concurrently,
 * so every load is a shared promise: one fetch per bundle however many requests ask for it.
 * See: engine.ts (the handler), issue 3 "In the app".
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog, IcdRelease } from '../domain/codes/catalog';
import type { MpfsTables } from '../domain/payer/pricing/fees';
import type { Problem } from '../domain/result';
import { isIsoDate } from '../domain/time/dates';
import {
  decodeIcdBundle,
  decodeIcdHead,
  decodeNoteLine,
  type IcdBundle,
  type IcdHead,
} from './bundle';
import type { NotesSource } from './icd/release';
import { decodeJsonBundle, type JsonBundle } from './json-bundle';
import { parseManifest, type Manifest, type ManifestEntry } from './manifest';
// The MPFS, NCCI and ASP readers (and the curated NCCI set) are imported when the payer first
// asks for them, so they stay out of the worker's first chunk (issue 9 "A lean first load").
import type { NcciBundleJson, NcciFromBundles } from './ncci/bundle-format';
import type { AspTable } from '../domain/payer/pricing/asp';
import type { PfsCodeList } from './mpfs/codes';
import { OfficialCatalog, type OfficialSources } from './official-catalog';
import { parseFyId } from './release-year';
import { starterCatalog } from './starter';

/** What the engine needs from its host (the worker: fetch + IndexedDB; tests: files on disk). */
export interface EngineIo {
  /** Bytes of a served file under /codesets/, or null when the server does not have it. */
  fetchFile(name: string): Promise<Uint8Array | null>;
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  /** Bundles imported in this browser (Settings → Code sets); absent in Node. */
  imported?: {
    read(): Promise<Manifest>;
    bundle(file: string): Promise<string>;
    store(items: { entry: ManifestEntry; text: string }[]): Promise<Manifest>;
    remove(kind: ManifestEntry['kind'], id: string): Promise<Manifest>;
  };
  /** Clock for load timings (ms). */
  now?: () => number;
}

/** An error that carries problems (path + message) back to the page as they are. */
export class RequestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

export interface Slot {
  entry: ManifestEntry;
  origin: 'server' | 'imported';
  text?: string;
}

const dec = new TextDecoder();
const once = <T>(cache: Map<unknown, Promise<T>>, key: unknown, load: () => Promise<T>) => {
  let p = cache.get(key);
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key)); // a failed load is tried again next time
  }
  return p;
};

export class BundleSources {
  readonly io: EngineIo;
  readonly now: () => number;
  warnings: string[] = [];
  /** Load times in ms ("icd FY2026", "search FY2026"). */
  readonly timings: Record<string, number> = {};
  #loads = new Map<unknown, Promise<unknown>>();
  #icd = new Map<Slot, IcdBundle>();
  #json = new Map<Slot, JsonBundle>();
  /** The PFS code list, read from the MPFS bundle with its tables. */
  #pfs: PfsCodeList | null = null;
  #failed = new Set<Slot>();

  constructor(io: EngineIo) {
    this.io = io;
    this.now = io.now ?? (() => Date.now());
  }

  #once<T>(key: unknown, load: () => Promise<T>): Promise<T> {
    return once(this.#loads as Map<unknown, Promise<T>>, key, load);
  }

  /** Forgets everything loaded (after an import or a removal). */
  reset() {
    this.#loads.clear();
    this.#icd.clear();
    this.#json.clear();
    this.#failed.clear();
  }

  /**
   * Gunzips unless the bytes are already plain: static servers (sirv in `vite preview`, many
   * CDNs) send *.gz with Content-Encoding: gzip, and the browser then decompresses on its own.
   */
  inflate(b: Uint8Array): Promise<Uint8Array> | Uint8Array {
    return b[0] === 0x1f && b[1] === 0x8b ? this.io.gunzip(b) : b;
  }

  async text(name: string): Promise<string | null> {
    const b = await this.io.fetchFile(name);
    return b && dec.decode(await this.inflate(b));
  }

  /** Names of the other served files (search indexes, Alphabetic Index, MPFS): files.json. */
  servedFiles(): Promise<Set<string>> {
    return this.#once('files.json', async () => {
      try {
        const t = await this.text('files.json');
        const list: unknown = t === null ? [] : JSON.parse(t);
        return new Set(
          Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [],
        );
      } catch (e) {
        this.warnings.push(`cannot read codesets/files.json: ${(e as Error).message}`);
        return new Set<string>();
      }
    });
  }

  async #serverManifest(): Promise<ManifestEntry[]> {
    try {
      const t = await this.text('manifest.json');
      if (t === null) return [];
      const m = parseManifest(JSON.parse(t), 'codesets/manifest.json');
      if (m.ok) return m.value.bundles;
      this.warnings.push(m.message);
    } catch (e) {
      this.warnings.push(`cannot read codesets/manifest.json: ${(e as Error).message}`);
    }
    return [];
  }

  /** Served bundles, then imported ones: an imported release replaces the served one (kind + id). */
  slots(): Promise<Slot[]> {
    return this.#once('slots', async () => {
      this.warnings = [];
      const served = (await this.#serverManifest()).map((entry) => ({
        entry,
        origin: 'server' as const,
      }));
      let imported: Slot[] = [];
      try {
        imported = ((await this.io.imported?.read())?.bundles ?? []).map((entry) => ({
          entry,
          origin: 'imported' as const,
        }));
      } catch (e) {
        this.warnings.push((e as Error).message);
      }
      const key = (s: Slot) => `${s.entry.kind}:${s.entry.id}`;
      const mine = new Set(imported.map(key));
      return [...served.filter((s) => !mine.has(key(s))), ...imported];
    });
  }

  async #slotText(s: Slot): Promise<string> {
    if (s.text !== undefined) return s.text;
    if (s.origin === 'imported' && this.io.imported)
      return (s.text = await this.io.imported.bundle(s.entry.file));
    const t = await this.text(s.entry.file);
    if (t === null) throw new Error(`codesets/${s.entry.file}: not found on the server`);
    return (s.text = t);
  }

  /**
   * The halves of a served ICD-10-CM bundle (vite-plugin.ts cuts each in a head and a tail), or
   * null when the server has only the whole file (or the release was imported in this browser).
   */
  async #halves(s: Slot): Promise<{ head: string; tail: string } | null> {
    const m = /^(icd10cm-[\w-]+)\.txt\.gz$/.exec(s.entry.file);
    if (s.origin !== 'server' || !m) return null;
    const files = await this.servedFiles();
    const head = `${m[1]}.head.txt.gz`;
    const tail = `${m[1]}.tail.txt.gz`;
    return files.has(head) && files.has(tail) ? { head, tail } : null;
  }

  async #served(name: string): Promise<string> {
    const t = await this.text(name);
    if (t === null) throw new Error(`codesets/${name}: not found on the server`);
    return t;
  }

  /** The head half's text of a bundle served in halves (fetched once). */
  #headText(name: string): Promise<string> {
    return this.#once(`text:${name}`, () => this.#served(name));
  }

  /** The bundle's text: the whole file, or its head and tail when served in halves. */
  async #icdText(s: Slot): Promise<string> {
    const halves = await this.#halves(s);
    if (!halves) return this.#slotText(s);
    const [head, tail] = await Promise.all([
      this.#headText(halves.head),
      this.#served(halves.tail),
    ]);
    return head + tail;
  }

  /**
   * What the encoder's search index is built from (codes, billable flags, long titles): from the
   * release when it is loaded, else from the head of a bundle served in halves, so the index is
   * ready before the short titles, notes and addenda arrive (issue 9 "A lean first load"). Null
   * when the bundle is served whole: the caller loads the release.
   */
  async searchColumns(s: Slot): Promise<IcdHead | null> {
    const b = this.#icd.get(s);
    if (b) return b;
    const halves = await this.#halves(s);
    if (!halves) return null;
    return this.#once(`head:${s.entry.file}`, async () => {
      const t0 = this.now();
      const r = decodeIcdHead(await this.#headText(halves.head), halves.head);
      if (!r.ok) throw new RequestError(r.errors);
      this.timings[`icd head ${s.entry.id}`] = Math.round(this.now() - t0);
      return r.value;
    });
  }

  ensureIcd(s: Slot): Promise<IcdBundle> {
    return this.#once(s, async () => {
      const t0 = this.now();
      const r = decodeIcdBundle(await this.#icdText(s), s.entry.file);
      if (!r.ok) throw new RequestError(r.errors);
      s.text = ''; // the decoded columns hold what is needed; let the big string go
      for (const k of [...this.#loads.keys()])
        if (typeof k === 'string' && k.startsWith('text:icd10cm-')) this.#loads.delete(k);
      this.#icd.set(s, r.value);
      this.timings[`icd ${s.entry.id}`] = Math.round(this.now() - t0);
      return r.value;
    });
  }

  #ensureJson(s: Slot): Promise<JsonBundle> {
    return this.#once(s, async () => {
      const r = decodeJsonBundle(await this.#slotText(s), s.entry.file);
      if (!r.ok) throw new Error(r.message);
      this.#json.set(s, r.value);
      return r.value;
    });
  }

  loaded(s: Slot): boolean {
    return this.#icd.has(s) || this.#json.has(s);
  }

  /**
   * The official catalog over the slots (ICD releases decoded on demand), or the starter set,
   * with the PFS code list procedure validity reads (issue 10) from the MPFS bundle.
   */
  catalog(): Promise<CodeCatalog> {
    return this.#once('catalog', async () => {
      const { cat, sources } = await this.#baseCatalog();
      if (!sources) return cat;
      // POS and MCE (35 KB gzip) are read by the edits only, so they join here, not before the
      // encoder is ready. The catalog reads its sources when asked (an absent one is not kept).
      const small = (await this.slots()).filter((s) => ['pos', 'mce'].includes(s.entry.kind));
      const json = new Map<Slot, JsonBundle>();
      for (const s of small)
        await this.#ensureJson(s).then(
          (b) => json.set(s, b),
          (e: Error) => this.warnings.push(e.message),
        );
      const of = <K extends JsonBundle['kind']>(k: K) =>
        [...json.values()].filter((b): b is Extract<JsonBundle, { kind: K }> => b.kind === k);
      const pos = of('pos')[0];
      const mce = of('mce')[0];
      if (pos) sources.pos = { id: pos.id, load: () => pos.data };
      if (mce) sources.mce = { id: mce.id, load: () => mce.data };
      await this.mpfs().catch((e: Error) => this.warnings.push(e.message));
      const pfs = this.#pfs;
      // The catalog reads its sources when asked, so the list joins the object the encoder holds.
      if (pfs) sources.pfs = { id: pfs.id, load: () => pfs };
      return cat;
    });
  }

  /**
   * The same catalog before the MPFS bundle (131 KB, and a 1.2 MB JSON parse) and the POS and MCE
   * bundles are loaded: what the encoder needs (ICD-10-CM releases), ready sooner. Only the encoder and ICD lookups use it;
   * procedures go through catalog() or procedures(), which wait for the PFS code list, so the
   * catalog never asks for the list before it is there (it would remember it as absent).
   */
  #baseCatalog(): Promise<{ cat: CodeCatalog; sources: OfficialSources | null }> {
    return this.#once('catalog-base', () => this.#makeCatalog());
  }

  async #makeCatalog(): Promise<{ cat: CodeCatalog; sources: OfficialSources | null }> {
    const all = await this.slots();
    const icd = all.filter((s) => s.entry.kind === 'icd10cm');
    if (!icd.length) return { cat: starterCatalog(), sources: null };
    // HCPCS (0.5 MB) is loaded when procedures are first needed (procedures()), POS and MCE with
    // the full catalog (catalog()): none of them is needed for the encoder.
    const sources: OfficialSources = {
      icd: icd.map((s) => {
        const e = s.entry as Extract<ManifestEntry, { kind: 'icd10cm' }>;
        return {
          id: e.id,
          from: e.from,
          to: e.to,
          notesRelease: e.notesRelease,
          ready: () => this.#icd.has(s),
          load: () => {
            const b = this.#icd.get(s);
            if (!b) throw new Error(`${e.id} is not loaded yet`);
            return b;
          },
        };
      }),
      hcpcs: all.flatMap((s) =>
        s.entry.kind === 'hcpcs'
          ? [
              {
                id: s.entry.id,
                from: s.entry.from,
                to: s.entry.to,
                load: () => {
                  const b = this.#json.get(s);
                  if (b?.kind === 'hcpcs') return b.data;
                  // A bundle that failed to load is a warning already (Settings shows it).
                  if (this.#failed.has(s)) return [];
                  throw new Error(`HCPCS ${s.entry.id} is not loaded yet`);
                },
              },
            ]
          : [],
      ),
      fallback: starterCatalog(),
    };
    return { cat: new OfficialCatalog(sources), sources };
  }

  /** The catalog with the HCPCS bundles loaded: for procedure and modifier lookups, scrub and payer. */
  procedures(): Promise<CodeCatalog> {
    return this.#once('procedures', async () => {
      const cat = await this.catalog();
      for (const s of await this.slots())
        if (s.entry.kind === 'hcpcs')
          await this.#ensureJson(s).catch((e: Error) => {
            this.#failed.add(s);
            this.warnings.push(e.message);
          });
      return cat;
    });
  }

  async icdSlotFor(date: string): Promise<Slot | undefined> {
    return (await this.slots()).find(
      (x) => x.entry.kind === 'icd10cm' && date >= x.entry.from && date <= x.entry.to,
    );
  }

  /** The ICD-10-CM releases just before and just after a date no release covers. */
  async icdSlotsAround(date: string): Promise<Slot[]> {
    const icd = (await this.slots()).flatMap((slot) =>
      slot.entry.kind === 'icd10cm' ? [{ slot, from: slot.entry.from, to: slot.entry.to }] : [],
    );
    const before = icd.filter((x) => x.to < date).sort((a, b) => b.to.localeCompare(a.to))[0];
    const after = icd.filter((x) => x.from > date).sort((a, b) => a.from.localeCompare(b.from))[0];
    return [before?.slot, after?.slot].filter((x): x is Slot => !!x);
  }

  /** The catalog and the ICD-10-CM release for a date, loaded; a date no release covers throws. */
  async releaseFor(date: string): Promise<{ cat: CodeCatalog; rel: IcdRelease }> {
    const s = await this.icdSlotFor(date);
    // The catalog (over the manifests) is made while the release downloads and decodes.
    const catalog = this.#baseCatalog();
    if (s) await this.ensureIcd(s);
    const { cat } = await catalog;
    const r = cat.icd10(date);
    if (!r.ok) throw new RequestError(r.errors);
    return { cat, rel: r.value };
  }

  /** Loads every ICD-10-CM release the claims need (claim and line dates) before edits run. */
  async prepare(claims: readonly Claim[]): Promise<CodeCatalog> {
    const dates = new Set<string>();
    for (const c of claims) {
      dates.add(c.serviceDate);
      for (const l of c.lines) if (l.serviceDate) dates.add(l.serviceDate);
    }
    for (const d of dates) {
      if (!isIsoDate(d)) continue;
      const s = await this.icdSlotFor(d);
      if (s) await this.ensureIcd(s);
      // A year no release covers (FY2024): the releases on either side, which validity bridges
      // and the other diagnosis rules stand on, as in `claimlab check`. See: issue 10.
      else for (const n of await this.icdSlotsAround(d)) await this.ensureIcd(n);
    }
    return this.procedures();
  }

  /** The imported MPFS tables (mpfs-2025.json.gz), or null when not served. */
  mpfs(): Promise<MpfsTables | null> {
    return this.#once('mpfs', async () => {
      const [{ decodeMpfsBundle, MPFS_BUNDLE_FILE }, { pfsCodeList }] = await Promise.all([
        import('./mpfs/decode'),
        import('./mpfs/codes'),
      ]);
      const t = await this.text(MPFS_BUNDLE_FILE);
      if (t === null) return null;
      const json: unknown = JSON.parse(t);
      const r = decodeMpfsBundle(json, `codesets/${MPFS_BUNDLE_FILE}`);
      if (!r.ok) throw new RequestError(r.errors);
      this.#pfs = pfsCodeList(json);
      return r.value;
    });
  }

  /**
   * The CMS NCCI bundles served (ncci-<folder>.json.gz: 2026 MUEs, add-on code edits) laid over
   * the curated edits, or null when none is served: the page's scrub and adjudication apply the
   * same edits as `claimlab check` (issue 10).
   */
  ncci(): Promise<NcciFromBundles | null> {
    return this.#once('ncci', async () => {
      const { decodeNcciBundle, ncciFromBundles, NCCI_BUNDLE } =
        await import('./ncci/bundle-format');
      const names = [...(await this.servedFiles())].filter((f) => NCCI_BUNDLE.test(f)).sort();
      const bundles: NcciBundleJson[] = [];
      for (const n of names) {
        const t = await this.text(n);
        if (t === null) continue;
        const d = decodeNcciBundle(JSON.parse(t), `codesets/${n}`);
        if (!d.ok) throw new RequestError(d.errors);
        bundles.push(d.value);
      }
      return bundles.length ? ncciFromBundles(bundles, names) : null;
    });
  }

  /** The CMS ASP drug tables served (asp-<quarter>.json), before the packs' small tables. */
  asp(): Promise<AspTable[]> {
    return this.#once('asp', async () => {
      const names = [...(await this.servedFiles())]
        .filter((f) => /^asp-[\w-]+\.json$/.test(f))
        .sort();
      const { parseAspTable } = await import('../domain/payer/pricing/asp');
      const out: AspTable[] = [];
      for (const n of names) {
        const t = await this.text(n);
        if (t === null) continue;
        const r = parseAspTable(JSON.parse(t), `codesets/${n}`);
        if (!r.ok) throw new RequestError(r.errors);
        out.push(r.value);
      }
      return out;
    });
  }

  /** Notes of the releases available, so a new year without a tabular can inherit them. */
  async earlierNotes(): Promise<(NotesSource & { year: number })[]> {
    const out: (NotesSource & { year: number })[] = [];
    for (const s of await this.slots()) {
      if (s.entry.kind !== 'icd10cm' || !s.entry.notesRelease) continue;
      const year = parseFyId(s.entry.id);
      if (!year) continue;
      const b = await this.ensureIcd(s);
      out.push({
        year,
        release: s.entry.notesRelease,
        tabular: {
          chapters: b.chapters,
          sections: b.sections,
          notes: b.noteLines().map(decodeNoteLine),
          seventh: b.seventh,
        },
      });
    }
    return out;
  }
}
