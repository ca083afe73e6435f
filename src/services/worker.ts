/**
 * The code-set Web Worker: the engine (worker-engine.ts) with browser I/O. Bundles are fetched lazily
 * from /codesets/ (served by vite-plugin.ts, copied into dist on build) and from IndexedDB
 * (files imported in Settings → Code sets), decompressed with DecompressionStream and decoded
 * off the main thread. Without any official bundle it answers from the starter set.
 * Started by src/services/codeset-client.ts; messages are typed in src/codesets/protocol.ts.
 */
/// <reference lib="webworker" />
import '../jitless';
import type { Problem } from '../domain/result';
import {
  readImported,
  readImportedBundle,
  removeImported,
  storeImported,
} from '../codesets/browser/store';
import { createCodesetEngine } from './worker-engine';
import type { WorkerRequest, WorkerResponse } from '../codesets/protocol';

const ROOT = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
const BASE = `${ROOT}codesets/`;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const engine = createCodesetEngine(
  {
    async fetchFile(name) {
      const res = await fetch(`${BASE}${name}`, { cache: 'no-cache' });
      // `vite preview` and static hosts answer a missing file with the app's index.html.
      if (res.status === 404 || res.headers.get('content-type')?.startsWith('text/html'))
        return null;
      if (!res.ok) throw new Error(`${BASE}${name}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    gunzip,
    imported: {
      read: readImported,
      bundle: readImportedBundle,
      store: storeImported,
      remove: removeImported,
    },
    now: () => performance.now(),
  },
  {
    // The same packs the page fetches (src/scenarios/vite-plugin.ts), read when first needed
    // (the first scrub): the pack reader loads with them, not with the encoder.
    packs: async () => {
      const { fetchShippedPacks, httpPackFetch } = await import('../scenarios/load');
      return (await fetchShippedPacks(httpPackFetch(`${ROOT}packs/`))).packs;
    },
  },
);

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (ev: MessageEvent<{ id: number; req: WorkerRequest }>) => {
  const { id, req } = ev.data;
  let msg: WorkerResponse;
  try {
    msg = { id, ok: true, value: await engine.handle(req) };
  } catch (e) {
    const problems = (e as { problems?: Problem[] }).problems;
    msg = {
      id,
      ok: false,
      errors: problems ?? [{ path: req?.type ?? 'request', message: (e as Error).message }],
    };
  }
  try {
    scope.postMessage(msg);
  } catch (e) {
    // A value that cannot be cloned must still answer the request.
    scope.postMessage({
      id,
      ok: false,
      errors: [{ path: req.type, message: `answer could not be sent: ${(e as Error).message}` }],
    } satisfies WorkerResponse);
  }
};
