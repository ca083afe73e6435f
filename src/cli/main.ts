/**
 * ClaimLab command line: `npm run -s claimlab -- <command> …`. stdout carries only results
 * (JSON lines or the requested text); messages go to stderr. Exit codes (README "The command
 * line"): 0 done (findings in the output are not failures), 1 the input could not be read or the
 * command failed, 2 usage error (unknown command, bad option, missing argument).
 * The shipped CLI is this module compiled by scripts/build-cli.mjs (entry src/cli/bin.ts).
 */
import { CliError, processIo, type Io } from './io';
import { runInWorker, useWorker } from './parallel';

type Command = (args: string[], io: Io) => Promise<number>;

/** Each command lives in its own module, loaded on demand so one command's start-up stays small. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  check: {
    summary: 'check <file|->          scrub claims: one JSON findings object per claim',
    load: () => import('./commands/check'),
  },
  adjudicate: {
    summary: 'adjudicate <file|->     adjudicate claims: one JSON remittance per claim',
    load: () => import('./commands/adjudicate'),
  },
  reopen: {
    summary: 'reopen <file|->         Medicare reopening requests: revised remittance or refusal',
    load: () => import('./commands/reopen'),
  },
  codesets: {
    summary: 'codesets build [--from DIR]   import official files into bundles',
    load: () => import('./commands/codesets'),
  },
  codes: {
    summary: 'codes search|lookup|diff …     the encoder on the command line',
    load: () => import('./commands/codes'),
  },
  pack: {
    summary: 'pack validate <dir|file> | pack diff <a> <b>   check and compare scenario packs',
    load: () => import('./commands/pack'),
  },
  simulate: {
    summary: 'simulate --seed S --encounters N [--coder-accuracy P] [--json]   run the practice',
    load: () => import('./commands/simulate'),
  },
  x12: {
    summary: 'x12 837|835|read <file|->      ASC X12 export and import',
    load: () => import('./commands/x12'),
  },
};

function usage(io: Io) {
  io.err('usage: npm run -s claimlab -- <command> [options]\n\ncommands:');
  for (const c of Object.values(COMMANDS)) io.err(`  ${c.summary}`);
}

/**
 * Runs one command. `beforeCommand` runs before a command is loaded on this thread (the compiled
 * CLI sets its pack cache there), not when the work goes to a worker thread.
 */
export async function main(
  argv: string[],
  io: Io = processIo,
  beforeCommand?: () => Promise<void>,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`claimlab: unknown command "${name}"`);
    usage(io);
    return 2;
  }
  let code: number;
  try {
    // A large JSON Lines file to check or adjudicate runs on a worker thread with a bounded
    // heap; this thread then only writes its output (src/cli/parallel.ts).
    if (useWorker(name, rest)) code = await runInWorker(name, rest, io);
    else {
      await beforeCommand?.();
      code = await (await cmd.load()).run(rest, io);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`claimlab ${name}: ${e.message}`);
      code = e.exitCode;
    } else {
      io.err(`claimlab ${name}: internal error: ${(e as Error).message}`);
      code = 1;
    }
  }
  await io.flush?.();
  return code;
}

/** Runs the CLI as the process: exit code, a closed pipe (`| head`) is not an error. */
export function runAsProcess(beforeCommand?: () => Promise<void>): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // exitCode rather than process.exit(): exit() would cut piped stdout that is still buffered.
  main(process.argv.slice(2), processIo, beforeCommand).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`claimlab: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

// `tsx src/cli/main.ts …` (development); the compiled CLI starts from bin.ts.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) runAsProcess();
