/**
 * "Accepted ⇒ balanced and complete" (issue 11): valid 835s and 837Ps from our writers, mutated
 * the way files break in transit or by hand (segments deleted, duplicated, swapped or moved;
 * amounts, counts and control numbers changed; cut at a random byte; garbage appended; a BOM,
 * NBSP or space injected; element separators changed; digits flipped), are read. A mutation that
 * keeps the file valid (a name changed) may be accepted; whatever is accepted must balance by
 * an independent reading of its segments, and the remittances or claims read must carry the
 * same money as those segments say. Bounded: a pool of valid files built once, ≥ 2,000 mutated
 * files per reader. See: X12 005010X221A1 §1.10.2.1 (balancing), 005010X222A1 2300 CLM02.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim/claim';
import { cents } from '../../src/domain/money';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import {
  netPaid,
  remittanceJson,
  type Remittance,
} from '../../src/domain/payer/remittance/remittance';
import { read835, write835, write835Batch } from '../../src/interop/x12/835';
import { parse837p, write837p } from '../../src/interop/x12/837p';
import { $, claim, fees, finding, line, payer } from '../payer/helpers';

// ---------------------------------------------------------------- mutations

const KINDS = [
  'delete',
  'duplicate',
  'swap',
  'move',
  'amount',
  'count',
  'truncate',
  'garbage',
  'inject',
  'separator',
  'digit',
  'empty',
  'name',
  'foreign',
  'recount',
  'rebalance',
] as const;
type Mutation = { kind: (typeof KINDS)[number]; a: number; b: number; c: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
});

const GARBAGE = [
  'garbage',
  'XYZ*1~',
  'IEA*1*000000001~',
  '\u0000',
  'SE*3*0001~',
  '~',
  '\n\n ',
  '*',
];
const INJECT = ['\uFEFF', '\u00A0', ' ', '\t', '\u2009'];
const SEPARATORS = ['|', ':', '^', '~', '**', ''];
const DELTAS = [1, -1, 100, -100, 500_000, -999, 99_999_999];
const NUMERIC = /^-?\d+(\.\d+)?$/;

function mutate(x: string, m: Mutation, foreign: string): string {
  if (x.length === 0) return m.kind === 'garbage' ? GARBAGE[m.a % GARBAGE.length]! : x;
  const segs = x.trimEnd().split('\n');
  const n = segs.length;
  const at = (k: number) => k % n;
  const els = (k: number) => segs[at(k)]!.replace(/~$/, '').split('*');
  const put = (k: number, e: string[]) => {
    segs[at(k)] = e.join('*') + '~';
  };
  const text = () => segs.join('\n') + '\n';
  switch (m.kind) {
    case 'delete':
      segs.splice(at(m.a), 1);
      return text();
    case 'duplicate':
      segs.splice(at(m.a), 0, segs[at(m.a)]!);
      return text();
    case 'swap': {
      const i = at(m.a);
      const j = m.c % 2 ? at(m.a + 1) : at(m.b);
      [segs[i], segs[j]] = [segs[j]!, segs[i]!];
      return text();
    }
    case 'move': {
      const [s] = segs.splice(at(m.a), 1);
      segs.splice(m.b % n, 0, s!);
      return text();
    }
    case 'amount': {
      // The m.b-th numeric element of the file (amounts, counts, quantities).
      const all = segs.flatMap((s, i) =>
        s
          .replace(/~$/, '')
          .split('*')
          .map((v, k) => [i, k, v] as const)
          .filter(([, k, v]) => k > 0 && NUMERIC.test(v) && !segs[i]!.startsWith('ISA')),
      );
      if (!all.length) return x;
      const [i, k, v] = all[m.b % all.length]!;
      const e = els(i);
      const d = DELTAS[m.c % DELTAS.length]!;
      e[k] = m.a % 5 === 0 ? '0' : String(Math.round(Number(v) * 100 + d) / 100);
      put(i, e);
      return text();
    }
    case 'count': {
      const envelopes = segs
        .map((s, i) => [i, s] as const)
        .filter(([, s]) => /^(SE|GE|IEA|ST|GS|ISA)\*/.test(s));
      if (!envelopes.length) return x;
      const [i] = envelopes[m.a % envelopes.length]!;
      const e = els(i);
      const tag = e[0]!;
      const k = tag === 'ISA' ? 13 : tag === 'GS' ? 6 : tag === 'ST' ? 2 : 1 + (m.b % 2);
      const v = e[k] ?? '';
      const next = String((Number(v) || 0) + 1 + (m.c % 3));
      e[k] = tag === 'ISA' || (tag === 'IEA' && k === 2) ? next.padStart(9, '0') : next;
      put(i, e);
      return text();
    }
    case 'truncate':
      return x.slice(0, m.a % x.length);
    case 'garbage':
      return x + GARBAGE[m.a % GARBAGE.length]!;
    case 'inject': {
      const ch = INJECT[m.b % INJECT.length]!;
      // Half the time inside an amount, else anywhere.
      const amounts = [...x.matchAll(/\*-?\d+\.\d+/g)];
      const pos =
        m.c % 2 && amounts.length
          ? amounts[m.a % amounts.length]!.index! + 1 + (m.c % 3)
          : m.a % x.length;
      return x.slice(0, pos) + ch + x.slice(pos);
    }
    case 'separator': {
      const stars = [...x.matchAll(/\*/g)];
      if (!stars.length) return x;
      const p = stars[m.a % stars.length]!.index!;
      return x.slice(0, p) + SEPARATORS[m.b % SEPARATORS.length]! + x.slice(p + 1);
    }
    case 'digit': {
      const digits = [...x.matchAll(/\d/g)];
      if (!digits.length) return x;
      const p = digits[m.a % digits.length]!.index!;
      return x.slice(0, p) + String((Number(x[p]) + 1 + (m.b % 9)) % 10) + x.slice(p + 1);
    }
    case 'empty': {
      const i = at(m.a);
      const e = els(i);
      if (e.length > 1) e[1 + (m.b % (e.length - 1))] = '';
      put(i, e);
      return text();
    }
    case 'name': {
      // Valid: a person's name changes (NM1*QC / NM1*IL last name).
      const i = segs.findIndex((s) => /^NM1\*(QC|IL)\*/.test(s));
      if (i < 0) return x;
      const e = els(i);
      e[3] = ['SMITH', 'OKAFOR', 'NGUYEN', 'GARCIA'][m.b % 4]!;
      put(i, e);
      return text();
    }
    case 'recount':
      return recount(segs);
    case 'rebalance':
      return rebalance(segs, m.a % 2 === 0);
    case 'foreign': {
      const other = foreign.trimEnd().split('\n');
      segs.splice(m.b % n, 0, other[m.a % other.length]!);
      return text();
    }
  }
}

/** Amount text as the writers print it. */
const amountText = (cents: number) => String(cents / 100);
/** Plain cents of an amount that may not be one (then 0). */
const centsOr0 = (v: string | undefined) => Math.round(Number(v) * 100) || 0;

/** Repairs SE01 after segments were added or removed, so the structure checks are what bites. */
function recount(segs: string[]): string {
  let st = -1;
  const out = segs.map((seg, i) => {
    if (seg.startsWith('ST*')) st = i;
    if (!seg.startsWith('SE*') || st < 0) return seg;
    const e = seg.replace(/~$/, '').split('*');
    e[1] = String(i - st + 1);
    return e.join('*') + '~';
  });
  return out.join('\n') + '\n';
}

/**
 * Repairs the totals above a change, so that only the deeper imbalance is left: BPR02 from
 * ΣCLP04 − ΣPLB (835) or CLM02 from ΣSV102 (837); with `deep`, CLP03/CLP04 from their SVCs too.
 */
function rebalance(segs: string[], deep: boolean): string {
  const els = segs.map((seg) => seg.replace(/~$/, '').split('*'));
  let clp: string[] | null = null;
  let clm: string[] | null = null;
  for (const e of els) {
    if (e[0] === 'CLP') {
      clp = e;
      if (deep) [e[3], e[4]] = ['0', '0'];
    }
    if (e[0] === 'SVC' && clp && deep) {
      clp[3] = amountText(centsOr0(clp[3]) + centsOr0(e[2]));
      clp[4] = amountText(centsOr0(clp[4]) + centsOr0(e[3]));
    }
    if (e[0] === 'CLM') {
      clm = e;
      e[2] = '0';
    }
    if (e[0] === 'SV1' && clm) clm[2] = amountText(centsOr0(clm[2]) + centsOr0(e[2]));
  }
  const bpr = els.find((e) => e[0] === 'BPR');
  if (bpr) {
    const clp04 = els.filter((e) => e[0] === 'CLP').reduce((a, e) => a + centsOr0(e[4]), 0);
    const plb = els
      .filter((e) => e[0] === 'PLB')
      .reduce(
        (a, e) =>
          a +
          e
            .slice(4)
            .filter((_, k) => k % 2 === 0)
            .reduce((b, v) => b + centsOr0(v), 0),
        0,
      );
    bpr[2] = amountText(clp04 - plb);
  }
  return els.map((e) => e.join('*') + '~').join('\n') + '\n';
}

// ---------------------------------------------------------------- an independent reading

/** Splits X12 text with delimiters from the ISA, as any translator would. */
function segmentsOf(x: string): string[][] {
  const s = x.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  const el = s[3]!;
  return s
    .split(s[105]!)
    .map((q) => q.replace(/^[\r\n]+|[\r\n]+$/g, ''))
    .filter((q) => q.trim() !== '')
    .map((q) => q.split(el));
}

/** An amount in cents; asserts it is plain X12 R money. */
function c(v: string | undefined): number {
  expect(v ?? '').toMatch(/^-?(\d+(\.\d{1,2})?|\.\d{1,2})$/);
  const neg = v!.startsWith('-');
  const [w = '', f = ''] = (neg ? v!.slice(1) : v!).split('.');
  const n = Number(w || '0') * 100 + Number(f.padEnd(2, '0'));
  return neg ? -n : n;
}

/** Every envelope count and control number holds (SE01/SE02, GE01/GE02, IEA01/IEA02). */
function expectEnvelope(segs: string[][]): void {
  let isa = -1;
  let gs = -1;
  let st = -1;
  let groups = 0;
  let sets = 0;
  segs.forEach((s, i) => {
    if (s[0] === 'ISA') [isa, groups] = [i, 0];
    if (s[0] === 'GS') [gs, sets, groups] = [i, 0, groups + 1];
    if (s[0] === 'ST') [st, sets] = [i, sets + 1];
    if (s[0] === 'SE') {
      expect(Number(s[1])).toBe(i - st + 1);
      expect(s[2]).toBe(segs[st]![2]);
    }
    if (s[0] === 'GE') expect([Number(s[1]), s[2]]).toEqual([sets, segs[gs]![6]]);
    if (s[0] === 'IEA') expect([Number(s[1]), s[2]]).toEqual([groups, segs[isa]![13]]);
  });
  expect(segs[0]![0]).toBe('ISA');
  expect(segs.at(-1)![0]).toBe('IEA');
}

interface Money835 {
  clps: number;
  svcs: number;
  billed: number;
  paid: number;
  cas: number;
}

/** The 835's money as its segments say, asserting every balance on the way. */
function money835(x: string): Money835 {
  const segs = segmentsOf(x);
  expectEnvelope(segs);
  const out: Money835 = { clps: 0, svcs: 0, billed: 0, paid: 0, cas: 0 };
  let bpr: number | null = null;
  let bprs = 0;
  let clp04 = 0;
  let plb = 0;
  let claim: { billed: number; paid: number; svc: number; sum3: number; sum4: number } | null =
    null;
  let svc: { billed: number; paid: number; cas: number } | null = null;
  const endSvc = () => {
    if (svc) expect(svc.billed).toBe(svc.paid + svc.cas);
    svc = null;
  };
  const endClaim = () => {
    endSvc();
    if (claim) {
      expect(claim.svc).toBeGreaterThan(0);
      expect([claim.sum3, claim.sum4]).toEqual([claim.billed, claim.paid]);
    }
    claim = null;
  };
  for (const s of segs) {
    switch (s[0]) {
      case 'ST':
        [bpr, bprs, clp04, plb] = [null, 0, 0, 0];
        break;
      case 'BPR':
        bpr = c(s[2]);
        bprs++;
        break;
      case 'CLP':
        endClaim();
        claim = { billed: c(s[3]), paid: c(s[4]), svc: 0, sum3: 0, sum4: 0 };
        clp04 += claim.paid;
        out.clps++;
        out.billed += claim.billed;
        out.paid += claim.paid;
        break;
      case 'SVC':
        endSvc();
        expect(claim).not.toBeNull();
        svc = { billed: c(s[2]), paid: c(s[3]), cas: 0 };
        claim!.svc++;
        claim!.sum3 += svc.billed;
        claim!.sum4 += svc.paid;
        out.svcs++;
        break;
      case 'CAS':
        expect(svc).not.toBeNull();
        for (let k = 3; k < s.length; k += 3)
          if (s[k]) {
            svc!.cas += c(s[k]);
            out.cas += c(s[k]);
          }
        break;
      case 'LX':
      case 'PLB':
        endClaim();
        if (s[0] === 'PLB') for (let k = 4; k < s.length; k += 2) if (s[k]) plb += c(s[k]);
        break;
      case 'SE':
        endClaim();
        expect(bprs).toBe(1);
        expect(bpr).toBe(clp04 - plb);
        break;
    }
  }
  return out;
}

/** The same money in what the reader returned. */
function moneyRead(rs: readonly Remittance[]): Money835 {
  const out: Money835 = { clps: 0, svcs: 0, billed: 0, paid: 0, cas: 0 };
  for (const r of rs) {
    remittanceJson(r); // the JSON boundary never throws on what was accepted
    out.clps += r.reversal && r.status !== 'voided' ? 2 : 1;
    for (const l of [...r.lines, ...(r.reversal?.lines ?? [])]) {
      out.svcs++;
      out.billed += l.billed;
      out.paid += l.paid;
      out.cas += l.adjustments.reduce((a, x) => a + x.amount, 0);
    }
  }
  expect(rs.reduce((a, r) => a + netPaid(r), 0)).toBe(out.paid);
  return out;
}

// ---------------------------------------------------------------- valid files

/** Valid 835s of every shape the writer makes: paid, denied, secondary, replaced, voided, batches. */
function valid835s(): string[] {
  const ids = ['ncci.ptp', 'ncci.mue', 'coverage.medical-necessity', 'auth.missing'] as const;
  const arb = fc.record({
    lines: fc.array(
      fc.record({
        code: fc.constantFrom('99213', '20610', '11055', '36415', '99397'),
        charge: fc.integer({ min: 100, max: 500_000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    denial: fc.option(fc.record({ id: fc.constantFrom(...ids), line: fc.constant(1) }), {
      nil: null,
    }),
    pid: fc.constantFrom('medicare', 'commercial-ppo', 'medicaid'),
    secondary: fc.boolean(),
    correction: fc.constantFrom('none', 'none', 'replace', 'void'),
  });
  const out: string[] = [];
  const batch: Remittance[] = [];
  fc.sample(arb, { numRuns: 60, seed: 11 }).forEach((g, n) => {
    const c = claim(
      g.lines.map((l) => line(l.code, (l.charge / 100).toFixed(2))),
      {
        claimId: `M-${n}`,
        accumulators: { deductibleMet: $('100.00'), outOfPocketMet: cents(0) },
      },
    );
    const findings = g.denial ? [finding(g.denial.id, g.denial.line)] : [];
    let r = adjudicate(c, { payer: payer(g.pid), fees, findings });
    if (g.secondary) r = adjudicate(c, { payer: payer('medicaid'), fees, cob: { primary: r } });
    const p = payer(g.secondary ? 'medicaid' : g.pid);
    if (g.correction !== 'none' && r.status !== 'rejected' && p.corrections !== 'reopening') {
      const fix: Claim = {
        ...c,
        claimId: `${c.claimId}-C`,
        frequency: g.correction === 'void' ? '8' : '7',
        originalClaimId: r.payerClaimNumber,
        lines: c.lines.slice(0, Math.max(1, c.lines.length - 1)),
      };
      r = adjudicate(fix, { payer: p, fees, original: r });
    }
    const x = write835(r, { controlNumber: n + 1 });
    if (!x.ok) return;
    out.push(x.value);
    if (r.payerId === 'commercial-ppo') batch.push(r);
  });
  for (let k = 0; k + 3 <= batch.length; k += 3) {
    const x = write835Batch(batch.slice(k, k + 3), { controlNumber: 900 + k });
    if (x.ok) out.push(x.value);
  }
  return out;
}

/** Valid 837Ps: one to eight lines, up to four diagnoses, some billed secondary with 2430 lines. */
function valid837s(): string[] {
  const arb = fc.record({
    lines: fc.array(
      fc.record({
        code: fc.constantFrom('99213', '99214', '20610', '36415', 'G0439'),
        units: fc.integer({ min: 1, max: 9 }),
        dxPointers: fc.subarray([1, 2, 3, 4], { minLength: 1 }),
        charge: fc.integer({ min: 1, max: 9_999_999 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    cob: fc.option(fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 8, maxLength: 8 }), {
      nil: null,
    }),
  });
  return fc.sample(arb, { numRuns: 60, seed: 837 }).map((g, n) =>
    write837p(
      claim(
        g.lines.map((l) =>
          line(l.code, (l.charge / 100).toFixed(2), { units: l.units, dxPointers: l.dxPointers }),
        ),
        {
          claimId: `P-${n}`,
          diagnoses: ['E11.9', 'I10', 'M17.11', 'Z79.84'],
          ...(g.cob
            ? {
                payerSequence: 'secondary' as const,
                otherPayers: [
                  {
                    payerId: 'commercial-ppo',
                    sequence: 'primary' as const,
                    memberId: 'KH1',
                    adjudication: {
                      payerClaimNumber: 'ICN1',
                      adjudicationDate: '2026-03-20',
                      lines: g.lines.map((l, i) => ({
                        line: i + 1,
                        code: l.code,
                        modifiers: [],
                        units: l.units,
                        // SVD02 + ΣCAS = SV102 (2430): paid within the charge, CO-45 the rest.
                        paid: cents(g.cob![i]! % (l.charge + 1)),
                        adjustments:
                          l.charge - (g.cob![i]! % (l.charge + 1)) > 0
                            ? [
                                {
                                  group: 'CO' as const,
                                  carc: '45',
                                  amount: cents(l.charge - (g.cob![i]! % (l.charge + 1))),
                                },
                              ]
                            : [],
                      })),
                    },
                  },
                ],
              }
            : {}),
        },
      ),
      { controlNumber: n + 1 },
    ),
  );
}

// ---------------------------------------------------------------- the properties

const RUNS = 2_500;

describe('835 reader: accepted ⇒ balanced and complete', () => {
  let pool: string[] = [];
  beforeAll(() => {
    pool = valid835s();
  });

  it(`over ${RUNS} mutated 835s`, () => {
    expect(pool.length).toBeGreaterThan(50);
    for (const x of pool) expect(moneyRead(okValue(read835(x)))).toEqual(money835(x));
    const tally = { accepted: 0, rejected: 0, kinds: new Map<string, number>() };
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        (i, j, ms) => {
          let x = pool[i % pool.length]!;
          for (const m of ms) x = mutate(x, m, pool[j % pool.length]!);
          const r = read835(x);
          if (!r.ok) {
            tally.rejected++;
            for (const e of r.errors) {
              expect(e.path).toMatch(/^(segment \d+ \(|after segment|ISA|835)/);
              expect(e.message.length).toBeGreaterThan(5);
            }
            return;
          }
          tally.accepted++;
          for (const m of ms) tally.kinds.set(m.kind, (tally.kinds.get(m.kind) ?? 0) + 1);
          expect(moneyRead(r.value)).toEqual(money835(x));
        },
      ),
      { numRuns: RUNS, seed: 11 },
    );
    // The mutations bite (most are refused), and valid-preserving ones are still read.
    expect(tally.rejected).toBeGreaterThan(RUNS * 0.6);
    expect(tally.kinds.get('name') ?? 0).toBeGreaterThan(10);
  });
});

function okValue<T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

interface Money837 {
  clms: number;
  lines: number;
  charges: number[];
  pointers: string[];
  priorPaid: number;
  priorCas: number;
}

/** The 837P's money as its segments say, asserting CLM02 = ΣSV102 and pointers in range. */
function money837(x: string): Money837 {
  const segs = segmentsOf(x);
  expectEnvelope(segs);
  const out: Money837 = { clms: 0, lines: 0, charges: [], pointers: [], priorPaid: 0, priorCas: 0 };
  let clm: { total: number; sum: number; lines: number; dx: number } | null = null;
  let inSvd = false;
  const end = () => {
    if (clm) {
      expect(clm.lines).toBeGreaterThan(0);
      expect(clm.sum).toBe(clm.total);
      out.charges.push(clm.total);
    }
    clm = null;
  };
  for (const s of segs) {
    if (s[0] === 'CLM') {
      end();
      clm = { total: c(s[2]), sum: 0, lines: 0, dx: 0 };
      out.clms++;
    }
    if (s[0] === 'HL' || s[0] === 'SE') end();
    if (s[0] === 'HI' && clm) clm.dx = s.slice(1).filter(Boolean).length;
    if (s[0] === 'SV1') {
      expect(clm).not.toBeNull();
      clm!.sum += c(s[2]);
      clm!.lines++;
      out.lines++;
      inSvd = false;
      for (const p of (s[7] ?? '').split(':')) {
        expect(Number(p)).toBeGreaterThanOrEqual(1);
        expect(Number(p)).toBeLessThanOrEqual(clm!.dx);
      }
      out.pointers.push(s[7] ?? '');
    }
    if (s[0] === 'SVD') {
      out.priorPaid += c(s[2]);
      inSvd = true;
    }
    if (s[0] === 'CAS' && inSvd)
      for (let k = 3; k < s.length; k += 3) if (s[k]) out.priorCas += c(s[k]);
  }
  return out;
}

function moneyParsed(cs: readonly Claim[]): Money837 {
  const out: Money837 = { clms: 0, lines: 0, charges: [], pointers: [], priorPaid: 0, priorCas: 0 };
  for (const cl of cs) {
    out.clms++;
    out.lines += cl.lines.length;
    out.charges.push(cl.lines.reduce((a, l) => a + l.charge, 0));
    out.pointers.push(...cl.lines.map((l) => l.dxPointers.join(':')));
    for (const op of cl.otherPayers ?? [])
      for (const pl of op.adjudication?.lines ?? []) {
        out.priorPaid += pl.paid;
        out.priorCas += pl.adjustments.reduce((a, x) => a + x.amount, 0);
      }
  }
  return out;
}

describe('837P reader: accepted ⇒ balanced and complete', () => {
  let pool: string[] = [];
  beforeAll(() => {
    pool = valid837s();
  });

  it(`over ${RUNS} mutated 837Ps`, () => {
    for (const x of pool) expect(moneyParsed(okValue(parse837p(x)))).toEqual(money837(x));
    const tally = { accepted: 0, rejected: 0, names: 0 };
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        (i, j, ms) => {
          let x = pool[i % pool.length]!;
          for (const m of ms) x = mutate(x, m, pool[j % pool.length]!);
          const r = parse837p(x);
          if (!r.ok) {
            tally.rejected++;
            for (const e of r.errors)
              expect(e.path).toMatch(/^(segment \d+ \(|after segment|ISA|837)/);
            return;
          }
          tally.accepted++;
          if (ms.some((m) => m.kind === 'name')) tally.names++;
          expect(moneyParsed(r.value)).toEqual(money837(x));
          // 2430: every other payer's line decision accounts for the line charge.
          for (const cl of r.value)
            for (const op of cl.otherPayers ?? [])
              for (const pl of op.adjudication?.lines ?? [])
                expect(pl.paid + pl.adjustments.reduce((a, y) => a + y.amount, 0)).toBe(
                  cl.lines[pl.line - 1]!.charge,
                );
        },
      ),
      { numRuns: RUNS, seed: 837 },
    );
    expect(tally.rejected).toBeGreaterThan(RUNS * 0.6);
    expect(tally.names).toBeGreaterThan(10);
  });
});
