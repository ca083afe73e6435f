/**
 * ASC X12 005010X221A1 835 (remittance advice): writer from the Remittance model and reader
 * back into it. One CLP per claim; per service line SVC, DTM*472, CAS (one per group code),
 * REF*6R (our line number), AMT*B6 (allowed) and LQ*HE (remarks); claim remarks in MOA,
 * including MA01 (appeal rights), which is a claim-level remark and never repeated per line.
 * 1000A carries the payer's N3/N4 address and PER*BL technical contact (required in X221A1);
 * the simulated payers have no address, so the writer sends the caller's `payerAddress` or a
 * synthetic training one (SYNTHETIC_PAYER_ADDRESS). CLP08 carries the place of service.
 * A replacement, void or reopening first takes the original back: a CLP with status 22
 * (reversal of previous payment), every amount negated, CLP07 the original's payer claim number
 * and REF*F8 the original's claim id; then, except for a void, the corrected claim's own CLP.
 * The reversal CLP's CLP09 is the frequency of the claim that caused it (8 = void: no CLP
 * follows). When the take-back exceeds the new payment, BPR02 is 0 and PLB*FB (forwarding
 * balance) carries the negative amount, so BPR02 = ΣCLP04 − ΣPLB04 still holds.
 * A front-end rejection never reaches an 835 (it is returned as unprocessable), so the writer
 * refuses it. The 835 does not carry findings, accumulators or appeal deadlines: the reader
 * leaves them empty. The reader refuses what would lose money: a service line, claim or BPR02
 * that does not balance, a transaction set cut short (no SE, wrong SE01, no IEA), and a
 * transaction set that is not an 835 (an 837 given by mistake).
 * See: X12 005010X221A1 loops 1000A (N1, N3, N4, REF*2U, PER*BL), 1000B (N1), 2100 (CLP, NM1*QC, MOA, DTM*050), 2110 (SVC,
 * DTM*472, CAS, REF*6R, AMT*B6, LQ*HE); CLP02 claim status codes 1, 2, 4, 22; PLB03 code FB.
 */
import { cents, parseMoney, type Cents } from '../../domain/money';
import type { Problem, Result } from '../../domain/result';
import { prShares, reversalFromLines } from '../../domain/payer/corrections/reversal';
import { formatMoney } from '../../domain/money';
import {
  groupAdjustments,
  netPaid,
  remittanceJson,
  remittanceOf,
  statusOf,
  totalsOf,
  type RemitLine,
  type Remittance,
} from '../../domain/payer/remittance/remittance';
import {
  casSegments,
  readCas,
  envelope,
  personName,
  ident,
  isoDate,
  serialize,
  text,
  tokenize,
  x12Amount,
  x12Date,
  type EnvelopeOptions,
  type Segment,
} from './segments';

export const IG_835 = '005010X221A1';

function serviceSegments(l: RemitLine): Segment[] {
  const out: Segment[] = [
    [
      'SVC',
      ['HC', l.code, ...l.modifiers].join(':'),
      x12Amount(l.billed),
      x12Amount(l.paid),
      '',
      String(l.units),
    ],
    ['DTM', '472', x12Date(l.serviceDate)],
    ...casSegments(groupAdjustments(l.adjustments)),
    ['REF', '6R', String(l.line)],
    ['AMT', 'B6', x12Amount(l.allowed)],
  ];
  for (const rm of l.remarks) if (rm !== 'MA01') out.push(['LQ', 'HE', rm]);
  return out;
}

/** PLB02 fiscal period date: the last day of the remittance's year. */
const yearEnd = (iso: string) => `${iso.slice(0, 4)}-12-31`;

export interface PayerContact {
  address: string;
  city: string;
  state: string;
  zip: string;
  /** PER*BL technical contact name and phone. */
  contact: string;
  phone: string;
}

/** Training-only payer address and contact for 1000A when the caller gives none. */
export const SYNTHETIC_PAYER_ADDRESS: PayerContact = {
  address: '1 TRAINING PAYER PLAZA',
  city: 'SPRINGFIELD',
  state: 'IL',
  zip: '627010000',
  contact: 'CLAIMLAB EDI SUPPORT',
  phone: '5555550199',
};

export type Write835Options = Partial<EnvelopeOptions> & {
  payeeName?: string;
  payerAddress?: PayerContact;
};

export function write835(r: Remittance, o: Write835Options = {}): Result<string> {
  return write835Batch([r], o);
}

/** The claim payment loops (2100/2110) of one remittance: its take-back first, then itself. */
function claimPaymentSegments(r: Remittance): Segment[] {
  const body: Segment[] = [];
  // Appeal rights are claim level (MOA); a line carrying MA01 moves it there.
  const claimRemarks = [...r.claimRemarks];
  if (!claimRemarks.includes('MA01') && r.lines.some((l) => l.remarks.includes('MA01')))
    claimRemarks.push('MA01');
  const patient = personName('QC', r.patient, r.patient.memberId);
  if (r.reversal) {
    const v = r.reversal;
    body.push(
      [
        'CLP',
        ident(r.claimId, 38),
        '22',
        x12Amount(v.totals.billed),
        x12Amount(v.totals.paid),
        x12Amount(v.totals.patientResponsibility),
        r.claimFilingIndicator,
        v.payerClaimNumber,
        r.pos ?? '',
        r.frequency,
      ],
      patient,
      ['REF', 'F8', ident(v.claimId, 50)],
      ['DTM', '050', x12Date(r.receivedDate)],
      ...v.lines.flatMap(serviceSegments),
    );
  }
  if (r.status !== 'voided') {
    body.push(
      [
        'CLP',
        ident(r.claimId, 38),
        r.status === 'denied' ? '4' : r.payerSequence === 2 ? '2' : '1',
        x12Amount(r.totals.billed),
        x12Amount(r.totals.paid),
        x12Amount(r.totals.patientResponsibility),
        r.claimFilingIndicator,
        r.payerClaimNumber ?? '',
        r.pos ?? '',
        r.frequency,
      ],
      patient,
    );
    if (claimRemarks.length) body.push(['MOA', '', '', ...claimRemarks.slice(0, 5)]);
    body.push(['DTM', '050', x12Date(r.receivedDate)], ...r.lines.flatMap(serviceSegments));
  }
  return body;
}

/**
 * One 835 for several claims a payer decided for one payee (what a payer sends per payment
 * cycle): take-backs are netted against new payments in the same check, BPR02 = ΣCLP04 −
 * ΣPLB04; only when more is taken back than paid is the rest forwarded (PLB*FB, BPR02 0).
 * Claims of another payer or payee, or front-end rejections (no 835), are refused by index.
 */
export function write835Batch(rs: readonly Remittance[], o: Write835Options = {}): Result<string> {
  const first = rs[0];
  if (!first) return { ok: false, errors: [{ path: '835', message: 'no remittance to write' }] };
  const errors: Problem[] = [];
  rs.forEach((r, i) => {
    const where = rs.length > 1 ? `[${i}] ` : '';
    if (r.status === 'rejected')
      errors.push({
        path: `${where}status`,
        message: `claim ${r.claimId} was rejected at the front end: it has no 835 (payers return it as unprocessable, e.g. in a 277CA)`,
      });
    else if (r.payerId !== first.payerId || r.providerNpi !== first.providerNpi)
      errors.push({
        path: `${where}payerId`,
        message: `claim ${r.claimId} is ${r.payerId} for payee ${r.providerNpi}; one 835 is one payer's payment to one payee (${first.payerId}, ${first.providerNpi})`,
      });
  });
  if (errors.length) return { ok: false, errors };
  const paid = rs.reduce((s, r) => s + netPaid(r), 0);
  const remitDate = rs.reduce((d, r) => (r.remitDate > d ? r.remitDate : d), first.remitDate);
  const date = o.date ?? remitDate;
  const pa = o.payerAddress ?? SYNTHETIC_PAYER_ADDRESS;
  const trace =
    rs.length === 1
      ? (first.payerClaimNumber ?? first.claimId)
      : `${first.payerId}-${remitDate}-${rs.length}`;
  const body: Segment[] = [
    paid > 0
      ? [
          'BPR',
          'I',
          x12Amount(paid),
          'C',
          'CHK',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          x12Date(date),
        ]
      : ['BPR', 'H', '0', 'C', 'NON', '', '', '', '', '', '', '', '', '', '', '', x12Date(date)],
    ['TRN', '1', ident(trace), '1999999999'],
    ['DTM', '405', x12Date(remitDate)],
    ['N1', 'PR', text(first.payerName)],
    ['N3', text(pa.address, 55)],
    ['N4', text(pa.city, 30), pa.state, pa.zip],
    ['REF', '2U', first.payerId],
    ['PER', 'BL', text(pa.contact, 60), 'TE', pa.phone],
    ['N1', 'PE', text(o.payeeName ?? 'CLAIMLAB TRAINING PRACTICE'), 'XX', first.providerNpi],
    ['LX', '1'],
    ...rs.flatMap(claimPaymentSegments),
  ];
  // More taken back than paid: the negative balance is forwarded (PLB*FB), BPR02 stays 0.
  if (paid < 0) {
    const last = [...rs].reverse().find((r) => r.reversal) ?? first;
    body.push([
      'PLB',
      first.providerNpi,
      x12Date(yearEnd(remitDate)),
      `FB:${ident(last.reversal?.payerClaimNumber ?? last.claimId, 50)}`,
      x12Amount(paid),
    ]);
  }
  const segs = envelope(
    body,
    {
      senderId: o.senderId ?? first.payerId,
      receiverId: o.receiverId ?? 'CLAIMLAB',
      controlNumber: o.controlNumber ?? 1,
      date,
      time: o.time ?? '1200',
      usage: o.usage ?? 'T',
    },
    { functionalId: 'HP', version: IG_835, transactionSet: '835' },
  );
  return { ok: true, value: serialize(segs) };
}

/**
 * Reads an 835 into remittances: one per CLP, except that a reversal (CLP02 = 22) becomes the
 * `reversal` of the CLP after it, or, for a void (its CLP09 = 8), a remittance of its own with
 * status 'voided' and no lines.
 */
export function read835(raw: string): Result<Remittance[]> {
  const t = tokenize(raw);
  if (!t.ok) return t;
  const comp = t.value.delimiters.component;
  const errors: Problem[] = [];
  const out: Remittance[] = [];
  let payerName = '';
  let payerId = '';
  let npi = '';
  let remitDate = '';
  let cur: Remittance | null = null;
  let line: RemitLine | null = null;
  /** CLP02 of each remittance read, and its REF*F8 (original claim id) when given. */
  const codes = new Map<Remittance, { code: string; originalId: string }>();
  const money = (v: string, where: string): Cents => {
    const m = parseMoney(v || '0');
    if (m === null) errors.push({ path: where, message: `"${v}" is not an amount` });
    return m ?? cents(0);
  };
  const finish = () => {
    if (!cur) return;
    cur.totals = totalsOf(cur.lines);
    if (cur.status !== 'denied') cur.status = statusOf(cur.lines);
    // An 835 carries no accumulators: what this claim added (its PR-1 and PR-1/2/3 shares) is
    // reported as after − before with before 0, so a take-back credits exactly that.
    const sh = prShares(cur.lines);
    cur.accumulatorsAfter = { deductibleMet: sh.deductible, outOfPocketMet: sh.outOfPocket };
  };
  const clps: Remittance[] = [];
  // Balancing (TR3 §1.10.2.1): per SVC, SVC02 = SVC03 + ΣCAS; per CLP, CLP03 = ΣSVC02 and
  // CLP04 = ΣSVC03; per transaction, BPR02 = ΣCLP04 − ΣPLB. Checked once the file is read.
  const svcAt = new Map<RemitLine, string>();
  const clpAt = new Map<Remittance, { where: string; billed: Cents; paid: Cents }>();
  let txn = null as {
    where: string;
    start: number;
    bpr: Cents | null;
    bprWhere: string;
    clp04: number;
    plb: number;
  } | null;
  const balance: Problem[] = [];
  const interchanges = { isa: 0, iea: 0 };
  t.value.segments.forEach((s, i) => {
    const e = (n: number) => s[n] ?? '';
    const where = `segment ${i + 1} (${s[0]})`;
    switch (s[0]) {
      case 'ISA':
        interchanges.isa++;
        break;
      case 'IEA':
        interchanges.iea++;
        break;
      case 'ST':
        if (e(1) !== '835') {
          errors.push({
            path: `${where} ST01`,
            message:
              e(1) === '837'
                ? 'this is an 837 claim (what `x12 837` writes), not an 835 remittance: `x12 read` reads the 835 a payer sends back'
                : `transaction set ${e(1) || '(none)'} is not an 835 remittance`,
          });
          break;
        }
        if (txn)
          errors.push({
            path: txn.where,
            message: 'transaction set has no SE: the file is cut short',
          });
        txn = { where, start: i, bpr: null, bprWhere: '', clp04: 0, plb: 0 };
        break;
      case 'SE':
        if (txn) {
          const count = i - txn.start + 1;
          if (Number(e(1)) !== count)
            errors.push({
              path: `${where} SE01`,
              message: `SE01 says ${e(1)} segments but the transaction set has ${count}: segments are missing or extra`,
            });
          if (txn.bpr !== null && txn.bpr !== txn.clp04 - txn.plb)
            balance.push({
              path: `${txn.bprWhere} BPR02`,
              message: `BPR02 ${formatMoney(txn.bpr)} is not the claim payments ${formatMoney(txn.clp04)} minus the provider adjustments (PLB) ${formatMoney(txn.plb)}`,
            });
          txn = null;
        }
        break;
      case 'BPR':
        if (txn) {
          txn.bpr = money(e(2), `${where} BPR02`);
          txn.bprWhere = where;
        }
        break;
      case 'PLB':
        // PLB03/05/…/13 reason:reference, PLB04/06/…/14 amounts (positive reduces the payment).
        for (let k = 4; k < s.length; k += 2)
          if (s[k] && txn) txn.plb += money(s[k]!, `${where} PLB${String(k).padStart(2, '0')}`);
        break;
      case 'DTM':
        if (e(1) === '405') remitDate = isoDate(e(2));
        else if (e(1) === '050' && cur) cur.receivedDate = isoDate(e(2));
        else if (e(1) === '472' && line) line.serviceDate = isoDate(e(2));
        break;
      case 'N1':
        if (e(1) === 'PR') payerName = e(2);
        if (e(1) === 'PE') npi = e(4);
        break;
      case 'REF':
        if (e(1) === '2U' && !cur) payerId = e(2);
        if (e(1) === '6R' && line) line.line = Number(e(2)) || line.line;
        if (e(1) === 'F8' && cur && !line) codes.get(cur)!.originalId = e(2);
        break;
      case 'CLP': {
        finish();
        const code = e(2);
        cur = remittanceOf({
          claimId: e(1),
          payerId,
          payerName,
          status: code === '4' ? 'denied' : 'paid',
          payerClaimNumber: e(7) || null,
          frequency: (['1', '7', '8'].includes(e(9)) ? e(9) : '1') as Remittance['frequency'],
          payerSequence: code === '2' ? 2 : 1,
          claimFilingIndicator: e(6),
          remitDate,
          providerNpi: npi,
          ...(e(8) ? { pos: e(8) } : {}),
        });
        codes.set(cur, { code, originalId: '' });
        clpAt.set(cur, {
          where,
          billed: money(e(3), `${where} CLP03`),
          paid: money(e(4), `${where} CLP04`),
        });
        if (txn) txn.clp04 += clpAt.get(cur)!.paid;
        clps.push(cur);
        line = null;
        break;
      }
      case 'NM1':
        if (cur && e(1) === 'QC') {
          cur.patient = { memberId: e(9) || null };
          if (e(3) && e(3) !== 'PATIENT') cur.patient.lastName = e(3);
          if (e(4)) cur.patient.firstName = e(4);
        }
        break;
      case 'MOA':
        if (cur) cur.claimRemarks = s.slice(3).filter(Boolean);
        break;
      case 'SVC': {
        if (!cur) {
          errors.push({ path: where, message: 'SVC before any CLP' });
          break;
        }
        const [, code = '', ...mods] = e(1).split(comp);
        line = {
          line: cur.lines.length + 1,
          code,
          modifiers: mods.filter(Boolean),
          units: Number(e(5) || '1') || 1,
          serviceDate: '',
          billed: money(e(2), `${where} SVC02`),
          allowed: cents(0),
          paid: money(e(3), `${where} SVC03`),
          adjustments: [],
          remarks: [],
        };
        cur.lines.push(line);
        svcAt.set(line, where);
        break;
      }
      case 'CAS':
        if (line) line.adjustments.push(...readCas(s, where, errors, true));
        break;
      case 'AMT':
        if (line && e(1) === 'B6') line.allowed = money(e(2), `${where} AMT02`);
        break;
      case 'LQ':
        if (line && e(1) === 'HE') line.remarks.push(e(2));
        break;
    }
  });
  finish();
  if (txn)
    errors.push({
      path: txn.where,
      message: 'transaction set has no SE: the file is cut short',
    });
  else if (interchanges.isa !== interchanges.iea)
    errors.push({ path: 'IEA', message: 'an interchange has no IEA: the file is cut short' });
  // Money checks only when every amount could be read (a bad amount is already reported).
  if (errors.length === 0) {
    const m = formatMoney;
    for (const r of clps) {
      for (const l of r.lines) {
        const adj = l.adjustments.reduce((a, x) => a + x.amount, 0);
        if (l.billed !== l.paid + adj)
          errors.push({
            path: `${svcAt.get(l)!} SVC02`,
            message: `line ${l.line} (${l.code}) does not balance: charge ${m(l.billed)} is not paid ${m(l.paid)} + adjustments (CAS) ${m(adj)}`,
          });
      }
      const c = clpAt.get(r)!;
      if (r.lines.length > 0 && c.billed !== r.totals.billed)
        errors.push({
          path: `${c.where} CLP03`,
          message: `claim charge ${m(c.billed)} is not the sum of its service lines ${m(r.totals.billed)}`,
        });
      if (r.lines.length > 0 && c.paid !== r.totals.paid)
        errors.push({
          path: `${c.where} CLP04`,
          message: `claim payment ${m(c.paid)} is not the sum of its service line payments ${m(r.totals.paid)}`,
        });
    }
    errors.push(...balance);
  }
  // Pair each reversal with the corrected claim after it; a void's reversal stands alone.
  for (let k = 0; k < clps.length; k++) {
    const r = clps[k]!;
    const info = codes.get(r)!;
    if (info.code !== '22') {
      out.push(r);
      continue;
    }
    const reversal = reversalFromLines(
      info.originalId || r.claimId,
      r.payerClaimNumber ?? '',
      r.lines,
    );
    // The correction follows its reversal for the same claim (CLP01) or patient: a reversal
    // followed by another patient's claim stands alone, never taking that claim's money.
    const next = clps[k + 1];
    const sameClaim =
      next !== undefined &&
      (next.claimId === r.claimId ||
        (r.patient.memberId !== null && next.patient.memberId === r.patient.memberId));
    // The corrected claim names its original: REF*F8 (the original's claim id), else CLP07.
    const originalClaimId = info.originalId || r.payerClaimNumber;
    if (r.frequency !== '8' && next && sameClaim && codes.get(next)!.code !== '22') {
      next.reversal = reversal;
      next.originalClaimId ??= originalClaimId;
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
  if (out.length === 0 && errors.length === 0)
    errors.push({ path: '835', message: 'no CLP segment: the file holds no claim payment' });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/**
 * The remittance JSON of the CLI contract plus its 835 text (null for a front-end rejection,
 * which has no 835): what the app stores so the trainee can download the 835 it was paid on.
 */
export function remittanceJsonWith835(r: Remittance) {
  const x = write835(r);
  return { ...remittanceJson(r), x12835: x.ok ? x.value : null };
}
