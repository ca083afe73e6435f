/**
 * The CMS-1500 (02/12) paper form filled from a claim: a pure mapping from the domain claim to
 * the form's items 1–33, formatted the way the NUCC reference instructions ask, so the view only
 * lays the strings out. Items the training claim does not carry (addresses, phone, tax ID,
 * referring provider, accident questions) stay blank rather than invented.
 * See: NUCC 1500 Health Insurance Claim Form Reference Instruction Manual for Form Version 02/12
 * (items cited per field below).
 */
import type { Claim, Sex } from '../../domain/claim/claim';
import { formatMoney } from '../../domain/money';

/** NUCC item 1: the type of coverage, one box only. */
export type Item1Box =
  'Medicare' | 'Medicaid' | 'TRICARE' | 'CHAMPVA' | 'Group Health Plan' | 'FECA Blk Lung' | 'Other';

/** The kinds of payer profile a case can name (src/domain/payer/profile.ts `kind`). */
export type PayerKind = 'medicare' | 'medicaid' | 'commercial';

export interface Cms1500Line {
  /** 24A from / to, MM DD YY. */
  from: string;
  to: string;
  /** 24B place of service. */
  pos: string;
  /** 24C EMG (blank unless the payer requires it). */
  emg: string;
  /** 24D procedure code and up to four modifiers. */
  code: string;
  modifiers: string[];
  /** 24E diagnosis pointer letters, left to right, no commas. */
  pointer: string;
  /** 24F charges: dollars and cents without "$" or commas. */
  chargeDollars: string;
  chargeCents: string;
  /** 24G days or units. */
  units: string;
  /** 24J rendering provider NPI (blank: the billing provider in 33a rendered the service). */
  renderingNpi: string;
}

export interface Cms1500Form {
  /** Carrier block (top right): the payer billed. */
  payerName: string;
  item1: Item1Box;
  item1a: string;
  item2: string;
  item3: { birthDate: string; sex: Sex | null };
  item4: string;
  item6: 'Self' | 'Spouse' | 'Child' | 'Other' | null;
  item9: string;
  item9a: string;
  item9d: string;
  item11d: boolean;
  item12: string;
  item13: string;
  /** 21: ICD indicator and the diagnoses A–L without the decimal point. */
  item21: { indicator: '0'; codes: string[] };
  item22: { code: string; original: string };
  item23: string;
  item24: Cms1500Line[];
  item25: string;
  item26: string;
  item27: boolean | null;
  item28: string;
  item29: string;
  item31: { signature: string; date: string };
  item32: string;
  item33: { name: string; npi: string };
}

export interface Cms1500Options {
  /** The payer profile's name (carrier block); the payer id when absent. */
  payerName?: string;
  payerKind?: PayerKind;
  /** Billing provider name (item 33); the case's provider. */
  providerName?: string;
  /** The other payers' names for item 9d, by payer id. */
  otherPayerName?: (payerId: string) => string | undefined;
}

/** NUCC: six service lines per form; more lines go on another form. */
export const LINES_PER_FORM = 6;

/**
 * ISO yyyy-mm-dd → "MM DD YY" (NUCC general instructions: 6-digit date with spaces) or
 * "MM DD YYYY" (8-digit, required for item 3 birth date). Bad input is echoed, never thrown.
 */
export function formDate(iso: string, digits: 6 | 8 = 6): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  return `${mo} ${d} ${digits === 8 ? y : y.slice(2)}`;
}

/** Item 21: "Do not include the decimal point in the diagnosis code, because it is implied." */
export const formDiagnosis = (code: string): string => code.replace('.', '');

/** Item 24E: letters A–L for pointers 1–12, left to right, no commas, at most four. */
export function formPointer(pointers: readonly number[]): string {
  return pointers
    .filter((p) => Number.isInteger(p) && p >= 1 && p <= 12)
    .slice(0, 4)
    .map((p) => String.fromCharCode(64 + p))
    .join('');
}

/**
 * Items 24F and 28: dollars right-justified in the dollar area, cents in the cents area, no "$",
 * no commas, "00" for whole dollars; negative amounts are not allowed (shown as 0).
 */
export function formMoney(c: number): { dollars: string; cents: string } {
  const s = formatMoney(Math.max(0, c)).replace(/[$,]/g, '');
  const [dollars = '0', cents = '00'] = s.split('.');
  return { dollars, cents: cents.padEnd(2, '0') };
}

const item1For = (kind: PayerKind | undefined): Item1Box =>
  kind === 'medicare' ? 'Medicare' : kind === 'medicaid' ? 'Medicaid' : 'Group Health Plan';

const RELATION = { self: 'Self', spouse: 'Spouse', dependent: 'Child' } as const;

function name(last?: string, first?: string): string {
  // Item 2: "Last Name, First Name, Middle Initial", commas between.
  return [last, first].filter((x) => x && x.trim()).join(', ');
}

/** The whole claim as CMS-1500 forms: one per six service lines (NUCC item 24 instructions). */
export function cms1500Forms(claim: Claim, o: Cms1500Options = {}): Cms1500Form[] {
  const lines = claim.lines.map((l): Cms1500Line => {
    const date = formDate(l.serviceDate ?? claim.serviceDate);
    const m = formMoney(l.charge);
    return {
      from: date,
      to: date,
      pos: claim.provider.pos,
      emg: '',
      code: l.code,
      modifiers: l.modifiers.slice(0, 4),
      pointer: formPointer(l.dxPointers),
      chargeDollars: m.dollars,
      chargeCents: m.cents,
      // 24G: "Enter numbers left justified in the field. No leading zeros are required."
      units: String(l.units),
      renderingNpi: '',
    };
  });
  const pages: Cms1500Line[][] = [];
  for (let i = 0; i < Math.max(1, lines.length); i += LINES_PER_FORM)
    pages.push(lines.slice(i, i + LINES_PER_FORM));
  const patient = name(claim.patient.lastName, claim.patient.firstName);
  const relation = claim.coverage?.relation;
  const other = (claim.otherPayers ?? []).find((p) => p.sequence !== claim.payerSequence);
  // Item 29: amount the patient and/or other payers paid on the covered services.
  const otherPaid = (claim.otherPayers ?? [])
    .flatMap((p) => p.adjudication?.lines ?? [])
    .reduce((a, l) => a + l.paid, 0);
  const total = claim.lines.reduce((a, l) => a + l.charge, 0);
  const money = (c: number) => {
    const m = formMoney(c);
    return `${m.dollars} ${m.cents}`;
  };
  return pages.map((page, i): Cms1500Form => {
    const last = i === pages.length - 1;
    return {
      payerName: o.payerName ?? claim.payerId,
      item1: item1For(o.payerKind),
      item1a: claim.patient.memberId ?? '',
      item2: patient,
      item3: { birthDate: formDate(claim.patient.birthDate, 8), sex: sexBox(claim.patient.sex) },
      // Item 4: "If the patient is the insured, enter the patient's name" when relation is self.
      item4: relation === undefined || relation === 'self' ? patient : '',
      item6: relation ? RELATION[relation] : 'Self',
      item9: other ? patient : '',
      item9a: other?.memberId ?? '',
      item9d: other ? (o.otherPayerName?.(other.payerId) ?? other.payerId) : '',
      // Item 11d: "Is there another health benefit plan?" — Yes when the claim names one.
      item11d: (claim.otherPayers ?? []).length > 0,
      item12: 'Signature on File',
      item13: 'Signature on File',
      item21: { indicator: '0', codes: claim.diagnoses.slice(0, 12).map(formDiagnosis) },
      // Item 22: "not intended for use for original claim submissions" — blank for frequency 1.
      item22:
        claim.frequency === '1'
          ? { code: '', original: '' }
          : { code: claim.frequency, original: claim.originalClaimId ?? '' },
      item23: claim.priorAuthNumber ?? '',
      item24: page,
      item25: '',
      item26: claim.claimId,
      item27: claim.provider.acceptsAssignment ?? claim.provider.participating ?? true,
      // Item 28 on a claim of several forms: the total goes on the last one only.
      item28: last ? money(total) : 'Continued',
      item29: last && otherPaid > 0 ? money(otherPaid) : '',
      item31: { signature: 'Signature on File', date: formDate(claim.submissionDate) },
      item32: '',
      item33: { name: o.providerName ?? '', npi: claim.provider.npi },
    };
  });
}

/** Item 3: "If sex is unknown, leave blank." */
const sexBox = (s: Sex): Sex | null => (s === 'U' ? null : s);
