/**
 * Reads an ASC X12 005010X221A1 835 back into remittances, and refuses what a payer's or
 * clearinghouse's translator would refuse, so that nothing accepted is unbalanced or incomplete:
 * - the envelope (interchange.ts): ISA/GS/ST…SE/GE/IEA, every count and control number;
 * - the loops, in order: BPR first (exactly one), TRN, 1000A (N1*PR), 1000B (N1*PE), then per
 *   LX the claims (2100 CLP) with their service lines (2110 SVC), then PLB; any other segment, or
 *   one out of its loop, is named;
 * - every amount strictly in X12 R format, dates CCYYMMDD, quantities numeric;
 * - the balance (TR3 §1.10.2.1): per SVC, SVC02 = SVC03 + ΣCAS; per CLP, CLP03 = ΣSVC02,
 *   CLP04 = ΣSVC03, CLP05 = Σ PR adjustments; per transaction, BPR02 = ΣCLP04 − ΣPLB.
 * A claim payment without service lines (SVC), or with claim-level adjustments (CAS in 2100),
 * is refused: the remittance model carries money per line, so its amounts would be lost.
 * Every problem names the segment: "segment 14 (SVC) SVC03: …".
 * See: X12 005010X221A1 §1.10.2.1 (balancing), loops 1000A/1000B/2000/2100/2110, PLB.
 */
import { cents, formatMoney, type Cents } from '../../domain/money';
import type { Problem, Result } from '../../domain/result';
import { prShares, reversalFromLines } from '../../domain/payer/corrections/reversal';
import {
  remittanceOf,
  statusOf,
  totalsOf,
  type RemitLine,
  type Remittance,
} from '../../domain/payer/remittance/remittance';
import { readEnvelope, type TransactionSpan } from './interchange';
import {
  isQuantity,
  isX12Date,
  isoDate,
  limitProblems,
  notAnAmount,
  readAmount,
  readCas,
  segmentAt,
  tokenize,
  type Segment,
} from './segments';

/** Where the reader is: the 835's header, its two party loops, the claim loops, the summary. */
type Loop = 'header' | '1000A' | '1000B' | '2000' | '2100' | '2110' | 'summary';

const LOOP_NAME: Record<Loop, string> = {
  header: 'in the header (before N1*PR)',
  '1000A': 'in loop 1000A (payer)',
  '1000B': 'in loop 1000B (payee)',
  '2000': 'in loop 2000 (LX header number)',
  '2100': 'in loop 2100 (claim payment)',
  '2110': 'in loop 2110 (service payment)',
  summary: 'after PLB (summary)',
};

/** Segments each loop may hold besides those that open a loop (N1, LX, CLP, SVC, PLB). */
const IN_LOOP: Record<Loop, ReadonlySet<string>> = {
  header: new Set(['BPR', 'TRN', 'CUR', 'REF', 'DTM']),
  '1000A': new Set(['N3', 'N4', 'REF', 'PER']),
  '1000B': new Set(['N3', 'N4', 'REF', 'RDM']),
  '2000': new Set(['TS3', 'TS2']),
  '2100': new Set(['CAS', 'NM1', 'MIA', 'MOA', 'REF', 'DTM', 'PER', 'AMT', 'QTY']),
  '2110': new Set(['DTM', 'CAS', 'REF', 'AMT', 'QTY', 'LQ']),
  summary: new Set(),
};

/** CLP02 claim status codes. See: X12 005010X221A1 2100 CLP02. */
const CLAIM_STATUS = new Set(['1', '2', '3', '4', '19', '20', '21', '22', '23', '25']);
/** BPR01 transaction handling and BPR03 credit/debit. See: X221A1 BPR01, BPR03. */
const HANDLING = new Set(['C', 'D', 'H', 'I', 'P', 'U', 'X']);

/** One CLP as read: the remittance it becomes, plus what the balance check needs. */
interface ClaimPayment {
  remit: Remittance;
  /** CLP02, and the original claim id from REF*F8 when given. */
  code: string;
  originalId: string;
  where: string;
  billed: Cents;
  paid: Cents;
  /** CLP05, null when empty. */
  patientResponsibility: Cents | null;
  /** Position of each service line's SVC, parallel to remit.lines. */
  svcAt: string[];
  /** NM1*QC (the patient, required in 2100) was read. */
  patient: boolean;
  /** DTM*232 (claim statement period start): the date of lines without their own DTM*472. */
  periodStart: string;
}

/** One transaction set (ST…SE) being read. */
interface Reading {
  errors: Problem[];
  component: string;
  loop: Loop;
  start: number;
  payerName: string;
  payerId: string;
  npi: string;
  remitDate: string;
  bpr: { amount: Cents; where: string } | null;
  trn: string | null;
  claims: ClaimPayment[];
  line: RemitLine | null;
  plb: number;
}

const e = (s: Segment, n: number) => s[n] ?? '';
const el = (n: number) => String(n).padStart(2, '0');

/** A required amount element; reported (and read as 0) when it is missing or not X12 R. */
function amountOf(t: Reading, s: Segment, n: number, where: string): Cents {
  const v = readAmount(e(s, n));
  if (v === null)
    t.errors.push({
      path: `${where} ${s[0]}${el(n)}`,
      message: e(s, n) === '' ? `${s[0]}${el(n)} (amount) is required` : notAnAmount(e(s, n)),
    });
  return v ?? cents(0);
}

function dateOf(t: Reading, s: Segment, n: number, where: string): string {
  if (!isX12Date(e(s, n)))
    t.errors.push({
      path: `${where} ${s[0]}${el(n)}`,
      message: `"${e(s, n).slice(0, 20)}" is not a CCYYMMDD date`,
    });
  return isoDate(e(s, n));
}

/** The loop a segment puts the reader in, or null when it is not allowed where it stands. */
function nextLoop(loop: Loop, s: Segment): Loop | null {
  switch (s[0]) {
    case 'N1':
      if (loop === 'header' && s[1] === 'PR') return '1000A';
      if (loop === '1000A' && s[1] === 'PE') return '1000B';
      return null;
    case 'LX':
      return loop === '1000B' || loop === '2000' || loop === '2100' || loop === '2110'
        ? '2000'
        : null;
    case 'CLP':
      return loop === '2000' || loop === '2100' || loop === '2110' ? '2100' : null;
    case 'SVC':
      return loop === '2100' || loop === '2110' ? '2110' : null;
    case 'PLB':
      return loop === '2100' || loop === '2110' || loop === 'summary' || loop === '1000B'
        ? 'summary'
        : null;
    default:
      return IN_LOOP[loop].has(s[0]!) ? loop : null;
  }
}

/** The loop a misplaced loop-opening segment is read in anyway, so one missing segment is one problem. */
const RECOVER: Record<string, Loop> = {
  LX: '2000',
  CLP: '2100',
  SVC: '2110',
  PLB: 'summary',
};

/** BPR: the payment, first after ST and only once; BPR02 not negative, 0 for a notification (H). */
function readPayment(t: Reading, s: Segment, i: number, where: string): void {
  if (t.bpr) {
    t.errors.push({
      path: where,
      message: `a second BPR (the first is ${t.bpr.where}): a transaction set carries one payment`,
    });
    return;
  }
  if (i !== t.start + 1)
    t.errors.push({ path: where, message: 'BPR must be the first segment after ST' });
  const handling = e(s, 1);
  if (!HANDLING.has(handling))
    t.errors.push({
      path: `${where} BPR01`,
      message: `"${handling}" is not a transaction handling code`,
    });
  const amount = amountOf(t, s, 2, where);
  if (amount < 0)
    t.errors.push({ path: `${where} BPR02`, message: 'BPR02 (total payment) is negative' });
  if (handling === 'H' && amount !== 0)
    t.errors.push({
      path: `${where} BPR02`,
      message: 'BPR01 H (notification only) moves no money: BPR02 must be 0',
    });
  if (e(s, 3) !== 'C' && e(s, 3) !== 'D')
    t.errors.push({ path: `${where} BPR03`, message: `"${e(s, 3)}" is not C or D` });
  if (e(s, 16)) dateOf(t, s, 16, where);
  t.bpr = { amount, where };
}

/** CLP: a claim payment opens (loop 2100), with the header's payer, payee and date. */
function openClaimPayment(t: Reading, s: Segment, where: string): void {
  const code = e(s, 2);
  if (!e(s, 1)) t.errors.push({ path: `${where} CLP01`, message: 'CLP01 (claim id) is required' });
  if (!CLAIM_STATUS.has(code))
    t.errors.push({ path: `${where} CLP02`, message: `"${code}" is not a claim status code` });
  const billed = amountOf(t, s, 3, where);
  const paid = amountOf(t, s, 4, where);
  const patientResponsibility = e(s, 5) === '' ? null : amountOf(t, s, 5, where);
  const remit = remittanceOf({
    claimId: e(s, 1),
    payerId: t.payerId,
    payerName: t.payerName,
    status: code === '4' ? 'denied' : 'paid',
    payerClaimNumber: e(s, 7) || null,
    frequency: (['1', '7', '8'].includes(e(s, 9)) ? e(s, 9) : '1') as Remittance['frequency'],
    payerSequence: code === '2' ? 2 : 1,
    claimFilingIndicator: e(s, 6),
    remitDate: t.remitDate,
    providerNpi: t.npi,
    ...(e(s, 8) ? { pos: e(s, 8) } : {}),
  });
  t.claims.push({
    remit,
    code,
    originalId: '',
    where,
    billed,
    paid,
    patientResponsibility,
    svcAt: [],
    patient: false,
    periodStart: '',
  });
  t.line = null;
}

/** Table 1: BPR (first, once), TRN (once), DTM*405, the payer (N1*PR, REF*2U) and payee (N1*PE). */
function readHeader(t: Reading, s: Segment, i: number, where: string): void {
  switch (s[0]) {
    case 'BPR':
      return readPayment(t, s, i, where);
    case 'TRN':
      if (t.trn !== null)
        t.errors.push({ path: where, message: `a second TRN (the first is ${t.trn})` });
      else t.trn = where;
      if (!e(s, 2))
        t.errors.push({ path: `${where} TRN02`, message: 'TRN02 (trace number) is required' });
      return;
    case 'DTM':
      if (e(s, 1) === '405') t.remitDate = dateOf(t, s, 2, where);
      return;
    case 'N1':
      if (e(s, 1) === 'PR') t.payerName = e(s, 2);
      if (e(s, 1) === 'PE') t.npi = e(s, 4);
      if (e(s, 1) === 'PE' && (!e(s, 3) || !e(s, 4)))
        t.errors.push({
          path: `${where} N104`,
          message: 'the payee must be identified (N103 qualifier, N104 id)',
        });
      return;
    case 'REF':
      if (e(s, 1) === '2U' && t.loop === '1000A') t.payerId = e(s, 2);
      return;
  }
}

/** Loop 2100: CLP opens a claim payment; NM1*QC, MOA, DTM*050 and REF*F8 describe it. */
function readClaimPayment(t: Reading, s: Segment, where: string): void {
  const claim = t.claims.at(-1);
  switch (s[0]) {
    case 'CLP':
      return openClaimPayment(t, s, where);
    case 'NM1':
      if (claim && e(s, 1) === 'QC') {
        claim.patient = true;
        claim.remit.patient = { memberId: e(s, 9) || null };
        if (e(s, 3) && e(s, 3) !== 'PATIENT') claim.remit.patient.lastName = e(s, 3);
        if (e(s, 4)) claim.remit.patient.firstName = e(s, 4);
      }
      return;
    case 'MOA':
      if (claim) claim.remit.claimRemarks = s.slice(3).filter(Boolean);
      return;
    case 'DTM':
      if (claim && e(s, 1) === '050') claim.remit.receivedDate = dateOf(t, s, 2, where);
      if (claim && e(s, 1) === '232') claim.periodStart = dateOf(t, s, 2, where);
      return;
    case 'REF':
      if (claim && e(s, 1) === 'F8') claim.originalId = e(s, 2);
      return;
    case 'CAS':
      t.errors.push({
        path: where,
        message:
          'claim-level adjustments (CAS in loop 2100) are not read: ClaimLab carries adjustments per service line, so this money would be lost',
      });
      return;
  }
}

/** Loop 2110: SVC opens a service line; DTM*472, CAS, REF*6R, AMT*B6 and LQ*HE describe it. */
function readServicePayment(t: Reading, s: Segment, where: string): void {
  const claim = t.claims.at(-1);
  if (!claim) return;
  if (s[0] === 'SVC') {
    const [qualifier = '', code = '', ...mods] = e(s, 1).split(t.component);
    if (!qualifier || !code)
      t.errors.push({
        path: `${where} SVC01`,
        message: `"${e(s, 1).slice(0, 30)}" is not a procedure (qualifier${t.component}code)`,
      });
    if (e(s, 5) !== '' && !isQuantity(e(s, 5)))
      t.errors.push({
        path: `${where} SVC05`,
        message: `"${e(s, 5).slice(0, 20)}" is not a quantity`,
      });
    t.line = {
      line: claim.remit.lines.length + 1,
      code,
      modifiers: mods.filter(Boolean),
      units: Number(e(s, 5) || '1') || 1,
      serviceDate: '',
      billed: amountOf(t, s, 2, where),
      allowed: cents(0),
      paid: amountOf(t, s, 3, where),
      adjustments: [],
      remarks: [],
    };
    claim.remit.lines.push(t.line);
    claim.svcAt.push(where);
    return;
  }
  const line = t.line;
  if (!line) return;
  switch (s[0]) {
    case 'DTM':
      if (e(s, 1) === '472') line.serviceDate = dateOf(t, s, 2, where);
      return;
    case 'CAS':
      line.adjustments.push(...readCas(s, where, t.errors));
      return;
    case 'REF':
      if (e(s, 1) === '6R') line.line = Number(e(s, 2)) || line.line;
      return;
    case 'AMT':
      if (e(s, 1) === 'B6') line.allowed = amountOf(t, s, 2, where);
      return;
    case 'LQ':
      if (e(s, 1) === 'HE') line.remarks.push(e(s, 2));
      return;
  }
}

/** Table 3: PLB (provider adjustments), reason/amount pairs; a positive amount reduces BPR02. */
function readProviderAdjustment(t: Reading, s: Segment, where: string): void {
  if (!e(s, 1))
    t.errors.push({ path: `${where} PLB01`, message: 'PLB01 (provider id) is required' });
  dateOf(t, s, 2, where);
  if (!e(s, 3))
    t.errors.push({ path: `${where} PLB03`, message: 'PLB03 (adjustment reason) is required' });
  for (let k = 3; k < s.length; k += 2) {
    if (!e(s, k) && !e(s, k + 1)) continue;
    if (!e(s, k))
      t.errors.push({
        path: `${where} PLB${el(k)}`,
        message: `amount "${e(s, k + 1)}" has no reason`,
      });
    t.plb += amountOf(t, s, k + 1, where);
  }
}

/** Reads one segment of the transaction set: checks it belongs where it stands, then reads it. */
function readSegment(t: Reading, s: Segment, i: number): void {
  const where = segmentAt(i, s);
  const loop = nextLoop(t.loop, s);
  if (loop === null) {
    t.errors.push({
      path: where,
      message:
        s[0] === 'BPR' || s[0] === 'TRN'
          ? `${s[0]} belongs in the header, right after ST: a second ${s[0]}?`
          : `${s[0]}${s[0] === 'N1' ? `*${e(s, 1)}` : ''} is not expected ${LOOP_NAME[t.loop]}`,
    });
    const recover = RECOVER[s[0]!];
    if (!recover || (recover === '2110' && !t.claims.length)) return;
    t.loop = recover;
  } else t.loop = loop;
  switch (t.loop) {
    case 'header':
    case '1000A':
    case '1000B':
      return readHeader(t, s, i, where);
    case '2000':
      return;
    case '2100':
      return readClaimPayment(t, s, where);
    case '2110':
      return readServicePayment(t, s, where);
    case 'summary':
      return readProviderAdjustment(t, s, where);
  }
}

/** Finishes a claim payment read: totals and status from its lines, what it added to the accumulators. */
function finishClaim(c: ClaimPayment): void {
  const r = c.remit;
  r.totals = totalsOf(r.lines);
  if (r.status !== 'denied') r.status = statusOf(r.lines);
  // An 835 carries no accumulators: what this claim added (its PR-1 and PR-1/2/3 shares) is
  // reported as after − before with before 0, so a take-back credits exactly that.
  const sh = prShares(r.lines);
  r.accumulatorsAfter = { deductibleMet: sh.deductible, outOfPocketMet: sh.outOfPocket };
}

/** Reads one 835 transaction set (ST…SE) into its claim payments and payment totals. */
function readTransaction(
  segments: readonly Segment[],
  span: TransactionSpan,
  component: string,
  errors: Problem[],
): Reading {
  const t: Reading = {
    errors,
    component,
    loop: 'header',
    start: span.start,
    payerName: '',
    payerId: '',
    npi: '',
    remitDate: '',
    bpr: null,
    trn: null,
    claims: [],
    line: null,
    plb: 0,
  };
  const last = span.closed ? span.end - 1 : span.end;
  for (let i = span.start + 1; i <= last; i++) readSegment(t, segments[i]!, i);
  const st = segmentAt(span.start, segments[span.start]!);
  const missing = (what: string) =>
    t.errors.push({ path: st, message: `the transaction set has no ${what}` });
  if (!t.bpr) missing('BPR (financial information: the payment)');
  if (t.trn === null) missing('TRN (reassociation trace number)');
  if (t.loop === 'header') missing('N1*PR (payer identification, loop 1000A)');
  if (t.loop === 'header' || t.loop === '1000A')
    missing('N1*PE (payee identification, loop 1000B)');
  for (const c of t.claims) {
    if (!c.patient)
      t.errors.push({ path: c.where, message: 'claim payment has no patient (NM1*QC)' });
    c.remit.lines.forEach((l, k) => {
      if (l.serviceDate === '' && c.periodStart) l.serviceDate = c.periodStart;
      else if (l.serviceDate === '')
        t.errors.push({
          path: c.svcAt[k]!,
          message: 'service line has no date: DTM*472 (or the claim’s DTM*232) is required',
        });
    });
    if (c.remit.lines.length === 0)
      t.errors.push({
        path: c.where,
        message:
          'claim payment has no service lines (SVC): ClaimLab reads line-level remittances only, so its charge and payment would be lost',
      });
    finishClaim(c);
  }
  return t;
}

/**
 * The balance of one transaction set (TR3 §1.10.2.1), checked once every amount could be read:
 * lines (SVC02 = SVC03 + ΣCAS), claims (CLP03 = ΣSVC02, CLP04 = ΣSVC03, CLP05 = Σ PR CAS; a
 * reversal's amounts are not positive, any other claim's not negative), then
 * BPR02 = ΣCLP04 − ΣPLB.
 */
function balanceOf(t: Reading): Problem[] {
  const out: Problem[] = [];
  const m = formatMoney;
  for (const c of t.claims) {
    const r = c.remit;
    r.lines.forEach((l, k) => {
      const adj = l.adjustments.reduce((a, x) => a + x.amount, 0);
      if (l.billed !== l.paid + adj)
        out.push({
          path: `${c.svcAt[k]!} SVC02`,
          message: `line ${l.line} (${l.code}) does not balance: charge ${m(l.billed)} is not paid ${m(l.paid)} + adjustments (CAS) ${m(adj)}`,
        });
    });
    if (c.billed !== r.totals.billed)
      out.push({
        path: `${c.where} CLP03`,
        message: `claim charge ${m(c.billed)} is not the sum of its service lines ${m(r.totals.billed)}`,
      });
    if (c.paid !== r.totals.paid)
      out.push({
        path: `${c.where} CLP04`,
        message: `claim payment ${m(c.paid)} is not the sum of its service line payments ${m(r.totals.paid)}`,
      });
    if ((c.patientResponsibility ?? 0) !== r.totals.patientResponsibility)
      out.push({
        path: `${c.where} CLP05`,
        message: `patient responsibility ${m(c.patientResponsibility ?? 0)} is not the sum of its lines' PR adjustments ${m(r.totals.patientResponsibility)}`,
      });
    const sign = c.code === '22' ? -1 : 1;
    if (c.billed * sign < 0 || c.paid * sign < 0)
      out.push({
        path: `${c.where} CLP02`,
        message:
          c.code === '22'
            ? 'a reversal (CLP02 22) takes money back: its charge and payment cannot be positive'
            : 'a claim payment cannot have a negative charge or payment (only a reversal, CLP02 22)',
      });
  }
  const clp04 = t.claims.reduce((a, c) => a + c.paid, 0);
  if (t.bpr && t.bpr.amount !== clp04 - t.plb)
    out.push({
      path: `${t.bpr.where} BPR02`,
      message: `BPR02 ${m(t.bpr.amount)} is not the claim payments ${m(clp04)} minus the provider adjustments (PLB) ${m(t.plb)}`,
    });
  return out;
}

const notAn835 = (st: Segment, where: string): Problem => ({
  path: `${where} ST01`,
  message:
    st[1] === '837'
      ? 'this is an 837 claim (what `x12 837` writes), not an 835 remittance: `x12 read` reads the 835 a payer sends back'
      : `transaction set ${st[1] || '(none)'} is not an 835 remittance`,
});

/**
 * Pairs each reversal (CLP02 = 22) with the corrected claim after it, which takes it as its
 * `reversal`; a void's reversal (its CLP09 = 8), or one with no matching claim after it, becomes a
 * remittance of its own with status 'voided' and no lines.
 */
function pairReversals(claims: readonly ClaimPayment[]): Remittance[] {
  const out: Remittance[] = [];
  for (let k = 0; k < claims.length; k++) {
    const { remit: r, code, originalId } = claims[k]!;
    if (code !== '22') {
      out.push(r);
      continue;
    }
    const reversal = reversalFromLines(originalId || r.claimId, r.payerClaimNumber ?? '', r.lines);
    // The correction follows its reversal for the same claim (CLP01) or patient: a reversal
    // followed by another patient's claim stands alone, never taking that claim's money.
    const next = claims[k + 1];
    const sameClaim =
      next !== undefined &&
      (next.remit.claimId === r.claimId ||
        (r.patient.memberId !== null && next.remit.patient.memberId === r.patient.memberId));
    // The corrected claim names its original: REF*F8 (the original's claim id), else CLP07.
    const originalClaimId = originalId || r.payerClaimNumber;
    if (r.frequency !== '8' && next && sameClaim && next.code !== '22') {
      next.remit.reversal = reversal;
      next.remit.originalClaimId ??= originalClaimId;
      continue;
    }
    out.push({
      ...r,
      status: 'voided',
      payerClaimNumber: r.payerClaimNumber,
      originalClaimId,
      lines: [],
      totals: totalsOf([]),
      reversal,
    });
  }
  return out;
}

/**
 * Reads an 835 into remittances: one per CLP, except that a reversal (CLP02 = 22) becomes the
 * `reversal` of the CLP after it, or, for a void (its CLP09 = 8), a remittance of its own with
 * status 'voided' and no lines. Refuses, naming each segment, what is not a complete, balanced
 * 835 (see the module comment).
 */
export function read835(raw: string): Result<Remittance[]> {
  const t = tokenize(raw);
  if (!t.ok) return t;
  const { segments, delimiters } = t.value;
  const envelope = readEnvelope(segments);
  const errors: Problem[] = [...envelope.errors];
  const claims: ClaimPayment[] = [];
  const balance: Problem[] = [];
  for (const span of envelope.transactions) {
    const st = segments[span.start]!;
    const where = segmentAt(span.start, st);
    if (st[1] !== '835') {
      errors.push(notAn835(st, where));
      continue;
    }
    if (span.groupAt >= 0 && span.group[1] !== 'HP')
      errors.push({
        path: `${segmentAt(span.groupAt, span.group)} GS01`,
        message: `functional group "${span.group[1] ?? ''}" is not HP (health care claim payment): an 835 travels in a GS*HP group`,
      });
    const reading = readTransaction(segments, span, delimiters.component, errors);
    claims.push(...reading.claims);
    balance.push(...balanceOf(reading));
  }
  // Money checks only when every amount could be read (a bad amount is already reported).
  if (errors.length === 0) errors.push(...balance);
  if (claims.length === 0 && errors.length === 0)
    errors.push({ path: '835', message: 'no CLP segment: the file holds no claim payment' });
  if (errors.length) return { ok: false, errors: limitProblems(errors, '835') };
  for (const c of claims) restorePaidToPatient(c);
  return { ok: true, value: pairReversals(claims) };
}

/**
 * A line the payer paid to the beneficiary (a non-assigned Medicare claim) reaches the provider
 * as SVC03 0 with the benefit as CAS*OA*100 (payment made to the patient): read back, it is the
 * domain's line again, `paid` the benefit and `paidTo: 'patient'`, so the ledger, the statement
 * and a take-back see who was paid (835.ts `providerView` writes the reverse). After the balance
 * checks, which read the file's own amounts.
 * See: X12 005010X221A1 2110 SVC03 and CAS; CARC 100; MA28; DOMAIN.md §6 (assignment).
 */
function restorePaidToPatient(c: ClaimPayment): void {
  let changed = false;
  for (const l of c.remit.lines) {
    const toPatient = l.adjustments.filter((a) => a.group === 'OA' && a.carc === '100');
    if (l.paid !== 0 || toPatient.length !== 1) continue;
    l.paid = toPatient[0]!.amount;
    l.adjustments = l.adjustments.filter((a) => a !== toPatient[0]);
    l.paidTo = 'patient';
    changed = true;
  }
  if (changed) finishClaim(c);
}
