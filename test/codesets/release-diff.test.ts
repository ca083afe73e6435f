/**
 * The refresher's code-set release pair: the code-set engine (the worker's handler) computes
 * ICD-10-CM codes added, deleted and revised between two releases from the bundles and answers
 * a filtered page at a time. On the official bundles when built; the paging and filtering are
 * also tested on a small diff.
 * See: CDC/NCHS ICD-10-CM FY2026 addenda (E11.A, type 2 diabetes without complications in remission, is new).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ReleaseDiffPage } from '../../src/codesets/release-diff';
import { pageOfRows, type ReleaseDiffRow } from '../../src/codesets/release-diff';
import { createCodesetEngine, type EngineIo } from '../../src/services/worker-engine';

const BUILD = join(__dirname, '../../codesets/build');
const has = (id: string) => existsSync(join(BUILD, `icd10cm-${id.toLowerCase()}.txt.gz`));
const hasPair = has('FY2021') && has('FY2026');
if (!hasPair)
  console.warn(
    '[release diff] codesets/build has no official FY2021 and FY2026 bundles: the release-pair tests on them are skipped. Get the files listed in ../shared/reference/README.md and run `npm run -s claimlab -- codesets build`.',
  );

function diskIo(dir: string | null): EngineIo {
  return {
    async fetchFile(name) {
      if (!dir || !existsSync(dir)) return null;
      if (name === 'files.json')
        return new TextEncoder().encode(
          JSON.stringify(readdirSync(dir).filter((f) => /\.(gz|json)$/.test(f))),
        );
      const p = join(dir, name);
      return existsSync(p) ? new Uint8Array(readFileSync(p)) : null;
    },
    gunzip: async (b) => new Uint8Array(gunzipSync(b)),
  };
}

describe.skipIf(!hasPair)('ICD-10-CM FY2021 -> FY2026 in the code-set engine', () => {
  const engine = createCodesetEngine(diskIo(BUILD));
  const ask = (q: Record<string, unknown>) =>
    engine.handle({
      type: 'releases.diff',
      from: 'FY2021',
      to: 'FY2026',
      ...q,
    } as never) as Promise<ReleaseDiffPage>;

  it('counts codes added, deleted and revised, and finds E11.A among the added', async () => {
    const p = await ask({ change: 'added', query: 'E11.A' });
    expect(p.counts.added).toBeGreaterThan(1000);
    expect(p.counts.deleted).toBeGreaterThan(10);
    expect(p.counts.revised).toBeGreaterThan(10);
    expect(p.rows[0]).toMatchObject({ change: 'added', code: 'E11.A', billable: true });
    expect(p.rows[0]!.title).toMatch(/remission/i);
  }, 120_000);

  it('pages in code order; words match titles', async () => {
    const first = await ask({ change: 'added', limit: 10 });
    const next = await ask({ change: 'added', limit: 10, offset: 10 });
    expect(first.rows).toHaveLength(10);
    expect(first.total).toBe(first.counts.added);
    expect(next.rows[0]!.code > first.rows[9]!.code).toBe(true);
    const words = await ask({ query: 'remission', limit: 200 });
    expect(words.rows.every((r) => /remission/i.test(r.title + (r.before ?? '')))).toBe(true);
  }, 120_000);

  it('a release the engine does not have is a clear error', async () => {
    await expect(ask({ from: 'FY1999' })).rejects.toThrow(
      /no ICD-10-CM release FY1999 \(the engine has: .*FY2026/,
    );
  });
});

describe('release diff paging and filters', () => {
  const rows: ReleaseDiffRow[] = [
    {
      change: 'added',
      code: 'E11.A',
      title: 'Type 2 diabetes mellitus without complications in remission',
      billable: true,
    },
    { change: 'added', code: 'E78.41', title: 'Elevated Lipoprotein(a)', billable: true },
    { change: 'deleted', code: 'E78.4', title: 'Other hyperlipidemia', billable: true },
    {
      change: 'revised',
      code: 'I10',
      title: 'Essential (primary) hypertension',
      before: 'Old words',
      billable: true,
    },
  ];
  it('filters by change and by code prefix (with or without the dot) or words', () => {
    expect(
      pageOfRows(rows, { from: 'a', to: 'b', change: 'added' }).rows.map((r) => r.code),
    ).toEqual(['E11.A', 'E78.41']);
    expect(pageOfRows(rows, { from: 'a', to: 'b', query: 'e784' }).rows.map((r) => r.code)).toEqual(
      ['E78.41', 'E78.4'],
    );
    expect(
      pageOfRows(rows, { from: 'a', to: 'b', query: 'old words' }).rows.map((r) => r.code),
    ).toEqual(['I10']);
    expect(pageOfRows(rows, { from: 'a', to: 'b' }).counts).toEqual({
      added: 2,
      deleted: 1,
      revised: 1,
    });
  });
  it('clamps hostile paging values', () => {
    const p = pageOfRows(rows, { from: 'a', to: 'b', offset: 1e9, limit: -5 });
    expect(p.offset).toBe(3);
    expect(p.rows).toHaveLength(1);
    expect(pageOfRows(rows, { from: 'a', to: 'b', limit: 1e9 }).rows).toHaveLength(4);
  });
});
