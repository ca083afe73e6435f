/**
 * Seeded randomness and payer claim numbers: the same seed and claim give the same result,
 * byte for byte (STYLE.md habit 6).
 */

import { dayOfYear } from './calendar';

/** FNV-1a 32-bit hash of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, well-distributed seeded generator returning [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
