/**
 * The synthetic world (src/domain/world): determinism, identifiers, age bands, dual/QMB
 * coverage, payer behaviour, and the note's noise against the answer key.
 * See: issue 15 (synthetic world).
 */
import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../../../src/domain/claim/npi';
import {
  AGE_BANDS,
  ageOn,
  behaviourOnDate,
  createWorld,
  encounterFromTemplate,
  encounterSource,
  fitsMemberIdPattern,
  isMbi,
  makeMbi,
  npiCheckDigit,
  templateEntries,
  type EncounterTemplate,
  type GeneratedEncounter,
} from '../../../src/domain/world/index';
import { seededRandom } from '../../../src/domain/random/seeded';
import { starterPayers } from '../../../src/services/shipped';

const ppoProfile = () => {
  const p = starterPayers().get('commercial-ppo')!;
  return { id: p.id, kind: p.kind, behaviour: p.behaviour, appeals: p.appeals };
};

const TEMPLATE: EncounterTemplate = {
  id: 'htn-visit',
  title: 'Hypertension visit',
  patient: { ageBand: { min: 40, max: 80 }, sex: 'any' },
  encounter: {
    payerIds: ['medicare', 'commercial-ppo'],
    pos: '11',
    serviceDates: { from: '2025-10-01', to: '2026-09-30' },
  },
  facts: [
    { id: 'htn', statement: 'essential hypertension', diagnosis: 'I10', certainty: 'confirmed' },
    { id: 'cp', statement: 'chest pain', diagnosis: 'R07.9', certainty: 'negated' },
    { id: 'pna', statement: 'pneumonia', diagnosis: 'J18.9', certainty: 'uncertain' },
    { id: 'appy', statement: 'appendectomy', certainty: 'history' },
  ],
  answer: {
    diagnoses: ['htn'],
    lines: [{ code: '99213', modifiers: [], units: 1, facts: ['htn'] }],
    expected: { status: 'paid', findings: [] },
  },
};

const take = (seed: number, n: number, tpl = [TEMPLATE]): GeneratedEncounter[] => {
  const src = encounterSource(createWorld(seed), templateEntries('test', tpl));
  const out: GeneratedEncounter[] = [];
  for (let e = src.next(); e && out.length < n; e = src.next()) out.push(e);
  return out;
};

describe('determinism (STYLE.md habit 6)', () => {
  it('the same seed gives the same world and encounters, byte for byte', () => {
    expect(JSON.stringify(createWorld(42))).toBe(JSON.stringify(createWorld(42)));
    expect(JSON.stringify(take(42, 300))).toBe(JSON.stringify(take(42, 300)));
  });
  it('a different seed gives a different world and different encounters', () => {
    expect(JSON.stringify(createWorld(43))).not.toBe(JSON.stringify(createWorld(42)));
    expect(JSON.stringify(take(43, 50))).not.toBe(JSON.stringify(take(42, 50)));
  });
  it('encounterFromTemplate stands alone: same inputs, same encounter', () => {
    const w = createWorld(5, { patients: 0 });
    const entry = { packId: 'test', template: TEMPLATE };
    const a = encounterFromTemplate(w, entry, '2026-02-02', 9);
    expect(JSON.stringify(encounterFromTemplate(w, entry, '2026-02-02', 9))).toBe(
      JSON.stringify(a),
    );
    expect(a.templateId).toBe('test/htn-visit');
  });
});

describe('providers', () => {
  it('every NPI passes the Luhn check with prefix 80840', () => {
    for (let s = 0; s < 50; s++)
      for (const p of createWorld(s, { patients: 0, providers: 6 }).providers)
        expect(isValidNpi(p.npi), p.npi).toBe(true);
  });
  it('the check digit of the CMS example 123456789 is 3', () => {
    // See: CMS NPI check digit example (1234567893).
    expect(npiCheckDigit('123456789')).toBe(3);
  });
  it('specialty and locality are set; pediatrics only sees children', () => {
    const w = createWorld(1);
    expect(w.providers.map((p) => p.specialty)).toContain('Pediatrics');
    expect(new Set(w.providers.map((p) => p.locality))).toEqual(new Set(['10112-00']));
    for (const e of take(1, 400)) {
      const age = ageOn(e.patient.birthDate, e.serviceDate);
      if (e.provider.specialty === 'Pediatrics') expect(age).toBeLessThan(18);
    }
  });
});

describe('patients and coverage', () => {
  const w = createWorld(7, { patients: 3000 });
  const kinds = w.payerKinds;
  it('ages fall in the bands of the primary payer kind (Medicare 65+ or by disability)', () => {
    for (const p of w.patients) {
      const primary = w.coverage[p.id]![0]!;
      const age = ageOn(p.birthDate, w.startDate);
      const bands = AGE_BANDS[kinds[primary.payerId]!];
      expect(
        bands.some(([min, max]) => age >= min && age <= max),
        `${p.id} age ${age}`,
      ).toBe(true);
    }
    const ages = w.patients.map((p) => ageOn(p.birthDate, w.startDate));
    expect(ages.some((a) => a === 0)).toBe(true);
    expect(ages.some((a) => a >= 85)).toBe(true);
  });
  it('the payer mix is close to the requested shares', () => {
    const n = (id: string) => w.patients.filter((p) => w.coverage[p.id]![0]!.payerId === id).length;
    expect(n('medicare') / 3000).toBeCloseTo(0.45, 1);
    expect(n('commercial-ppo') / 3000).toBeCloseTo(0.4, 1);
    expect(n('medicaid') / 3000).toBeCloseTo(0.15, 1);
  });
  it("member ids follow each payer's format (MBI for Medicare)", () => {
    for (const p of w.patients)
      for (const c of w.coverage[p.id]!)
        expect(fitsMemberIdPattern(w.memberIdFormats[c.payerId]!, c.memberId), c.memberId).toBe(
          true,
        );
    expect(w.memberIdFormats.medicare).toBe('MBI');
    expect(isMbi('1EG4TE5MK73')).toBe(true); // CMS's published example
    expect(isMbi('1EG4TE5MK7S')).toBe(false);
    const r = seededRandom(3);
    for (let i = 0; i < 200; i++) expect(isMbi(makeMbi(r))).toBe(true);
  });
  it('Medicare at 65 starts on the first of the birthday month (the month before for a birthday on the 1st)', () => {
    // See: 42 CFR 407.25; 20 CFR 404.2(c)(4) (an age is attained the day before the birthday).
    for (const p of w.patients) {
      const c = w.coverage[p.id]![0]!;
      if (c.payerId !== 'medicare' || ageOn(p.birthDate, w.startDate) < 65) continue;
      const y = Number(p.birthDate.slice(0, 4)) + 65;
      const m = Number(p.birthDate.slice(5, 7));
      const expected =
        p.birthDate.slice(8) === '01'
          ? m === 1
            ? `${y - 1}-12-01`
            : `${y}-${String(m - 1).padStart(2, '0')}-01`
          : `${y}-${p.birthDate.slice(5, 7)}-01`;
      expect(c.effectiveFrom, p.birthDate).toBe(expected);
    }
  });
  it('dual eligibles: QMB and full-benefit duals have Medicaid secondary; SLMB and QI do not', () => {
    // See: CMS MLN "Dually Eligible Beneficiaries under Medicare and Medicaid" (MSP groups).
    const duals = w.patients.filter((p) => p.dualStatus);
    expect(duals.length).toBeGreaterThan(50);
    expect(duals.some((p) => p.dualStatus === 'qmb')).toBe(true);
    for (const p of duals) {
      const cov = w.coverage[p.id]!;
      expect(cov[0]!.payerId).toBe('medicare');
      const hasMedicaid = cov.some((c) => c.payerId === 'medicaid' && c.sequence === 'secondary');
      expect(hasMedicaid, `${p.dualStatus}`).toBe(
        ['qmb', 'qmb-plus', 'slmb-plus', 'full-medicaid'].includes(p.dualStatus!),
      );
    }
    for (const p of w.patients)
      if (!p.dualStatus)
        expect(
          w.coverage[p.id]!.some((c) => c.payerId === 'medicaid' && c.sequence !== 'primary'),
        ).toBe(false);
  });
  it('children are dependents on a commercial plan; coverage starts on or after birth', () => {
    for (const p of w.patients) {
      const age = ageOn(p.birthDate, w.startDate);
      for (const c of w.coverage[p.id]!) {
        expect(c.effectiveFrom >= p.birthDate).toBe(true);
        if (age < 18 && c.payerId === 'commercial-ppo') expect(c.relation).toBe('dependent');
      }
    }
  });
  it('a QMB template gets a QMB patient with Medicaid secondary', () => {
    const qmb: EncounterTemplate = {
      ...TEMPLATE,
      id: 'qmb',
      patient: { ageBand: { min: 65, max: 90 }, sex: 'any', dualStatus: 'qmb' },
      encounter: { ...TEMPLATE.encounter, payerIds: ['medicare'] },
    };
    for (const e of take(11, 100, [qmb])) {
      expect(e.patient.dualStatus).toBe('qmb');
      expect(e.coverage.map((c) => `${c.sequence}:${c.payerId}`)).toEqual([
        'primary:medicare',
        'secondary:medicaid',
      ]);
    }
  });
});

describe('payer behaviour', () => {
  it('reads the profile, draws the rest from the seed, and takes overrides', () => {
    const w = createWorld(3, {
      payers: [
        {
          id: 'ppo',
          kind: 'commercial',
          behaviour: {
            processingDays: 21,
            documentationRequestRate: 0.1,
            seed: 1,
            ncci: { apply: false, carc: '236' },
            modifier25: 'accept',
            invalidDiagnosis: 'reject',
          },
        },
        { id: 'medicare', kind: 'medicare' },
      ],
      behaviour: { medicare: { clearinghouseDays: 4, strictModifier25: true } },
    });
    const ppo = w.payers.find((p) => p.payerId === 'ppo')!;
    expect(ppo.documentationRequestRate).toBe(0.1);
    expect(ppo.strictNcci).toBe(false);
    expect(ppo.strictModifier25).toBe(false);
    expect(ppo.processingDays.min).toBeLessThan(21);
    expect(ppo.processingDays.max).toBeGreaterThan(21);
    const mc = w.payers.find((p) => p.payerId === 'medicare')!;
    expect(mc.clearinghouseDays).toBe(4);
    expect(mc.strictModifier25).toBe(true);
    expect(mc.appealReviewDays).toHaveLength(5);
  });
});

describe('encounters', () => {
  const list = take(21, 2000);
  it('come in date order, on clinic days, within the template period, with covered patients', () => {
    for (let i = 1; i < list.length; i++)
      expect(list[i]!.serviceDate >= list[i - 1]!.serviceDate).toBe(true);
    for (const e of list) {
      const day = new Date(`${e.serviceDate}T00:00:00Z`).getUTCDay();
      expect(day === 0 || day === 6).toBe(false);
      const age = ageOn(e.patient.birthDate, e.serviceDate);
      expect(age >= 40 && age <= 80).toBe(true);
      expect(['medicare', 'commercial-ppo']).toContain(e.coverage[0]!.payerId);
      for (const c of e.coverage) expect(c.effectiveFrom <= e.serviceDate).toBe(true);
    }
  });
  it('answer key: first-listed order, pointers and charges from the charge master', () => {
    const e = list[0]!;
    expect(e.answer.diagnoses).toEqual(['I10']);
    expect(e.answer.lines).toEqual([
      { code: '99213', modifiers: [], units: 1, dxPointers: [1], charge: 12000 },
    ]);
    expect(e.expected).toEqual({ status: 'paid', findings: [] });
  });
  it('stops after count', () => {
    const src = encounterSource(createWorld(1), templateEntries('t', [TEMPLATE]), { count: 3 });
    expect([src.next(), src.next(), src.next(), src.next()].map((e) => e?.id ?? null)).toEqual([
      'enc-000001',
      'enc-000002',
      'enc-000003',
      null,
    ]);
  });
  it('a template no world payer can bill is refused with its name', () => {
    const bad = { ...TEMPLATE, encounter: { ...TEMPLATE.encounter, payerIds: ['nobody'] } };
    expect(() => encounterSource(createWorld(1), templateEntries('t', [bad]))).toThrow(
      /t\/htn-visit: encounter.payerIds/,
    );
  });
});

describe('the note and its noise', () => {
  const all = { unrelatedHistory: 1, copyForward: 1, rosNegatives: 1 };
  const text = (e: GeneratedEncounter) => e.note.map((s) => `${s.heading}: ${s.text}`).join('\n');
  it('carries negated and uncertain facts, unrelated history and copied-forward text', () => {
    const src = encounterSource(createWorld(2), templateEntries('t', [TEMPLATE]), { noise: all });
    for (let i = 0; i < 50; i++) {
      const t = text(src.next()!);
      expect(t).toMatch(/(denies|no|negative for) chest pain/i);
      expect(t).toMatch(/(rule out|possible|suspected) pneumonia/i);
      expect(t).toMatch(/history of appendectomy/i);
      expect(t).toMatch(/Past history notable only for/);
      expect(t).toMatch(/\[Carried forward from the note of \d{4}-\d{2}-\d{2}:\]/);
      expect(t).toMatch(/Assessment: 1\. Essential hypertension\./);
      expect(t).not.toMatch(/denies[^.]*hypertension/);
    }
  });
  it('without noise the note has only the facts', () => {
    const src = encounterSource(createWorld(2), templateEntries('t', [TEMPLATE]), {
      noise: { unrelatedHistory: 0, copyForward: 0, rosNegatives: 0 },
    });
    const t = text(src.next()!);
    expect(t).not.toMatch(/Carried forward|Past history|Review of systems/);
  });
  it('the answer key never codes a negated or uncertain fact (Guidelines IV.H)', () => {
    for (const e of take(4, 500)) {
      expect(e.answer.diagnoses).not.toContain('R07.9');
      expect(e.answer.diagnoses).not.toContain('J18.9');
    }
  });
});

describe('payer policies that change by date', () => {
  it("the PPO's dated behaviour: 21 processing days and distinct-diagnosis 25 before 2026-07-01, 14 days after", () => {
    // scenarios/starter/payers/commercial-ppo.json: behaviour changes on 2026-07-01.
    const w = createWorld(8, { payers: [ppoProfile()], patients: 0 });
    const before = behaviourOnDate(w, 'commercial-ppo', '2026-06-30')!;
    const after = behaviourOnDate(w, 'commercial-ppo', '2026-07-01')!;
    expect(before.processingDays.min).toBeGreaterThan(14);
    expect(after.processingDays.max).toBeLessThan(21);
    expect(after.strictModifier25).toBe(true);
    expect(w.behaviourChanges['commercial-ppo']!.map((c) => c.from)).toEqual(['2026-07-01']);
  });
});

describe('bad options and isolation', () => {
  it('refuses a practice without providers, with a message naming the option', () => {
    expect(() => createWorld(1, { providers: 0 })).toThrow(/at least one provider/);
    expect(() => createWorld(1.5)).toThrow(/seed must be an integer/);
  });
  it("payer behaviour does not depend on the panel's size", () => {
    expect(createWorld(4, { patients: 10 }).payers).toEqual(
      createWorld(4, { patients: 900 }).payers,
    );
  });
  it("changing an encounter's patient does not change the world", () => {
    const w = createWorld(6);
    const before = JSON.stringify(w);
    const src = encounterSource(w, templateEntries('t', [TEMPLATE]));
    for (let i = 0; i < 50; i++) {
      const e = src.next()!;
      e.patient.lastName = 'Changed';
      e.patient.address.city = 'Elsewhere';
      e.coverage[0]!.memberId = 'X';
    }
    expect(JSON.stringify(w)).toBe(before);
  });
});
