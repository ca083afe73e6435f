/** Today's date in the browser's time zone (YYYY-MM-DD): a pack's dates and changelog entries. */
export function todayIso(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
