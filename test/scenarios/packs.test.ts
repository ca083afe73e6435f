import { describe, expect, it } from 'vitest';
import { loadAllPacks, loadPackDir } from '../../src/scenarios/load-node';

describe('shipped scenario packs', () => {
  it('every pack in scenarios/ validates with no errors', () => {
    const { packs, errors } = loadAllPacks('scenarios');
    expect(errors).toEqual([]);
    expect(packs.map((p) => p.id)).toContain('starter');
    const starter = packs.find((p) => p.id === 'starter')!;
    expect(starter.cases[0]?.answer.diagnoses[0]?.code).toBe('E11.65');
  });

  it('a deliberately broken pack reports every problem with its file and path', () => {
    const { pack, errors } = loadPackDir('test/fixtures/packs/broken');
    expect(pack).toBeUndefined();
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('test/fixtures/packs/broken/pack.json: version');
    // The one reader (format 2, this pack through the migration) reads the cases even when
    // pack.json is invalid, so every problem shows at once.
    expect(paths).toContain('test/fixtures/packs/broken/pack.json: cases[1]');
    expect(paths).toContain('test/fixtures/packs/broken/cases/bad.json: cases[0].id');
  });

  it('reports all case-level problems at once with their paths', () => {
    const { errors } = loadPackDir('test/fixtures/packs/broken-cases');
    const paths = errors.map((e) => e.path.replace('test/fixtures/packs/broken-cases/', ''));
    expect(paths).toEqual(
      expect.arrayContaining([
        // Paths in the format-2 shape the format-1 case is migrated to (see scenarios/README.md).
        'cases/bad.json: cases[0].id',
        'cases/bad.json: cases[0].patient.sex',
        'cases/bad.json: cases[0].encounter.provider.npi',
        'cases/bad.json: cases[0].documentation.sections',
        'cases/bad.json: cases[0].encounter.chargeMaster.99213',
        'cases/bad.json: cases[0].answer.lines[0].dxPointers[0]',
        'cases/bad.json: cases[0].answer.lines[0].code',
        'pack.json: cases[1]',
      ]),
    );
  });
});
