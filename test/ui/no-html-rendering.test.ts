/**
 * Authored and imported text (case documentation, pack content, code titles, findings) is never
 * rendered as HTML: no component uses {@html}, and no source sets innerHTML/outerHTML or calls
 * insertAdjacentHTML / document.write. Text goes through Svelte's escaping, so a payload in a
 * pack or an imported file stays inert (the CSP in index.html is the second line of defence).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(svelte|ts)$/.test(f) ? [p] : [];
  });
const SINKS = /\{@html\b|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/;

describe('no HTML sinks', () => {
  it('finds none in src/', () => {
    const hits = files(SRC).filter((f) => SINKS.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });

  it('would catch one (the pattern is live)', () => {
    expect(SINKS.test('<p>{@html caseFile.note}</p>')).toBe(true);
    expect(SINKS.test('el.innerHTML = text')).toBe(true);
  });
});
