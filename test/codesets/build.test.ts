import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { referenceCopy } from './fixtures/reference-fixture';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildToFolder, readReferenceFolder } from '../../src/codesets/build-node';
import { buildCodesets } from '../../src/codesets/build-plan';
import {
  decodeIcdBundle,
  decodeIcdHead,
  encodeIcdBundle,
  splitIcdBundle,
} from '../../src/codesets/bundle';
import { loadOfficialCatalog } from '../../src/codesets/load-node';
import type { OfficialCatalog } from '../../src/codesets/official-catalog';
import { checkSeventh } from '../../src/domain/codes/release/seventh';
import { diffReleases } from '../../src/domain/codes/release/diff';
import { matchesAnyTarget } from '../../src/domain/codes/release/targets';
import type { IcdRelease } from '../../src/domain/codes/catalog';

const freshCopy = referenceCopy;
const REF = referenceCopy();

const rel = (c: OfficialCatalog, date: string): IcdRelease => {
  const r = c.icd10(date);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
};

describe('codesets build on fixtures in the official layouts', () => {
  let out: string;
  let cat: OfficialCatalog;
  let log: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'claimlab-build-'));
    const r = buildToFolder(REF, out);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    log = r.value.written.map((w) => w.file).join(' ');
    cat = loadOfficialCatalog(out)!;
  });

  it('writes one bundle per release and a manifest with date ranges and sources', () => {
    expect(log).toBe(
      'icd10cm-fy2029.txt.gz icd10cm-fy2030.txt.gz hcpcs-2030.json.gz pos.json.gz mce.json.gz',
    );
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const fy30 = m.bundles.find((b: { id: string }) => b.id === 'FY2030');
    expect(fy30).toMatchObject({
      from: '2029-10-01',
      to: '2030-09-30',
      notesRelease: 'FY2029',
      sources: [
        'icd10cm-order-2030.txt',
        'icd10cm-codes-addenda-2030.txt',
        'notes: FY2029 tabular',
      ],
      counts: { codes: 22, billable: 11 },
    });
  });

  it('picks the release by date of service and refuses a date no release covers', () => {
    expect(rel(cat, '2029-09-30').id).toBe('FY2029');
    expect(rel(cat, '2029-10-01').id).toBe('FY2030');
    const r = cat.icd10('2031-01-01');
    expect(!r.ok && r.errors[0]!.message).toMatch(
      /no loaded ICD-10-CM release covers 2031-01-01; loaded: FY2029 \(2028-10-01 to 2029-09-30\)/,
    );
  });

  it('answers exists / billable / description / parents / children by release', () => {
    const a = rel(cat, '2029-05-01');
    const b = rel(cat, '2030-05-01');
    expect(a.get('E11.44')).toMatchObject({ billable: true });
    expect(b.get('E11.44')).toMatchObject({ billable: false });
    expect(b.children('E11.44')).toEqual(['E11440', 'E11449']);
    expect(b.parent('E11440')).toBe('E1144');
    expect(a.get('E11.A')).toBeUndefined();
    expect(b.get('e11a')?.long).toBe('Type 2 diabetes mellitus without complications in remission');
  });

  it('takes notes from the newest earlier tabular for codes that still exist, marked with their year', () => {
    const b = rel(cat, '2030-05-01');
    expect(b.notesRelease).toBe('FY2029');
    const notes = b.notes('E11.440');
    expect(notes.map((n) => `${n.kind}@${n.at}/${n.source}`)).toEqual([
      'inclusionTerm@E11/FY2029',
      'excludes1@E11/FY2029',
      'excludes1@E11/FY2029',
      'useAdditionalCode@E11/FY2029',
      'excludes2@chapter-4/FY2029',
    ]);
    const e1 = notes.find((n) => n.text.includes('E10.-'))!;
    expect(matchesAnyTarget('E10.9', e1.targets)).toBe(true);
    expect(matchesAnyTarget('E11.9', e1.targets)).toBe(false);
    expect(b.seventh('W21.89XA')).toEqual({
      characters: { A: 'initial encounter', D: 'subsequent encounter', S: 'sequela' },
      definedAt: 'W21',
      source: 'FY2029',
    });
  });

  it('checks the 7th character and the placeholder X', () => {
    const b = rel(cat, '2030-05-01');
    expect(checkSeventh(b, 'W21.89XA')).toMatchObject({ kind: 'ok', meaning: 'initial encounter' });
    expect(checkSeventh(b, 'W21.89A')).toMatchObject({
      kind: 'placeholder-missing',
      suggestion: 'W21.89XA',
    });
    expect(checkSeventh(b, 'W21.89')).toMatchObject({
      kind: 'missing',
      suggestion: ['W21.89XA', 'W21.89XD', 'W21.89XS'],
    });
    expect(checkSeventh(b, 'W21.89XZ')).toMatchObject({
      kind: 'invalid-character',
      character: 'Z',
      allowed: ['A', 'D', 'S'],
    });
    expect(checkSeventh(b, 'S06.0X7D')).toMatchObject({
      kind: 'invalid-character',
      allowed: ['A'],
    });
    expect(checkSeventh(b, 'E11.44')).toMatchObject({
      kind: 'header',
      children: ['E11.440', 'E11.449'],
    });
    expect(checkSeventh(b, 'E11.9')).toEqual({ kind: 'ok' });
    expect(checkSeventh(b, 'Q99.99')).toEqual({ kind: 'unknown' });
  });

  it('diffs releases: added, deleted, revised, now-header', () => {
    const d = diffReleases(rel(cat, '2029-05-01'), rel(cat, '2030-05-01'));
    expect(d.added.map((e) => e.code)).toEqual(['E11440', 'E11449', 'E11A']);
    expect(d.deleted.map((e) => e.code)).toEqual(['E109']);
    expect(d.revised).toEqual([
      {
        code: 'E119',
        before: 'Type 2 diabetes mellitus without complications',
        after: 'Type 2 diabetes mellitus without complication',
      },
    ]);
    expect(d.nowHeader).toEqual([{ code: 'E1144', children: ['E11440', 'E11449'] }]);
  });

  it('serves HCPCS by date, place of service and MCE lists', () => {
    expect(cat.procedure('a9990', '2030-02-01')).toMatchObject({
      system: 'HCPCS',
      effective: '2029-01-01',
      ownWording: false,
    });
    expect(cat.procedure('G9990', '2030-06-30')).toMatchObject({
      code: 'G9990',
      terminated: '2030-06-30',
    });
    expect(cat.procedure('G9990', '2030-07-01')).toBeUndefined();
    expect(cat.modifier('ZZ', '2030-01-01')?.display).toBe('Fixture modifier for a test case');
    expect(cat.placeOfService('21')).toMatchObject({ name: 'Inpatient Hospital', facility: true });
    expect(cat.mce('E11.44')).toMatchObject({ age: 'adult', sex: 'M' });
    expect(cat.mce('E11.9')).toBeUndefined();
  });

  it('round-trips a bundle and detects a truncated one', () => {
    const files = readReferenceFolder(REF);
    const r = buildCodesets(files);
    if (!r.ok) throw new Error('build failed');
    const text = r.value.bundles[0]!.text;
    const d = decodeIcdBundle(text, 'b');
    expect(d.ok && d.value.codes.length).toBe(20);
    const cut = decodeIcdBundle(text.slice(0, text.length - 40), 'b.txt.gz');
    expect(!cut.ok && cut.errors[0]!.message).toMatch(/truncated/);
    expect(typeof encodeIcdBundle).toBe('function');
  });

  it('cuts a bundle in a head the search index is built from and a tail (issue 9)', () => {
    const r = buildCodesets(readReferenceFolder(REF));
    if (!r.ok) throw new Error('build failed');
    const text = r.value.bundles[0]!.text;
    const halves = splitIcdBundle(text);
    if (!halves) throw new Error('not split');
    expect(halves.head + halves.tail).toBe(text);
    const whole = decodeIcdBundle(text, 'b');
    const head = decodeIcdHead(halves.head, 'b.head');
    if (!whole.ok || !head.ok) throw new Error('not decoded');
    expect(head.value.codes).toEqual(whole.value.codes);
    expect(head.value.billable).toBe(whole.value.billable);
    expect(head.value.long).toEqual(whole.value.long);
    const cut = decodeIcdHead(halves.head.slice(0, -10), 'b.head.txt.gz');
    expect(!cut.ok && cut.errors[0]).toMatchObject({ path: 'b.head.txt.gz' });
    expect(!cut.ok && cut.errors[0]!.message).toMatch(/truncated/);
    expect(splitIcdBundle('not a bundle')).toBeNull();
  });
});

describe('bad official files', () => {
  const build = (dir: string) => buildToFolder(dir, mkdtempSync(join(tmpdir(), 'claimlab-out-')));

  it('a cut order file: the line where order numbers stop running', () => {
    const dir = freshCopy();
    const p = join(dir, 'icd10cm/fy2030/icd10cm-order-2030.txt');
    const lines = readFileSync(p, 'utf8').split('\n');
    lines.splice(5, 1);
    writeFileSync(p, lines.join('\n'));
    const r = build(dir);
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'icd10cm/fy2030/icd10cm-order-2030.txt:6' });
  });

  it('an order file cut after a header, or shorter than its addenda say', () => {
    const dir = freshCopy();
    const p = join(dir, 'icd10cm/fy2030/icd10cm-order-2030.txt');
    const lines = readFileSync(p, 'utf8').split('\n').filter(Boolean);
    writeFileSync(p, lines.slice(0, -3).join('\n') + '\n');
    const r = build(dir);
    expect(!r.ok && r.errors[0]!.message).toMatch(/truncated/);
  });

  it('a malformed line: file and line named', () => {
    const dir = freshCopy();
    const p = join(dir, 'icd10cm/fy2029/icd10cm-order-2029.txt');
    const lines = readFileSync(p, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(' 0 ', ' 7 ');
    writeFileSync(p, lines.join('\n'));
    const r = build(dir);
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'icd10cm/fy2029/icd10cm-order-2029.txt:3' });
  });

  it('keeps the entries other importers added to the manifest across a rebuild', () => {
    const out = mkdtempSync(join(tmpdir(), 'claimlab-others-'));
    expect(buildToFolder(REF, out).ok).toBe(true);
    const p = join(out, 'manifest.json');
    const m = JSON.parse(readFileSync(p, 'utf8'));
    m.bundles.push({ kind: 'search-index', id: 'FY2030', file: 'search-FY2030.bin.gz' });
    writeFileSync(p, JSON.stringify(m));
    expect(
      loadOfficialCatalog(out)
        ?.releases()
        .map((r) => r.id),
    ).toEqual(['FY2029', 'FY2030']);
    expect(buildToFolder(REF, out).ok).toBe(true);
    const again = JSON.parse(readFileSync(p, 'utf8'));
    expect(again.bundles.at(-1)).toEqual({
      kind: 'search-index',
      id: 'FY2030',
      file: 'search-FY2030.bin.gz',
    });
  });

  it('keeps the bundles already built intact when a file is bad', () => {
    const out = mkdtempSync(join(tmpdir(), 'claimlab-keep-'));
    const good = buildToFolder(REF, out);
    expect(good.ok).toBe(true);
    const before = Object.fromEntries(
      readdirSync(out).map((f) => [f, readFileSync(join(out, f)).toString('base64')]),
    );
    const dir = freshCopy();
    const t = join(dir, 'icd10cm/fy2029/icd10cm_tabular_2029.xml');
    const text = readFileSync(t, 'utf8');
    writeFileSync(t, text.slice(0, Math.floor(text.length / 2)));
    const r = buildToFolder(dir, out);
    expect(!r.ok && r.errors[0]!.path).toMatch(/^icd10cm\/fy2029\/icd10cm_tabular_2029\.xml:\d+$/);
    const after = Object.fromEntries(
      readdirSync(out).map((f) => [f, readFileSync(join(out, f)).toString('base64')]),
    );
    expect(after).toEqual(before);
  });
});
