/**
 * The app's code engine state (src/state/code-engine.svelte.ts) over a fake code-set client:
 * starter set without bundles, the worker's encoder and status line with them, and a worker
 * that fails leaves the app on the starter set, saying why.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CodesetClient } from '../../src/codesets/client';
import type { EngineStatus, WorkerRequest } from '../../src/codesets/protocol';
import { starterCatalog } from '../../src/codesets/starter';
import { CodeEngine } from '../../src/state/code-engine.svelte';

function fakeClient(answer: (req: WorkerRequest) => unknown): {
  client: CodesetClient;
  sent: WorkerRequest[];
} {
  const sent: WorkerRequest[] = [];
  const client = {
    request: (async (req: WorkerRequest) => {
      sent.push(req);
      return answer(req);
    }) as CodesetClient['request'],
    dispose() {},
  };
  return { client, sent };
}

const official = (line: string): EngineStatus => ({ mode: 'official', line, timings: {} });

describe('CodeEngine', () => {
  it('stays on the starter set when the worker finds no bundles', async () => {
    const { client } = fakeClient(() => ({ mode: 'starter', line: 'x', timings: {} }));
    const e = new CodeEngine(() => client, starterCatalog);
    expect(await e.ready()).toBe('starter');
    await e.use('2026-03-02');
    expect(e.line).toMatch(/^Starter set: ICD-10-CM FY2026/);
    expect(await e.encoder(starterCatalog(), '2026-03-02').describe()).toMatch(/starter set/);
  });

  it('with official bundles: loads the date, shows the worker line, encodes through the worker', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const { client, sent } = fakeClient(async (req) => {
      if (req.type === 'engine.status' && req.load) {
        await held; // the load is under way until released
        return official('ICD-10-CM FY2026 (official, 98,186 codes) · MPFS 2025');
      }
      if (req.type === 'engine.status') return official('ICD-10-CM FY2021, FY2026 (official)');
      return req.type === 'encoder' ? 'ICD-10-CM FY2026 (official, 98186 codes)' : null;
    });
    const e = new CodeEngine(() => client, starterCatalog);
    expect(await e.ready()).toBe('official');
    expect(e.line).toBe('ICD-10-CM FY2021, FY2026 (official)');
    const loading = e.use('2026-03-02');
    await vi.waitFor(() => expect(e.loading).toBe(true));
    expect(e.line).toMatch(/^Loading the official code sets for 2026-03-02/);
    release();
    await loading;
    expect(e.loading).toBe(false);
    expect(e.line).toBe('ICD-10-CM FY2026 (official, 98,186 codes) · MPFS 2025');
    expect(sent.at(-1)).toEqual({ type: 'engine.status', date: '2026-03-02', load: true });
    expect(await e.encoder(starterCatalog(), '2026-03-02').describe()).toMatch(/official/);
    expect(sent.at(-1)).toMatchObject({ type: 'encoder', call: { op: 'describe' } });
  });

  it('warm-up loads a release in the worker without changing what the page shows', async () => {
    const { client, sent } = fakeClient((req) =>
      req.type === 'engine.status' && req.load
        ? official('ICD-10-CM FY2026 (official, 98,186 codes)')
        : official('ICD-10-CM FY2021, FY2026 (official)'),
    );
    const e = new CodeEngine(() => client, starterCatalog);
    await e.warm('2026-02-10');
    expect(sent.at(-1)).toEqual({ type: 'engine.status', date: '2026-02-10', load: true });
    expect(e.line).toBe('ICD-10-CM FY2021, FY2026 (official)');
    expect(e.date).toBeNull();
    expect(e.loading).toBe(false);
  });

  it('warm-up does nothing on the starter set and never rejects', async () => {
    const starter = fakeClient(() => ({ mode: 'starter', line: 'x', timings: {} }));
    const e = new CodeEngine(() => starter.client, starterCatalog);
    await e.warm('2026-02-10');
    expect(starter.sent.filter((r) => r.type === 'engine.status' && r.load)).toHaveLength(0);
    const failing = fakeClient((req) => {
      if (req.type === 'engine.status' && req.load) throw new Error('bundle unreadable');
      return official('ICD-10-CM FY2026 (official)');
    });
    const f = new CodeEngine(() => failing.client, starterCatalog);
    await expect(f.warm('2026-02-10')).resolves.toBeUndefined();
    expect(f.line).toBe('ICD-10-CM FY2026 (official)');
  });

  it('a worker that cannot start leaves the starter set in use and says why', async () => {
    const { client } = fakeClient(() => {
      throw new Error('code-set worker failed: could not start');
    });
    const e = new CodeEngine(() => client, starterCatalog);
    expect(await e.ready()).toBe('starter');
    expect(e.line).toMatch(/Starter set.*official code sets unavailable: code-set worker failed/);
  });
});
