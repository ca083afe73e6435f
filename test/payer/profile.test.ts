import { describe, expect, it } from 'vitest';
import { parsePayerProfile, valueOn } from '../../src/domain/payer/profile';
import { parseFeeTable } from '../../src/domain/payer/pricing/fees';
import { starterFeeTables, starterPayers } from '../../src/services/shipped';
import { shippedFile } from '../support/packs';
import { $ } from './helpers';

const medicare = shippedFile('scenarios/starter/payers/medicare.json') as Record<string, unknown>;

describe('payer profiles', () => {
  it('validates every shipped payer and fee table', () => {
    // acme-health: the payer-rules packs' commercial payer (scenarios/payer-rules-v1, -v2).
    expect([...starterPayers().keys()]).toEqual([
      'acme-health',
      'medicare',
      'commercial-ppo',
      'medicaid',
      // The default commercial plan billed as secondary (its COB method named).
      'commercial-secondary',
    ]);
    // The commercial PPO's vaccine price list joined the Medicaid and Medicare tables (issue 10).
    expect(Object.keys(starterFeeTables()).sort()).toEqual([
      'commercial-ppo-vaccines-2025.json',
      'medicaid-starter-2025.json',
      'medicare-national-2025.json',
    ]);
  });

  it('keeps Medicare values as dated data: deductible, amounts in controversy, sequestration', () => {
    const m = starterPayers().get('medicare')!;
    if (m.kind !== 'medicare') throw new Error('kind');
    expect(valueOn(m.deductible, '2025-12-31')).toBe($('257.00'));
    expect(valueOn(m.deductible, '2026-01-01')).toBe($('283.00'));
    const aic = (d: string) => valueOn(m.appeals, d).map((l) => l.amountInControversy);
    expect(aic('2025-06-01')).toEqual([null, null, $('190.00'), null, $('1900.00')]);
    expect(aic('2026-06-01')).toEqual([null, null, $('200.00'), null, $('1960.00')]);
    expect(valueOn(m.appeals, '2026-06-01').map((l) => l.deadlineDays)).toEqual([
      120, 180, 60, 60, 60,
    ]);
    expect(valueOn(m.sequestration, '2021-01-01')).toBe(0);
    expect(valueOn(m.sequestration, '2026-03-02')).toBe(0.02);
    expect(valueOn(m.timelyFiling, '2026-03-02')).toEqual({
      unit: 'months',
      amount: 12,
      rollToWorkday: true,
    });
  });

  it('reports malformed payer data with the file and field path', () => {
    const bad = structuredClone(medicare) as Record<string, unknown> & {
      deductible: { value: string }[];
      behaviour: Record<string, unknown>;
    };
    bad.deductible[1]!.value = '2 hundred';
    (bad.behaviour.ncci as Record<string, unknown>).carc = '45';
    delete bad.timelyFiling;
    const r = parsePayerProfile(bad, 'payers/medicare.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('payers/medicare.json: deductible[1].value');
    expect(paths).toContain('payers/medicare.json: behaviour.ncci.carc');
    expect(paths).toContain('payers/medicare.json: timelyFiling');
    expect(r.errors.find((e) => e.path.endsWith('deductible[1].value'))!.message).toMatch(/amount/);
  });

  it('rejects an unknown kind and a dated value without its source', () => {
    expect(parsePayerProfile({ ...medicare, kind: 'hmo' }, 'x.json')).toMatchObject({
      ok: false,
      errors: [{ path: 'x.json: kind' }],
    });
    const noSource = { ...medicare, coinsurance: [{ from: '2000-01-01', value: 0.2 }] };
    const r = parsePayerProfile(noSource, 'x.json');
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['x.json: coinsurance[0].source']);
  });

  it('reports a malformed fee table row by path', () => {
    const r = parseFeeTable(
      {
        formatVersion: 1,
        id: 'x',
        name: 'x',
        source: 's',
        effective: { from: '2025-01-01', to: null },
        entries: [{ code: '9921', nonFacility: '1.00', facility: 'x', basis: 'b' }],
      },
      'fees/x.json',
    );
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual([
      'fees/x.json: entries[0].code',
      'fees/x.json: entries[0].facility',
    ]);
  });
});
