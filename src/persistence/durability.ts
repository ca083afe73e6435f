/**
 * Whether the browser keeps this site's storage until the user clears it ("persistent") or may
 * evict it under storage pressure ("best effort"). Browsers grant persistence only after a user
 * gesture (and by their own heuristics), so the app asks on the first click or key press.
 * See: https://storage.spec.whatwg.org/#persistence
 */
export type Durability = 'unknown' | 'persistent' | 'best-effort' | 'unsupported';

interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

const storage = (): StorageManagerLike | undefined =>
  (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;

export async function currentDurability(): Promise<Durability> {
  const s = storage();
  if (!s?.persisted) return 'unsupported';
  try {
    return (await s.persisted()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}

export async function requestDurability(): Promise<Durability> {
  const s = storage();
  if (!s?.persist) return 'unsupported';
  try {
    return (await s.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}

/** Asks once, on the first user gesture in `target`; `onresult` gets the answer. */
export function requestOnFirstGesture(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  onresult: (d: Durability) => void,
): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const ask = () => {
    stop();
    void requestDurability().then(onresult);
  };
  const stop = () => events.forEach((e) => target.removeEventListener(e, ask, true));
  events.forEach((e) => target.addEventListener(e, ask, true));
  return stop;
}
