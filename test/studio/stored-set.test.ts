import { describe, expect, it } from 'vitest';
import { newCase, newPack, withItem } from '../../src/scenarios/authoring';
import { readPackPath } from '../../src/scenarios/format/read-node';
import { readWithStored } from '../../src/scenarios/stored';
import { withPayerOf } from '../../src/state/open-case';

const starter = readPackPath('scenarios/starter');
const mine = withItem(newPack('mine'), 'cases', 0, newCase('c1', '2026-03-02'));

describe('stored packs join the app pack set (issue 14)', () => {
  it('a stored pack loads beside the shipped ones and may use their payers', () => {
    const set = readWithStored([starter], [{ slot: 'mine@0.1.0', pack: mine }]);
    expect(set.errors).toEqual([]);
    expect(set.storedErrors).toEqual([]);
    expect(set.packs.map((p) => p.id)).toEqual(['starter', 'mine']);
    const pack = set.packs[1]!;
    expect(pack.cases[0]?.documentation.markdown).toContain('## Assessment');
    const withMedicare = withPayerOf(pack, 'medicare', set.packs);
    expect(withMedicare.payers.some((p) => (p.data as { id?: string }).id === 'medicare')).toBe(
      true,
    );
    expect(withMedicare.fees.length).toBeGreaterThan(0);
    expect(withPayerOf(set.packs[0]!, 'medicare', set.packs)).toBe(set.packs[0]);
  });

  it("a stored copy with a shipped pack's id and version is left out, its problem kept for the studio", () => {
    const clash = { ...(starter.raw as object) };
    const set = readWithStored(
      [starter],
      [
        { slot: 'starter@1.2.0', pack: clash },
        { slot: 'bad', pack: { id: 1 } },
      ],
    );
    expect(set.packs.map((p) => p.id)).toEqual(['starter']);
    expect(set.errors).toEqual([]);
    expect(
      set.storedErrors.some(
        (e) => e.path.startsWith('studio/starter@1.2.0/') && /already loaded/.test(e.message),
      ),
    ).toBe(true);
    expect(set.storedErrors.some((e) => e.path.startsWith('studio/bad/'))).toBe(true);
  });
});
