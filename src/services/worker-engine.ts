/**
 * The engine behind the code-set Web Worker (worker.ts): the code-set requests
 * (src/codesets/engine.ts) plus scrub and adjudication, which it answers with the one payer
 * service (payer.ts) over the same bundles — the same domain code the page and the CLI run.
 * A scrub carries no pack, so it uses the shipped packs (the newest version of each; for the
 * MPFS-less global days of the starter pack's national table), which the host hands in (the
 * worker fetches them from /packs/ like the page); an adjudication carries the case's payer profile
 * and its pack's fee tables as the page read them. The I/O is injected, so the handler runs in
 * Node tests on the real files.
 * The payer half (worker-payer.ts) is imported on the first scrub, adjudication or pack check,
 * so the worker's first chunk is the code sets and the encoder only (issue 9 "A lean first load").
 * See: issue 4 (the same engine in the browser), issue 5 (MPFS pricing), issue 9 (one payer service).
 */
import { createCodesetRequests, type EngineIo } from '../codesets/engine';
import type { WorkerRequest } from '../codesets/protocol';
import type { Pack } from '../scenarios/schema';
import { newestVersions } from '../scenarios/versions';
import type { PayerRequests } from './worker-payer';

export { RequestError, type EngineIo } from '../codesets/engine';

export interface CodesetEngine {
  handle(req: WorkerRequest): Promise<unknown>;
}

export interface EngineOptions {
  /** The shipped packs (every version; the newest of each id is used). Default: none. */
  packs?: () => Promise<readonly Pack[]> | readonly Pack[];
}

export function createCodesetEngine(io: EngineIo, opts: EngineOptions = {}): CodesetEngine {
  const codesets = createCodesetRequests(io);
  let shipped: Promise<readonly Pack[]> | undefined;
  const packs = () =>
    (shipped ??= Promise.resolve(opts.packs?.() ?? []).then(newestVersions, (e: unknown) => {
      shipped = undefined; // tried again on the next scrub
      throw e;
    }));
  let payer: Promise<PayerRequests> | undefined;
  const payerRequests = () =>
    (payer ??= import('./worker-payer').then(
      (m) => m.createPayerRequests(codesets.sources, packs),
      (e: unknown) => {
        payer = undefined; // a chunk that failed to load is fetched again next time
        throw e;
      },
    ));
  return {
    async handle(req: WorkerRequest): Promise<unknown> {
      switch (req.type) {
        case 'scrub':
        case 'adjudicate':
        case 'pack.validate':
          return (await payerRequests()).handle(req);
        default:
          return codesets.handle(req);
      }
    },
  };
}
