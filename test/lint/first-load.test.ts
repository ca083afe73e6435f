/**
 * What the first load may pull in (issue 1, "lean first load"): the static import graph from
 * src/main.ts (value imports only: `import type` and `import()` are not followed, as the bundler
 * splits at a dynamic import) must not reach the search engine or its lexicons. The page's
 * encoder is the code-set worker's; the in-page one (starter set, no worker) is loaded on first
 * use (src/codesets/encoder/lazy-in-page.ts). The browser bench measures the bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')])
    if (existsSync(p) && /\.(ts|svelte|json)$/.test(p)) return p;
  return undefined;
}

/** Every file reached from `entry` by value imports (script blocks of components included). */
export function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC)) {
      // `import { type A, type B } from` brings no value either.
      if (/^\s*import\s*\{\s*(?:type\s+\w+\s*,?\s*)+\}/.test(m[0])) continue;
      const to = resolveImport(file, m[1]!);
      if (to) todo.push(to);
    }
  }
  return seen;
}

describe('the first load', () => {
  const graph = [...staticGraph(join(ROOT, 'src/main.ts'))].map((f) => relative(ROOT, f));

  it('follows the app from main.ts through its components', () => {
    expect(graph).toContain('src/App.svelte');
    expect(graph.length).toBeGreaterThan(50);
  });

  it('does not reach the search engine or its lexicons (only its chapter list and types)', () => {
    const search = graph.filter((f) => f.startsWith('src/domain/codes/search/'));
    expect(search.filter((f) => !/\/(chapters|types)\.ts$/.test(f))).toEqual([]);
    expect(graph).not.toContain('src/codesets/encoder/in-page.ts');
  });
});
