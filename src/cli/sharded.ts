/**
 * `check` and `adjudicate` of a large JSON Lines file on several worker threads (one per core,
 * two here), output still in input order and byte for byte what one thread prints.
 * This thread cuts the file into lines and hands each record to a worker: `check` keeps nothing
 * between claims, so blocks of records go to the workers in turn; `adjudicate` carries each
 * member's deductible, out-of-pocket and claims from claim to claim, so every claim of one member
 * goes to the same worker (by a hash of the member id as the ledger will read it), which sees that
 * member's claims in input order. The results come back in blocks and are written here in input
 * order (each worker answers its records in the order it got them, and this thread remembers
 * which worker has each record).
 * A claim can also name another member's claim (a replacement or void naming its original, a
 * secondary claim finding the primary's answer by claim id): a file that may hold one
 * (`mayCrossMembers`) is adjudicated on one worker instead.
 * The workers' setup messages (stderr) are the same on each: only the first worker's are written.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { ECHO_MAX } from '../domain/claim/input-text';
import { boundedHeap } from './heap-bound';
import {
  CliError,
  lineRecord,
  lineText,
  isBlankLine,
  openLines,
  type Io,
  type RawLine,
} from './io';

export type ShardCommand = 'check' | 'adjudicate';

/** Records per block sent to a worker. */
const BATCH = 256;
/**
 * Characters of input passed on between two collections of this thread's heap (heap-bound.ts):
 * at 4 Mi, 100,000 claims (48 MB) take a dozen collections of a few ms each.
 */
const GC_EVERY = 4 * 1024 * 1024;
/** Records read but not yet written, per worker, before this thread waits. */
const IN_FLIGHT_PER_WORKER = 16 * BATCH;

/** One input line as a worker receives it (`lineRecord` makes its record again there). */
type WireLine = [index: number, number: number, text: string | null, bytes: number, limit: number];

export interface ShardSetup {
  claimlabShard: true;
  command: ShardCommand;
  args: string[];
  /** The input's name as messages give it (`file:line`). */
  name: string;
  shard: number;
}

interface Failure {
  message: string;
  exitCode: number;
  cli: boolean;
}

type FromShard =
  | { type: 'ready' }
  | { type: 'out'; texts: string[] }
  | { type: 'err'; line: string }
  | { type: 'failed'; failure: Failure; at: number };

type ToShard = { type: 'lines'; lines: WireLine[] } | { type: 'end' };

const toError = (f: Failure) =>
  f.cli ? new CliError(f.message, f.exitCode) : new Error(f.message);

/**
 * Whether a JSON Lines file may hold a claim that refers to another member's claim: the field
 * names `originalClaimId` (a replacement or void names its original) or `otherPayers` (a
 * secondary claim finds the primary's answer by claim id), or a `\u` escape (which could spell
 * either). Read in 1 MiB blocks, about 10 ms per 10 MB.
 */
export function mayCrossMembers(file: string): boolean {
  const needles = ['originalClaimId', 'otherPayers', '\\u'].map((s) => Buffer.from(s));
  const keep = 16; // a needle cut between two blocks is found in the next one
  const buf = Buffer.alloc(1024 * 1024 + keep);
  const fd = openSync(file, 'r');
  try {
    let carry = 0;
    for (;;) {
      const n = readSync(fd, buf, carry, buf.length - carry, null);
      if (n === 0) return false;
      const view = buf.subarray(0, carry + n);
      if (needles.some((x) => view.includes(x))) return true;
      carry = Math.min(keep, view.length);
      view.copy(buf, 0, view.length - carry);
    }
  } finally {
    closeSync(fd);
  }
}

const MEMBER_KEY = Buffer.from('"memberId"');
const isJsonSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * The member ids (as the payer ledger keys them: trimmed, cut to their first ECHO_MAX
 * characters) that appear on more than one claim of a JSON Lines file, read from its bytes
 * without parsing it; null when that cannot be told exactly: a `memberId` whose value is not a
 * string literal (a number is the ledger's text of it) or holds an escape. Every `"memberId":` key
 * of the file is counted, wherever it stands (a superset of the claims' own: counting more only
 * keeps more). A claim whose member id is not in the set is the only claim of that member in the
 * file: no later claim of the run can look back at it (README "The command line").
 * Read in 1 MiB blocks, about one pass of Buffer.indexOf over the file.
 */
export function repeatedMembers(file: string): Set<string> | null {
  const seen = new Set<string>();
  const repeats = new Set<string>();
  const block = Buffer.alloc(1024 * 1024);
  let carry: Buffer = Buffer.alloc(0);
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      const view = carry.length
        ? Buffer.concat([carry, block.subarray(0, n)])
        : block.subarray(0, n);
      // Where the next view starts: a key cut at the end of this block is read again whole.
      let keepFrom = -1;
      let at = 0;
      for (;;) {
        const k = view.indexOf(MEMBER_KEY, at);
        if (k < 0) break;
        let i = k + MEMBER_KEY.length;
        while (isJsonSpace(view[i])) i++;
        if (i >= view.length) {
          keepFrom = k;
          break;
        }
        if (view[i] !== 0x3a) {
          at = k + 1; // a string "memberId" that is not a key
          continue;
        }
        i++;
        while (isJsonSpace(view[i])) i++;
        if (i >= view.length) {
          keepFrom = k;
          break;
        }
        if (view[i] !== 0x22) return null; // not a string literal
        const start = i + 1;
        let j = start;
        while (j < view.length && view[j] !== 0x22 && view[j] !== 0x5c) j++;
        if (j >= view.length) {
          if (j - start > 64 * 1024) return null;
          keepFrom = k;
          break;
        }
        if (view[j] === 0x5c) return null; // an escape: the text is not the id
        const id = view.toString('utf8', start, j).trim().slice(0, ECHO_MAX);
        if (seen.has(id)) repeats.add(id);
        else seen.add(id);
        at = j + 1;
      }
      if (n === 0) return repeats;
      if (keepFrom < 0) keepFrom = Math.max(at, view.length - (MEMBER_KEY.length - 1));
      carry = Buffer.from(view.subarray(keepFrom));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The worker of an adjudicated claim: all claims whose `patient.memberId` the ledger reads as one
 * member (trimmed; numbers as text; absent = the '' member) get the same worker. The key is the
 * id's first 40 characters: the ledger's member is the id cut to 60 (input-text.ts `echo`), so
 * ids it holds for one member never differ in these. A record that is not JSON touches no member.
 */
function memberShard(l: RawLine, n: number): number {
  if (l.kind !== 'line') return 0;
  const text = lineText(l);
  let id = scannedMemberId(text);
  if (id === null) {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return 0;
    }
    id = parsedMemberId(v);
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length && i < 40; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

/** The member id the ledger reads from a parsed record: trimmed; a number as text; else ''. */
export function parsedMemberId(v: unknown): string {
  const p = (v as { patient?: unknown } | null)?.patient;
  const raw =
    p !== null && typeof p === 'object' && !Array.isArray(p)
      ? (p as { memberId?: unknown }).memberId
      : undefined;
  return typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * `parsedMemberId(JSON.parse(text))` read from the text without parsing it (this thread reads
 * every record of the file; a parse here was a second JSON.parse of the whole input, issue 11),
 * or null when the text has a backslash (an escape could spell a key or change a value), is not
 * an object, or its member id is not a string literal: then the caller parses. Keys are what
 * JSON.parse keeps: the last `patient` of the record, the last `memberId` of that object. Text
 * that is not JSON may get any answer: such a record touches no member, whatever worker has it.
 */
export function scannedMemberId(text: string): string | null {
  if (text.includes('\\')) return null;
  const n = text.length;
  let i = 0;
  while (i < n && isWs(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x7b) return null;
  let depth = 0;
  let inPatient = false;
  let id = '';
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      let j = end + 1;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3a) {
        i = end + 1; // a string value
        continue;
      }
      let k = j + 1; // a key: its value starts at k
      while (k < n && isWs(text.charCodeAt(k))) k++;
      const len = end - i - 1;
      if (depth === 1 && len === 7 && text.startsWith('patient', i + 1)) {
        id = ''; // a patient that is not an object has no member id
        inPatient = text.charCodeAt(k) === 0x7b;
        if (inPatient) {
          depth = 2;
          i = k + 1;
          continue;
        }
      } else if (inPatient && depth === 2 && len === 8 && text.startsWith('memberId', i + 1)) {
        if (text.charCodeAt(k) !== 0x22) return null;
        const e = text.indexOf('"', k + 1);
        if (e < 0) return null;
        id = text.slice(k + 1, e).trim();
        i = e + 1;
        continue;
      }
      i = k;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < 2) inPatient = false;
    }
    i++;
  }
  return id;
}

/**
 * Runs `command` over the JSON Lines file `name` on `n` worker threads of `entry` (the compiled
 * CLI); resolves to the exit code, or rejects with the error the in-process run would give after
 * writing the same output.
 */
export async function runSharded(
  entry: URL,
  command: ShardCommand,
  args: string[],
  name: string,
  n: number,
  io: Io,
  resourceLimits: { maxOldGenerationSizeMb: number },
): Promise<number> {
  const lines = openLines(name); // an unreadable file fails here, before any worker starts
  const passed = boundedHeap(GC_EVERY);
  const workers = Array.from(
    { length: n },
    (_, shard) =>
      new Worker(entry, {
        workerData: { claimlabShard: true, command, args, name, shard } satisfies ShardSetup,
        execArgv: [],
        resourceLimits,
      }),
  );
  const queues: string[][] = workers.map(() => []);
  const heads = workers.map(() => 0);
  /** The worker of each record from `written` on (`route[i - routeBase]`). */
  let route: number[] = [];
  let routeBase = 0;
  let read = 0;
  let written = 0;
  let ready = 0;
  let failure: { at: number; error: Error } | undefined;
  let wake: (() => void) | undefined;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  // Writes every record whose result has come, in input order (one writer at a time).
  let writing = false;
  const writeReady = async () => {
    if (writing) return;
    writing = true;
    try {
      for (;;) {
        while (written < read && (!failure || written < failure.at)) {
          const s = route[written - routeBase]!;
          const q = queues[s]!;
          if (heads[s]! >= q.length) break;
          io.out(q[heads[s]!]!);
          heads[s]!++;
          written++;
          if (heads[s]! > 4096) {
            q.splice(0, heads[s]);
            heads[s] = 0;
          }
        }
        if (written - routeBase > 65536) {
          route = route.slice(written - routeBase);
          routeBase = written;
        }
        const d = io.drain?.();
        if (!d) break;
        await d;
      }
    } finally {
      writing = false;
      poke();
    }
  };
  workers.forEach((w, s) => {
    w.on('message', (m: FromShard) => {
      if (m.type === 'ready') {
        ready++;
        poke();
      } else if (m.type === 'out') {
        queues[s]!.push(...m.texts);
        void writeReady();
      } else if (m.type === 'err') {
        if (s === 0) io.err(m.line);
      } else {
        const at = m.at < 0 ? 0 : m.at;
        if (!failure || at < failure.at) failure = { at, error: toError(m.failure) };
        void writeReady();
        poke();
      }
    });
    // A worker that dies takes its records with it: stop at the first record not written.
    const died = (error: Error) => {
      if (!failure || written < failure.at) failure = { at: written, error };
      poke();
    };
    w.on('error', died);
    w.on('exit', (code) => died(new Error(`a worker thread stopped (exit code ${code})`)));
  });
  const pending: WireLine[][] = workers.map(() => []);
  const send = (s: number) => {
    if (!pending[s]!.length) return;
    workers[s]!.postMessage({ type: 'lines', lines: pending[s]! } satisfies ToShard);
    pending[s] = [];
  };
  const sendAll = () => workers.forEach((_, s) => send(s));
  const waitUntil = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((r) => (wake = r));
  };
  try {
    for await (const l of lines) {
      if (isBlankLine(l)) continue;
      const index = read;
      const s = command === 'check' ? Math.floor(index / BATCH) % n : memberShard(l, n);
      pending[s]!.push(
        l.kind === 'line'
          ? [index, l.number, l.text, 0, 0]
          : [index, l.number, null, l.bytes, l.limit],
      );
      route.push(s);
      read++;
      passed(l.kind === 'line' ? l.text.length : 0);
      if (pending[s]!.length >= BATCH) send(s);
      if (read - written >= IN_FLIGHT_PER_WORKER * n) {
        sendAll(); // a worker waiting for its next block must get it before this thread waits
        await waitUntil(() => !!failure || read - written < (IN_FLIGHT_PER_WORKER * n) / 2);
      }
      if (failure) break;
    }
    sendAll();
    // Everything written, or (after a failure) every record before the one that failed; and
    // every worker set up, as the in-process run is even for a file with no records (its
    // set-up messages and failures are the run's).
    await waitUntil(() => (failure ? written >= failure.at : written === read && ready === n));
    if (failure) throw failure.error;
    return 0;
  } finally {
    for (const w of workers) {
      w.removeAllListeners('exit');
      w.postMessage({ type: 'end' } satisfies ToShard);
    }
  }
}

const describe = (e: unknown): Failure => ({
  message: (e as Error)?.message ?? String(e),
  exitCode: e instanceof CliError ? e.exitCode : 1,
  cli: e instanceof CliError,
});

/** True in a worker thread started by `runSharded`. */
export function isShardWorker(): boolean {
  return !!(workerData as ShardSetup | undefined)?.claimlabShard;
}

/** The body of a shard worker: the command's per-record step over the lines it is sent. */
export async function runShard(): Promise<void> {
  const port = parentPort!;
  const { command, args, name } = workerData as ShardSetup;
  const post = (m: FromShard) => port.postMessage(m);
  const held: WireLine[][] = [];
  let step: ((r: ReturnType<typeof lineRecord>) => string) | undefined;
  let stopped = false;
  const work = (lines: WireLine[]) => {
    const texts: string[] = [];
    for (const [index, number, text, bytes, limit] of lines) {
      const l: RawLine =
        text === null ? { kind: 'long', bytes, limit, number } : { kind: 'line', text, number };
      try {
        texts.push(step!(lineRecord(l, name, index)));
      } catch (e) {
        post({ type: 'out', texts });
        post({ type: 'failed', failure: describe(e), at: index });
        stopped = true;
        return;
      }
    }
    post({ type: 'out', texts });
  };
  port.on('message', (m: ToShard) => {
    // process.exit in a worker ends this thread only and runs its 'exit' handlers (the
    // ledger's temporary file is removed).
    if (m.type === 'end') process.exit(0);
    if (stopped) return;
    if (step) work(m.lines);
    else held.push(m.lines);
  });
  const io: Io = {
    out: () => {
      throw new Error('a shard worker prints through its step');
    },
    err: (line) => post({ type: 'err', line }),
    readStdin: async () => '',
  };
  try {
    const mod =
      command === 'check'
        ? await import('./commands/check')
        : await import('./commands/adjudicate');
    step = await mod.prepare(args, io);
    post({ type: 'ready' });
  } catch (e) {
    stopped = true;
    post({ type: 'failed', failure: describe(e), at: -1 });
    return;
  }
  for (const lines of held.splice(0)) if (!stopped) work(lines);
}
