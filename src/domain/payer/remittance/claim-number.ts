/** The payer's claim number, derived from a seed so the same claim gets the same number. */
import { hash32 } from '../../random/seeded';
import { dayOfYear } from '../../time/calendar';

/**
 * A payer claim number shaped like a Medicare ICN (13 digits: 2-digit region, 2-digit year,
 * 3-digit Julian day, 3-digit batch, 3-digit sequence) for Medicare; other payers get a
 * letter prefix and 12 digits. See: Medicare Claims Processing Manual ch. 1 §80.2.1.1 (ICN).
 */
export function payerClaimNumber(
  kind: string,
  seed: number,
  claimId: string,
  receivedDate: string,
): string {
  const h = hash32(`${seed}|${claimId}|${receivedDate}`);
  // Two independent 3-digit parts from one hash (a second multiplicative mix for the sequence).
  const h2 = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  const ddd = String(dayOfYear(receivedDate)).padStart(3, '0');
  const yy = receivedDate.slice(2, 4);
  const batch = String(h % 1000).padStart(3, '0');
  const seq = String(h2 % 1000).padStart(3, '0');
  if (kind === 'medicare') return `${10 + (h % 90)}${yy}${ddd}${batch}${seq}`;
  return `${kind === 'medicaid' ? 'M' : 'C'}${yy}${ddd}${batch}${seq}${h2 % 10}`;
}
