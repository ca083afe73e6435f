/**
 * Regenerates the committed ICD-10-CM starter set (codesets/starter/icd10cm-starter.json): a few
 * hundred codes common in primary care, with their ancestors, from an official order file.
 * ICD-10-CM titles are public domain (CDC/NCHS); the starter set is our own selection.
 * Usage: npx tsx scripts/make-starter-icd.ts [path/to/icd10cm-order-YYYY.txt] [FY2026]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseOrderFile } from '../src/codesets/order-file';

const PREFIXES = (
  'E11 E10 E1065 E109 E1165 I10 I11 I12 E78 E66 E03 J44 J45 J06 J02 J18 J20 N39 N18 K21 F32 F41 M545 M170 M171 ' +
  'G4730 G4733 R05 R07 R10 R100 R101 R1084 R109 Z00 Z794 Z7982 Z7984 Z79899 Z6830 Z6831 Z6832 Z6833 Z6834 Z6835 Z6841 ' +
  'I48 I251 I50 E55 Z23 W2189 S934 S5252 E871 E875 E876 R73 Z131 Z1322 Z1331 Z713 Z7141 Z720 F17 R0600 ' +
  'R0602 R0609 R062 G4300 G4390 K590 L0311 H1030 H6690 B349 R509 N40 M2556 E86 D649 D509 E538 R53 Z8711 ' +
  'Z87891 Z8673 Z86711 Z824 Z833 Z800 Z8801 Z9114 Z9981 F02 G30 N17 R399 Z34 ' +
  // payer-rules and icd10cm-fy2026-update packs (FY2026 dates of service)
  'M5416 S83241 R519 B078 J302 Z8342 G35 Z91011 Z5986 B20 E881 Z841 ' +
  // the starter pack's actinic keratosis case
  'L570 L578'
).split(/\s+/);
const DROP = ['E10', 'E13'];

const [file = '../shared/reference/icd10cm/fy2026/icd10cm-order-2026.txt', release = 'FY2026'] =
  process.argv.slice(2);
const parsed = parseOrderFile(readFileSync(file, 'latin1'), file);
if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
const all = new Map(parsed.value.map((e) => [e.code, e]));
const keep = new Set<string>();
for (const e of parsed.value) {
  const hit = PREFIXES.some((p) => e.code.startsWith(p));
  const dropped = DROP.some((d) => e.code.startsWith(d)) && !['E1065', 'E109'].some((p) => e.code.startsWith(p));
  if (!hit || (dropped && !PREFIXES.includes(e.code))) continue;
  for (let n = 3; n <= e.code.length; n++) if (all.has(e.code.slice(0, n))) keep.add(e.code.slice(0, n));
}
const rows = parsed.value.filter((e) => keep.has(e.code)).map((e) => [e.code, e.billable ? 1 : 0, e.long]);
writeFileSync(
  'codesets/starter/icd10cm-starter.json',
  JSON.stringify(
    {
      format: 1,
      system: 'ICD-10-CM',
      release,
      from: '2025-10-01',
      to: '2026-09-30',
      source: `Selected from the CDC/NCHS ICD-10-CM ${release} order file; titles are public domain.`,
      columns: ['code', 'billable', 'title'],
      rows,
    },
    null,
    0,
  ).replace(/\],\[/g, '],\n['),
);
console.log(`${rows.length} codes (${rows.filter((r) => r[1] === 1).length} billable)`);
