/**
 * The refresher's code-set release pair (issue 12): ICD-10-CM codes added, deleted and with a
 * revised title between two releases the engine has, computed in the code-set worker from the
 * bundles (domain/codes/release/diff.ts) and handed to the page a page at a time, filtered by
 * change and by a code or word, so the page never holds a whole release.
 * See: CDC/NCHS ICD-10-CM addenda (the official lists of the same changes, year by year).
 */
import { icdDisplay } from '../domain/codes/code';
import type { ReleaseDiff } from '../domain/codes/release/diff';

export type ReleaseChange = 'added' | 'deleted' | 'revised';

export interface ReleaseDiffQuery {
  from: string;
  to: string;
  /** Only this kind of change (all when absent). */
  change?: ReleaseChange;
  /** A code prefix (`E11`) or words in the title, any case. */
  query?: string;
  offset?: number;
  limit?: number;
}

export interface ReleaseDiffRow {
  change: ReleaseChange;
  code: string;
  /** The title in the newer release (the older one for a deleted code). */
  title: string;
  /** For a revised title: the older title. */
  before?: string;
  billable: boolean;
}

export interface ReleaseDiffPage {
  from: string;
  to: string;
  counts: Record<ReleaseChange, number>;
  /** Rows matching the filter (before paging). */
  total: number;
  offset: number;
  rows: ReleaseDiffRow[];
}

/** Every row of a release diff, in code order within added, deleted, revised. */
export function releaseDiffRows(
  d: ReleaseDiff,
  billableOf: (code: string) => boolean,
): ReleaseDiffRow[] {
  const byCode = (a: ReleaseDiffRow, b: ReleaseDiffRow) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  return [
    ...d.added
      .map((e) => ({
        change: 'added' as const,
        code: icdDisplay(e.code),
        title: e.long,
        billable: e.billable,
      }))
      .sort(byCode),
    ...d.deleted
      .map((e) => ({
        change: 'deleted' as const,
        code: icdDisplay(e.code),
        title: e.long,
        billable: e.billable,
      }))
      .sort(byCode),
    ...d.revised
      .map((r) => ({
        change: 'revised' as const,
        code: icdDisplay(r.code),
        title: r.after,
        before: r.before,
        billable: billableOf(r.code),
      }))
      .sort(byCode),
  ];
}

export const MAX_PAGE = 200;

/** One page of the rows that match the query. */
export function pageOfRows(rows: readonly ReleaseDiffRow[], q: ReleaseDiffQuery): ReleaseDiffPage {
  const counts = { added: 0, deleted: 0, revised: 0 };
  for (const r of rows) counts[r.change]++;
  const words = (q.query ?? '').trim().toLowerCase();
  const bare = words.replace(/\./g, '').toUpperCase();
  const match = rows.filter(
    (r) =>
      (!q.change || r.change === q.change) &&
      (!words ||
        r.code.replace('.', '').startsWith(bare) ||
        r.title.toLowerCase().includes(words) ||
        (r.before ?? '').toLowerCase().includes(words)),
  );
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(q.limit ?? 50)));
  const offset = Math.max(0, Math.min(Math.floor(q.offset ?? 0), Math.max(0, match.length - 1)));
  return {
    from: q.from,
    to: q.to,
    counts,
    total: match.length,
    offset,
    rows: match.slice(offset, offset + limit),
  };
}
