/**
 * The ICD-10-CM Alphabetic Index as parsed from the CDC/NCHS XML files: the Index to Diseases
 * and Injuries, the External Cause Index, the Table of Drugs and Chemicals and the Neoplasm Table
 * (all four share one layout, icd10cm_index.xsd / icd10cm_drug_neoplasm.xsd).
 * See: ICD-10-CM Official Guidelines FY2026 Section I.A.12–I.A.13 ("see", "see also"), I.B.1.
 */
import type { Problem } from '../../domain/result';

export type IndexPartKind = 'index' | 'eindex' | 'drug' | 'neoplasm';

export interface IndexTerm {
  /** Essential words of the term, without the nonessential modifiers. */
  title: string;
  /** Nonessential modifiers as printed, e.g. "(mellitus) (sugar)"; absent when none. */
  nemod?: string;
  /** Code as printed, e.g. "E11.9", "S72.00-" (dash: more characters needed), "T51.3X1". */
  code?: string;
  /** Manifestation code printed in brackets after the code (sequenced second). */
  manif?: string;
  /** "see" cross-reference: another term to look under, e.g. "Pain, abdominal". */
  see?: string;
  /** "see also" cross-reference. */
  seeAlso?: string;
  /** "see category" / "see subcategory" references. */
  seeCategory?: string;
  subcategory?: string;
  /** Table rows (Drugs, Neoplasms): one code per column 2..n of the table heading; null for "--". */
  cells?: (string | null)[];
  children?: IndexTerm[];
}

export interface IndexPart {
  kind: IndexPartKind;
  /** Version printed in the file, e.g. "2017". */
  version: string;
  /** File the part was read from (base name), for provenance. */
  source: string;
  /** Table column headings (Drugs, Neoplasms): heading[0] is the term column. */
  headings?: string[];
  /** Main terms of all letters, in file order. */
  terms: IndexTerm[];
  /** Irregularities in the official file that were skipped (file:line and what). */
  warnings: Problem[];
}

export interface IndexCounts {
  mainTerms: number;
  subterms: number;
  codes: number;
  see: number;
  seeAlso: number;
  cells: number;
  maxDepth: number;
}
