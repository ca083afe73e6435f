/**
 * Routes with several versions of one pack (issue 12): `#/case/<id>/<case>` is the newest
 * version, `#/case/<id>@<version>/<case>` that version; `#/refresher` is a page.
 */
import { describe, expect, it } from 'vitest';
import { caseHref, parseRoute } from '../../src/state/router.svelte';
import { findPack } from '../../src/scenarios/versions';

const packs = [
  { id: 'payer-rules', version: '1.0.0' },
  { id: 'payer-rules', version: '2.0.0' },
];

describe('case routes and pack versions', () => {
  it('an older version round-trips through the hash and resolves to exactly that version', () => {
    const href = caseHref('payer-rules@1.0.0', 'pa-change');
    expect(href).toBe('#/case/payer-rules%401.0.0/pa-change');
    const r = parseRoute(href);
    expect(r).toEqual({ name: 'case', packId: 'payer-rules@1.0.0', caseId: 'pa-change' });
    if (r.name !== 'case') return;
    expect(findPack(packs, r.packId)?.version).toBe('1.0.0');
    expect(findPack(packs, 'payer-rules')?.version).toBe('2.0.0');
  });

  it('the refresher is a page', () => {
    expect(parseRoute('#/refresher')).toEqual({ name: 'refresher' });
  });
});
