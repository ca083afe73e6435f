/**
 * The trainee's highlights on the open case's visit note (src/domain/annotations/highlights.ts).
 * They are the trainee's own work, so they are allowed in exam mode too; CaseSession saves them
 * with the case's progress (and archives them with the attempt) on every change. `locked`
 * (a closed session: an exam submitted, a case started over) makes them read-only.
 */
import {
  addHighlight,
  removeHighlight,
  updateHighlight,
  type AddResult,
  type Highlight,
  type HighlightCategory,
} from '../domain/annotations/highlights';

export class CaseHighlights {
  #list = $state.raw<Highlight[]>([]);
  #locked = $state(true);
  #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  get list(): readonly Highlight[] {
    return this.#list;
  }
  get locked(): boolean {
    return this.#locked;
  }

  /** The highlights as loaded (no save): `locked` until the session is open. */
  reset(list: readonly Highlight[], locked: boolean) {
    this.#list = [...list];
    this.#locked = locked;
  }
  lock() {
    this.#locked = true;
  }

  #set(list: Highlight[]) {
    this.#list = list;
    this.#changed();
  }

  add(text: string, range: { start: number; end: number }, category: HighlightCategory): AddResult {
    if (this.#locked)
      return { kind: 'refused', message: 'This attempt is closed: its highlights are read-only.' };
    const r = addHighlight(this.#list, text, range, category);
    if (r.kind !== 'refused') this.#set(r.highlights);
    return r;
  }
  update(id: string, patch: Partial<Pick<Highlight, 'category' | 'note'>>) {
    if (!this.#locked) this.#set(updateHighlight(this.#list, id, patch));
  }
  remove(id: string) {
    if (!this.#locked) this.#set(removeHighlight(this.#list, id));
  }
}
