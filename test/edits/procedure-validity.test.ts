/**
 * Procedure codes are real codes: CPT/HCPCS validity on the date of service comes from CMS's
 * own lists (the PFS RVU file's code list with its status indicator, the HCPCS Level II files
 * with their added and termination dates), and a verdict names the list it was judged on.
 * See: CMS Pub. 100-04 ch. 23 §20.7 (codes valid on the date of service); issue 10
 * "Procedure codes are real codes". The synthetic part always runs; the official part skips
 * without codesets/build (get ../shared/reference and run `npm run -s claimlab -- codesets build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficialCatalog } from '../../src/codesets/official-catalog';
import type { HcpcsRecord } from '../../src/codesets/hcpcs';
import { loadOfficialCatalog } from '../../src/codesets/load-node';
import { starterCatalog } from '../../src/codesets/starter';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { parseCptDescriptions } from '../../src/codesets/cpt-descriptions';
import { checkClaim } from '../../src/domain/edits/index';
import type { CodeCatalog } from '../../src/domain/codes/catalog';
import { NPI, basePatient, claimInput, lineInput } from '../factories';

const rec = (code: string, added: string | null, terminated: string | null): HcpcsRecord => ({
  kind: 'procedure',
  code,
  long: `Synthetic ${code}`,
  short: code,
  pricing: [],
  multiplePricing: '',
  coverage: 'C',
  betos: '',
  added,
  actionEffective: null,
  terminated,
  action: 'N',
});

/** Only a 2020 HCPCS file and the CY2025 PFS list on hand. */
function oldFileCatalog(): OfficialCatalog {
  return new OfficialCatalog({
    icd: [],
    hcpcs: [
      {
        id: '2020',
        from: '2020-01-01',
        to: '2020-12-31',
        load: () => [
          rec('G9001', '2010-01-01', '2022-12-31'), // deleted before a 2026 service
          rec('G9002', '2010-01-01', null),
          rec('G9003', '2021-04-01', null),
        ],
      },
    ],
    pfs: {
      id: 'CY2025',
      load: () => ({
        id: 'CY2025',
        year: 2025,
        source: 'synthetic',
        codes: [
          { code: 'G9004', status: 'A' }, // added after the 2020 file
          { code: '27447', status: 'A' },
          { code: '93010', status: 'A' },
          { code: '99397', status: 'N' },
          { code: '99499', status: 'D' },
        ],
      }),
    },
    fallback: starterCatalog(),
  });
}

const claim = (date: string, codes: string[]) =>
  claimInput({
    claimId: 'PV-1',
    patient: { ...basePatient(), birthDate: '1950-01-01' },
    provider: { npi: NPI, pos: '11' },
    serviceDate: date,
    submissionDate: date,
    diagnoses: [],
    lines: codes.map((code) => lineInput(code, '10.00', { dxPointers: [] })),
  });

const procFindings = (cat: CodeCatalog, date: string, codes: string[]) =>
  checkClaim(claim(date, codes), { catalog: cat, ncci: curatedNcci() }).findings.filter((f) =>
    f.id.startsWith('code.'),
  );

describe('procedure validity from the lists on hand (synthetic)', () => {
  const cat = oldFileCatalog();

  it('a HCPCS code deleted before the date is invalid even when the file is older than the date', () => {
    const f = procFindings(cat, '2026-03-02', ['G9001']);
    const bad = f.find((x) => x.id === 'code.invalid');
    expect(bad?.severity).toBe('error');
    expect(bad?.message).toMatch(/deleted on 2022-12-31/);
    expect(bad?.message).toContain('HCPCS 2020 file');
  });

  it('names the gap once when a 2026 service is judged on a 2020 file', () => {
    const f = procFindings(cat, '2026-03-02', ['G9002', 'G9001']);
    const gap = f.filter((x) => x.id === 'code.list-gap');
    expect(gap).toHaveLength(1);
    expect(gap[0]!.severity).toBe('info');
    expect(gap[0]!.message).toMatch(
      /HCPCS 2020 file.*does not cover the date of service 2026-03-02/,
    );
    // the 2020 file covers 2020 services: no gap
    expect(procFindings(cat, '2020-05-01', ['G9002']).map((x) => x.id)).toEqual([]);
  });

  it('a code added after the file on hand is known from the newer PFS code list', () => {
    expect(cat.procedure('G9004', '2026-03-02')?.source).toBe('CMS PFS CY2025 code list');
    expect(procFindings(cat, '2026-03-02', ['G9004']).map((x) => x.id)).toEqual(['code.list-gap']);
  });

  it('a code not yet effective on the date is invalid, with its effective date', () => {
    const f = procFindings(cat, '2020-06-01', ['G9003']);
    expect(f[0]?.message).toMatch(/takes effect on 2021-04-01/);
  });

  it('an unknown code on a date the list does not cover is a warning naming the list', () => {
    const f = procFindings(cat, '2026-03-02', ['G9999']).find((x) => x.id === 'code.invalid');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/not in the HCPCS 2020 file.*does not cover/);
  });

  it('CPT numbers come from the PFS list with their status; deleted statuses are invalid', () => {
    expect(procFindings(cat, '2025-05-01', ['27447', '93010'])).toEqual([]);
    const n = cat.procedure('99397', '2025-05-01');
    expect(n?.status).toBe('N'); // a real code Medicare does not cover: valid, not "invalid"
    expect(n?.ownWording).toBe(true); // the starter set's own words
    const d = procFindings(cat, '2025-05-01', ['99499']).find((x) => x.id === 'code.invalid');
    expect(d?.severity).toBe('error');
    const bad = procFindings(cat, '2025-05-01', ['99999']).find((x) => x.id === 'code.invalid');
    expect(bad?.severity).toBe('error');
    expect(bad?.message).toContain('CMS PFS CY2025 code list');
  });

  // See: CMS RVU file README, status D ("deleted effective with the beginning of the year"):
  // a code the CY2025 list marks deleted was still valid for a 2024 service.
  it('a code the PFS list marks deleted was valid before the list year', () => {
    expect(procFindings(cat, '2024-06-03', ['99499']).map((x) => [x.id, x.severity])).toEqual([
      ['code.list-gap', 'info'],
    ]);
    expect(cat.procedure('99499', '2024-06-03')?.terminated).toBe('2024-12-31');
  });

  it('a CPT code without our own wording shows its number and status, never a descriptor', () => {
    const e = cat.procedure('27447', '2025-05-01')!;
    expect(e.display).toBe(
      'CPT 27447 (PFS status A: active, paid on the fee schedule); no description shipped',
    );
    expect(e.ownWording).toBe(false);
  });
});

describe('licensed CPT descriptions (user-supplied file)', () => {
  it('reads code,description and tab files with a header; errors name the line', () => {
    const r = parseCptDescriptions(
      'code,description\n27447,"Knee, total"\n99213\tVisit\n',
      'x.csv',
    );
    expect(r.ok && [...r.value]).toEqual([
      ['27447', 'Knee, total'],
      ['99213', 'Visit'],
    ]);
    const bad = parseCptDescriptions('27447,Knee\nABC,nope\n', 'x.csv');
    expect(!bad.ok && bad.errors[0]!.path).toBe('x.csv:2');
  });

  it('an imported description is shown, and marked as not our wording', () => {
    const cat = new OfficialCatalog({
      icd: [],
      pfs: oldFileCatalog()['procedureOn'] && {
        id: 'CY2025',
        load: () => ({
          id: 'CY2025',
          year: 2025,
          source: 's',
          codes: [{ code: '27447', status: 'A' }],
        }),
      },
      cpt: {
        id: 'licensed CPT file (imported)',
        load: () => new Map([['27447', 'Licensed text']]),
      },
    });
    const e = cat.procedure('27447', '2025-05-01')!;
    expect(e.display).toBe('Licensed text');
    expect(e.ownWording).toBe(false);
    expect(e.source).toMatch(/licensed CPT file/);
  });
});

const BUILD = join(__dirname, '../../codesets/build');
const official =
  existsSync(join(BUILD, 'manifest.json')) && existsSync(join(BUILD, 'mpfs-2025.json.gz'));
if (!official)
  console.warn(
    '[procedure validity] codesets/build has no official bundles: official part skipped. Get ../shared/reference and run `npm run -s claimlab -- codesets build`.',
  );

describe.skipIf(!official)('procedure validity on the official lists', () => {
  const cat = () => loadOfficialCatalog(BUILD, starterCatalog())!;

  it('accepts real surgery, imaging, preventive and interpretation-only codes', () => {
    // total knee, screening mammography, ECG interpretation only, MRI brain, AWV, Welcome visit
    const codes = ['27447', '77067', '93010', '70551', 'G0438', 'G0402', '99387', '29881'];
    expect(procFindings(cat(), '2025-06-02', codes)).toEqual([]);
  });

  it('accepts every code in the shipped NCCI set and the commercial prior-authorization list', () => {
    const ncci = JSON.parse(
      readFileSync(join(__dirname, '../../codesets/ncci/ptp-curated.json'), 'utf8'),
    ) as {
      groups: { column1: string[]; column2: string[]; deleted: string | null }[];
    };
    const mue = JSON.parse(
      readFileSync(join(__dirname, '../../codesets/ncci/mue-curated.json'), 'utf8'),
    ) as {
      edits: { code: string; deleted: string | null }[];
    };
    const ppo = JSON.parse(
      readFileSync(join(__dirname, '../../scenarios/starter/payers/commercial-ppo.json'), 'utf8'),
    ) as { priorAuth: { procedures: string[] }[] };
    const codes = new Set([
      ...ncci.groups.filter((g) => !g.deleted).flatMap((g) => [...g.column1, ...g.column2]),
      ...mue.edits.filter((e) => !e.deleted).map((e) => e.code),
      ...ppo.priorAuth.flatMap((p) => p.procedures),
    ]);
    const c = cat();
    const unknown = [...codes].filter((code) => !c.procedure(code, '2025-06-02'));
    expect(unknown).toEqual([]);
  });

  it('G2211 is valid from 2021 on the 2026 file, not before', () => {
    const c = cat();
    expect(c.procedure('G2211', '2025-06-02')?.source).toBe('HCPCS 2026 file');
    expect(c.procedureOn('G2211', '2020-06-01').effective).toBe('2021-01-01');
  });

  // See: CMS Pub. 100-04 ch. 23 §20.7 (codes valid on the date of service); issue 10 "never judge
  // a 2026 service silently against a 2020 file": the PFS code list on hand is CY2025's.
  it('a 2026 CPT service judged on the CY2025 PFS code list gets one info finding naming it', () => {
    const f = procFindings(cat(), '2026-03-02', ['99213', '93010', 'G2211']);
    expect(f.map((x) => [x.id, x.severity])).toEqual([['code.list-gap', 'info']]);
    expect(f[0]!.codes).toEqual(['99213', '93010']); // G2211: the HCPCS 2026 file covers 2026
    expect(f[0]!.message).toMatch(
      /CMS PFS CY2025 code list.*does not cover the date of service 2026-03-02/,
    );
    // CY2025 services are judged on their own year's list: nothing to say
    expect(procFindings(cat(), '2025-06-02', ['99213'])).toEqual([]);
  });

  it('a 2027 service is judged on the 2026 file with an info finding naming the gap', () => {
    const f = procFindings(cat(), '2027-02-01', ['G0439']);
    expect(f.map((x) => [x.id, x.severity])).toEqual([['code.list-gap', 'info']]);
    expect(f[0]!.message).toMatch(/HCPCS 2026 file/);
  });
});
