/**
 * The studio's full check in the code-set worker (request `pack.validate`): what `pack validate`
 * does, codes against the case's date and the answer key through the scrubber and the payer,
 * here on the starter code set (the engine with no official bundle) and the shipped packs.
 */
import { describe, expect, it } from 'vitest';
import type { PackValidation } from '../../src/codesets/protocol';
import { newCase, newPack, withItem } from '../../src/scenarios/authoring';
import { loadShippedPacks } from '../../src/scenarios/load-node';
import { createCodesetEngine } from '../../src/services/worker-engine';

const engine = createCodesetEngine(
  { fetchFile: async () => null, gunzip: async (b) => b },
  { packs: () => loadShippedPacks().packs },
);
const validate = (pack: unknown) =>
  engine.handle({
    type: 'pack.validate',
    pack,
    dependencies: [],
    label: 'my@0.1.0',
  }) as Promise<PackValidation>;

describe('worker request pack.validate', () => {
  it('passes a case whose answer key scrubs clean and is paid', async () => {
    const r = await validate(withItem(newPack('p'), 'cases', 0, newCase('c1', '2026-03-02')));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('names a code that does not exist and an answer key that fails, each with its path', async () => {
    const c = newCase('c1', '2026-03-02') as {
      answer: { diagnoses: { code: string }[]; lines: { code: string }[] };
    };
    c.answer.diagnoses[0]!.code = 'E11.99';
    const r = await validate(withItem(newPack('p'), 'cases', 0, c));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path)).toContain(
      'studio/my@0.1.0/pack.json: cases[0].answer.diagnoses[0].code',
    );
  });

  it('never throws on a pack that is not one', async () => {
    const r = await validate({ __proto__: null, cases: 'x' });
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBeGreaterThan(0);
  });
});
