/**
 * A minimal, strict XML reader for the CDC/NCHS index files: elements, attributes, text and
 * the five predefined entities. No DTDs, no namespaces, no CDATA (the files use none). It exists
 * so the importer runs the same in Node and in a browser Worker without a DOM.
 * Errors name the file and line.
 */
import type { Result } from '../../domain/result';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  /** 1-based line of the start tag. */
  line: number;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITY[e] ?? m;
  });
}

const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^]*?\?>|<!--[^]*?-->|<!\[CDATA\[|<!DOCTYPE|<|[^<]+/g;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a whole document into its root element. */
export function parseXml(text: string, fileName: string): Result<XmlElement> {
  let line = 1;
  let lastPos = 0;
  const lineAt = (pos: number) => {
    for (let i = lastPos; i < pos; i++) if (text.charCodeAt(i) === 10) line++;
    lastPos = pos;
    return line;
  };
  const fail = (pos: number, message: string): Result<XmlElement> => ({
    ok: false,
    errors: [{ path: `${fileName}:${lineAt(pos)}`, message }],
  });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const tok = m[0];
    const pos = m.index;
    if (m[2]) {
      const [, close, name, attrText, selfClose] = m as unknown as [
        string,
        string,
        string,
        string,
        string,
      ];
      if (close) {
        const open = stack.pop();
        if (!open) return fail(pos, `closing tag </${name}> without an opening tag`);
        if (open.name !== name)
          return fail(
            pos,
            `expected </${open.name}> (opened on line ${open.line}), found </${name}>`,
          );
        continue;
      }
      const attrs: Record<string, string> = {};
      if (attrText)
        for (const a of attrText.matchAll(ATTR)) attrs[a[1]!] = unescapeXml(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name, attrs, children: [], line: lineAt(pos) };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root)
        return fail(pos, `a second root element <${name}>: the file has trailing content`);
      else root = el;
      if (!selfClose) stack.push(el);
      continue;
    }
    if (tok.startsWith('<?') || tok.startsWith('<!--')) continue;
    if (tok.startsWith('<'))
      return fail(pos, `unsupported or malformed markup "${text.slice(pos, pos + 20)}"`);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(unescapeXml(tok));
    else if (tok.trim()) return fail(pos, 'text outside the root element');
  }
  const open = stack[stack.length - 1];
  if (open)
    return fail(
      text.length,
      `the file ends inside <${open.name}> opened on line ${open.line}: truncated?`,
    );
  if (!root) return fail(0, 'no XML element found: empty or not an XML file');
  return { ok: true, value: root };
}

/** Concatenated text of an element, optionally skipping some child element names. */
export function textOf(el: XmlElement, skip: ReadonlySet<string> = new Set()): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') s += c;
    else if (!skip.has(c.name)) s += textOf(c, skip);
  }
  return s;
}
