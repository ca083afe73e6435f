/**
 * Deriving a code's MCE flags from its category (mce.ts `categoryFlags`) reads the release of
 * the sex lists' year only when a listed sibling carries a sex edit: with none, no sex can be
 * inherited, and reading that release makes a Node catalog load it (≈ 20 MB per process, for a
 * batch that never needed it: issue 11, RSS ≤ 300 MB). See: issue 10 (derived MCE flags).
 */
import { describe, expect, it } from 'vitest';
import { categoryFlags } from '../../src/domain/edits/mce';
import type { CodeCatalog, IcdRelease, MceEdits } from '../../src/domain/codes/catalog';
import { testCatalog } from './support/catalog';

/** The test catalog with MCE years and lists, and a counter on the older release's reads. */
function spied(flags: Record<string, MceEdits>) {
  const base = testCatalog();
  const [newest, older] = [...base.releases()].sort((a, b) => b.from.localeCompare(a.from));
  let olderReads = 0;
  const spy: IcdRelease = Object.assign(Object.create(older!) as IcdRelease, {
    get: (code: string) => {
      olderReads++;
      return older!.get(code);
    },
  });
  const catalog: CodeCatalog = Object.assign(Object.create(base) as CodeCatalog, {
    releases: () => [newest!, spy],
    mceYears: () => ({ sex: Number(/\d{4}/.exec(older!.id)![0]), age: 2026 }),
    mce: (code: string) => flags[code],
  });
  return { catalog, release: newest!, reads: () => olderReads };
}

describe('derived MCE flags read the older release only when they can inherit a sex', () => {
  it('no listed sibling has a sex edit: the older release is not read', () => {
    const s = spied({});
    expect(categoryFlags(s.release, s.catalog, 'E119')).toBeUndefined();
    expect(s.reads()).toBe(0);
  });
  it('listed siblings with a sex edit: the older release is read to judge "newer"', () => {
    const kids = s0();
    expect(kids.length).toBeGreaterThan(2);
    const flags = Object.fromEntries(
      kids.map((k) => [k, { sex: 'M', source: 'test' } as MceEdits]),
    );
    const s = spied(flags);
    categoryFlags(s.release, s.catalog, kids[0]!);
    expect(s.reads()).toBeGreaterThan(0);
  });
});

/** Billable codes of E11 in the test catalog's newest release. */
function s0(): string[] {
  const rel = [...testCatalog().releases()].sort((a, b) => b.from.localeCompare(a.from))[0]!;
  const out: string[] = [];
  const walk = (c: string) => {
    for (const k of rel.children(c)) {
      if (rel.get(k)?.billable) out.push(k);
      walk(k);
    }
  };
  walk('E11');
  return out;
}
