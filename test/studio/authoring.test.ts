import { describe, expect, it } from 'vitest';
import {
  bumpVersion,
  copyPack,
  freeItemId,
  itemProblems,
  newCase,
  newItem,
  newPack,
  nextVersion,
  previousVersion,
  withItem,
  withoutItem,
  EDITABLE_PARTS,
} from '../../src/scenarios/authoring';
import { diffPacks } from '../../src/scenarios/diff';
import { parsePackText } from '../../src/scenarios/share';
import { starterPayers } from '../../src/services/shipped';
import { EditHistory } from '../../src/state/edit-history';

const ctx = { builtinPayers: starterPayers() };
const change = {
  kind: 'added' as const,
  refs: ['case:c1'],
  what: 'Added a hypertension visit.',
  why: 'Instructors asked for an introductory case.',
  reference: 'ICD-10-CM Official Guidelines I.C.9.a',
};

describe('pack authoring (issue 14)', () => {
  it('a new pack and its new case validate structurally against the shipped payers', () => {
    const p = withItem(newPack('p', '2026-12-07'), 'cases', 0, newCase('c1', '2026-03-02'));
    const r = parsePackText(JSON.stringify(p), 'p.json', ctx);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('every part has a skeleton that validates on its own', () => {
    for (const part of EDITABLE_PARTS)
      expect(
        itemProblems(part, 0, newItem(part, `new-${part.toLowerCase()}`, '2026-03-02')),
        part,
      ).toEqual([]);
  });

  it('reports an item problem at its path inside the pack', () => {
    const c = newCase('c1', '2026-03-02') as { answer: { lines: { modifiers: string[] }[] } };
    c.answer.lines[0]!.modifiers = ['2'];
    expect(itemProblems('cases', 3, c).map((p) => p.path)).toEqual([
      'cases[3].answer.lines[0].modifiers[0]',
    ]);
  });

  it('adds, removes and names items without clashing ids', () => {
    let p = newPack('p');
    p = withItem(p, 'cases', 0, newCase('new-case', '2026-03-02'));
    expect(freeItemId(p, 'cases', 'new-case')).toBe('new-case-2');
    p = withoutItem(p, 'cases', 0);
    expect(p.cases).toEqual([]);
  });

  it('a copy of a shipped pack gets a new id and keeps its content', () => {
    const c = copyPack(
      { $schema: 'x', id: 'starter', version: '1.2.0', cases: [1] },
      'starter-copy',
    );
    expect(c).toEqual({ id: 'starter-copy', version: '1.2.0', cases: [1] });
  });

  it('bumps the version with a changelog entry; the diff names the change and its reason', () => {
    expect(nextVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(nextVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(nextVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(nextVersion('v1', 'major')).toBeNull();
    const v1 = newPack('p');
    const bumped = bumpVersion(
      withItem(v1, 'cases', 0, newCase('c1', '2026-03-02')),
      'minor',
      change,
      '2026-12-07',
    );
    if (!bumped.ok) throw new Error(JSON.stringify(bumped.problems));
    expect(bumped.pack.version).toBe('0.2.0');
    expect((bumped.pack.changelog as unknown[])[0]).toMatchObject({
      version: '0.2.0',
      date: '2026-12-07',
      changes: [change],
    });
    const a = parsePackText(JSON.stringify(v1), 'a.json', ctx);
    const b = parsePackText(JSON.stringify(bumped.pack), 'b.json', ctx);
    if (!a.ok || !b.ok) throw new Error('both versions load');
    const d = diffPacks(a.pack, b.pack);
    const item = d.items.find((i) => i.ref === 'case:c1');
    expect(item?.change).toBe('added');
    expect(item?.explainedBy[0]?.why).toBe(change.why);
    expect(previousVersion(['0.1.0', '0.2.0', '0.10.0'], '0.10.0')).toBe('0.2.0');
  });

  it('refuses a changelog entry without its reason, with the path', () => {
    const r = bumpVersion(newPack('p'), 'patch', { ...change, why: '' }, '2026-12-07');
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['changelog[0].changes[0].why']);
  });
});

describe('EditHistory (undo/redo within a session)', () => {
  it('coalesces typing in one field, undoes and redoes, and a new edit clears redo', () => {
    let t = 0;
    const h = new EditHistory('', () => t, 800);
    h.push('a', 'title');
    t = 100;
    h.push('ab', 'title');
    t = 2_000;
    h.push('abc', 'title');
    expect(h.undo()).toBe('ab');
    expect(h.undo()).toBe('');
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe('ab');
    h.push('x', 'other');
    expect(h.canRedo).toBe(false);
    expect(h.present).toBe('x');
  });
});
