/**
 * Decisions after the remittance are scored whether or not the attempt took them (issue 13):
 * a case with a denial key expects its action, the appeal at its level and within its window,
 * the balance billed or written off, and the write-off's reason. Tests from the rule text:
 * See: CMS Pub. 100-04 ch. 29 §310 (redetermination within 120 days, 42 CFR 405.942) and ch. 34
 * §10 (reopenings); X12 835 group codes (CO is the provider's and never billed to the patient,
 * PR is the patient's); SSA §1902(n)(3)(B) (QMB); DOMAIN.md §7 and §8.
 */
import { describe, expect, it } from 'vitest';
import {
  attemptFacts,
  scoreAttempt,
  type AttemptFacts,
  type CaseKey,
  type Decisions,
  type RemitLike,
  type StoredAttemptContext,
} from '../../src/domain/scoring';

const coding: CaseKey = {
  diagnoses: [{ code: 'M17.11', rationale: 'Primary osteoarthritis, right knee.' }],
  lines: [
    { code: '20610', modifiers: ['RT'], units: 1, dxPointers: [1], rationale: 'Knee injection.' },
  ],
};
const claim = {
  frequency: '1',
  originalClaimId: null,
  diagnoses: ['M17.11'],
  lines: [{ code: '20610', modifiers: ['RT'], units: 1, dxPointers: [1], charge: 12000 }],
};
const remit = (group: string, carc: string, extra: Partial<RemitLike> = {}): RemitLike => ({
  status: 'denied',
  remitDate: '2026-03-02',
  appealDeadline: '2026-07-05',
  totals: { patientResponsibility: group === 'PR' ? '120.00' : '0.00', paid: '0.00' },
  lines: [{ adjustments: [{ group, carc, amount: '120.00' }] }],
  findings: [],
  ...extra,
});
const keyOf = (denial: CaseKey['denial']): CaseKey => ({
  ...coding,
  expected: { status: 'denied' },
  denial,
});
const stored = (r: RemitLike, decisions?: Decisions): StoredAttemptContext => ({
  draft: { diagnoses: [], lines: [] },
  submissions: [{ claim, submittedOn: '2026-02-10', remittance: r }],
  ...(decisions ? { decisions } : {}),
});
const facts = (r: RemitLike, decisions: Decisions): AttemptFacts =>
  attemptFacts(stored(r, decisions));
const followUp = (k: CaseKey, f: AttemptFacts) =>
  scoreAttempt(k, f).items.filter((i) => i.section === 'follow-up');
const rows = (k: CaseKey, f: AttemptFacts) => followUp(k, f).map((i) => [i.kind, i.mark]);

describe('an expected appeal (Pub. 100-04 ch. 29)', () => {
  const k = keyOf({
    actions: ['appeal'],
    appealLevel: 1,
    rationale: 'CO-50: the records support the service; file a redetermination.',
  });
  const co50 = remit('CO', '50');

  it('an attempt that never appealed loses the action, the level and the window', () => {
    const items = followUp(k, facts(co50, { actions: [] }));
    expect(items.map((i) => [i.kind, i.mark])).toEqual([
      ['denial-action', 'wrong'],
      ['appeal-level', 'wrong'],
      ['appeal-timing', 'wrong'],
    ]);
    const [action, level, timing] = items;
    expect(action?.rationale).toMatch(/^Never done: the denial needed appeal\. CO-50/);
    expect(action?.reference).toContain('ch. 29 §310');
    expect(level?.expected).toBe('level 1 (redetermination by the contractor)');
    expect(level?.rationale).toContain('120 days');
    expect(level?.reference).toContain('42 CFR 405.942');
    expect(timing).toMatchObject({ expected: 'filed by 2026-07-05', given: '(no appeal)' });
  });

  it('the right appeal in time scores every row; a late or wrong-level one does not', () => {
    const ok = { actions: ['appeal'], appeal: { level: 1, filedOn: '2026-04-01' } } as const;
    expect(rows(k, facts(co50, { ...ok, actions: [...ok.actions] }))).toEqual([
      ['denial-action', 'right'],
      ['appeal-level', 'right'],
      ['appeal-timing', 'right'],
    ]);
    const late = facts(co50, { actions: ['appeal'], appeal: { level: 2, filedOn: '2026-07-06' } });
    const items = followUp(k, late);
    expect(items.map((i) => i.mark)).toEqual(['right', 'wrong', 'wrong']);
    expect(items[2]?.rationale).toContain('after the deadline of 2026-07-05');
  });

  it('a reopening instead of the appeal is wrong, citing the appeal rule', () => {
    const [action] = followUp(k, facts(co50, { actions: ['reopening'] }));
    expect(action).toMatchObject({ mark: 'wrong', given: 'request a reopening' });
    expect(action?.rationale).toContain('request a reopening instead of appeal');
  });

  it('the maximum is the same whatever the attempt did', () => {
    const max = (d: Decisions) => scoreAttempt(k, facts(co50, d)).totals.max;
    expect(max({ actions: [] })).toBe(
      max({ actions: ['appeal'], appeal: { level: 1, filedOn: '2026-04-01' } }),
    );
  });
});

describe('an expected reopening (Pub. 100-04 ch. 34)', () => {
  const k = keyOf({
    actions: ['reopening'],
    rationale: 'A clerical omission on a Medicare claim: ask for a reopening.',
  });
  const co4 = remit('CO', '4');

  it('a frequency-7 replacement or nothing at all loses the point, citing ch. 34', () => {
    for (const d of [{ actions: ['corrected-claim'] }, { actions: [] }] as Decisions[]) {
      const [action] = followUp(k, facts(co4, d));
      expect(action).toMatchObject({ kind: 'denial-action', mark: 'wrong' });
      expect(action?.reference).toContain('ch. 34');
    }
    expect(rows(k, facts(co4, { actions: ['reopening'] }))).toEqual([['denial-action', 'right']]);
  });

  it('a reopening read from the claims sent counts as taken (no decisions recorded)', () => {
    const ctx: StoredAttemptContext = {
      draft: { diagnoses: [], lines: [] },
      submissions: [
        { claim, submittedOn: '2026-02-10', remittance: co4 },
        {
          claim: { ...claim, originalClaimId: 'ICN-1' },
          submittedOn: '2026-03-05',
          remittance: { ...co4, status: 'paid', lines: [] },
        },
      ],
    };
    expect(rows(k, attemptFacts(ctx))[0]).toEqual(['denial-action', 'right']);
  });
});

describe('write-off and patient billing, item by item (X12 group codes)', () => {
  const k = keyOf({
    actions: ['write-off'],
    rationale: 'CO-29: filed after the limit; no appeal rights. Write it off.',
  });
  const co29 = remit('CO', '29', { appealDeadline: null });

  it('no decision at all loses the balance and the reason; the absent appeal is right', () => {
    const items = followUp(k, facts(co29, { actions: [] }));
    expect(items.map((i) => [i.kind, i.mark])).toEqual([
      ['denial-action', 'right'],
      ['balance-decision', 'wrong'],
      ['write-off-reason', 'wrong'],
    ]);
    expect(items[1]).toMatchObject({ expected: 'write it off', given: '(no decision)' });
    expect(items[1]?.rationale).toContain('never billed to the patient');
  });

  it('the reason is checked against the CARC: timely filing right, contractual partly', () => {
    const reason = (writeOffReason: string) =>
      followUp(k, facts(co29, { actions: ['write-off'], writeOffReason })).at(-1);
    expect(reason('timely-filing')).toMatchObject({ mark: 'right', expected: 'timely-filing' });
    const partly = reason('contractual');
    expect(partly?.mark).toBe('partly');
    expect(partly?.reference).toContain('CARC 29');
    expect(followUp(k, facts(co29, { actions: ['write-off'] })).at(-1)).toMatchObject({
      mark: 'wrong',
      given: '(no reason recorded)',
    });
  });

  it('billing the patient for a CO denial is wrong on both rows', () => {
    const items = followUp(k, facts(co29, { actions: ['bill-patient'] }));
    expect(items.map((i) => [i.kind, i.mark])).toEqual([
      ['denial-action', 'right'],
      ['balance-decision', 'wrong'],
      ['write-off-reason', 'wrong'],
    ]);
    expect(items[1]?.rationale).toContain('Never bill the patient for a CO adjustment (CO-29)');
  });

  it('appealing a denial with no appeal rights is a wrong action and a wrong level', () => {
    expect(
      rows(k, facts(co29, { actions: ['appeal', 'write-off'], writeOffReason: 'timely-filing' })),
    ).toEqual([
      ['denial-action', 'wrong'],
      ['appeal-level', 'wrong'],
      ['balance-decision', 'right'],
      ['write-off-reason', 'right'],
    ]);
  });

  it('the NCCI and medical-necessity CARCs call for their own reasons', () => {
    const reason = (carc: string) =>
      followUp(k, facts(remit('CO', carc), { actions: ['write-off'] })).at(-1)?.expected;
    expect(reason('236')).toBe('ncci-bundled');
    expect(reason('50')).toBe('medical-necessity');
    expect(reason('96')).toBe('non-covered');
    expect(reason('197')).toBe('contractual');
  });
});

describe('a patient share is the patient’s (PR)', () => {
  const k = keyOf({
    actions: ['post-only', 'bill-patient'],
    rationale: 'PR-50 with a signed ABN: the patient is liable.',
  });
  const pr50 = remit('PR', '50');

  it('billing the patient is right; writing it off or doing nothing is wrong', () => {
    expect(rows(k, facts(pr50, { actions: ['post-only', 'bill-patient'] }))).toEqual([
      ['denial-action', 'right'],
      ['balance-decision', 'right'],
    ]);
    const off = followUp(k, facts(pr50, { actions: ['write-off'], writeOffReason: 'contractual' }));
    expect(off.map((i) => [i.kind, i.mark])).toEqual([
      ['denial-action', 'right'],
      ['balance-decision', 'wrong'],
      ['write-off-reason', 'wrong'],
    ]);
    expect(off[2]?.rationale).toContain('(group PR) is owed by the patient');
    expect(followUp(k, facts(pr50, { actions: [] }))[1]).toMatchObject({
      mark: 'wrong',
      given: '(no decision)',
    });
  });
});

describe('billing another payer (coordination of benefits)', () => {
  it('a secondary never billed loses the point, citing the COB rule', () => {
    const k = keyOf({ actions: ['bill-secondary'], rationale: 'Medicaid is secondary.' });
    const [action] = followUp(k, facts(remit('PR', '2'), { actions: [] }));
    expect(action).toMatchObject({ mark: 'wrong', expected: 'bill the secondary payer' });
    expect(action?.reference).toContain('Coordination of benefits');
  });
});

describe('reproducible from the stored attempt', () => {
  it('recorded decisions read back from JSON score the same', () => {
    const k = keyOf({ actions: ['write-off'], rationale: 'CO-29: write it off.' });
    const ctx = stored(remit('CO', '29'), {
      actions: ['write-off'],
      writeOffReason: 'contractual',
    });
    const a = scoreAttempt(k, attemptFacts(ctx));
    const b = scoreAttempt(k, attemptFacts(JSON.parse(JSON.stringify(ctx)) as typeof ctx));
    expect(b).toEqual(a);
    expect(a.items.filter((i) => i.section === 'follow-up').map((i) => i.mark)).toEqual([
      'right',
      'right',
      'partly',
    ]);
  });

  it('without a denial key an unrecorded balance is not scored (ordinary cases unchanged)', () => {
    const paid = remit('PR', '2', { status: 'paid' });
    const items = followUp({ ...coding }, facts(paid, { actions: [] }));
    expect(items).toEqual([]);
  });
});

describe('the denial a write-off answers, beside routine reductions (X12 CARC list)', () => {
  // A partly paid claim: line 1 paid with CO-45 (above the fee schedule), line 2 denied CO-50.
  const partly: RemitLike = {
    ...remit('CO', '50'),
    status: 'partially-paid',
    lines: [
      { adjustments: [{ group: 'CO', carc: '45', amount: '36.05' }] },
      { adjustments: [{ group: 'CO', carc: '50', amount: '45.00' }] },
    ],
  };
  const k = keyOf({ actions: ['post-only', 'write-off'], rationale: 'No ABN: write it off.' });
  const kind = (f: AttemptFacts, which: string) => followUp(k, f).find((i) => i.kind === which);

  it('the reason comes from the denying CARC (50: medical necessity), not the CO-45 reduction', () => {
    const f = facts(partly, { actions: ['write-off'], writeOffReason: 'medical-necessity' });
    expect(kind(f, 'write-off-reason')?.mark).toBe('right');
    expect(kind(f, 'write-off-reason')?.expected).toBe('medical-necessity');
    const g = facts(partly, { actions: ['write-off'], writeOffReason: 'contractual' });
    expect(kind(g, 'write-off-reason')?.mark).toBe('partly');
  });

  it('billing the patient for the CO amount first, then writing it off, is partly right', () => {
    const f = facts(partly, { actions: ['bill-patient', 'write-off'], balance: 'write-off' });
    const row = kind(f, 'balance-decision');
    expect(row?.mark).toBe('partly');
    expect(row?.rationale).toMatch(/never bill the patient for CO-50/);
    const clean = facts(partly, { actions: ['write-off'], balance: 'write-off' });
    expect(kind(clean, 'balance-decision')?.mark).toBe('right');
  });
});
