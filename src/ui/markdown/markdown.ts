/**
 * A small allow-list Markdown reader for case documentation written by instructors (untrusted):
 * text in, a tree of a few node types out (headings, paragraphs, lists, quotes, code, rules;
 * strong, emphasis, code spans, links). Markdown.svelte renders the tree as DOM nodes with text
 * escaped by Svelte: raw HTML in the text stays text, and no HTML sink is used. A link keeps
 * only an http(s), mailto or in-page (#) address; anything else (`javascript:`, `data:`) is
 * shown as plain text. Linear in the input (each closer search is remembered), never throws.
 * See: issue 14 "Safety"; https://spec.commonmark.org/0.31.2/ (the subset read here).
 */

export type MdInline =
  | { t: 'text'; text: string }
  | { t: 'strong' | 'em'; children: MdInline[] }
  | { t: 'code'; text: string }
  | { t: 'link'; href: string; children: MdInline[] }
  | { t: 'br' };

export type MdBlock =
  | { t: 'h'; level: 3 | 4 | 5; children: MdInline[] }
  | { t: 'p'; children: MdInline[] }
  | { t: 'ul' | 'ol'; items: MdInline[][] }
  | { t: 'quote'; children: MdInline[] }
  | { t: 'pre'; text: string }
  | { t: 'hr' };

/** Longer documents are cut here (the pack format allows 100,000 characters). */
export const MAX_MARKDOWN = 200_000;
/** Emphasis inside emphasis deeper than this is read as text. */
const MAX_DEPTH = 6;

/** The address a link may keep, or null (shown as text then). */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // Control characters and spaces inside a scheme fool some URL parsers ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  if (/[\u0000-\u001f\u007f\s]/.test(href)) return null;
  if (/^https?:\/\/[^/]/i.test(href) || /^mailto:[^:]+$/i.test(href) || /^#[\w-]*$/.test(href))
    return href;
  return null;
}

export function parseMarkdown(input: unknown): MdBlock[] {
  const src = typeof input === 'string' ? input.slice(0, MAX_MARKDOWN) : '';
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: MdBlock[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ t: 'p', children: inlineLines(para) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    if (/^(```|~~~)/.test(trimmed)) {
      flush();
      const fence = trimmed.slice(0, 3);
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence); i++) body.push(lines[i]!);
      out.push({ t: 'pre', text: body.join('\n') });
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (h) {
      flush();
      const level = Math.min(5, Math.max(3, h[1]!.length + 1)) as 3 | 4 | 5;
      out.push({ t: 'h', level, children: inline(h[2]!.replace(/\s#+\s*$/, '')) });
      continue;
    }
    if (/^([-*_])(\s*\1){2,}$/.test(trimmed)) {
      flush();
      out.push({ t: 'hr' });
      continue;
    }
    const list = listItem(trimmed);
    if (list) {
      flush();
      const items: MdInline[][] = [];
      for (; i < lines.length; i++) {
        const it = listItem(lines[i]!.trim());
        if (!it || it.ordered !== list.ordered) break;
        items.push(inline(it.text));
      }
      i--;
      out.push({ t: list.ordered ? 'ol' : 'ul', items });
      continue;
    }
    if (trimmed.startsWith('>')) {
      flush();
      const body: string[] = [];
      for (; i < lines.length && lines[i]!.trim().startsWith('>'); i++)
        body.push(lines[i]!.trim().replace(/^>\s?/, ''));
      i--;
      out.push({ t: 'quote', children: inlineLines(body) });
      continue;
    }
    para.push(trimmed);
  }
  flush();
  return out;
}

function listItem(s: string): { ordered: boolean; text: string } | null {
  const u = /^[-*+]\s+(.*)$/.exec(s);
  if (u) return { ordered: false, text: u[1]! };
  const o = /^\d{1,9}[.)]\s+(.*)$/.exec(s);
  return o ? { ordered: true, text: o[1]! } : null;
}

/** Lines of one paragraph: joined with a space, or a line break after two trailing spaces. */
function inlineLines(lines: string[]): MdInline[] {
  const out: MdInline[] = [];
  lines.forEach((l, i) => {
    if (i > 0) out.push(lines[i - 1]!.endsWith('  ') ? { t: 'br' } : { t: 'text', text: ' ' });
    out.push(...inline(l.trim()));
  });
  return merge(out);
}

export function inline(s: string, depth = 0): MdInline[] {
  const out: MdInline[] = [];
  // Where each closer was last found (-1: none after that point), so a run of unmatched
  // openers costs one scan, not one scan each.
  const found = new Map<string, number>();
  const next = (tok: string, from: number) => {
    const f = found.get(tok);
    if (f !== undefined && (f === -1 || f >= from)) return f;
    const at = s.indexOf(tok, from);
    found.set(tok, at);
    return at;
  };
  let text = '';
  const push = (n: MdInline) => {
    if (text) out.push({ t: 'text', text });
    text = '';
    out.push(n);
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && /[\\`*_[\]()#>-]/.test(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = next('`', i + 1);
      if (end > i) {
        push({ t: 'code', text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (s.startsWith('**', i) || s.startsWith('__', i))) {
      const tok = s.slice(i, i + 2);
      const end = next(tok, i + 2);
      if (end > i + 2) {
        push({ t: 'strong', children: inline(s.slice(i + 2, end), depth + 1) });
        i = end + 2;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (c === '*' || c === '_') && s[i + 1] !== c && s[i + 1] !== ' ') {
      const end = next(c, i + 1);
      if (end > i + 1) {
        push({ t: 'em', children: inline(s.slice(i + 1, end), depth + 1) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[' && depth < MAX_DEPTH) {
      const close = next('](', i + 1);
      const end = close > i ? s.indexOf(')', close + 2) : -1;
      if (close > i && end > close && !s.slice(i + 1, close).includes('\n')) {
        const label = inline(s.slice(i + 1, close), depth + 1);
        const href = safeHref(s.slice(close + 2, end));
        if (href) push({ t: 'link', href, children: label });
        else {
          // An address that is not allowed: the label as text, the address dropped.
          for (const n of label) push(n);
        }
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) out.push({ t: 'text', text });
  return merge(out);
}

function merge(nodes: MdInline[]): MdInline[] {
  const out: MdInline[] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    if (n.t === 'text' && last?.t === 'text') last.text += n.text;
    else out.push(n);
  }
  return out;
}

/** The text of a tree (tests, and a plain-text preview). */
export function plainText(blocks: readonly MdBlock[]): string {
  const inl = (ns: readonly MdInline[]): string =>
    ns
      .map((n) =>
        n.t === 'text' || n.t === 'code' ? n.text : n.t === 'br' ? '\n' : inl(n.children),
      )
      .join('');
  return blocks
    .map((b) =>
      b.t === 'pre'
        ? b.text
        : b.t === 'hr'
          ? '---'
          : 'items' in b
            ? b.items.map(inl).join('\n')
            : inl(b.children),
    )
    .join('\n\n');
}
