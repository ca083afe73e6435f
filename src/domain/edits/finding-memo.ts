/**
 * Findings memoised by a key that says everything they depend on (codes, dates, line order):
 * a batch repeats the same codes on the same dates claim after claim, and the messages behind
 * them were worked out again for each (issue 11, `claimlab check` speed). Findings are never
 * changed after they are made (dedupe and ordering build new lists), so claims share them; each
 * call gets its own array. Shared findings are marked (`isSharedFinding`): a writer may keep the
 * text it made of one, as `claimlab check`'s line writer does.
 */
import type { Claim } from '../claim/claim';
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

/**
 * A key of what a line-by-line family reads of a claim: the claim's date and each line's code,
 * own date, units and modifiers, in order (the place is the order). Undefined for a claim of
 * more than `max` lines (the key would cost more than it saves) or a value not of the parsed
 * types: no memo then.
 */
export function linesKey(claim: Claim, max = 12): string | undefined {
  const lines = claim.lines;
  if (lines.length > max || typeof claim.serviceDate !== 'string') return undefined;
  let key = keyPart(claim.serviceDate);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (typeof l.code !== 'string' || typeof l.units !== 'number') return undefined;
    if (l.serviceDate !== undefined && typeof l.serviceDate !== 'string') return undefined;
    key += `|${keyPart(l.code)}${l.serviceDate === undefined ? '-' : keyPart(l.serviceDate)}${l.units}`;
    for (const m of l.modifiers) {
      if (typeof m !== 'string') return undefined;
      key += `,${keyPart(m)}`;
    }
  }
  return key;
}

/** One memo per pair of owners (rules and the data beside them), made when first asked for. */
export function memoOf(
  memos: WeakMap<object, WeakMap<object, FindingMemo>>,
  a: object,
  b: object,
): FindingMemo {
  let byB = memos.get(a);
  if (!byB) memos.set(a, (byB = new WeakMap()));
  let m = byB.get(b);
  if (!m) byB.set(b, (m = new FindingMemo()));
  return m;
}
