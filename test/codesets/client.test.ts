/**
 * The main-thread client of the code-set worker: answers are matched to requests, errors come
 * back as problems, and a worker that never answers (or fails to start) gives an error instead
 * of a hang.
 */
import { describe, expect, it } from 'vitest';
import { CodesetRequestError, createCodesetClient } from '../../src/codesets/client';
import type { WorkerRequest, WorkerResponse } from '../../src/codesets/protocol';

/** A stand-in Worker: `answer` decides the reply to each message (undefined: stay silent). */
function fakeWorker(answer: (id: number, req: WorkerRequest) => WorkerResponse | undefined) {
  const w = {
    onmessage: null as ((ev: MessageEvent<WorkerResponse>) => void) | null,
    onerror: null as ((ev: ErrorEvent) => void) | null,
    onmessageerror: null as (() => void) | null,
    terminated: false,
    postMessage(msg: { id: number; req: WorkerRequest }) {
      const r = answer(msg.id, msg.req);
      if (r) queueMicrotask(() => w.onmessage?.({ data: r } as MessageEvent<WorkerResponse>));
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

describe('code-set client', () => {
  it('resolves each answer to its own request, in any order', async () => {
    const w = fakeWorker((id, req) => ({ id, ok: true, value: req.type }));
    const c = createCodesetClient(() => w as unknown as Worker);
    const [a, b] = await Promise.all([
      c.request({ type: 'status' }),
      c.request({ type: 'engine.status', date: '2026-03-02' }),
    ]);
    expect([a, b]).toEqual(['status', 'engine.status']);
  });

  it('turns an error answer into CodesetRequestError with the problems', async () => {
    const w = fakeWorker((id) => ({
      id,
      ok: false,
      errors: [{ path: 'date', message: 'no loaded ICD-10-CM release covers 2012-05-01' }],
    }));
    const c = createCodesetClient(() => w as unknown as Worker);
    const e = await c
      .request({ type: 'encoder', date: '2012-05-01', call: { op: 'describe' } })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CodesetRequestError);
    expect((e as CodesetRequestError).problems[0]?.path).toBe('date');
  });

  it('times out instead of hanging when the worker never answers', async () => {
    const w = fakeWorker(() => undefined);
    const c = createCodesetClient(() => w as unknown as Worker, { scrub: 30 });
    await expect(c.request({ type: 'scrub', claim: {} as never, history: [] })).rejects.toThrow(
      /did not answer within 0.03 s/,
    );
  });

  it('fails pending requests when the worker dies, and starts a new one next time', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const c = createCodesetClient(() => {
      const w = fakeWorker((id) =>
        workers.length > 1 ? { id, ok: true, value: 'ok' } : undefined,
      );
      workers.push(w);
      return w as unknown as Worker;
    });
    const pending = c.request({ type: 'status' });
    workers[0]?.onerror?.({ message: 'SyntaxError in worker' } as ErrorEvent);
    await expect(pending).rejects.toThrow(/code-set worker failed: SyntaxError in worker/);
    expect(workers[0]?.terminated).toBe(true);
    await expect(c.request({ type: 'status' })).resolves.toBe('ok');
    expect(workers).toHaveLength(2);
  });
});
