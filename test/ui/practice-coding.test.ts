/**
 * The practice screen's coding form (src/state/practice-coding.ts): what the trainee types
 * becomes the engine's coding with the charge master's charges; bad input names the field and
 * line (NUCC 1500 items 21, 24D, 24E, 24G).
 */
import { describe, expect, it } from 'vitest';
import { codingOf, formOf } from '../../src/state/practice-coding';

describe('codingOf', () => {
  it('reads diagnoses (dotted or not) and lines; charges are per unit × units', () => {
    const r = codingOf(
      {
        diagnoses: 'e119, I10',
        lines: [{ code: '99213', modifiers: '25', units: '2', pointers: '1, 2' }],
      },
      { '99213': 10_000 } as never,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        diagnoses: ['E11.9', 'I10'],
        lines: [{ code: '99213', modifiers: ['25'], units: 2, dxPointers: [1, 2], charge: 20_000 }],
      },
    });
    if (r.ok) expect(codingOf(formOf(r.value), { '99213': 10_000 } as never)).toEqual(r);
  });

  it.each([
    [{ diagnoses: '', lines: [] }, /^Diagnoses: enter at least one/],
    [{ diagnoses: 'E11.9', lines: [] }, /^Lines: add at least one/],
    [{ diagnoses: '11.9', lines: [] }, /^Diagnoses: “11.9” is not/],
    [
      { diagnoses: 'E11.9', lines: [{ code: '9921', modifiers: '', units: '1', pointers: '1' }] },
      /^Line 1, code/,
    ],
    [
      {
        diagnoses: 'E11.9',
        lines: [{ code: '99213', modifiers: '255', units: '1', pointers: '1' }],
      },
      /^Line 1, modifiers/,
    ],
    [
      { diagnoses: 'E11.9', lines: [{ code: '99213', modifiers: '', units: '0', pointers: '1' }] },
      /^Line 1, units/,
    ],
    [
      { diagnoses: 'E11.9', lines: [{ code: '99213', modifiers: '', units: '1', pointers: '2' }] },
      /^Line 1, pointers: each points to a diagnosis from 1 to 1/,
    ],
  ])('refuses %j with a message naming the field', (form, message) => {
    const r = codingOf(form);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
