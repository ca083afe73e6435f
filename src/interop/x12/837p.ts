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
  type Claim,
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
import { cents, parseMoney } from '../../domain/money';
import type { Problem, Result } from '../../domain/result';
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

/** Parses 837P text into claims (one per CLM). Problems name the segment position. */
export function parse837p(raw: string): Result<Claim[]> {
  const t = tokenize(raw);
  if (!t.ok) return t;
  return claimsFromSegments(t.value.segments, t.value.delimiters.component);
}

/** Builds claims from segments (used with our tokenizer, or with node-x12's output in tests). */
export function claimsFromSegments(segments: readonly Segment[], component = ':'): Result<Claim[]> {
  const errors: Problem[] = [];
  const claims: Claim[] = [];
  let submissionDate = '';
  let payerSequence: PayerSequence | undefined;
  let payerId = '';
  let npi = '';
  let patient: Claim['patient'] = { sex: 'U', birthDate: '', memberId: null };
  let cur: Claim | null = null;
  let line: ClaimLine | null = null;
  /** Inside a 2320/2330 loop: the other payer being read. */
  let other: OtherPayer | null = null;
  /** The 2430 line adjudication being read (CAS segments follow SVD). */
  let prior: PriorLine | null = null;
  const at = (i: number, s: Segment) => `segment ${i + 1} (${s[0]})`;
  segments.forEach((s, i) => {
    const e = (n: number) => s[n] ?? '';
    switch (s[0]) {
      case 'BHT':
        submissionDate = isoDate(e(4));
        break;
      case 'HL':
        // A new billing provider or subscriber level: the next CLM starts a new claim.
        cur = null;
        line = null;
        other = null;
        prior = null;
        break;
      case 'SBR':
        if (cur) {
          const c = cur as Claim;
          other = {
            payerId: '',
            sequence: SEQ_FROM[e(1)] ?? 'primary',
            memberId: null,
            adjudication: null,
          };
          (c.otherPayers ??= []).push(other);
        } else if (e(1) === 'S' || e(1) === 'T') payerSequence = SEQ_FROM[e(1)];
        else payerSequence = undefined;
        break;
      case 'OI':
      case 'AMT':
        break;
      case 'SVD': {
        if (!cur || !line) {
          errors.push({ path: at(i, s), message: 'SVD outside a service line' });
          break;
        }
        const op = (cur as Claim).otherPayers?.find((x) => x.payerId === e(1));
        if (!op) {
          errors.push({
            path: `${at(i, s)} SVD01`,
            message: `"${e(1)}" is not an other payer named in loop 2330B`,
          });
          break;
        }
        const [, code = '', ...mods] = e(3).split(component);
        const paid = parseMoney(e(2));
        if (paid === null)
          errors.push({
            path: `${at(i, s)} SVD02`,
            message: `paid amount "${e(2)}" is not an amount`,
          });
        op.adjudication ??= { payerClaimNumber: null, adjudicationDate: '', lines: [] };
        prior = {
          line: (cur as Claim).lines.length,
          code,
          modifiers: mods.filter(Boolean),
          units: Number(e(5) || '1') || 1,
          paid: paid ?? cents(0),
          adjustments: [],
        };
        op.adjudication.lines.push(prior);
        other = op;
        break;
      }
      case 'CAS':
        if (prior) prior.adjustments.push(...readCas(s, at(i, s), errors));
        break;
      case 'NM1':
        if (other && !line) {
          if (e(1) === 'IL') other.memberId = e(9) || null;
          if (e(1) === 'PR') other.payerId = e(9);
          break;
        }
        if (e(1) === '85') npi = e(9);
        if (e(1) === 'PR') payerId = e(9);
        if (e(1) === 'IL') {
          patient = { sex: 'U', birthDate: '', memberId: e(9) || null };
          if (e(3) && e(3) !== 'PATIENT') patient.lastName = e(3);
          if (e(4)) patient.firstName = e(4);
        }
        break;
      case 'DMG': {
        patient.birthDate = isoDate(e(2));
        const sx = e(3);
        patient.sex = (sx === 'F' || sx === 'M' ? sx : 'U') as Sex;
        break;
      }
      case 'CLM': {
        const [pos = '', , freq = '1'] = e(5).split(component);
        const charge = parseMoney(e(2));
        if (charge === null)
          errors.push({
            path: `${at(i, s)} CLM02`,
            message: `claim total "${e(2)}" is not an amount`,
          });
        cur = {
          claimId: e(1),
          payerId,
          frequency: (['1', '7', '8'].includes(freq) ? freq : '1') as Frequency,
          originalClaimId: null,
          patient: { ...patient },
          provider: { npi, pos, locality: '', ...(e(7) === 'C' ? { participating: false } : {}) },
          serviceDate: '',
          submissionDate,
          diagnoses: [],
          lines: [],
          priorAuthNumber: null,
          accumulators: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
          ...(payerSequence ? { payerSequence } : {}),
        };
        claims.push(cur);
        line = null;
        other = null;
        prior = null;
        break;
      }
      case 'REF':
        if (other && !line && e(1) === 'F8') {
          // 2330B REF*F8: the other payer's claim control number.
          other.adjudication ??= { payerClaimNumber: null, adjudicationDate: '', lines: [] };
          other.adjudication.payerClaimNumber = e(2);
          break;
        }
        if (cur && !line && e(1) === 'G1') (cur as Claim).priorAuthNumber = e(2);
        if (cur && !line && e(1) === 'F8') (cur as Claim).originalClaimId = e(2);
        break;
      case 'NTE': {
        if (!cur) break;
        let note = e(2);
        const c = cur as Claim;
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
        break;
      }
      case 'HI':
        if (cur)
          (cur as Claim).diagnoses = s
            .slice(1)
            .filter(Boolean)
            .map((c) => icdDisplay(c.split(component)[1] ?? ''));
        break;
      case 'SV1': {
        if (!cur) {
          errors.push({ path: at(i, s), message: 'SV1 before any CLM' });
          break;
        }
        const [, code = '', ...mods] = e(1).split(component);
        const charge = parseMoney(e(2));
        if (charge === null)
          errors.push({
            path: `${at(i, s)} SV102`,
            message: `line charge "${e(2)}" is not an amount`,
          });
        const units = Number(e(4) || '1');
        other = null;
        prior = null;
        line = {
          code,
          modifiers: mods.filter(Boolean),
          units: Number.isFinite(units) ? units : 1,
          dxPointers: e(7).split(component).filter(Boolean).map(Number),
          charge: charge ?? cents(0),
        };
        (cur as Claim).lines.push(line);
        break;
      }
      case 'DTP':
        if (other && prior && e(1) === '573' && other.adjudication)
          other.adjudication.adjudicationDate = isoDate(e(3));
        if (cur && line && e(1) === '472') {
          const d = isoDate(e(3).split('-')[0] ?? '');
          const c = cur as Claim;
          if (!c.serviceDate) c.serviceDate = d;
          if (d !== c.serviceDate) (line as ClaimLine).serviceDate = d;
        }
        break;
    }
  });
  if (claims.length === 0)
    errors.push({ path: '837', message: 'no CLM segment: the file holds no claim' });
  return errors.length ? { ok: false, errors } : { ok: true, value: claims };
}
