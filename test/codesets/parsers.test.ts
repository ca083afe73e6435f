import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTabularXml } from '../../src/codesets/icd/tabular';
import { parseNoteRefs } from '../../src/codesets/icd/note-refs';
import { parseAddendaWithSummary } from '../../src/codesets/icd/addenda';
import { entriesFromTabular } from '../../src/codesets/icd/expand';
import { inferSeventh } from '../../src/codesets/icd/release';
import { parseHcpcsFile } from '../../src/codesets/hcpcs';
import { parsePosCsv } from '../../src/codesets/pos';
import { parseMce } from '../../src/codesets/mce';
import { fiscalYearFromName, fyRange } from '../../src/codesets/release-year';
import { matchesAnyTarget, matchesTarget } from '../../src/domain/codes/release/targets';
import { MCE_FIXTURE } from './fixtures/reference-fixture';

const REF = join(__dirname, 'fixtures', 'reference');
const read = (p: string) => readFileSync(join(REF, p), 'utf8');
const TAB = 'icd10cm/fy2029/icd10cm_tabular_2029.xml';

describe('tabular XML', () => {
  const r = parseTabularXml(read(TAB), TAB);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const t = r.value;

  it('reads chapters, sections and the hierarchy', () => {
    expect(t.version).toBe('2029');
    expect(t.chapters.map((c) => [c.num, c.first, c.last])).toEqual([
      ['4', 'E08', 'E13'],
      ['19', 'S00', 'S09'],
      ['20', 'W00', 'X58'],
    ]);
    const e1144 = t.codes.find((c) => c.code === 'E1144');
    expect(e1144).toMatchObject({ parent: 'E114', section: 'E08-E13', leaf: true });
    expect(t.codes.find((c) => c.code === 'E11')?.leaf).toBe(false);
    expect(t.codes.find((c) => c.code === 'S060X')?.placeholder).toBe(true);
  });

  it('keeps every note kind where it is attached', () => {
    const at = (code: string) =>
      t.notes.filter((n) => n.at === code).map((n) => `${n.kind}: ${n.text}`);
    expect(at('E11')).toEqual([
      'inclusionTerm: diabetes NOS',
      'excludes1: type 1 diabetes mellitus (E10.-)',
      'excludes1: neuralgic amyotrophy in diabetes (E08-E13 with .44)',
      'useAdditionalCode: code to identify control using insulin (Z79.4)',
    ]);
    expect(at('chapter-4')).toEqual([
      'excludes2: transitory endocrine and metabolic disorders specific to newborn (P70-P74)',
    ]);
  });

  it('reads 7th-character definitions and the S06 exception written in a note', () => {
    const s06 = t.seventh.find((s) => s.at === 'S06');
    expect(s06?.characters).toEqual({
      A: 'initial encounter',
      D: 'subsequent encounter',
      S: 'sequela',
    });
    expect(s06?.exceptions).toEqual([
      { prefix: 'S06', position: 6, values: ['7', '8'], notAllowed: ['D', 'S'] },
    ]);
  });

  it('expands the tabular into the entries an order file would list', () => {
    const codes = entriesFromTabular(t)
      .filter((e) => e.billable)
      .map((e) => e.code);
    expect(codes).toContain('W2189XA');
    expect(codes).toContain('S060X7A');
    expect(codes).not.toContain('S060X7D'); // exception: D and S do not apply
    expect(codes).not.toContain('W2189');
  });

  it('reports a truncated file with its name and line', () => {
    const text = read(TAB);
    const cut = text.slice(0, text.indexOf('<name>W21.8</name>'));
    const bad = parseTabularXml(cut, 'cut.xml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors[0]!.path).toMatch(/^cut\.xml:\d+$/);
      expect(bad.errors[0]!.message).toMatch(/truncated/);
    }
  });

  it('rejects a file that is not a tabular, and a tabular addenda file', () => {
    const a = parseTabularXml(
      '<?xml version="1.0"?>\n<ICD10CM.index><version>2029</version></ICD10CM.index>',
      'index.xml',
    );
    expect(!a.ok && a.errors[0]).toMatchObject({ path: 'index.xml:2' });
    const b = parseTabularXml('<ICD10CM.tabular isAddenda="true"></ICD10CM.tabular>', 'add.xml');
    expect(!b.ok && b.errors[0]!.message).toMatch(/addenda/);
  });

  it('names the line of a mismatched tag', () => {
    const bad = parseTabularXml(
      '<ICD10CM.tabular>\n<chapter>\n<name>1</name>\n</section>\n</ICD10CM.tabular>',
      'x.xml',
    );
    expect(!bad.ok && bad.errors[0]).toMatchObject({ path: 'x.xml:4' });
  });
});

describe('code references in notes', () => {
  const codes = [
    'E08',
    'E0844',
    'E09',
    'E0944',
    'E10',
    'E1044',
    'E11',
    'E1144',
    'E13',
    'E1344',
    'O10',
    'O11',
    'O24',
    'O244',
    'O2441',
    'I69',
    'I69023',
    'I69123',
    'W18',
    'W1801',
    'Y08',
    'Y080',
  ];
  const cats = new Set(codes.filter((c) => c.length === 3));
  const ctx = { hasCategory: (c: string) => cats.has(c), codes };
  const parse = (s: string) => parseNoteRefs(s, ctx);

  it.each([
    ['type 1 diabetes mellitus (E10.-)', [{ from: 'E10', to: 'E10' }]],
    ['gestational diabetes (O24.4-)', [{ from: 'O244', to: 'O244' }]],
    ['with subsequent fall (W18.01)', [{ from: 'W1801', to: 'W1801' }]],
    ['hypertension complicating pregnancy (O10-O11)', [{ from: 'O10', to: 'O11' }]],
    [
      'a list (E10.-, E11.-)',
      [
        { from: 'E10', to: 'E10' },
        { from: 'E11', to: 'E11' },
      ],
    ],
    [
      'diabetic amyotrophy (E08-E13 with .44)',
      ['E0844', 'E0944', 'E1044', 'E1144', 'E1344'].map((c) => ({ from: c, to: c })),
    ],
    [
      'stuttering (I69. with final characters -23)',
      [
        { from: 'I69023', to: 'I69023' },
        { from: 'I69123', to: 'I69123' },
      ],
    ],
  ])('%s', (text, targets) => {
    const r = parse(text);
    expect(r.unparsed).toEqual([]);
    expect(r.targets).toEqual(targets);
  });

  it('ignores code-shaped words outside parentheses that are not categories', () => {
    expect(parse('vitamin B12 deficiency (E10.-)').refs).toBe(1);
  });

  it('counts what it cannot parse', () => {
    expect(parse('contact (T63.81-R63.83)').unparsed).toEqual(['T63.81-R63.83']);
  });

  it('matches codes by prefix range', () => {
    expect(matchesTarget('E11.9', { from: 'E10', to: 'E11' })).toBe(true);
    expect(matchesTarget('E13.9', { from: 'E10', to: 'E11' })).toBe(false);
    expect(matchesTarget('C92.11', { from: 'C910', to: 'C959' })).toBe(true);
    expect(matchesAnyTarget('O24.410', parse('(O24.4-)').targets)).toBe(true);
    expect(matchesAnyTarget('O24.0', parse('(O24.4-)').targets)).toBe(false);
  });
});

describe('addenda', () => {
  const f = 'icd10cm/fy2030/icd10cm-codes-addenda-2030.txt';
  it('reads adds, deletes, revisions and the summary counts', () => {
    const r = parseAddendaWithSummary(read(f), f);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.entries.map((e) => `${e.kind} ${e.code}`)).toEqual([
      'delete E109',
      'delete E1144',
      'add E11440',
      'add E11449',
      'revise E119',
      'add E11A',
    ]);
    expect(r.value.entries[4]).toMatchObject({
      before: 'Type 2 diabetes mellitus without complications',
    });
    expect(r.value.summary).toEqual({ codes: 11, headers: 11 });
  });
  it('rejects a stray line with its number', () => {
    const r = parseAddendaWithSummary('Add:         E11A    x\nsomething else\n', 'a.txt');
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'a.txt:2' });
  });
});

describe('HCPCS fixed-width file', () => {
  const f = 'hcpcs/2030/HCPC2030_ANWEB_fixture.txt';
  it('reads codes, modifiers, continuation lines, indicators and dates', () => {
    const r = parseHcpcsFile(read(f), f);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.map((x) => `${x.kind} ${x.code}`)).toEqual([
      'modifier ZZ',
      'procedure A9990',
      'procedure G9990',
    ]);
    expect(r.value[1]).toMatchObject({
      long: 'Fixture supply item, one unit, with a long description that goes on to a continuation record',
      short: 'Fixture supply item',
      pricing: ['46'],
      coverage: 'C',
      betos: 'D1F',
      added: '2029-01-01',
      terminated: null,
    });
    expect(r.value[2]!.terminated).toBe('2030-06-30');
  });
  it('reports a cut record with file:line', () => {
    const lines = read(f).split('\n');
    lines[3] = lines[3]!.slice(0, 200);
    const r = parseHcpcsFile(lines.join('\n'), f);
    expect(!r.ok && r.errors[0]).toMatchObject({ path: `${f}:4` });
  });
});

describe('place of service and MCE', () => {
  it('reads POS rows with the facility flag and skips unassigned codes', () => {
    const r = parsePosCsv(read('pos/pos_codes_fixture_2030-01.csv'), 'pos.csv');
    expect(r.ok && r.value.map((p) => [p.code, p.facility])).toEqual([
      ['11', false],
      ['21', true],
    ]);
    expect(r.ok && r.value[0]!.description).toBe(
      'A place where a clinician sees patients, for this fixture.',
    );
  });
  it('reads MCE age and sex lists (diagnoses only)', () => {
    const r = parseMce(MCE_FIXTURE, 'mce.txt');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.age.newborn).toEqual(['E109']);
    expect(r.value.sex).toEqual({ M: ['E1144'], F: [] });
  });
  it('rejects a file without the MCE columns', () => {
    expect(parseMce('a\tb\n1\t2\n', 'x.txt').ok).toBe(false);
  });
});

describe('release years', () => {
  it('reads the fiscal year from folder and file names, any year', () => {
    expect(fiscalYearFromName('fy2027')).toBe(2027);
    expect(fiscalYearFromName('icd10cm-order-2027.txt')).toBe(2027);
    expect(fiscalYearFromName('icd10cm-order-Jan-2021.txt')).toBe(2021);
    expect(fiscalYearFromName('ICD-10-CM-October-2025-Guidelines.txt')).toBe(2026);
    expect(fyRange(2027)).toEqual({ from: '2026-10-01', to: '2027-09-30' });
  });
});

describe('7th-character rules read from an order file', () => {
  const e = (code: string, billable: boolean, long: string) => ({
    code,
    billable,
    short: long,
    long,
  });
  const entries = [
    e('W44', false, 'Foreign body entering into or through a natural orifice'),
    e('W44A', false, 'Battery entering into or through a natural orifice'),
    e('W44A0', false, 'Battery unspecified, entering into or through a natural orifice'),
    e(
      'W44A0XA',
      true,
      'Battery unspecified, entering into or through a natural orifice, initial encounter',
    ),
    e(
      'W44A0XD',
      true,
      'Battery unspecified, entering into or through a natural orifice, subsequent encounter',
    ),
    e('T86840', false, 'Corneal transplant rejection'),
    e('T868401', true, 'Corneal transplant rejection, right eye'),
  ];
  it('infers a rule for a category the notes tabular lacks, not for ordinary 7-character codes', () => {
    expect(inferSeventh('FY2030', entries, [])).toEqual([
      {
        at: 'W44',
        characters: { A: 'initial encounter', D: 'subsequent encounter' },
        exceptions: [],
        source: 'FY2030 (inferred from the order file)',
      },
    ]);
    expect(inferSeventh('FY2030', entries, [{ at: 'W44' }])).toEqual([]);
  });
});
