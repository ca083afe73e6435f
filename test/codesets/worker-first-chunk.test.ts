/**
 * What the code-set worker loads before its encoder is ready (issue 9 "A lean first load"): the
 * modules reachable from src/services/worker.ts by static imports go into the worker's first
 * chunk; the payer half, the pack reader (with faker), the importers and the MPFS/NCCI/ASP
 * readers are imported dynamically, when first asked. This walks the static imports (type-only
 * ones are erased) so a new static import that drags them back fails here, not in the bench.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')])
    if (existsSync(p) && p.endsWith('.ts')) return p;
  return null;
}

/** Every module (src paths) and package reachable from `entry` by static value imports. */
function staticGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  const IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm;
  while (todo.length) {
    const file = todo.pop()!;
    const rel = relative(SRC, file);
    if (modules.has(rel)) continue;
    modules.add(rel);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        const parts = spec.split('/');
        packages.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
        continue;
      }
      const to = resolveModule(file, spec);
      if (to) todo.push(to);
    }
  }
  return { modules, packages };
}

const HEAVY =
  /^(services\/(payer|submission|validate-stored|worker-payer)\.ts|domain\/payer\/(adjudicate|corrections\/)|domain\/edits\/index\.ts|domain\/world\/|scenarios\/load\.ts|codesets\/(build-plan|browser\/bytes|mpfs\/decode|ncci\/bundle-format|ncci\/curated)\.ts)/;

describe("the code-set worker's first chunk", () => {
  const { modules, packages } = staticGraph(join(SRC, 'services/worker.ts'));

  it('holds the code sets and the encoder', () => {
    expect(modules).toContain('codesets/engine-encoder.ts');
    expect(modules).toContain('domain/codes/search/index.ts');
  });

  it('leaves out the payer, the edits, the pack reader, the importers and faker', () => {
    expect([...modules].filter((m) => HEAVY.test(m))).toEqual([]);
    expect(packages.has('@faker-js/faker')).toBe(false);
    expect(packages.has('fflate')).toBe(false);
  });

  it('the walk sees the payer half when worker-payer.ts is the entry (it can fail)', () => {
    const payer = staticGraph(join(SRC, 'services/worker-payer.ts'));
    expect([...payer.modules].filter((m) => HEAVY.test(m)).length).toBeGreaterThan(3);
  });
});
