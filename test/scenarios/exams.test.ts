import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examSchema, packV2Schema } from '../../src/scenarios/format/v2';
import { readPack } from '../../src/scenarios/format/index';
import { loadAllPacks } from '../../src/scenarios/load-node';

const example = () =>
  JSON.parse(readFileSync('test/fixtures/packs/v2-example-1.0.0.json', 'utf8')) as {
    cases: { id: string }[];
    exams?: unknown;
  };

describe('pack exams (optional part)', () => {
  it('a pack without exams is unchanged: no exams key is added', () => {
    const p = packV2Schema.parse(example());
    expect('exams' in p).toBe(false);
  });

  it('an exam needs a title, a time limit and cases; unknown keys are errors', () => {
    expect(
      examSchema.safeParse({ id: 'e', title: 'Exam', minutes: 30, caseIds: ['a'] }).success,
    ).toBe(true);
    const bad = examSchema.safeParse({ id: 'e', title: 'Exam', minutes: 0, caseIds: [], extra: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      '',
      'caseIds',
      'minutes',
    ]);
  });

  it('an exam naming a case the pack does not have is reported at its path', () => {
    const raw = example();
    raw.exams = [{ id: 'e1', title: 'Exam one', minutes: 20, caseIds: [raw.cases[0]!.id, 'nope'] }];
    const r = readPack(new Map([['pack.json', raw]]), 'p', { builtinPayers: new Map() });
    expect(r.problems.map((p) => [p.path, p.message])).toContainEqual([
      expect.stringContaining('exams[0].caseIds[1]'),
      'no case nope in this pack',
    ]);
  });

  it('the starter pack sets an exam over its cases', () => {
    const starter = loadAllPacks().full?.find((p) => p.id === 'starter');
    expect(starter?.exams?.[0]?.caseIds).toEqual(['dm2-htn-established', 'ak-htn-commercial']);
  });
});
