/**
 * Main-thread client of the code-set worker. The worker (and with it every bundle) is loaded
 * only when the first request is made, so nothing of the code sets is in the initial JS. The
 * app's one client, which starts src/services/worker.ts, is src/services/codeset-client.ts.
 * Every request has a timeout: a worker that dies or never answers gives an error, never a hang.
 */
import type { Problem } from '../domain/result';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './protocol';

export class CodesetRequestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

export interface CodesetClient {
  request<R extends WorkerRequest>(req: R, transfer?: Transferable[]): Promise<WorkerResult<R>>;
  dispose(): void;
}

/**
 * Time allowed per request type (ms). Loading a release and its search index takes about a
 * second in Chromium; an import parses whole official files; the rest answer in milliseconds
 * once loaded, but the first call of a kind may wait for the load.
 */
export const TIMEOUTS: Record<WorkerRequest['type'], number> = {
  status: 30_000,
  'engine.status': 60_000,
  lookup: 60_000,
  procedure: 60_000,
  encoder: 60_000,
  scrub: 60_000,
  adjudicate: 60_000,
  import: 600_000,
  remove: 30_000,
  'releases.diff': 120_000,
  // Loads the ICD-10-CM release of each case's date, then scrubs and adjudicates every key.
  'pack.validate': 180_000,
};

/** A client of the worker `make` starts (the app's: src/services/codeset-client.ts). */
export function createCodesetClient(
  make: () => Worker,
  timeouts: Partial<Record<WorkerRequest['type'], number>> = {},
): CodesetClient {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      timer: ReturnType<typeof setTimeout>;
    }
  >();
  const settle = (id: number) => {
    const p = pending.get(id);
    if (p) {
      clearTimeout(p.timer);
      pending.delete(id);
    }
    return p;
  };
  const failAll = (message: string) => {
    for (const id of [...pending.keys()]) settle(id)?.reject(new Error(message));
  };
  const start = () => {
    if (worker) return worker;
    worker = make();
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const p = settle(ev.data.id);
      if (!p) return;
      if (ev.data.ok) p.resolve(ev.data.value);
      else p.reject(new CodesetRequestError(ev.data.errors));
    };
    worker.onerror = (ev) => {
      failAll(`code-set worker failed: ${ev.message || 'could not start'}`);
      // A worker that failed to load stays broken: start a new one on the next request.
      worker?.terminate();
      worker = null;
    };
    worker.onmessageerror = () => failAll('code-set worker sent a message that could not be read');
    return worker;
  };
  return {
    request<R extends WorkerRequest>(req: R, transfer: Transferable[] = []) {
      const id = next++;
      const ms = timeouts[req.type] ?? TIMEOUTS[req.type];
      return new Promise<WorkerResult<R>>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (settle(id))
            reject(
              new CodesetRequestError([
                {
                  path: req.type,
                  message: `the code-set worker did not answer within ${ms / 1000} s`,
                },
              ]),
            );
        }, ms);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        try {
          start().postMessage({ id, req }, transfer);
        } catch (e) {
          settle(id);
          reject(new Error(`cannot send "${req.type}" to the code-set worker: ${String(e)}`));
        }
      });
    },
    dispose() {
      failAll('code-set worker stopped');
      worker?.terminate();
      worker = null;
    },
  };
}
