import { describe, expect, it } from 'vitest';
import { scoreCoding, type AnswerKey, type CodedWork } from '../../src/domain/scoring';

const key: AnswerKey = {
  diagnoses: [
    {
      code: 'E11.65',
      rationale: 'Type 2 diabetes with documented hyperglycemia (A1c 8.9%).',
      alternatives: [
        {
          code: 'E11.9',
          credit: 'partial',
          rationale: 'E11.9 misses the documented hyperglycemia.',
        },
      ],
    },
    { code: 'I10', rationale: 'Essential hypertension, treated at the visit.' },
  ],
  lines: [
    {
      code: '99214',
      modifiers: [],
      units: 1,
      dxPointers: [1, 2],
      rationale: 'Moderate MDM: two chronic illnesses, one worsening.',
    },
  ],
};

const perfect: CodedWork = {
  diagnoses: ['E11.65', 'I10'],
  lines: [{ code: '99214', modifiers: [], units: 1, dxPointers: [1, 2] }],
};

const mark = (r: ReturnType<typeof scoreCoding>, label: string) =>
  r.items.find((i) => i.label === label)?.mark;

describe('scoreCoding', () => {
  it('marks a perfect answer right on every item with 100%', () => {
    const r = scoreCoding(key, perfect);
    expect(r.items.map((i) => i.label)).toEqual([
      'Diagnosis 1',
      'Diagnosis 2',
      'First-listed diagnosis',
      'Line 1 code',
      'Line 1 modifiers',
      'Line 1 units',
      'Line 1 diagnosis pointers',
    ]);
    expect(r.items.every((i) => i.mark === 'right')).toBe(true);
    expect(r.totals).toEqual({ right: 7, partly: 0, wrong: 0, points: 7, max: 7, percent: 100 });
  });

  it('accepts codes without the dot and in lower case', () => {
    expect(scoreCoding(key, { ...perfect, diagnoses: ['e1165', 'i10'] }).totals.percent).toBe(100);
  });

  it('gives partial credit for a listed alternative, with its rationale', () => {
    const r = scoreCoding(key, { ...perfect, diagnoses: ['E11.9', 'I10'] });
    const d1 = r.items.find((i) => i.label === 'Diagnosis 1');
    expect(d1).toMatchObject({
      mark: 'partly',
      given: 'E11.9',
      rationale: 'E11.9 misses the documented hyperglycemia.',
    });
    expect(mark(r, 'First-listed diagnosis')).toBe('partly');
  });

  it('gives no credit for another code of the same category unless the key lists it', () => {
    const r = scoreCoding(key, { ...perfect, diagnoses: ['E11.8', 'I10'] });
    expect(r.items[0]).toMatchObject({ mark: 'wrong', given: 'E11.8' });
    expect(r.items[0]?.rationale).toContain('E11.65');
    expect(r.items[0]?.rationale).not.toContain('\n');
    // Scored once: not also an extra diagnosis.
    expect(r.items.filter((i) => i.kind === 'extra-diagnosis')).toEqual([]);
  });

  it('Z79.4 (insulin) earns nothing when the key is Z79.84 (oral drugs, not insulin)', () => {
    const k: AnswerKey = {
      diagnoses: [
        { code: 'E11.9', rationale: 'Type 2 diabetes without complications.' },
        { code: 'Z79.84', rationale: 'Oral hypoglycemic, not on insulin.' },
      ],
      lines: key.lines,
    };
    const r = scoreCoding(k, { ...perfect, diagnoses: ['E11.9', 'Z79.4'] });
    expect(mark(r, 'Diagnosis 2')).toBe('wrong');
    expect(r.items.filter((i) => i.kind === 'diagnosis' && i.mark === 'partly')).toEqual([]);
  });

  it('G2212 earns nothing for G2211 (same first four characters, another service)', () => {
    const k: AnswerKey = {
      diagnoses: key.diagnoses,
      lines: [
        ...key.lines,
        {
          code: 'G2211',
          modifiers: [],
          units: 1,
          dxPointers: [1],
          rationale: 'Longitudinal care of a serious condition.',
        },
      ],
    };
    const r = scoreCoding(k, {
      ...perfect,
      lines: [...perfect.lines, { code: 'G2212', modifiers: [], units: 1, dxPointers: [1] }],
    });
    expect(mark(r, 'Line 2 code')).toBe('wrong');
    expect(r.totals.partly).toBe(0);
  });

  it('marks the first-listed order wrong when the diagnoses are swapped; pointers partly', () => {
    const r = scoreCoding(key, {
      diagnoses: ['I10', 'E11.65'],
      lines: [{ code: '99214', modifiers: [], units: 1, dxPointers: [1, 2] }],
    });
    expect(mark(r, 'Diagnosis 1')).toBe('right');
    expect(mark(r, 'First-listed diagnosis')).toBe('wrong');
    // Same diagnoses but the hypertension is now the line's primary pointer.
    expect(mark(r, 'Line 1 diagnosis pointers')).toBe('partly');
  });

  it('scores a missing diagnosis and an extra one as wrong', () => {
    const r = scoreCoding(key, { ...perfect, diagnoses: ['E11.65', 'R51.9'] });
    expect(mark(r, 'Diagnosis 2')).toBe('wrong');
    expect(mark(r, 'Extra diagnosis R51.9')).toBe('wrong');
    expect(r.totals.max).toBe(8);
  });

  it('gives partial credit for another E/M level only when the key lists it', () => {
    const alt = {
      ...key,
      lines: key.lines.map((l) => ({
        ...l,
        alternatives: [
          {
            code: '99213',
            credit: 'partial' as const,
            rationale: '99213 undercodes moderate MDM.',
          },
        ],
      })),
    };
    const work = { ...perfect, lines: [{ ...perfect.lines[0]!, code: '99213' }] };
    expect(mark(scoreCoding(alt, work), 'Line 1 code')).toBe('partly');
    expect(mark(scoreCoding(key, work), 'Line 1 code')).toBe('wrong');
  });

  it('scores another level of the same service as wrong, with wrong units and modifier', () => {
    const r = scoreCoding(key, {
      ...perfect,
      lines: [{ code: '99213', modifiers: ['25'], units: 2, dxPointers: [1, 2] }],
    });
    expect(mark(r, 'Line 1 code')).toBe('wrong');
    expect(mark(r, 'Line 1 modifiers')).toBe('wrong');
    expect(mark(r, 'Line 1 units')).toBe('wrong');
    expect(r.items.find((i) => i.label === 'Line 1 units')?.rationale).toBe(
      'The documentation supports 1 unit, not 2.',
    );
    expect(r.totals).toMatchObject({
      right: 4,
      partly: 0,
      wrong: 3,
      points: 4,
      max: 7,
      percent: 57,
    });
  });

  it('marks every item of a missing line wrong and scores unexpected lines as extra', () => {
    const r = scoreCoding(key, {
      ...perfect,
      lines: [{ code: '36415', modifiers: [], units: 1, dxPointers: [1] }],
    });
    expect(
      r.items.filter((i) => i.label.startsWith('Line 1')).every((i) => i.mark === 'wrong'),
    ).toBe(true);
    expect(mark(r, 'Extra line 36415')).toBe('wrong');
  });

  it('scores empty work as all wrong without crashing', () => {
    const r = scoreCoding(key, { diagnoses: [], lines: [] });
    expect(r.totals).toMatchObject({ right: 0, wrong: 7, percent: 0 });
  });
});
