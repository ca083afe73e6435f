/**
 * Service categories for member cost sharing, by code range. Plans state copays and whether the
 * deductible applies per category (office visit, preventive at $0, lab...).
 * Pathology and laboratory codes (80047–89398) are 'lab' (no deductible or coinsurance at
 * Medicare) only when paid from the Clinical Laboratory Fee Schedule, i.e. not priced under the
 * PFS (no RVU row, or PFS status X): anatomic pathology such as 88305 has PFS status A and takes
 * the deductible and 20% like any physician service. Waived preventive services come from the
 * dated list in preventive.ts.
 * See: Medicare Claims Processing Manual (Pub. 100-04) ch. 16 §30 (no deductible or
 * coinsurance for clinical lab tests on the lab fee schedule) and ch. 12 §60 (pathology under
 * the PFS); ch. 18 (preventive services); CMS RVU file read-me ("Status Code").
 */
import type { ServiceCategory } from '../profile';
import { MEDICARE_PREVENTIVE, preventiveEntry } from './preventive';

interface Range {
  from: string;
  to: string;
  category: ServiceCategory;
}

// Ordered: the first range that contains the code wins. Codes compare as strings of equal length.
const RANGES: readonly Range[] = [
  { from: '99202', to: '99215', category: 'office-visit' },
  { from: '99241', to: '99245', category: 'specialist-visit' },
  { from: '99381', to: '99397', category: 'preventive' },
  { from: '90476', to: '90759', category: 'vaccine' },
  { from: '36415', to: '36416', category: 'lab' },
  { from: '80047', to: '89398', category: 'lab' },
  { from: '93000', to: '93010', category: 'diagnostic' },
  { from: '70010', to: '79999', category: 'diagnostic' },
  { from: '10004', to: '69990', category: 'procedure' },
  { from: '96360', to: '96379', category: 'procedure' },
];

const memo = new Map<string, ServiceCategory>();

/** PFS statuses paid under the physician fee schedule (so not a CLFS lab test). */
const PFS_PAYABLE = new Set(['A', 'R', 'T']);

const NONE: readonly string[] = [];

/**
 * The cost-sharing category of a line: `modifiers` and `date` (ISO) for the dated preventive
 * list, `pfsStatus` = the PFS status of the RVU row when the line was priced from the MPFS.
 */
export function serviceCategory(
  code: string,
  modifiers: readonly string[] = NONE,
  date = '9999-12-31',
  pfsStatus: string | null = null,
): ServiceCategory {
  if (preventiveEntry(code, modifiers, date)) return 'preventive';
  const cat = rangeCategory(code);
  // Pathology priced under the PFS (status A/R/T) is a physician service, not a CLFS test.
  if (cat === 'lab' && pfsStatus !== null && PFS_PAYABLE.has(pfsStatus)) return 'diagnostic';
  return cat;
}

/**
 * Screening tests on the Medicare preventive list (`screeningTest` in preventive.ts: mammography, colorectal screening, AAA and
 * lung screening, bone mass measurement, CT colonography). Medicare waives cost sharing on them
 * by statute whatever the diagnosis; a commercial plan's ACA waiver covers the USPSTF
 * screening, i.e. the test billed for a screening encounter (a Z code), not the same test for a
 * diagnosed condition or a sign (ICD-10-CM Guidelines I.C.21.c.5), which takes the plan's
 * ordinary cost sharing.
 * See: 45 CFR 147.130(a)(1)(i); PHS Act §2713; ICD-10-CM Official Guidelines I.C.21.c.5.
 */
const SCREENING_TESTS: ReadonlySet<string> = new Set(
  MEDICARE_PREVENTIVE.filter((e) => e.screeningTest).flatMap((e) => e.codes),
);

/**
 * The cost-sharing category at a non-Medicare plan: as `serviceCategory`, except that a
 * screening test billed for a diagnosis other than a Z code (`dx`, the line's first-pointed
 * diagnosis) is not preventive there.
 */
export function planServiceCategory(
  code: string,
  modifiers: readonly string[],
  date: string,
  pfsStatus: string | null,
  dx: string | undefined,
): ServiceCategory {
  const cat = serviceCategory(code, modifiers, date, pfsStatus);
  if (cat !== 'preventive' || dx === undefined || /^Z/i.test(dx)) return cat;
  if (!SCREENING_TESTS.has(code.toUpperCase())) return cat;
  const range = rangeCategory(code);
  return range === 'lab' && pfsStatus !== null && PFS_PAYABLE.has(pfsStatus) ? 'diagnostic' : range;
}

function rangeCategory(code: string): ServiceCategory {
  const hit = memo.get(code);
  if (hit) return hit;
  const c = code.toUpperCase();
  let cat: ServiceCategory = 'other';
  for (const r of RANGES)
    if (c.length === r.from.length && c >= r.from && c <= r.to) {
      cat = r.category;
      break;
    }
  if (memo.size < 50_000) memo.set(code, cat);
  return cat;
}
