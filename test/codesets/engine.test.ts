/**
 * The code-set worker's message handler (src/services/worker-engine.ts over src/codesets/engine.ts), called directly with a fake
 * fetch over the real built bundles in codesets/build/ (gunzip by DecompressionStream, as in the
 * browser). The official part skips with a message when the bundles are absent: get the files
 * listed in ../shared/reference/README.md and run `npm run -s claimlab -- codesets build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { splitIcdBundle } from '../../src/codesets/bundle';
import { shippedFile } from '../support/packs';
import { loadShippedPacks } from '../../src/scenarios/load-node';
import { describe, expect, it } from 'vitest';
import { createCodesetEngine, type EngineIo } from '../../src/services/worker-engine';
import type { EngineStatus, WorkerRequest } from '../../src/codesets/protocol';
import type { Claim } from '../../src/domain/claim/claim';
import type { SearchResult } from '../../src/domain/codes/search/types';
import type { Finding } from '../../src/domain/findings';
import { cents } from '../../src/domain/money';
import type { RemittanceJson } from '../../src/domain/payer/remittance/remittance';
import { notesReleaseFor } from '../support/notes-release';
import { basePatient, line, medicareClaim } from '../factories';

const BUILD = join(__dirname, '../../codesets/build');
const hasBundles =
  existsSync(join(BUILD, 'manifest.json')) && existsSync(join(BUILD, 'search-FY2026.bin.gz'));
if (!hasBundles)
  console.warn(
    '[codesets engine] codesets/build has no official bundles: official engine tests skipped. Get the files listed in ../shared/reference/README.md and run `npm run -s claimlab -- codesets build`.',
  );

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Serves codesets/build as the Vite plugin does (files.json lists it); counts fetches. */
function diskIo(dir: string | null) {
  const fetched: string[] = [];
  const io: EngineIo = {
    async fetchFile(name) {
      fetched.push(name);
      if (!dir || !existsSync(dir)) return null;
      if (name === 'files.json')
        return new TextEncoder().encode(
          JSON.stringify(readdirSync(dir).filter((f) => /\.(gz|json)$/.test(f))),
        );
      const p = join(dir, name);
      return existsSync(p) ? new Uint8Array(readFileSync(p)) : null;
    },
    gunzip,
  };
  return { io, fetched };
}

/** The same files served as the app's build serves them: each ICD-10-CM bundle also in halves. */
function halvesIo(dir: string) {
  const disk = diskIo(dir);
  const halves = new Map<string, Uint8Array>();
  for (const f of readdirSync(dir)) {
    const m = /^(icd10cm-[\w-]+)\.txt\.gz$/.exec(f);
    const sp = m && splitIcdBundle(gunzipSync(readFileSync(join(dir, f))).toString('utf8'));
    if (!m || !sp) continue;
    halves.set(`${m[1]}.head.txt.gz`, new Uint8Array(gzipSync(sp.head)));
    halves.set(`${m[1]}.tail.txt.gz`, new Uint8Array(gzipSync(sp.tail)));
  }
  const io: EngineIo = {
    ...disk.io,
    async fetchFile(name) {
      if (name === 'files.json') {
        const list = JSON.parse(new TextDecoder().decode((await disk.io.fetchFile(name))!));
        return new TextEncoder().encode(JSON.stringify([...list, ...halves.keys()]));
      }
      const h = halves.get(name);
      if (h) disk.fetched.push(name);
      return h ?? disk.io.fetchFile(name);
    },
  };
  return { io, fetched: disk.fetched };
}

const claim = (over: Partial<Claim> = {}): Claim =>
  medicareClaim({
    claimId: 'ENG-1',
    patient: { ...basePatient(), birthDate: '1958-04-12' },
    submissionDate: '2026-03-05',
    diagnoses: ['E11.65'],
    lines: [line('99213', '150.00')],
    ...over,
  });

// The packs the worker fetches from /packs/ in the browser.
const shipped = { packs: () => loadShippedPacks().packs };

// Handler answers are `unknown` (they cross postMessage); the tests name what they expect.
const ask = async <T>(e: ReturnType<typeof createCodesetEngine>, req: WorkerRequest) =>
  (await e.handle(req)) as T;

describe.skipIf(!hasBundles)('code-set engine on the official bundles', () => {
  const { io, fetched } = diskIo(BUILD);
  const engine = createCodesetEngine(io, shipped);

  it('probing reads only the manifests, then loading names FY2026, HCPCS and MPFS', async () => {
    const probe = await ask<EngineStatus>(engine, { type: 'engine.status', date: '2026-03-02' });
    expect(probe.mode).toBe('official');
    expect(fetched.every((f) => f === 'manifest.json' || f === 'files.json')).toBe(true);
    const s = await ask<EngineStatus>(engine, {
      type: 'engine.status',
      date: '2026-03-02',
      load: true,
    });
    expect(s.line).toContain('ICD-10-CM FY2026 (official, 98,186 codes)');
    expect(s.line).toMatch(/HCPCS \d{4}/);
    expect(s.line).toContain('MPFS 2025');
    expect(s.release).toBe('FY2026');
    expect(fetched).toContain('icd10cm-fy2026.txt.gz');
    expect(fetched).toContain('search-FY2026.bin.gz');
    // Other years are never fetched for a 2026 date.
    expect(fetched).not.toContain('icd10cm-fy2017.txt.gz');
    console.log(`[codesets engine] load timings (ms): ${JSON.stringify(s.timings)}`);
    expect(s.timings['search FY2026']).toBeTypeOf('number');
  });

  it('searches the official FY2026 set with the prebuilt index', async () => {
    const r = await ask<SearchResult>(engine, {
      type: 'encoder',
      date: '2026-03-02',
      call: { op: 'search', query: 'dm2 hyperglycemia', opts: { limit: 5 } },
    });
    expect(r.hits.slice(0, 3).map((h) => h.display)).toContain('E11.65');
    const d = await ask<string>(engine, {
      type: 'encoder',
      date: '2026-03-02',
      call: { op: 'describe' },
    });
    expect(d).toMatch(/FY2026 \(official, 98186 codes\)/);
  });

  it('looks up a 7th-character code and browses the Alphabetic Index', async () => {
    const detail = await ask<{ seventh?: unknown; title: string } | null>(engine, {
      type: 'encoder',
      date: '2026-03-02',
      call: { op: 'lookup', code: 'W21.89XA' },
    });
    expect(detail?.title).toMatch(/struck by other sports equipment/i);
    expect(
      await ask<boolean>(engine, { type: 'encoder', date: '2026-03-02', call: { op: 'hasIndex' } }),
    ).toBe(true);
    const mains = await ask<{ title: string }[]>(engine, {
      type: 'encoder',
      date: '2026-03-02',
      call: { op: 'browse', path: [], filter: 'Diabet', limit: 5 },
    });
    expect(mains.map((m) => m.title)).toContain('Diabetes, diabetic');
  });

  it('scrubs with official-only findings: 7th character with X, Excludes1', async () => {
    const f = await ask<Finding[]>(engine, {
      type: 'scrub',
      claim: claim({
        diagnoses: ['W21.89A', 'E11.9', 'R73.9'],
        lines: [
          { code: '99213', modifiers: [], units: 1, dxPointers: [1, 2, 3], charge: cents(15000) },
        ],
      }),
      history: [],
    });
    const seventh = f.find((x) => x.id === 'code.seventh-character');
    expect(seventh?.codes).toContain('W21.89A');
    expect(seventh?.suggestion).toContain('W21.89XA');
    const ex1 = f.find((x) => x.id === 'icd10cm.excludes1');
    expect(ex1?.codes).toEqual(expect.arrayContaining(['E11.9', 'R73.9']));
    // the tabular year the note came from
    expect(ex1?.message).toContain(notesReleaseFor('FY2026'));
  });

  it.skipIf(!existsSync(join(BUILD, 'ncci-2026-derived.json.gz')))(
    'scrubs with the served CMS NCCI bundle: the April 2026 MUE, as claimlab check does',
    async () => {
      // Issue 10: the 2026 MUEs and add-on code edits apply by default in the app as in the CLI.
      const f = await ask<Finding[]>(engine, {
        type: 'scrub',
        claim: claim({
          serviceDate: '2026-04-02',
          submissionDate: '2026-04-03',
          lines: [
            { code: '99213', modifiers: [], units: 1, dxPointers: [1], charge: cents(15000) },
            { code: '36415', modifiers: [], units: 3, dxPointers: [1], charge: cents(3000) },
          ],
        }),
        history: [],
      });
      const mue = f.filter((x) => x.id.startsWith('ncci.mue'));
      expect(mue).toHaveLength(1);
      expect(`${mue[0]!.message} ${mue[0]!.reference}`).toMatch(/Eff_04-01-2026/);
    },
  );

  it('names an invalid diagnosis code without loading (or needing) the other releases', async () => {
    // Issue 10 "In the app": the worker loads only the date's release; the scrub used to ask
    // every release whether it knew the code and failed with "FY2017 is not loaded yet".
    const fresh = createCodesetEngine(diskIo(BUILD).io, shipped);
    const f = await ask<Finding[]>(fresh, {
      type: 'scrub',
      claim: claim({ diagnoses: ['E11.99', 'E11.65'] }),
      history: [],
    });
    expect(f.map((x) => x.message).join('\n')).not.toMatch(/could not run|not loaded/);
    const bad = f.find((x) => x.id === 'code.invalid' && x.codes.includes('E11.99'));
    expect(bad?.message).toMatch(/E11\.99 is not a valid ICD-10-CM code in FY2026/);
  });

  it('scrubs a FY2024 claim (no release on hand) as claimlab check does: the neighbours load', async () => {
    // Issue 10: a year with no release is bridged by validity and the other diagnosis rules
    // stand on the release before it; the worker loads both neighbours before the scrub.
    const fresh = createCodesetEngine(diskIo(BUILD).io, shipped);
    const f = await ask<Finding[]>(fresh, {
      type: 'scrub',
      claim: claim({
        serviceDate: '2024-03-01',
        submissionDate: '2024-03-04',
        diagnoses: ['E10.9', 'E11.9'],
      }),
      history: [],
    });
    expect(f.map((x) => x.message).join('\n')).not.toMatch(/could not|not loaded/);
    expect(f.filter((x) => x.id === 'code.list-gap' && x.field === 'serviceDate')).toHaveLength(1);
    expect(f.find((x) => x.id === 'icd10cm.excludes1')?.message).toMatch(
      /FY\d{4} tabular, applied to FY2024/,
    );
  });

  it('adjudicates with the starter pack profile and MPFS 2025 pricing; every line balances', async () => {
    const payer = {
      file: 'scenarios/starter/payers/medicare.json',
      data: shippedFile('scenarios/starter/payers/medicare.json'),
    };
    const fees = ['medicare-national-2025.json'].map((f) => ({
      file: `scenarios/starter/fees/${f}`,
      data: shippedFile(`scenarios/starter/fees/${f}`),
    }));
    const r = await ask<RemittanceJson>(engine, {
      type: 'adjudicate',
      claim: claim(),
      history: [],
      findings: [],
      payer,
      fees,
    });
    expect(r.status).not.toBe('rejected');
    expect(fetched).toContain('mpfs-2025.json.gz');
    const toCents = (m: string) => Math.round(Number(m) * 100);
    for (const l of r.lines) {
      expect(l.pricingSource).toMatch(/CMS PFS CY2025.*locality 10112-00, non-facility/);
      const adj = l.adjustments.reduce((a, x) => a + toCents(x.amount), 0);
      expect(toCents(l.paid) + adj).toBe(toCents(l.billed));
    }
    expect(r.lines[0]?.adjustments.map((a) => `${a.group}-${a.carc}`)).toContain('CO-45');
  });

  it('takes bundles a server already decompressed (Content-Encoding: gzip)', async () => {
    const disk = diskIo(BUILD).io;
    const e = createCodesetEngine({
      ...disk,
      fetchFile: async (name) => {
        const b = await disk.fetchFile(name);
        return b && name.endsWith('.gz') ? gunzipSync(b) : b;
      },
    });
    const r = await ask<SearchResult>(e, {
      type: 'encoder',
      date: '2026-03-02',
      call: { op: 'search', query: 'W21.89XA' },
    });
    expect(r.hits[0]?.display).toBe('W21.89XA');
  });

  it('a date no release covers is an error naming the date, not a guess', async () => {
    await expect(
      engine.handle({ type: 'encoder', date: '2012-05-01', call: { op: 'describe' } }),
    ).rejects.toMatchObject({ problems: [{ path: 'date' }] });
  });

  it('a malformed payer file comes back as problems naming the file', async () => {
    await expect(
      engine.handle({
        type: 'adjudicate',
        claim: claim(),
        history: [],
        findings: [],
        payer: { file: 'payers/broken.json', data: { id: 'medicare' } },
        fees: [],
      }),
    ).rejects.toMatchObject({ problems: expect.arrayContaining([expect.anything()]) });
  });
});

describe('code-set engine without official bundles', () => {
  it('answers from the starter set and says so', async () => {
    const engine = createCodesetEngine(diskIo(null).io, shipped);
    const s = await ask<EngineStatus>(engine, {
      type: 'engine.status',
      date: '2026-03-02',
      load: true,
    });
    expect(s.mode).toBe('starter');
    expect(s.line).toMatch(/^Starter set/);
    const r = await ask<SearchResult>(engine, {
      type: 'encoder',
      date: '2026-03-02',
      call: { op: 'search', query: 'I10' },
    });
    expect(r.hits[0]?.display).toBe('I10');
    const f = await ask<Finding[]>(engine, {
      type: 'scrub',
      claim: claim({ diagnoses: ['E11.6'] }),
      history: [],
    });
    expect(f.map((x) => x.id)).toContain('code.not-billable');
  });
});

describe.skipIf(!hasBundles)('the encoder before procedures', () => {
  // See: issue 9 "A lean first load" (the encoder is ready before the MPFS bundle is fetched)
  // and issue 10 (procedure validity reads the PFS code list).
  it('is ready without the MPFS bundle; procedures asked later still read the PFS code list', async () => {
    const date = '2026-03-02';
    const first = diskIo(BUILD);
    const encoderFirst = createCodesetEngine(first.io);
    await ask(encoderFirst, { type: 'engine.status', date, load: true });
    await ask(encoderFirst, {
      type: 'encoder',
      date,
      call: { op: 'search', query: 'dm2 hyperglycemia', opts: { limit: 1 } },
    });
    expect(first.fetched).toContain('search-FY2026.bin.gz');
    expect(first.fetched).not.toContain('mpfs-2025.json.gz');
    const fresh = createCodesetEngine(diskIo(BUILD).io, shipped);
    for (const code of ['99213', 'G0438', '0001U']) {
      const later = await ask<unknown>(encoderFirst, { type: 'procedure', code, date });
      expect(later).toEqual(await ask<unknown>(fresh, { type: 'procedure', code, date }));
    }
    expect(first.fetched).toContain('mpfs-2025.json.gz');
    expect(
      JSON.stringify(await ask(encoderFirst, { type: 'procedure', code: '99213', date })),
    ).toMatch(/PFS CY2025/);
    const st = await ask<{ describe: string }>(encoderFirst, { type: 'status' });
    expect(st.describe).toMatch(/PFS code list CY2025/);
  });

  it('builds the index from the head of a release served in halves; a lookup reads the tail', async () => {
    // See: issue 9 "A lean first load" (0.30 of the 0.87 MB of FY2026 before the encoder is ready).
    const date = '2026-03-02';
    const split = halvesIo(BUILD);
    const halves = createCodesetEngine(split.io);
    const whole = createCodesetEngine(diskIo(BUILD).io);
    const st = await ask<EngineStatus>(halves, { type: 'engine.status', date, load: true });
    expect(st.line).toMatch(/^ICD-10-CM FY2026 \(official, [\d,]+ codes\)/);
    expect(split.fetched).toContain('icd10cm-fy2026.head.txt.gz');
    expect(split.fetched).not.toContain('icd10cm-fy2026.tail.txt.gz');
    expect(split.fetched).not.toContain('icd10cm-fy2026.txt.gz');
    expect(Object.keys(st.timings)).toContain('icd head FY2026');
    for (const query of ['dm2 hyperglycemia', 'fracture of left wrist', 'htn ckd stage 3']) {
      const call = { op: 'search' as const, query, opts: { limit: 10 } };
      expect(await ask(halves, { type: 'encoder', date, call })).toEqual(
        await ask(whole, { type: 'encoder', date, call }),
      );
    }
    expect(split.fetched).not.toContain('icd10cm-fy2026.tail.txt.gz');
    for (const code of ['E11.65', 'S52.502A']) {
      const call = { op: 'lookup' as const, code };
      expect(await ask(halves, { type: 'encoder', date, call })).toEqual(
        await ask(whole, { type: 'encoder', date, call }),
      );
    }
    expect(split.fetched).toContain('icd10cm-fy2026.tail.txt.gz');
    expect(split.fetched).not.toContain('icd10cm-fy2026.txt.gz');
  });

  it('is ready without the POS and MCE bundles; a scrub reads them (MCE age edit)', async () => {
    // See: issue 9 "A lean first load" (only the release and its search bundle before ready);
    // CMS Definitions of Medicare Code Edits, age conflict (a newborn diagnosis at 67).
    const date = '2026-03-02';
    const first = diskIo(BUILD);
    const engine = createCodesetEngine(first.io, shipped);
    await ask(engine, { type: 'engine.status', date, load: true });
    await ask(engine, { type: 'encoder', date, call: { op: 'lookup', code: 'Z38.00' } });
    expect(first.fetched).toContain('icd10cm-fy2026.txt.gz');
    expect(first.fetched).not.toContain('mce.json.gz');
    expect(first.fetched).not.toContain('pos.json.gz');
    const f = await ask<Finding[]>(engine, {
      type: 'scrub',
      claim: claim({ serviceDate: date, submissionDate: date, diagnoses: ['Z38.00'] }),
      history: [],
    });
    expect(first.fetched).toContain('mce.json.gz');
    expect(f.find((x) => x.id === 'mce.age')?.codes).toEqual(['Z38.00']);
    const st = await ask<{ describe: string }>(engine, { type: 'status' });
    expect(st.describe).toMatch(/place of service .*; MCE /);
  });
});
