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
  MceYears,
  ModifierEntry,
  PlaceOfService,
  ProcedureEntry,
  ProcedureVerdict,
  SeventhCharacterRule,
} from '../domain/codes/catalog';
import type { Result } from '../domain/result';
import { isIsoDate } from '../domain/time/dates';
import type { IcdBundle } from './bundle';
import type { HcpcsRecord } from './hcpcs';
import { OfficialIcdRelease } from './icd-release';
import { midYearAdded, midYearUpdate } from './icd/midyear';
import type { MceLists } from './mce';
import { NO_DESCRIPTION } from '../domain/codes/procedure-search';
import { PFS_DELETED, PFS_STATUS, type PfsCodeList } from './mpfs/codes';
import type { PlaceOfServiceEntry } from './pos';

type OlderAge = NonNullable<MceLists['olderAge']>[number];

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
  /** The PFS RVU file's code list (every CPT and many HCPCS numbers, with status). */
  pfs?: { id: string; load(): PfsCodeList };
  /** Licensed CPT descriptions the user imported (code -> description), never shipped. */
  cpt?: { id: string; load(): Map<string, string> };
  /** Answers CPT codes (our own wording) and modifiers the HCPCS file does not carry. */
  fallback?: CodeCatalog;
}

/**
 * An IcdRelease whose data is decoded on first use. A code a mid-year update added that the
 * release's own file lacks (FY2023 is built from the October 2022 tabular, before the April 2023
 * update) is taken from the newest later release that has it; a code the update made a header
 * is a header here (validity.ts accepts it as billable before the update's date).
 * See: src/codesets/icd/midyear.ts; issue 10 "Mid-year ICD-10-CM updates count".
 */
class LazyRelease implements IcdRelease {
  readonly origin = 'official' as const;
  #r: OfficialIcdRelease | null = null;
  #added: Map<string, IcdEntry> | null = null;
  constructor(
    readonly src: IcdSource,
    /** Later releases, nearest first (for the entries of mid-year additions). */
    readonly later: () => LazyRelease[] = () => [],
  ) {}
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
  midYear = (c: string) => midYearUpdate(this.src.id, c);
  ready = (): boolean => this.#r !== null || (this.src.ready?.() ?? true);
  /** The decoded release (OfficialIcdRelease: chapters, sections, columns, addenda). */
  official(): OfficialIcdRelease {
    return (this.#r ??= new OfficialIcdRelease(this.src.load()));
  }
  /** Mid-year additions missing from the release's file, with a later release's entry. */
  #missing(): Map<string, IcdEntry> {
    if (this.#added) return this.#added;
    const out = new Map<string, IcdEntry>();
    const own = this.official();
    const codes = midYearAdded(this.src.id).filter((c) => !own.get(c));
    if (codes.length) {
      const later = this.later().filter((r) => r.ready());
      for (const c of codes) {
        const e = later.map((r) => r.official().get(c)).find(Boolean);
        if (e) out.set(c, e);
      }
    }
    // Cache only once a later release could answer (the browser worker loads them on demand).
    if (!codes.length || out.size) this.#added = out;
    return out;
  }
  size = () => this.official().size() + this.#missing().size;
  get = (c: string): IcdEntry | undefined => {
    const e = this.official().get(c) ?? this.#missing().get(c);
    if (e?.billable && this.midYear(c)?.kind === 'became-header') return { ...e, billable: false };
    return e;
  };
  children = (c: string): string[] => {
    const own = this.official().children(c);
    const extra = [...this.#missing().keys()].filter((k) => this.parent(k) === c);
    return extra.length ? [...own, ...extra.filter((k) => !own.includes(k))] : own;
  };
  parent = (c: string): string | undefined => {
    if (!this.#missing().has(c)) return this.official().parent(c);
    for (let n = c.length - 1; n >= 3; n--) if (this.get(c.slice(0, n))) return c.slice(0, n);
    return undefined;
  };
  seventh = (c: string): SeventhCharacterRule | undefined => this.official().seventh(c);
  notes = (c: string): IcdNote[] => this.official().notes(c);
  entries = (): Iterable<IcdEntry> => {
    const extra = [...this.#missing().values()];
    return extra.length ? [...this.official().entries(), ...extra] : this.official().entries();
  };
}

export class OfficialCatalog implements CodeCatalog {
  readonly #icd: LazyRelease[];
  readonly #src: OfficialSources;
  #hcpcs = new Map<string, Map<string, HcpcsRecord>>();
  #pos: Map<string, PlaceOfServiceEntry> | null = null;

  constructor(src: OfficialSources) {
    this.#src = src;
    this.#icd = [...src.icd]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((s) => new LazyRelease(s, () => this.#icd.filter((r) => r.from > s.from)));
  }

  describe(): string {
    const icd = this.#icd.map((r) => r.id).join(', ');
    const notes = [...new Set(this.#icd.map((r) => r.notesRelease).filter(Boolean))].join(', ');
    const parts = [`ICD-10-CM ${icd || '(none)'}${notes ? ` (tabular notes from ${notes})` : ''}`];
    if (this.#src.hcpcs?.length) parts.push(`HCPCS ${this.#src.hcpcs.map((h) => h.id).join(', ')}`);
    if (this.#src.pos) parts.push(`place of service ${this.#src.pos.id}`);
    if (this.#src.mce) parts.push(`MCE ${this.#src.mce.id}`);
    if (this.#src.pfs) parts.push(`PFS code list ${this.#src.pfs.id}`);
    if (this.#src.cpt) parts.push(`CPT descriptions ${this.#src.cpt.id}`);
    return `Official code sets: ${parts.join('; ')}`;
  }

  icd10(date: string): Result<IcdRelease> {
    if (!isIsoDate(date))
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
   * HCPCS Level II from the annual file for the date's year, or the oldest later one (its added
   * and termination dates carry the history), else the newest (a gap the verdict names); CPT
   * from the PFS code list; the starter set answers what neither list holds.
   * See: CMS Pub. 100-04 ch. 23 §20.7; issue 10 "Procedure codes are real codes".
   */
  procedure(code: string, date: string): ProcedureEntry | undefined {
    return this.procedureOn(code, date).entry;
  }

  procedureOn(code: string, date: string): ProcedureVerdict {
    const k = code.trim().toUpperCase();
    const year = Number(date.slice(0, 4));
    const pfs = this.#pfsList();
    const pfsName = pfs ? `CMS PFS ${pfs.list.id} code list` : '';
    const pfsCovers = !!pfs && pfs.list.year === year;
    const fromPfs = (): ProcedureVerdict | null => {
      const st = pfs?.byCode.get(k);
      if (!pfs || st === undefined) return null;
      // Deleted from the start of the list's year (RVU README, status D/F/H): valid before it.
      const gone = `${pfs.list.year - 1}-12-31`;
      if (PFS_DELETED.has(st) && date > gone)
        return { list: pfsName, covers: pfsCovers, terminated: gone };
      const entry = this.#pfsEntry(k, st, pfsName);
      return {
        list: pfsName,
        covers: pfsCovers,
        entry: PFS_DELETED.has(st) ? { ...entry, terminated: gone } : entry,
      };
    };
    const starter = (): ProcedureVerdict | null => {
      const e = this.#src.fallback?.procedure(k, date);
      return e
        ? { list: 'starter set', covers: false, entry: { ...e, source: 'starter set' } }
        : null;
    };
    if (/^[A-V]\d{4}$/.test(k)) {
      const src = this.#hcpcsSourceFor(date);
      if (src) {
        const list = `HCPCS ${src.id} file`;
        // A later file covers earlier dates through its added/termination dates.
        const covers = date <= src.to;
        const gap = covers ? {} : { gap: list };
        const rec = this.#hcpcsMap(src).get(k);
        if (rec) {
          if (rec.added && date < rec.added) return { list, covers, ...gap, effective: rec.added };
          if (rec.terminated && date > rec.terminated)
            return { list, covers, ...gap, terminated: rec.terminated };
          const entry: ProcedureEntry = {
            code: k,
            system: 'HCPCS',
            display: rec.long,
            effective: rec.added,
            terminated: rec.terminated,
            ownWording: false,
            source: list,
          };
          const st = pfs?.byCode.get(k);
          return { list, covers, ...gap, entry: st ? { ...entry, status: st } : entry };
        }
        // Added after this file: a later file gives its effective date.
        for (const later of this.#hcpcsLater(src)) {
          const r = this.#hcpcsMap(later).get(k);
          if (r?.added && r.added > date)
            return { list: `HCPCS ${later.id} file`, covers: true, effective: r.added };
        }
        if (covers) return { list, covers };
        // Added after the newest file on hand: the newer PFS code list knows it (issue 10).
        if (pfs && pfs.list.year > Number(src.id)) {
          const p = fromPfs();
          if (p) return { ...p, gap: list };
        }
        const st = starter();
        return st ? { ...st, gap: list } : { list, covers, gap: list };
      }
    }
    return fromPfs() ?? starter() ?? { list: pfsName || 'starter set', covers: pfsCovers };
  }

  procedures(date: string): ProcedureEntry[] {
    const out = new Map<string, ProcedureEntry>();
    for (const c of this.#pfsList()?.byCode.keys() ?? []) {
      const e = this.procedure(c, date);
      if (e) out.set(c, e);
    }
    const src = this.#hcpcsSourceFor(date);
    if (src)
      for (const r of this.#hcpcsMap(src).values())
        if (r.kind === 'procedure' && !out.has(r.code)) {
          const e = this.procedure(r.code, date);
          if (e) out.set(r.code, e);
        }
    for (const e of this.#src.fallback?.procedures?.(date) ?? [])
      if (!out.has(e.code) && this.procedure(e.code, date)) out.set(e.code, e);
    return [...out.values()];
  }

  modifiers(date: string): ModifierEntry[] {
    const out = new Map<string, ModifierEntry>();
    const src = this.#hcpcsSourceFor(date);
    if (src)
      for (const r of this.#hcpcsMap(src).values())
        if (r.kind === 'modifier') {
          const m = this.modifier(r.code, date);
          if (m) out.set(m.code, m);
        }
    for (const m of this.#src.fallback?.modifiers?.(date) ?? [])
      if (!out.has(m.code)) out.set(m.code, m);
    return [...out.values()];
  }

  #pfs: { list: PfsCodeList; byCode: Map<string, string> } | null | undefined;
  #cpt: Map<string, string> | null | undefined;

  #pfsList() {
    if (this.#pfs === undefined) {
      const l = this.#src.pfs?.load();
      this.#pfs = l ? { list: l, byCode: new Map(l.codes.map((c) => [c.code, c.status])) } : null;
    }
    return this.#pfs;
  }

  #pfsEntry(k: string, status: string, list: string): ProcedureEntry {
    const hcpcs = /^[A-V]\d{4}$/.test(k);
    this.#cpt ??= this.#src.cpt?.load() ?? null;
    const licensed = this.#cpt?.get(k);
    const own = this.#src.fallback?.procedure(k, '');
    const meaning = PFS_STATUS[status] ?? 'status not described';
    return {
      code: k,
      system: hcpcs ? 'HCPCS' : 'CPT',
      display:
        licensed ??
        own?.display ??
        `${hcpcs ? 'HCPCS' : 'CPT'} ${k} (PFS status ${status}: ${meaning}); ${NO_DESCRIPTION}`,
      effective: null,
      terminated: null,
      ownWording: !licensed && !!own?.ownWording,
      status,
      source: licensed ? `${list}; description from ${this.#src.cpt!.id}` : list,
    };
  }

  modifier(code: string, date: string): ModifierEntry | undefined {
    const k = code.trim().toUpperCase();
    const rec = this.#hcpcsRecord(k, date, 'modifier');
    if (rec)
      return { code: k, display: rec.long, effective: rec.added, terminated: rec.terminated };
    // A modifier the HCPCS files date (JZ added 2023-01-01) is not in effect outside those
    // dates: the undated starter list answers only for modifiers no file knows, as procedure
    // codes do (procedureOn). See: CMS Pub. 100-04 ch. 23 §20.7; issue 10.
    if (this.#hcpcsDatesModifier(k, date)) return undefined;
    return this.#src.fallback?.modifier(k, date);
  }

  /** True when the file for the date, or a later one, knows the modifier (so its dates rule). */
  #hcpcsDatesModifier(k: string, date: string): boolean {
    const src = this.#hcpcsSourceFor(date);
    if (!src) return false;
    if (this.#hcpcsMap(src).has(`mod:${k}`)) return true;
    return this.#hcpcsLater(src).some((later) => {
      const r = this.#hcpcsMap(later).get(`mod:${k}`);
      return !!r?.added && r.added > date;
    });
  }

  /** The HCPCS record with its indicators (pricing, coverage, BETOS), whatever its dates. */
  hcpcs(code: string, date: string): HcpcsRecord | undefined {
    const src = this.#hcpcsSourceFor(date);
    return src ? this.#hcpcsMap(src).get(code.trim().toUpperCase()) : undefined;
  }

  mce(code: string, date?: string): MceEdits | undefined {
    if (!this.#src.mce) return undefined;
    const l = this.#mceLists();
    const key = code.trim().toUpperCase().replace(/\./g, '');
    const older = date ? this.#olderAgeFor(date) : undefined;
    if (!older) return l.current.get(key);
    let m = this.#mceOlder.get(older.year);
    if (!m) {
      // The older release's age lists with the sex and manifestation lists on hand.
      const sexYear = this.#mceRaw?.sexYear;
      const source = `MCE ${older.version} (FY${older.year}) age lists${sexYear ? `, sex lists (FY${sexYear})` : ''}`;
      m = new Map<string, MceEdits>();
      for (const [c, e] of l.current) {
        const { age: _drop, ...rest } = e;
        void _drop;
        if (rest.sex || rest.manifestation) m.set(c, { ...rest, source });
      }
      for (const [age, codes] of Object.entries(older.age) as [
        NonNullable<MceEdits['age']>,
        string[],
      ][])
        for (const c of codes) m.set(c, { ...(m.get(c) ?? { source }), age });
      this.#mceOlder.set(older.year, m);
    }
    return m.get(key);
  }

  #mceCurrent: { current: Map<string, MceEdits> } | null = null;
  #mceOlder = new Map<number, Map<string, MceEdits>>();
  #mceRaw: MceLists | null = null;

  #mceLists(): { current: Map<string, MceEdits> } {
    if (this.#mceCurrent) return this.#mceCurrent;
    const l = (this.#mceRaw = this.#src.mce!.load());
    const source = `MCE ${this.#src.mce!.id}`;
    const m = new Map<string, MceEdits>();
    const at = (c: string) => m.get(c) ?? (m.set(c, { source }), m.get(c)!);
    for (const [age, codes] of Object.entries(l.age) as [NonNullable<MceEdits['age']>, string[]][])
      for (const c of codes) at(c).age = age;
    for (const c of l.sex.M) at(c).sex = 'M';
    for (const c of l.sex.F) at(c).sex = 'F';
    for (const c of l.manifestation) at(c).manifestation = true;
    return (this.#mceCurrent = { current: m });
  }

  /**
   * The older age list that answers for a date, or undefined when the newest list does: the
   * list of the date's fiscal year, else the newest before it, else (before every list) the
   * oldest. See: MceYears in domain/codes/catalog.ts.
   */
  #olderAgeFor(date: string): OlderAge | undefined {
    this.#mceLists();
    const l = this.#mceRaw!;
    if (!l.olderAge?.length || !l.ageYear || !/^\d{4}-\d{2}/.test(date)) return undefined;
    const fy = Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= 10 ? 1 : 0);
    if (fy >= l.ageYear) return undefined;
    const before = l.olderAge.filter((o) => o.year <= fy).sort((a, b) => b.year - a.year)[0];
    return before ?? [...l.olderAge].sort((a, b) => a.year - b.year)[0];
  }

  mceYears(date?: string): MceYears {
    if (!this.#src.mce) return {};
    this.#mceLists();
    const l = this.#mceRaw!;
    const older = date ? this.#olderAgeFor(date) : undefined;
    const age = older?.year ?? l.ageYear;
    const ageVersion =
      older?.version ?? (l.version ? `v${l.version.split(' age lists')[0]}` : undefined);
    return {
      ...(age ? { age } : {}),
      ...(l.sexYear ? { sex: l.sexYear } : {}),
      ...(ageVersion ? { ageVersion } : {}),
    };
  }

  placeOfService(code: string): PlaceOfService | undefined {
    if (!this.#src.pos) return undefined;
    this.#pos ??= new Map(this.#src.pos.load().map((p) => [p.code, p]));
    return this.#pos.get(code.trim().padStart(2, '0'));
  }

  /** Sorted by end date once (this runs for every code of every claim). */
  #hcpcsByEnd: HcpcsSource[] | undefined;

  #hcpcsLater(src: HcpcsSource): HcpcsSource[] {
    return (this.#src.hcpcs ?? []).filter((h) => h.from > src.to);
  }

  /** The file for the date's year, else the oldest later one, else the newest (a gap). */
  #hcpcsSourceFor(date: string): HcpcsSource | undefined {
    const list = (this.#hcpcsByEnd ??= [...(this.#src.hcpcs ?? [])].sort((a, b) =>
      a.to.localeCompare(b.to),
    ));
    return list.find((h) => date <= h.to) ?? list[list.length - 1];
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
