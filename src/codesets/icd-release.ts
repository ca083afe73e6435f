/**
 * One official ICD-10-CM release served from a decoded bundle (IcdRelease). Built for fast
 * start: one Map from code to row; children found by scanning forward (the order file lists a
 * code's descendants right after it); notes parsed on first use.
 */
import type { IcdEntry, IcdNote, IcdRelease, SeventhCharacterRule } from '../domain/codes/catalog';
import { icdKey } from '../domain/codes/code';
import { bundleEntry, decodeNoteLine, type IcdBundle } from './bundle';
import type { AddendaEntry } from './icd/addenda';
import { exceptionApplies } from './icd/expand';
import type { ReleaseSeventh } from './icd/release';
import type { TabularChapter, TabularSection } from './icd/tabular';

export class OfficialIcdRelease implements IcdRelease {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly origin = 'official' as const;
  readonly notesRelease: string | null;
  readonly sources: readonly string[];
  readonly #b: IcdBundle;
  #idx: Map<string, number> | null = null;
  readonly #rules = new Map<string, ReleaseSeventh>();
  #noteIndex: Map<string, number[]> | null = null;
  readonly #noteCache = new Map<number, IcdNote>();

  constructor(b: IcdBundle) {
    this.#b = b;
    this.id = b.header.id;
    this.from = b.header.from;
    this.to = b.header.to;
    this.notesRelease = b.header.notesRelease;
    this.sources = b.header.sources;
    for (const r of b.seventh) this.#rules.set(r.at, r);
  }

  /** Code -> row, built on first lookup (a search index built from columns() never needs it). */
  #index(): Map<string, number> {
    if (this.#idx) return this.#idx;
    const m = new Map<string, number>();
    const codes = this.#b.codes;
    for (let i = 0; i < codes.length; i++) m.set(codes[i]!, i);
    return (this.#idx = m);
  }

  size(): number {
    return this.#b.codes.length;
  }

  get(code: string): IcdEntry | undefined {
    const i = this.#index().get(icdKey(code));
    return i === undefined ? undefined : bundleEntry(this.#b, i);
  }

  has(code: string): boolean {
    return this.#index().has(icdKey(code));
  }

  children(code: string): string[] {
    const k = icdKey(code);
    const i = this.#index().get(k);
    if (i === undefined) return [];
    const out: string[] = [];
    const codes = this.#b.codes;
    for (let j = i + 1; j < codes.length && codes[j]!.startsWith(k); j++) {
      if (this.parent(codes[j]!) === k) out.push(codes[j]!);
    }
    return out;
  }

  parent(code: string): string | undefined {
    const k = icdKey(code);
    for (let n = k.length - 1; n >= 3; n--) {
      const p = k.slice(0, n);
      if (this.#index().has(p)) return p;
    }
    return undefined;
  }

  /** The rule at the code or the nearest prefix that has one (works for codes not in the release). */
  seventh(code: string): SeventhCharacterRule | undefined {
    const k = icdKey(code);
    for (let n = Math.min(k.length, 6); n >= 3; n--) {
      const r = this.#rules.get(k.slice(0, n));
      if (!r) continue;
      const base = k.slice(0, 6).padEnd(6, 'X');
      const characters: Record<string, string> = {};
      for (const [ch, meaning] of Object.entries(r.characters))
        if (!r.exceptions.some((e) => exceptionApplies(e, base, ch))) characters[ch] = meaning;
      return { characters, definedAt: r.at, source: r.source };
    }
    return undefined;
  }

  notes(code: string): IcdNote[] {
    const k = icdKey(code);
    const out: IcdNote[] = [];
    for (let n = k.length; n >= 3; n--) out.push(...this.#notesAt(k.slice(0, n)));
    const sec = this.section(k);
    if (sec) out.push(...this.#notesAt(sec.id), ...this.#notesAt(`chapter-${sec.chapter}`));
    return out;
  }

  *entries(): Iterable<IcdEntry> {
    for (let i = 0; i < this.#b.codes.length; i++) yield bundleEntry(this.#b, i);
  }

  /** Columnar access for the search index (no object per code). */
  columns(): {
    codes: readonly string[];
    billable: string;
    long: readonly string[];
    short(): readonly string[];
  } {
    return {
      codes: this.#b.codes,
      billable: this.#b.billable,
      long: this.#b.long,
      short: () => this.#b.short(),
    };
  }

  chapters(): readonly TabularChapter[] {
    return this.#b.chapters;
  }

  section(code: string): TabularSection | undefined {
    const cat = icdKey(code).slice(0, 3);
    return this.#b.sections.find((s) => cat >= s.first && cat <= s.last);
  }

  chapter(code: string): TabularChapter | undefined {
    const s = this.section(code);
    return s ? this.#b.chapters.find((c) => c.num === s.chapter) : undefined;
  }

  addenda(): readonly AddendaEntry[] {
    return this.#b.addenda;
  }

  /** Note lines by where they are attached; lines are decoded one by one when asked for. */
  #notesAt(at: string): IcdNote[] {
    if (!this.#noteIndex) {
      const m = new Map<string, number[]>();
      const lines = this.#b.noteLines();
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        const at = l.slice(0, l.indexOf('\t'));
        const list = m.get(at);
        if (list) list.push(i);
        else m.set(at, [i]);
      }
      this.#noteIndex = m;
    }
    const idx = this.#noteIndex.get(at);
    if (!idx) return [];
    return idx.map((i) => {
      let n = this.#noteCache.get(i);
      if (!n) this.#noteCache.set(i, (n = decodeNoteLine(this.#b.noteLines()[i]!)));
      return n;
    });
  }
}
