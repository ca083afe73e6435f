/**
 * Entry of the compiled CLI (dist-cli/claimlab.mjs, built by scripts/build-cli.mjs). The same
 * file runs the worker thread of a large `check`/`adjudicate` (src/cli/parallel.ts).
 */
import { enableWorkers, isCliWorker, runWorker } from './parallel';
import { runAsProcess } from './main';

if (isCliWorker()) void runWorker();
else {
  enableWorkers(import.meta.url);
  runAsProcess();
}
