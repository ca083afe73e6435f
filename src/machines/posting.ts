/**
 * Payment posting, checked against the remittance as billing staff post it: the payment, the
 * contractual adjustment (CO, OA, PI: the provider's, never the patient's), the patient's share
 * (PR, except what a QMB may not be billed), and the secondary claim that carries the primary's
 * adjudication. A posting that writes PR off as contractual loses revenue; one that moves CO to
 * the patient overbills them. Pure functions over the domain's remittance.
 * See: DOMAIN.md §6 ("every line balances", contractual adjustment) and §7 (group codes);
 * X12 005010X221A1 (835 CAS); 005010X222A1 loop 2320/2430 (other payer's adjudication).
 */
import type { Claim } from '../domain/claim/claim';
import type { OtherPayer } from '../domain/claim/other-payers';
import { cents, type Cents } from '../domain/money';
import {
  lineBalances,
  lineIsDenied,
  netPaid,
  paidToProvider,
  type RemitLine,
  type Remittance,
} from '../domain/payer/remittance/remittance';
import { WRONG_MOVES, type Decision } from './practice/decisions';

/** What the remittance says should be posted. */
export interface ExpectedPosting {
  /** Net payment to the provider (new payment minus any take-back). */
  payment: Cents;
  /** CO + OA + PI: written off, never billed to the patient. */
  contractual: Cents;
  /** PR the patient may be billed (QMB cost sharing excluded). */
  patient: Cents;
  /** PR the law bars billing (QMB cost sharing): to Medicaid / the secondary, or written off. */
  protectedPr: Cents;
  /** Billed amount of lines paid at zero with a denial (parked for follow-up). */
  denied: Cents;
}

/** What the biller posted. */
export interface PostingEntry {
  payment: Cents;
  contractual: Cents;
  /** Moved to the patient's balance. */
  toPatient: Cents;
}

export function expectedPosting(r: Remittance): ExpectedPosting {
  let co = 0;
  let pr = 0;
  let denied = 0;
  for (const l of r.lines) {
    for (const a of l.adjustments)
      if (a.group === 'PR') pr += a.amount;
      else co += a.amount;
    if (lineIsDenied(l)) denied += l.billed;
  }
  const owes = r.balanceBilling ? r.balanceBilling.patientOwes : pr;
  return {
    payment: netPaid(r),
    contractual: cents(co),
    patient: cents(owes),
    protectedPr: cents(pr - owes),
    denied: cents(denied),
  };
}

/** The posting the remittance calls for (what a careful biller posts). */
export const correctPosting = (e: ExpectedPosting): PostingEntry => ({
  payment: e.payment,
  contractual: cents(e.contractual + e.protectedPr),
  toPatient: e.patient,
});

/** Judges one posting: right when it matches; else the money it loses or overbills. */
export function judgePosting(
  e: ExpectedPosting,
  p: PostingEntry,
  at: string,
  ids: { encounterId?: string; claimId?: string } = {},
): Decision {
  const base = { at, kind: 'posting' as const, ...ids };
  const choice = `payment ${p.payment}, contractual ${p.contractual}, patient ${p.toPatient}`;
  if (p.toPatient > e.patient)
    return {
      ...base,
      choice,
      right: false,
      rationale: `${WRONG_MOVES.coToPatient} Overbilled ${p.toPatient - e.patient} cents.`,
    };
  if (p.toPatient < e.patient && p.contractual > e.contractual + e.protectedPr)
    return {
      ...base,
      choice,
      right: false,
      rationale: `${WRONG_MOVES.prAsContractual} Lost ${e.patient - p.toPatient} cents.`,
    };
  if (p.payment !== e.payment)
    return {
      ...base,
      choice,
      right: false,
      rationale: `The payment posted differs from the 835 (${e.payment} cents): post what the payer paid (835 CLP04/SVC03).`,
    };
  return {
    ...base,
    choice,
    right: true,
    rationale:
      'Posted as the 835 says: payment, CO/OA/PI written off, PR to the patient (DOMAIN.md §6).',
  };
}

/** Lines (and take-back lines) where billed ≠ paid + Σ adjustments. */
export function balanceViolations(r: Remittance): string[] {
  const out: string[] = [];
  for (const l of r.lines)
    if (!lineBalances(l)) out.push(`${r.claimId} line ${l.line}: billed ≠ paid + adjustments`);
  for (const l of r.reversal?.lines ?? [])
    if (!lineBalances(l)) out.push(`${r.claimId} reversal line ${l.line}: unbalanced`);
  return out;
}

/**
 * The claim to the secondary payer: the same services, with the primary's adjudication per line
 * (837P 2320/2430), so the secondary pays after the primary (OA-23 on its remittance).
 */
export function secondaryClaim(
  primary: Claim,
  remit: Remittance,
  secondary: { payerId: string; memberId: string },
  claimId: string,
  submissionDate: string,
): Claim {
  const prior: OtherPayer = {
    payerId: primary.payerId,
    sequence: 'primary',
    memberId: primary.patient.memberId,
    adjudication: {
      payerClaimNumber: remit.payerClaimNumber,
      adjudicationDate: remit.remitDate,
      lines: remit.lines.map((l) => ({
        line: l.line,
        code: l.code,
        modifiers: l.modifiers,
        units: l.units,
        paid: l.paid,
        adjustments: l.adjustments.map((a) => ({ ...a })),
      })),
    },
  };
  return {
    ...primary,
    claimId,
    payerId: secondary.payerId,
    frequency: '1',
    originalClaimId: null,
    submissionDate,
    patient: { ...primary.patient, memberId: secondary.memberId },
    accumulatorsGiven: false,
    payerSequence: 'secondary',
    otherPayers: [prior],
  };
}

// ---- line-by-line posting (the trainee posts each 835 line as billing staff do) ----------

/**
 * What the biller posts on one remittance line: the payment, the contractual adjustment written
 * off (CO/OA/PI), the patient's responsibility moved to the patient's balance by reason (PR-1
 * deductible, PR-2 coinsurance, PR-3 copay, any other PR), and the amount parked for follow-up
 * (a denied line's balance, worked from the denial queue). Money in cents, never negative.
 */
export interface LinePosting {
  line: number;
  payment: Cents;
  contractual: Cents;
  deductible: Cents;
  coinsurance: Cents;
  copay: Cents;
  otherPatient: Cents;
  parked: Cents;
}

/** The money fields of a line posting, in form order, with the words a message uses. */
export const LINE_FIELDS = [
  ['payment', 'payment'],
  ['contractual', 'contractual adjustment (CO/OA/PI)'],
  ['deductible', 'deductible (PR-1)'],
  ['coinsurance', 'coinsurance (PR-2)'],
  ['copay', 'copay (PR-3)'],
  ['otherPatient', 'other patient responsibility (PR)'],
  ['parked', 'denied, parked for follow-up'],
] as const satisfies readonly (readonly [keyof Omit<LinePosting, 'line'>, string])[];

export type LineField = (typeof LINE_FIELDS)[number][0];

/** The whole posting of one remittance: its lines and the take-back (recoupment) posted. */
export interface RemittancePosting {
  lines: LinePosting[];
  /** The amount of an earlier payment the payer took back (835 reversal), posted as positive cents. */
  takeBack: Cents;
}

const prOf = (l: RemitLine, carc: string) =>
  l.adjustments
    .filter((a) => a.group === 'PR' && a.carc === carc)
    .reduce((s, a) => s + a.amount, 0);

/** The posting each line of the remittance calls for (what a careful biller posts). */
export function expectedLinePostings(r: Remittance): RemittancePosting {
  const qmb = r.balanceBilling !== undefined;
  const lines = r.lines.map((l): LinePosting => {
    const payment = paidToProvider([l], l.paid);
    const toBeneficiary = l.paid - payment; // paid to the patient (OA-100): theirs to pay over
    if (lineIsDenied(l))
      return {
        line: l.line,
        payment,
        contractual: cents(0),
        deductible: cents(0),
        coinsurance: cents(0),
        copay: cents(0),
        otherPatient: cents(toBeneficiary),
        parked: cents(l.billed - l.paid),
      };
    let co = 0;
    for (const a of l.adjustments) if (a.group !== 'PR') co += a.amount;
    const d = prOf(l, '1');
    const ci = prOf(l, '2');
    const cp = prOf(l, '3');
    const other = l.adjustments
      .filter((a) => a.group === 'PR' && !['1', '2', '3'].includes(a.carc))
      .reduce((s, a) => s + a.amount, 0);
    // A QMB's Medicare cost sharing (PR-1/2/3) may not be billed to them: written off (or sent
    // to Medicaid), never moved to the patient's balance.
    return {
      line: l.line,
      payment,
      contractual: cents(co + (qmb ? d + ci + cp : 0)),
      deductible: cents(qmb ? 0 : d),
      coinsurance: cents(qmb ? 0 : ci),
      copay: cents(qmb ? 0 : cp),
      otherPatient: cents(other + toBeneficiary),
      parked: cents(0),
    };
  });
  const takeBack = r.reversal
    ? cents(-paidToProvider(r.reversal.lines, r.reversal.totals.paid))
    : cents(0);
  return { lines, takeBack };
}

/** One problem with a posting: the line (null for the take-back) and the field it names. */
export interface PostingProblem {
  line: number | null;
  field: LineField | 'takeBack' | 'lines';
  message: string;
}

const usd = (c: number) => `$${(c / 100).toFixed(2)}`;
const patientOf = (p: LinePosting) => p.deductible + p.coinsurance + p.copay + p.otherPatient;

/**
 * Refuses a posting that cannot be right whatever its allocation: a line missing or unknown, a
 * negative or fractional amount, or a line whose amounts do not add up to what was billed
 * (billed = payment + adjustments + patient responsibility + parked). Each problem names the
 * line and the field. See: DOMAIN.md §6 ("every line balances").
 */
export function checkPostingBalance(r: Remittance, p: RemittancePosting): PostingProblem[] {
  const out: PostingProblem[] = [];
  const byLine = new Map(p.lines.map((l) => [l.line, l]));
  for (const l of p.lines)
    if (!r.lines.some((x) => x.line === l.line))
      out.push({
        line: l.line,
        field: 'lines',
        message: `Line ${l.line} is not on this remittance.`,
      });
  for (const rl of r.lines) {
    const posted = byLine.get(rl.line);
    const label = `Line ${rl.line} (${rl.code})`;
    if (!posted) {
      out.push({ line: rl.line, field: 'lines', message: `${label} has not been posted.` });
      continue;
    }
    let bad = false;
    for (const [k, words] of LINE_FIELDS) {
      const v = posted[k];
      if (!Number.isInteger(v) || v < 0) {
        out.push({
          line: rl.line,
          field: k,
          message: `${label} ${words}: enter an amount of $0.00 or more.`,
        });
        bad = true;
      }
    }
    if (bad) continue;
    const total = posted.payment + posted.contractual + patientOf(posted) + posted.parked;
    if (total !== rl.billed) {
      // The field to look at: the one most likely off (payment first when it differs from the 835).
      const field: LineField =
        posted.payment !== paidToProvider([rl], rl.paid)
          ? 'payment'
          : lineIsDenied(rl)
            ? 'parked'
            : 'contractual';
      out.push({
        line: rl.line,
        field,
        message: `${label} does not balance: billed ${usd(rl.billed)}, posted ${usd(total)} (${total > rl.billed ? 'over' : 'short'} by ${usd(Math.abs(total - rl.billed))}). Payment + contractual adjustment + patient responsibility + parked must equal the billed amount; check the ${LINE_FIELDS.find((f) => f[0] === field)![1]}.`,
      });
    }
  }
  if (!Number.isInteger(p.takeBack) || p.takeBack < 0)
    out.push({
      line: null,
      field: 'takeBack',
      message: 'Take-back: enter an amount of $0.00 or more.',
    });
  return out;
}

/** What the biller's line posting adds up to (the claim machine's `remittance.post`). */
export function postingTotals(p: RemittancePosting): PostingEntry {
  let payment = -p.takeBack;
  let contractual = 0;
  let toPatient = 0;
  for (const l of p.lines) {
    payment += l.payment;
    contractual += l.contractual;
    toPatient += patientOf(l);
  }
  return { payment: cents(payment), contractual: cents(contractual), toPatient: cents(toPatient) };
}

/**
 * Judges a balanced line posting against the remittance: every error, one line each, each citing
 * its rule; right only when there is none. PR written off loses revenue, CO (or a QMB's cost
 * sharing) moved to the patient overbills them, PR under the wrong reason misstates the patient's
 * bill, a denial written off or billed at posting skips its follow-up, a payment or take-back that
 * differs from the 835 misstates the deposit.
 * See: DOMAIN.md §6–§8; X12 005010X221A1 (CAS group codes, CARC 1/2/3; CLP02 22 reversals).
 */
export function judgeLinePosting(
  r: Remittance,
  p: RemittancePosting,
  at: string,
  ids: { encounterId?: string; claimId?: string } = {},
): Decision {
  const want = expectedLinePostings(r);
  const errors: string[] = [];
  const qmb = r.balanceBilling !== undefined;
  for (const e of want.lines) {
    const got = p.lines.find((l) => l.line === e.line);
    const rl = r.lines.find((l) => l.line === e.line)!;
    if (!got) continue;
    const label = `Line ${e.line} (${rl.code})`;
    if (got.payment !== e.payment)
      errors.push(
        `${label}: payment ${usd(got.payment)} differs from the ${usd(e.payment)} the 835 paid; post what the payer paid (835 SVC03).`,
      );
    if (e.parked > 0) {
      if (got.parked < e.parked) {
        const code = rl.adjustments.find((a) => !['1', '2', '3', '45', '253'].includes(a.carc));
        const why = code ? `${code.group}-${code.carc}` : 'denied';
        if (patientOf(got) > patientOf(e) && code?.group !== 'PR')
          errors.push(
            `${label}: the ${why} denial was moved to the patient. ${WRONG_MOVES.coToPatient}`,
          );
        else if (patientOf(got) > patientOf(e))
          errors.push(
            `${label}: the ${why} denial was billed to the patient at posting; park it and decide on the denial queue (bill the patient only when they are liable, e.g. a signed ABN or a non-covered service) (DOMAIN.md §1.7).`,
          );
        else
          errors.push(
            `${label}: the ${why} denial was written off at posting; park it for follow-up (appeal, correct or write off with a reason from the denial queue) (DOMAIN.md §1.7).`,
          );
      }
      continue;
    }
    const ePat = patientOf(e);
    const gPat = patientOf(got);
    if (gPat > ePat) {
      errors.push(
        qmb &&
          gPat <=
            ePat +
              rl.adjustments
                .filter((a) => a.group === 'PR' && ['1', '2', '3'].includes(a.carc))
                .reduce((s, a) => s + a.amount, 0)
          ? `${label}: ${usd(gPat - ePat)} of QMB cost sharing moved to the patient. ${WRONG_MOVES.qmbCostSharing}`
          : `${label}: ${usd(gPat - ePat)} moved to the patient is contractual. ${WRONG_MOVES.coToPatient}`,
      );
    } else if (gPat < ePat && got.contractual > e.contractual) {
      errors.push(
        `${label}: ${usd(ePat - gPat)} of patient responsibility written off. ${WRONG_MOVES.prAsContractual}`,
      );
    } else if (gPat < ePat && got.parked > 0) {
      errors.push(
        `${label}: ${usd(ePat - gPat)} of patient responsibility parked as a denial; move it to the patient's balance (X12 835 group PR).`,
      );
    } else if (got.parked > 0 && got.contractual < e.contractual) {
      errors.push(
        `${label}: the contractual adjustment (CO-45) was parked as a denial; write it off at posting (DOMAIN.md §6).`,
      );
    } else if (gPat === ePat) {
      for (const [k, carc, words] of [
        ['deductible', '1', 'deductible'],
        ['coinsurance', '2', 'coinsurance'],
        ['copay', '3', 'copay'],
      ] as const)
        if (got[k] !== e[k]) {
          errors.push(
            `${label}: patient responsibility posted under the wrong reasons (PR-${carc} ${words} is ${usd(e[k])}, posted ${usd(got[k])}); post each PR by its CARC so the statement and the accumulators are right (CARC 1/2/3).`,
          );
          break;
        }
    }
  }
  if (p.takeBack !== want.takeBack)
    errors.push(
      want.takeBack > 0
        ? `Take-back: the payer recouped ${usd(want.takeBack)} of the original payment (835 reversal, CLP02 22); post it, not ${usd(p.takeBack)}.`
        : `Take-back: this remittance takes nothing back; posting ${usd(p.takeBack)} misstates the deposit.`,
    );
  const got = postingTotals(p);
  return {
    at,
    kind: 'posting',
    choice: `payment ${got.payment}, contractual ${got.contractual}, patient ${got.toPatient}, parked ${p.lines.reduce((s, l) => s + l.parked, 0)}${p.takeBack ? `, take-back ${p.takeBack}` : ''}`,
    right: errors.length === 0,
    rationale:
      errors[0] ??
      'Posted line by line as the 835 says: payment, CO/OA/PI written off, PR to the patient by reason, denials parked (DOMAIN.md §6–§7).',
    ...ids,
    errors,
    manual: true,
  };
}
