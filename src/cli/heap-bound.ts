/**
 * A bound on the main thread's heap while worker threads do the work (src/cli/sharded.ts).
 * Why: the main thread keeps little (≈ 16 MB: the CLI's code and the records in flight) but
 * allocates steadily (each line read, each result written), and with no heap limit of its own
 * (a worker has `resourceLimits`; the main thread's is a share of the machine's memory) V8 let
 * that garbage grow to 110–130 MB before it first collected — as much as a worker's whole heap.
 * A full collection of a heap that small takes a few milliseconds, so the thread asks for one
 * after every `every` characters of input it has passed on.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** V8's `gc()` (flag `--expose-gc` set now, read from a fresh context), or null if V8 refuses. */
function collector(): (() => void) | null {
  if (gc !== undefined) return gc;
  try {
    setFlagsFromString('--expose-gc');
    const f: unknown = runInNewContext('gc');
    gc = typeof f === 'function' ? (f as () => void) : null;
  } catch {
    gc = null;
  }
  return gc;
}

/**
 * Returns `passed(n)`: call it with each record's size; it collects (`collect`, V8's full
 * collection unless a test gives another) once `every` units have passed since the last time.
 */
export function boundedHeap(
  every: number,
  collect: (() => void) | null = collector(),
): (n: number) => void {
  if (!collect) return () => {};
  let since = 0;
  return (n) => {
    since += n;
    if (since < every) return;
    since = 0;
    collect();
  };
}
