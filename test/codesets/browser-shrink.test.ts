/**
 * Issue 11 "Code-set importers never replace good data with bad": the browser import (Settings →
 * Code sets) refuses a release with more than 2% fewer codes than the one it replaces, as
 * `codesets build` does without --allow-shrink, and imports it when the user accepts it.
 */
import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestEntry } from '../../src/codesets/manifest';
import type { EngineIo } from '../../src/codesets/engine-sources';
import { createCodesetEngine } from '../../src/services/worker-engine';
import { entrySize, shrunk, shrunkEntries } from '../../src/codesets/shrink';

/** A sample order file (starts at B, so the whole-release checks do not apply): n codes. */
function orderFile(n: number): ArrayBuffer {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const code = `B${String(10 + Math.floor(i / 10)).padStart(2, '0')}${i % 10}`;
    const desc = `Sample condition ${i}`.padEnd(60);
    lines.push(`${String(i + 1).padStart(5, '0')} ${code.padEnd(7)} 1 ${desc} ${desc.trim()}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n').buffer as ArrayBuffer;
}

function memoryIo(): EngineIo {
  let manifest: Manifest = { version: 1, bundles: [] } as unknown as Manifest;
  const texts = new Map<string, string>();
  return {
    fetchFile: async () => null,
    gunzip: async (b) => b,
    imported: {
      read: async () => manifest,
      bundle: async (file) => texts.get(file) ?? '',
      store: async (items) => {
        for (const it of items) texts.set(it.entry.file, it.text);
        const keep = manifest.bundles.filter(
          (b) => !items.some((i) => i.entry.kind === b.kind && i.entry.id === b.id),
        );
        manifest = { ...manifest, bundles: [...keep, ...items.map((i) => i.entry)] };
        return manifest;
      },
      remove: async () => manifest,
    },
  };
}

async function ask(engine: ReturnType<typeof createCodesetEngine>, req: unknown) {
  return engine.handle(req as never);
}

describe('browser import: shrink guard', () => {
  it('refuses a release that lost more than 2% of its codes, naming the file; accepts it with consent', async () => {
    const engine = createCodesetEngine(memoryIo());
    const file = (n: number) => [{ name: 'icd10cm-order-2030.txt', data: orderFile(n) }];
    await ask(engine, { type: 'import', files: file(100) });
    const err = await ask(engine, { type: 'import', files: file(90) }).then(
      () => null,
      (e: { problems?: { path: string; message: string }[] }) => e,
    );
    expect(err?.problems?.[0]?.path).toMatch(/icd10cm-order-2030\.txt/);
    expect(err?.problems?.[0]?.message).toMatch(
      /from 100 to 90 \(−10\.0%\).*Accept a smaller release/,
    );
    // The refused import changed nothing.
    const status = (await ask(engine, { type: 'status' })) as {
      releases: { kind: string; id: string; codes?: number; counts?: { codes: number } }[];
    };
    expect(JSON.stringify(status)).toContain('100');
    const ok = await ask(engine, { type: 'import', files: file(90), allowShrink: true });
    expect(ok).toBeTruthy();
    // A 1% drop is within the limit and needs no consent.
    await ask(engine, { type: 'import', files: file(89) });
  });

  it('compares by release: same kind and id; POS and MCE have one slot each', () => {
    const icd = (id: string, codes: number) =>
      ({
        kind: 'icd10cm',
        id,
        counts: { codes },
        sources: [`${id}.txt`],
        file: `${id}.gz`,
      }) as unknown as ManifestEntry;
    expect(entrySize(icd('FY2030', 5))).toBe(5);
    expect(shrunkEntries([icd('FY2030', 100)], [icd('FY2031', 10)], 'x')).toEqual([]);
    expect(shrunkEntries([icd('FY2030', 100)], [icd('FY2030', 98)], 'x')).toEqual([]);
    expect(shrunkEntries([icd('FY2030', 100)], [icd('FY2030', 97)], 'x')).toHaveLength(1);
    expect(shrunk('x', 0, 0, 'p', 'a')).toBeNull();
  });
});
