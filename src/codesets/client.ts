/**
 * Main-thread client of the code-set worker. The worker (and with it every bundle) is loaded
 * only when the first request is made, so nothing of the code sets is in the initial JS.
 */
import type { Problem } from '../domain/result';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './protocol';

export class CodesetRequestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

export interface CodesetClient {
  request<R extends WorkerRequest>(
    req: R,
    transfer?: Transferable[],
  ): Promise<WorkerResult<R['type']>>;
  dispose(): void;
}

export function createCodesetClient(
  make: () => Worker = () =>
    new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
): CodesetClient {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const start = () => {
    if (worker) return worker;
    worker = make();
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      pending.delete(ev.data.id);
      if (ev.data.ok) p.resolve(ev.data.value);
      else p.reject(new CodesetRequestError(ev.data.errors));
    };
    worker.onerror = (ev) => {
      for (const p of pending.values())
        p.reject(new Error(`code-set worker failed: ${ev.message}`));
      pending.clear();
    };
    return worker;
  };
  return {
    request(req, transfer = []) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        start().postMessage({ id, req }, transfer);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}

let shared: CodesetClient | null = null;
/** One worker for the whole app. */
export const codesetClient = (): CodesetClient => (shared ??= createCodesetClient());
