/**
 * Entry of the compiled CLI (dist-cli/claimlab.mjs, built by scripts/build-cli.mjs). The same
 * file runs the worker threads of a large `check`/`adjudicate` (src/cli/parallel.ts, sharded.ts).
 * The pack reader (and zod with it) is loaded only where a command runs: the main thread of a
 * run handed to a worker only cuts lines and writes.
 */
import { fileURLToPath } from 'node:url';
import { enableWorkers, isCliWorker, runWorker } from './parallel';
import { runAsProcess } from './main';
import { filePackCache } from './pack-cache';
import { isShardWorker, runShard } from './sharded';
import {
  enableSimulateWorker,
  isSimulatePayerWorker,
  runSimulatePayer,
} from './commands/simulate-payer';

// The validated shipped packs, kept beside the compiled CLI (src/cli/pack-cache.ts).
const self = fileURLToPath(import.meta.url);
const usePacksCache = async () => {
  const { usePackCache } = await import('../scenarios/load-node');
  usePackCache(filePackCache(self.replace(/\.m?js$/, '') + '.packs-cache.json', self));
};

if (isCliWorker()) void usePacksCache().then(runWorker);
else if (isShardWorker()) void usePacksCache().then(runShard);
else if (isSimulatePayerWorker()) void usePacksCache().then(runSimulatePayer);
else {
  enableWorkers(import.meta.url);
  enableSimulateWorker(import.meta.url);
  runAsProcess(usePacksCache);
}
