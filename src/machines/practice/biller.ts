/**
 * The automatic biller of `claimlab simulate`: codes each visit correctly with probability P
 * (else makes one of the common mistakes: a missing member ID, a diagnosis category instead of
 * the billable code, dropped modifiers, an E/M level too low), fixes rejections, posts every
 * remittance as the 835 says, and answers denials by policy: coding errors corrected
 * (frequency 7, or a reopening where the payer uses them), documentation and supported
 * necessity denials appealed with the records (escalated once), indicator-0 pairs, untimely
 * claims and unsupported necessity denials written off, patient-responsibility denials billed
 * to the patient, a secondary billed with the primary's adjudication; small balances and
 * balances unpaid after four statements written off.
 * See: DOMAIN.md §8; issue 15 ("an automatic biller that … answers denials by policy").
 */
import { cents } from '../../domain/money';
import { expectedLinePostings, type LinePosting, type RemittancePosting } from '../posting';
import type { DenialAction, Coding, Practice } from './engine';

export interface BillerPolicy {
  /** Probability (0–1) that a visit is coded as the documentation supports. */
  coderAccuracy: number;
  /**
   * Post each remittance line by line through the posting checks the trainee's posting goes
   * through (engine `postLines`: balance, then judged against the 835), posting right with the
   * coder's accuracy and otherwise making one of the common posting mistakes. Off (the default):
   * every remittance is posted as the 835 says, with no decision recorded.
   */
  checkPostings?: boolean;
}

const POSTING_MISTAKES = ['pr-written-off', 'co-to-patient', 'denial-written-off'] as const;

/**
 * What the biller posts for the remittance of `id`: the 835's posting (posting.ts
 * `expectedLinePostings`) with probability `accuracy`, else one common mistake that still
 * balances each line (so the check judges it, not refuses it): patient responsibility written
 * off as contractual, a contractual adjustment moved to the patient, or a denial written off at
 * posting instead of parked for follow-up; when the remittance offers none of these, it is right.
 * See: DOMAIN.md §6–§8 (posting PR as a write-off loses revenue; CO to the patient overbills).
 */
export function postingFor(p: Practice, id: string, accuracy: number): RemittancePosting | null {
  const r = p.remittance(id);
  if (!r) return null;
  const want = expectedLinePostings(r);
  const n = p.machine(id)?.context.claimSeq ?? 1;
  if (p.draw(id, `posting-${n}`) < accuracy) return want;
  const start = Math.floor(p.draw(id, `posting-mistake-${n}`) * POSTING_MISTAKES.length);
  for (let k = 0; k < POSTING_MISTAKES.length; k++) {
    const m = POSTING_MISTAKES[(start + k) % POSTING_MISTAKES.length]!;
    const i = want.lines.findIndex((l) => applies(m, l));
    if (i < 0) continue;
    const lines = want.lines.map((l, j) => (j === i ? misposted(m, l) : l));
    return { ...want, lines };
  }
  return want;
}

const patientOf = (l: LinePosting) => l.deductible + l.coinsurance + l.copay + l.otherPatient;

function applies(m: (typeof POSTING_MISTAKES)[number], l: LinePosting): boolean {
  if (m === 'pr-written-off') return l.parked === 0 && patientOf(l) > 0;
  if (m === 'co-to-patient') return l.parked === 0 && l.contractual > 0;
  return l.parked > 0;
}

function misposted(m: (typeof POSTING_MISTAKES)[number], l: LinePosting): LinePosting {
  const none = { deductible: cents(0), coinsurance: cents(0), copay: cents(0) };
  if (m === 'pr-written-off')
    return {
      ...l,
      ...none,
      otherPatient: cents(0),
      contractual: cents(l.contractual + patientOf(l)),
    };
  if (m === 'co-to-patient')
    return { ...l, contractual: cents(0), otherPatient: cents(l.otherPatient + l.contractual) };
  return { ...l, parked: cents(0), contractual: cents(l.contractual + l.parked) };
}

const MISTAKES = ['member-id', 'dx-category', 'modifiers', 'em-level'] as const;

/** The coding a coder produces for the visit `id` (seeded per encounter and attempt). */
export function codingFor(p: Practice, id: string, accuracy: number, attempt: number): Coding {
  const enc = p.encounter(id)!;
  const right: Coding = { diagnoses: [...enc.answer.diagnoses], lines: enc.answer.lines };
  if (p.draw(id, `coder-${attempt}`) < accuracy) return right;
  const m = MISTAKES[Math.floor(p.draw(id, `mistake-${attempt}`) * MISTAKES.length)]!;
  switch (m) {
    case 'member-id':
      return { ...right, memberIdMissing: true };
    case 'dx-category':
      return { ...right, diagnoses: right.diagnoses.map((d, i) => (i === 0 ? d.slice(0, 3) : d)) };
    case 'modifiers':
      return { ...right, lines: right.lines.map((l) => ({ ...l, modifiers: [] })) };
    case 'em-level':
      return {
        ...right,
        lines: right.lines.map((l) =>
          /^9921[3-5]$/.test(l.code) ? { ...l, code: `9921${Number(l.code[4]) - 1}` } : l,
        ),
      };
  }
}

function denialAction(p: Practice, id: string): DenialAction {
  const snap = p.machine(id)!;
  const ctx = snap.context;
  const right = codingFor(p, id, 1, 0);
  const remit = ctx.remit;
  const denial = remit?.denial ?? null;
  if (ctx.appealResult || ctx.claimSeq > 3)
    return denial?.group === 'PR' && !ctx.qmb
      ? { kind: 'bill-patient' }
      : { kind: 'write-off', reason: 'appeal-upheld' };
  const cause = remit?.cause;
  if (!cause || !denial) return { kind: 'write-off', reason: 'contractual' };
  switch (cause.kind) {
    case 'coding-error':
      return ctx.corrections === 'reopening'
        ? { kind: 'reopen', coding: right }
        : { kind: 'correct', frequency: '7', coding: right };
    case 'records-requested':
      // Without appeal rights on the remittance there is nothing to file: adjust it off.
      return remit.appealable
        ? { kind: 'appeal', evidence: 'records' }
        : { kind: 'write-off', reason: 'contractual' };
    case 'medical-necessity':
    case 'other':
      if (cause.supported && remit.appealable) return { kind: 'appeal', evidence: 'records' };
      return denial.group === 'PR' && !ctx.qmb
        ? { kind: 'bill-patient' }
        : {
            kind: 'write-off',
            reason: cause.kind === 'other' ? 'contractual' : 'medical-necessity',
          };
    case 'ncci-0':
      return { kind: 'write-off', reason: 'ncci-bundled' };
    case 'timely-filing':
      return { kind: 'write-off', reason: 'timely-filing' };
    case 'not-covered':
      return denial.group === 'PR' && !ctx.qmb
        ? { kind: 'bill-patient' }
        : { kind: 'write-off', reason: 'non-covered' };
    case 'other-payer':
      return ctx.hasSecondary
        ? { kind: 'bill-secondary' }
        : { kind: 'write-off', reason: 'contractual' };
    case 'duplicate':
      return { kind: 'write-off', reason: 'duplicate' };
    case 'front-end':
      return { kind: 'write-off', reason: 'contractual' };
  }
}

/** One day's work through every queue; pass it to `practice.advance(days, work)`. */
export function autoBiller(policy: BillerPolicy): (p: Practice) => void {
  return (p) => {
    for (const id of p.queue('toCode')) {
      const attempt = p.machine(id)!.context.claimSeq - 1;
      p.code(id, codingFor(p, id, policy.coderAccuracy, attempt));
    }
    for (const id of p.queue('rejections')) p.fixRejection(id, codingFor(p, id, 1, 0));
    for (const id of p.queue('toPost')) {
      const posting = policy.checkPostings ? postingFor(p, id, policy.coderAccuracy) : null;
      // A posting the check refuses (it does not balance) is posted as the 835 says instead.
      if (!posting || !p.postLines(id, posting).ok) p.post(id);
    }
    for (const id of p.queue('denials')) p.work(id, denialAction(p, id));
    for (const id of p.changedIn('appeals')) {
      const snap = p.machine(id)!;
      const child = snap.children['appeal']?.getSnapshot() as
        { value: string; context: { index: number } } | undefined;
      if (child?.value !== 'lost') continue;
      // Escalate once when the facts are on the practice's side, else accept the decision.
      const supported = snap.context.remit?.cause?.supported === true;
      if (supported && child.context.index === 0)
        p.appeal(id, { kind: 'escalate', evidence: 'records' });
      else p.appeal(id, { kind: 'accept' });
    }
    for (const id of p.queue('paid')) {
      const ctx = p.machine(id)!.context;
      const e = ctx.remit?.expected;
      if (ctx.hasSecondary && e && e.patient + e.protectedPr > 0 && ctx.secondaryPaid === 0)
        p.billSecondary(id);
      else if (ctx.patientOwes > 0) p.billPatient(id);
      else p.closeClaim(id);
    }
    for (const id of p.changedIn('balances')) {
      const b = p.balance(id);
      if (!b || b.balance <= 0) continue;
      if (b.balance <= b.smallBalance && b.statements >= 1) p.writeOffBalance(id, 'small-balance');
      else if (b.statements >= b.badDebtAfterStatements) p.writeOffBalance(id, 'bad-debt');
    }
  };
}
