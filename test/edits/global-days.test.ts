/**
 * The global surgery rules (E/M near a procedure with a 000/010/090 global period) and where the
 * engine learns global days: the MPFS tables, else the pack's national fee table, else nowhere
 * (and then nothing changes). See: src/domain/edits/global-surgery.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  buildNcciRules,
  scrub,
  globalDaysFrom,
  type EditContext,
  type PtpEdit,
} from '../../src/domain/edits/index';
import { GLOBAL_SURGERY_RULES } from '../../src/domain/edits/global-surgery-rules';
import { parseClaim } from '../../src/domain/claim/parse';
import type { Claim } from '../../src/domain/claim/claim';
import { parseFeeTable, type MpfsTables, type RvuEntry } from '../../src/domain/payer/pricing/fees';
import { starterFees } from '../../src/services/shipped';
import { curatedNcci, withImported } from '../../src/codesets/ncci/curated';
import { run as check } from '../../src/cli/commands/check';
import type { Io } from '../../src/cli/io';
import { testCatalog } from './support/catalog';
import { shippedFile } from '../support/packs';
import { NPI, basePatient, claimInput } from '../factories';

const catalog = testCatalog();
const DAYS: Record<string, string> = {
  '29881': '090',
  '27447': '090',
  '11403': '010',
  '17000': '010',
  '20610': '000',
  '99213': 'XXX',
};
const globalDays = (code: string) => DAYS[code];

type LineIn = [code: string, modifiers: string[], date?: string];
function claim(lines: LineIn[], over: Record<string, unknown> = {}): Claim {
  return parseClaim(
    claimInput({
      claimId: 'C1',
      frequency: '1',
      patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos: '11' },
      submissionDate: '2026-03-04',
      diagnoses: ['M17.11', 'L72.0'],
      lines: lines.map(([code, modifiers, date]) => ({
        code,
        modifiers,
        units: 1,
        dxPointers: [1],
        charge: '100.00',
        ...(date ? { serviceDate: date } : {}),
      })),
      ...over,
    }),
  ).claim;
}

const ctx = (over: Partial<EditContext> = {}): EditContext => ({
  catalog,
  ncci: curatedNcci(),
  globalDays,
  ...over,
});
const global = (c: Claim, x: EditContext = ctx()) =>
  scrub(c, x).filter((f) => f.id.startsWith('modifier.') || f.id === 'ncci.ptp');

describe('global surgery rules as data', () => {
  it('each rule names its modifier and cites Pub. 100-04 ch. 12 §40', () => {
    const rules = Object.values(GLOBAL_SURGERY_RULES);
    expect(rules.map((r) => [r.kind, r.modifier])).toEqual([
      ['minor-same-day', '25'],
      ['major-preop', '57'],
      ['postop', '24'],
      ['postop-procedure', '79'],
    ]);
    for (const r of rules) expect(r.source).toMatch(/Pub\. 100-04 ch\. 12 §40\.\d/);
  });
});

describe('E/M the day of a procedure', () => {
  it('without a source of global days nothing changes', () => {
    const c = claim([
      ['99213', ['25']],
      ['29881', []],
    ]);
    expect(global(c, { catalog, ncci: curatedNcci() })).toEqual([]);
    expect(global(c)).toHaveLength(1);
  });

  it('major (090): 57 passes; 25 is the wrong modifier; none is included', () => {
    expect(
      global(
        claim([
          ['99213', ['57']],
          ['29881', []],
        ]),
      ),
    ).toEqual([]);
    const [wrong] = global(
      claim([
        ['99213', ['25']],
        ['29881', []],
      ]),
    );
    expect(wrong).toMatchObject({
      id: 'modifier.invalid',
      line: 1,
      field: 'lines[0].modifiers[0]',
    });
    expect(wrong?.message).toContain('99213 (line 1) carries modifier 25 but is the same day as');
    expect(wrong?.message).toContain('29881 (line 2)');
    expect(wrong?.suggestion).toMatch(/^Use 57 instead of 25 on 99213/);
    expect(wrong?.reference).toContain('§40.2');
    const [none] = global(
      claim([
        ['99213', []],
        ['29881', []],
      ]),
    );
    expect(none).toMatchObject({ id: 'modifier.missing', line: 1, codes: ['99213', '29881'] });
    expect(none?.suggestion).toMatch(/Append 57 to 99213/);
  });

  it('major (090): the day before counts; the day after is the postoperative period', () => {
    const before = claim([
      ['99213', [], '2026-03-01'],
      ['27447', [], '2026-03-02'],
    ]);
    const [f] = global(before);
    expect(f?.message).toContain('the day before 27447');
    expect(
      global(
        claim([
          ['99213', ['57'], '2026-03-01'],
          ['27447', [], '2026-03-02'],
        ]),
      ),
    ).toEqual([]);
    const after = global(
      claim([
        ['99213', ['57'], '2026-03-03'],
        ['27447', [], '2026-03-02'],
      ]),
    );
    expect(after.map((x) => x.id)).toEqual(['modifier.missing']);
    expect(after[0]?.suggestion).toMatch(/Append 24/);
  });

  it('minor (000/010): 25 passes; 57 is the wrong modifier; none is included', () => {
    expect(
      global(
        claim([
          ['99213', ['25']],
          ['11403', []],
        ]),
      ),
    ).toEqual([]);
    const [wrong] = global(
      claim([
        ['99213', ['57']],
        ['11403', []],
      ]),
    );
    expect(wrong).toMatchObject({ id: 'modifier.invalid', line: 1 });
    expect(wrong?.message).toContain(
      '99213 (line 1) carries modifier 57 but is on the same day as 11403 (line 2)',
    );
    expect(wrong?.message).toContain('010 global days');
    expect(wrong?.suggestion).toMatch(/^Use 25 instead of 57 on 99213/);
    const [none] = global(
      claim([
        ['99213', []],
        ['11403', []],
      ]),
    );
    expect(none).toMatchObject({ id: 'modifier.missing', line: 1 });
  });

  it('a 000-day procedure is minor too: the rule applies where no PTP edit covers the pair', () => {
    const ncci = buildNcciRules([], [], 'no edits');
    const [f] = global(
      claim([
        ['99213', []],
        ['20610', []],
      ]),
      ctx({ ncci }),
    );
    expect(f).toMatchObject({ id: 'modifier.missing', line: 1 });
    expect(f?.message).toContain('000 global days');
  });

  it('a pair the NCCI PTP edit covers gives one finding: ncci.ptp, naming the right modifier', () => {
    const minor = global(
      claim([
        ['99213', ['57']],
        ['17000', []],
      ]),
    );
    expect(minor.map((f) => f.id)).toEqual(['ncci.ptp']);
    expect(minor[0]?.suggestion).toContain('append 25 to 99213 instead of 57');
    // Without global days the suggestion stays the plain one.
    const plain = global(
      claim([
        ['99213', ['57']],
        ['17000', []],
      ]),
      { catalog, ncci: curatedNcci() },
    );
    expect(plain[0]?.suggestion).not.toContain('instead of 57');
    // A (synthetic) PTP pair with a 090-day procedure: 57 bypasses, 25 gets the 57 suggestion.
    const row: PtpEdit = {
      column1: '29881',
      column2: '99213',
      effective: '2010-01-01',
      deleted: null,
      modifierIndicator: '1',
      rationale: 'synthetic',
      source: 'synthetic test row',
    };
    const ncci = withImported([row], [], 'synthetic');
    expect(
      global(
        claim([
          ['99213', ['57']],
          ['29881', []],
        ]),
        ctx({ ncci }),
      ),
    ).toEqual([]);
    const major = global(
      claim([
        ['99213', ['25']],
        ['29881', []],
      ]),
      ctx({ ncci }),
    );
    expect(major.map((f) => f.id)).toEqual(['ncci.ptp']);
    expect(major[0]?.suggestion).toContain('append 57 to 99213');
  });

  it('XXX, ZZZ and unknown codes are not procedures with a global period', () => {
    expect(
      global(
        claim([
          ['99213', []],
          ['93000', []],
        ]),
        ctx({ ncci: curatedNcci() }),
      ),
    ).toEqual([]);
  });
});

describe('E/M in the postoperative period (claim history)', () => {
  const tka = claim([['27447', []]], { claimId: 'H1', serviceDate: '2026-02-02' });
  const lesion = claim([['11403', []]], { claimId: 'H2', serviceDate: '2026-02-20' });
  const visit = (date: string, mods: string[] = []) =>
    claim([['99213', mods]], { claimId: 'V', serviceDate: date });

  it('090: an E/M within 90 days needs 24; day 91 is outside', () => {
    const history = [tka];
    const [f] = global(visit('2026-03-02'), ctx({ history }));
    expect(f).toMatchObject({ id: 'modifier.missing', line: 1, codes: ['99213', '27447'] });
    expect(f?.message).toContain('through 2026-05-03');
    expect(f?.message).toContain('claim H1');
    expect(f?.suggestion).toContain('99024');
    expect(global(visit('2026-03-02', ['24']), ctx({ history }))).toEqual([]);
    // 25 (same-day procedure) is not the postoperative modifier.
    expect(global(visit('2026-03-02', ['25']), ctx({ history }))).toHaveLength(1);
    expect(global(visit('2026-05-03'), ctx({ history }))).toHaveLength(1);
    expect(global(visit('2026-05-04'), ctx({ history }))).toEqual([]);
  });

  it('010: ten days after; 000 has no postoperative days', () => {
    const history = [lesion];
    expect(global(visit('2026-03-02'), ctx({ history }))).toHaveLength(1);
    expect(global(visit('2026-03-03'), ctx({ history }))).toEqual([]);
    const inj = claim([['20610', []]], { claimId: 'H3', serviceDate: '2026-03-01' });
    expect(global(visit('2026-03-02'), ctx({ history: [inj] }))).toEqual([]);
  });

  it('another provider, another patient, a voided surgery or no history: no finding', () => {
    const other = claim([['27447', []]], {
      claimId: 'H4',
      serviceDate: '2026-02-02',
      provider: { npi: '1245319599', pos: '11' },
    });
    expect(global(visit('2026-03-02'), ctx({ history: [other] }))).toEqual([]);
    const someoneElse = claim([['27447', []]], {
      claimId: 'H5',
      serviceDate: '2026-02-02',
      patient: { sex: 'M', birthDate: '1950-01-01', memberId: 'MBI-2' },
    });
    expect(global(visit('2026-03-02'), ctx({ history: [someoneElse] }))).toEqual([]);
    const voided = claim([['27447', []]], {
      claimId: 'H6',
      serviceDate: '2026-02-02',
      frequency: '8',
      originalClaimId: 'H1',
    });
    expect(global(visit('2026-03-02'), ctx({ history: [tka, voided] }))).toEqual([]);
    expect(global(visit('2026-03-02'))).toEqual([]);
  });

  it('99024 (the postoperative visit itself) is not an E/M that needs 24', () => {
    const c = claim([['99024', []]], { serviceDate: '2026-03-02' });
    expect(scrub(c, ctx({ history: [tka] })).filter((f) => f.id === 'modifier.missing')).toEqual(
      [],
    );
  });
});

describe('sources of global days', () => {
  const rvu = (code: string, globalDays: string): RvuEntry => ({
    code,
    modifier: '',
    status: 'A',
    work: 0,
    peNonFacility: 0,
    peFacility: 0,
    mp: 0,
    pctc: '0',
    globalDays,
    mult: '0',
    bilat: '0',
    endoBase: '',
    asstSurg: '9',
    coSurg: '9',
    teamSurg: '9',
  });
  const mpfs: Pick<MpfsTables, 'rvu'> = {
    rvu: (c) => ({ '11403': rvu('11403', '010'), '29881': rvu('29881', '000') })[c],
  };

  it('MPFS first, then the pack table; undefined with neither', () => {
    const table = starterFees().medicareTable!;
    const both = globalDaysFrom({ mpfs, medicareTable: table })!;
    expect(both('29881', '2026-03-02')).toBe('000'); // the MPFS row wins (synthetic value)
    expect(both('11403', '2026-03-02')).toBe('010');
    expect(both('17000', '2026-03-02')).toBe('010'); // not in the MPFS stub: from the table
    expect(both('12345', '2026-03-02')).toBeUndefined();
    expect(globalDaysFrom({})).toBeUndefined();
  });

  it("the pack's national table carries CMS global days for its procedures", () => {
    const t = starterFees().medicareTable!;
    expect(t.get('29881')?.globalDays).toBe('090');
    expect(t.get('17000')?.globalDays).toBe('010');
    expect(t.get('20610')?.globalDays).toBe('000');
    expect(t.get('17003')?.globalDays).toBe('ZZZ');
    expect(t.get('99213')?.globalDays).toBe('XXX');
  });

  it('the fee table schema takes globalDays as optional and rejects other values with the path', () => {
    const json = shippedFile('scenarios/starter/fees/medicare-national-2025.json') as {
      entries: Record<string, unknown>[];
    };
    delete json.entries[0]!.globalDays;
    expect(parseFeeTable(json, 'f.json').ok).toBe(true);
    json.entries[1]!.globalDays = '90';
    const r = parseFeeTable(json, 'f.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/^entries\[1\]\.globalDays: must be an MPFS/);
  });

  it('claimlab check applies the rules (global days from the MPFS bundle when built, else the pack table)', async () => {
    const out: string[] = [];
    const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => '' };
    const input = {
      claimId: 'G1',
      payerId: 'medicare',
      patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos: '22' },
      serviceDate: '2026-03-02',
      submissionDate: '2026-03-02',
      diagnoses: ['M17.11'],
      lines: [
        { code: '99213', modifiers: ['25'], units: 1, dxPointers: [1], charge: '120.00' },
        { code: '29881', modifiers: ['RT'], units: 1, dxPointers: [1], charge: '900.00' },
      ],
    };
    const io2 = { ...io, readStdin: async () => JSON.stringify(input) };
    expect(await check(['-'], io2)).toBe(0);
    const res = JSON.parse(out[0]!) as { findings: { id: string; line: number }[] };
    expect(res.findings.filter((f) => f.id === 'modifier.invalid')).toEqual([
      expect.objectContaining({ id: 'modifier.invalid', line: 1 }),
    ]);
  });
});
