/**
 * The one adapter between an XState actor and Svelte 5 runes; components read machine state only
 * through it (via the session classes: `step`, `context`, `can(event)`, `hasTag(tag)`).
 * `snapshot` is read from the actor on every access and the reading effect re-runs when the
 * actor emits.
 *
 * Why not @xstate/svelte's `useSelector`: it returns a Svelte 4 `readable` store, which a
 * `.svelte.ts` class can only read through `fromStore` (a subscribe/unsubscribe per read outside
 * an effect), and it needs the actor when the component initialises, whereas a case session
 * creates its actor later, after restoring the saved progress. `useMachine`'s first snapshot can
 * also go stale (xstate issue #4941); reading `getSnapshot()` on access cannot.
 * See: STYLE.md pitfalls; https://svelte.dev/docs/svelte/svelte-reactivity#createSubscriber
 */
import { createSubscriber } from 'svelte/reactivity';
import type { AnyActorRef, EventFrom, SnapshotFrom } from 'xstate';

export class ActorState<A extends AnyActorRef> {
  #actor: A;
  #subscribe: () => void;

  constructor(actor: A) {
    this.#actor = actor;
    this.#subscribe = createSubscriber((update) => {
      const sub = actor.subscribe({ next: update, error: update, complete: update });
      return () => sub.unsubscribe();
    });
  }

  get snapshot(): SnapshotFrom<A> {
    this.#subscribe();
    return this.#actor.getSnapshot();
  }

  send = (event: EventFrom<A>): void => {
    this.#actor.send(event);
  };

  get actor(): A {
    return this.#actor;
  }
}
