/**
 * `check` and `adjudicate` of a large JSON Lines file on worker threads (node:worker_threads).
 * This thread cuts the file into lines and writes the results; the workers parse each record and
 * run the command's own per-record function (`checker`, `adjudicationStep`), so a record's
 * output line is the one the in-process path prints, byte for byte, and lines come out in input
 * order. `check` keeps no state between claims and uses up to two workers; `adjudicate` keeps one
 * payer ledger in input order, so one worker adjudicates while this thread reads and writes.
 * Each worker's heap is bounded (`resourceLimits`). Small inputs, stdin, `.json` documents and
 * runs outside the compiled CLI (tsx, tests in process) stay on one thread: starting a worker
 * loads the code sets again. `CLAIMLAB_THREADS=0` keeps every run on one thread.
 * Exit codes and messages are the in-process ones: a setup error in a worker (bad --ncci, an
 * unreadable --history) is rethrown here as the same CliError; messages a worker writes while
 * loading (a code set missing) are printed once.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  CliError,
  lineRecord,
  parseArgs,
  openJsonLines,
  READ_LIMITS,
  type IndexedLine,
  type InputRecord,
  type Io,
} from './io';
import { CHECK_FLAGS, parseAdjudicationFlags } from './commands/flags';

export type ParallelCommand = 'check' | 'adjudicate';

/**
 * When command `name` with `args` should run on worker threads: the command, its input file and
 * the number of workers; else undefined. Parses the command's flags first, so a usage error is
 * the one the command itself would give.
 */
export function parallelFor(
  name: string,
  args: string[],
): { command: ParallelCommand; file: string; threads: number } | undefined {
  if (!entry || (name !== 'check' && name !== 'adjudicate')) return undefined;
  const file =
    name === 'check'
      ? parseArgs(args, CHECK_FLAGS).positional[0]
      : parseAdjudicationFlags(args).positional[0];
  const threads = parallelPlan(file, name);
  return threads && file ? { command: name, file, threads } : undefined;
}

let entry: URL | undefined;

/** Called by the compiled CLI's entry (bin.ts) with its own URL: workers run that same file. */
export function enableWorkers(url: string): void {
  entry = new URL(url);
}

/**
 * Heap limits of a worker (MB). Bounded, V8 collects before the heap grows (in the main thread it
 * lets the heap grow to a fraction of the machine's memory): `check` of 100,000 claims peaks at
 * ≈ 270 MB RSS on one worker against ≈ 360 MB in process. `check` keeps nothing between claims
 * (its code sets take < 100 MB); `adjudicate`'s ledger keeps per-member keys in memory, so its
 * bound is wider.
 */
const HEAP: Record<
  ParallelCommand,
  { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number }
> = {
  check: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 48 },
  adjudicate: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 48 },
};

/** Below this size a file is processed on one thread (worker start-up would cost more). */
const MIN_BYTES = 4 * 1024 * 1024;
/** A batch sent to a worker: this many records, or this many bytes, whichever comes first. */
const BATCH_LINES = 200;
const BATCH_BYTES = 256 * 1024;
/**
 * Workers for `check` unless CLAIMLAB_THREADS says otherwise: one. Each worker loads its own
 * code sets (≈ 100 MB): two check 100,000 claims in less wall time on an idle 2-core machine
 * but peak at ≈ 440 MB RSS, over the 300 MB bound (README "Benchmarks").
 */
const DEFAULT_THREADS = 1;
/** Batches in flight per worker: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 4;

/**
 * The number of worker threads for `command` on input `arg`, or 0 to run in this thread.
 * `CLAIMLAB_THREADS` caps it (0: never); `CLAIMLAB_PARALLEL_MIN_BYTES` lowers the size
 * threshold (tests).
 */
export function parallelPlan(arg: string | undefined, command: ParallelCommand): number {
  if (!entry || !isMainThread || !arg || arg === '-' || !/\.(jsonl|ndjson)$/i.test(arg)) return 0;
  const cap = process.env.CLAIMLAB_THREADS;
  const max = cap === undefined || cap === '' ? DEFAULT_THREADS : Number(cap);
  if (!Number.isInteger(max) || max <= 0) return 0;
  const minEnv = process.env.CLAIMLAB_PARALLEL_MIN_BYTES;
  const min = minEnv ? Number(minEnv) : MIN_BYTES;
  let size: number;
  try {
    const st = statSync(arg);
    if (!st.isFile()) return 0;
    size = st.size;
  } catch {
    return 0; // the in-process path names the problem
  }
  if (size < min) return 0;
  if (command === 'adjudicate') return 1;
  return Math.max(1, Math.min(max, availableParallelism()));
}

interface WorkerSetup {
  claimlabWorker: true;
  command: ParallelCommand;
  args: string[];
  name: string;
  /** Only the first worker forwards the messages of loading (every worker would print them). */
  quiet: boolean;
}

interface Failure {
  message: string;
  exitCode: number;
  cli: boolean;
}

type FromWorker =
  | { type: 'err'; line: string }
  | { type: 'ready' }
  | { type: 'failed'; failure: Failure }
  | { type: 'out'; seq: number; text: string; count: number; failure?: Failure };

/**
 * A batch of lines, packed to be cheap to copy between threads: the texts joined by LF (a line
 * holds none), and per line its number, record index and, for an oversized line, its size.
 */
interface Batch {
  type: 'batch';
  seq: number;
  text: string;
  /** [line number, record index, bytes of an oversized line or -1] per line. */
  meta: number[];
}
type ToWorker = Batch | { type: 'end' };

const RECORD_LIMIT = READ_LIMITS.maxRecordBytes;

function unpack(b: Batch): IndexedLine[] {
  const texts = b.text.split('\n');
  const out: IndexedLine[] = [];
  for (let i = 0, t = 0; i < b.meta.length; i += 3) {
    const [number, index, long] = [b.meta[i]!, b.meta[i + 1]!, b.meta[i + 2]!];
    out.push(
      long < 0
        ? { kind: 'line', text: texts[t++]!, number, index }
        : { kind: 'long', bytes: long, limit: RECORD_LIMIT, number, index },
    );
  }
  return out;
}

const toError = (f: Failure) =>
  f.cli ? new CliError(f.message, f.exitCode) : new Error(f.message);

/** Runs `command` over the JSON Lines file `file` on `threads` workers; returns the exit code. */
export async function runInWorkers(
  command: ParallelCommand,
  args: string[],
  file: string,
  threads: number,
  io: Io,
): Promise<number> {
  const input = openJsonLines(file)!;
  const workers: Worker[] = [];
  const inFlight: number[] = [];
  const results = new Map<number, Extract<FromWorker, { type: 'out' }>>();
  let wake: (() => void) | undefined;
  let broken: Error | undefined;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  let ready = 0;
  for (let i = 0; i < threads; i++) {
    const setup: WorkerSetup = { claimlabWorker: true, command, args, name: file, quiet: i > 0 };
    const w = new Worker(entry!, {
      workerData: setup,
      // Not the parent's Node options: `--input-type` or `-e` of a wrapper would stop the worker.
      execArgv: [],
      resourceLimits: HEAP[command],
    });
    workers.push(w);
    inFlight.push(0);
    w.on('message', (m: FromWorker) => {
      if (m.type === 'err') io.err(m.line);
      else if (m.type === 'ready') ready++;
      else if (m.type === 'failed') broken ??= toError(m.failure);
      else {
        inFlight[i]!--;
        results.set(m.seq, m);
      }
      poke();
    });
    w.on('error', (e) => {
      broken ??= e;
      poke();
    });
    w.on('exit', (code) => {
      if (code !== 0) broken ??= new Error(`worker thread stopped (exit code ${code})`);
      poke();
    });
  }
  const wait = () => new Promise<void>((res) => (wake = res));
  let written = 0;
  /** Writes the results that are next in order; throws what a worker failed with. */
  const writeReady = async () => {
    for (;;) {
      const r = results.get(written);
      if (!r) return;
      results.delete(written);
      written++;
      if (r.count > 0) io.out(r.text);
      if (r.failure) throw toError(r.failure);
      const d = io.drain?.();
      if (d) await d;
    }
  };
  try {
    while (ready < threads) {
      if (broken) throw broken;
      await wait();
    }
    let seq = 0;
    let texts: string[] = [];
    let meta: number[] = [];
    let bytes = 0;
    const send = async () => {
      // Back-pressure: at most IN_FLIGHT batches per worker, and write as results come in.
      for (;;) {
        if (broken) throw broken;
        await writeReady();
        if (broken) throw broken;
        let best = 0;
        for (let i = 1; i < threads; i++) if (inFlight[i]! < inFlight[best]!) best = i;
        if (inFlight[best]! < IN_FLIGHT) {
          inFlight[best]!++;
          const msg: ToWorker = { type: 'batch', seq: seq++, text: texts.join('\n'), meta };
          workers[best]!.postMessage(msg);
          texts = [];
          meta = [];
          bytes = 0;
          return;
        }
        await wait();
      }
    };
    for await (const l of input.lines) {
      if (l.index < 0) continue;
      if (l.kind === 'line') {
        texts.push(l.text);
        bytes += l.text.length;
        meta.push(l.number, l.index, -1);
      } else meta.push(l.number, l.index, l.bytes);
      if (meta.length >= BATCH_LINES * 3 || bytes >= BATCH_BYTES) await send();
    }
    if (meta.length) await send();
    while (written < seq) {
      if (broken) throw broken;
      await writeReady();
      if (written < seq) await wait();
    }
    return 0;
  } finally {
    for (const w of workers) {
      w.removeAllListeners('exit');
      w.postMessage({ type: 'end' } satisfies ToWorker);
    }
  }
}

const describe = (e: unknown): Failure => ({
  message: (e as Error)?.message ?? String(e),
  exitCode: e instanceof CliError ? e.exitCode : 1,
  cli: e instanceof CliError,
});

/** True in a worker thread started by `runInWorkers`. */
export function isCliWorker(): boolean {
  return !isMainThread && !!(workerData as WorkerSetup | undefined)?.claimlabWorker;
}

/** The body of a worker thread: load the command once, then answer batches until `end`. */
export async function runWorker(): Promise<void> {
  const port = parentPort!;
  const { command, args, name, quiet } = workerData as WorkerSetup;
  const post = (m: FromWorker) => port.postMessage(m);
  const io: Io = {
    out: () => {},
    err: (line) => {
      if (!quiet) post({ type: 'err', line });
    },
    readStdin: async () => '',
  };
  let step: (r: InputRecord) => string;
  try {
    step =
      command === 'check'
        ? await (await import('./commands/check')).checker(args, io)
        : await (await import('./commands/adjudicate')).adjudicationStep(args, io);
  } catch (e) {
    post({ type: 'failed', failure: describe(e) });
    return;
  }
  port.on('message', (m: ToWorker) => {
    // process.exit in a worker ends this thread only, and runs its 'exit' handlers (the
    // ledger's temporary file is removed).
    if (m.type === 'end') process.exit(0);
    const outs: string[] = [];
    for (const l of unpack(m)) {
      try {
        outs.push(step(lineRecord(l, name, l.index)));
      } catch (e) {
        post({
          type: 'out',
          seq: m.seq,
          text: outs.join('\n'),
          count: outs.length,
          failure: describe(e),
        });
        return;
      }
    }
    post({ type: 'out', seq: m.seq, text: outs.join('\n'), count: outs.length });
  });
  post({ type: 'ready' });
}
