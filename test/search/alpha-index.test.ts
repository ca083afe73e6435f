import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countIndex, parseIndexXml } from '../../src/codesets/alpha-index/parse';
import { flattenIndex } from '../../src/codesets/alpha-index/flatten';

const fixture = (n: string) => readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8');

describe('Alphabetic Index parser (official XML layout)', () => {
  it('reads main terms, nested subterms, nonessential modifiers, codes and cross-references', () => {
    const r = parseIndexXml(fixture('index-small.xml'), 'index-small.xml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.kind).toBe('index');
    expect(p.version).toBe('2099');
    expect(p.terms.map((t) => t.title)).toEqual([
      'Attack, attacks',
      'Diabetes, diabetic',
      'Infarct, infarction',
      'Hyperlipidemia',
      'Hypercholesterolemia',
      'Obsoleteosis',
    ]);
    const diabetes = p.terms[1]!;
    expect(diabetes.nemod).toBe('(mellitus) (sugar)');
    expect(diabetes.code).toBe('E11.9');
    expect(diabetes.children?.[0]?.children?.[0]?.children?.[0]).toMatchObject({
      title: 'hyperglycemia',
      code: 'E10.65',
    });
    expect(diabetes.children?.[1]).toMatchObject({
      title: 'gestational',
      seeAlso: 'Pregnancy, complicated by',
      code: 'O24.4-',
    });
    expect(p.terms[0]!.children?.[0]?.see).toBe('Infarct, myocardium');
    expect(countIndex(p)).toMatchObject({
      mainTerms: 6,
      subterms: 6,
      codes: 8,
      see: 1,
      seeAlso: 1,
      maxDepth: 3,
    });
  });

  it('flattens to index terms with paths and follows "see" to the target code', () => {
    const r = parseIndexXml(fixture('index-small.xml'), 'index-small.xml');
    if (!r.ok) throw new Error('fixture');
    const flat = flattenIndex(r.value);
    expect(flat).toContainEqual({
      path: ['Diabetes, diabetic', 'type 1', 'with', 'hyperglycemia'],
      nemod: '(mellitus) (sugar)',
      code: 'E10.65',
      kind: 'index',
    });
    expect(flat).toContainEqual({ path: ['Attack, attacks', 'heart'], code: 'I21.3', kind: 'see' });
  });

  it('reads table columns of the Table of Drugs layout', () => {
    const r = parseIndexXml(fixture('drug-small.xml'), 'drug-small.xml');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.kind).toBe('drug');
    expect(r.value.terms[0]!.cells).toEqual([
      'T99.0X1',
      'T99.0X2',
      'T99.0X3',
      'T99.0X4',
      null,
      null,
    ]);
    const flat = flattenIndex(r.value);
    expect(flat[0]).toEqual({
      path: ['Zorbitol', 'poisoning accidental'],
      nemod: '(synthetic)',
      code: 'T99.0X1',
      kind: 'drug',
    });
  });

  it('names file and line for a truncated file, a wrong root and a malformed code', () => {
    const text = fixture('index-small.xml');
    const cut = parseIndexXml(text.slice(0, text.indexOf('<letter>\n    <title>I')), 'cut.xml');
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.errors[0]!.message).toMatch(/ends inside <ICD10CM.index>.*truncated/);
    const wrong = parseIndexXml(
      '<?xml version="1.0"?>\n<ICD10CM.tabular></ICD10CM.tabular>',
      'tab.xml',
    );
    expect(!wrong.ok && wrong.errors[0]).toMatchObject({ path: 'tab.xml:2' });
    const bad = parseIndexXml(
      text.replace('<code>E78.5</code>', '<code>not a code</code>'),
      'bad.xml',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.path).toMatch(/^bad\.xml:\d+$/);
  });
});
