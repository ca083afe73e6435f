/**
 * Coordination between tabs of the same browser profile: an exclusive lock for each
 * read-modify-write of a record (Web Locks), and a channel that tells the other tabs a record
 * changed (BroadcastChannel), so two tabs on one case never overwrite each other unseen.
 * Outside a browser (tests, Node) an in-process lock and bus stand in: two stores given the
 * same `localCoordination()` behave like two tabs.
 * See: https://developer.mozilla.org/docs/Web/API/Web_Locks_API,
 * https://developer.mozilla.org/docs/Web/API/BroadcastChannel
 */

/** What a tab tells the others after it wrote a record. */
export interface RecordChanged {
  kind: 'record-changed';
  key: string;
  revision: number;
  /** The writing tab, so a tab ignores its own messages. */
  tab: string;
}

export interface TabCoordination {
  /** This tab's id. */
  readonly tab: string;
  /** Runs `fn` while holding the exclusive lock `name` (waits for other tabs holding it). */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  broadcast(msg: RecordChanged): void;
  /** Messages from other tabs; returns the unsubscribe function. */
  listen(fn: (msg: RecordChanged) => void): () => void;
}

let tabCounter = 0;
const newTabId = () =>
  globalThis.crypto?.randomUUID?.() ??
  `tab-${(++tabCounter).toString(36)}-${Date.now().toString(36)}`;

/** A promise-chain mutex per lock name (one process). */
function localLocks() {
  const tails = new Map<string, Promise<void>>();
  return async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const before = tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = before.then(() => mine);
    tails.set(name, tail);
    await before;
    try {
      return await fn();
    } finally {
      release();
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}

/** A bus shared by the "tabs" made from it: for tests, and for a browser without BroadcastChannel. */
export function localBus() {
  const lock = localLocks();
  const listeners = new Set<(m: RecordChanged) => void>();
  return {
    /** One tab on this bus. */
    tab(): TabCoordination {
      const tab = newTabId();
      const mine = new Set<(m: RecordChanged) => void>();
      return {
        tab,
        withLock: lock,
        broadcast: (msg) => {
          // Asynchronous like a real channel: the sender finishes its write first.
          for (const l of listeners) if (!mine.has(l)) queueMicrotask(() => l(msg));
        },
        listen: (fn) => {
          const l = (m: RecordChanged) => {
            if (m.tab !== tab) fn(m);
          };
          mine.add(l);
          listeners.add(l);
          return () => {
            mine.delete(l);
            listeners.delete(l);
          };
        },
      };
    },
  };
}

interface LockManagerLike {
  request<T>(name: string, cb: () => Promise<T>): Promise<T>;
}

/** Web Locks and BroadcastChannel where the browser has them; in-process stand-ins where not. */
export function browserCoordination(channelName = 'claimlab-records'): TabCoordination {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  const locks = nav?.locks;
  const fallback = localBus().tab();
  const tab = fallback.tab;
  const Channel = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  const channel = Channel ? new Channel(channelName) : null;
  return {
    tab,
    withLock: locks ? (name, fn) => locks.request(`claimlab:${name}`, fn) : fallback.withLock,
    broadcast: (msg) => {
      if (channel) channel.postMessage(msg);
    },
    listen: (fn) => {
      if (!channel) return () => {};
      const h = (e: MessageEvent) => {
        const m = e.data as Partial<RecordChanged> | null;
        if (m?.kind === 'record-changed' && typeof m.key === 'string' && m.tab !== tab)
          fn(m as RecordChanged);
      };
      channel.addEventListener('message', h);
      return () => channel.removeEventListener('message', h);
    },
  };
}
