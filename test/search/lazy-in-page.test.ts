/** The in-page encoder loaded on first use answers as the eager one does (first-load test: test/lint/first-load.test.ts). */
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { createInPageEncoderService } from '../../src/codesets/encoder/in-page';
import { lazyInPageEncoderService } from '../../src/codesets/encoder/lazy-in-page';

describe('lazyInPageEncoderService', () => {
  const date = '2026-01-15';
  it('answers search, lookup and describe as the eager service', async () => {
    const lazy = lazyInPageEncoderService(starterCatalog(), date);
    const eager = createInPageEncoderService(starterCatalog(), date);
    expect(await lazy.search('htn', { limit: 5 })).toEqual(await eager.search('htn', { limit: 5 }));
    expect(await lazy.lookup('E119')).toEqual(await eager.lookup('E119'));
    expect(await lazy.describe()).toBe(await eager.describe());
    expect(await lazy.hasIndex()).toBe(false);
  });
  it('throws at once, with the eager service’s message, when no release covers the date', () => {
    let message = '';
    try {
      createInPageEncoderService(starterCatalog(), '1999-01-01');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toBe('');
    expect(() => lazyInPageEncoderService(starterCatalog(), '1999-01-01')).toThrow(message);
  });
});
