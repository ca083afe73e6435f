/**
 * Pack format v2: schema, migrations, `pack validate` on the deliberately broken fixtures (one
 * defect each), on every shipped pack, the generated JSON Schema, and `pack diff`.
 * See: scenarios/README.md (the authoring guide), issue 12.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { packContext, validatePath } from '../../src/cli/commands/pack';
import { diffPacks, refMatches } from '../../src/scenarios/diff';
import { assemblePack } from '../../src/scenarios/format/assemble';
import { PACK_SCHEMA_FILE, packJsonSchema } from '../../src/scenarios/format/json-schema';
import {
  MIGRATIONS,
  declaredVersion,
  fiscalYearOf,
  migrate1to2,
  migrateToCurrent,
} from '../../src/scenarios/format/migrate';
import {
  SCHEMA_VERSION,
  caseSchema,
  packV2Schema,
  questionSchema,
} from '../../src/scenarios/format/v2';
import {
  lineCharge,
  type PackCheckContext,
  type PackReport,
} from '../../src/scenarios/validate-pack';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return { io, out, err };
}

const FIX = 'test/fixtures/packs';
let ctx: Omit<PackCheckContext, 'dependencies'>;
beforeAll(async () => {
  ctx = await packContext(fakeIo().io);
});
const validate = (p: string): PackReport => validatePath(p, ctx);
const paths = (r: PackReport) => r.problems.map((p) => p.path);

describe('schema v2', () => {
  it('the example pack (folder form, every part) validates clean, answer keys included', () => {
    const r = validate(`${FIX}/v2-example`);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.migratedFrom).toBe(2);
    expect(r.pack!.cases.map((c) => c.id)).toEqual(['dm2-htn-established', 'ak-gold-plan']);
    expect(r.pack!.questionBanks[0]!.questions.map((q) => q.kind)).toEqual([
      'single-choice',
      'multiple-choice',
      'code-entry',
      'sequencing',
      'true-false',
      'claim-outcome',
    ]);
  });

  it('unknown keys are errors at their path (strict objects)', () => {
    const c = JSON.parse(readFileSync(`${FIX}/v2-example/cases/ak-gold-plan.json`, 'utf8'));
    c.answer.lines[0].modifers = ['25'];
    const r = caseSchema.safeParse(c);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      path: ['answer', 'lines', 0],
    });
  });

  it('questions are a discriminated union on kind: an unknown kind is reported on kind', () => {
    const r = questionSchema.safeParse({ kind: 'essay', id: 'q1' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('kind');
  });

  it('a pack with no parts is a schema error naming each missing manifest field', () => {
    const r = packV2Schema.safeParse({ schemaVersion: 2 });
    expect(r.success).toBe(false);
    const p = r.error!.issues.map((i) => i.path.join('.'));
    for (const f of ['id', 'version', 'effectiveFrom', 'codeSets', 'authors', 'licence'])
      expect(p).toContain(f);
  });
});

describe('migrations', () => {
  it('are numbered from 1 up to the current schema version, one per step', () => {
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(
      Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
  });

  it('format 1 → 2: the starter copy validates clean through the migration', () => {
    const r = validate(`${FIX}/format1`);
    expect(r.problems).toEqual([]);
    expect(r.migratedFrom).toBe(1);
    const c = r.pack!.cases[0]!;
    expect(c.patient.kind).toBe('fixed');
    expect(c.encounter.payerId).toBe('medicare');
    // v1's "partial" credit is half the item's points in v2.
    expect(c.answer.diagnoses[0]!.alternatives[0]).toMatchObject({ code: 'E11.9', credit: 0.5 });
    expect(c.answer.expected).toEqual({ status: 'paid', findings: [], adjustments: [] });
    expect(c.references.some((x) => x.includes('Guidelines I.C.4.a'))).toBe(true);
    expect(r.pack!.effectiveFrom).toBe('2026-03-02');
    expect(r.pack!.codeSets.icd10cm).toBe('FY2026');
  });

  it('format 1 → 2 keeps unknown keys so a misspelt key in an old pack is reported (v1 dropped it)', () => {
    const r = validate(`${FIX}/format1-misspelt`);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({
      path: `${FIX}/format1-misspelt/cases/ak-htn-commercial.json: cases[1].answer.lines[0]`,
      message: 'Unrecognized key: "modifers"',
    });
  });

  it('migrate1to2 is pure and carries values it does not understand', () => {
    const v1 = { format: 1, id: 'x', version: '1.0.0', cases: [42, { id: 'c' }], payers: 'nope' };
    const before = JSON.stringify(v1);
    const v2 = migrate1to2(v1) as Record<string, unknown>;
    expect(JSON.stringify(v1)).toBe(before);
    expect(v2.schemaVersion).toBe(2);
    expect((v2.cases as unknown[])[0]).toBe(42);
    expect(v2.payers).toBe('nope');
    expect(migrate1to2('junk')).toBe('junk');
  });

  it('a v2 pack passes through unchanged; a missing or future version is reported', () => {
    const v2 = { schemaVersion: 2, id: 'x' };
    expect(migrateToCurrent(v2)).toEqual({ value: v2, from: 2 });
    expect(migrateToCurrent({ id: 'x' }).error).toMatch(/schemaVersion/);
    expect(migrateToCurrent({ schemaVersion: 9 }).error).toMatch(/newer/);
    expect(declaredVersion({ format: 1 })).toBe(1);
  });

  it('fiscal years start on 1 October (ICD-10-CM FY2026 = 2025-10-01 … 2026-09-30)', () => {
    expect(fiscalYearOf('2025-09-30')).toBe('FY2025');
    expect(fiscalYearOf('2025-10-01')).toBe('FY2026');
  });
});

describe('the claim an answer key makes', () => {
  // The charge master prices one unit; a line's charge (1500 item 24F) is the line total.
  // See: NUCC 1500 instructions, item 24F.
  it('charges a line its unit price times its units', () => {
    expect(lineCharge({ '17003': '28.00' }, '17003', 2)).toBe('56.00');
    expect(lineCharge({ '11103': '90.00' }, '11103', 7)).toBe('630.00');
    expect(lineCharge({ j3301: '1.15' }, 'J3301', 3)).toBe(undefined);
    expect(lineCharge({ J3301: '1.15' }, 'j3301', 3)).toBe('3.45');
    expect(lineCharge({}, 'toString', 1)).toBe(undefined);
  });
});

describe('pack validate on the deliberately broken fixtures', () => {
  const B = `${FIX}/v2-broken`;
  // One defect per fixture; each must be reported at this path (file: path).
  const cases: [string, string, RegExp][] = [
    ['unknown-key', 'cases[1].answer.lines[0]', /Unrecognized key: "modifers"/],
    [
      'invalid-icd',
      'cases[0].answer.diagnoses[0].code',
      /E11\.99 is not an ICD-10-CM code on 2026-03-02/,
    ],
    ['invalid-cpt', 'cases[0].answer.lines[0].code', /99999 is not a CPT\/HCPCS code/],
    ['invalid-modifier', 'cases[1].answer.lines[0].modifiers[0]', /modifier ZZ is not valid/],
    ['bad-npi', 'cases[0].encounter.provider.npi', /check digit/],
    ['birth-after-service', 'cases[0].patient.birthDate', /not before the date of service/],
    ['duplicate-case-id', 'cases[1].id', /duplicate id dm2-htn-established/],
    [
      'pointer-out-of-range',
      'cases[0].answer.lines[1].dxPointers[1]',
      /points to diagnosis 9 but the answer has 4/,
    ],
    ['unknown-payer', 'cases[0].encounter.payerId', /no payer acme-health/],
    ['unknown-plan', 'cases[1].encounter.planId', /no plan ppo-platinum/],
    ['plan-unknown-payer', 'plans[0].payerId', /no payer acme-health/],
    ['not-scrub-clean', 'cases[1].answer.expected.findings', /does not scrub clean: auth\.missing/],
    [
      'adjudication-mismatch',
      'cases[0].answer.expected.status',
      /adjudicates the answer key as paid, not denied/,
    ],
    ['code-not-valid-on-date', 'questionBanks[0].questions[2].answers[0]', /2023-03-01/],
    ['answer-not-a-choice', 'questionBanks[0].questions[0].answer', /z is not one of the choices/],
    ['wrong-types', 'cases[0].answer.lines[0].units', /expected number/],
    ['missing-part-file', 'cases[0]', /cases\/nowhere\.json not found/],
    ['missing-parts', 'licence', /expected string/],
    ['newer-schema', 'schemaVersion', /newer than this ClaimLab reads/],
    ['changelog-ahead', 'changelog[0].version', /newer than the pack version/],
    ['fee-table-invalid', 'fees[0].name', /expected string/],
    ['dependency-version', 'dependencies[0].version', /needs starter 9\.9\.9/],
    [
      'remittance-not-reproduced',
      'cases[1].afterRemittance.remittance.adjustments[0]',
      /no CO-16 on line 2/,
    ],
    ['template-bad-fact', 'templates[0].answer.diagnoses[0]', /no codable diagnosis/],
    // The remittance a case starts from (DOMAIN.md §5-§8): amounts, codes, balance, the key.
    [
      'remittance-amount-wrong',
      'cases[1].afterRemittance.remittance.adjustments[0].amount',
      /the payer adjusts 110\.00 as CO-197 on line 2, not 95\.00/,
    ],
    [
      'remittance-rarc-unknown',
      'cases[1].afterRemittance.remittance.adjustments[0].rarc[0]',
      /RARC N999 is not in ClaimLab's code list/,
    ],
    [
      'remittance-over-charge',
      'cases[1].afterRemittance.remittance.adjustments',
      /line 2 is adjusted 250\.00, more than its charge 110\.00/,
    ],
    [
      'remittance-bills-patient-for-co',
      'cases[1].afterRemittance.key.actions',
      /bill-patient with no PR adjustment/,
    ],
    [
      'remittance-bills-qmb-patient',
      'cases[1].afterRemittance.key.actions',
      /may not be billed to a QMB patient/,
    ],
    [
      'remittance-rejection-as-line-denial',
      'cases[1].afterRemittance.remittance.adjustments[0]',
      /a rejected claim was never adjudicated/,
    ],
    [
      // The payer rejects the header L57 (MA130 + M76), not for a procedure code (M51).
      'remittance-rejection-wrong-remark',
      'cases[1].afterRemittance.remittance.adjustments[0].rarc[1]',
      /the payer gives no remark M51 with CO-16 \(remarks MA130, M76\)/,
    ],
    [
      // Sent more than a year after the service: the payer's receipt date is the submission
      // date, so the filing limit denies every line (CO-29) before authorization is looked at.
      'remittance-filed-late',
      'cases[1].afterRemittance.remittance.adjustments[0]',
      /no CO-197 on line 2 .*CO-29/,
    ],
    [
      // The patient's own plan (subscriber) pays before the plan covering them as a spouse:
      // the payer billed answers CO-22 for every line (NAIC COB model regulation).
      'remittance-other-payer-primary',
      'cases[1].afterRemittance.remittance.adjustments[0]',
      /no CO-197 on line 2 .*CO-22/,
    ],
    [
      // Medicare Part B takes no frequency-7 claims (Pub. 100-04 ch. 34 §10.3).
      'remittance-medicare-corrected-claim',
      'cases[0].afterRemittance.key.actions',
      /takes no replacement \(frequency 7\) claims/,
    ],
    [
      // The payer has an identical claim on record: OA-18 (Pub. 100-04 ch. 1 §120).
      'remittance-duplicate-of-earlier',
      'cases[1].afterRemittance.remittance.adjustments[0]',
      /no CO-197 on line 2 .*OA-18/,
    ],
    [
      // The secondary a bill-secondary key goes to needs a profile (a payer or a plan of that id).
      'remittance-secondary-unknown',
      'cases[1].afterRemittance.submitted.otherPayers[0].payerId',
      /bill-secondary: no payer profile or plan "summit-mutual"/,
    ],
    [
      'remittance-appeal-level-too-high',
      'cases[1].afterRemittance.key.appealLevel',
      /plan ppo-gold has 2 appeal levels on 2026-05-01, not 4/,
    ],
  ];

  it('every broken fixture has a row here', () => {
    expect(
      readdirSync(B)
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    ).toEqual(cases.map((c) => c[0]).sort());
  });

  it.each(cases)('%s: reported at %s', (name, path, message) => {
    const r = validate(`${B}/${name}.json`);
    expect(r.ok).toBe(false);
    const hit = r.problems.find((p) => p.path === `${B}/${name}.json: ${path}`);
    expect(hit, JSON.stringify(r.problems, null, 1)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('wrong-types reports every problem at once (the manifest and the case)', () => {
    const p = paths(validate(`${B}/wrong-types.json`));
    expect(p).toContain(`${B}/wrong-types.json: version`);
    expect(p).toContain(`${B}/wrong-types.json: cases[0].answer.lines[0].units`);
  });
});

describe('pack validate on every shipped pack', () => {
  const shipped = readdirSync('scenarios').filter((d) =>
    statSync(join('scenarios', d)).isDirectory(),
  );
  it('finds the shipped packs', () => expect(shipped).toContain('starter'));
  it.each(shipped)(
    'scenarios/%s validates clean (codes, NPI, answer keys through scrubber and payer)',
    (d) => {
      const r = validate(join('scenarios', d));
      expect(r.problems).toEqual([]);
      expect(r.ok).toBe(true);
    },
  );
});

describe('the CLI', () => {
  it('pack validate: exit 0 when clean, 1 with every problem as "file: path: message"', async () => {
    const ok = fakeIo();
    expect(await main(['pack', 'validate', `${FIX}/v2-example`], ok.io)).toBe(0);
    expect(ok.out).toEqual([]);
    expect(ok.err.at(-1)).toMatch(/valid; codes checked against/);
    const bad = fakeIo();
    expect(await main(['pack', 'validate', `${FIX}/v2-broken/bad-npi.json`], bad.io)).toBe(1);
    expect(bad.out[0]).toMatch(/bad-npi\.json: cases\[0\]\.encounter\.provider\.npi: /);
  });

  it('pack validate --json: one object with ok, the catalog used and the problems', async () => {
    const t = fakeIo();
    expect(await main(['pack', 'validate', `${FIX}/format1-misspelt`, '--json'], t.io)).toBe(1);
    const j = JSON.parse(t.out[0]!);
    expect(j).toMatchObject({ ok: false, migratedFrom: 1 });
    expect(typeof j.catalog).toBe('string');
    expect(j.problems[0].path).toMatch(/cases\[1\]\.answer\.lines\[0\]$/);
  });

  it('pack diff --json lists changes with their changelog entries; usage errors exit 2', async () => {
    const t = fakeIo();
    expect(
      await main(
        ['pack', 'diff', `${FIX}/v2-example-1.0.0.json`, `${FIX}/v2-example`, '--json'],
        t.io,
      ),
    ).toBe(0);
    const d = JSON.parse(t.out[0]!);
    expect(d.from).toEqual({ id: 'example-v2', version: '1.0.0' });
    expect(d.summary).toMatchObject({ added: 6, removed: 0, changed: 2, unexplained: 0 });
    expect(await main(['pack', 'diff', `${FIX}/v2-example`], fakeIo().io)).toBe(2);
    expect(await main(['pack', 'bogus'], fakeIo().io)).toBe(2);
  });
});

describe('unreadable packs', () => {
  it('a missing path, a folder without pack.json and a file that is not JSON: one problem each', () => {
    expect(validate('test/fixtures/packs/nowhere').problems).toEqual([
      { path: 'test/fixtures/packs/nowhere', message: 'no such file or folder' },
    ]);
    expect(validate(`${FIX}/v2-broken`).problems).toEqual([
      { path: `${FIX}/v2-broken/pack.json`, message: 'pack.json is missing' },
    ]);
    const notJson = validate('README.md').problems;
    expect(notJson).toHaveLength(1);
    expect(notJson[0]!.message).toMatch(/^not valid JSON/);
  });
});

describe('pack diff', () => {
  const load = (p: string) => validate(p).pack!;

  it('added, removed and changed items, each with the changelog entry naming it', () => {
    const d = diffPacks(load(`${FIX}/v2-example-1.0.0.json`), load(`${FIX}/v2-example`));
    const by = new Map(d.items.map((i) => [i.ref, i]));
    expect(by.get('case:ak-gold-plan')).toMatchObject({ kind: 'case', change: 'added' });
    expect(by.get('case:ak-gold-plan')!.explainedBy[0]!.reference).toBe(
      'Synthetic plan policy PA-2026-04',
    );
    expect(by.get('policy:ppo-gold/priorAuthorization')).toMatchObject({
      change: 'changed',
      fields: ['entries'],
    });
    expect(by.get('policy:ppo-gold/timelyFiling')!.explainedBy[0]!.what).toMatch(/365 to 180/);
    expect(by.get('rule:mue/17000')?.change).toBe('added');
    // A code no entry names is explained by the case that brings it in.
    expect(by.get('code:L57.0')!.explainedBy[0]!.what).toMatch(/CO-197/);
    expect(by.has('case:dm2-htn-established')).toBe(false);
  });

  it('reversed, the same items are removed', () => {
    const d = diffPacks(load(`${FIX}/v2-example`), load(`${FIX}/v2-example-1.0.0.json`));
    expect(d.items.find((i) => i.ref === 'case:ak-gold-plan')?.change).toBe('removed');
    expect(d.summary.added).toBe(0);
  });

  it('a pack diffed with itself has no items', () => {
    const p = load(`${FIX}/v2-example`);
    expect(diffPacks(p, p).items).toEqual([]);
  });

  it('changelog refs match exactly or as a prefix ending at /', () => {
    expect(refMatches('policy:ppo-gold', 'policy:ppo-gold/timelyFiling')).toBe(true);
    expect(refMatches('code:e11.a', 'code:E11.A')).toBe(true);
    expect(refMatches('case:a', 'case:ab')).toBe(false);
  });
});

describe('JSON Schema for editors', () => {
  it(`${PACK_SCHEMA_FILE} is up to date (regenerate: npm run -s pack-schema)`, () => {
    expect(readFileSync(PACK_SCHEMA_FILE, 'utf8')).toBe(packJsonSchema());
  });

  it('is strict: objects forbid unknown keys', () => {
    const s = JSON.parse(packJsonSchema());
    expect(s.additionalProperties).toBe(false);
  });
});

describe('assemble', () => {
  it('a folder part entry that is an array of items is spliced in, each item remembering its file', () => {
    const files = new Map<string, unknown>([
      ['pack.json', { schemaVersion: 2, rules: ['r.json'], cases: [{ id: 'inline' }] }],
      ['r.json', [{ a: 1 }, { b: 2 }]],
    ]);
    const a = assemblePack(files);
    expect((a.raw as { rules: unknown[] }).rules).toHaveLength(2);
    expect(a.sources.get('rules[1]')).toBe('r.json');
    expect(a.sources.has('cases[0]')).toBe(false);
  });
});

describe('legacy adapter (v2 → the shape the app reads today)', () => {
  it('format 1 → migration → v2 → legacy gives back exactly what the format-1 files say', async () => {
    const { loadPackDir } = await import('../../src/scenarios/load-node');
    const { caseSchema: caseV1 } = await import('../../src/scenarios/schema');
    const dir = `${FIX}/format1`;
    const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const manifest = json('pack.json') as { payers: string[]; cases: string[] };
    const v1 = loadPackDir(dir);
    expect(v1.errors).toEqual([]);
    expect(v1.pack).toEqual({
      id: 'starter',
      version: json('pack.json').version,
      title: json('pack.json').title,
      description: json('pack.json').description,
      // Format 1's own defaults (empty alternatives and modifiers, zero accumulators) applied.
      cases: manifest.cases.map((f) => caseV1.parse(json(f))),
      payers: manifest.payers.map((f) => ({ file: `${dir}/${f}`, data: json(f) })),
      fees: [],
      drugs: [],
    });
  });

  it('a format-1 folder keeps its fees/ and drugs/ tables (found by folder, as format 1 did)', async () => {
    const { readPack } = await import('../../src/scenarios/format/index');
    const files = new Map<string, unknown>();
    for (const f of ['pack.json', 'cases/dm2-htn-established.json', 'cases/ak-htn-commercial.json'])
      files.set(f, JSON.parse(readFileSync(join(`${FIX}/format1`, f), 'utf8')));
    const pack = files.get('pack.json') as { payers: string[] };
    for (const f of pack.payers)
      files.set(f, JSON.parse(readFileSync(join(`${FIX}/format1`, f), 'utf8')));
    const fee = JSON.parse(
      readFileSync('scenarios/starter/fees/medicare-national-2025.json', 'utf8'),
    );
    const asp = JSON.parse(readFileSync('scenarios/starter/drugs/asp-2025-q4.json', 'utf8'));
    files.set('fees/medicare-national-2025.json', fee);
    files.set('drugs/asp-2025-q4.json', asp);
    files.set('notes/other.json', { not: 'a part' });
    const r = readPack(files, 'p', { builtinPayers: new Map() });
    expect(r.problems).toEqual([]);
    expect(r.migratedFrom).toBe(1);
    expect(r.legacy!.fees).toEqual([{ file: 'p/fees/medicare-national-2025.json', data: fee }]);
    expect(r.legacy!.drugs).toEqual([{ file: 'p/drugs/asp-2025-q4.json', data: asp }]);
  });

  it('a broken drug table is reported at drugs[i] in its own file', async () => {
    const { readPack } = await import('../../src/scenarios/format/index');
    const r = readPack(
      new Map<string, unknown>([
        [
          'pack.json',
          {
            ...JSON.parse(readFileSync(`${FIX}/v2-example-1.0.0.json`, 'utf8')),
            drugs: ['drugs/q.json'],
          },
        ],
        ['drugs/q.json', { format: 'claimlab.asp', formatVersion: 1, quarter: 'Q5' }],
      ]),
      'p',
      { builtinPayers: new Map() },
    );
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.path.startsWith('p/drugs/q.json: drugs[0]'))).toBe(true);
  });
});

describe('readPack (the entry point for the one pack reader)', () => {
  const filesOf = (path: string) =>
    new Map([['pack.json', JSON.parse(readFileSync(path, 'utf8'))]]);

  it('structure only: no code look-ups or answer keys, but NPI, ids and references still checked', async () => {
    const { readPack } = await import('../../src/scenarios/format/index');
    const { starterPayers } = await import('../../src/services/shipped');
    const sctx = { builtinPayers: starterPayers() };
    const icd = readPack(filesOf(`${FIX}/v2-broken/invalid-icd.json`), 'x', sctx);
    expect(icd.problems).toEqual([]);
    expect(icd.catalog).toBe('not checked (structure only)');
    expect(icd.legacy?.cases[0]?.answer.diagnoses[0]?.code).toBe('E11.99');
    const npi = readPack(filesOf(`${FIX}/v2-broken/bad-npi.json`), 'x', sctx);
    expect(npi.problems.map((p) => p.path)).toEqual([
      'x/pack.json: cases[0].encounter.provider.npi',
    ]);
    expect(npi.legacy).toBeDefined();
  });

  it('full context: the same as pack validate, files named from the given folder', async () => {
    const { readPack } = await import('../../src/scenarios/format/index');
    const { starterPayers } = await import('../../src/services/shipped');
    const r = readPack(filesOf(`${FIX}/v2-broken/invalid-icd.json`), 'packs/p', {
      ...ctx,
      builtinPayers: starterPayers(),
    });
    expect(r.problems.map((p) => p.path)).toEqual([
      'packs/p/pack.json: cases[0].answer.diagnoses[0].code',
    ]);
  });
});
