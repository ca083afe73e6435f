// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseIndexXml } from '../../src/codesets/alpha-index/parse';
import { starterCatalog } from '../../src/codesets/starter';
import Encoder from '../../src/ui/encoder/Encoder.svelte';
import { createInPageEncoderService } from '../../src/codesets/encoder/in-page';
import { placeholdersNeeded, withSeventh } from '../../src/ui/encoder/seventh';

afterEach(cleanup);
const part = parseIndexXml(
  readFileSync('test/search/fixtures/index-small.xml', 'utf8'),
  'index-small.xml',
);
if (!part.ok) throw new Error('fixture');
const service = () => createInPageEncoderService(starterCatalog(), '2026-01-15', [part.value]);

describe('7th character assembly', () => {
  it('adds placeholder X up to six characters', () => {
    expect(withSeventh('W21.89', 'a')).toBe('W21.89XA');
    expect(withSeventh('S93401', 'D')).toBe('S93.401D');
    expect(withSeventh('T51', 'A')).toBe('T51.XXXA');
    expect(placeholdersNeeded('W21.89')).toBe(1);
    expect(() => withSeventh('S93.401A', 'A')).toThrow(/already has 7/);
  });
});

describe('<Encoder>', () => {
  it('searches, moves with the arrow keys, opens the code with Enter and picks it', async () => {
    const onpick = vi.fn();
    render(Encoder, { props: { service: service(), onpick } });
    const box = screen.getByRole('combobox', { name: /search icd-10-cm/i });
    await fireEvent.input(box, { target: { value: 'htn' } });
    const first = within(
      await screen.findByRole('listbox', { name: 'Matching codes' }),
    ).getAllByRole('option');
    expect(first[0]).toHaveProperty('textContent', expect.stringContaining('I10'));
    expect(first[0]!.getAttribute('aria-selected')).toBe('true');
    if (first.length > 1) {
      await fireEvent.keyDown(box, { key: 'ArrowDown' });
      expect(box.getAttribute('aria-activedescendant')).toMatch(/-1$/);
      await fireEvent.keyDown(box, { key: 'ArrowUp' });
    }
    await fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByRole('heading', { name: /I10 Essential \(primary\) hypertension/ });
    await fireEvent.click(screen.getByRole('button', { name: 'Use I10' }));
    expect(onpick).toHaveBeenCalledWith('I10');
  });

  it('builds a 7th-character code from the tabular view', async () => {
    const onpick = vi.fn();
    render(Encoder, { props: { service: service(), onpick } });
    const box = screen.getByRole('combobox', { name: /search icd-10-cm/i });
    await fireEvent.input(box, { target: { value: 'S93.401' } });
    await screen.findByRole('listbox', { name: 'Matching codes' });
    await fireEvent.keyDown(box, { key: 'Enter' });
    await fireEvent.click(await screen.findByRole('radio', { name: /A initial encounter/ }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Use S93.401A' }));
    expect(onpick).toHaveBeenCalledWith('S93.401A');
  });

  it('browses the Alphabetic Index and follows a "see" reference', async () => {
    render(Encoder, { props: { service: service(), onpick: () => {} } });
    const tab = screen.getByRole('tab', { name: 'Alphabetic Index' });
    await waitFor(() => expect((tab as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(tab);
    await fireEvent.click(await screen.findByRole('button', { name: 'Attack, attacks' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Infarct, myocardium' }));
    expect(await screen.findByRole('button', { name: 'I21.3' })).toBeTruthy();
  });
});
