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
    expect(errors.length).toBe(1); // pack.json itself is invalid: cases are not read
  });

  it('reports all case-level problems at once with their paths', () => {
    const { errors } = loadPackDir('test/fixtures/packs/broken-cases');
    const paths = errors.map((e) => e.path.replace('test/fixtures/packs/broken-cases/', ''));
    expect(paths).toEqual(
      expect.arrayContaining([
        'cases/bad.json: id',
        'cases/bad.json: patient.sex',
        'cases/bad.json: provider.npi',
        'cases/bad.json: documentation.sections',
        'cases/bad.json: chargeMaster.99213',
        'cases/bad.json: answer.lines[0].dxPointers[0]',
        'cases/bad.json: answer.lines[0].code',
        'pack.json: cases[1]',
      ]),
    );
  });
});
