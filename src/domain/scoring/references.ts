/**
 * The rule behind each kind of scored item, and plain-language meanings of common modifiers
 * (our own wording; CPT descriptors are the AMA's). Each score row cites one of these.
 * See: ICD-10-CM Official Guidelines for Coding and Reporting FY2026 (Sections I.A, I.B, IV);
 * NUCC 1500 Claim Form Reference Instruction Manual (items 21, 24A–24G); NCCI Policy Manual.
 */
import { icdKey } from '../codes/code';

export const REF = {
  firstListed: 'ICD-10-CM Official Guidelines FY2026 Section IV.G (first-listed condition)',
  coexisting: 'ICD-10-CM Official Guidelines FY2026 Section IV.J (code all documented conditions)',
  uncertain: 'ICD-10-CM Official Guidelines FY2026 Section IV.H (uncertain diagnosis)',
  specificity:
    'ICD-10-CM Official Guidelines FY2026 Section IV.F (level of detail: code to the highest specificity)',
  seventh: 'ICD-10-CM Official Guidelines FY2026 Section I.A.5 (7th characters)',
  laterality: 'ICD-10-CM Official Guidelines FY2026 Section I.B.13 (laterality)',
  diagnosisItem: 'NUCC 1500 item 21 (diagnosis codes, in order)',
  procedure: 'CPT/HCPCS code selection as documented (NUCC 1500 item 24D)',
  em: 'CPT E/M guidelines 2026: level by medical decision making or total time',
  modifiers: 'NUCC 1500 item 24D (modifiers); NCCI Policy Manual ch. I §E (modifiers)',
  units: 'NUCC 1500 item 24G (days or units); NCCI MUE',
  pointers: 'NUCC 1500 item 24E (diagnosis pointer: the primary diagnosis for the line first)',
  charges: 'NUCC 1500 item 24F (the practice charge from its charge master)',
  rejection: 'CMS Claims Processing Manual ch. 1 §80.3 (unprocessable claims are rejected)',
  reopening: 'CMS Claims Processing Manual ch. 34 §10 (reopenings: clerical errors, time limits)',
  appeals: 'CMS Claims Processing Manual ch. 29 (appeals: levels and filing windows)',
  balance:
    'CMS Claims Processing Manual ch. 1 §30.3 (assignment: bill the patient only the PR amount); SSA §1902(n)(3)(B) (QMB)',
  groups:
    "X12 835 claim adjustment group codes: CO is the provider's (never billed to the patient), PR is the patient's (DOMAIN.md §7)",
  cob: 'Coordination of benefits: bill the primary payer first, then the secondary with its remittance (NAIC COB Model Regulation; 42 CFR 411 subpart B, MSP)',
  denialWork: 'Denial management: correct and resubmit, reopen or appeal by the denial reason',
} as const;

/** What a modifier tells the payer (our wording), so a modifier row explains itself. */
const MODIFIERS: Record<string, string> = {
  '24': 'an unrelated E/M service in a postoperative period',
  '25': 'a significant, separately identifiable E/M service on the day of a procedure',
  '26': 'the professional component only',
  '50': 'a bilateral procedure',
  '51': 'multiple procedures',
  '52': 'a reduced service',
  '53': 'a discontinued procedure',
  '57': 'the decision for surgery',
  '58': 'a staged or related procedure in the postoperative period',
  '59': 'a distinct procedural service (NCCI-associated modifier)',
  '76': 'a repeat procedure by the same physician',
  '77': 'a repeat procedure by another physician',
  '78': 'an unplanned return to the operating room',
  '79': 'an unrelated procedure in the postoperative period',
  '95': 'a synchronous telemedicine service',
  GA: 'an ABN is on file (waiver of liability)',
  GY: 'a statutorily excluded service',
  GZ: 'a service expected to be denied, with no ABN on file',
  JW: 'drug amount discarded',
  JZ: 'no drug amount discarded',
  KX: 'the policy requirements are met (documentation on file)',
  LT: 'the left side',
  RT: 'the right side',
  QW: 'a CLIA-waived test',
  TC: 'the technical component only',
  XE: 'a separate encounter',
  XP: 'a separate practitioner',
  XS: 'a separate structure or organ',
  XU: 'an unusual non-overlapping service',
};

export function modifierMeaning(m: string): string {
  const meaning = MODIFIERS[m.trim().toUpperCase()];
  return meaning ? `${m} = ${meaning}` : m;
}

/** The reference for a modifier row: the NCCI chapter for 25/59/X{EPSU}, else item 24D. */
export function modifierReference(mods: readonly string[]): string {
  if (mods.includes('25'))
    return `${REF.modifiers}; NCCI Policy Manual ch. I §D (E&M services with procedures, modifier 25)`;
  if (mods.some((m) => ['59', 'XE', 'XP', 'XS', 'XU'].includes(m)))
    return `${REF.modifiers}; NCCI Policy Manual ch. I §E.1 (modifiers 59 and X{EPSU})`;
  if (mods.some((m) => ['GA', 'GY', 'GZ'].includes(m)))
    return `${REF.modifiers}; CMS Claims Processing Manual ch. 30 §50 (ABN modifiers)`;
  return REF.modifiers;
}

export type CodeDifference = 'same' | 'less-specific' | 'seventh' | 'category' | 'other';

/**
 * How a given ICD-10-CM code differs from the expected one: a shorter code of the same branch
 * (less specific), the same code but the 7th character, the same category otherwise, or another.
 */
export function icdDifference(expected: string, given: string): CodeDifference {
  const e = icdKey(expected);
  const g = icdKey(given);
  if (e === g) return 'same';
  if (e.startsWith(g)) return 'less-specific';
  if (e.length === 7 && g.length === 7 && e.slice(0, 6) === g.slice(0, 6)) return 'seventh';
  if (e.slice(0, 3) === g.slice(0, 3)) return 'category';
  return 'other';
}

/** The guideline for a partly-right diagnosis, by how it differs (and its rationale's words). */
export function partialReference(expected: string, given: string, rationale: string): string {
  const d = icdDifference(expected, given);
  if (d === 'seventh') return REF.seventh;
  if (/\b(left|right|laterality|bilateral)\b/i.test(rationale)) return REF.laterality;
  return REF.specificity;
}

/** E/M families (office, hospital, ...): the code's level for over/under-coding words. */
export function procedureDirection(expected: string, given: string): 'higher' | 'lower' | null {
  const e = expected.trim().toUpperCase();
  const g = given.trim().toUpperCase();
  if (!/^\d{5}$/.test(e) || !/^\d{5}$/.test(g) || e.slice(0, 4) !== g.slice(0, 4)) return null;
  if (g === e) return null;
  return g > e ? 'higher' : 'lower';
}

export const isEm = (code: string) => /^99\d{3}$/.test(code.trim());
