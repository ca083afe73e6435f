/**
 * At least 10,000 hostile packs and 10,000 hostile Markdown documents (issue 14 "Safety"): XSS
 * payloads, `__proto__`/`constructor` keys, huge strings, deep nesting, wrong types, arbitrary
 * JSON. The importer (size check, JSON, structure) never throws, never pollutes a prototype, and
 * every rejection names a path; the Markdown renderer never throws and its output (rendered
 * by the real component on the server) has no script element, no event-handler attribute and no
 * link other than http(s), mailto or an in-page anchor: nothing can execute.
 * See: src/scenarios/share.ts, src/ui/markdown/markdown.ts, Markdown.svelte.
 */
import fc from 'fast-check';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { newCase, newPack } from '../../src/scenarios/authoring';
import { MAX_PACK_FILE_BYTES, parsePackText, piiFlags } from '../../src/scenarios/share';
import { starterPayers } from '../../src/services/shipped';
import Markdown from '../../src/ui/markdown/Markdown.svelte';
import { parseMarkdown } from '../../src/ui/markdown/markdown';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><iframe src=javascript:alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x]( javascript:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](//evil.example/x)',
  '[x](https://ok.example/" onmouseover="alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">',
  '`<script>`',
  '**<b onclick=alert(1)>**',
  '\u0000<script>',
  '&lt;script&gt;',
  '{@html "<script>"}',
];

const hostileText = fc.oneof(
  fc.constantFrom(...XSS),
  fc.string({ maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '#',
      '>',
      '-',
      '\n',
      ' ',
      'a',
      '<',
      '\\',
    ),
    maxLength: 400,
  }),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'A'.repeat(n)),
  fc.integer({ min: 1, max: 500 }).map((n) => '**'.repeat(n) + 'x' + '**'.repeat(n)),
  fc.integer({ min: 1, max: 3_000 }).map((n) => '> '.repeat(n) + '[a]('.repeat(n)),
);

const markdownDoc = fc.array(hostileText, { minLength: 1, maxLength: 8 }).map((a) => a.join('\n'));

/** Real tags in the output (text is escaped: `&lt;script>` is text, not a tag). */
const tags = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];
const EXEC_TAG =
  /^<(script|iframe|svg|img|object|embed|style|link|meta|form|input|button)\b|\son[a-z]+\s*=|\ssrc\s*=|href="(?!https?:\/\/[^/]|mailto:|#)/i;

describe('the Markdown renderer with hostile documents', () => {
  it('never throws and renders nothing that can execute (10,000 documents)', () => {
    fc.assert(
      fc.property(markdownDoc, (doc) => {
        const blocks = parseMarkdown(doc);
        expect(Array.isArray(blocks)).toBe(true);
        const html = render(Markdown, { props: { text: doc } }).body;
        for (const t of tags(html)) expect(t).not.toMatch(EXEC_TAG);
      }),
      { numRuns: 10_000, seed: 14 },
    );
  });
});

const payers = starterPayers();
const ctx = { builtinPayers: payers };

type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (out.length > 400) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}
function setAt(v: unknown, p: Path, value: unknown): unknown {
  if (!p.length) return value;
  const [k, ...rest] = p as [string | number, ...Path];
  const copy = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<
    string | number,
    unknown
  >;
  copy[k] = setAt(copy[k], rest, value);
  return copy;
}
/** Deep nesting is written into the file's text (a marker replaced after stringify). */
const deep = (n: number) => `@@DEEP:${n}@@`;
const withDeep = (text: string) =>
  text.replace(
    /"@@DEEP:(\d+)@@"/g,
    (_, n: string) => '['.repeat(Number(n)) + ']'.repeat(Number(n)),
  );

const base = { ...newPack('hostile', '2026-01-01'), cases: [newCase('c1', '2026-03-02')] };
const basePaths = paths(base);

const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    0,
    -1,
    1e308,
    true,
    '',
    [],
    {},
    'E11.99',
    '99999',
    ...XSS,
    JSON.parse('{"__proto__": {"polluted": "yes"}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    JSON.parse('[{"__proto__": {"polluted": "yes"}, "id": "__proto__"}]'),
  ),
  fc.integer({ min: 100, max: 5_000 }).map(deep),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.anything({ maxDepth: 3 }),
);

/** A hostile pack as the text of a file: a mutated valid pack, or arbitrary JSON, or not JSON. */
const hostileFile = fc.oneof(
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...basePaths), hostileValue), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([muts]) =>
      withDeep(JSON.stringify(muts.reduce<unknown>((v, [p, x]) => setAt(v, p, x), base))),
    ),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"__proto__": {"polluted": "yes"}, "schemaVersion": 2}',
    '{"cases": [{"__proto__": {"polluted": "yes"}}]}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{',
    '',
    'null',
    '<script>alert(1)</script>',
    '['.repeat(10_000),
  ),
);

describe('the pack importer with hostile files', () => {
  it('never throws, never pollutes a prototype, names a path for every rejection (10,000 files)', () => {
    fc.assert(
      fc.property(hostileFile, (text) => {
        const r = parsePackText(text, 'upload.json', ctx);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(typeof p.path).toBe('string');
            expect(p.path.length).toBeGreaterThan(0);
            expect(p.path.startsWith('upload.json')).toBe(true);
          }
        }
        piiFlags(r.ok ? r.raw : text);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 10_000, seed: 14 },
    );
  });

  it('the valid base pack imports', () => {
    const r = parsePackText(JSON.stringify(base), 'ok.json', ctx);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('checks the size before parsing: a file over the limit is refused with its size', () => {
    const big = `"${'x'.repeat(MAX_PACK_FILE_BYTES)}"`;
    const r = parsePackText(big, 'big.json', ctx);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems[0]!.message).toMatch(/at most 5\.0 MB/);
  });
});
