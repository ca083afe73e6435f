import { readFileSync } from 'node:fs';
// @vitest-environment jsdom
/**
 * The refresher screen's state (src/state/refresher.svelte.ts) over the app state with the
 * fixture pair loaded: which packs can be compared, versions in either order, "since I last
 * studied" from the progress store, scoring remembers the version; the release pair asks the
 * code-set worker and says when only the starter set is there.
 */
import { describe, expect, it } from 'vitest';
import type { CodesetClient } from '../../src/codesets/client';
import type { WorkerRequest } from '../../src/codesets/protocol';
import { memoryStore } from '../../src/persistence/kv';
import { readPackPath } from '../../src/scenarios/format/read-node';
import { AppState } from '../../src/state/app.svelte';

/** The shipped starter pack's version, read from its manifest (not pinned: it moves with content). */
const STARTER_VERSION = (
  JSON.parse(readFileSync('scenarios/starter/pack.json', 'utf8')) as { version: string }
).version;
import { ReleaseDiffState, RefresherState } from '../../src/state/refresher.svelte';

const assembled = [
  'scenarios/starter',
  'test/fixtures/packs/refresher-v1',
  'test/fixtures/packs/refresher-v2',
].map((p) => readPackPath(p));

function client(answer: (req: WorkerRequest) => unknown): () => CodesetClient {
  const c = {
    request: (async (req: WorkerRequest) => answer(req)) as CodesetClient['request'],
    dispose() {},
  };
  return () => c;
}

async function app(
  answer: (req: WorkerRequest) => unknown = () => ({ mode: 'starter', line: '', timings: {} }),
) {
  const a = new AppState(memoryStore(), client(answer), async () => ({ assembled, errors: [] }));
  await a.packsReady;
  return a;
}

describe('RefresherState', () => {
  it('offers the packs with two versions; builds the refresher whichever order is picked', async () => {
    const a = await app();
    expect(a.packs.map((p) => `${p.id}@${p.version}`)).toEqual([
      `starter@${STARTER_VERSION}`,
      'refresher-fixture@2.0.0',
    ]);
    const rs = new RefresherState(a);
    expect(rs.packs.map((p) => [p.id, p.versions])).toEqual([
      ['refresher-fixture', ['1.0.0', '2.0.0']],
    ]);
    rs.choosePack('refresher-fixture');
    [rs.from, rs.to] = ['2.0.0', '1.0.0'];
    expect(rs.show()).toBe(true);
    expect(rs.refresher!.from.version).toBe('1.0.0');
    expect(rs.refresher!.to.version).toBe('2.0.0');
    rs.to = '2.0.0';
    rs.from = '2.0.0';
    expect(rs.show()).toBe(false);
    expect(rs.message).toBe('Pick two different versions (both are 2.0.0).');
  });

  it('"since I last studied": from the oldest version, then nothing new after a scored quiz', async () => {
    const a = await app();
    const rs = new RefresherState(a);
    rs.chooseMode('since');
    rs.choosePack('refresher-fixture');
    await expect.poll(() => rs.lastRefreshed).toBeNull();
    expect(rs.show()).toBe(true);
    expect(rs.refresher!.from.version).toBe('1.0.0');
    const s = await rs.submit();
    expect(s!.total).toBe(rs.refresher!.quiz.length);
    expect((await a.store.lastRefreshed('refresher-fixture'))!.version).toBe('2.0.0');
    expect(rs.show()).toBe(false);
    expect(rs.message).toMatch(
      /^Nothing changed since you last refreshed: you studied version 2\.0\.0/,
    );
    rs.choosePack('starter');
    await expect.poll(() => rs.lastRefreshed).toBeNull();
    expect(rs.show()).toBe(false);
    expect(rs.message).toBe(
      `Only version ${STARTER_VERSION} of this pack is loaded: there is nothing to compare it with yet.`,
    );
  });

  it('links a case of the newest version by id, an older version by id@version', async () => {
    const rs = new RefresherState(await app());
    const link = { packId: 'refresher-fixture', caseId: 'ak-htn-fixture', title: 't' };
    expect(rs.caseHref({ ...link, version: '2.0.0' })).toBe(
      '#/case/refresher-fixture/ak-htn-fixture',
    );
    expect(rs.caseHref({ ...link, version: '1.0.0' })).toBe(
      '#/case/refresher-fixture%401.0.0/ak-htn-fixture',
    );
  });
});

describe('ReleaseDiffState', () => {
  it('says the official sets are needed on the starter set', async () => {
    const rd = new ReleaseDiffState(await app());
    await rd.probe();
    expect(rd.mode).toBe('starter');
  });

  it('lists the worker releases and asks it for a filtered page', async () => {
    const asked: WorkerRequest[] = [];
    const rd = new ReleaseDiffState(
      await app((req) => {
        asked.push(req);
        if (req.type === 'engine.status') return { mode: 'official', line: 'x', timings: {} };
        if (req.type === 'status')
          return {
            mode: 'official',
            describe: '',
            warnings: [],
            releases: ['FY2026', 'FY2021'].map((id) => ({
              kind: 'icd10cm',
              id,
              origin: 'server',
              loaded: false,
              sources: [],
              counts: {},
            })),
          };
        return {
          from: 'FY2021',
          to: 'FY2026',
          counts: { added: 1, deleted: 0, revised: 0 },
          total: 1,
          offset: 0,
          rows: [],
        };
      }),
    );
    await rd.probe();
    expect([rd.mode, rd.from, rd.to]).toEqual(['official', 'FY2021', 'FY2026']);
    rd.change = 'added';
    rd.query = ' E11.A ';
    await rd.load();
    expect(asked.at(-1)).toEqual({
      type: 'releases.diff',
      from: 'FY2021',
      to: 'FY2026',
      change: 'added',
      query: 'E11.A',
      offset: 0,
      limit: 50,
    });
    expect(rd.page!.total).toBe(1);
  });
});
