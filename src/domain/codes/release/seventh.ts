/**
 * 7th-character and placeholder-X check for one code in one release, for edits and the
 * encoder. The release's code list is the authority on which full codes exist; its
 * 7th-character rule (from the tabular, possibly an earlier year) gives the meanings.
 * See: ICD-10-CM Official Guidelines FY2026 Section I.A.5 (7th characters) and I.A.4
 * (placeholder X: W21.89 + A = W21.89XA, not W21.89A).
 */
import type { IcdRelease, SeventhCharacterRule } from '../catalog';
import { icdDisplay, icdKey } from '../code';

export type SeventhCheck =
  /** Billable as written; `meaning` is the 7th character's meaning when it has one. */
  | { kind: 'ok'; rule?: SeventhCharacterRule; meaning?: string }
  /** The code needs a 7th character: the full codes it may become (with placeholder X). */
  | { kind: 'missing'; suggestion: string[]; rule: SeventhCharacterRule }
  /** A 7th character was given without the placeholder X: W21.89A for W21.89XA. */
  | { kind: 'placeholder-missing'; suggestion: string; rule?: SeventhCharacterRule }
  /** A 7th character the rule does not allow for this code (W21.89XZ; S06.0X7D). */
  | { kind: 'invalid-character'; character: string; allowed: string[]; rule: SeventhCharacterRule }
  /** A header with children that are not 7th-character codes: not billable (report a child). */
  | { kind: 'header'; children: string[] }
  /** Not in the release at all. */
  | { kind: 'unknown' };

export function checkSeventh(release: IcdRelease, raw: string): SeventhCheck {
  const k = icdKey(raw);
  const e = release.get(k);
  const rule = release.seventh(k);
  if (e?.billable) {
    const meaning = k.length === 7 && rule ? rule.characters[k.charAt(6)] : undefined;
    return { kind: 'ok', ...(rule ? { rule } : {}), ...(meaning ? { meaning } : {}) };
  }
  // Needs a 7th character: the code padded with X to six characters, plus each allowed one.
  // Only when nothing shorter than 7 characters subdivides it: S52.5 and S52.50 are headers
  // (S52.5XXA does not exist). See: Guidelines FY2026 §I.A.4 (placeholder X) and §I.A.5.
  const complete = !!e && release.children(k).every((c) => c.length >= 7);
  if (rule && k.length <= 6 && (complete || !e)) {
    const p6 = k.padEnd(6, 'X');
    const suggestion = Object.keys(rule.characters)
      .map((ch) => p6 + ch)
      .filter((c) => release.get(c)?.billable)
      .map(icdDisplay);
    if (suggestion.length) return { kind: 'missing', suggestion, rule };
  }
  if (e) return { kind: 'header', children: release.children(k).map(icdDisplay) };
  // A 7th character written straight after a code shorter than six characters.
  if (k.length >= 4 && k.length <= 6) {
    const cand = k.slice(0, -1).padEnd(6, 'X') + k.charAt(k.length - 1);
    if (release.get(cand)?.billable) {
      const r = release.seventh(cand);
      return {
        kind: 'placeholder-missing',
        suggestion: icdDisplay(cand),
        ...(r ? { rule: r } : {}),
      };
    }
  }
  if (k.length === 7 && rule) {
    const p6 = k.slice(0, 6);
    const allowed = Object.keys(rule.characters).filter((ch) => release.get(p6 + ch)?.billable);
    if (allowed.length) return { kind: 'invalid-character', character: k.charAt(6), allowed, rule };
  }
  return { kind: 'unknown' };
}
