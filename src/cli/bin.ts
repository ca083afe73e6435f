/** Entry of the compiled CLI (dist-cli/claimlab.mjs, built by scripts/build-cli.mjs). */
import { runAsProcess } from './main';

runAsProcess();
