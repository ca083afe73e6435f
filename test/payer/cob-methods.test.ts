/**
 * How a commercial plan pays as secondary (its profile's `coordination.method`): standard
 * (traditional COB: up to its normal benefit, never more than the primary left), non-duplication
 * (its normal benefit less what the primary paid) and carve-out (its benefit rate on what the
 * primary did not pay of its allowed amount). Every line still balances and the patient owes
 * what the secondary leaves of the primary's patient responsibility.
 * Amounts by hand: billed 150.00; the secondary alone would allow 100.00 and pay 80.00 (20%
 * coinsurance); the primary allowed 100.00, paid 70.00 and left 30.00 coinsurance (PR-2).
 * See: NAIC Coordination of Benefits Model Regulation (MDL-120) §6; cob.ts.
 */
import { describe, expect, it } from 'vitest';
import { applySecondary } from '../../src/domain/payer/coordination/cob';
import { readFileSync } from 'node:fs';
import { parsePayerProfile } from '../../src/domain/payer/profile';
import { lineBalances, type Remittance } from '../../src/domain/payer/remittance/remittance';
import { cents } from '../../src/domain/money';
import { shippedPayerService } from '../../src/services/shipped';

const c = (n: number) => cents(n);
const own = {
  line: 1,
  code: '99213',
  modifiers: [],
  units: 1,
  serviceDate: '2026-03-02',
  billed: c(15000),
  allowed: c(10000),
  paid: c(8000),
  adjustments: [
    { group: 'CO' as const, carc: '45', amount: c(5000) },
    { group: 'PR' as const, carc: '2', amount: c(2000) },
  ],
  remarks: [],
};
const primary = {
  lines: [
    {
      ...own,
      paid: c(7000),
      adjustments: [
        { group: 'CO' as const, carc: '45', amount: c(5000) },
        { group: 'PR' as const, carc: '2', amount: c(3000) },
      ],
    },
  ],
} as unknown as Remittance;

const pay = (method: 'standard' | 'non-duplication' | 'carve-out') =>
  applySecondary([own], primary, { seqRate: 0, method })[0]!;

describe('commercial secondary: the COB method its profile names', () => {
  it('standard: the lesser of its normal benefit (80.00) and what the primary left (30.00)', () => {
    const l = pay('standard');
    expect(l.paid).toBe(3000);
    expect(l.adjustments).toEqual([{ group: 'OA', carc: '23', amount: 12000 }]);
    expect(lineBalances(l)).toBe(true);
  });

  it('non-duplication: its normal benefit less the primary’s payment (80.00 − 70.00 = 10.00); the patient owes 20.00', () => {
    const l = pay('non-duplication');
    expect(l.paid).toBe(1000);
    expect(l.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: 12000 },
      { group: 'PR', carc: '2', amount: 2000 },
    ]);
    expect(lineBalances(l)).toBe(true);
  });

  it('carve-out: its 80% benefit rate on what the primary did not pay (100.00 − 70.00) = 24.00; the patient owes 6.00', () => {
    const l = pay('carve-out');
    expect(l.paid).toBe(2400);
    expect(l.adjustments).toEqual([
      { group: 'OA', carc: '23', amount: 12000 },
      { group: 'PR', carc: '2', amount: 600 },
    ]);
    expect(lineBalances(l)).toBe(true);
  });

  it('non-duplication pays nothing when the primary paid its normal benefit or more', () => {
    const l = applySecondary([{ ...own, paid: c(6000) }], primary, {
      seqRate: 0,
      method: 'non-duplication',
    })[0]!;
    expect(l.paid).toBe(0);
    expect(l.adjustments.find((a) => a.group === 'PR')?.amount).toBe(3000);
  });

  it('the shipped default commercial-secondary profile names its method (standard) and its source', () => {
    const p = shippedPayerService().payers.get('commercial-secondary');
    expect(p?.kind).toBe('commercial');
    if (p?.kind !== 'commercial') return;
    expect(p.coordination?.method).toBe('standard');
    expect(p.coordination?.source).toMatch(/MDL-120/);
  });

  it('a profile naming an unknown method is refused with the field path', () => {
    const raw = JSON.parse(
      readFileSync(
        new URL('../../scenarios/starter/payers/commercial-secondary.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, unknown>;
    expect(parsePayerProfile(raw, 'commercial-secondary.json').ok).toBe(true);
    const r = parsePayerProfile(
      { ...raw, coordination: { method: 'half', source: 'x' } },
      'commercial-secondary.json',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe('commercial-secondary.json: coordination.method');
  });
});
