/**
 * Expert claims (issue 10): each record of claims.jsonl (round one), claims-2.jsonl (round
 * two) and claims-3.jsonl (round three) is a claim or a code lookup with the outcome an auditor writes FROM THE RULE TEXT before
 * running ClaimLab (the rule is cited in the record's `rule`). Money comes from the CMS CY2025
 * RVU and GPCI tables by hand arithmetic (RVUs x GPCI x CF 32.3465, 20% coinsurance, 2%
 * sequestration on the payment), not from ClaimLab. One test per record. A record with `todo`
 * names a bigger item left for another change (it runs as `it.fails` so it turns red once
 * fixed); see test/fidelity/README.md.
 *
 * The claims run as one batch through `check` and one through `adjudicate`, in file order (the
 * global-surgery ledger claims share a member; every other claim has its own member and its
 * own accumulators).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { captureIo } from '../support/cli-io';
import { hasOfficialCodesets } from './official';
import { expertRecords } from './records';

interface LineExpect {
  allowed?: number;
  paid?: number;
  patient?: number;
  /** The exact set of group-CARC pairs on the line. */
  adj?: string[];
  adjHas?: string[];
  adjNot?: string[];
  remarks?: string[];
  remarksNot?: string[];
}
interface Rec {
  id: string;
  class: string;
  rule: string;
  claim?: Record<string, unknown>;
  lookup?: { code: string; date: string };
  expectValid?: boolean;
  search?: { query: string; system?: string };
  expectTop5?: string;
  check?: {
    has?: string[];
    hasErr?: string[];
    hasNot?: string[];
    hasNotErr?: string[];
    hasAny?: string[][];
    noErrors?: boolean;
    severity?: Record<string, string>;
    /** No finding with this id has this severity (e.g. an optional note is never a warning). */
    notSeverity?: Record<string, string>;
    suggests?: Record<string, string>;
    /** Some error finding's message or suggestion names this (e.g. the modifier to use). */
    mentions?: string;
  };
  adjudicate?: {
    status?: string;
    statusNot?: string;
    lines?: LineExpect[];
    anyLine?: LineExpect;
    patient?: number;
    has?: string[];
    hasNot?: string[];
    once?: string[];
    claimAdj?: string[];
    claimRemarks?: string[];
    claimRemarksNot?: string[];
    paidToProvider?: number;
    netPaid?: number;
    /** Output fields with their exact values. */
    fields?: Record<string, unknown>;
    /** The remittance's total allowed (cents): both sides of a bilateral code on two lines. */
    allowedTotal?: number;
  };
  /** roundtrip; unassigned; balanced: the 835's SVC, CLP and BPR amounts balance, then roundtrip. */
  x12?: 'roundtrip' | 'unassigned' | 'balanced';
  /** The 837P of the claim contains (or does not contain) these texts. */
  x12837?: { has?: string[]; hasNot?: string[] };
  /** Every CARC and RARC on the remittance is in the current X12 lists and not deactivated. */
  codesCurrent?: boolean;
  /**
   * A corrected claim (frequency 7/8) of the claim of record `of` (decided in the batch): run
   * through `adjudicate --history` with originalClaimId = the original's payer claim number.
   */
  correct?: { of: string };
  /** A Medicare reopening of the claim of record `of` (decided in the batch), with `claim` as the corrected claim. */
  reopen?: { of: string; requestDate: string; reason: string };
  todo?: string;
}
interface Finding {
  id: string;
  severity: string;
  line: number | null;
  codes: string[];
  message: string;
  suggestion?: string;
}
interface Adj {
  group: string;
  carc: string;
  amount: string;
}
interface RemitLine {
  line: number;
  code: string;
  allowed: string;
  paid: string;
  adjustments: Adj[];
  remarks: string[];
}
interface Remit {
  claimId: string;
  status: string;
  lines: RemitLine[];
  totals: { patientResponsibility: string; paid: string; allowed?: string };
  findings: Finding[];
  claimAdjustments?: Adj[];
  claimRemarks?: string[];
  paidToProvider?: string;
  netPaid?: string;
}

// claims.jsonl: the first audit round; claims-2.jsonl: the second (thin classes of round one);
// claims-3.jsonl: the third (coding side: notes, sequencing, MCE by date, code dates, NCCI);
// claims-4.jsonl: the fourth (payer and remittance side); claims-5.jsonl: the fifth (coding and
// payer classes across 2017-2026); claims-6.jsonl: the sixth (the thinly covered classes).
const records = expertRecords<Rec>();
// Results are kept by record id: an id used twice would check one record against the other's.
const twice = records.map((r) => r.id).filter((id, i, all) => all.indexOf(id) !== i);
if (twice.length) throw new Error(`expert claims: record ids used twice: ${twice.join(', ')}`);
const claims = records.filter((r) => r.claim && !r.reopen && !r.correct);

const cents = (s: string | undefined): number => Math.round(Number(s ?? '0') * 100);
const key = (a: Adj) => `${a.group}-${a.carc}`;
const ids = (fs: readonly Finding[]) => fs.map((f) => f.id);

async function run(args: string[], stdin = ''): Promise<string[]> {
  const t = captureIo(stdin);
  expect(await main(args, t.io), t.err.join('\n')).toBe(0);
  return t.out;
}

const checked = new Map<string, { findings: Finding[] }>();
/** Corrected claims as sent (with the original's number) and the history file holding it. */
const corrected = new Map<string, { claim: unknown; hist: string }>();
const decided = new Map<string, Remit>();

beforeAll(async () => {
  if (!hasOfficialCodesets()) return;
  const dir = mkdtempSync(join(tmpdir(), 'claimlab-fidelity-'));
  const file = join(dir, 'claims.jsonl');
  writeFileSync(file, claims.map((r) => JSON.stringify(r.claim)).join('\n'));
  const c = await run(['check', file]);
  const a = await run(['adjudicate', file]);
  claims.forEach((r, i) => {
    checked.set(r.id, JSON.parse(c[i]!));
    decided.set(r.id, JSON.parse(a[i]!));
  });
  for (const r of records.filter((x) => x.reopen)) {
    const { of, requestDate, reason } = r.reopen!;
    const original = decided.get(of)!;
    const hist = join(dir, `${r.id}.history.jsonl`);
    writeFileSync(hist, JSON.stringify(original));
    const request = {
      requestDate,
      reason,
      claim: {
        ...r.claim,
        originalClaimId: (original as unknown as { payerClaimNumber: string }).payerClaimNumber,
      },
    };
    const out = await run(['reopen', '-', '--history', hist], JSON.stringify(request));
    decided.set(r.id, JSON.parse(out[0]!));
  }
  for (const r of records.filter((x) => x.correct)) {
    const original = decided.get(r.correct!.of)!;
    const hist = join(dir, `${r.id}.history.jsonl`);
    writeFileSync(hist, JSON.stringify(original));
    const number = (original as unknown as { payerClaimNumber: string }).payerClaimNumber;
    const claim = { ...r.claim, originalClaimId: number };
    const out = await run(['adjudicate', '-', '--history', hist], JSON.stringify(claim));
    decided.set(r.id, JSON.parse(out[0]!));
    corrected.set(r.id, { claim, hist });
  }
}, 120_000);

function expectLine(where: string, l: RemitLine | undefined, e: LineExpect): void {
  expect(l, `${where}: no such line`).toBeDefined();
  const got = l!.adjustments.map(key);
  if (e.allowed !== undefined) expect(cents(l!.allowed), `${where} allowed`).toBe(e.allowed);
  if (e.paid !== undefined) expect(cents(l!.paid), `${where} paid`).toBe(e.paid);
  if (e.patient !== undefined) {
    const pr = l!.adjustments
      .filter((x) => x.group === 'PR')
      .reduce((s, x) => s + cents(x.amount), 0);
    expect(pr, `${where} patient`).toBe(e.patient);
  }
  if (e.adj) expect([...new Set(got)].sort(), `${where} adjustments`).toEqual([...e.adj].sort());
  for (const k of e.adjHas ?? []) expect(got, `${where} adjustments`).toContain(k);
  for (const k of e.adjNot ?? []) expect(got, `${where} adjustments`).not.toContain(k);
  for (const k of e.remarks ?? []) expect(l!.remarks, `${where} remarks`).toContain(k);
  for (const k of e.remarksNot ?? []) expect(l!.remarks, `${where} remarks`).not.toContain(k);
}

function verify(r: Rec): void {
  const c = r.check;
  if (c) {
    const fs = checked.get(r.id)!.findings;
    const all = ids(fs);
    const errs = ids(fs.filter((f) => f.severity === 'error'));
    const say = `check ${JSON.stringify(fs.map((f) => [f.id, f.severity, f.codes]))}`;
    for (const k of c.has ?? []) expect(all, say).toContain(k);
    for (const k of c.hasErr ?? []) expect(errs, say).toContain(k);
    for (const k of c.hasNot ?? []) expect(all, say).not.toContain(k);
    for (const k of c.hasNotErr ?? []) expect(errs, say).not.toContain(k);
    for (const any of c.hasAny ?? [])
      expect(
        any.some((k) => all.includes(k)),
        say,
      ).toBe(true);
    if (c.noErrors) expect(errs, say).toEqual([]);
    for (const [k, sev] of Object.entries(c.severity ?? {}))
      expect(
        fs.filter((f) => f.id === k).map((f) => f.severity),
        say,
      ).toEqual([sev]);
    for (const [k, sev] of Object.entries(c.notSeverity ?? {}))
      expect(
        fs.filter((f) => f.id === k).map((f) => f.severity),
        say,
      ).not.toContain(sev);
    if (c.mentions)
      expect(
        fs.some(
          (f) =>
            f.severity === 'error' && `${f.message} ${f.suggestion ?? ''}`.includes(c.mentions!),
        ),
        say,
      ).toBe(true);
    for (const [k, code] of Object.entries(c.suggests ?? {}))
      expect(fs.find((f) => f.id === k)?.suggestion ?? '', say).toContain(code);
  }
  const a = r.adjudicate;
  if (a) {
    const d = decided.get(r.id)!;
    const say = `adjudicate ${r.id}`;
    if (a.status) expect(d.status, say).toBe(a.status);
    if (a.statusNot) expect(d.status, say).not.toBe(a.statusNot);
    if (a.status === 'refused') return;
    (a.lines ?? []).forEach((e, i) => expectLine(`${say} line ${i + 1}`, d.lines[i], e));
    if (a.anyLine) {
      const e = a.anyLine;
      const hit = d.lines.some((l) => {
        try {
          expectLine(say, l, e);
          return true;
        } catch {
          return false;
        }
      });
      expect(hit, `${say}: no line is ${JSON.stringify(e)}: ${JSON.stringify(d.lines)}`).toBe(true);
    }
    if (a.patient !== undefined)
      expect(cents(d.totals.patientResponsibility), `${say} patient`).toBe(a.patient);
    const all = ids(d.findings ?? []);
    for (const k of a.has ?? []) expect(all, say).toContain(k);
    for (const k of a.hasNot ?? []) expect(all, say).not.toContain(k);
    for (const k of a.once ?? [])
      expect(
        all.filter((x) => x === k),
        say,
      ).toHaveLength(1);
    for (const k of a.claimAdj ?? []) expect((d.claimAdjustments ?? []).map(key), say).toContain(k);
    for (const k of a.claimRemarks ?? []) expect(d.claimRemarks ?? [], say).toContain(k);
    for (const k of a.claimRemarksNot ?? []) expect(d.claimRemarks ?? [], say).not.toContain(k);
    if (a.paidToProvider !== undefined) expect(cents(d.paidToProvider), say).toBe(a.paidToProvider);
    if (a.allowedTotal !== undefined)
      expect(
        d.lines.reduce((s, l) => s + cents(l.allowed), 0),
        `${say} allowed total`,
      ).toBe(a.allowedTotal);
    if (a.netPaid !== undefined) expect(cents(d.netPaid), say).toBe(a.netPaid);
    for (const [k, v] of Object.entries(a.fields ?? {}))
      expect((d as unknown as Record<string, unknown>)[k], `${say} ${k}`).toEqual(v);
  }
}

/** X12 005010X221A1: the 835 read back carries the same lines, money and codes. */
async function verifyX12(r: Rec): Promise<void> {
  const c = corrected.get(r.id);
  const x = (
    c
      ? await run(['x12', '835', '-', '--history', c.hist], JSON.stringify(c.claim))
      : await run(['x12', '835', '-'], JSON.stringify(r.claim))
  ).join('\n');
  const direct = decided.get(r.id)!;
  if (r.x12 === 'balanced') expectBalanced(x, `835 of ${r.id}`);
  if (r.x12 === 'unassigned') {
    // Pub. 100-04 ch. 1 §30.3: an unassigned claim's payment goes to the beneficiary.
    expect(x).toMatch(/CLP\*[^*~]*\*\d+\*[\d.]+\*0\*/);
    expect(x).toContain('MA28');
    return;
  }
  const back = JSON.parse((await run(['x12', 'read', '-'], x))[0]!) as Remit;
  const pick = (d: Remit) =>
    d.lines.map((l) => [l.code, l.allowed, l.paid, l.adjustments, l.remarks]);
  expect(pick(back)).toEqual(pick(direct));
  expect(back.totals.paid).toBe(direct.totals.paid);
  expect(back.status).toBe(direct.status);
}

/** Segments of an X12 text: elements split on `*` (segment terminator `~`). */
const segmentsOf = (x: string): string[][] =>
  x
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => s.split('*'));
const casSum = (cas: string[]): number => {
  let t = 0;
  // CAS01 group, then up to six (reason, amount, quantity) triplets.
  for (let i = 3; i < cas.length; i += 3) t += cents(cas[i]);
  return t;
};

/**
 * X12 005010X221A1 §1.10.2.1 balancing, read from the 835 text itself: each service line
 * SVC02 = SVC03 + its CAS amounts; each claim CLP03 − CLP04 = its claim-level and line-level
 * CAS amounts; BPR02 = ΣCLP04 − ΣPLB amounts.
 */
function expectBalanced(x: string, where: string): void {
  const segs = segmentsOf(x);
  let bpr = 0;
  let clpPaid = 0;
  let plb = 0;
  let clp: { charge: number; paid: number; cas: number } | null = null;
  let svc: { charge: number; paid: number; cas: number } | null = null;
  const closeSvc = () => {
    if (svc) expect(svc.paid + svc.cas, `${where}: SVC balance`).toBe(svc.charge);
    svc = null;
  };
  const closeClp = () => {
    closeSvc();
    if (clp) expect(clp.paid + clp.cas, `${where}: CLP balance`).toBe(clp.charge);
    clp = null;
  };
  for (const s of segs) {
    const [id] = s;
    if (id === 'BPR') bpr = cents(s[2]);
    else if (id === 'CLP') {
      closeClp();
      clp = { charge: cents(s[3]), paid: cents(s[4]), cas: 0 };
      clpPaid += cents(s[4]);
    } else if (id === 'SVC') {
      closeSvc();
      svc = { charge: cents(s[2]), paid: cents(s[3]), cas: 0 };
    } else if (id === 'CAS') {
      const t = casSum(s);
      if (svc) (svc as { cas: number }).cas += t;
      if (clp) (clp as { cas: number }).cas += t;
    } else if (id === 'PLB') {
      for (let i = 4; i < s.length; i += 2) plb += cents(s[i]);
    } else if (id === 'SE') closeClp();
  }
  closeClp();
  expect(bpr, `${where}: BPR02 = sum of CLP04 - PLB`).toBe(clpPaid - plb);
}

/** The 837P of the claim says what the record expects (CLM05-3, REF*F8...). */
async function verify837(r: Rec): Promise<void> {
  const x = (await run(['x12', '837', '-'], JSON.stringify(r.claim))).join('\n');
  for (const t of r.x12837?.has ?? []) expect(x, `837P of ${r.id}`).toContain(t);
  for (const t of r.x12837?.hasNot ?? []) expect(x, `837P of ${r.id}`).not.toContain(t);
}

const X12_CODES = join(
  import.meta.dirname,
  '../../../shared/reference/carc-rarc/2026-08/x12Codes.generated.js',
);
type X12List = Record<string, { status: string }>;
let x12Lists: { CARC: X12List; RARC: X12List } | null = null;

/** Every CARC and RARC of the remittance exists in the current X12 lists and is not deactivated. */
function expectCodesCurrent(d: Remit, where: string): void {
  if (!existsSync(X12_CODES)) return; // the reference folder is absent: nothing to check against
  x12Lists ??= createRequire(import.meta.url)(X12_CODES) as { CARC: X12List; RARC: X12List };
  const carcs = [...(d.claimAdjustments ?? []), ...d.lines.flatMap((l) => l.adjustments)].map(
    (a) => a.carc,
  );
  const rarcs = [...(d.claimRemarks ?? []), ...d.lines.flatMap((l) => l.remarks)];
  for (const c of carcs) expect(x12Lists.CARC[c]?.status, `${where}: CARC ${c}`).toBe('current');
  for (const c of rarcs) expect(x12Lists.RARC[c]?.status, `${where}: RARC ${c}`).toBe('current');
}

async function verifyLookup(r: Rec): Promise<void> {
  // `codes lookup` exits 1 for a code that is not valid (like grep): the JSON is the result.
  const t = captureIo();
  await main(['codes', 'lookup', r.lookup!.code, '--date', r.lookup!.date, '--json'], t.io);
  const j = JSON.parse(t.out[0]!) as { valid?: boolean; exists?: boolean; billable?: boolean };
  expect(j.valid ?? (j.exists === true && j.billable !== false), t.out[0]).toBe(r.expectValid);
}

/** `codes search` ranks the code in its first five results. */
async function verifySearch(r: Rec): Promise<void> {
  const { query, system } = r.search!;
  const args = ['codes', 'search', query, '--json', '--limit', '5'];
  if (system) args.push('--system', system);
  const out = await run(args);
  const codes = (JSON.parse(out[0]!) as { code: string }[]).map((x) => x.code);
  expect(codes, out[0]).toContain(r.expectTop5);
}

const official = hasOfficialCodesets();
describe.skipIf(!official)('expert claims from the rules (issue 10)', () => {
  for (const r of records) {
    const name = `${r.id} [${r.class}] ${r.rule}`;
    const body = async () => {
      if (r.lookup) return verifyLookup(r);
      if (r.search) return verifySearch(r);
      verify(r);
      if (r.codesCurrent) expectCodesCurrent(decided.get(r.id)!, `adjudicate ${r.id}`);
      if (r.x12) await verifyX12(r);
      if (r.x12837) await verify837(r);
    };
    if (r.todo) it.fails(`${name} — TODO: ${r.todo}`, body);
    else it(name, body);
  }
});
if (!official)
  it.skip('expert claims need the official code sets: put ../shared/reference beside the project (see its README) and run npm run -s claimlab -- codesets build', () => {});
