/**
 * Findings memoised by a key that says everything they depend on (codes, dates, line order):
 * a batch repeats the same codes on the same dates claim after claim, and the messages behind
 * them were worked out again for each (issue 11, `claimlab check` speed). Findings are never
 * changed after they are made (dedupe and ordering build new lists), so claims share them; each
 * call gets its own array. Shared findings are marked (`isSharedFinding`): a writer may keep the
 * text it made of one, as `claimlab check`'s line writer does.
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

/** A bounded memo of finding lists by key (starts again when full: bounded memory). */
export class FindingMemo {
  readonly #lists = new Map<string, readonly Finding[]>();
  constructor(readonly max = 20_000) {}

  /** `run()`'s findings for `key`, worked out once; a fresh array each call. */
  get(key: string, run: () => Finding[]): Finding[] {
    return this.shared(key, run).slice();
  }

  /** The memo's own list (read only: copy it before changing it). */
  shared(key: string, run: () => Finding[]): readonly Finding[] {
    let found = this.#lists.get(key);
    if (found === undefined) {
      if (this.#lists.size >= this.max) this.#lists.clear();
      found = shareFindings(run());
      this.#lists.set(key, found);
    }
    return found;
  }
}

/** A key part that cannot run into the next: its length, then the text. */
export const keyPart = (s: string): string => `${s.length}.${s}`;
