/**
 * Highlights on a visit note (src/domain/annotations/highlights.ts): ranges trimmed, overlaps
 * merged (same category) or refused (another one), segments that rebuild the text, and
 * highlights found again when the note's text moved.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addHighlight,
  MAX_QUOTE,
  placeHighlights,
  removeHighlight,
  segments,
  trimRange,
  updateHighlight,
  type Highlight,
} from '../../../src/domain/annotations/highlights';

const TEXT = 'Chief complaint\nChest pain for two days, worse on exertion. No fever.';
const at = (word: string) => {
  const s = TEXT.indexOf(word);
  return { start: s, end: s + word.length };
};

function added(list: readonly Highlight[], word: string, cat: Highlight['category'] = 'diagnosis') {
  const r = addHighlight(list, TEXT, at(word), cat);
  if (r.kind === 'refused') throw new Error(r.message);
  return r;
}

describe('addHighlight', () => {
  it('keeps the offsets and the words, trimmed of blanks, with a fresh id', () => {
    const r = addHighlight(
      [],
      TEXT,
      { start: at('Chest pain').start - 1, end: at('Chest pain').end + 1 },
      'diagnosis',
    );
    expect(r.kind).toBe('added');
    if (r.kind === 'refused') return;
    expect(r.highlight).toEqual({
      id: 'h1',
      ...at('Chest pain'),
      quote: 'Chest pain',
      category: 'diagnosis',
      note: '',
    });
    expect(r.message).toBe('Highlighted “Chest pain” as diagnosis.');
    const next = added(r.highlights, 'No fever', 'supporting');
    expect(next.highlight.id).toBe('h2');
    expect(next.highlights.map((h) => h.quote)).toEqual(['Chest pain', 'No fever']);
  });

  it('refuses an empty or blank selection, and one too long', () => {
    expect(addHighlight([], TEXT, { start: 5, end: 5 }, 'diagnosis')).toMatchObject({
      kind: 'refused',
      message: 'Select some words of the note first.',
    });
    expect(addHighlight([], TEXT, { start: 15, end: 16 }, 'diagnosis').kind).toBe('refused');
    const long = 'x'.repeat(MAX_QUOTE + 1);
    expect(addHighlight([], long, { start: 0, end: long.length }, 'question')).toMatchObject({
      kind: 'refused',
    });
  });

  it('reads a backwards or out-of-range selection as the text it covers', () => {
    const r = addHighlight(
      [],
      TEXT,
      { start: TEXT.length + 50, end: at('No fever').start },
      'supporting',
    );
    expect(r.kind === 'added' && r.highlight.quote).toBe('No fever.');
  });

  it('merges overlapping highlights of the same category, keeping their notes', () => {
    const a = added([], 'Chest pain');
    const withNote = updateHighlight(a.highlights, 'h1', { note: 'site?' });
    const b = added(withNote, 'two days', 'diagnosis');
    const r = addHighlight(
      b.highlights,
      TEXT,
      { start: at('pain').start, end: at('two').end },
      'diagnosis',
    );
    expect(r.kind).toBe('merged');
    if (r.kind === 'refused') return;
    expect(r.highlights).toHaveLength(1);
    expect(r.highlight).toMatchObject({
      id: 'h1',
      quote: 'Chest pain for two days',
      note: 'site?',
    });
    expect(r.message).toMatch(/^Merged with 2 diagnosis highlights/);
  });

  it('refuses an overlap with another category, naming it, and a repeat', () => {
    const a = added([], 'Chest pain');
    const r = addHighlight(a.highlights, TEXT, at('pain for'), 'supporting');
    expect(r).toEqual({
      kind: 'refused',
      message:
        'That text overlaps the diagnosis highlight “Chest pain”. Remove that highlight or change its category first.',
    });
    expect(addHighlight(a.highlights, TEXT, at('pain'), 'diagnosis')).toMatchObject({
      kind: 'refused',
      message: 'That text is already highlighted as diagnosis.',
    });
  });

  it('never leaves two highlights overlapping, whatever is added', () => {
    const cats = ['diagnosis', 'procedure', 'supporting', 'question'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(TEXT.length), fc.nat(TEXT.length), fc.constantFrom(...cats)), {
          maxLength: 25,
        }),
        (adds) => {
          let list: Highlight[] = [];
          for (const [s, e, c] of adds) {
            const r = addHighlight(list, TEXT, { start: s, end: e }, c);
            if (r.kind !== 'refused') list = r.highlights;
          }
          for (let i = 1; i < list.length; i++)
            expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
          for (const h of list) expect(TEXT.slice(h.start, h.end)).toBe(h.quote);
          expect(new Set(list.map((h) => h.id)).size).toBe(list.length);
        },
      ),
    );
  });
});

describe('update and remove', () => {
  it('changes a category or note (cut to 500 characters) and removes by id', () => {
    const a = added([], 'Chest pain');
    const u = updateHighlight(a.highlights, 'h1', { category: 'question', note: 'n'.repeat(600) });
    expect(u[0]).toMatchObject({ category: 'question' });
    expect(u[0]!.note).toHaveLength(500);
    expect(removeHighlight(u, 'h1')).toEqual([]);
    expect(removeHighlight(u, 'h9')).toHaveLength(1);
  });
});

describe('placeHighlights', () => {
  it('finds a highlight where it was, moves it to where its words are now, or reports it lost', () => {
    const list = added(added([], 'Chest pain').highlights, 'fever', 'supporting').highlights;
    expect(placeHighlights(list, TEXT).map((h) => h.status)).toEqual(['found', 'found']);
    const edited = 'Chief complaint\nSudden chest pain... wait: Chest pain for two days. Afebrile.';
    const placed = placeHighlights(list, edited);
    expect(placed.map((h) => [h.quote, h.status])).toEqual([
      ['Chest pain', 'moved'],
      ['fever', 'lost'],
    ]);
    expect(edited.slice(placed[0]!.start, placed[0]!.end)).toBe('Chest pain');
  });
});

describe('segments', () => {
  it('cuts a run where highlights begin and end; the segments rebuild the run', () => {
    const list = added(added([], 'Chest pain').highlights, 'No fever', 'supporting').highlights;
    const placed = placeHighlights(list, TEXT);
    const runStart = TEXT.indexOf('Chest');
    const run = TEXT.slice(runStart);
    const segs = segments(runStart, run, placed);
    expect(segs.map((s) => s.text).join('')).toBe(run);
    expect(segs.map((s) => [s.text, s.highlight?.id ?? null, s.first])).toEqual([
      ['Chest pain', 'h1', true],
      [' for two days, worse on exertion. ', null, false],
      ['No fever', 'h2', true],
      ['.', null, false],
    ]);
    for (const s of segs) expect(TEXT.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('marks a highlight that spans two runs in both, its label on the first only', () => {
    const h = addHighlight(
      [],
      TEXT,
      { start: at('complaint').start, end: at('Chest').end },
      'question',
    );
    if (h.kind === 'refused') throw new Error(h.message);
    const placed = placeHighlights(h.highlights, TEXT);
    const first = segments(0, 'Chief complaint', placed);
    const second = segments(16, TEXT.slice(16), placed);
    expect(first.at(-1)).toMatchObject({ text: 'complaint', first: true });
    expect(second[0]).toMatchObject({ text: 'Chest', first: false });
  });

  it('leaves runs outside the note, and lost highlights, unmarked', () => {
    expect(segments(-1, 'Dr. Smith', [])).toEqual([
      { start: -1, text: 'Dr. Smith', highlight: null, first: false },
    ]);
    const lost = placeHighlights(
      [{ id: 'h1', start: 0, end: 4, quote: 'gone', category: 'diagnosis', note: '' }],
      TEXT,
    );
    expect(segments(0, TEXT, lost)).toHaveLength(1);
  });

  it('trimRange drops blanks only', () => {
    expect(trimRange('  ab  ', 0, 6)).toEqual({ start: 2, end: 4 });
    expect(trimRange('   ', 0, 3)).toBeNull();
  });
});
