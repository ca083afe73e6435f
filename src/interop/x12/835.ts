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
 * A non-assigned Medicare claim (the payment went to the beneficiary) pays the provider nothing:
 * CLP04 and SVC03 0, the payment as CAS*OA*100, MA28 in LQ (see providerView).
 * A front-end rejection never reaches an 835 (it is returned as unprocessable), so the writer
 * refuses it. The 835 does not carry findings, accumulators or appeal deadlines: the reader
 * leaves them empty. The reader (835-reader.ts) refuses what is not a complete, balanced 835:
 * envelope, loops, amounts and every balance, naming the segment.
 * See: X12 005010X221A1 loops 1000A (N1, N3, N4, REF*2U, PER*BL), 1000B (N1), 2100 (CLP, NM1*QC, MOA, DTM*050), 2110 (SVC,
 * DTM*472, CAS, REF*6R, AMT*B6, LQ*HE); CLP02 claim status codes 1, 2, 4, 22; PLB03 code FB.
 */
import { cents } from '../../domain/money';
import type { Problem, Result } from '../../domain/result';
import {
  groupAdjustments,
  netPaid,
  paidToProvider,
  remittanceJson,
  type RemitLine,
  type Remittance,
} from '../../domain/payer/remittance/remittance';
import {
  casSegments,
  envelope,
  personName,
  ident,
  serialize,
  text,
  x12Amount,
  x12Date,
  type EnvelopeOptions,
  type Segment,
} from './segments';

/** The reader lives in its own module (835-reader.ts); imported from here as before. */
export { read835 } from './835-reader';

export const IG_835 = '005010X221A1';

/**
 * A line whose payment went to the beneficiary (non-assigned Medicare claim) carries no payment
 * to the provider: SVC03 0 and the payment as OA-100 (payment made to patient/insured), so the
 * line still balances (SVC02 = SVC03 + ΣCAS) and MA28 tells the provider why.
 */
function providerView(l: RemitLine): Pick<RemitLine, 'paid' | 'adjustments'> {
  if (l.paidTo !== 'patient' || l.paid === 0) return l;
  return {
    paid: cents(0),
    adjustments: [...l.adjustments, { group: 'OA', carc: '100', amount: l.paid }],
  };
}

function serviceSegments(l: RemitLine): Segment[] {
  const v = providerView(l);
  const out: Segment[] = [
    [
      'SVC',
      ['HC', l.code, ...l.modifiers].join(':'),
      x12Amount(l.billed),
      x12Amount(v.paid),
      '',
      String(l.units),
    ],
    ['DTM', '472', x12Date(l.serviceDate)],
    ...casSegments(groupAdjustments(v.adjustments)),
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
        x12Amount(paidToProvider(v.lines, v.totals.paid)),
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
        x12Amount(paidToProvider(r.lines, r.totals.paid)),
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
 * The remittance JSON of the CLI contract plus its 835 text (null for a front-end rejection,
 * which has no 835): what the app stores so the trainee can download the 835 it was paid on.
 */
export function remittanceJsonWith835(r: Remittance) {
  const x = write835(r);
  return { ...remittanceJson(r), x12835: x.ok ? x.value : null };
}
