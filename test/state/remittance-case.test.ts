/**
 * Cases that start from a remittance (pack format 2 `afterRemittance`) in the case workspace's
 * session, with the real packs, payer service and edit engine: each opens at its remittance as
 * the case states it; the denial is worked through the lifecycle (corrections to the payer) or
 * the practice's claim and appeal machines (every other action), wrong moves are recorded with
 * their consequence, and the attempt scores against the case's afterRemittance key.
 * See: issue 15 ("the denial workbench", "wrong moves have consequences"); issue 13 (scoring).
 */
import { describe, expect, it, vi } from 'vitest';
import { loadNodeCatalog } from '../../src/codesets/load-node';
import { memoryStore } from '../../src/persistence/kv';
import { ProgressStore } from '../../src/persistence/progress-store';
import { CaseSession } from '../../src/state/case-session.svelte';
import { payerServiceFor } from '../../src/state/payer-service';
import { withPayerOf } from '../../src/state/open-case';
import { caseKeyOf } from '../../src/scenarios/case-key';
import { loadShippedPacks } from '../../src/scenarios/load-node';
import { WRONG_MOVES } from '../../src/machines/practice/decisions';
import type { Cents } from '../../src/domain/money';
import {
  DEFAULT_SECONDARY_ID,
  isSecondaryProblem,
  nextAppealLevel,
  secondaryPayerOf,
} from '../../src/state/remittance-case';

// The official code sets when built (codesets/build), else the starter set: the cases open
// at their stated remittance either way.
const official = await loadNodeCatalog();
const catalog = () => official;
const loaded = loadShippedPacks();
const packIndex = loaded.packs.findIndex((p) => p.id === 'denials-and-appeals');
const pack = loaded.packs[packIndex]!;
const full = loaded.full[packIndex]!;
const remitCases = full.cases.filter((c) => c.afterRemittance);

function session(caseId: string, store = new ProgressStore(memoryStore())) {
  const caseFile = pack.cases.find((c) => c.id === caseId)!;
  const v2 = full.cases.find((c) => c.id === caseId)!;
  const withPayer = withPayerOf(pack, caseFile.payerId, loaded.packs);
  const payer = payerServiceFor(withPayer, caseFile, catalog);
  if (Array.isArray(payer)) throw new Error(payer.map((p) => p.message).join('; '));
  return new CaseSession({
    pack,
    caseFile,
    store,
    catalog,
    ...payer,
    payerProfile: payer.profile,
    key: caseKeyOf(v2),
    remittanceCase: v2,
  });
}

function serviceOf(caseId: string) {
  const caseFile = pack.cases.find((c) => c.id === caseId)!;
  const payer = payerServiceFor(
    withPayerOf(pack, caseFile.payerId, loaded.packs),
    caseFile,
    catalog,
  );
  if (Array.isArray(payer)) throw new Error(payer.map((p) => p.message).join('; '));
  return payer;
}

const until = (cond: () => boolean) =>
  vi.waitFor(() => {
    if (!cond()) throw new Error(`not yet: ${cond.toString()}`);
  });

async function posted(caseId: string, store?: ProgressStore) {
  const s = session(caseId, store);
  await s.open();
  expect(s.step).toBe('adjudicated');
  s.send({ type: 'remittance.post' });
  return s;
}

const follow = (s: CaseSession) =>
  Object.fromEntries(
    (s.scoreReport()?.items ?? []).map((i) => [i.kind, { mark: i.mark, given: i.given }]),
  );

describe('a case that starts from a remittance', () => {
  it('the shipped pack has the 28 cases', () => {
    expect(remitCases.length).toBe(28);
  });

  it.each(remitCases.map((c) => [c.id]))(
    '%s opens at its remittance with the status and adjustments the case states',
    async (id) => {
      const c = remitCases.find((x) => x.id === id)!;
      const ar = c.afterRemittance!;
      const s = session(id);
      await s.open();
      expect(s.notice).toBeNull();
      expect(s.step).toBe('adjudicated');
      const ctx = s.context!;
      expect(ctx.submissions).toHaveLength(1);
      expect(ctx.submissions[0]!.claim.diagnoses.length).toBe(ar.submitted.diagnoses.length);
      expect(ctx.submissions[0]!.claim.frequency).toBe(ar.submitted.frequency ?? '1');
      expect(ctx.remittance?.status).toBe(ar.remittance.status);
      expect(ctx.remittance?.remitDate).toBe(ar.remittance.remitDate);
      expect(ctx.today).toBe(ar.remittance.remitDate);
      if (ar.remittance.status !== 'rejected') {
        const got = ctx.remittance!.lines.flatMap((l) =>
          l.adjustments.map((a) => `${a.group}-${a.carc}`),
        );
        for (const a of ar.remittance.adjustments) expect(got).toContain(`${a.group}-${a.carc}`);
      } else {
        expect(ctx.remittance?.claimRemarks).toContain('MA130');
      }
      s.close();
    },
  );

  it('an appeal with the corrected diagnosis that answers the denial wins at level 1 and scores right', async () => {
    const s = await posted('co50-redetermination-records');
    expect(s.step).toBe('denied');
    // 42 CFR 405.942: 120 days from receipt (presumed 5 days after the notice).
    expect(s.context!.remittance!.appealDeadline).toBe('2026-10-26');
    // The claim as sent pointed the A1c to fatigue; the records show diabetes monitoring: the
    // appeal answers a coding cause with the corrected code (appeal-merit.ts).
    s.work({ kind: 'appeal', level: 1, evidence: 'corrected-code' });
    const w = s.context!.work!.at(-1)!;
    expect(w.appeal?.result, JSON.stringify(w)).toBe('won');
    expect(w.right).toBe(true);
    // A won appeal no longer ends the path at once: the payer reprocesses the claim (issue 15).
    await until(() => s.step === 'adjudicated');
    s.send({ type: 'remittance.post' });
    s.work({ kind: 'post-only' });
    expect(s.step).toBe('closed');
    const f = follow(s);
    expect(f['denial-action']?.mark).toBe('right');
    expect(f['appeal-level']?.mark).toBe('right');
    expect(f['appeal-timing']?.mark).toBe('right');
    // The claim as sent was not the trainee's: no coding rows.
    expect(s.scoreReport()!.items.some((i) => i.section === 'coding')).toBe(false);
    expect(s.currentScore()?.percent).toBe(100);
    s.close();
  });

  it('a won appeal brings the payer’s revised remittance: the original taken back, the denied line paid on the fee schedule', async () => {
    const s = await posted('co50-redetermination-records');
    const original = s.context!.remittance!;
    const denied = original.lines.find((l) => l.adjustments.some((a) => a.carc === '50'))!;
    s.work({ kind: 'appeal', level: 1, evidence: 'corrected-code' });
    expect(s.step).toBe('reprocessing');
    await until(() => s.step === 'adjudicated');
    const ctx = s.context!;
    const revised = ctx.remittance!;
    expect(ctx.revisions).toHaveLength(1);
    expect(ctx.revisions![0]).toEqual(revised);
    // Not a claim of the trainee's: the submissions are the claim the case starts from only.
    expect(ctx.submissions).toHaveLength(1);
    // See: 42 CFR 405.984; X12 835 reversal and correction: the first decision is taken back in
    // full (CLP02 = 22) and the claim decided again, MA91 saying it is the appeal's result.
    expect(revised.reversal?.payerClaimNumber).toBe(original.payerClaimNumber);
    expect(revised.reversal?.totals.paid).toBe(`-${original.totals.paid}`);
    expect(revised.claimRemarks).toContain('MA91');
    expect(revised.status).toBe('paid');
    const line = revised.lines.find((l) => l.line === denied.line)!;
    expect(Number(line.paid)).toBeGreaterThan(0);
    expect(line.adjustments.some((a) => a.carc === '50')).toBe(false);
    // Every line balances: billed = paid + adjustments.
    for (const l of revised.lines)
      expect(Math.round(Number(l.billed) * 100), `line ${l.line}`).toBe(
        Math.round(Number(l.paid) * 100) +
          l.adjustments.reduce((t, a) => t + Math.round(Number(a.amount) * 100), 0),
      );
    // The clock reached the effectuation date (after the decision).
    expect(ctx.today).toBe(revised.remitDate);
    expect(revised.remitDate! > ctx.work!.at(-1)!.until!).toBe(true);
    // Posted like any remittance; the patient's share of the revision is then billed, and scored.
    s.send({ type: 'remittance.post' });
    expect(s.step).toBe('paid');
    s.work({ kind: 'bill-patient' });
    expect(s.context!.work!.at(-1)!.right).toBe(true);
    // The statement goes out; the case closes once the patient pays it.
    expect(s.step).toBe('patientStatement');
    s.settle({ kind: 'payment', amount: s.context!.account!.context.balance as Cents });
    expect(s.step).toBe('closed');
    expect(follow(s)['balance-decision']?.mark).toBe('right');
    s.close();
  });

  it('a won appeal the payer has not answered yet is sent again after a reload', async () => {
    const store = new ProgressStore(memoryStore());
    const a = await posted('co29-proof-of-timely-filing', store);
    a.work({ kind: 'appeal', level: 1, evidence: 'proof-of-timely-filing' });
    expect(a.step).toBe('reprocessing');
    await a.flush();
    a.close();
    const b = session('co29-proof-of-timely-filing', store);
    await b.open();
    await until(() => b.step === 'adjudicated');
    expect(b.context!.work).toHaveLength(1);
    expect(b.context!.remittance!.status).toBe('paid');
    expect(b.context!.remittance!.claimRemarks).toContain('MA91');
    b.close();
  });

  it('billing the secondary sends a claim with the primary’s adjudication per line and shows its answer (commercial COB)', async () => {
    const s = await posted('pr1-commercial-deductible-bill-secondary');
    const primary = s.context!.remittance!;
    s.work({ kind: 'bill-secondary' });
    expect(s.context!.work!.at(-1)!.right).toBe(true);
    expect(s.step).toBe('secondary');
    await until(() => s.step === 'paid');
    const sec = s.context!.secondary!;
    // See: X12 005010X222A1 loops 2320/2430: the other payer's paid amount and CAS per line.
    expect(sec.claim.payerSequence).toBe('secondary');
    const cob = sec.claim.otherPayers![0]!;
    expect(cob.payerId).toBe(primary.payerId);
    expect(cob.adjudication?.payerClaimNumber).toBe(primary.payerClaimNumber);
    expect(cob.adjudication?.lines[0]?.adjustments).toEqual(
      primary.lines[0]!.adjustments.map((a) => ({
        group: a.group,
        carc: a.carc,
        amount: Math.round(Number(a.amount) * 100),
      })),
    );
    expect(sec.remittance?.status).toBeDefined();
    // The secondary pays after the primary: its lines show the primary's impact (OA-23).
    expect(sec.remittance!.lines[0]!.adjustments.some((a) => a.carc === '23')).toBe(true);
    // A second secondary claim is a duplicate.
    s.work({ kind: 'bill-secondary' });
    expect(s.context!.work!.at(-1)!.right).toBe(false);
    expect(s.step).toBe('paid');
    s.close();
  });

  it('a QMB crossover: Medicaid answers the secondary claim and the patient is never billed the Medicare cost sharing', async () => {
    const s = await posted('qmb-cost-sharing-bill-medicaid');
    const primary = s.context!.remittance!;
    expect(primary.patientMayBeBilled).toBe(false);
    s.work({ kind: 'bill-secondary' });
    await until(() => s.step === 'paid');
    const sec = s.context!.secondary!;
    expect(sec.claim.payerId).toBe('medicaid');
    expect(sec.remittance?.payerId).toBe('medicaid');
    // Medicaid pays toward the cost sharing Medicare left (SSA §1902(n)(3)).
    expect(Number(sec.remittance!.totals.paid)).toBeGreaterThan(0);
    // What the patient may be billed after Medicaid is never the Medicare PR-1/PR-2.
    const pr12 = sec
      .remittance!.lines.flatMap((l) => l.adjustments)
      .filter((a) => a.group === 'PR' && (a.carc === '1' || a.carc === '2'));
    expect(pr12).toEqual([]);
    expect(follow(s)['denial-action']?.mark).toBe('right');
    s.close();
  });

  it('a secondary the claim does not name is the shipped default commercial-secondary profile (standard COB), not a stand-in', async () => {
    const s = await posted('pr1-commercial-deductible-bill-secondary');
    s.work({ kind: 'bill-secondary' });
    await until(() => s.step === 'paid');
    expect(s.context!.error).toBeNull();
    const sec = s.context!.secondary!;
    expect(sec.claim.payerId).toBe(DEFAULT_SECONDARY_ID);
    expect(sec.remittance!.payerId).toBe(DEFAULT_SECONDARY_ID);
    // The primary applied the whole allowed amount to the deductible (PR-1 71.51, paid 0): the
    // secondary, its deductible waived as secondary, pays up to its normal benefit of what is left.
    const paid = Number(sec.remittance!.totals.paid);
    expect(paid).toBeGreaterThan(0);
    expect(paid).toBeLessThanOrEqual(71.51);
    s.close();
  });

  it('where the secondary profile comes from: a named payer, a pack plan by id, Medicaid, the default; a named payer the packs lack is a problem naming the field', () => {
    const v2 = (id: string) => full.cases.find((c) => c.id === id)!;
    const withOthers = (id: string, payerId: string) => {
      const c = structuredClone(v2(id));
      c.afterRemittance!.submitted.otherPayers = [
        { payerId, sequence: 'secondary', memberId: 'SM-1' },
      ];
      return c;
    };
    const { payers, plans } = serviceOf('pr1-commercial-deductible-bill-secondary');
    const ppo = payers.get('commercial-ppo')!;
    const medicare = payers.get('medicare')!;
    expect(
      secondaryPayerOf(v2('pr1-commercial-deductible-bill-secondary'), ppo, payers, 'M1'),
    ).toMatchObject({ payerId: 'commercial-secondary', source: 'default', method: 'standard' });
    expect(
      secondaryPayerOf(
        withOthers('pr1-commercial-deductible-bill-secondary', 'medicaid'),
        ppo,
        payers,
        'M1',
      ),
    ).toMatchObject({
      payerId: 'medicaid',
      source: 'named',
      method: 'last-resort',
      memberId: 'SM-1',
    });
    expect(
      secondaryPayerOf(
        withOthers('pr1-commercial-deductible-bill-secondary', 'keystone-ppo-select'),
        medicare,
        payers,
        'M1',
        plans,
      ),
    ).toMatchObject({ payerId: 'keystone-ppo-select', source: 'plan', method: 'standard' });
    const missing = secondaryPayerOf(
      withOthers('pr1-commercial-deductible-bill-secondary', 'summit-mutual'),
      ppo,
      payers,
      'M1',
      plans,
    );
    expect(missing).toMatchObject({
      kind: 'unresolved',
      path: 'cases/pr1-commercial-deductible-bill-secondary.afterRemittance.submitted.otherPayers[0].payerId',
    });
    expect(isSecondaryProblem(missing) && missing.message).toMatch(
      /no payer profile or plan "summit-mutual"/,
    );
    const noMedicaid = new Map([...payers].filter(([k]) => k !== 'medicaid'));
    expect(
      secondaryPayerOf(v2('qmb-cost-sharing-bill-medicaid'), medicare, noMedicaid, 'M1'),
    ).toMatchObject({
      kind: 'unresolved',
      path: 'cases/qmb-cost-sharing-bill-medicaid.patient.dualStatus',
    });
    expect(
      secondaryPayerOf(v2('qmb-cost-sharing-bill-medicaid'), medicare, payers, 'M1'),
    ).toMatchObject({ payerId: 'medicaid', source: 'medicaid-crossover', memberId: 'MCDM1' });
  });

  it('a secondary claim to a payer the packs do not have is not answered by a stand-in: the payer service says which', () => {
    const { adjudicatorFor } = serviceOf('pr1-commercial-deductible-bill-secondary');
    expect(() => adjudicatorFor('summit-mutual')).toThrow(
      /No payer profile or plan "summit-mutual"/,
    );
    expect(() => adjudicatorFor('keystone-ppo-select')).not.toThrow();
  });

  it('a QMB crossover: Medicaid’s remittance carries the QMB flag; billing the patient after it is the QMB wrong move, with its consequence', async () => {
    const s = await posted('qmb-cost-sharing-bill-medicaid');
    s.work({ kind: 'bill-secondary' });
    await until(() => s.step === 'paid');
    const sec = s.context!.secondary!.remittance!;
    expect(sec.patientMayBeBilled).toBe(false);
    expect(sec.patientOwes).toBe('0.00');
    expect(sec.lines.flatMap((l) => l.adjustments).some((a) => a.group === 'PR')).toBe(false);
    s.work({ kind: 'bill-patient' });
    const w = s.context!.work!.at(-1)!;
    expect(w.right).toBe(false);
    expect(w.rationale).toBe(WRONG_MOVES.qmbCostSharing);
    expect(w.outcome).toMatch(/QMB/);
    // The Medicare deductible and coinsurance on the primary's remittance, named in the outcome.
    const share = s
      .context!.remittance!.lines.flatMap((l) => l.adjustments)
      .filter((a) => a.group === 'PR' && ['1', '2', '3'].includes(a.carc))
      .reduce((t, a) => t + Math.round(Number(a.amount) * 100), 0);
    expect(share).toBeGreaterThan(0);
    expect(w.outcome).toContain(`$${(share / 100).toFixed(2)}`);
    expect(s.step).toBe('paid');
    // Posting what Medicaid left: nothing to the patient, the rest written off.
    s.work({ kind: 'post-only' });
    const p = s.context!.work!.at(-1)!;
    expect(p.right).toBe(true);
    expect(p.outcome).toMatch(/patient \$0\.00/);
    expect(p.outcome).toMatch(/QMB/);
    s.close();
  });

  it('billing the secondary with no second coverage on file sends nothing', async () => {
    const s = await posted('pr3-commercial-copay-posting');
    s.work({ kind: 'bill-secondary' });
    expect(s.context!.work!.at(-1)!.right).toBe(false);
    expect(s.step).toBe('paid');
    expect(s.context!.secondary).toBeUndefined();
    s.close();
  });

  it('an appeal with evidence that does not answer the cause is upheld and the path stays open', async () => {
    const s = await posted('co50-redetermination-records');
    s.work({ kind: 'appeal', level: 1, evidence: 'proof-of-timely-filing' });
    const w = s.context!.work!.at(-1)!;
    expect(w.appeal?.result).toBe('upheld');
    expect(w.right).toBe(false);
    expect(s.step).toBe('denied');
    expect(nextAppealLevel(s.context!.work!)).toBe(2);
    // The clock moved to the decision.
    expect(s.context!.today > s.context!.remittance!.remitDate!).toBe(true);
    s.close();
  });

  it('an appeal sent after its deadline is dismissed as late: the clock moves there, the denial stands', async () => {
    const s = await posted('co50-redetermination-records');
    // Deadline 2026-10-26 (120 days + 5 presumed receipt, 42 CFR 405.942).
    s.work({ kind: 'appeal', level: 1, evidence: 'corrected-code', filedOn: '2026-11-02' });
    const w = s.context!.work!.at(-1)!;
    expect(w.at).toBe('2026-11-02');
    expect(w.appeal?.result, JSON.stringify(w)).toBe('expired');
    expect(w.right).toBe(false);
    expect(w.rationale).toBe(WRONG_MOVES.missedDeadline);
    expect(w.outcome).toMatch(/after its deadline 2026-10-26/);
    expect(s.step).toBe('denied');
    expect(s.context!.today >= '2026-11-02').toBe(true);
    expect(follow(s)['appeal-timing']?.mark).toBe('wrong');
    s.close();
  });

  it('skipping a level is dismissed (appeals go level by level)', async () => {
    const s = await posted('co50-redetermination-records');
    s.work({ kind: 'appeal', level: 2, evidence: 'records' });
    const w = s.context!.work!.at(-1)!;
    expect(w.appeal?.result).toBe('dismissed');
    expect(w.right).toBe(false);
    expect(s.step).toBe('denied');
    s.close();
  });

  it('appealing a front-end rejection is a wrong move with its consequence; the claim stays rejected', async () => {
    const s = await posted('co16-header-dx-low-back-pain');
    expect(s.step).toBe('rejected');
    s.work({ kind: 'appeal', level: 1, evidence: 'records' });
    const w = s.context!.work!.at(-1)!;
    expect(w.right).toBe(false);
    expect(w.rationale).toBe(WRONG_MOVES.appealRejection);
    expect(w.outcome).toMatch(/never processed/);
    expect(s.step).toBe('rejected');
    // Then the right move: fix the claim and send it as a new one.
    s.send({ type: 'claim.correct', as: 'new' });
    expect(s.step).toBe('corrected');
    expect(s.context!.next.frequency).toBe('1');
    expect(s.context!.next.originalClaimId).toBeNull();
    s.close();
  });

  it('writing off a patient responsibility loses revenue (PR as contractual)', async () => {
    const s = await posted('pr3-commercial-copay-posting');
    expect(s.step).toBe('paid');
    s.work({ kind: 'write-off', reason: 'contractual' });
    const w = s.context!.work!.at(-1)!;
    expect(w.right).toBe(false);
    expect(w.rationale).toContain(WRONG_MOVES.prAsContractual);
    expect(w.outcome).toMatch(/revenue lost/);
    // PR is the patient's: the balance decision and the write-off reason are both wrong.
    expect(follow(s)['balance-decision']?.mark).toBe('wrong');
    expect(follow(s)['write-off-reason']?.mark).toBe('wrong');
    s.close();
  });

  it('billing the patient for a CO denial is refused as overbilling; writing it off is right', async () => {
    const s = await posted('co50-no-abn-gz-lipid-panel');
    s.work({ kind: 'bill-patient' });
    const w = s.context!.work!.at(-1)!;
    expect(w.right).toBe(false);
    expect(w.rationale).toBe(WRONG_MOVES.coToPatient);
    expect(w.closes).toBe(false);
    s.work({ kind: 'write-off', reason: 'medical-necessity' });
    expect(s.step).toBe('closed');
    // The balance ended written off (right) after billing the patient for CO (wrong): partly;
    // the reason matches the CARC (CO-50 medical necessity).
    expect(follow(s)['balance-decision']?.mark).toBe('partly');
    expect(follow(s)['write-off-reason']?.mark).toBe('right');
    s.close();
  });

  it('billing the patient a PR-50 with an ABN on file is right', async () => {
    const s = await posted('co50-abn-ga-a1c-fatigue');
    s.work({ kind: 'bill-patient' });
    expect(s.context!.work!.at(-1)!.right).toBe(true);
    // The statement goes out; the case closes once the patient pays it.
    expect(s.step).toBe('patientStatement');
    s.settle({ kind: 'payment', amount: s.context!.account!.context.balance as Cents });
    expect(s.step).toBe('closed');
    expect(follow(s)['denial-action']?.mark).toBe('right');
    // Stored in the progress history like any case attempt, with its score items.
    await s.flush();
    await vi.waitFor(async () => {
      const attempts = await s.attempts();
      if (attempts.length !== 1) throw new Error(`attempts: ${attempts.length}`);
      expect(attempts[0]!.score.percent).toBe(100);
      expect(
        attempts[0]!.items?.some((i) => i.kind === 'denial-action' && i.mark === 'right'),
      ).toBe(true);
    });
    s.close();
  });

  it('a CO-22 goes to the primary payer', async () => {
    const s = await posted('co22-birthday-rule-dependent-child');
    s.work({ kind: 'bill-other-payer' });
    expect(s.context!.work!.at(-1)!.right).toBe(true);
    expect(follow(s)['denial-action']?.mark).toBe('right');
    s.close();
  });

  it('a frequency-7 replacement to Medicare Part B comes back unprocessed (the payer says so)', async () => {
    const s = await posted('co4-laterality-missing-medicare');
    s.send({ type: 'claim.correct', as: 'replacement' });
    expect(s.context!.next.frequency).toBe('7');
    expect(s.context!.next.originalClaimId).toBe(
      s.context!.submissions[0]!.remittance!.payerClaimNumber,
    );
    s.send({ type: 'claim.resubmit' });
    await until(() => s.step === 'adjudicated');
    expect(s.context!.remittance?.status).toBe('rejected');
    s.send({ type: 'remittance.post' });
    expect(follow(s)['denial-action']?.given).toMatch(/corrected claim/);
    expect(follow(s)['denial-action']?.mark).toBe('wrong');
    s.close();
  });

  it('a reopening naming the ICN with the corrected code is what Medicare takes', async () => {
    const s = await posted('co4-laterality-missing-medicare');
    const v2 = remitCases.find((c) => c.id === 'co4-laterality-missing-medicare')!;
    s.send({ type: 'claim.correct', as: 'reopening' });
    expect(s.context!.next.channel).toBe('reopening');
    // The corrected coding: the answer key's diagnoses.
    const d = s.context!.draft;
    d.diagnoses.forEach(() => s.send({ type: 'dx.remove', index: 0 }));
    for (const dx of v2.answer.diagnoses) s.send({ type: 'dx.add', code: dx.code });
    v2.answer.lines.forEach((l, i) =>
      s.send({
        type: 'line.update',
        index: i,
        patch: {
          code: l.code,
          modifiers: [...l.modifiers, '', '', '', ''].slice(0, 4),
          dxPointers: l.dxPointers,
        },
      }),
    );
    s.send({ type: 'claim.resubmit' });
    await until(() => s.step === 'adjudicated' || s.step === 'denied');
    expect(follow(s)['denial-action']?.mark).toBe('right');
    s.close();
  });

  it('the work is saved with the case and comes back after a reload', async () => {
    const store = new ProgressStore(memoryStore());
    const a = await posted('co50-no-abn-gz-lipid-panel', store);
    a.work({ kind: 'bill-patient' });
    await a.flush();
    a.close();
    const b = session('co50-no-abn-gz-lipid-panel', store);
    await b.open();
    expect(b.step).toBe('denied');
    expect(b.context!.work).toHaveLength(1);
    expect(b.context!.submissions).toHaveLength(1);
    b.close();
  });
});

describe('starting a remittance case over', () => {
  it('archives the attempt and opens at the remittance again with no work', async () => {
    const s = await posted('pr3-commercial-copay-posting');
    s.work({ kind: 'write-off', reason: 'contractual' });
    // Closing archived it (the history is written after the save).
    await vi.waitFor(async () => expect((await s.attempts()).length).toBe(1));
    await s.restart();
    expect(s.step).toBe('adjudicated');
    expect(s.context!.work).toEqual([]);
    expect(s.context!.submissions).toHaveLength(1);
    expect((await s.attempts()).length).toBe(1);
    s.close();
  });
});

/**
 * Billing the patient from the workbench opens the patient's account on the statement cycle the
 * practice runs (patient-balance.machine.ts), and the case closes only when the balance is paid
 * or written off with a reason the collection rules allow; the bill-patient decision is scored
 * as before. See: DOMAIN.md §1 step 9; Pub. 15-1 §310 (bad debt after a reasonable collection
 * effort); issue 15 ("Patient balance": statements on a cycle, payments, write-offs with reasons).
 */
describe('billing the patient from the workbench: the statement and its cycle', () => {
  const prTotal = (s: CaseSession) =>
    s
      .context!.remittance!.lines.flatMap((l) => l.adjustments)
      .filter((a) => a.group === 'PR')
      .reduce((t, a) => t + Math.round(Number(a.amount) * 100), 0);

  it('the statement shows the PR balance by line; the case stays open until the patient pays in full', async () => {
    const s = await posted('pr1-pr2-medicare-posting');
    s.work({ kind: 'bill-patient' });
    expect(s.context!.work!.at(-1)!.right).toBe(true);
    expect(s.step).toBe('patientStatement');
    const acc = s.context!.account!;
    // What the statement bills is the remittance's PR total (PR-1 deductible, PR-2 coinsurance).
    expect(acc.context.owes).toBe(prTotal(s));
    expect(acc.context.statements).toBe(1);
    // The score of the decision is there already, and closing is refused while the balance is open.
    expect(follow(s)['balance-decision']?.mark).toBe('right');
    s.send({ type: 'case.close' });
    expect(s.step).toBe('patientStatement');
    // A partial payment: still open; the rest paid: closed, scored as before.
    s.settle({ kind: 'payment', amount: 1000 as Cents });
    expect(s.step).toBe('patientStatement');
    expect(s.context!.account!.context.balance).toBe(prTotal(s) - 1000);
    s.settle({ kind: 'payment', amount: (prTotal(s) - 1000) as Cents });
    expect(s.step).toBe('closed');
    expect(follow(s)['balance-decision']?.mark).toBe('right');
    expect(follow(s)['denial-action']?.mark).toBe('right');
    s.close();
  });

  it('reminders move the clock a cycle each; bad debt is refused before 4 statements, then closes the case', async () => {
    const s = await posted('pr1-pr2-medicare-posting');
    s.work({ kind: 'bill-patient' });
    const billed = s.context!.today;
    const early = s.settle({ kind: 'write-off', reason: 'bad-debt' })!;
    expect(early.right).toBe(false);
    expect(early.rationale).toMatch(/Pub\. 15-1 §310/);
    expect(s.step).toBe('patientStatement');
    for (let i = 0; i < 3; i++) s.settle({ kind: 'statement' });
    expect(s.context!.account!.context.statements).toBe(4);
    // Three cycles of 30 days after the first statement.
    const days = (Date.parse(s.context!.today) - Date.parse(billed)) / 86_400_000;
    expect(days).toBe(90);
    const late = s.settle({ kind: 'write-off', reason: 'bad-debt' })!;
    expect(late.right).toBe(true);
    expect(s.step).toBe('closed');
    expect(s.context!.account!.context.writeOff).toEqual({
      reason: 'bad-debt',
      amount: prTotal(s),
    });
    s.close();
  });

  it('a small-balance write-off is refused above $5.00; hardship may be written off at once', async () => {
    const s = await posted('pr1-pr2-medicare-posting');
    s.work({ kind: 'bill-patient' });
    expect(prTotal(s)).toBeGreaterThan(500);
    expect(s.settle({ kind: 'write-off', reason: 'small-balance' })!.right).toBe(false);
    expect(s.step).toBe('patientStatement');
    expect(s.settle({ kind: 'write-off', reason: 'hardship' })!.right).toBe(true);
    expect(s.step).toBe('closed');
    s.close();
  });

  it('the account is saved with the case and comes back after a reload', async () => {
    const store = new ProgressStore(memoryStore());
    const a = await posted('pr1-pr2-medicare-posting', store);
    a.work({ kind: 'bill-patient' });
    a.settle({ kind: 'payment', amount: 500 as Cents });
    await a.flush();
    a.close();
    const b = session('pr1-pr2-medicare-posting', store);
    await b.open();
    expect(b.step).toBe('patientStatement');
    expect(b.context!.account!.context.paid).toBe(500);
    expect(b.context!.account!.log.map((e) => e.kind)).toEqual(['statement', 'payment']);
    b.close();
  });
});
