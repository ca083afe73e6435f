import { gzipSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipText, toSources } from '../../src/codesets/browser/bytes';
import { buildCodesets } from '../../src/codesets/build-plan';
import { ageConflict, mceAgeSex } from '../../src/domain/codes/release/mce';
import type { CodeCatalog } from '../../src/domain/codes/catalog';

const buf = (u: Uint8Array) =>
  u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

describe('browser import helpers', () => {
  it('gunzips bundles with DecompressionStream', async () => {
    expect(await gunzipText(gzipSync(Buffer.from('FY2030\nE11A é')))).toBe('FY2030\nE11A é');
  });

  it('expands a CDC-style zip and builds a new year from it', () => {
    const order = [
      '00001 E11     0 Type 2 diabetes mellitus',
      '00002 E11A    1 Type 2 diabetes mellitus without complications in remission',
    ]
      .map((l) => (l.length < 77 ? l.padEnd(76) + ' ' + l.slice(16).trim() : l))
      .join('\n');
    const zip = zipSync({
      'Code Descriptions/icd10cm-order-2031.txt': strToU8(order),
      'Code Descriptions/icd10cm-index-2031.xml': strToU8('<ICD10CM.index/>'),
    });
    const { sources, skipped } = toSources([
      { name: 'icd10cm-2031.zip', data: buf(zip) },
      { name: 'notes.pdf', data: new ArrayBuffer(4) },
    ]);
    expect(sources.map((s) => s.path)).toEqual([
      'icd10cm-2031.zip/Code Descriptions/icd10cm-order-2031.txt',
    ]);
    expect(skipped).toEqual(['notes.pdf']);
    const r = buildCodesets(sources);
    expect(
      r.ok && r.value.bundles.map((b) => [b.entry.id, 'from' in b.entry ? b.entry.from : '']),
    ).toEqual([['FY2031', '2030-10-01']]);
  });

  it('reports a zip that is not one', () => {
    expect(() => toSources([{ name: 'x.zip', data: buf(strToU8('not a zip')) }])).toThrow(
      /x\.zip: not a readable zip/,
    );
  });

  it('refuses an empty, UTF-16 or Latin-1 file chosen for import, naming file:line', () => {
    const order = '00001 E11A    1 ' + 'Type 2 diabetes mellitus'.padEnd(61) + 'Type 2 DM\n';
    const { sources } = toSources([
      { name: 'icd10cm-order-2031.txt', data: new ArrayBuffer(0) },
      { name: 'icd10cm-order-2032.txt', data: buf(Buffer.from('\ufeff' + order, 'utf16le')) },
      {
        name: 'icd10cm-order-2033.txt',
        data: buf(Buffer.from(order.replace('Type 2 DM', 'Typ\u00e9'), 'latin1')),
      },
    ]);
    const r = buildCodesets(sources);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([
      'icd10cm-order-2031.txt:1',
      'icd10cm-order-2032.txt:1',
      'icd10cm-order-2033.txt:1',
    ]);
  });

  it('decodes a Windows-1252 file when it is not UTF-8', () => {
    const { sources } = toSources([
      { name: 'a.txt', data: buf(new Uint8Array([0x43, 0x4d, 0x53, 0x92, 0x73])) },
    ]);
    expect(sources[0]!.text).toBe('CMS’s');
  });
});

describe('MCE age and sex', () => {
  const cat = {
    mce: (c: string) =>
      c === 'Z3800' ? { age: 'newborn' as const, source: 'MCE v37' } : undefined,
  } as unknown as CodeCatalog;
  it('gives the edits on a code and the age ranges', () => {
    expect(mceAgeSex(cat, 'Z3800')).toEqual({ age: 'newborn', source: 'MCE v37' });
    expect(mceAgeSex(cat, 'E119')).toBeUndefined();
    expect(ageConflict('newborn', 1)).toBe(true);
    expect(ageConflict('maternity', 30)).toBe(false);
    expect(ageConflict('pediatric', 18)).toBe(true);
  });
});
