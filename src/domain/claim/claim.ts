/**
 * The professional claim (CMS-1500 / 837P) as the domain sees it. Money in cents; codes
 * normalised (ICD-10-CM with the dot, procedure codes upper case) but never silently
 * corrected: a code that does not parse stays as entered so an edit can report it.
 * See: NUCC 1500 Claim Form Reference Instruction Manual (items 1a–33); X12 005010X222A1.
 */
import type { RenderingProviderType } from './rendering-provider';
import type { Cents } from '../money';
import type { CoverageFacts, OtherPayer, PayerSequence } from './other-payers';

export type Sex = 'F' | 'M' | 'U';
/** CMS-1500 item 22 / CLM05-3: 1 original, 7 replacement, 8 void. */
export type Frequency = '1' | '7' | '8';

export interface ClaimLine {
  code: string;
  modifiers: string[];
  units: number;
  /** 1-based pointers into claim.diagnoses (CMS-1500 24E letters A–L). */
  dxPointers: number[];
  charge: Cents;
  /** Line date of service when it differs from the claim's (ISO). */
  serviceDate?: string;
}

/**
 * Medicare Savings Program / dual-eligible groups: QMB (Qualified Medicare Beneficiary) and
 * QMB-Plus (QMB with full Medicaid) may not be billed Medicare cost sharing; SLMB, SLMB-Plus,
 * QI and QDWI get help with premiums only; 'full-medicaid' is full Medicaid without QMB.
 * See: Social Security Act §1905(p) (QMB), §1902(n)(3)(B) (no balance billing of QMBs);
 * CMS MLN "Prohibition on Balance Billing Dually Eligible Individuals Enrolled in the QMB Program".
 */
export const DUAL_STATUSES = [
  'qmb',
  'qmb-plus',
  'slmb',
  'slmb-plus',
  'qi',
  'qdwi',
  'full-medicaid',
] as const;
export type DualStatus = (typeof DUAL_STATUSES)[number];

/**
 * Paperwork sent with (or held for) the claim: 837P 2300 PWK. `reportType` is PWK01 (e.g. 09
 * progress report, OZ support data for claim), `transmission` PWK02: EL electronically, FX fax,
 * BM mail, EM e-mail, FT file transfer, or AA available on request at the provider's site (not
 * sent). See: X12 005010X222A1 2300 PWK; NUCC 1500 item 19 (attachment details).
 */
export const ATTACHMENT_TRANSMISSIONS = ['AA', 'BM', 'EL', 'EM', 'FT', 'FX'] as const;
export interface ClaimAttachment {
  reportType: string;
  transmission: (typeof ATTACHMENT_TRANSMISSIONS)[number];
  /** PWK06: the attachment control number that links the records to the claim. */
  controlNumber?: string;
}

export interface Accumulators {
  deductibleMet: Cents;
  outOfPocketMet: Cents;
}

export interface Claim {
  claimId: string;
  payerId: string;
  frequency: Frequency;
  originalClaimId: string | null;
  patient: {
    sex: Sex;
    birthDate: string;
    memberId: string | null;
    firstName?: string;
    lastName?: string;
    /** Medicare–Medicaid dual eligibility (Medicare Savings Program group), when known. */
    dualStatus?: DualStatus;
  };
  provider: {
    npi: string;
    /**
     * The rendering provider when it is not the billing provider (837P 2310B NM1*82; CMS-1500
     * item 24J): an invalid one is rejected with N290, an invalid billing NPI with N257.
     */
    renderingNpi?: string;
    /**
     * Who rendered the services (the rendering NPI, else the billing one): a nurse practitioner,
     * physician assistant or clinical nurse specialist is paid 85% of the Medicare fee schedule
     * (837P 2310B PRV*PE taxonomy). See: ./rendering-provider.ts.
     */
    renderingProviderType?: RenderingProviderType;
    pos: string;
    locality: string;
    participating?: boolean;
    /** A non-participating provider accepting assignment on this claim (837P CLM07 A). */
    acceptsAssignment?: boolean;
  };
  serviceDate: string;
  submissionDate: string;
  /** Ordered: the first is first-listed. ICD-10-CM with the dot where it parses. */
  diagnoses: string[];
  lines: ClaimLine[];
  priorAuthNumber: string | null;
  /** Records sent with the claim (837P PWK), when any. */
  attachments?: ClaimAttachment[];
  accumulators: Accumulators;
  /** True when the input gave `accumulators` (else they default to zero and a payer ledger may
   * carry the member's running amounts instead). */
  accumulatorsGiven?: boolean;
  /** The payer billed is this one in the order (837P 2000B SBR01); absent = primary. */
  payerSequence?: PayerSequence;
  /** Other coverage and, once decided, its adjudication (837P 2320/2330B/2430). */
  otherPayers?: OtherPayer[];
  /** How the patient holds the coverage billed (order of benefits), when given. */
  coverage?: CoverageFacts;
}

/** Age in whole years on a date (both ISO yyyy-mm-dd). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const totalCharge = (c: Claim): number => c.lines.reduce((a, l) => a + l.charge, 0);
