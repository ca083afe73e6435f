/**
 * Reads an XState actor from Svelte 5 runes: `snapshot` is read from the actor on every access
 * and the reading effect re-runs when the actor emits. This avoids the stale first snapshot of
 * `useMachine` (xstate issue #4941) and works outside components.
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
