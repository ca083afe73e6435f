/** Date arithmetic for the simulated clock: ISO dates in, ISO dates out, UTC so no time zone can shift a day. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) return iso;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
