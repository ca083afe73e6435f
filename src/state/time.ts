/** Wall-clock milliseconds as an ISO date-time (for stored records; never used by the simulation). */
export const isoAt = (ms: number): string => new Date(ms).toISOString();
