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

/** Whether a two-digit place of service code is assigned in the CMS code set. */
export const isAssignedPos = (pos: string): boolean => ASSIGNED.has(pos);
