/**
 * Per-release memo of what the edits ask about a diagnosis code (entry, tabular notes, MCE
 * flags, manifestation). A scrub of thousands of claims asks about the same few hundred codes;
 * looking notes up again (ancestors, block and chapter notes) dominated the run time.
 */
import type { CodeCatalog, IcdEntry, IcdNote, IcdRelease, MceEdits } from '../codes/catalog';
import { icdKey } from '../codes/code';

export interface DxInfo {
  entry: IcdEntry | undefined;
  notes: IcdNote[];
  /** The notes by kind, for the convention edits. */
  excludes1: IcdNote[];
  codeFirst: IcdNote[];
  useAdditional: IcdNote[];
  /** "Use additional code" notes on the code or its category (not block/chapter reminders), grouped by where they are attached. */
  useAdditionalGroups: IcdNote[][];
  mce: MceEdits | undefined;
  manifestation: boolean;
}

const MANIFESTATION = /in (other )?diseases classified elsewhere/i;
/** Notes attached to a category or code, as opposed to a block ("I10-I16") or a chapter. */
const CODE_AT = /^[A-Z]\d[0-9A-Z]{1,5}$/;

function groupByAt(notes: IcdNote[]): IcdNote[][] {
  const m = new Map<string, IcdNote[]>();
  for (const n of notes) m.set(n.at, [...(m.get(n.at) ?? []), n]);
  return [...m.values()];
}

const keys = new Map<string, string>();
/** icdKey, memoised: the same few codes are keyed for every family of every claim. */
export function keyOf(raw: string): string {
  let k = keys.get(raw);
  if (k === undefined) {
    if (keys.size > 50_000) keys.clear();
    k = icdKey(raw);
    keys.set(raw, k);
  }
  return k;
}
const memo = new WeakMap<IcdRelease, Map<string, DxInfo>>();

export function dxInfo(release: IcdRelease, catalog: CodeCatalog, key: string): DxInfo {
  let m = memo.get(release);
  if (!m) memo.set(release, (m = new Map()));
  let info = m.get(key);
  if (info) return info;
  if (m.size > 20_000) m.clear();
  const entry = release.get(key);
  // The MCE lists of the release's own fiscal year (or the nearest before it): see MceYears.
  const mce = catalog.mce?.(key, release.from);
  let manifestation = !!mce?.manifestation;
  for (let k: string | undefined = key; k && !manifestation && entry; k = release.parent(k)) {
    const e = release.get(k);
    if (e && (MANIFESTATION.test(e.long) || MANIFESTATION.test(e.short))) manifestation = true;
  }
  const notes = entry ? release.notes(key) : [];
  info = {
    entry,
    notes,
    excludes1: notes.filter((n) => n.kind === 'excludes1'),
    codeFirst: notes.filter((n) => n.kind === 'codeFirst'),
    useAdditional: notes.filter((n) => n.kind === 'useAdditionalCode'),
    useAdditionalGroups: groupByAt(
      notes.filter((n) => n.kind === 'useAdditionalCode' && CODE_AT.test(n.at)),
    ),
    mce,
    manifestation,
  };
  m.set(key, info);
  return info;
}
