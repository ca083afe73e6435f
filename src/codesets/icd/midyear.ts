/**
 * Mid-year ICD-10-CM updates: codes CDC/NCHS added on January 1 or April 1, inside a fiscal
 * year. The order file of the update carries them with no date of their own, so a release built
 * from it would accept them from October 1: this table gives their effective dates. Code numbers
 * and dates are public (CDC/NCHS); each group cites its announcement. Only updates whose codes
 * the reference files confirm are listed: test/codesets/midyear.test.ts checks that each code is
 * in its release and not among that release's October additions (its addenda).
 * See: issue 10 "Mid-year ICD-10-CM updates count"; ICD-10-CM Official Guidelines §I.A.
 */
export interface MidYearUpdate {
  /** Release the update belongs to ("FY2021"). */
  release: string;
  effective: string;
  /** Dotless codes the update added. */
  codes: string[];
  /** Codes that were billable before the update and became headers with it. */
  becameHeaders: string[];
  source: string;
}

export const MID_YEAR_UPDATES: readonly MidYearUpdate[] = [
  {
    release: 'FY2020',
    effective: '2020-04-01',
    codes: ['U071'],
    becameHeaders: [],
    source:
      'CDC/NCHS, ICD-10-CM April 1, 2020 update: U07.1 COVID-19 (announced 2020-03-18); in the FY2021 release from October 2020',
  },
  {
    release: 'FY2021',
    effective: '2021-01-01',
    codes: ['J1282', 'M3581', 'M3589', 'Z1152', 'Z20822', 'Z8616'],
    becameHeaders: ['M358'],
    source:
      'CDC/NCHS, ICD-10-CM January 1, 2021 update (COVID-19 related codes); the January 2021 order file (icd10cm-order-Jan-2021.txt) holds them, the October 2020 addenda do not',
  },
];

export interface MidYearChange {
  /** 'added': not valid before `effective`; 'became-header': billable before `effective`. */
  kind: 'added' | 'became-header';
  effective: string;
  source: string;
}

const byRelease = new Map<string, Map<string, MidYearChange>>();
for (const u of MID_YEAR_UPDATES) {
  const m = byRelease.get(u.release) ?? new Map<string, MidYearChange>();
  const at = { effective: u.effective, source: u.source };
  for (const c of u.codes) m.set(c, { kind: 'added', ...at });
  for (const c of u.becameHeaders) m.set(c, { kind: 'became-header', ...at });
  byRelease.set(u.release, m);
}

/** What a mid-year update changed about a code in a release, if anything. */
export function midYearUpdate(release: string, code: string): MidYearChange | undefined {
  return byRelease.get(release)?.get(code);
}
