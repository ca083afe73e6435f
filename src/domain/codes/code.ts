/**
 * Code parsing: branded code types that only these parsers create.
 * See: ICD-10-CM Official Guidelines FY2026 Section I.A.1–I.A.5 (format, placeholder X, 7th characters).
 */
export type Icd10Code = string & { readonly __brand: 'Icd10Code' };
export type ProcedureCode = string & { readonly __brand: 'ProcedureCode' };
export type ModifierCode = string & { readonly __brand: 'ModifierCode' };

export type CodeSystem = 'ICD-10-CM' | 'CPT' | 'HCPCS';

/** `{ system, code, display }` everywhere a code is shown or exchanged (Synthea habit). */
export interface CodeRef {
  system: CodeSystem;
  code: string;
  display: string;
}

// Second character is a digit except in new categories such as QA0 (FY2026).
const ICD_RE = /^[A-Z][0-9A-Z][0-9A-Z]([0-9A-Z]{1,4})?$/;

/** Dotless upper-case key: " e11.9 " -> "E119". */
export const icdKey = (raw: string): string => raw.trim().toUpperCase().replace(/\./g, '');

/** Accepts an ICD-10-CM code with or without the dot, in any case; returns it with the dot. */
export function parseIcd10(raw: string): Icd10Code | null {
  const k = icdKey(raw);
  if (!ICD_RE.test(k)) return null;
  return (k.length > 3 ? `${k.slice(0, 3)}.${k.slice(3)}` : k) as Icd10Code;
}

/** Display form with the dot: "E119" -> "E11.9". Leaves unparsable text as entered (trimmed, upper). */
export const icdDisplay = (raw: string): string => parseIcd10(raw) ?? raw.trim().toUpperCase();

const CPT_RE = /^(\d{5}|\d{4}[FTU])$/;
const HCPCS_RE = /^[A-V][0-9]{4}$/;

export function procedureSystem(code: string): 'CPT' | 'HCPCS' | null {
  if (CPT_RE.test(code)) return 'CPT';
  if (HCPCS_RE.test(code)) return 'HCPCS';
  return null;
}

/** CPT (5 digits, ####F/T/U) or HCPCS Level II (letter + 4 digits); any case. */
export function parseProcedure(raw: string): ProcedureCode | null {
  const k = raw.trim().toUpperCase();
  return procedureSystem(k) ? (k as ProcedureCode) : null;
}

export function parseModifier(raw: string): ModifierCode | null {
  const k = raw.trim().toUpperCase();
  return /^[0-9A-Z]{2}$/.test(k) ? (k as ModifierCode) : null;
}
