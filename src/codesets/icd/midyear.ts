/**
 * Mid-year ICD-10-CM updates: codes CDC/NCHS added on January 1 or April 1, inside a fiscal
 * year. No file on hand carries a mid-year date: the order files have no date column, the
 * addenda list the October changes only, and a release built from a mid-year order file (FY2021
 * from January 2021) or from the October tabular (FY2023) holds the codes with no date or not at
 * all. So this table is curated (`basis: 'curated'`): code numbers and dates are public
 * (CDC/NCHS), each update cites its announcement, and test/codesets/midyear.test.ts checks every
 * code against the files: in a later order file, absent from the release's October files (its
 * addenda or October tabular), and each became-header billable before and a header after.
 * A release that lacks an added code (FY2023, built from the October 2022 tabular) takes its
 * entry from the newest later release that has it (official-catalog.ts), from the effective date.
 * The update's counts are checked too: FY2023 73,639 codes + 42 − 7 = 73,674; + the FY2024
 * October 395 − 25 = 74,044 (FY2024); + 252 − 36 = 74,260 (FY2025, as the FY2026 addenda state),
 * so there were no other mid-year additions between April 2023 and October 2025.
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
  /** 'curated': dates from the cited announcement, no file on hand gives them. */
  basis: 'curated';
  source: string;
}

export const MID_YEAR_UPDATES: readonly MidYearUpdate[] = [
  {
    release: 'FY2020',
    effective: '2020-04-01',
    codes: ['U071'],
    becameHeaders: [],
    basis: 'curated',
    source:
      'curated from CDC/NCHS, ICD-10-CM April 1, 2020 update: U07.1 COVID-19 (announced 2020-03-18); in the FY2021 release from October 2020',
  },
  {
    release: 'FY2021',
    effective: '2021-01-01',
    codes: ['J1282', 'M3581', 'M3589', 'Z1152', 'Z20822', 'Z8616'],
    becameHeaders: ['M358'],
    basis: 'curated',
    source:
      'curated from CDC/NCHS, ICD-10-CM January 1, 2021 update (COVID-19 related codes); the January 2021 order file (icd10cm-order-Jan-2021.txt) holds them, the October 2020 addenda do not',
  },
  {
    release: 'FY2023',
    effective: '2023-04-01',
    // 42 codes (and their new headers): financial abuse T74.A-/T76.A-, perpetrators of
    // maltreatment Y07.0-/Y07.4-/Y07.54, health literacy Z55.6, physical environment Z58.8-,
    // inadequate housing Z59.1-, personal history of abuse Z62.81-/Z91.41-, noncompliance
    // Z91.14-/Z91.A4-. The seven codes deleted were made headers.
    codes: [
      ...['T74A', 'T76A'].flatMap((c) => [
        c,
        `${c}1`,
        `${c}2`,
        ...['1', '2'].flatMap((n) => ['A', 'D', 'S'].map((x) => `${c}${n}X${x}`)),
      ]),
      ...['Y07010', 'Y07011', 'Y07020', 'Y07021', 'Y07030', 'Y07031', 'Y07040', 'Y07041'],
      ...['Y0705', 'Y07050', 'Y07051', 'Y0744', 'Y0745', 'Y0746', 'Y0747', 'Y0754'],
      ...['Z556', 'Z588', 'Z5881', 'Z5889', 'Z5910', 'Z5911', 'Z5912', 'Z5919'],
      ...['Z62814', 'Z62815', 'Z91141', 'Z91148', 'Z91A41', 'Z91A48', 'Z91413', 'Z91414'],
    ],
    becameHeaders: ['Y0701', 'Y0702', 'Y0703', 'Y0704', 'Z591', 'Z9114', 'Z91A4'],
    basis: 'curated',
    source:
      'curated from CDC/NCHS, ICD-10-CM April 1, 2023 update (42 additions, 7 deletions; the first regular April update, cdc.gov/nchs/icd/icd-10-cm and CMS "2023 ICD-10-CM" April 1, 2023 files); no file on hand dates it: the FY2023 tabular is the October 2022 release, the later order files hold the codes undated',
  },
];

export interface MidYearChange {
  /** 'added': not valid before `effective`; 'became-header': billable before `effective`. */
  kind: 'added' | 'became-header';
  effective: string;
  source: string;
}

/** The codes mid-year updates added to a release (dotless), for releases that lack them. */
export function midYearAdded(release: string): string[] {
  return MID_YEAR_UPDATES.filter((u) => u.release === release).flatMap((u) => u.codes);
}

const byRelease = new Map<string, Map<string, MidYearChange>>();
for (const u of MID_YEAR_UPDATES) {
  const m = byRelease.get(u.release) ?? new Map<string, MidYearChange>();
  const at = { effective: u.effective, source: u.source };
  for (const c of u.codes) m.set(c, { kind: 'added', ...at });
  for (const c of u.becameHeaders) m.set(c, { kind: 'became-header', ...at });
  byRelease.set(u.release, m);
}

/** Codes a mid-year update added, by code: the update that added each (the earliest). */
const addedBy = new Map<string, MidYearChange & { release: string }>();
for (const u of MID_YEAR_UPDATES)
  for (const c of u.codes)
    if (!addedBy.has(c))
      addedBy.set(c, {
        kind: 'added',
        effective: u.effective,
        source: u.source,
        release: u.release,
      });

/**
 * What a mid-year update changed about a code in a release, if anything; for a code an earlier
 * fiscal year's update added (U07.1, April 2020), that addition, so a later release carries the
 * date the code started (a date in the unloaded year before it is judged by it: validity.ts).
 */
export function midYearUpdate(release: string, code: string): MidYearChange | undefined {
  const own = byRelease.get(release)?.get(code);
  if (own) return own;
  const a = addedBy.get(code);
  return a && a.release < release
    ? { kind: 'added', effective: a.effective, source: a.source }
    : undefined;
}
