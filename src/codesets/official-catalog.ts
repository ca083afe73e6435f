/**
 * The official catalog (CodeCatalog) over decoded bundles. Works in Node and in the browser
 * worker: it is given loaders, not paths. ICD-10-CM releases are decoded on first use, so
 * asking for a 2026 date of service loads FY2026 only. A date no release covers is an error
 * naming the date and the loaded ranges, never a guess.
 */
import type {
  CodeCatalog,
  IcdEntry,
  IcdNote,
  IcdRelease,
  MceEdits,
  ModifierEntry,
  PlaceOfService,
  ProcedureEntry,
  SeventhCharacterRule,
} from '../domain/codes/catalog';
import type { Result } from '../domain/result';
import type { IcdBundle } from './bundle';
import type { HcpcsRecord } from './hcpcs';
import { OfficialIcdRelease } from './icd-release';
import type { MceLists } from './mce';
import type { PlaceOfServiceEntry } from './pos';

export interface IcdSource {
  id: string;
  from: string;
  to: string;
  notesRelease: string | null;
  /** Decodes the bundle; throws an Error naming the file when it is unreadable. */
  load(): IcdBundle;
  /** False when load() would throw because the bundle has not been fetched (the worker). */
  ready?(): boolean;
}

export interface HcpcsSource {
  id: string;
  from: string;
  to: string;
  load(): HcpcsRecord[];
}

export interface OfficialSources {
  icd: IcdSource[];
  hcpcs?: HcpcsSource[];
  pos?: { id: string; load(): PlaceOfServiceEntry[] };
  mce?: { id: string; load(): MceLists };
  /** Answers CPT codes (our own wording) and modifiers the HCPCS file does not carry. */
  fallback?: CodeCatalog;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** An IcdRelease whose data is decoded on first use. */
class LazyRelease implements IcdRelease {
  readonly origin = 'official' as const;
  #r: OfficialIcdRelease | null = null;
  constructor(readonly src: IcdSource) {}
  get id() {
    return this.src.id;
  }
  get from() {
    return this.src.from;
  }
  get to() {
    return this.src.to;
  }
  get notesRelease() {
    return this.src.notesRelease;
  }
  get loaded(): boolean {
    return this.#r !== null;
  }
  ready = (): boolean => this.#r !== null || (this.src.ready?.() ?? true);
  /** The decoded release (OfficialIcdRelease: chapters, sections, columns, addenda). */
  official(): OfficialIcdRelease {
    return (this.#r ??= new OfficialIcdRelease(this.src.load()));
  }
  size = () => this.official().size();
  get = (c: string): IcdEntry | undefined => this.official().get(c);
  children = (c: string): string[] => this.official().children(c);
  parent = (c: string): string | undefined => this.official().parent(c);
  seventh = (c: string): SeventhCharacterRule | undefined => this.official().seventh(c);
  notes = (c: string): IcdNote[] => this.official().notes(c);
  entries = (): Iterable<IcdEntry> => this.official().entries();
}

export class OfficialCatalog implements CodeCatalog {
  readonly #icd: LazyRelease[];
  readonly #src: OfficialSources;
  #hcpcs = new Map<string, Map<string, HcpcsRecord>>();
  #pos: Map<string, PlaceOfServiceEntry> | null = null;
  #mce: Map<string, MceEdits> | null = null;

  constructor(src: OfficialSources) {
    this.#src = src;
    this.#icd = [...src.icd]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((s) => new LazyRelease(s));
  }

  describe(): string {
    const icd = this.#icd.map((r) => r.id).join(', ');
    const notes = [...new Set(this.#icd.map((r) => r.notesRelease).filter(Boolean))].join(', ');
    const parts = [`ICD-10-CM ${icd || '(none)'}${notes ? ` (tabular notes from ${notes})` : ''}`];
    if (this.#src.hcpcs?.length) parts.push(`HCPCS ${this.#src.hcpcs.map((h) => h.id).join(', ')}`);
    if (this.#src.pos) parts.push(`place of service ${this.#src.pos.id}`);
    if (this.#src.mce) parts.push(`MCE ${this.#src.mce.id}`);
    return `Official code sets: ${parts.join('; ')}`;
  }

  icd10(date: string): Result<IcdRelease> {
    if (!ISO.test(date) || Number.isNaN(Date.parse(date)))
      return {
        ok: false,
        errors: [{ path: 'date', message: `"${date}" is not a date (YYYY-MM-DD)` }],
      };
    const r = this.#icd.find((x) => date >= x.from && date <= x.to);
    if (!r) {
      const loaded = this.#icd.map((x) => `${x.id} (${x.from} to ${x.to})`).join(', ') || 'none';
      return {
        ok: false,
        errors: [
          {
            path: 'date',
            message: `no loaded ICD-10-CM release covers ${date}; loaded: ${loaded}. Import the release for that year (Settings → Code sets or codesets build).`,
          },
        ],
      };
    }
    try {
      r.official();
    } catch (e) {
      return { ok: false, errors: [{ path: r.id, message: (e as Error).message }] };
    }
    return { ok: true, value: r };
  }

  /** A release by id ("FY2026"), loaded. */
  release(id: string): Result<OfficialIcdRelease> {
    const r = this.#icd.find((x) => x.id.toUpperCase() === id.trim().toUpperCase());
    if (!r)
      return {
        ok: false,
        errors: [
          {
            path: 'release',
            message: `no release ${id}; loaded: ${this.#icd.map((x) => x.id).join(', ') || 'none'}`,
          },
        ],
      };
    try {
      return { ok: true, value: r.official() };
    } catch (e) {
      return { ok: false, errors: [{ path: r.id, message: (e as Error).message }] };
    }
  }

  releases(): IcdRelease[] {
    return [...this.#icd];
  }

  /**
   * HCPCS Level II from the newest loaded annual file not after the date (the file's own
   * added/termination dates decide validity); CPT and codes missing there go to the fallback.
   */
  procedure(code: string, date: string): ProcedureEntry | undefined {
    const k = code.trim().toUpperCase();
    const rec = this.#hcpcsRecord(k, date, 'procedure');
    if (rec)
      return {
        code: k,
        system: 'HCPCS',
        display: rec.long,
        effective: rec.added,
        terminated: rec.terminated,
        ownWording: false,
      };
    return this.#src.fallback?.procedure(k, date);
  }

  modifier(code: string, date: string): ModifierEntry | undefined {
    const k = code.trim().toUpperCase();
    const rec = this.#hcpcsRecord(k, date, 'modifier');
    if (rec)
      return { code: k, display: rec.long, effective: rec.added, terminated: rec.terminated };
    return this.#src.fallback?.modifier(k, date);
  }

  /** The HCPCS record with its indicators (pricing, coverage, BETOS), whatever its dates. */
  hcpcs(code: string, date: string): HcpcsRecord | undefined {
    const src = this.#hcpcsSourceFor(date);
    return src ? this.#hcpcsMap(src).get(code.trim().toUpperCase()) : undefined;
  }

  mce(code: string): MceEdits | undefined {
    if (!this.#src.mce) return undefined;
    if (!this.#mce) {
      const l = this.#src.mce.load();
      const source = `MCE ${this.#src.mce.id}`;
      const m = new Map<string, MceEdits>();
      const at = (c: string) => m.get(c) ?? (m.set(c, { source }), m.get(c)!);
      for (const [age, codes] of Object.entries(l.age) as [
        NonNullable<MceEdits['age']>,
        string[],
      ][])
        for (const c of codes) at(c).age = age;
      for (const c of l.sex.M) at(c).sex = 'M';
      for (const c of l.sex.F) at(c).sex = 'F';
      for (const c of l.manifestation) at(c).manifestation = true;
      this.#mce = m;
    }
    return this.#mce.get(code.trim().toUpperCase().replace(/\./g, ''));
  }

  placeOfService(code: string): PlaceOfService | undefined {
    if (!this.#src.pos) return undefined;
    this.#pos ??= new Map(this.#src.pos.load().map((p) => [p.code, p]));
    return this.#pos.get(code.trim().padStart(2, '0'));
  }

  #hcpcsSourceFor(date: string): HcpcsSource | undefined {
    const list = [...(this.#src.hcpcs ?? [])].sort((a, b) => b.from.localeCompare(a.from));
    return list.find((h) => h.from <= date) ?? list[list.length - 1];
  }

  #hcpcsMap(src: HcpcsSource): Map<string, HcpcsRecord> {
    let m = this.#hcpcs.get(src.id);
    if (!m) {
      m = new Map(src.load().map((r) => [r.kind === 'modifier' ? `mod:${r.code}` : r.code, r]));
      this.#hcpcs.set(src.id, m);
    }
    return m;
  }

  #hcpcsRecord(code: string, date: string, kind: HcpcsRecord['kind']): HcpcsRecord | undefined {
    const src = this.#hcpcsSourceFor(date);
    if (!src) return undefined;
    const rec = this.#hcpcsMap(src).get(kind === 'modifier' ? `mod:${code}` : code);
    if (!rec) return undefined;
    if (rec.added && date < rec.added) return undefined;
    if (rec.terminated && date > rec.terminated) return undefined;
    return rec;
  }
}

/** Columns of a release for building a search index without an object per code. */
export interface IcdColumns {
  codes: readonly string[];
  /** One '0'/'1' character per code. */
  billable: string;
  long: readonly string[];
  short(): readonly string[];
}

/** Columnar view of any IcdRelease: zero-copy for official releases, built for others. */
export function releaseColumns(rel: IcdRelease): IcdColumns {
  if (rel instanceof LazyRelease) return rel.official().columns();
  const list = [...rel.entries()];
  return {
    codes: list.map((e) => e.code),
    billable: list.map((e) => (e.billable ? '1' : '0')).join(''),
    long: list.map((e) => e.long),
    short: () => list.map((e) => e.short),
  };
}
