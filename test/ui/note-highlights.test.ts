// @vitest-environment jsdom
/**
 * The visit note's text model (src/ui/case/doc-text.ts) and the way a selection on screen maps
 * back to its offsets (note-selection.ts), on the rendered note (NoteText.svelte).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import NoteText from '../../src/ui/case/NoteText.svelte';
import { noteModel } from '../../src/ui/case/doc-text';
import { noteSelection } from '../../src/ui/case/note-selection';
import { addHighlight, placeHighlights } from '../../src/domain/annotations/highlights';

afterEach(cleanup);

const sections = {
  kind: 'soap' as const,
  sections: [
    { heading: 'Chief complaint', text: 'Chest pain for two days.' },
    { heading: 'Assessment', text: 'Costochondritis <b>not</b> cardiac.' },
  ],
};

describe('noteModel', () => {
  it('joins section headings and texts with a break, each run at its offset', () => {
    const m = noteModel(sections);
    expect(m.index.text).toBe(
      'Chief complaint\nChest pain for two days.\nAssessment\nCostochondritis <b>not</b> cardiac.',
    );
    if (m.kind !== 'sections') throw new Error(m.kind);
    expect(m.index.at.get(m.sections[1]!.body)).toBe(m.index.text.indexOf('Costo'));
  });

  it('indexes a Markdown note: text and code runs in reading order, blocks apart', () => {
    const m = noteModel({
      ...sections,
      markdown: '## Plan\n\nStart **lisinopril** `10 mg`.\n\n- one\n- two',
    });
    expect(m.index.text).toBe('Plan\nStart lisinopril 10 mg.\none\ntwo');
    if (m.kind !== 'markdown') throw new Error(m.kind);
    expect([...m.index.at.values()]).toEqual([0, 5, 11, 21, 22, 27, 29, 33]);
    expect(
      noteModel({
        ...sections,
        markdown: '## Plan\n\nStart **lisinopril** `10 mg`.\n\n- one\n- two',
      }).index.text,
    ).toBe(m.index.text);
  });
});

function renderNote() {
  const model = noteModel(sections);
  const text = model.index.text;
  const s = text.indexOf('two days');
  const r = addHighlight([], text, { start: s, end: s + 'two days'.length }, 'diagnosis');
  if (r.kind === 'refused') throw new Error(r.message);
  const placed = placeHighlights(r.highlights, text);
  const view = render(NoteText, {
    model,
    placed,
    selectable: true,
    current: null,
    onselection: () => {},
  });
  const root = view.container.querySelector<HTMLElement>('[role="textbox"]')!;
  return { root, text, view };
}

const textIn = (el: Element) => el.firstChild as Text;

describe('NoteText and noteSelection', () => {
  it('shows the note as text with the highlight marked and labelled, no HTML from the case', () => {
    const { root } = renderNote();
    const mark = root.querySelector('mark')!;
    expect(mark.textContent).toBe('two days');
    expect(mark.previousElementSibling?.textContent).toBe('DxDiagnosis highlight:');
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('Costochondritis <b>not</b> cardiac.');
    expect(root.getAttribute('aria-readonly')).toBe('true');
  });

  it('maps a selection from plain text into a mark back to the note offsets', () => {
    const { root, text } = renderNote();
    const body = root.querySelectorAll('p')[0]!;
    const plain = body.querySelector('span[data-off]')!;
    const mark = body.querySelector('mark')!;
    const range = document.createRange();
    range.setStart(textIn(plain), 'Chest '.length);
    range.setEnd(textIn(mark), 'two'.length);
    const sel = noteSelection(root, range);
    expect(sel.kind).toBe('range');
    if (sel.kind === 'range') expect(text.slice(sel.start, sel.end)).toBe('pain for two');
  });

  it('clamps a selection that starts above the note to the note text', () => {
    const { root, text } = renderNote();
    const before = document.createElement('p');
    before.textContent = 'Patient line';
    root.before(before);
    const range = document.createRange();
    range.setStart(textIn(before), 2);
    range.setEnd(textIn(root.querySelector('h3 span')!), 'Chief'.length);
    const sel = noteSelection(root, range);
    expect(sel.kind === 'range' && text.slice(sel.start, sel.end)).toBe('Chief');
  });

  it('reports a selection outside the note, and an empty one', () => {
    const { root } = renderNote();
    const other = document.createElement('p');
    other.textContent = 'Somewhere else';
    document.body.append(other);
    const range = document.createRange();
    range.setStart(textIn(other), 0);
    range.setEnd(textIn(other), 4);
    expect(noteSelection(root, range)).toEqual({ kind: 'outside' });
    range.collapse(true);
    expect(noteSelection(root, range)).toEqual({ kind: 'empty' });
    expect(noteSelection(root, null)).toEqual({ kind: 'empty' });
    other.remove();
  });
});

describe('a Markdown note', () => {
  it('marks a highlight across bold text in each run, the text left as written', () => {
    const model = noteModel({ ...sections, markdown: 'Start **lisinopril** 10 mg <i>x</i>.' });
    const text = model.index.text;
    const s = text.indexOf('Start lisinopril');
    const r = addHighlight([], text, { start: s, end: s + 'Start lisinopril'.length }, 'procedure');
    if (r.kind === 'refused') throw new Error(r.message);
    const view = render(NoteText, {
      model,
      placed: placeHighlights(r.highlights, text),
      selectable: false,
      current: null,
      onselection: () => {},
    });
    const marks = [...view.container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Start ', 'lisinopril']);
    expect(view.container.querySelector('strong mark')?.textContent).toBe('lisinopril');
    expect(view.container.querySelectorAll('.tag')).toHaveLength(1);
    expect(view.container.querySelector('i')).toBeNull();
    expect(view.container.textContent).toContain('10 mg <i>x</i>.');
    // Not selectable (a closed attempt): no editing host, no textbox.
    expect(view.container.querySelector('[contenteditable="true"]')).toBeNull();
  });
});
