/**
 * A small, fast pull tokenizer for the CDC/NCHS ICD-10-CM XML files (tabular, addenda): plain
 * elements, simple attributes, text and the five predefined entities. No DTDs, no namespaces:
 * those files use none. Works on a string, so it runs in Node and in a browser worker alike.
 * Line numbers are computed only when an error is reported (counting newlines up to the offset).
 */
export type XmlToken =
  | {
      type: 'open';
      name: string;
      attrs: Record<string, string>;
      selfClosing: boolean;
      offset: number;
    }
  | { type: 'close'; name: string; offset: number }
  | { type: 'text'; text: string; offset: number };

export class XmlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const ATTR_RE = /([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * Yields tokens in document order; checks that tags nest properly and that the document ends
 * with every element closed (a truncated download fails here, with the line where it stops).
 */
export function* tokenize(text: string, file: string): Generator<XmlToken> {
  const stack: { name: string; offset: number }[] = [];
  let rootClosed = false;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const fail = (offset: number, msg: string): never => {
    throw new XmlError(file, lineAt(text, offset), msg);
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const raw = text.slice(i, end);
      if (stack.length === 0) {
        if (raw.trim()) fail(i, 'text outside the root element: not an XML document');
      } else yield { type: 'text', text: decodeEntities(raw), offset: i };
    }
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const e = text.indexOf('-->', lt + 4);
        if (e < 0) fail(lt, 'unterminated comment (file truncated?)');
        i = e + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const e = text.indexOf(']]>', lt + 9);
        if (e < 0) fail(lt, 'unterminated CDATA section (file truncated?)');
        if (stack.length) yield { type: 'text', text: text.slice(lt + 9, e), offset: lt };
        i = e + 3;
      } else {
        const e = text.indexOf('>', lt);
        if (e < 0) fail(lt, 'unterminated declaration (file truncated?)');
        i = e + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const e = text.indexOf('?>', lt);
      if (e < 0) fail(lt, 'unterminated processing instruction (file truncated?)');
      i = e + 2;
      continue;
    }
    const gt = text.indexOf('>', lt);
    if (gt < 0) fail(lt, 'unterminated tag (file truncated?)');
    const body = text.slice(lt + 1, gt);
    i = gt + 1;
    if (body.charCodeAt(0) === 47 /* / */) {
      const name = body.slice(1).trim();
      const top = stack.pop();
      if (!top) fail(lt, `closing tag </${name}> without an open element`);
      else if (top.name !== name)
        fail(
          lt,
          `closing tag </${name}> does not match <${top.name}> opened on line ${lineAt(text, top.offset)}`,
        );
      if (stack.length === 0) rootClosed = true;
      yield { type: 'close', name, offset: lt };
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const m = /^([A-Za-z_][\w.-]*)/.exec(inner);
    if (!m) fail(lt, `malformed tag <${body.slice(0, 30)}>`);
    const name = m![1]!;
    const attrs: Record<string, string> = {};
    const rest = inner.slice(name.length);
    if (rest.trim()) {
      ATTR_RE.lastIndex = 0;
      for (let a = ATTR_RE.exec(rest); a; a = ATTR_RE.exec(rest))
        attrs[a[1]!] = decodeEntities(a[3] ?? a[4] ?? '');
    }
    // A second root: two files run together, or a download resumed at the wrong offset.
    if (stack.length === 0 && rootClosed)
      fail(lt, `a second root element <${name}> after the document ended: trailing content`);
    if (stack.length === 0 && selfClosing) rootClosed = true;
    if (!selfClosing) stack.push({ name, offset: lt });
    yield { type: 'open', name, attrs, selfClosing, offset: lt };
    if (selfClosing) yield { type: 'close', name, offset: lt };
  }
  if (stack.length) {
    const top = stack[stack.length - 1]!;
    throw new XmlError(
      file,
      lineAt(text, n),
      `document ends before <${top.name}> (opened on line ${lineAt(text, top.offset)}) is closed: the file is truncated`,
    );
  }
}
