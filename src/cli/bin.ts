/**
 * Entry of the compiled CLI (dist-cli/claimlab.mjs, built by scripts/build-cli.mjs). The same
 * file runs the worker thread of a large `check`/`adjudicate` (src/cli/parallel.ts).
 */
import { fileURLToPath } from 'node:url';
import { enableWorkers, isCliWorker, runWorker } from './parallel';
import { runAsProcess } from './main';
import { filePackCache } from './pack-cache';
import { isShardWorker, runShard } from './sharded';
import { usePackCache } from '../scenarios/load-node';

// The validated shipped packs, kept beside the compiled CLI (src/cli/pack-cache.ts).
const self = fileURLToPath(import.meta.url);
usePackCache(filePackCache(self.replace(/\.m?js$/, '') + '.packs-cache.json', self));

if (isCliWorker()) void runWorker();
else if (isShardWorker()) void runShard();
else {
  enableWorkers(import.meta.url);
  runAsProcess();
}
