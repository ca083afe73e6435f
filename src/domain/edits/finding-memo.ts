/**
 * Findings memoised by the values they depend on (codes, dates, line order): a batch repeats
 * the same codes on the same dates claim after claim, and the messages behind them were worked
 * out again for each (issue 11, `claimlab check` speed). Findings are never changed after they
 * are made (dedupe and ordering build new lists), so claims share them; `get` gives each call
 * an array of its own. Shared findings are marked (`isSharedFinding`): a writer may keep the
 * text it made of one, as `claimlab check`'s line writer does.
 *
 * The key is a path of values (strings and numbers, told apart), one map per step, not one
 * string joined from them: a joined key is a new string per claim that has to be flattened and
 * hashed whole, which cost about as much as the work it saved.
 */
import type { Finding } from '../findings';

const shared = new WeakSet<Finding>();

/** True for a finding a memo hands to more than one claim (the same object each time). */
export const isSharedFinding = (f: Finding): boolean => shared.has(f);

/** Marks findings a memo keeps (see `isSharedFinding`) and returns them. */
export function shareFindings<T extends readonly Finding[]>(findings: T): T {
  for (let i = 0; i < findings.length; i++) shared.add(findings[i]!);
  return findings;
}

/** One step of a key: the findings of the key that ends here, and the steps after it. */
export interface KeyNode {
  found: readonly Finding[] | undefined;
  next: Map<string | number, KeyNode> | undefined;
}

const node = (): KeyNode => ({ found: undefined, next: undefined });

/**
 * A bounded memo of finding lists by a path of values: `start()`, `step()` for each value in
 * a fixed order (a list's length before its items, so no two paths run together), then `get`.
 * When it holds more than `maxNodes` steps it starts again (bounded memory).
 */
export class FindingMemo {
  #root = node();
  #nodes = 0;
  constructor(readonly maxNodes = 30_000) {}

  start(): KeyNode {
    if (this.#nodes > this.maxNodes) {
      this.#root = node();
      this.#nodes = 0;
    }
    return this.#root;
  }

  step(at: KeyNode, value: string | number): KeyNode {
    const next = (at.next ??= new Map());
    let n = next.get(value);
    if (n === undefined) {
      next.set(value, (n = node()));
      this.#nodes++;
    }
    return n;
  }

  /**
   * The key of one service line's findings that read only its place `i`, code, date and
   * modifiers (in order): modifier edits and payer exclusions.
   */
  lineKey(i: number, code: string, date: string, modifiers: readonly string[]): KeyNode {
    let at = this.step(this.step(this.step(this.start(), i), code), date);
    at = this.step(at, modifiers.length);
    for (const m of modifiers) at = this.step(at, m);
    return at;
  }

  /** `run()`'s findings for the key ending at `at`, worked out once; a fresh array each call. */
  get(at: KeyNode, run: () => Finding[]): Finding[] {
    return this.shared(at, run).slice();
  }

  /** The memo's own list (read only: copy it before changing it). */
  shared(at: KeyNode, run: () => Finding[]): readonly Finding[] {
    return (at.found ??= shareFindings(run()));
  }
}
