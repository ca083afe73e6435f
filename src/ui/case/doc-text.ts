/**
 * The visit note's text as the highlights count it: every text run the screen shows (section
 * headings and texts, or the Markdown tree's text, code spans and code blocks), in reading
 * order, each at its offset. Blocks (and list items, line breaks) are separated by one "\n"
 * that is never shown, so a quote across two paragraphs reads with a break, and the same
 * documentation gives the same offsets on every render. See: src/domain/annotations/highlights.ts.
 */
import type { CaseFile } from '../../scenarios/schema';
import { parseMarkdown, type MdBlock, type MdInline } from '../markdown/markdown';

/** A run of text on screen: its offset in the note's text. */
export interface NoteIndex {
  text: string;
  /** The offset of each run (Markdown nodes with `text`, or section parts) by identity. */
  at: Map<object, number>;
}

export interface SectionRuns {
  heading: { text: string };
  body: { text: string };
}

export type NoteModel =
  | { kind: 'markdown'; blocks: MdBlock[]; index: NoteIndex }
  | { kind: 'sections'; sections: SectionRuns[]; index: NoteIndex };

class Builder {
  text = '';
  at = new Map<object, number>();
  run(node: { text: string }) {
    this.at.set(node, this.text.length);
    this.text += node.text;
  }
  sep() {
    if (this.text !== '' && !this.text.endsWith('\n')) this.text += '\n';
  }
  inline(nodes: readonly MdInline[]) {
    for (const n of nodes) {
      if (n.t === 'text' || n.t === 'code') this.run(n);
      else if (n.t === 'br') this.text += '\n';
      else this.inline(n.children);
    }
  }
}

export function noteModel(doc: CaseFile['documentation']): NoteModel {
  const b = new Builder();
  if (doc.markdown !== undefined) {
    const blocks = parseMarkdown(doc.markdown);
    for (const block of blocks) {
      b.sep();
      if (block.t === 'pre') b.run(block);
      else if ('items' in block)
        for (const item of block.items) {
          b.sep();
          b.inline(item);
        }
      else if ('children' in block) b.inline(block.children);
    }
    return { kind: 'markdown', blocks, index: { text: b.text, at: b.at } };
  }
  const sections = doc.sections.map((s) => ({
    heading: { text: s.heading },
    body: { text: s.text },
  }));
  for (const s of sections) {
    b.sep();
    b.run(s.heading);
    b.sep();
    b.run(s.body);
  }
  return { kind: 'sections', sections, index: { text: b.text, at: b.at } };
}
