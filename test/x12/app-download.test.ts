/** The remittance the app stores carries its 835 text, which the Download button saves. */
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { read835, remittanceJsonWith835 } from '../../src/interop/x12/835';
import { claim, fees, finding, line, payer } from '../payer/helpers';

describe('remittanceJsonWith835', () => {
  it('adds the 835 of an adjudicated claim, which reads back to the same remittance', () => {
    const r = adjudicate(claim([line('99213', '120.00')]), { payer: payer('medicare'), fees });
    const j = remittanceJsonWith835(r);
    expect(j.x12835).toMatch(/^ISA\*/);
    expect(j.x12835).toContain('CLP*T1*');
    const back = read835(j.x12835!);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value[0]?.totals.paid).toBe(r.totals.paid);
  });

  it('has no 835 for a front-end rejection', () => {
    const r = adjudicate(claim([line('99213', '120.00')]), {
      payer: payer('medicare'),
      fees,
      findings: [finding('claim.invalid-field', null, { field: 'provider.npi' })],
    });
    expect(r.status).toBe('rejected');
    expect(remittanceJsonWith835(r).x12835).toBeNull();
  });
});
