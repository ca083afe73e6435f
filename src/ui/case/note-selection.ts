/**
 * From a DOM selection to offsets in the visit note's text (doc-text.ts). Each run of the note
 * is shown as segments, elements carrying `data-off` (their offset) around one text node; a
 * selection end inside one reads its offset directly, an end elsewhere (a heading's margin, a
 * highlight's label, the patient line above the note) moves to the nearest segment inside the
 * selection. A selection that touches no segment is outside the note.
 */
export type NoteSelection =
  { kind: 'range'; start: number; end: number } | { kind: 'empty' } | { kind: 'outside' };

const offsetOf = (el: Element) => Number((el as HTMLElement).dataset.off);

export function noteSelection(root: Element, range: Range | null): NoteSelection {
  if (!range || range.collapsed) return { kind: 'empty' };
  if (!range.intersectsNode(root)) return { kind: 'outside' };
  const segs = [...root.querySelectorAll('[data-off]')].filter((e) => range.intersectsNode(e));
  const first = segs[0];
  const last = segs.at(-1);
  // Inside the note but on no text (a highlight's label alone).
  if (!first || !last) return { kind: 'empty' };
  const point = (node: Node, offset: number): number | null => {
    const parent = node.parentElement;
    return node.nodeType === Node.TEXT_NODE && parent?.hasAttribute('data-off')
      ? offsetOf(parent) + offset
      : null;
  };
  const start =
    (root.contains(range.startContainer) && first.contains(range.startContainer)
      ? point(range.startContainer, range.startOffset)
      : null) ?? offsetOf(first);
  const end =
    (root.contains(range.endContainer) && last.contains(range.endContainer)
      ? point(range.endContainer, range.endOffset)
      : null) ?? offsetOf(last) + (last.textContent ?? '').length;
  return start < end ? { kind: 'range', start, end } : { kind: 'empty' };
}
