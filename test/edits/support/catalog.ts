/**
 * A small two-release catalog for the edit tests: the starter set's FY2026 codes plus a few
 * more, an FY2021 release (the same codes as they stood then: no E11.A, R05 and E78.01
 * billable, 99201 still valid), hand-written tabular notes with their code targets (as the
 * official importer parses them), and MCE flags for a few codes. Deterministic and always
 * available, unlike the official bundles.
 */
import icdJson from '../../../codesets/starter/icd10cm-starter.json';
import procJson from '../../../codesets/starter/procedures.json';
import type {
  CodeCatalog,
  IcdEntry,
  IcdNote,
  MceEdits,
  ModifierEntry,
  ProcedureEntry,
} from '../../../src/domain/codes/catalog';
import { makeRelease } from '../../../src/codesets/release-index';
import { err, ok } from '../../../src/domain/result';

type Row = [string, number, string];
const starter = icdJson as unknown as { rows: Row[] };
const proc = procJson as unknown as {
  procedures: { code: string; system: 'CPT' | 'HCPCS'; display: string }[];
  modifiers: { code: string; display: string }[];
  seventhCharacters: Record<string, Record<string, string>>;
};

const EXTRA: Row[] = [
  // Underdosing and gestational diabetes (presumed.ts: icd10cm.sequencing, icd10cm.not-together).
  ['T46', 0, 'Poisoning by, adverse effect of and underdosing of primarily cardiovascular drugs'],
  ['T461', 0, 'Poisoning by, adverse effect of and underdosing of calcium-channel blockers'],
  ['T461X6', 0, 'Underdosing of calcium-channel blockers'],
  ['T461X6A', 1, 'Underdosing of calcium-channel blockers, initial encounter'],
  ['Z9113', 0, "Patient's unintentional underdosing of medication regimen"],
  ['Z91138', 1, "Patient's unintentional underdosing of medication regimen for other reason"],
  ['O24', 0, 'Diabetes mellitus in pregnancy, childbirth, and the puerperium'],
  ['O244', 0, 'Gestational diabetes mellitus'],
  ['O2441', 0, 'Gestational diabetes mellitus in pregnancy'],
  ['O24414', 1, 'Gestational diabetes mellitus in pregnancy, insulin controlled'],
  ['Z3A', 0, 'Weeks of gestation'],
  ['Z3A2', 0, 'Weeks of gestation of pregnancy, weeks 20-29'],
  ['Z3A28', 1, '28 weeks gestation of pregnancy'],
  ['F33', 0, 'Major depressive disorder, recurrent'],
  ['F339', 1, 'Major depressive disorder, recurrent, unspecified'],
  ['F43', 0, 'Reaction to severe stress, and adjustment disorders'],
  ['F432', 0, 'Adjustment disorders'],
  ['F4320', 1, 'Adjustment disorder, unspecified'],
  ['P59', 0, 'Neonatal jaundice from other and unspecified causes'],
  ['P599', 1, 'Neonatal jaundice, unspecified'],
  ['N95', 0, 'Menopausal and other perimenopausal disorders'],
  ['N951', 1, 'Menopausal and female climacteric states'],
  ['E10', 0, 'Type 1 diabetes mellitus'],
  ['E109', 1, 'Type 1 diabetes mellitus without complications'],
  ['L84', 1, 'Corns and callosities'],
  ['L57', 0, 'Skin changes due to chronic exposure to nonionizing radiation'],
  ['L570', 1, 'Actinic keratosis'],
  ['L72', 0, 'Follicular cysts of skin and subcutaneous tissue'],
  ['L720', 1, 'Epidermal cyst'],
  ['R51', 0, 'Headache'],
  ['R519', 1, 'Headache, unspecified'],
];

/** Codes that did not exist (or were not billable) in FY2021. */
const LATER = /^(E11A|E7801[0-9]|R05[0-9]|F32A|F028[1-4].+|F0282|F0283|F0284|F02[ABC].*|E6681.*)$/;
const BILLABLE_IN_2021 = new Set(['E7801', 'R05', 'F0281']);

const NOTE = (
  at: string,
  kind: IcdNote['kind'],
  text: string,
  targets?: [string, string][],
): IcdNote => ({
  at,
  kind,
  text,
  source: 'FY2021',
  ...(targets ? { targets: targets.map(([from, to]) => ({ from, to })) } : {}),
});

const NOTES: IcdNote[] = [
  NOTE('E11', 'excludes1', 'type 1 diabetes mellitus (E10.-)', [['E10', 'E10']]),
  NOTE('E11', 'excludes1', 'gestational diabetes (O24.4-)', [['O244', 'O244']]),
  NOTE('E11', 'useAdditionalCode', 'code to identify control using:'),
  NOTE('E11', 'useAdditionalCode', 'insulin (Z79.4)', [['Z794', 'Z794']]),
  NOTE('E11', 'useAdditionalCode', 'oral hypoglycemic drugs (Z79.84)', [['Z7984', 'Z7984']]),
  NOTE(
    'E1122',
    'useAdditionalCode',
    'code to identify stage of chronic kidney disease (N18.1-N18.6)',
    [['N181', 'N186']],
  ),
  NOTE('R73', 'excludes1', 'diabetes mellitus (E08-E13)', [['E08', 'E13']]),
  NOTE('F32', 'excludes1', 'recurrent depressive disorder (F33.-)', [['F33', 'F33']]),
  NOTE('F32', 'excludes2', 'adjustment disorder (F43.2)', [['F432', 'F432']]),
  NOTE('F17', 'excludes1', 'history of tobacco dependence (Z87.891)', [['Z87891', 'Z87891']]),
  NOTE('J45', 'excludes2', 'asthma with chronic obstructive pulmonary disease (J44.9)', [
    ['J449', 'J449'],
  ]),
  NOTE('R10', 'excludes2', 'dorsalgia (M54.-)', [['M54', 'M54']]),
  NOTE('F02', 'codeFirst', 'the underlying physiological condition, such as:'),
  NOTE('F02', 'codeFirst', "Alzheimer's (G30.-)", [['G30', 'G30']]),
  NOTE('G30', 'useAdditionalCode', 'code to identify:'),
  NOTE('G30', 'useAdditionalCode', 'dementia with behavioral disturbance (F02.81)', [
    ['F0281', 'F0281'],
  ]),
  NOTE('G30', 'useAdditionalCode', 'dementia without behavioral disturbance (F02.80)', [
    ['F0280', 'F0280'],
  ]),
  NOTE(
    'N18',
    'codeFirst',
    'diabetic chronic kidney disease (E08.22, E09.22, E10.22, E11.22, E13.22)',
    [
      ['E0822', 'E0822'],
      ['E0922', 'E0922'],
      ['E1022', 'E1022'],
      ['E1122', 'E1122'],
      ['E1322', 'E1322'],
    ],
  ),
  NOTE('N18', 'codeFirst', 'hypertensive chronic kidney disease (I12.-, I13.-)', [['I12', 'I13']]),
  NOTE(
    'I129',
    'useAdditionalCode',
    'code to identify the stage of chronic kidney disease (N18.1-N18.4, N18.9)',
    [
      ['N181', 'N184'],
      ['N189', 'N189'],
    ],
  ),
  // A block-level reminder: not checked (see conventions.ts).
  NOTE('I10-I16', 'useAdditionalCode', 'tobacco use (Z72.0)', [['Z720', 'Z720']]),
];

const MCE: Record<string, Omit<MceEdits, 'source'>> = {
  P599: { age: 'newborn' },
  Z00121: { age: 'pediatric' },
  Z00129: { age: 'pediatric' },
  Z0000: { age: 'adult' },
  Z0001: { age: 'adult' },
  Z3400: { age: 'maternity', sex: 'F' },
  Z3490: { age: 'maternity', sex: 'F' },
  N400: { age: 'adult', sex: 'M' },
  N401: { age: 'adult', sex: 'M' },
  N951: { sex: 'F' },
  F0280: { manifestation: true },
};

const EXTRA_PROCS: { code: string; effective?: string; terminated?: string }[] = [
  { code: '99201', terminated: '2020-12-31' },
  { code: '10060' },
  { code: '20605' },
  { code: '20611', effective: '2015-01-01' },
  { code: '73560' },
  { code: '70551' },
  { code: '93005' },
  { code: '93010' },
  { code: '97110' },
  { code: '97140' },
  { code: '11056' },
  { code: '17003' },
  { code: '17110' },
  { code: '99406' },
  // Global surgery cases: a 010-day minor procedure outside the curated PTP list, and two
  // 090-day major ones (MPFS CY2025 GLOB DAYS).
  { code: '11403' },
  { code: '29881' },
  { code: '27447' },
];
const EXTRA_MODS: { code: string; effective?: string }[] = [
  { code: '93', effective: '2022-01-01' },
  { code: 'F1' },
  { code: 'F2' },
];

function notesMap(): Map<string, IcdNote[]> {
  const m = new Map<string, IcdNote[]>();
  for (const n of NOTES) m.set(n.at, [...(m.get(n.at) ?? []), n]);
  return m;
}

export function testCatalog(): CodeCatalog {
  const rows = [...starter.rows, ...EXTRA];
  const toEntry = ([code, b, title]: Row, billable = b === 1): IcdEntry => ({
    code,
    billable,
    short: title,
    long: title,
  });
  const fy26 = makeRelease({
    id: 'FY2026',
    from: '2025-10-01',
    to: '2026-09-30',
    origin: 'starter',
    notesRelease: 'FY2021',
    entries: rows.map((r) => toEntry(r)),
    seventh: proc.seventhCharacters,
    seventhSource: 'FY2021',
    notes: notesMap(),
  });
  const fy21 = makeRelease({
    id: 'FY2021',
    from: '2020-10-01',
    to: '2021-09-30',
    origin: 'starter',
    notesRelease: 'FY2021',
    entries: rows
      .filter(([c]) => !LATER.test(c))
      .map((r) => toEntry(r, r[1] === 1 || BILLABLE_IN_2021.has(r[0]))),
    seventh: proc.seventhCharacters,
    seventhSource: 'FY2021',
    notes: notesMap(),
  });
  const procedures = new Map<string, ProcedureEntry>();
  for (const p of proc.procedures)
    procedures.set(p.code, { ...p, effective: null, terminated: null, ownWording: true });
  for (const p of EXTRA_PROCS)
    procedures.set(p.code, {
      code: p.code,
      system: 'CPT',
      display: `test code ${p.code}`,
      effective: p.effective ?? null,
      terminated: p.terminated ?? null,
      ownWording: true,
    });
  const modifiers = new Map<string, ModifierEntry>();
  for (const m of proc.modifiers)
    modifiers.set(m.code, { ...m, effective: null, terminated: null });
  for (const m of EXTRA_MODS)
    modifiers.set(m.code, {
      code: m.code,
      display: `test modifier ${m.code}`,
      effective: m.effective ?? null,
      terminated: null,
    });
  const releases = [fy21, fy26];
  return {
    describe: () => 'edit-test catalog (FY2021 + FY2026)',
    icd10: (date) => {
      const r = releases.find((x) => x.from <= date && date <= x.to);
      return r
        ? ok(r)
        : err({
            path: 'serviceDate',
            message: `No loaded ICD-10-CM release covers ${date} (test catalog: FY2021, FY2026)`,
          });
    },
    procedure: (code) => procedures.get(code),
    modifier: (code) => modifiers.get(code),
    releases: () => releases,
    mce: (code) =>
      MCE[code] ? { ...MCE[code], source: 'MCE v37 (FY2020), test subset' } : undefined,
  };
}
