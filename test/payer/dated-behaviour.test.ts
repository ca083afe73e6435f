/**
 * Payer behaviour that changes by date (issue 5: "policies that change by date"): a profile's
 * `behaviour` is one undated object or a dated list; the adjudicator uses the entry in force on
 * the date of service (processing days: on the receipt date). The starter commercial plan
 * changes on 2026-07-01 (synthetic plan policy): an E/M with modifier 25 billed with a
 * procedure needs the office notes (CO-252 + M127), and claims are processed in 14 days, not 21.
 */
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { behaviourOn, parsePayerProfile, type PayerProfile } from '../../src/domain/payer/profile';
import { claim, fees, line, payer } from './helpers';
import { shippedFile } from '../support/packs';

const readPayer = (f: string) => shippedFile(`scenarios/starter/payers/${f}`);

/** E/M with modifier 25 for hypertension (dx 2) + a joint injection for knee arthritis (dx 3). */
const emWithProcedure = (serviceDate: string, submissionDate = serviceDate) =>
  claim(
    [
      line('99214', '150.00', { modifiers: ['25'], dxPointers: [2] }),
      line('20610', '150.00', { modifiers: ['RT'], dxPointers: [3] }),
    ],
    { claimId: 'DATED-1', payerId: 'commercial-ppo', serviceDate, submissionDate },
  );

const ctxFor = (p: PayerProfile, receivedDate?: string) => ({
  payer: p,
  fees,
  seed: 1,
  ...(receivedDate ? { receivedDate } : {}),
});

describe('dated payer behaviour', () => {
  it('the same claim adjudicates differently before and after the plan policy date', () => {
    const p = payer('commercial-ppo');
    const before = adjudicate(emWithProcedure('2026-06-30'), ctxFor(p));
    const after = adjudicate(emWithProcedure('2026-07-01'), ctxFor(p));
    // Before: the distinct diagnosis is enough; the E/M is priced and paid.
    expect(before.lines[0]!.allowed).toBe(14436); // 125% of Medicare's 99214 (115.49)
    expect(before.lines[0]!.adjustments.map((a) => `${a.group}-${a.carc}`)).not.toContain('CO-252');
    // After: held for the office notes, the whole charge CO-252 with M127; the procedure pays.
    expect(after.lines[0]!.allowed).toBe(0);
    expect(after.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '252', amount: 15000 }]);
    expect(after.lines[0]!.remarks).toEqual(['M127']);
    expect(after.lines[1]!.allowed).toBe(7151); // 125% of Medicare's 20610 (57.21)
    expect(after.status).toBe('partially-paid');
  });

  it('an E/M with 25 pointing only to the procedure diagnosis is still CO-4 under both policies', () => {
    const p = payer('commercial-ppo');
    for (const dos of ['2025-09-10', '2026-08-03']) {
      const c = emWithProcedure(dos);
      c.lines[0]!.dxPointers = [3];
      expect(adjudicate(c, ctxFor(p)).lines[0]!.adjustments).toEqual([
        { group: 'CO', carc: '4', amount: 15000 },
      ]);
    }
  });

  it('processing days come from the entry in force on the receipt date, the rules from the date of service', () => {
    const p = payer('commercial-ppo');
    const dos = '2026-06-25';
    const early = adjudicate(emWithProcedure(dos), ctxFor(p, '2026-06-30'));
    const late = adjudicate(emWithProcedure(dos), ctxFor(p, '2026-07-01'));
    expect(early.remitDate).toBe('2026-07-21'); // 21 days
    expect(late.remitDate).toBe('2026-07-15'); // 14 days from 2026-07-01
    // The service was before 2026-07-01: the old modifier-25 rule still applies.
    expect(late.lines[0]!.allowed).toBe(14436); // 125% of Medicare's 99214 (115.49)
  });

  it('behaviourOn: undated objects as they are; dated lists by date (first entry before it starts)', () => {
    const mcr = payer('medicare');
    expect(Array.isArray(mcr.behaviour)).toBe(false);
    expect(behaviourOn(mcr, '2030-01-01')).toBe(mcr.behaviour);
    const p = payer('commercial-ppo');
    expect(behaviourOn(p, '2024-05-01').modifier25).toBe('require-distinct-diagnosis');
    expect(behaviourOn(p, '2026-06-30').processingDays).toBe(21);
    expect(behaviourOn(p, '2026-07-01').modifier25).toBe('require-records');
    expect(behaviourOn(p, '2031-01-01').processingDays).toBe(14);
  });

  it('every dated behaviour entry has its source; the commercial change says it is synthetic', () => {
    const p = payer('commercial-ppo');
    if (!Array.isArray(p.behaviour)) throw new Error('commercial-ppo behaviour should be dated');
    expect(p.behaviour.map((e) => e.from)).toEqual(['2025-01-01', '2026-07-01']);
    expect(p.behaviour[1]!.source).toMatch(/synthetic plan policy/);
  });
});

describe('malformed dated behaviour', () => {
  const errorsOf = (json: unknown, file: string) => {
    const r = parsePayerProfile(json, file);
    if (r.ok) throw new Error('expected the profile to be rejected');
    return r.errors;
  };

  it('names the file, the entry and the field', () => {
    const bad = readPayer('commercial-ppo.json') as { behaviour: { value: object }[] };
    bad.behaviour[1]!.value = { ...bad.behaviour[1]!.value, modifier25: 'sometimes' };
    const errors = errorsOf(bad, 'commercial-ppo.json');
    expect(errors.map((e) => e.path)).toEqual([
      'commercial-ppo.json: behaviour[1].value.modifier25',
    ]);
    expect(errors[0]!.message).toMatch(/^behaviour\[1\]\.value\.modifier25: /);
  });

  it('a dated entry without its source or with a bad date is reported at its path', () => {
    const bad = readPayer('commercial-ppo.json') as {
      behaviour: { from: string; source?: string }[];
    };
    delete bad.behaviour[0]!.source;
    bad.behaviour[1]!.from = '2026-13-01';
    const paths = errorsOf(bad, 'commercial-ppo.json').map((e) => e.path);
    expect(paths).toContain('commercial-ppo.json: behaviour[0].source');
    expect(paths).toContain('commercial-ppo.json: behaviour[1].from');
  });

  it('an undated behaviour keeps its plain path; neither shape gives one clear message', () => {
    const mcr = readPayer('medicare.json') as { behaviour: unknown };
    (mcr.behaviour as { processingDays: number }).processingDays = -1;
    expect(errorsOf(mcr, 'medicare.json').map((e) => e.path)).toEqual([
      'medicare.json: behaviour.processingDays',
    ]);
    mcr.behaviour = 'fast';
    const e = errorsOf(mcr, 'medicare.json');
    expect(e.map((x) => x.path)).toEqual(['medicare.json: behaviour']);
    expect(e[0]!.message).toMatch(/object or a dated list/);
    mcr.behaviour = [];
    expect(errorsOf(mcr, 'medicare.json')[0]!.message).toMatch(/at least one dated entry/);
  });

  it('every shipped starter profile still parses', () => {
    for (const f of ['medicare.json', 'commercial-ppo.json', 'medicaid.json'])
      expect(parsePayerProfile(readPayer(f), f).ok, f).toBe(true);
  });
});
