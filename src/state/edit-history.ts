/**
 * Undo and redo within one editing session (issue 14): snapshots of the document, newest last.
 * Changes that arrive within `coalesceMs` of each other under the same label (typing in one
 * field) make one step. The clock is passed in.
 */
export class EditHistory<T> {
  #past: T[] = [];
  #future: T[] = [];
  #present: T;
  #last: { label: string; at: number } | null = null;

  constructor(
    initial: T,
    private readonly now: () => number = () => Date.now(),
    private readonly coalesceMs = 800,
    private readonly limit = 200,
  ) {
    this.#present = initial;
  }

  get present(): T {
    return this.#present;
  }
  get canUndo(): boolean {
    return this.#past.length > 0;
  }
  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Records `next` as the new state; `label` names the field, for coalescing. */
  push(next: T, label = ''): void {
    const t = this.now();
    const same =
      this.#last &&
      this.#last.label === label &&
      label !== '' &&
      t - this.#last.at < this.coalesceMs;
    if (!same) {
      this.#past.push(this.#present);
      if (this.#past.length > this.limit) this.#past.shift();
    }
    this.#present = next;
    this.#future = [];
    this.#last = { label, at: t };
  }

  undo(): T | null {
    const prev = this.#past.pop();
    if (prev === undefined) return null;
    this.#future.push(this.#present);
    this.#present = prev;
    this.#last = null;
    return prev;
  }

  redo(): T | null {
    const next = this.#future.pop();
    if (next === undefined) return null;
    this.#past.push(this.#present);
    this.#present = next;
    this.#last = null;
    return next;
  }
}
