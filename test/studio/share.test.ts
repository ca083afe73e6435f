import { describe, expect, it } from 'vitest';
import { newCase, newPack, withItem } from '../../src/scenarios/authoring';
import { exportPack, parsePackText, piiFlags, readPackFile } from '../../src/scenarios/share';
import { makeVariant, ageOn } from '../../src/scenarios/variants';
import { starterPayers } from '../../src/services/shipped';

const ctx = { builtinPayers: starterPayers() };
const pack = () => withItem(newPack('p'), 'cases', 0, newCase('c1', '2026-03-02'));

describe('export and import (issue 14 Share)', () => {
  it('exports one JSON file named by id and version that imports back unchanged', () => {
    const f = exportPack({ ...pack(), $schema: '../pack.schema.json' });
    expect(f.name).toBe('p-0.1.0.claimlab-pack.json');
    expect(f.text).not.toContain('$schema');
    const r = parsePackText(f.text, f.name, ctx);
    expect(r.ok).toBe(true);
    expect(r.ok && r.pack.cases[0]?.id).toBe('c1');
  });

  it('checks the declared size before reading the file', async () => {
    let read = false;
    const r = await readPackFile(
      { name: 'big.json', size: 6 * 1024 * 1024, text: async () => ((read = true), '{}') },
      ctx,
    );
    expect(read).toBe(false);
    expect(r.ok ? '' : r.problems[0]).toMatchObject({ path: 'big.json' });
  });

  it('lists every problem of a bad pack with its path, nothing stored', () => {
    const bad = pack() as { cases: { answer: { lines: { code: string; units: number }[] } }[] };
    bad.cases[0]!.answer.lines[0]!.code = '9921';
    bad.cases[0]!.answer.lines[0]!.units = 0;
    const r = parsePackText(JSON.stringify({ ...bad, modifers: [] }), 'x.json', ctx);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'x.json: cases[0].answer.lines[0].code',
        'x.json: cases[0].answer.lines[0].units',
      ]),
    );
    expect(r.ok ? [] : r.problems.map((p) => p.message).join(' ')).toMatch(/modifers/);
  });

  it('flags text that looks like a real patient identifier (45 CFR 164.514(b)(2))', () => {
    const p = pack() as {
      cases: { documentation: { text: string }; patient: Record<string, string> }[];
    };
    p.cases[0]!.documentation.text =
      'SSN 123-45-6789, call (617) 555-0199, MRN: A1234567, DOB: 04/18/1953, jane.roe@gmail.com';
    p.cases[0]!.patient.firstName = 'Loretta';
    p.cases[0]!.patient.lastName = 'Vance';
    const kinds = piiFlags(p).map((f) => f.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['ssn', 'phone', 'mrn', 'email', 'dob-with-name']),
    );
    expect(piiFlags(p).find((f) => f.kind === 'ssn')?.sample).not.toContain('123-45');
    expect(piiFlags(pack())).toEqual([]);
  });
});

describe('seeded variants (issue 14)', () => {
  it('a new patient and note from the same facts, same sex and age, answer key kept', () => {
    const p = pack() as { cases: Record<string, unknown>[] };
    (p.cases[0]!.documentation as { text: string }).text =
      '## Subjective\n\nMs Patient, 76, returns. Test Patient reports no pain.';
    const a = makeVariant(p, 0, 7);
    const b = makeVariant(p, 0, 7);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.message);
    const v = a.item as {
      id: string;
      patient: Record<string, string>;
      answer: unknown;
      documentation: { text: string };
    };
    expect(v.id).toBe('c1-v7');
    expect(v.answer).toEqual(p.cases[0]!.answer);
    expect(v.patient.sex).toBe('F');
    expect(ageOn(v.patient.birthDate!, '2026-03-02')).toBe(ageOn('1950-01-01', '2026-03-02'));
    expect(v.documentation.text).not.toContain('Test Patient');
    expect(v.documentation.text).toContain(`${v.patient.firstName} ${v.patient.lastName}`);
    const withVariant = { ...p, cases: [...p.cases, v] };
    const r = parsePackText(JSON.stringify(withVariant), 'v.json', ctx);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(makeVariant(p, 0, 8)).not.toEqual(a);
  });
});
