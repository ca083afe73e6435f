/**
 * Medicare telehealth: only services on the Medicare Telehealth Services List are paid as
 * telehealth; surgery, anesthesia, lab and radiology services never are. A line of one of them
 * at POS 02 or 10 is `coverage.telehealth` (error; the payer denies CO-5 + M77); an E/M at POS
 * 10, a commercial claim, or an office POS is not judged.
 * See: 42 CFR 410.78(b), (f); Pub. 100-04 ch. 12 §190.3, §190.6.
 */
import { describe, expect, it } from 'vitest';
import { telehealthFindings } from '../../src/domain/edits/telehealth';
import { claim, line } from '../payer/helpers';

const at = (pos: string, codes: string[]) =>
  claim(
    codes.map((c) => line(c, '100.00')),
    { provider: { npi: '1234567893', pos, locality: '10112-00' } },
  );

describe('Medicare telehealth list (services never on it)', () => {
  it('flags surgery, lab and radiology at POS 02/10, each on its line', () => {
    const fs = telehealthFindings(at('10', ['20610', '80053', '71046', '99213']), 'medicare');
    expect(fs.map((f) => [f.id, f.severity, f.line])).toEqual([
      ['coverage.telehealth', 'error', 1],
      ['coverage.telehealth', 'error', 2],
      ['coverage.telehealth', 'error', 3],
    ]);
    expect(telehealthFindings(at('02', ['11042']), 'medicare')).toHaveLength(1);
  });

  it('leaves E/M, 77427, office POS and other payers alone', () => {
    expect(telehealthFindings(at('10', ['99213', '77427', 'G2211']), 'medicare')).toEqual([]);
    expect(telehealthFindings(at('11', ['20610']), 'medicare')).toEqual([]);
    expect(telehealthFindings(at('10', ['20610']), 'commercial')).toEqual([]);
  });
});
