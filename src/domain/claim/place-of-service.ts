/**
 * The CMS Place of Service code set: which two-digit codes are assigned. An unassigned code
 * (28–30, 35–40, 43–48, 59, 63, 64, 67–70, 73–80, 82–98, and 00) is invalid on a claim: the
 * claim is returned as unprocessable (CO-16 with MA130 and M77).
 * See: CMS Place of Service Code Set (cms.gov/medicare/coding-billing/place-of-service-codes;
 * list as of Sept 2023, as in ../shared/reference/pos); Pub. 100-04 ch. 26 §10.5; RARC M77.
 */
const ASSIGNED: ReadonlySet<string> = new Set(
  [
    [1, 27],
    [31, 34],
    [41, 42],
    [49, 58],
    [60, 62],
    [65, 66],
    [71, 72],
    [81, 81],
    [99, 99],
  ].flatMap(([a, b]) =>
    Array.from({ length: b! - a! + 1 }, (_, i) => String(a! + i).padStart(2, '0')),
  ),
);

export const POS_SOURCE = 'CMS Place of Service Code Set (September 2023); RARC M77';

/**
 * Codes assigned after the start of ICD-10 era claims, with the first date of service they may
 * be used on: 58 non-residential opioid treatment facility (2020-01-01), 10 telehealth in the
 * patient's home (2022-01-01, CMS MLN MM12427), 27 outreach site/street (2023-10-01).
 * See: CMS Place of Service Code Set (the effective date of each new code).
 */
const ASSIGNED_FROM: ReadonlyMap<string, string> = new Map([
  ['58', '2020-01-01'],
  ['10', '2022-01-01'],
  ['27', '2023-10-01'],
]);

/**
 * Whether a two-digit place of service code is assigned in the CMS code set (on `date`, an ISO
 * date of service, when given: a code is not valid before it was assigned).
 */
export const isAssignedPos = (pos: string, date?: string): boolean => {
  if (!ASSIGNED.has(pos)) return false;
  const from = date === undefined ? undefined : ASSIGNED_FROM.get(pos);
  return from === undefined || date! >= from;
};
