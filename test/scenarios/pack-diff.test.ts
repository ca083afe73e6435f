/**
 * `pack diff` on two versions of one pack (test/fixtures/packs/refresher-v1 → -v2): fee tables
 * and Part B drug tables entry by entry, payer profiles field by field, plan policies, cases,
 * questions and the codes they teach, each with the changelog entry that explains it; the JSON
 * output is stable (sorted, one ref per thing).
 * See: issue 12 "Validation and diffs"; src/scenarios/diff.ts.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { diffPacks } from '../../src/scenarios/diff';
import { readPackSet } from '../../src/scenarios/format/index';
import { readPackPath } from '../../src/scenarios/format/read-node';
import { captureIo } from '../support/cli-io';

const V1 = 'test/fixtures/packs/refresher-v1';
const V2 = 'test/fixtures/packs/refresher-v2';
const [p1, p2] = readPackSet([readPackPath(V1), readPackPath(V2)]).full as [
  ReturnType<typeof readPackSet>['full'][number],
  ReturnType<typeof readPackSet>['full'][number],
];

describe('pack diff between two versions of a pack', () => {
  const d = diffPacks(p1, p2);
  const by = new Map(d.items.map((i) => [i.ref, i]));

  it('lists every difference once, sorted by kind then ref', () => {
    expect(d.items.map((i) => `${i.change} ${i.ref}`)).toEqual([
      'added code:E11.A',
      'added code:R03.0',
      'changed payer:fixture-ppo/timelyFiling',
      'changed policy:fixture-gold/priorAuthorization',
      'changed policy:fixture-gold/timelyFiling',
      'changed fee:fixture-fees-2026/99214',
      'added fee:fixture-fees-2026/99215',
      'changed drug:2025-Q4/J1885',
      'added case:ak-pa-fixture',
      'added question:q-e11a',
      'removed question:q-filing-180',
      'changed question:q-pa-17000',
      'added question:q-pa-needed',
    ]);
    expect(d.summary).toEqual({ added: 6, removed: 1, changed: 6, unexplained: 0 });
  });

  it('a fee entry and a drug entry carry the values before and after', () => {
    expect(by.get('fee:fixture-fees-2026/99214')).toMatchObject({
      kind: 'fee',
      before: { code: '99214', nonFacility: '86.00' },
      after: { code: '99214', nonFacility: '130.00' },
    });
    expect(by.get('fee:fixture-fees-2026/99215')!.before).toBeUndefined();
    expect(by.get('drug:2025-Q4/J1885')).toMatchObject({
      before: { limit: '0.303' },
      after: { limit: '0.310' },
    });
    // A changelog ref naming the table (`fee:fixture-fees-2026`) explains each of its entries.
    expect(by.get('fee:fixture-fees-2026/99215')!.explainedBy[0]!.what).toMatch(/99215 was added/);
  });

  it('a payer is compared field by field; unchanged fields are not listed', () => {
    const payer = d.items.filter((i) => i.kind === 'payer');
    expect(payer.map((i) => i.ref)).toEqual(['payer:fixture-ppo/timelyFiling']);
    expect(payer[0]!.explainedBy[0]!.what).toMatch(/90 days/);
    expect(payer[0]).toMatchObject({
      before: [{ value: { amount: 180 } }],
      after: [{ value: { amount: 90 } }],
    });
  });

  it('a whole new or removed fee table, drug table or payer is one item, not one per entry', () => {
    const noFees = { ...p1, fees: [], drugs: [], payers: [] };
    const items = diffPacks(noFees, p2).items.filter((i) =>
      ['fee', 'drug', 'payer'].includes(i.kind),
    );
    expect(items.map((i) => `${i.change} ${i.ref}`)).toEqual([
      'added payer:fixture-ppo',
      'added fee:fixture-fees-2026',
      'added drug:2025-Q4',
    ]);
    const back = diffPacks(p2, noFees).items.filter((i) => i.kind === 'fee');
    expect(back.map((i) => `${i.change} ${i.ref}`)).toEqual(['removed fee:fixture-fees-2026']);
  });

  it('questions changed and removed carry the changed fields and their explanation', () => {
    expect(by.get('question:q-pa-17000')!.fields).toEqual(['answer', 'rationale', 'reference']);
    expect(by.get('question:q-filing-180')!.explainedBy[0]!.why).toMatch(/now 90 days/);
  });

  it('the JSON output is the same on every run and the text output shows values', async () => {
    const run = async (...args: string[]) => {
      const t = captureIo();
      expect(await main(['pack', 'diff', V1, V2, ...args], t.io)).toBe(0);
      return t.out;
    };
    const [a, b] = [await run('--json'), await run('--json')];
    expect(a).toEqual(b);
    expect(JSON.parse(a[0]!)).toEqual(JSON.parse(JSON.stringify(d)));
    const text = (await run()).join('\n');
    expect(text).toMatch(
      /~ drug:2025-Q4\/J1885\n.*\n? {4}.*"limit":"0.303".* -> .*"limit":"0.310"/,
    );
  });
});
