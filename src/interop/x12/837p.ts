/**
 * ASC X12 005010X222A1 837P (professional claim): writer from the domain Claim and parser back
 * to it. One claim per transaction set; the patient is the subscriber (2000B, SBR02 = 18).
 * ClaimLab-only data rides in standard places: the Medicare locality in a 2300 NTE*ADD note,
 * assignment in CLM07 (A assigned / C not assigned; a non-participating provider is not
 * assigned unless the claim says `acceptsAssignment: true`, see domain/payer/assignment.ts),
 * and a non-participating provider who accepts assignment as a "CLAIMLAB NONPAR" prefix of the
 * same note (participation itself has no 837 element: payers know it from enrollment).
 * 2010BA subscriber N3/N4 are required when the patient is the subscriber (always here); the
 * claim model has no address, so the writer sends the caller's `subscriberAddress` or a
 * clearly synthetic training address (SYNTHETIC_SUBSCRIBER_ADDRESS), which the reader ignores.
 * Accumulators are payer-side and not part of an 837.
 * See: X12 005010X222A1 loops 1000A/B, 2000A/2010AA, 2000B/2010BA (NM1, N3, N4, DMG), 2010BB, 2300 (CLM, REF*F8,
 * REF*G1, NTE, HI), 2400 (LX, SV1, DTP*472); NUCC 1500 crosswalk.
 */
import {
  ageOn,
  ATTACHMENT_TRANSMISSIONS,
  type Claim,
  type ClaimAttachment,
  type ClaimLine,
  type Frequency,
  type Sex,
} from '../../domain/claim/claim';
import type { OtherPayer, PayerSequence, PriorLine } from '../../domain/claim/other-payers';
import {
  acceptsAssignment,
  type ProviderWithAssignment,
} from '../../domain/payer/cost-sharing/assignment';
import { icdKey, icdDisplay } from '../../domain/codes/code';
import { taxonomyOf, typeOfTaxonomy } from '../../domain/claim/rendering-provider';
import { cents, formatMoney } from '../../domain/money';
import type { Problem, Result } from '../../domain/result';
import {
  casSegments,
  readCas,
  envelope,
  personName,
  ident,
  isoDate,
  limitProblems,
  readAmount,
  segmentAt,
  serialize,
  text,
  tokenize,
  x12Amount,
  x12Date,
  type EnvelopeOptions,
  type Segment,
} from './segments';
import { readEnvelope } from './interchange';
import { check837 } from './check837';

export const IG_837P = '005010X222A1';

export interface Party {
  name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
}

export interface Write837Options extends Partial<EnvelopeOptions> {
  billingProvider?: Party & { taxId: string };
  submitter?: { name: string; id: string; phone: string };
  payerName?: string;
  /** 2010BA subscriber address (N3/N4); defaults to SYNTHETIC_SUBSCRIBER_ADDRESS. */
  subscriberAddress?: Omit<Party, 'name'>;
  /** Payer responsibility (SBR01): P primary, S secondary. */
  sequence?: 'P' | 'S';
  claimFilingIndicator?: string;
}

const DEFAULT_PROVIDER = {
  name: 'CLAIMLAB TRAINING PRACTICE',
  address: '100 MAIN ST',
  city: 'SPRINGFIELD',
  state: 'IL',
  zip: '627010001',
  taxId: '990000001',
};
const LOCALITY_NOTE = 'CLAIMLAB LOCALITY ';
const NONPAR_NOTE = 'CLAIMLAB NONPAR ';

/** Training-only address sent in 2010BA when the claim carries none (the claim model has no patient address). */
export const SYNTHETIC_SUBSCRIBER_ADDRESS: Omit<Party, 'name'> = {
  address: '1 TRAINING WAY',
  city: 'SPRINGFIELD',
  state: 'IL',
  zip: '627010000',
};

const SEQ_LETTER: Record<PayerSequence, string> = { primary: 'P', secondary: 'S', tertiary: 'T' };
const SEQ_FROM: Record<string, PayerSequence> = { P: 'primary', S: 'secondary', T: 'tertiary' };

/** SBR09 when the caller does not give the payer's own: the built-in payer ids, else commercial. */
const filingIndicator = (payerId: string) =>
  payerId === 'medicare' ? 'MB' : payerId === 'medicaid' ? 'MC' : 'CI';

/**
 * 2000B SBR05 when Medicare Part B is billed as secondary (required then): why Medicare is not
 * primary. Accident coverage (no-fault) 14; a group plan through current employment: 12 (working
 * aged, 65 or over) or 43 (disabled, large group, under 65).
 * See: X12 005010X222A1 2000B SBR05 (Insurance Type Code); Medicare Secondary Payer Manual
 * (Pub. 100-05) ch. 1 §10 and ch. 3 (MSP provisions and their codes).
 */
function mspInsuranceType(claim: Claim): string {
  const first = (claim.otherPayers ?? []).find((o) => o.sequence === 'primary');
  if (first?.coverage?.accidentCoverage) return '14';
  return ageOn(claim.patient.birthDate, claim.serviceDate) < 65 ? '43' : '12';
}

/** 2320 SBR02: the patient's relationship to the other payer's subscriber. */
const RELATION_CODE = { self: '18', spouse: '01', dependent: '19' } as const;

/** 2320 (other subscriber information), 2330A (other subscriber), 2330B (other payer). */
function otherPayerSegments(claim: Claim, op: OtherPayer): Segment[] {
  const out: Segment[] = [
    [
      'SBR',
      SEQ_LETTER[op.sequence],
      RELATION_CODE[op.coverage?.relation ?? 'self'],
      '',
      '',
      '',
      '',
      '',
      '',
      filingIndicator(op.payerId),
    ],
  ];
  if (op.adjudication)
    out.push(['AMT', 'D', x12Amount(op.adjudication.lines.reduce((s, l) => s + l.paid, 0))]);
  out.push(
    ['OI', '', '', 'Y', '', '', 'Y'],
    personName('IL', claim.patient, op.memberId ?? claim.patient.memberId),
    ['NM1', 'PR', '2', text(op.payerId), '', '', '', '', 'PI', ident(op.payerId, 80)],
  );
  if (op.adjudication?.payerClaimNumber)
    out.push(['REF', 'F8', ident(op.adjudication.payerClaimNumber, 50)]);
  return out;
}

export function write837p(claim: Claim, o: Write837Options = {}): string {
  const bp = o.billingProvider ?? DEFAULT_PROVIDER;
  const sub = o.submitter ?? { name: bp.name, id: 'CLAIMLAB', phone: '5555550100' };
  const payerName = o.payerName ?? claim.payerId;
  const date = o.date ?? claim.submissionDate;
  const time = o.time ?? '1200';
  const total = claim.lines.reduce((s, l) => s + l.charge, 0);
  const assigned = acceptsAssignment(claim);
  const nonParAssigned = claim.provider.participating === false && assigned;
  const sbr01 = o.sequence ?? SEQ_LETTER[claim.payerSequence ?? 'primary'];
  const sbr09 = o.claimFilingIndicator ?? filingIndicator(claim.payerId);
  const body: Segment[] = [
    ['BHT', '0019', '00', ident(claim.claimId, 50), x12Date(date), time, 'CH'],
    // 1000A submitter, 1000B receiver
    ['NM1', '41', '2', text(sub.name), '', '', '', '', '46', text(sub.id, 80)],
    ['PER', 'IC', 'BILLING OFFICE', 'TE', sub.phone],
    ['NM1', '40', '2', text(payerName), '', '', '', '', '46', claim.payerId],
    // 2000A billing provider
    ['HL', '1', '', '20', '1'],
    ['NM1', '85', '2', text(bp.name), '', '', '', '', 'XX', claim.provider.npi],
    ['N3', text(bp.address, 55)],
    ['N4', text(bp.city, 30), bp.state, bp.zip],
    ['REF', 'EI', bp.taxId],
    // 2000B subscriber (the patient), 2010BA, 2010BB
    ['HL', '2', '1', '22', '0'],
    [
      'SBR',
      sbr01,
      '18',
      '',
      '',
      sbr09 === 'MB' && sbr01 !== 'P' ? mspInsuranceType(claim) : '',
      '',
      '',
      '',
      sbr09,
    ],
    personName('IL', claim.patient, claim.patient.memberId),
    ['N3', text((o.subscriberAddress ?? SYNTHETIC_SUBSCRIBER_ADDRESS).address, 55)],
    [
      'N4',
      text((o.subscriberAddress ?? SYNTHETIC_SUBSCRIBER_ADDRESS).city, 30),
      (o.subscriberAddress ?? SYNTHETIC_SUBSCRIBER_ADDRESS).state,
      (o.subscriberAddress ?? SYNTHETIC_SUBSCRIBER_ADDRESS).zip,
    ],
    ['DMG', 'D8', x12Date(claim.patient.birthDate), claim.patient.sex],
    ['NM1', 'PR', '2', text(payerName), '', '', '', '', 'PI', claim.payerId],
    // 2300 claim
    [
      'CLM',
      ident(claim.claimId, 38),
      x12Amount(total),
      '',
      '',
      [claim.provider.pos, 'B', claim.frequency].join(':'),
      'Y',
      assigned ? 'A' : 'C',
      'Y',
      'Y',
    ],
  ];
  // 2300 PWK: records sent with the claim (report type, transmission, AC + control number).
  for (const a of claim.attachments ?? [])
    body.push(
      a.controlNumber
        ? ['PWK', a.reportType, a.transmission, '', '', 'AC', ident(a.controlNumber, 80)]
        : ['PWK', a.reportType, a.transmission],
    );
  if (claim.priorAuthNumber) body.push(['REF', 'G1', ident(claim.priorAuthNumber, 50)]);
  if (claim.originalClaimId) body.push(['REF', 'F8', ident(claim.originalClaimId, 50)]);
  if (claim.provider.locality || nonParAssigned)
    body.push([
      'NTE',
      'ADD',
      (nonParAssigned ? NONPAR_NOTE : '') +
        (claim.provider.locality ? LOCALITY_NOTE + ident(claim.provider.locality, 20) : ''),
    ]);
  body.push(['HI', ...claim.diagnoses.map((d, i) => `${i === 0 ? 'ABK' : 'ABF'}:${icdKey(d)}`)]);
  // 2310B rendering provider (NM1*82, PRV*PE taxonomy) when another than the billing one or typed.
  const rendering = claim.provider.renderingNpi;
  const rType = claim.provider.renderingProviderType;
  if (rendering || rType) {
    body.push([
      'NM1',
      '82',
      '1',
      'RENDERING',
      '',
      '',
      '',
      '',
      'XX',
      rendering ?? claim.provider.npi,
    ]);
    if (rType) body.push(['PRV', 'PE', 'PXC', taxonomyOf(rType)]);
  }
  const others = claim.otherPayers ?? [];
  for (const op of others) body.push(...otherPayerSegments(claim, op));
  claim.lines.forEach((l, i) => {
    body.push(['LX', String(i + 1)]);
    body.push([
      'SV1',
      ['HC', l.code, ...l.modifiers].join(':'),
      x12Amount(l.charge),
      'UN',
      String(l.units),
      '',
      '',
      l.dxPointers.join(':'),
    ]);
    body.push(['DTP', '472', 'D8', x12Date(l.serviceDate ?? claim.serviceDate)]);
    // 2430: each other payer's adjudication of this line.
    for (const op of others) {
      const a = op.adjudication;
      const pl = a?.lines.find((x) => x.line === i + 1);
      if (!a || !pl) continue;
      body.push([
        'SVD',
        ident(op.payerId, 80),
        x12Amount(pl.paid),
        ['HC', pl.code || l.code, ...pl.modifiers].join(':'),
        '',
        String(pl.units),
      ]);
      body.push(...casSegments(pl.adjustments));
      body.push(['DTP', '573', 'D8', x12Date(a.adjudicationDate)]);
    }
  });
  const segs = envelope(
    body,
    {
      senderId: o.senderId ?? 'CLAIMLAB',
      receiverId: o.receiverId ?? claim.payerId,
      controlNumber: o.controlNumber ?? 1,
      date,
      time,
      usage: o.usage ?? 'T',
    },
    { functionalId: 'HC', version: IG_837P, transactionSet: '837' },
  );
  return serialize(segs);
}

/**
 * Parses 837P text into claims (one per CLM). Refuses, naming each segment, what a payer's
 * front end would: a broken envelope (every count and control number, see interchange.ts), a
 * transaction set that is not an 005010X222A1 837, and everything claimsFromSegments refuses.
 */
export function parse837p(raw: string): Result<Claim[]> {
  const t = tokenize(raw);
  if (!t.ok) return t;
  const { segments, delimiters } = t.value;
  const envelope = readEnvelope(segments);
  const errors: Problem[] = [...envelope.errors];
  for (const span of envelope.transactions) {
    const st = segments[span.start]!;
    const where = segmentAt(span.start, st);
    if (st[1] !== '837')
      errors.push({
        path: `${where} ST01`,
        message:
          st[1] === '835'
            ? 'this is an 835 remittance, not an 837 claim'
            : `transaction set ${st[1] || '(none)'} is not an 837 claim`,
      });
    else if (st[3] && st[3] !== IG_837P)
      errors.push({
        path: `${where} ST03`,
        message: `implementation guide ${st[3]} is not ${IG_837P} (837 professional)`,
      });
    if (span.groupAt >= 0 && span.group[1] !== 'HC')
      errors.push({
        path: `${segmentAt(span.groupAt, span.group)} GS01`,
        message: `functional group "${span.group[1] ?? ''}" is not HC (health care claim)`,
      });
  }
  const claims = claimsFromSegments(segments, delimiters.component);
  if (!claims.ok) errors.push(...claims.errors);
  if (errors.length) return { ok: false, errors: limitProblems(errors, '837') };
  return claims;
}

/** One 837P being read: where the reader stands in the loops and what it has read so far. */
interface Reading837 {
  errors: Problem[];
  component: string;
  claims: Claim[];
  submissionDate: string;
  payerSequence: PayerSequence | undefined;
  /** SBR09 claim filing indicator of the payer billed (MB: Medicare Part B). */
  filing: string;
  payerId: string;
  npi: string;
  patient: Claim['patient'];
  /** The claim (2300) being read, its service line (2400). */
  claim: Claim | null;
  line: ClaimLine | null;
  /** Inside a 2320/2330 loop: the other payer being read. */
  other: OtherPayer | null;
  /** The 2430 line adjudication being read (CAS segments follow SVD). */
  prior: PriorLine | null;
  /** Where each 2430 SVD was read, with the claim it belongs to, for the balance check. */
  svdAt: { claim: Claim; prior: PriorLine; payerId: string; at: string }[];
}

const el = (s: Segment, n: number) => s[n] ?? '';

/**
 * CLM07 is the provider's assignment decision (A assigned, B lab services only, C not assigned),
 * not participation, which no 837 element carries. "Not assigned" is read as such; only for
 * Medicare Part B (SBR09 MB), where a participating provider must accept assignment on every
 * claim, does it also mean the provider is not participating.
 * See: X12 005010X222A1 2300 CLM07; SSA §1842(h)(1) (participation agreement: assignment on all
 * claims); Pub. 100-04 ch. 1 §30.3 and ch. 12 §30.3.12.
 */
function notAssigned(clm07: string, filing: string): Partial<ProviderWithAssignment> {
  if (clm07 !== 'C') return {};
  // A non-participating Medicare provider is unassigned unless the claim says otherwise
  // (acceptsAssignment in domain/payer/cost-sharing/assignment.ts), so `participating: false`
  // says both and the claim reads back as it was written.
  return filing === 'MB' ? { participating: false } : { acceptsAssignment: false };
}

/** BHT (the submission date) and HL: a new billing provider or subscriber level ends the claim. */
function readHierarchy(t: Reading837, s: Segment): void {
  if (s[0] === 'BHT') t.submissionDate = isoDate(el(s, 4));
  else {
    t.claim = null;
    t.line = null;
    t.other = null;
    t.prior = null;
  }
}

/** 2000A/2000B: the billing provider (NM1*85), the subscriber (SBR, NM1*IL, DMG) and payer (NM1*PR). */
function readSubscriber(t: Reading837, s: Segment): void {
  const e = (n: number) => el(s, n);
  switch (s[0]) {
    case 'SBR':
      t.payerSequence = e(1) === 'S' || e(1) === 'T' ? SEQ_FROM[e(1)] : undefined;
      t.filing = e(9);
      return;
    case 'NM1':
      if (e(1) === '85') t.npi = e(9);
      // 2310B rendering provider: kept when another than the billing one.
      if (e(1) === '82' && t.claim && !t.line && e(9) && e(9) !== t.claim.provider.npi)
        t.claim.provider.renderingNpi = e(9);
      if (e(1) === 'PR') t.payerId = e(9);
      if (e(1) === 'IL') {
        t.patient = { sex: 'U', birthDate: '', memberId: e(9) || null };
        if (e(3) && e(3) !== 'PATIENT') t.patient.lastName = e(3);
        if (e(4)) t.patient.firstName = e(4);
      }
      return;
    case 'DMG': {
      t.patient.birthDate = isoDate(e(2));
      const sx = e(3);
      t.patient.sex = (sx === 'F' || sx === 'M' ? sx : 'U') as Sex;
      return;
    }
  }
}

/** 2300: CLM opens a claim; PWK (attachments), REF*G1 (prior authorization), REF*F8 (original), NTE*ADD, HI. */
function readClaim(t: Reading837, s: Segment, at: string): void {
  const e = (n: number) => el(s, n);
  const c = t.claim;
  switch (s[0]) {
    case 'CLM': {
      const [pos = '', , freq = '1'] = e(5).split(t.component);
      const charge = readAmount(e(2));
      if (charge === null)
        t.errors.push({ path: `${at} CLM02`, message: `claim total "${e(2)}" is not an amount` });
      t.claim = {
        claimId: e(1),
        payerId: t.payerId,
        frequency: (['1', '7', '8'].includes(freq) ? freq : '1') as Frequency,
        originalClaimId: null,
        patient: { ...t.patient },
        provider: {
          npi: t.npi,
          pos,
          locality: '',
          ...notAssigned(e(7), t.filing),
        },
        serviceDate: '',
        submissionDate: t.submissionDate,
        diagnoses: [],
        lines: [],
        priorAuthNumber: null,
        accumulators: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
        ...(t.payerSequence ? { payerSequence: t.payerSequence } : {}),
      };
      t.claims.push(t.claim);
      t.line = null;
      t.other = null;
      t.prior = null;
      return;
    }
    case 'PWK': {
      // 2300 PWK (claim-level attachments); a line-level PWK (2400) is not read.
      const how = e(2);
      if (!c || t.line || !(ATTACHMENT_TRANSMISSIONS as readonly string[]).includes(how)) return;
      c.attachments = [
        ...(c.attachments ?? []),
        {
          reportType: e(1),
          transmission: how as ClaimAttachment['transmission'],
          ...(e(5) === 'AC' && e(6) ? { controlNumber: e(6) } : {}),
        },
      ];
      return;
    }
    case 'REF':
      if (c && !t.line && e(1) === 'G1') c.priorAuthNumber = e(2);
      if (c && !t.line && e(1) === 'F8') c.originalClaimId = e(2);
      return;
    case 'NTE': {
      if (!c) return;
      let note = e(2);
      if (note.startsWith(NONPAR_NOTE.trimEnd())) {
        note = note.slice(NONPAR_NOTE.length);
        const provider: ProviderWithAssignment = {
          ...c.provider,
          participating: false,
          acceptsAssignment: true,
        };
        c.provider = provider;
      }
      if (note.startsWith(LOCALITY_NOTE)) c.provider.locality = note.slice(LOCALITY_NOTE.length);
      return;
    }
    case 'PRV': {
      // 2310B PRV*PE: the rendering provider's taxonomy (2000A PRV*BI comes before any claim).
      const type = c && !t.line && e(1) === 'PE' ? typeOfTaxonomy(e(3)) : undefined;
      if (c && type) c.provider.renderingProviderType = type;
      return;
    }
    case 'HI':
      if (c)
        c.diagnoses = s
          .slice(1)
          .filter(Boolean)
          .map((x) => icdDisplay(x.split(t.component)[1] ?? ''));
      return;
  }
}

/** 2320/2330 (other subscriber and payer) and 2430 (its line adjudication: SVD, CAS, DTP*573). */
function readOtherPayer(t: Reading837, s: Segment, at: string): void {
  const e = (n: number) => el(s, n);
  const c = t.claim;
  switch (s[0]) {
    case 'SBR':
      if (!c) return;
      t.other = {
        payerId: '',
        sequence: SEQ_FROM[e(1)] ?? 'primary',
        memberId: null,
        adjudication: null,
      };
      (c.otherPayers ??= []).push(t.other);
      return;
    case 'NM1':
      if (!t.other) return;
      if (e(1) === 'IL') t.other.memberId = e(9) || null;
      if (e(1) === 'PR') t.other.payerId = e(9);
      return;
    case 'REF':
      // 2330B REF*F8: the other payer's claim control number.
      if (!t.other) return;
      t.other.adjudication ??= { payerClaimNumber: null, adjudicationDate: '', lines: [] };
      t.other.adjudication.payerClaimNumber = e(2);
      return;
    case 'SVD': {
      if (!c || !t.line) {
        t.errors.push({ path: at, message: 'SVD outside a service line' });
        return;
      }
      const op = c.otherPayers?.find((x) => x.payerId === e(1));
      if (!op) {
        t.errors.push({
          path: `${at} SVD01`,
          message: `"${e(1)}" is not an other payer named in loop 2330B`,
        });
        return;
      }
      const [, code = '', ...mods] = e(3).split(t.component);
      const paid = readAmount(e(2));
      if (paid === null)
        t.errors.push({ path: `${at} SVD02`, message: `paid amount "${e(2)}" is not an amount` });
      op.adjudication ??= { payerClaimNumber: null, adjudicationDate: '', lines: [] };
      t.prior = {
        line: c.lines.length,
        code,
        modifiers: mods.filter(Boolean),
        units: Number(e(5) || '1') || 1,
        paid: paid ?? cents(0),
        adjustments: [],
      };
      op.adjudication.lines.push(t.prior);
      t.svdAt.push({ claim: c, prior: t.prior, payerId: op.payerId, at });
      t.other = op;
      return;
    }
    case 'CAS':
      if (t.prior) t.prior.adjustments.push(...readCas(s, at, t.errors));
      else
        t.errors.push({
          path: at,
          message:
            'CAS outside a line adjudication (2430 SVD): claim-level adjustments of another payer are not read, so their money would be lost',
        });
      return;
    case 'DTP':
      if (t.other && t.prior && t.other.adjudication)
        t.other.adjudication.adjudicationDate = isoDate(e(3));
      return;
  }
}

/** 2400: SV1 opens a service line; DTP*472 its date when it differs from the claim's. */
function readServiceLine(t: Reading837, s: Segment, at: string): void {
  const e = (n: number) => el(s, n);
  const c = t.claim;
  if (s[0] === 'DTP') {
    if (!c || !t.line) return;
    const d = isoDate(e(3).split('-')[0] ?? '');
    if (!c.serviceDate) c.serviceDate = d;
    if (d !== c.serviceDate) t.line.serviceDate = d;
    return;
  }
  if (!c) {
    t.errors.push({ path: at, message: 'SV1 before any CLM' });
    return;
  }
  const [, code = '', ...mods] = e(1).split(t.component);
  const charge = readAmount(e(2));
  if (charge === null)
    t.errors.push({ path: `${at} SV102`, message: `line charge "${e(2)}" is not an amount` });
  const units = Number(e(4) || '1');
  t.other = null;
  t.prior = null;
  t.line = {
    code,
    modifiers: mods.filter(Boolean),
    units: Number.isFinite(units) ? units : 1,
    dxPointers: e(7).split(t.component).filter(Boolean).map(Number),
    charge: charge ?? cents(0),
  };
  c.lines.push(t.line);
}

/** Sends each segment to the reader of its loop. */
function readSegment837(t: Reading837, s: Segment, i: number): void {
  const at = segmentAt(i, s);
  const inOtherPayer = t.other !== null && t.line === null;
  switch (s[0]) {
    case 'BHT':
    case 'HL':
      return readHierarchy(t, s);
    case 'SBR':
      return t.claim ? readOtherPayer(t, s, at) : readSubscriber(t, s);
    case 'NM1':
      return inOtherPayer ? readOtherPayer(t, s, at) : readSubscriber(t, s);
    case 'DMG':
      return readSubscriber(t, s);
    case 'REF':
      return inOtherPayer && s[1] === 'F8' ? readOtherPayer(t, s, at) : readClaim(t, s, at);
    case 'CLM':
    case 'NTE':
    case 'HI':
    case 'PWK':
    case 'PRV':
      return readClaim(t, s, at);
    case 'SVD':
    case 'CAS':
      return readOtherPayer(t, s, at);
    case 'SV1':
      return readServiceLine(t, s, at);
    case 'DTP':
      if (s[1] === '573') return readOtherPayer(t, s, at);
      if (s[1] === '472') return readServiceLine(t, s, at);
      return;
  }
}

/**
 * Each other payer's line adjudication (2430) accounts for the whole line charge: SVD02 (paid)
 * plus every CAS amount equals the SV102 of the line it follows. An 835 line balances the same
 * way; a secondary payer would otherwise pay from amounts that do not add up.
 * See: X12 005010X222A1 loop 2430 (SVD02, CAS) and 2400 SV102; other-payers.ts, which applies
 * the same rule to claim JSON.
 */
function priorLineBalance(t: Reading837): Problem[] {
  const out: Problem[] = [];
  for (const { claim, prior, payerId, at } of t.svdAt) {
    const charge = claim.lines[prior.line - 1]?.charge;
    if (charge === undefined) continue;
    const adjusted = prior.adjustments.reduce((a, x) => a + x.amount, 0);
    if (prior.paid + adjusted !== charge)
      out.push({
        path: `${at} SVD02`,
        message: `other payer ${payerId} paid ${formatMoney(prior.paid)} + adjustments ${formatMoney(cents(adjusted))} on line ${prior.line}, which does not equal its charge ${formatMoney(charge)} (SV102): SVD02 + ΣCAS must balance to the line charge`,
      });
  }
  return out;
}

/**
 * Builds claims from segments (used with our tokenizer, or with node-x12's output in tests): each
 * segment goes to the reader of its loop, then each transaction set's structure and balance are
 * checked (check837.ts). Problems name the segment position.
 */
export function claimsFromSegments(segments: readonly Segment[], component = ':'): Result<Claim[]> {
  const t: Reading837 = {
    errors: [],
    component,
    claims: [],
    submissionDate: '',
    payerSequence: undefined,
    filing: '',
    payerId: '',
    npi: '',
    patient: { sex: 'U', birthDate: '', memberId: null },
    claim: null,
    line: null,
    other: null,
    prior: null,
    svdAt: [],
  };
  segments.forEach((s, i) => readSegment837(t, s, i));
  const errors = t.errors;
  const structure = check837(segments, component);
  errors.push(...structure.errors);
  // CLM02 = ΣSV102 and, per other payer's line, SV102 = SVD02 + ΣCAS once every amount could be read.
  if (errors.length === 0) errors.push(...structure.balance, ...priorLineBalance(t));
  if (t.claims.length === 0)
    errors.push({ path: '837', message: 'no CLM segment: the file holds no claim' });
  return errors.length ? { ok: false, errors } : { ok: true, value: t.claims };
}
