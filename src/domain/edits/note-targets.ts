/**
 * The codes a tabular note names. The official bundles carry them parsed (IcdNote.targets,
 * from src/codesets/icd/note-refs.ts, which handles every form in the tabular); for notes
 * without them this minimal reader takes the plain forms in parentheses: `E10.-`, `N18.1`,
 * `O10-O11`, `N18.1-N18.6`. Qualified forms ("E08-E13 with .42") are left to the importer.
 * See: DOMAIN.md §2 (note references), ICD-10-CM Official Guidelines FY2026 §I.A.12–13.
 */
import type { IcdNote } from '../codes/catalog';
import { matchesTarget, type CodeTarget } from '../codes/release/targets';

export type NoteWithTargets = IcdNote & { targets?: CodeTarget[] };

const REF =
  /([A-Z]\d[0-9A-Z])(?:\.([0-9A-Z]{0,4}))?(?:\s*-\s*([A-Z]\d[0-9A-Z])(?:\.([0-9A-Z]{0,4}))?)?-?/g;
const cache = new WeakMap<IcdNote, CodeTarget[]>();

export function noteTargets(note: NoteWithTargets): CodeTarget[] {
  if (note.targets) return note.targets;
  const hit = cache.get(note);
  if (hit) return hit;
  const out: CodeTarget[] = [];
  for (const paren of note.text.match(/\(([^)]*)\)/g) ?? []) {
    for (const m of paren.matchAll(REF)) {
      const from = (m[1] ?? '') + (m[2] ?? '');
      const to = m[3] ? m[3] + (m[4] ?? '') : from;
      if (from && to >= from.slice(0, to.length)) out.push({ from, to });
    }
  }
  cache.set(note, out);
  return out;
}

/** Same rule as matchesTarget, for a key that is already dotless and upper case (hot path). */
function matchesKey(key: string, t: CodeTarget): boolean {
  if (key.length < t.from.length) return false;
  return key.slice(0, t.from.length) >= t.from && key.slice(0, t.to.length) <= t.to;
}

/** Whether the note names the code; `key` must be dotless upper case (icdKey). */
export const noteMatches = (note: NoteWithTargets, key: string): boolean => {
  for (const t of noteTargets(note)) if (matchesKey(key, t)) return true;
  return false;
};

export { matchesTarget };
