/**
 * Claim attachments travel in the 837P as 2300 PWK segments (PWK01 report type, PWK02
 * transmission, PWK05 AC + PWK06 attachment control number) and are read back.
 * See: X12 005010X222A1 2300 PWK (claim supplemental information).
 */
import { describe, expect, it } from 'vitest';
import { parse837p, write837p } from '../../src/interop/x12/837p';
import { claim, line } from '../payer/helpers';

describe('837P PWK attachments', () => {
  it('writes each attachment as a PWK segment and reads it back', () => {
    const c = claim([line('99214', '150.00', { modifiers: ['25'] }), line('20610', '150.00')], {
      payerId: 'commercial-ppo',
      attachments: [
        { reportType: '09', transmission: 'EL', controlNumber: 'ATT-20260603-01' },
        { reportType: 'OZ', transmission: 'AA' },
      ],
    });
    const text = write837p(c);
    expect(text).toContain('PWK*09*EL***AC*ATT-20260603-01~');
    expect(text).toContain('PWK*OZ*AA~');
    const back = parse837p(text);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value[0]!.attachments).toEqual(c.attachments);
  });

  it('a claim without attachments has no PWK segment', () => {
    const text = write837p(claim([line('99213', '100.00')]));
    expect(text).not.toContain('PWK*');
  });
});
