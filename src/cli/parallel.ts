/**
 * `check` and `adjudicate` of a large JSON Lines file run on a worker thread
 * (node:worker_threads) with a bounded heap. The worker runs the command's own `run` on the
 * file, exactly as this thread would (so the output is the in-process output byte for byte, in
 * input order, with the same messages and exit codes); its output comes here in 64 KiB blocks
 * and this thread writes them with back-pressure, while the worker goes on with the next claims.
 * Why: in the main thread V8 lets the heap grow to a share of the machine's memory before it
 * collects (`check` of 100,000 claims peaked at 275–360 MB RSS); a worker's heap has a limit
 * (`resourceLimits`), and V8 collects to stay under it.
 * Small inputs, stdin, `.json` documents and runs outside the compiled CLI (tsx, tests in
 * process) stay on this thread: a worker costs about 0.1 s to start. `CLAIMLAB_THREADS=0` keeps
 * every run on this thread.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CliError, parseArgs, type Io } from './io';
import { CHECK_FLAGS, parseAdjudicationFlags } from './commands/flags';
import { mayCrossMembers, runSharded } from './sharded';

export type WorkerCommand = 'check' | 'adjudicate';

let entry: URL | undefined;

/** Called by the compiled CLI's entry (bin.ts) with its own URL: the worker runs that same file. */
export function enableWorkers(url: string): void {
  entry = new URL(url);
}

/**
 * Heap limits of the worker (MB). `check` keeps nothing between claims (its code sets take
 * < 100 MB of heap): 256 MB holds its peak RSS near 270 MB for any length of file, at the price
 * of more collections (≈ 10% more CPU than an unbounded heap). `adjudicate`'s ledger keeps
 * one small record per member and claim in memory (about 0.5 KB; README "The command line"), so
 * its bound is wider: 768 MB holds about 1.3 million claims of distinct members (a run that
 * outgrew it would stop) and keeps 100,000 claims under 300 MB RSS (1,536 MB let the heap grow
 * to 340 MB before V8 collected).
 */
const HEAP: Record<WorkerCommand, { maxOldGenerationSizeMb: number }> = {
  check: { maxOldGenerationSizeMb: 256 },
  adjudicate: { maxOldGenerationSizeMb: 768 },
};

/** Below this size a file is processed on this thread. */
const MIN_BYTES = 4 * 1024 * 1024;
/** Output blocks sent by the worker and not yet written here, before the worker waits. */
const IN_FLIGHT = 8;
const OUT_BLOCK = 64 * 1024;

/**
 * Whether command `name` with `args` runs on a worker thread: a `.jsonl`/`.ndjson` file of at
 * least 4 MiB (`CLAIMLAB_PARALLEL_MIN_BYTES` sets another threshold, for tests), from the
 * compiled CLI, unless `CLAIMLAB_THREADS=0`. Parses the command's flags first, so a usage error
 * is the one the command itself gives.
 */
export function useWorker(name: string, args: string[]): name is WorkerCommand {
  if (!entry || !isMainThread || (name !== 'check' && name !== 'adjudicate')) return false;
  const arg = inputOf(name, args);
  if (!arg || arg === '-' || !/\.(jsonl|ndjson)$/i.test(arg)) return false;
  if (threads() === 0) return false;
  const minEnv = process.env.CLAIMLAB_PARALLEL_MIN_BYTES;
  try {
    const st = statSync(arg);
    return st.isFile() && st.size >= (minEnv ? Number(minEnv) : MIN_BYTES);
  } catch {
    return false; // the command itself names the problem
  }
}

const inputOf = (name: WorkerCommand, args: string[]) =>
  name === 'check'
    ? parseArgs(args, CHECK_FLAGS).positional[0]
    : parseAdjudicationFlags(args).positional[0];

/**
 * Worker threads for a large file: `CLAIMLAB_THREADS` (0 = none, this thread; 2 or more = that
 * many, at most one per core: src/cli/sharded.ts), else one. Why one by default: each worker
 * loads its own code sets and engines (≈ 60 MB of live heap for `check`: the ICD-10-CM release
 * ≈ 20 MB, MCE, HCPCS, MPFS, NCCI, packs, the CLI's code; ≈ 100 MB of heap with its young
 * generation and slack), so two take ≈ 360–400 MB peak RSS for `check` and ≈ 500 MB for
 * `adjudicate` of 100,000 claims even with the main thread's heap bounded (heap-bound.ts), over
 * the 300 MB bound of issue 11, and 20–50% more CPU time; they shorten the wall time only when
 * the cores are otherwise idle, which they are not on a shared machine.
 */
function threads(): number {
  const env = process.env.CLAIMLAB_THREADS;
  if (env === undefined || env === '') return 1;
  const n = Number(env);
  if (!Number.isInteger(n) || n < 0) return 1;
  return n <= 1 ? n : Math.min(n, Math.max(1, availableParallelism()));
}

/**
 * Heap limits of each worker when several share the work (src/cli/sharded.ts): each holds its
 * own code sets, so the bound of each is lower than that of a lone worker.
 */
const SHARD_HEAP: Record<WorkerCommand, { maxOldGenerationSizeMb: number }> = {
  check: { maxOldGenerationSizeMb: 192 },
  adjudicate: { maxOldGenerationSizeMb: 384 },
};

interface WorkerSetup {
  claimlabWorker: true;
  command: WorkerCommand;
  args: string[];
}

interface Failure {
  message: string;
  exitCode: number;
  cli: boolean;
}

type FromWorker =
  | { type: 'out'; text: string }
  | { type: 'err'; line: string }
  | { type: 'done'; code: number }
  | { type: 'failed'; failure: Failure };

type ToWorker = { type: 'ack' } | { type: 'end' };

const toError = (f: Failure) =>
  f.cli ? new CliError(f.message, f.exitCode) : new Error(f.message);

/** Runs `command` on a worker thread; resolves to its exit code, or rejects with its error. */
export function runInWorker(command: WorkerCommand, args: string[], io: Io): Promise<number> {
  const n = threads();
  const file = inputOf(command, args)!;
  // Several workers (src/cli/sharded.ts): `check` always; `adjudicate` unless a claim of the
  // file may name another member's claim (then one worker sees every claim in order).
  if (n >= 2 && (command === 'check' || !mayCrossMembers(file)))
    return runSharded(entry!, command, args, file, n, io, SHARD_HEAP[command]);
  const setup: WorkerSetup = { claimlabWorker: true, command, args };
  const w = new Worker(entry!, {
    workerData: setup,
    // Not the parent's Node options: `--input-type` or `-e` of a wrapper would stop the worker.
    execArgv: [],
    resourceLimits: HEAP[command],
  });
  const post = (m: ToWorker) => w.postMessage(m);
  return new Promise<number>((resolve, reject) => {
    // Messages are handled one after the other: a block is written (and drained) before the next.
    let chain = Promise.resolve();
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    w.on('message', (m: FromWorker) => {
      chain = chain.then(async () => {
        if (m.type === 'out') {
          io.out(m.text);
          const d = io.drain?.();
          if (d) await d;
          post({ type: 'ack' });
        } else if (m.type === 'err') io.err(m.line);
        else if (m.type === 'done') {
          post({ type: 'end' });
          settle(() => resolve(m.code));
        } else {
          post({ type: 'end' });
          settle(() => reject(toError(m.failure)));
        }
      });
    });
    w.on('error', (e) => void chain.then(() => settle(() => reject(e))));
    w.on('exit', (code) => {
      void chain.then(() =>
        settle(() => reject(new Error(`the worker thread stopped (exit code ${code})`))),
      );
    });
  });
}

const describe = (e: unknown): Failure => ({
  message: (e as Error)?.message ?? String(e),
  exitCode: e instanceof CliError ? e.exitCode : 1,
  cli: e instanceof CliError,
});

/** True in a worker thread started by `runInWorker`. */
export function isCliWorker(): boolean {
  return !isMainThread && !!(workerData as WorkerSetup | undefined)?.claimlabWorker;
}

/** The body of the worker thread: the command's `run`, its output sent to the main thread. */
export async function runWorker(): Promise<void> {
  const port = parentPort!;
  const { command, args } = workerData as WorkerSetup;
  const post = (m: FromWorker) => port.postMessage(m);
  let buf = '';
  let unacked = 0;
  let waiting: (() => void) | undefined;
  port.on('message', (m: ToWorker) => {
    // process.exit in a worker ends this thread only and runs its 'exit' handlers (the
    // ledger's temporary file is removed).
    if (m.type === 'end') process.exit(0);
    unacked--;
    const w = waiting;
    waiting = undefined;
    w?.();
  });
  const send = () => {
    if (!buf) return;
    post({ type: 'out', text: buf.slice(0, -1) }); // the main thread's io.out adds the LF
    buf = '';
    unacked++;
  };
  const io: Io = {
    out: (l) => {
      buf += l + '\n';
      if (buf.length >= OUT_BLOCK) send();
    },
    err: (line) => {
      send();
      post({ type: 'err', line });
    },
    readStdin: async () => '',
    drain: () => (unacked < IN_FLIGHT ? undefined : new Promise<void>((res) => (waiting = res))),
    flush: async () => send(),
  };
  try {
    const mod =
      command === 'check'
        ? await import('./commands/check')
        : await import('./commands/adjudicate');
    const code = await mod.run(args, io);
    send();
    post({ type: 'done', code });
  } catch (e) {
    send();
    post({ type: 'failed', failure: describe(e) });
  }
}
