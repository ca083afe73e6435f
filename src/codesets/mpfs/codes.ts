/**
 * The Physician Fee Schedule's code list as a validity source: every code number in the RVU
 * file with its status indicator (rows without a pricing modifier). Pure (no node:*), shared by
 * the Node loader and the code-set worker. The status meanings are our own short wording.
 * See: CMS RVU25D PPRRVU file and its README ("Status Code" definitions), issue 10 "Procedure
 * codes are real codes".
 */
export interface PfsCode {
  code: string;
  /** PFS status indicator (A, B, C, D, E, F, G, H, I, J, M, N, P, R, T, X). */
  status: string;
}

export interface PfsCodeList {
  /** "CY2025" */
  id: string;
  year: number;
  /** Where the list came from (the RVU release), for findings. */
  source: string;
  codes: PfsCode[];
}

/** Status indicators in our own words. See: CMS PFS RVU file README, "Status Code". */
export const PFS_STATUS: Readonly<Record<string, string>> = {
  A: 'active, paid on the fee schedule',
  B: 'bundled into other services, never paid separately',
  C: 'priced by the Medicare contractor',
  D: 'deleted',
  E: 'excluded from the fee schedule by regulation',
  F: 'deleted, no grace period',
  G: 'not valid for Medicare (another code is used)',
  H: 'deleted modifier',
  I: 'not valid for Medicare (another code is used)',
  J: 'anesthesia service (paid on anesthesia units)',
  M: 'quality measurement code',
  N: 'not covered by Medicare',
  P: 'bundled or excluded (no separate payment)',
  R: 'restricted coverage',
  T: 'injection, paid only when no other service is billed',
  X: 'statutory exclusion (not a Medicare benefit)',
};

/** Statuses that mean the code no longer exists. */
export const PFS_DELETED = new Set(['D', 'F', 'H']);

/**
 * The code list from an MPFS bundle's JSON (already checked by decodeMpfsBundle): its RVU rows
 * are tuples [code, modifier, status, ...].
 */
export function pfsCodeList(raw: unknown): PfsCodeList | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const b = raw as { year?: unknown; source?: unknown; rvus?: unknown };
  if (typeof b.year !== 'number' || !Array.isArray(b.rvus)) return null;
  const codes: PfsCode[] = [];
  for (const r of b.rvus as unknown[]) {
    if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[2] !== 'string') continue;
    if (r[1]) continue; // 26/TC/53 rows repeat the code
    codes.push({ code: r[0], status: r[2] });
  }
  return {
    id: `CY${b.year}`,
    year: b.year,
    source: typeof b.source === 'string' ? b.source : `CMS PFS CY${b.year}`,
    codes,
  };
}
