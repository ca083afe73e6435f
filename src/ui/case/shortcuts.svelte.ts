/**
 * Keyboard shortcuts of the case workspace, which a trainee can turn off in Settings (WCAG 2.2
 * 2.1.4 asks that shortcuts can be turned off; ours all need Alt+Shift, so a screen reader's or
 * the browser's single keys are never taken). The choice is kept in this browser.
 */
const KEY = 'claimlab.shortcuts';

export interface Shortcut {
  key: string;
  label: string;
}

/** Alt+Shift + the letter (matched on `event.code`, so it works on every keyboard layout). */
export const WORKSPACE_SHORTCUTS = {
  dx: { key: 'D', label: 'Find a diagnosis code' },
  proc: { key: 'P', label: 'Find a procedure code' },
  line: { key: 'L', label: 'Add a procedure line' },
  scrub: { key: 'S', label: 'Scrub the claim' },
  mark: { key: 'H', label: 'Highlight the selected note text' },
} as const satisfies Record<string, Shortcut>;
export type ShortcutId = keyof typeof WORKSPACE_SHORTCUTS;

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

class ShortcutSetting {
  #on = $state(stored());
  get on(): boolean {
    return this.#on;
  }
  set on(v: boolean) {
    this.#on = v;
    try {
      globalThis.localStorage?.setItem(KEY, v ? 'on' : 'off');
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }
}
export const shortcutSetting = new ShortcutSetting();

/** The shortcut a key event asks for, or null (also null while shortcuts are off). */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
  on = shortcutSetting.on,
): ShortcutId | null {
  if (!on || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  for (const [id, s] of Object.entries(WORKSPACE_SHORTCUTS))
    if (e.code === `Key${s.key}`) return id as ShortcutId;
  return null;
}
