import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../src/ui/case/shortcuts.svelte';

const key = (code: string, over: Partial<KeyboardEvent> = {}) => ({
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  code,
  ...over,
});

describe('workspace shortcuts', () => {
  it('Alt+Shift+letter names the shortcut', () => {
    expect(shortcutFor(key('KeyS'), true)).toBe('scrub');
    expect(shortcutFor(key('KeyL'), true)).toBe('line');
    expect(shortcutFor(key('KeyH'), true)).toBe('mark');
  });
  it('plain letters, other modifiers and turned-off shortcuts do nothing (WCAG 2.1.4)', () => {
    expect(shortcutFor(key('KeyS', { altKey: false, shiftKey: false }), true)).toBeNull();
    expect(shortcutFor(key('KeyS', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('KeyS'), false)).toBeNull();
    expect(shortcutFor(key('KeyH'), false)).toBeNull();
    expect(shortcutFor(key('KeyQ'), true)).toBeNull();
  });
});
