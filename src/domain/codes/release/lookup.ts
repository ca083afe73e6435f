/**
 * Everything one release says about one code, for `codes lookup`, the worker and the encoder:
 * exists, billable, descriptions, parents and children, notes (with the year they came from),
 * the 7th-character rule and the placeholder-X check.
 */
import type { IcdNote, IcdRelease, SeventhCharacterRule } from '../catalog';
import { icdDisplay, icdKey } from '../code';
import { checkSeventh, type SeventhCheck } from './seventh';

export interface CodeLookup {
  code: string;
  release: string;
  releaseRange: { from: string; to: string };
  origin: IcdRelease['origin'];
  exists: boolean;
  billable: boolean;
  description: string | null;
  short: string | null;
  parents: { code: string; display: string }[];
  children: { code: string; display: string; billable: boolean }[];
  seventh: SeventhCharacterRule | null;
  check: SeventhCheck;
  notes: IcdNote[];
  notesRelease: string | null;
  /**
   * A mid-year (January/April) update that added the code or made it a header, with its
   * effective date and source; with a date, `billable` is as of that date.
   */
  midYear?: { kind: 'added' | 'became-header'; effective: string; source: string };
}

export function lookupCode(rel: IcdRelease, raw: string, date?: string): CodeLookup {
  const k = icdKey(raw);
  const e = rel.get(k);
  const mid = k.length >= 3 ? rel.midYear?.(k) : undefined;
  // On a date before the update: an added code is not valid yet, a new header still billable.
  const before = !!mid && !!date && date < mid.effective;
  const billable = before ? mid.kind === 'became-header' : (e?.billable ?? false);
  const parents: { code: string; display: string }[] = [];
  let p = e ? rel.parent(k) : undefined;
  if (!e)
    for (let n = k.length - 1; n >= 3 && !p; n--) if (rel.get(k.slice(0, n))) p = k.slice(0, n);
  for (; p; p = rel.parent(p))
    parents.unshift({ code: icdDisplay(p), display: rel.get(p)?.long ?? '' });
  return {
    code: icdDisplay(k),
    release: rel.id,
    releaseRange: { from: rel.from, to: rel.to },
    origin: rel.origin,
    exists: !!e,
    billable,
    description: e?.long ?? null,
    short: e?.short ?? null,
    parents,
    children: e
      ? rel.children(k).map((c) => ({
          code: icdDisplay(c),
          display: rel.get(c)?.long ?? '',
          billable: rel.get(c)?.billable ?? false,
        }))
      : [],
    seventh: rel.seventh(k) ?? null,
    check: checkSeventh(rel, k),
    notes: e
      ? rel
          .notes(k)
          .map((n) => ({ ...n, at: /^[A-Z][0-9A-Z]{2,6}$/.test(n.at) ? icdDisplay(n.at) : n.at }))
      : [],
    notesRelease: rel.notesRelease,
    ...(mid ? { midYear: mid } : {}),
  };
}

/** One line saying what is wrong with the code, or '' when it is billable as written. */
export function describeCheck(c: SeventhCheck): string {
  switch (c.kind) {
    case 'ok':
      return '';
    case 'missing':
      return `needs a 7th character: ${c.suggestion.join(', ')}`;
    case 'placeholder-missing':
      return `invalid: the placeholder X is missing; did you mean ${c.suggestion}?`;
    case 'invalid-character':
      return `invalid 7th character "${c.character}" here; allowed: ${c.allowed.join(', ')}`;
    case 'header':
      return `a header, not billable: report one of ${c.children.join(', ')}`;
    case 'unknown':
      return 'not in this release';
  }
}
