import { describe, expect, it } from 'vitest';
import { encoderHref, parseRoute } from '../../src/state/router.svelte';

describe('parseRoute', () => {
  it('reads the quiz and progress pages', () => {
    expect(parseRoute('#/quiz')).toEqual({ name: 'quiz' });
    expect(parseRoute('#/progress')).toEqual({ name: 'progress' });
  });

  it('reads a page query (a score row opening the encoder on a code)', () => {
    expect(parseRoute(encoderHref('E11.65'))).toEqual({
      name: 'encoder',
      params: { code: 'E11.65' },
    });
  });

  it('keeps cases and unknown paths as before', () => {
    expect(parseRoute('#/case/starter/a')).toEqual({
      name: 'case',
      packId: 'starter',
      caseId: 'a',
    });
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });
});
