import { describe, expect, it } from 'vitest';
import {
  attemptFacts,
  scoreAttempt,
  scoreCoding,
  type AttemptFacts,
  type CaseKey,
  type RemitLike,
  type StoredAttemptContext,
} from '../../src/domain/scoring';
import { caseKeyOf } from '../../src/scenarios/case-key';

const key: CaseKey = {
  diagnoses: [
    {
      code: 'E11.65',
      rationale: 'Type 2 diabetes with documented hyperglycemia (A1c 8.9%).',
      acceptable: [],
      alternatives: [{ code: 'E11.9', credit: 0.3, rationale: 'E11.9 misses the hyperglycemia.' }],
    },
    { code: 'I10', rationale: 'Essential hypertension, treated at the visit.' },
  ],
  lines: [
    {
      code: '99214',
      modifiers: ['25'],
      units: 1,
      dxPointers: [1, 2],
      rationale: 'Moderate MDM: two chronic illnesses, one worsening.',
    },
    {
      code: '17110',
      modifiers: [],
      units: 1,
      dxPointers: [1],
      rationale: 'Destruction of warts, up to 14 lesions.',
    },
  ],
  expected: { status: 'paid' },
  chargeMaster: { '99214': '180.00', '17110': '150.00' },
};

const claim = (frequency = '1', originalClaimId: string | null = null) => ({
  frequency,
  originalClaimId,
  diagnoses: ['E11.65', 'I10'],
  lines: [
    { code: '99214', modifiers: ['25'], units: 1, dxPointers: [1, 2], charge: 18000 },
    { code: '17110', modifiers: [], units: 1, dxPointers: [1], charge: 15000 },
  ],
});
const remit = (status: RemitLike['status'], extra: Partial<RemitLike> = {}): RemitLike => ({
  status,
  totals: { patientResponsibility: '0.00', paid: '100.00' },
  lines: [],
  findings: [],
  ...extra,
});
const draft = { diagnoses: [], lines: [] };

const ctx = (subs: StoredAttemptContext['submissions']): StoredAttemptContext => ({
  draft,
  submissions: subs,
});

describe('scoreAttempt: how the claim got paid', () => {
  it('a clean claim paid on the first submission scores 100%', () => {
    const r = scoreAttempt(
      key,
      attemptFacts(ctx([{ claim: claim(), submittedOn: '2026-02-01', remittance: remit('paid') }])),
    );
    expect(r.items.filter((i) => i.mark !== 'right')).toEqual([]);
    expect(r.totals.percent).toBe(100);
    expect(r.items.find((i) => i.kind === 'claim-outcome')?.mark).toBe('right');
  });

  it('a case sent four times, with a rejection and a refused reopening, does not score 100%', () => {
    const rejected = remit('rejected', {
      findings: [
        {
          id: 'claim.member-id',
          severity: 'error',
          message: 'Member ID missing',
          reference: 'NUCC 1500 item 1a',
        },
      ],
    });
    const denied = remit('denied', {
      lines: [{ adjustments: [{ group: 'CO', carc: '4', amount: '150.00' }] }],
    });
    const facts = attemptFacts(
      ctx([
        { claim: claim(), submittedOn: '2026-02-01', remittance: rejected },
        { claim: claim(), submittedOn: '2026-02-05', remittance: denied },
        { claim: claim('1', 'ICN1'), submittedOn: '2026-02-20', remittance: remit('refused') },
        { claim: claim('7', 'ICN1'), submittedOn: '2026-03-01', remittance: remit('paid') },
      ]),
    );
    const r = scoreAttempt(key, facts);
    const pay = r.items.filter((i) => i.section === 'payment');
    expect(pay.map((i) => [i.label, i.mark])).toEqual([
      ['Claim outcome', 'partly'],
      ['Claim 1: rejected', 'wrong'],
      ['Claim 2: denied', 'wrong'],
      ['Claim 3: reopening refused', 'wrong'],
    ]);
    expect(pay[1]?.reference).toBe('NUCC 1500 item 1a');
    expect(pay[2]?.given).toContain('CO-4');
    expect(pay[3]?.reference).toMatch(/ch\. 34/);
    expect(r.totals.percent).toBeLessThan(100);
    // The corrections are read from the claims: resubmit after the rejection, reopening, replacement.
    expect(facts.decisions.actions).toEqual([
      'correct-and-resubmit',
      'reopening',
      'corrected-claim',
    ]);
  });

  it('a denial the case expects is its point, not a cost', () => {
    const k: CaseKey = { ...key, expected: { status: 'denied' } };
    const r = scoreAttempt(
      k,
      attemptFacts(
        ctx([{ claim: claim(), submittedOn: '2026-02-01', remittance: remit('denied') }]),
      ),
    );
    expect(r.items.filter((i) => i.section === 'payment').map((i) => i.mark)).toEqual(['right']);
  });

  it('is reproducible: the stored attempt, read back from JSON, scores exactly the same', () => {
    const stored = ctx([
      { claim: claim(), submittedOn: '2026-02-01', remittance: remit('rejected') },
      { claim: claim(), submittedOn: '2026-02-03', remittance: remit('paid') },
    ]);
    const a = scoreAttempt(key, attemptFacts(stored));
    const b = scoreAttempt(
      JSON.parse(JSON.stringify(key)) as CaseKey,
      attemptFacts(JSON.parse(JSON.stringify(stored)) as StoredAttemptContext),
    );
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('charges that differ from the charge master are wrong (item 24F)', () => {
    const c = claim();
    c.lines[1]!.charge = 9900;
    const r = scoreAttempt(
      key,
      attemptFacts(ctx([{ claim: c, submittedOn: '2026-02-01', remittance: remit('paid') }])),
    );
    const item = r.items.find((i) => i.kind === 'claim-field');
    expect(item).toMatchObject({ mark: 'wrong', reference: expect.stringContaining('24F') });
    expect(item?.rationale).toContain('17110: 150.00');
  });
});

describe('scoreAttempt: follow-up decisions', () => {
  const denied = remit('denied', {
    appealDeadline: '2026-06-01',
    lines: [{ adjustments: [{ group: 'CO', carc: '50', amount: '180.00' }] }],
  });
  const k: CaseKey = {
    ...key,
    expected: { status: 'denied' },
    denial: {
      actions: ['appeal'],
      appealLevel: 1,
      rationale: 'A medical necessity denial with documentation that supports it is appealed.',
    },
  };
  const base = (decisions: AttemptFacts['decisions']): AttemptFacts => ({
    ...attemptFacts(ctx([{ claim: claim(), submittedOn: '2026-02-01', remittance: denied }])),
    decisions,
  });

  it('scores the denial action, the appeal level and the timing against the deadline', () => {
    const good = scoreAttempt(
      k,
      base({ actions: ['appeal'], appeal: { level: 1, filedOn: '2026-05-01' } }),
    );
    const rows = (r: typeof good) =>
      r.items.filter((i) => i.section === 'follow-up').map((i) => [i.kind, i.mark]);
    expect(rows(good)).toEqual([
      ['denial-action', 'right'],
      ['appeal-level', 'right'],
      ['appeal-timing', 'right'],
    ]);
    const late = scoreAttempt(
      k,
      base({ actions: ['appeal'], appeal: { level: 2, filedOn: '2026-06-02' } }),
    );
    expect(rows(late)).toEqual([
      ['denial-action', 'right'],
      ['appeal-level', 'wrong'],
      ['appeal-timing', 'wrong'],
    ]);
    const none = scoreAttempt(k, base({ actions: ['write-off'] }));
    // An appeal never filed also misses its window (issue 13: decisions the key expects are
    // scored when not taken), and the write-off is scored as the balance decision it is.
    expect(rows(none)).toEqual([
      ['denial-action', 'wrong'],
      ['appeal-level', 'wrong'],
      ['appeal-timing', 'wrong'],
      ['balance-decision', 'right'],
    ]);
  });

  it('billing the patient for a CO denial is wrong; writing it off is right', () => {
    const bill = scoreAttempt(k, base({ actions: ['appeal'], balance: 'bill-patient' }));
    expect(bill.items.find((i) => i.kind === 'balance-decision')).toMatchObject({
      mark: 'wrong',
      expected: 'write it off',
    });
    const off = scoreAttempt(k, base({ actions: ['appeal'], balance: 'write-off' }));
    expect(off.items.find((i) => i.kind === 'balance-decision')?.mark).toBe('right');
  });

  it('a patient share (PR) is billed, unless the patient is QMB-protected', () => {
    const pr = remit('paid', {
      totals: { patientResponsibility: '36.00' },
      lines: [{ adjustments: [{ group: 'PR', carc: '2', amount: '36.00' }] }],
    });
    const facts = (r: RemitLike, balance: 'bill-patient' | 'write-off'): AttemptFacts => ({
      ...attemptFacts(ctx([{ claim: claim(), submittedOn: '2026-02-01', remittance: r }])),
      decisions: { actions: [], balance },
    });
    const mark = (r: RemitLike, b: 'bill-patient' | 'write-off') =>
      scoreAttempt(key, facts(r, b)).items.find((i) => i.kind === 'balance-decision')?.mark;
    expect(mark(pr, 'bill-patient')).toBe('right');
    expect(mark(pr, 'write-off')).toBe('wrong');
    expect(mark({ ...pr, patientMayBeBilled: false }, 'bill-patient')).toBe('wrong');
  });
});

describe('scoreAttempt: coding rows', () => {
  const work = (diagnoses: string[], mods = ['25']) => ({
    diagnoses,
    lines: [
      { code: '99214', modifiers: mods, units: 1, dxPointers: [1, 2] },
      { code: '17110', modifiers: [], units: 1, dxPointers: [1] },
    ],
  });
  const facts = (w: AttemptFacts['work']): AttemptFacts => ({
    work: w,
    submissions: [],
    decisions: { actions: [] },
  });

  it('uses the alternative’s own credit (0.3) and cites the specificity guideline', () => {
    const r = scoreAttempt(key, facts(work(['E11.9', 'I10'])));
    const d1 = r.items.find((i) => i.label === 'Diagnosis 1');
    expect(d1).toMatchObject({ mark: 'partly', points: 0.3 });
    expect(d1?.reference).toMatch(/Section IV\.F/);
    expect(d1?.link).toEqual({ system: 'ICD-10-CM', code: 'E11.65' });
  });

  it('gives full credit for a code the key accepts, in any format', () => {
    const k: CaseKey = {
      ...key,
      diagnoses: [{ ...key.diagnoses[0]!, acceptable: ['E11.649'] }, key.diagnoses[1]!],
    };
    const r = scoreCoding(k, work(['e11649', 'i10']));
    expect(r.items.find((i) => i.label === 'Diagnosis 1')?.mark).toBe('right');
    expect(r.items.find((i) => i.label === 'First-listed diagnosis')?.mark).toBe('right');
  });

  it('cites the 7th-character guideline for a wrong 7th character the key lists', () => {
    const k: CaseKey = {
      diagnoses: [
        {
          code: 'S52.501A',
          rationale: 'Initial encounter for active treatment of the fracture.',
          alternatives: [
            {
              code: 'S52.501D',
              credit: 'partial',
              rationale: 'D is for healing, not active care.',
            },
          ],
        },
      ],
      lines: [],
    };
    const r = scoreCoding(k, { diagnoses: ['S52501D'], lines: [] });
    expect(r.items[0]).toMatchObject({
      mark: 'partly',
      reference: expect.stringMatching(/I\.A\.5/),
    });
  });

  it('matches diagnoses by role and order: a code listed twice pairs once, the copy is extra', () => {
    const r = scoreCoding(key, work(['E11.65', 'I10', 'E11.65']));
    expect(r.items.find((i) => i.label === 'Diagnosis 1')?.given).toBe('E11.65');
    expect(r.items.find((i) => i.label === 'Diagnosis 2')?.given).toBe('I10');
    const extra = r.items.find((i) => i.kind === 'extra-diagnosis');
    expect(extra?.rationale).toMatch(/more than once/);
  });

  it('a modifier row says what the modifier means and cites its rule', () => {
    const r = scoreCoding(key, work(['E11.65', 'I10'], []));
    const m = r.items.find((i) => i.label === 'Line 1 modifiers');
    expect(m?.mark).toBe('wrong');
    expect(m?.rationale).toMatch(
      /This line needs 25 \(25 = a significant, separately identifiable/,
    );
    expect(m?.reference).toMatch(/NCCI Policy Manual/);
  });

  it('names over-coding of an E/M level', () => {
    const w = work(['E11.65', 'I10']);
    w.lines[0]!.code = '99215';
    const r = scoreCoding(key, w);
    expect(r.items.find((i) => i.label === 'Line 1 code')?.rationale).toMatch(/over-coding/);
  });

  it('every row carries a rationale and a reference', () => {
    const r = scoreAttempt(key, facts(work(['I10', 'R51.9'], ['59'])));
    for (const i of r.items) {
      expect(i.rationale.length, i.label).toBeGreaterThan(10);
      expect(i.reference, i.label).toBeTruthy();
    }
  });
});

describe('caseKeyOf (format-2 cases)', () => {
  it('carries the expected outcome, charge master and numeric credit', async () => {
    const { readFileSync } = await import('node:fs');
    const { caseSchema } = await import('../../src/scenarios/format/v2');
    const raw = JSON.parse(
      readFileSync('scenarios/starter/cases/dm2-htn-established.json', 'utf8'),
    );
    const c = caseSchema.parse(raw);
    const k = caseKeyOf(c);
    expect(k.expected?.status).toBe(c.answer.expected.status);
    expect(k.chargeMaster).toEqual(c.encounter.chargeMaster);
    const work = {
      diagnoses: k.diagnoses.map((d) => d.code),
      lines: k.lines.map((l) => ({ ...l })),
    };
    expect(scoreCoding(k, work).totals.percent).toBe(100);
  });
});
