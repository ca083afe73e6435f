/**
 * The app's one code-set worker (worker.ts: the code sets and the payer service off the main
 * thread), started on its first request. See: src/codesets/client.ts (the messaging).
 */
import { createCodesetClient, type CodesetClient } from '../codesets/client';

let shared: CodesetClient | null = null;
/** One worker for the whole app. */
export const codesetClient = (): CodesetClient =>
  (shared ??= createCodesetClient(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'codesets' }),
  ));
