// @vitest-environment jsdom
/**
 * The highlighter on the visit note (Documentation.svelte): a message when nothing is selected,
 * the Alt+Shift+H shortcut gone when shortcuts are off (WCAG 2.2 2.1.4), and a locked attempt
 * shown read-only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import Documentation from '../../src/ui/case/Documentation.svelte';
import { CaseHighlights } from '../../src/state/case-highlights.svelte';
import { shortcutSetting } from '../../src/ui/case/shortcuts.svelte';
import { shippedPack } from '../factories';

afterEach(() => {
  cleanup();
  shortcutSetting.on = true;
});

const caseFile = shippedPack('starter')!.cases[0]!;
const status = () => screen.getByRole('status');

describe('Documentation highlighter', () => {
  it('says what to do when Highlight is pressed with nothing selected', async () => {
    const highlights = new CaseHighlights(() => {});
    highlights.reset([], false);
    render(Documentation, { caseFile, highlights });
    await fireEvent.click(screen.getByRole('button', { name: 'Highlight' }));
    expect(status().textContent).toMatch(/^Select some words of the note first/);
  });

  it('answers Alt+Shift+H only while shortcuts are on', async () => {
    const highlights = new CaseHighlights(() => {});
    highlights.reset([], false);
    render(Documentation, { caseFile, highlights });
    shortcutSetting.on = false;
    await fireEvent.keyDown(window, { code: 'KeyH', altKey: true, shiftKey: true });
    expect(status().textContent).toBe('');
    shortcutSetting.on = true;
    await fireEvent.keyDown(window, { code: 'KeyH', altKey: true, shiftKey: true });
    expect(status().textContent).toMatch(/^Select some words/);
  });

  it('shows a locked attempt’s highlights read-only: no highlighter, no fields', () => {
    const highlights = new CaseHighlights(() => {});
    highlights.reset(
      [{ id: 'h1', start: 0, end: 5, quote: 'Chief', category: 'question', note: 'why?' }],
      true,
    );
    render(Documentation, { caseFile, highlights });
    expect(screen.queryByRole('button', { name: 'Highlight' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('Question for the provider: why?')).toBeTruthy();
    expect(document.querySelector('mark')?.textContent).toBe('Chief');
  });
});
