/**
 * The relevance set is data: every accepted answer must be a billable FY2026 code, or the hit
 * rates mean nothing. Skips when ../shared/reference is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadQueries } from '../../bench/queries';
import { parseOrderFile } from '../../src/codesets/order-file';

const ORDER = '../shared/reference/icd10cm/fy2026/icd10cm-order-2026.txt';
const present = existsSync(ORDER);
if (!present)
  console.warn(
    `skipping relevance-set check: ${ORDER} not found (see ../shared/reference/README.md)`,
  );

describe.skipIf(!present)('bench/queries relevance set', () => {
  it('has at least 150 queries, each with billable FY2026 answers', () => {
    const r = parseOrderFile(readFileSync(ORDER, 'utf8'), ORDER);
    if (!r.ok) throw new Error('order file');
    const billable = new Set(r.value.filter((e) => e.billable).map((e) => e.code));
    const queries = loadQueries();
    expect(queries.length).toBeGreaterThanOrEqual(150);
    const bad = queries.flatMap((q) =>
      q.accept.filter((c) => !billable.has(c)).map((c) => `${q.set}: "${q.q}" -> ${c}`),
    );
    expect(bad).toEqual([]);
    expect(queries.every((q) => q.q.trim() && q.accept.length)).toBe(true);
  });
});
