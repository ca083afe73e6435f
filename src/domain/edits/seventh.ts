/**
 * 7th-character and placeholder-X diagnosis for a code that is not billable as entered.
 * Minimal local version (the codesets helper is adding src/domain/codes/release/seventh.ts;
 * this one only uses the IcdRelease interface: get, children, seventh).
 * See: ICD-10-CM Official Guidelines FY2026 §I.A.4 (placeholder X: W21.89 + A = W21.89XA)
 * and §I.A.5 (7th characters are required where the tabular says so).
 */
import type { IcdRelease } from '../codes/catalog';
import { icdDisplay } from '../codes/code';

export interface SeventhProblem {
  kind: 'missing' | 'placeholder' | 'bad-character';
  message: string;
  suggestion?: string;
  /** Where the rule came from (tabular year or the order file's children). */
  source: string;
}

interface Options {
  stem: string;
  chars: Record<string, string>;
  source: string;
}

/** The 7th-character rule for a 6-character stem: from the tabular note, else from the children. */
function optionsFor(release: IcdRelease, stem: string, via: string): Options | null {
  const rule = release.seventh(stem) ?? release.seventh(via);
  const kids = release.children(via).filter((k) => k.length === 7 && k.startsWith(stem));
  const fromKids: Record<string, string> = {};
  for (const k of kids) fromKids[k.slice(6)] = release.get(k)?.short ?? '';
  if (rule) {
    // Only characters that exist as codes when the release lists the children.
    const chars = kids.length
      ? Object.fromEntries(Object.entries(rule.characters).filter(([c]) => c in fromKids))
      : rule.characters;
    return {
      stem,
      chars,
      source: `7th characters defined at ${icdDisplay(rule.definedAt)} in the ${rule.source} tabular`,
    };
  }
  if (kids.length && kids.length === release.children(via).length)
    return {
      stem,
      chars: fromKids,
      source: `ICD-10-CM ${release.id} codes under ${icdDisplay(via)}`,
    };
  return null;
}

function listChars(o: Options): string {
  return Object.entries(o.chars)
    .slice(0, 8)
    .map(([c, m]) =>
      m && m.length <= 80 ? `${icdDisplay(o.stem + c)} (${m})` : icdDisplay(o.stem + c),
    )
    .join(', ');
}

const preferred = (o: Options): string | undefined =>
  'A' in o.chars ? 'A' : Object.keys(o.chars)[0];

/**
 * Whether a code is complete but for its 7th character: it exists and has no subdivisions
 * short of 7 characters. S52.5 and S52.50 have children (S52.50, S52.501), so they are headers
 * to subdivide, not codes to pad with X (S52.5XXA does not exist).
 * See: ICD-10-CM Official Guidelines FY2026 §I.A.4 (X is a placeholder only where a code has
 * no further subdivision) and §I.A.3 (headers are not reported).
 */
export function completeBeforeSeventh(release: IcdRelease, key: string): boolean {
  return !!release.get(key) && release.children(key).every((k) => k.length >= 7);
}

export function seventhInfo(release: IcdRelease, key: string): SeventhProblem | null {
  const shown = icdDisplay(key);
  // 1. Complete but for the 7th character: S52.501, W21.89, T36.0X1.
  if (key.length < 7) {
    const stem = key.padEnd(6, 'X');
    const o = completeBeforeSeventh(release, key) ? optionsFor(release, stem, key) : null;
    const ch = o ? preferred(o) : undefined;
    if (o && ch) {
      const x = stem !== key ? ` with the placeholder X (${icdDisplay(stem)})` : '';
      return {
        kind: 'missing',
        message: `${shown} needs a 7th character${x}; the code is incomplete without it. Options: ${listChars(o)}.`,
        suggestion: icdDisplay(stem + ch),
        source: o.source,
      };
    }
  }
  // 2. A 7th character typed without the placeholder X: W21.89A -> W21.89XA.
  if (key.length >= 5 && key.length < 7) {
    const fixed = key.slice(0, -1).padEnd(6, 'X') + key.slice(-1);
    if (release.get(fixed)?.billable) {
      return {
        kind: 'placeholder',
        message: `${shown} is missing the placeholder X: the 7th character must be in the 7th position, so the code is ${icdDisplay(fixed)}.`,
        suggestion: icdDisplay(fixed),
        source: `ICD-10-CM ${release.id}`,
      };
    }
  }
  // 3. A 7th character that the code does not take: S52.501Z.
  if (key.length === 7) {
    const stem = key.slice(0, 6);
    const short = stem.replace(/X+$/, '');
    const parent = release.get(stem)
      ? stem
      : short !== stem && completeBeforeSeventh(release, short)
        ? short
        : null;
    const o = parent ? optionsFor(release, stem, parent) : null;
    if (o && Object.keys(o.chars).length) {
      const ch = preferred(o);
      return {
        kind: 'bad-character',
        message: `"${key.slice(6)}" is not a valid 7th character for ${icdDisplay(stem)}. Options: ${listChars(o)}.`,
        ...(ch ? { suggestion: icdDisplay(stem + ch) } : {}),
        source: o.source,
      };
    }
  }
  return null;
}
