/**
 * Assembles one ICD-10-CM release from parsed official files: entries (order file, or the
 * tabular alone), the tabular notes and 7th-character rules (the release's own tabular, or the
 * newest earlier one for codes that still exist, each marked with its source year), the note
 * references parsed into matchers, and the addenda. Pure: no I/O.
 */
import type { IcdEntry, IcdNote } from '../../domain/codes/catalog';
import type { AddendaEntry } from './addenda';
import { parseNoteRefs, type NoteTarget } from './note-refs';
import type { TabularChapter, TabularData, TabularSection, TabularSeventh } from './tabular';

export interface ReleaseNote {
  at: string;
  kind: IcdNote['kind'];
  text: string;
  source: string;
  targets?: NoteTarget[];
}
export interface ReleaseSeventh extends TabularSeventh {
  source: string;
}

export interface IcdReleaseData {
  id: string;
  from: string;
  to: string;
  notesRelease: string | null;
  sources: string[];
  entries: IcdEntry[];
  chapters: TabularChapter[];
  sections: TabularSection[];
  notes: ReleaseNote[];
  seventh: ReleaseSeventh[];
  addenda: AddendaEntry[];
}

export interface ReleaseStats {
  codes: number;
  billable: number;
  notesByKind: Record<string, number>;
  seventhRules: number;
  excludes1: { notes: number; withRefs: number; parsed: number; share: number };
  unparsedSamples: string[];
}

/** Notes, 7th-character rules, chapters and sections from a tabular (or a built bundle). */
export interface NotesSource {
  release: string;
  tabular: Pick<TabularData, 'chapters' | 'sections'> & {
    notes: (TabularData['notes'][number] & { source?: string })[];
    seventh: (TabularSeventh & { source?: string })[];
  };
}

export interface AssembleInput {
  id: string;
  from: string;
  to: string;
  entries: IcdEntry[];
  /** Where notes come from: a tabular, or the notes of an already built release. */
  notes?: NotesSource;
  addenda?: AddendaEntry[];
  sources: string[];
}

export function assembleRelease(input: AssembleInput): {
  data: IcdReleaseData;
  stats: ReleaseStats;
} {
  const codes = input.entries.map((e) => e.code);
  const exists = new Set(codes);
  const cats = new Set(codes.filter((c) => c.length === 3));
  const ctx = { hasCategory: (c: string) => cats.has(c), codes };
  const notes: ReleaseNote[] = [];
  const seventh: ReleaseSeventh[] = [];
  const stats: ReleaseStats = {
    codes: codes.length,
    billable: input.entries.filter((e) => e.billable).length,
    notesByKind: {},
    seventhRules: 0,
    excludes1: { notes: 0, withRefs: 0, parsed: 0, share: 1 },
    unparsedSamples: [],
  };
  const t = input.notes?.tabular;
  const src = input.notes?.release ?? '';
  // A note attached to a code kept only when that code still exists (chapters and sections
  // are ranges and always apply).
  const keep = (at: string) => at.startsWith('chapter-') || at.includes('-') || exists.has(at);
  if (t) {
    for (const n of t.notes) {
      if (!keep(n.at)) continue;
      const note: ReleaseNote = { at: n.at, kind: n.kind, text: n.text, source: n.source ?? src };
      if (n.kind !== 'inclusionTerm' && n.kind !== 'includes') {
        const p = parseNoteRefs(n.text, ctx);
        if (p.targets.length) note.targets = p.targets;
        if (n.kind === 'excludes1') {
          stats.excludes1.notes++;
          if (p.refs > 0) {
            stats.excludes1.withRefs++;
            if (p.unparsed.length === 0) stats.excludes1.parsed++;
            else if (stats.unparsedSamples.length < 10)
              stats.unparsedSamples.push(`${n.at}: ${n.text}`);
          }
        }
      }
      notes.push(note);
      stats.notesByKind[n.kind] = (stats.notesByKind[n.kind] ?? 0) + 1;
    }
    for (const s of t.seventh)
      if (exists.has(s.at))
        seventh.push({
          at: s.at,
          characters: s.characters,
          exceptions: s.exceptions,
          source: s.source ?? src,
        });
  }
  seventh.push(...inferSeventh(input.id, input.entries, seventh));
  stats.seventhRules = seventh.length;
  const e1 = stats.excludes1;
  e1.share = e1.withRefs ? e1.parsed / e1.withRefs : 1;
  return {
    data: {
      id: input.id,
      from: input.from,
      to: input.to,
      notesRelease: t ? src : null,
      sources: input.sources,
      entries: input.entries,
      chapters: t?.chapters ?? [],
      sections: t?.sections ?? [],
      notes,
      seventh,
      addenda: input.addenda ?? [],
    },
    stats,
  };
}

/**
 * 7th-character rules for categories the notes' tabular does not know (W44, added in FY2022,
 * has none in the FY2021 tabular): read from the order file itself, where each 7th-character
 * code's title is its parent's title + ", " + the character's meaning. Only categories where
 * some code carries the placeholder X count (T86.8401 "…, right eye" is an ordinary 7-character
 * code, not a 7th character). A rule is set on the category when every billable code in it
 * follows the pattern, else on each parent code.
 */
export function inferSeventh(
  id: string,
  entries: IcdEntry[],
  known: { at: string }[],
): ReleaseSeventh[] {
  const covered = new Set(known.map((k) => k.at));
  const isCovered = (code: string) => {
    for (let n = Math.min(code.length, 6); n >= 3; n--)
      if (covered.has(code.slice(0, n))) return true;
    return false;
  };
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const perBase = new Map<string, Record<string, string>>();
  const perCat = new Map<
    string,
    { chars: Record<string, string>; ok: boolean; placeholder: boolean }
  >();
  for (const e of entries) {
    if (!e.billable) continue;
    const cat = e.code.slice(0, 3);
    let base: IcdEntry | undefined;
    for (let n = e.code.length - 1; n >= 3 && !base; n--) base = byCode.get(e.code.slice(0, n));
    const pattern = e.code.length === 7 && !!base && e.long.startsWith(`${base.long}, `);
    if (!pattern || isCovered(e.code)) {
      const c = perCat.get(cat);
      if (c) c.ok = false;
      else perCat.set(cat, { chars: {}, ok: false, placeholder: false });
      continue;
    }
    const ch = e.code.charAt(6);
    const meaning = e.long.slice(base!.long.length + 2);
    const b = perBase.get(base!.code) ?? {};
    b[ch] = meaning;
    perBase.set(base!.code, b);
    const c = perCat.get(cat) ?? { chars: {}, ok: true, placeholder: false };
    if (base!.code.length < 6) c.placeholder = true;
    if (c.chars[ch] !== undefined && c.chars[ch] !== meaning) c.ok = false;
    c.chars[ch] = meaning;
    perCat.set(cat, c);
  }
  const source = `${id} (inferred from the order file)`;
  const out: ReleaseSeventh[] = [];
  for (const [cat, c] of perCat)
    if (c.ok && c.placeholder) out.push({ at: cat, characters: c.chars, exceptions: [], source });
  for (const [base, chars] of perBase) {
    const c = perCat.get(base.slice(0, 3));
    if (c?.placeholder && !c.ok) out.push({ at: base, characters: chars, exceptions: [], source });
  }
  return out;
}
