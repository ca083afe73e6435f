/**
 * The code catalog seen by edits, scoring, the encoder and the payer: one interface served
 * by the starter set (committed) or by the official bundles (built from ../shared/reference).
 * Everything is asked for a date of service: codes are valid by date.
 */
import type { Result } from '../result';

export interface IcdEntry {
  /** Dotless, upper case: "E119". */
  code: string;
  billable: boolean;
  short: string;
  long: string;
}

export interface SeventhCharacterRule {
  /** Character -> meaning, e.g. { A: 'initial encounter', D: 'subsequent encounter', S: 'sequela' }. */
  characters: Record<string, string>;
  /** Dotless code whose tabular note defines the rule (the code itself or an ancestor). */
  definedAt: string;
  /** Release whose tabular the rule came from, e.g. "FY2021" when the current year has no tabular. */
  source: string;
}

export interface IcdNote {
  kind:
    | 'inclusionTerm'
    | 'includes'
    | 'excludes1'
    | 'excludes2'
    | 'codeFirst'
    | 'useAdditionalCode'
    | 'codeAlso'
    | 'notes';
  text: string;
  /** Dotless code the note is attached to (the code or an ancestor). */
  at: string;
  /** Release whose tabular the note came from. */
  source: string;
  /**
   * Codes the note refers to, parsed from its text (`E10.-`, `O10-O11`, `E08-E13 with .42`):
   * dotless prefixes; a code matches when its prefix of the same length lies in [from, to].
   * Absent when the note names no code. See: src/domain/codes/release/targets.ts.
   */
  targets?: { from: string; to: string }[];
}

export interface IcdRelease {
  /** "FY2026" */
  id: string;
  /** First and last date of service (inclusive, ISO) the release covers. */
  from: string;
  to: string;
  /** Where the data came from: "starter" or "official". */
  origin: 'starter' | 'official';
  /** Release of the tabular notes used (may be an earlier year), or null when none loaded. */
  notesRelease: string | null;
  /**
   * False when the release's data is not at hand and cannot be read without I/O (the browser
   * worker decodes only the releases a request's dates need). Absent means always ready.
   */
  ready?(): boolean;
  /**
   * For a code a mid-year update (January or April) added to this release: its effective date
   * and where that comes from. Before that date the code is not valid.
   */
  midYear?(
    code: string,
  ): { kind: 'added' | 'became-header'; effective: string; source: string } | undefined;
  size(): number;
  get(code: string): IcdEntry | undefined;
  /** Immediate children (dotless), empty for a billable leaf or unknown code. */
  children(code: string): string[];
  parent(code: string): string | undefined;
  /** The 7th-character rule that applies to a code (from it or an ancestor), if any. */
  seventh(code: string): SeventhCharacterRule | undefined;
  /** Notes on the code and its ancestors (nearest first). */
  notes(code: string): IcdNote[];
  entries(): Iterable<IcdEntry>;
}

export interface ProcedureEntry {
  code: string;
  system: 'CPT' | 'HCPCS';
  display: string;
  /** ISO dates; null when open. */
  effective: string | null;
  terminated: string | null;
  /** True when our own wording (CPT descriptors are AMA copyright). */
  ownWording: boolean;
  /** PFS status indicator when the code is on the fee schedule's code list (A, C, I, N, X…). */
  status?: string;
  /** The list the code was found in: "HCPCS 2026", "CMS PFS CY2025 code list", "starter set". */
  source?: string;
}

/**
 * A procedure code judged on a date: valid (entry) or not, and the list the verdict came from.
 * `covers` is false when that list is for another year than the date of service (the newest or
 * only list on hand): later additions and deletions are then unknown, and findings say so.
 */
export interface ProcedureVerdict {
  entry?: ProcedureEntry;
  /** "HCPCS 2026 file", "CMS PFS CY2025 code list", "starter set". */
  list: string;
  covers: boolean;
  /**
   * The HCPCS file on hand when it is older than the date of service (validity of a Level II
   * code is then partly unknown): findings name it. See: issue 10.
   */
  gap?: string;
  /** Set when the code exists but not on this date. */
  effective?: string;
  terminated?: string;
}

export interface ModifierEntry {
  code: string;
  display: string;
  effective: string | null;
  terminated: string | null;
}

export interface CodeCatalog {
  /** Describes what is loaded, for the UI status line and CLI output. */
  describe(): string;
  /** The ICD-10-CM release in effect on the date, or an error naming the date and loaded range. */
  icd10(date: string): Result<IcdRelease>;
  procedure(code: string, date: string): ProcedureEntry | undefined;
  /** The verdict on a procedure code for a date, naming the list it was judged on. */
  procedureOn?(code: string, date: string): ProcedureVerdict;
  /** Every procedure code the catalog knows for the date (CPT from the PFS list, HCPCS). */
  procedures?(date: string): ProcedureEntry[];
  /** Every modifier the catalog knows for the date. */
  modifiers?(date: string): ModifierEntry[];
  modifier(code: string, date: string): ModifierEntry | undefined;
  releases(): IcdRelease[];
  /** Medicare Code Editor age/sex lists for a diagnosis (official bundles only). */
  mce?(code: string, date?: string): MceEdits | undefined;
  /** The fiscal years of the MCE lists loaded. */
  mceYears?(date?: string): MceYears;
  /** Place-of-service code (official bundles only). */
  placeOfService?(code: string): PlaceOfService | undefined;
}

/** MCE edits on a diagnosis. See: CMS Medicare Code Editor, edits 4 (age) and 5 (sex). */
export interface MceEdits {
  /** Newborn 0, pediatric 0–17, maternity 9–64, adult 15–124 (years). */
  age?: 'newborn' | 'pediatric' | 'maternity' | 'adult';
  sex?: 'M' | 'F';
  /** Manifestation code: never principal/first-listed (MCE edit 6). */
  manifestation?: boolean;
  /** MCE version the lists came from, e.g. "MCE v37 (FY2020)". */
  source: string;
}

/**
 * Which MCE lists answer for a date of service. The age lists of each release on hand apply to
 * their own fiscal year; a year with none takes the newest list before it (or, before the
 * oldest list, the oldest), and the edit says so. See: issue 10 "MCE age and sex edits".
 */

/** Fiscal years the MCE age and sex lists were made for: codes created later are not on them. */
export interface MceYears {
  age?: number;
  sex?: number;
  /** The age list's MCE version ("v37", "v43 (FY2026, derived)"), when known. */
  ageVersion?: string;
}

export interface PlaceOfService {
  code: string;
  name: string;
  description: string;
  /** Facility places of service take the facility PE RVU. */
  facility: boolean;
}
