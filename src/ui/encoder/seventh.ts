/**
 * Assembles a code with its 7th character, filling the placeholder X up to six characters.
 * See: ICD-10-CM Official Guidelines FY2026 I.A.4 (placeholder X) and I.A.5 (7th characters):
 * W21.89 + A = W21.89XA, never W21.89A.
 */
import { icdDisplay, icdKey } from '../../domain/codes/code';

export function withSeventh(code: string, character: string): string {
  const base = icdKey(code);
  const ch = character.trim().toUpperCase();
  if (!/^[A-Z0-9]$/.test(ch))
    throw new Error(`7th character must be one letter or digit, got "${character}"`);
  if (base.length >= 7) throw new Error(`${icdDisplay(code)} already has 7 characters`);
  return icdDisplay(base.padEnd(6, 'X') + ch);
}

/** Placeholders the assembled code needs (shown to the trainee: "adds 1 placeholder X"). */
export const placeholdersNeeded = (code: string): number => Math.max(0, 6 - icdKey(code).length);
