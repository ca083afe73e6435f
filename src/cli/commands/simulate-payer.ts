/**
 * `claimlab simulate`'s payer on a second thread. The payer's edits and adjudication are about
 * half of a run's work, and the practice needs a claim's remittance only on its clearinghouse day
 * (a day or more after the claim is sent): so the compiled CLI hands each claim to a worker thread
 * that holds the payer (the code sets, the payer service and its ledger: services/
 * practice-payer.ts) and goes on with the other visits, the machines and the world while the
 * worker adjudicates. The worker takes the claims in the order the practice sends them, exactly
 * as the one-thread run calls the payer, so every remittance is the same and so is the output,
 * byte for byte (test/cli/simulate-worker.test.ts). The practice reads an answer when it is due
 * (`PracticeEffects.adjudicateLater`), waiting for it then if the worker is behind
 * (`Atomics.wait` on a shared counter the worker bumps after each answer; the answers are taken
 * off the port with `receiveMessageOnPort`, so the practice stays synchronous). A reopening needs
 * its answer at once: it waits for it there and then.
 * Only in the compiled CLI (bin.ts names the file a worker runs), for runs of at least
 * `WORKER_MIN_ENCOUNTERS`, unless `CLAIMLAB_THREADS=0`; tests and the bench in process run the
 * payer on their own thread.
 */
import {
  MessageChannel,
  Worker,
  isMainThread,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import type { Claim } from '../../domain/claim/claim';
import type { Remittance } from '../../domain/payer/remittance/remittance';
import type { PracticeEffects } from '../../machines/practice/engine';
import { practiceEffects } from '../../services/practice-payer';
import { shippedPayerService } from '../../services/shipped';
import type { Io } from '../io';
import { loadCatalog } from './check';
import { cliPayerService } from './payer-service';

/** Runs this short stay on one thread: a worker costs ~0.1 s of CPU to start. */
export const WORKER_MIN_ENCOUNTERS = 1000;

let entry: URL | undefined;

/** Called by the compiled CLI's entry (bin.ts) with its own URL: the worker runs that file. */
export function enableSimulateWorker(url: string): void {
  entry = new URL(url);
}

/** Whether a run of `encounters` visits gets the payer worker. */
export function useSimulateWorker(encounters: number): boolean {
  return (
    !!entry &&
    isMainThread &&
    process.env.CLAIMLAB_THREADS !== '0' &&
    encounters >= WORKER_MIN_ENCOUNTERS
  );
}

interface Setup {
  claimlabSimulatePayer: true;
  seed: number;
  port: MessagePort;
  /** Int32 counter: the worker adds one after each message it posts. */
  signal: SharedArrayBuffer;
}

type Request = { op: 'adjudicate' | 'reopen'; claim: Claim; date: string } | { op: 'end' };

type Reply =
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; message: string }
  | { kind: 'err'; line: string }
  | { kind: 'fatal'; message: string };

/** Longest wait for one answer before the run gives up on the worker. */
const STALL_MS = 120_000;

/**
 * The practice's effects with the payer on a worker thread (the payer profiles, which the
 * practice reads itself, come from the shipped packs on this thread). `close` ends the worker.
 */
export function workerPracticeEffects(
  seed: number,
  io: Io,
): {
  effects: PracticeEffects;
  /**
   * Work this thread may do while it waits for an answer (the next visit, generated ahead): one
   * small step per call, true while there was something to do.
   */
  whileWaiting: (() => boolean) | null;
  close(): Promise<void>;
} {
  const { port1: port, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  const setup: Setup = { claimlabSimulatePayer: true, seed, port: port2, signal };
  const worker = new Worker(entry!, {
    workerData: setup,
    transferList: [port2],
    // Not the parent's Node options: `--input-type` or `-e` of a wrapper would stop the worker.
    execArgv: [],
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  worker.on('error', () => {}); // a crash shows as a stalled answer below
  const payers = shippedPayerService().payers;

  let sent = 0;
  let answered = 0;
  const answers = new Map<number, Reply>();
  /** Takes the worker's messages off the port until answer `n` is in; true when it is. */
  const pump = (n: number, wait: boolean): void => {
    let since = Date.now();
    while (answered <= n) {
      const seen = Atomics.load(counter, 0);
      const m = receiveMessageOnPort(port) as { message: Reply } | undefined;
      if (m) {
        since = Date.now();
        const r = m.message;
        if (r.kind === 'err') io.err(r.line);
        else if (r.kind === 'fatal') throw new Error(r.message);
        else answers.set(answered++, r);
        continue;
      }
      if (!wait) return;
      if (out.whileWaiting?.()) continue;
      if (exited || Date.now() - since > STALL_MS)
        throw new Error('the payer worker thread stopped answering');
      Atomics.wait(counter, 0, seen, 1000);
    }
  };
  const answer = <T>(n: number): T => {
    pump(n, true);
    const r = answers.get(n)!;
    answers.delete(n);
    if (r.kind === 'error') throw new Error(r.message);
    return (r as { value: T }).value;
  };
  const ask = (req: Request): number => {
    port.postMessage(req);
    return sent++;
  };

  const out: { whileWaiting: (() => boolean) | null } = { whileWaiting: null };
  const effects: PracticeEffects = {
    payer: (id) => payers.get(id),
    adjudicate: (claim, date) => answer<Remittance>(ask({ op: 'adjudicate', claim, date })),
    adjudicateLater: (claim, date) => {
      const n = ask({ op: 'adjudicate', claim, date });
      return () => answer<Remittance>(n);
    },
    reopen: (claim, date) =>
      answer<ReturnType<PracticeEffects['reopen']>>(ask({ op: 'reopen', claim, date })),
  };
  return {
    effects,
    get whileWaiting() {
      return out.whileWaiting;
    },
    set whileWaiting(f) {
      out.whileWaiting = f;
    },
    async close() {
      // Messages still on the way (a stderr line) are shown before the worker ends.
      if (!exited) port.postMessage({ op: 'end' } satisfies Request);
      await exit;
      pump(Number.MAX_SAFE_INTEGER, false);
      port.close();
    },
  };
}

export function isSimulatePayerWorker(): boolean {
  return !isMainThread && !!(workerData as Setup | undefined)?.claimlabSimulatePayer;
}

/** The body of the worker thread: the payer, answering the practice's claims in order. */
export async function runSimulatePayer(): Promise<void> {
  const { seed, port, signal } = workerData as Setup;
  const counter = new Int32Array(signal);
  const post = (r: Reply) => {
    port.postMessage(r);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
  const io: Io = {
    out: () => {},
    err: (line) => post({ kind: 'err', line }),
    readStdin: () => Promise.resolve(''),
  };
  let effects: PracticeEffects;
  try {
    const service = cliPayerService(io, { insteadOfMpfs: 'using the pack fee table' });
    effects = practiceEffects(service, await loadCatalog(io), seed);
  } catch (e) {
    post({ kind: 'fatal', message: (e as Error).message });
    port.close();
    return;
  }
  port.on('message', (req: Request) => {
    if (req.op === 'end') {
      port.close();
      return;
    }
    try {
      const value =
        req.op === 'adjudicate'
          ? effects.adjudicate(req.claim, req.date)
          : effects.reopen(req.claim, req.date);
      post({ kind: 'value', value });
    } catch (e) {
      post({ kind: 'error', message: (e as Error).message });
    }
  });
}
