#!/usr/bin/env node
/**
 * The `claimlab` command (package.json `bin`, and `npm run -s claimlab -- …`): runs the compiled
 * CLI, dist-cli/claimlab.mjs, compiling it first when it is missing or older than its sources
 * (scripts/build-cli.mjs; about half a second, once).
 */
import { pathToFileURL } from 'node:url';
import { buildCli, isStale, OUT_FILE } from './build-cli.mjs';

if (isStale()) {
  try {
    await buildCli();
  } catch (e) {
    process.stderr.write(`claimlab: cannot compile the command line: ${e.message}\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(OUT_FILE).href);
