/**
 * The trainee's highlights on a case's visit note, as a coder marks up a note in an encoder or
 * computer-assisted coding tool: a stretch of the note, a category (what the words are evidence
 * for) and a short note. A highlight is kept as offsets into the note's text (the text the
 * screen builds from the documentation, src/ui/case/doc-text.ts) together with the words it
 * covers, so it is found again after a re-render and, when the case's text changed, moved to
 * where its words now are (or reported as no longer found).
 * Pure: no DOM, no storage. Highlights never overlap: a new one over highlights of the same
 * category merges with them, over another category it is refused with a message.
 */

/** Each category has a name, a short visible label and (on screen) its own colour and line
 * pattern, so a mark never depends on colour alone (WCAG 2.2 1.4.1). */
export const HIGHLIGHT_CATEGORIES = {
  diagnosis: { label: 'Diagnosis', short: 'Dx' },
  procedure: { label: 'Procedure', short: 'Px' },
  supporting: { label: 'Supporting detail', short: 'Sup' },
  question: { label: 'Question for the provider', short: 'Q?' },
} as const;
export type HighlightCategory = keyof typeof HIGHLIGHT_CATEGORIES;
export const CATEGORY_IDS = Object.keys(HIGHLIGHT_CATEGORIES) as [
  HighlightCategory,
  ...HighlightCategory[],
];

export interface Highlight {
  id: string;
  /** Offsets into the note's text: [start, end). */
  start: number;
  end: number;
  /** The words covered when the highlight was made (finds it again if the text moved). */
  quote: string;
  category: HighlightCategory;
  note: string;
}

export const MAX_NOTE = 500;
export const MAX_QUOTE = 1000;
export const MAX_HIGHLIGHTS = 200;

export type AddResult =
  | { kind: 'added' | 'merged'; highlights: Highlight[]; highlight: Highlight; message: string }
  | { kind: 'refused'; message: string };

/** The words of a quote for a message: short, on one line. */
export function excerpt(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

/** The range without the blanks at either end, or null when nothing but blanks is left. */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end, text.length));
  let e = Math.min(text.length, Math.max(start, end, 0));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

const byStart = (a: Highlight, b: Highlight) => a.start - b.start || a.end - b.end;

function nextId(list: readonly Highlight[]): string {
  let n = 0;
  for (const h of list) {
    const m = /^h(\d+)$/.exec(h.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `h${n + 1}`;
}

/**
 * Adds a highlight over [start, end) of `text`. Blanks at the ends are dropped; an empty or
 * too long range, or one over a highlight of another category, is refused with a message.
 * Over highlights of the same category it merges: one highlight spanning them all, their notes
 * kept (joined with "; ").
 */
export function addHighlight(
  list: readonly Highlight[],
  text: string,
  range: { start: number; end: number },
  category: HighlightCategory,
): AddResult {
  const r = trimRange(text, range.start, range.end);
  if (!r) return { kind: 'refused', message: 'Select some words of the note first.' };
  if (r.end - r.start > MAX_QUOTE)
    return {
      kind: 'refused',
      message: `A highlight marks a phrase or a sentence: select at most ${MAX_QUOTE.toLocaleString('en-US')} characters.`,
    };
  const over = list.filter((h) => h.start < r.end && r.start < h.end);
  const other = over.find((h) => h.category !== category);
  if (other)
    return {
      kind: 'refused',
      message: `That text overlaps the ${HIGHLIGHT_CATEGORIES[other.category].label.toLowerCase()} highlight “${excerpt(other.quote)}”. Remove that highlight or change its category first.`,
    };
  const label = HIGHLIGHT_CATEGORIES[category].label.toLowerCase();
  if (over.some((h) => h.start <= r.start && h.end >= r.end))
    return { kind: 'refused', message: `That text is already highlighted as ${label}.` };
  if (!over.length && list.length >= MAX_HIGHLIGHTS)
    return {
      kind: 'refused',
      message: `This note has ${MAX_HIGHLIGHTS} highlights, the most kept: remove one first.`,
    };
  const start = Math.min(r.start, ...over.map((h) => h.start));
  const end = Math.max(r.end, ...over.map((h) => h.end));
  const highlight: Highlight = {
    id: over[0]?.id ?? nextId(list),
    start,
    end,
    quote: text.slice(start, end),
    category,
    note: over
      .map((h) => h.note.trim())
      .filter(Boolean)
      .join('; ')
      .slice(0, MAX_NOTE),
  };
  const highlights = [...list.filter((h) => !over.includes(h)), highlight].sort(byStart);
  return over.length
    ? {
        kind: 'merged',
        highlights,
        highlight,
        message: `Merged with ${over.length === 1 ? 'the' : over.length} ${label} highlight${over.length === 1 ? '' : 's'} it overlapped: “${excerpt(highlight.quote)}”.`,
      }
    : {
        kind: 'added',
        highlights,
        highlight,
        message: `Highlighted “${excerpt(highlight.quote)}” as ${label}.`,
      };
}

/** Changes a highlight's category or note (the note cut to MAX_NOTE characters). */
export function updateHighlight(
  list: readonly Highlight[],
  id: string,
  patch: Partial<Pick<Highlight, 'category' | 'note'>>,
): Highlight[] {
  return list.map((h) =>
    h.id === id
      ? {
          ...h,
          ...(patch.category ? { category: patch.category } : {}),
          ...(patch.note !== undefined ? { note: patch.note.slice(0, MAX_NOTE) } : {}),
        }
      : h,
  );
}

export function removeHighlight(list: readonly Highlight[], id: string): Highlight[] {
  return list.filter((h) => h.id !== id);
}

export type Placed = Highlight & { status: 'found' | 'moved' | 'lost' };

/** Where `quote` occurs in `text` nearest to `near`, or -1. */
function nearest(text: string, quote: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1))
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  return best;
}

/**
 * The highlights placed on `text`: found where they were, moved to where their words are now
 * (the nearest occurrence), or lost (their words are no longer in the note: listed, not
 * shown). Placed highlights that would overlap one placed before them are lost too, so the
 * marks on screen never overlap.
 */
export function placeHighlights(list: readonly Highlight[], text: string): Placed[] {
  const out: Placed[] = [];
  for (const h of [...list].sort(byStart)) {
    let p: Placed;
    if (h.end <= text.length && h.start < h.end && text.slice(h.start, h.end) === h.quote)
      p = { ...h, status: 'found' };
    else {
      const at = h.quote ? nearest(text, h.quote, h.start) : -1;
      p =
        at === -1
          ? { ...h, status: 'lost' }
          : { ...h, start: at, end: at + h.quote.length, status: 'moved' };
    }
    if (
      p.status !== 'lost' &&
      out.some((o) => o.status !== 'lost' && o.start < p.end && p.start < o.end)
    )
      p = { ...h, status: 'lost' };
    out.push(p);
  }
  return out.sort(byStart);
}

export interface Segment {
  /** Offset of the segment's first character in the note's text. */
  start: number;
  text: string;
  /** The highlight covering the segment, or null. */
  highlight: Placed | null;
  /** The segment begins its highlight (the place for its label). */
  first: boolean;
}

/**
 * A run of the note's text (one text node on screen: a heading, a paragraph, a code span)
 * starting at offset `at`, cut where highlights begin and end. The segments' texts join back
 * to `run`. A run at a negative offset (not part of the note's text) is one plain segment.
 */
export function segments(at: number, run: string, placed: readonly Placed[]): Segment[] {
  if (at < 0 || run === '') return [{ start: at, text: run, highlight: null, first: false }];
  const end = at + run.length;
  const out: Segment[] = [];
  let pos = at;
  for (const h of placed) {
    if (h.status === 'lost' || h.end <= pos || h.start >= end) continue;
    const s = Math.max(h.start, pos);
    const e = Math.min(h.end, end);
    if (s > pos)
      out.push({ start: pos, text: run.slice(pos - at, s - at), highlight: null, first: false });
    out.push({ start: s, text: run.slice(s - at, e - at), highlight: h, first: s === h.start });
    pos = e;
  }
  if (pos < end) out.push({ start: pos, text: run.slice(pos - at), highlight: null, first: false });
  return out;
}
