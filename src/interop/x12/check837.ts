/**
 * The structure and balance of 837P transaction sets, checked apart from reading them so that a
 * claim read is a claim complete: BHT first; submitter (NM1*41) and receiver (NM1*40) before the
 * first HL; the HL tree (HL01 numbered 1, 2, 3…; HL02 naming an earlier parent of the right
 * level; HL03 20 billing provider or 22 subscriber; HL04 1 exactly when a child follows); the
 * billing provider's NM1*85 and the subscriber's SBR, NM1*IL and NM1*PR; each CLM under a
 * subscriber with its HI (1–12 diagnoses) and service lines (LX numbered 1, 2, 3…, each with an
 * SV1 and DTP*472; at most 50); diagnosis pointers (SV107) that point at a diagnosis; quantities,
 * dates and frequency codes; and CLM02 = ΣSV102 (returned apart as `balance`, reported once every
 * amount could be read). A patient level (HL 23) is refused: ClaimLab's patient is the subscriber.
 * See: X12 005010X222A1 §2.3.2.1 (HL), loops 1000A/B, 2000A/B, 2300 (CLM02 "the sum of all
 * service line charges", HI), 2400 (LX, SV1, DTP*472); SV107 (up to four pointers).
 */
import type { Problem } from '../../domain/result';
import { isQuantity, isX12Date, readAmount, segmentAt, type Segment } from './segments';

const ENVELOPE = new Set(['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA']);
const MAX_LINES = 50;
const MAX_DIAGNOSES = 12;

interface Level {
  id: string;
  code: string;
  where: string;
  /** HL04 as sent, and whether a later HL names this one as its parent. */
  saysChild: string;
  hasChild: boolean;
  /** Segments the level requires, seen so far. */
  seen: Set<string>;
}

interface ClaimCheck {
  where: string;
  charge: number | null;
  diagnoses: number;
  hi: boolean;
  lines: { where: string; charge: number | null; sv1: boolean; dtp: boolean }[];
  /** 2320/2330B other payers: AMT*D (what it paid) and the sum of its SVD02, by payer id. */
  others: { where: string; id: string; paid: number | null; svd: number }[];
}

/** The bodies (between ST and SE) of a segment list; the whole list when it has no ST. */
function bodies(segments: readonly Segment[]): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  segments.forEach((s, i) => {
    if (s[0] === 'ST') from = i + 1;
    else if ((s[0] === 'SE' || s[0] === 'GE' || s[0] === 'IEA') && from >= 0) {
      out.push([from, i]);
      from = -1;
    }
  });
  if (from >= 0) out.push([from, segments.length]);
  if (!segments.some((s) => s[0] === 'ST')) out.push([0, segments.length]);
  return out;
}

/** Checks every 837P transaction set in `segments`: problems, and the CLM02 balance apart. */
export function check837(
  segments: readonly Segment[],
  component: string,
): { errors: Problem[]; balance: Problem[] } {
  const errors: Problem[] = [];
  const balance: Problem[] = [];
  for (const [from, to] of bodies(segments))
    checkTransaction(segments, from, to, component, errors, balance);
  return { errors, balance };
}

const REQUIRED: Record<string, [string, string][]> = {
  '20': [['NM1*85', 'billing provider name (NM1*85, loop 2010AA)']],
  '22': [
    ['SBR', 'subscriber information (SBR)'],
    ['NM1*IL', 'subscriber name (NM1*IL, loop 2010BA)'],
    ['DMG', 'subscriber demographics (DMG: birth date and sex)'],
    ['NM1*PR', 'payer name (NM1*PR, loop 2010BB)'],
  ],
};

/** One transaction set being checked. */
interface Checking {
  component: string;
  errors: Problem[];
  balance: Problem[];
  levels: Map<string, Level>;
  level: Level | null;
  claim: ClaimCheck | null;
  /** Submitter (NM1*41) and receiver (NM1*40) names seen before the first HL. */
  parties: Set<string>;
}

type Check = (k: Checking, s: Segment, where: string) => void;

const el = (s: Segment, n: number) => s[n] ?? '';
const fault = (k: Checking, path: string, message: string) => k.errors.push({ path, message });

/** The end of a claim: its required parts, and CLM02 = ΣSV102. */
function endClaim(k: Checking): void {
  const c = k.claim;
  if (!c) return;
  if (!c.hi) fault(k, c.where, 'the claim has no HI (diagnoses)');
  if (c.lines.length === 0) fault(k, c.where, 'the claim has no service line (LX/SV1)');
  if (c.lines.length > MAX_LINES)
    fault(
      k,
      c.where,
      `the claim has ${c.lines.length} service lines; an 837P carries at most ${MAX_LINES}`,
    );
  for (const l of c.lines) {
    if (!l.sv1) fault(k, l.where, 'the service line has no SV1');
    if (!l.dtp) fault(k, l.where, 'the service line has no DTP*472 (date of service)');
  }
  const sum = c.lines.reduce((a, l) => a + (l.charge ?? 0), 0);
  if (c.charge !== null && c.charge !== sum)
    k.balance.push({
      path: `${c.where} CLM02`,
      message: `claim total ${(c.charge / 100).toFixed(2)} is not the sum of its line charges (SV102) ${(sum / 100).toFixed(2)}`,
    });
  for (const o of c.others)
    if (o.paid !== null && o.paid !== o.svd)
      k.balance.push({
        path: `${o.where} AMT02`,
        message: `other payer ${o.id} paid ${(o.paid / 100).toFixed(2)} (AMT*D) but its line adjudications (SVD02) add up to ${(o.svd / 100).toFixed(2)}`,
      });
  k.claim = null;
}

/** The end of a hierarchical level (and of its claim): the segments the level requires. */
function endLevel(k: Checking): void {
  endClaim(k);
  const l = k.level;
  if (!l) return;
  for (const [key, what] of REQUIRED[l.code] ?? [])
    if (!l.seen.has(key)) fault(k, l.where, `the level has no ${what}`);
  k.level = null;
}

/** NM1, SBR, DMG: the parties of the header and the segments each level requires. */
const checkParty: Check = (k, s, where) => {
  const key = s[0] === 'NM1' ? `NM1*${el(s, 1)}` : s[0]!;
  const other = k.claim?.others.at(-1);
  if (k.claim && s[0] === 'SBR') k.claim.others.push({ where, id: '', paid: null, svd: 0 });
  if (other && key === 'NM1*PR' && !k.claim?.lines.length) other.id = el(s, 9);
  if (k.levels.size === 0) k.parties.add(key);
  else if (k.level && !k.claim) k.level.seen.add(key);
  if (s[0] === 'DMG' && (el(s, 1) !== 'D8' || !isX12Date(el(s, 2))))
    fault(k, `${where} DMG02`, `"${el(s, 2).slice(0, 20)}" is not a D8 birth date`);
};

/** HL: numbered 1, 2, 3…; a subscriber (22) under a billing provider (20); HL04 checked at the end. */
const checkLevel: Check = (k, s, where) => {
  endLevel(k);
  const e = (n: number) => el(s, n);
  if (k.levels.size === 0 && !(k.parties.has('NM1*41') && k.parties.has('NM1*40')))
    fault(k, where, 'submitter (NM1*41) and receiver (NM1*40) must come before the first HL');
  const id = e(1);
  const expected = String(k.levels.size + 1);
  if (id !== expected)
    fault(
      k,
      `${where} HL01`,
      `HL01 is "${id}"; hierarchical levels are numbered 1, 2, 3…: expected ${expected}`,
    );
  const code = e(3);
  const parentCode = code === '22' ? '20' : code === '23' ? '22' : '';
  if (code === '23')
    fault(
      k,
      `${where} HL03`,
      'a patient level (HL 23) is not read: ClaimLab bills the subscriber as the patient (SBR02 18)',
    );
  else if (code !== '20' && code !== '22')
    fault(
      k,
      `${where} HL03`,
      `"${code}" is not a level code of the 837P (20 billing provider, 22 subscriber)`,
    );
  const parent = k.levels.get(e(2));
  if (parentCode === '' && e(2) !== '')
    fault(k, `${where} HL02`, 'a billing provider level (HL 20) has no parent');
  else if (parentCode !== '' && (!parent || parent.code !== parentCode))
    fault(k, `${where} HL02`, `HL02 "${e(2)}" must name an earlier HL of level ${parentCode}`);
  if (parent) parent.hasChild = true;
  if (e(4) !== '0' && e(4) !== '1') fault(k, `${where} HL04`, `HL04 "${e(4)}" is not 0 or 1`);
  k.level = { id, code, where, saysChild: e(4), hasChild: false, seen: new Set() };
  if (!k.levels.has(id)) k.levels.set(id, k.level);
};

/** CLM: under a subscriber; claim id, place of service and frequency (1, 7, 8). */
const checkClaim: Check = (k, s, where) => {
  endClaim(k);
  if (!k.level || k.level.code !== '22')
    fault(k, where, 'a claim (CLM) must follow a subscriber level (HL 22)');
  const [pos = '', , freq = ''] = el(s, 5).split(k.component);
  if (!el(s, 1)) fault(k, `${where} CLM01`, 'CLM01 (claim id) is required');
  if (!/^\d{2}$/.test(pos)) fault(k, `${where} CLM05`, `"${pos}" is not a place of service`);
  if (!['1', '7', '8'].includes(freq))
    fault(k, `${where} CLM05`, `claim frequency "${freq}" is not 1, 7 or 8`);
  const charge = readAmount(el(s, 2));
  if (charge !== null && charge < 0) fault(k, `${where} CLM02`, 'CLM02 (claim total) is negative');
  k.claim = { where, charge, diagnoses: 0, hi: false, lines: [], others: [] };
};

/** HI: one per claim, 1–12 diagnoses, the first principal (ABK), the others ABF. */
const checkDiagnoses: Check = (k, s, where) => {
  const c = k.claim;
  if (!c) return fault(k, where, 'HI outside a claim');
  if (c.hi) fault(k, where, 'a second HI: diagnoses are sent in one HI');
  c.hi = true;
  const codes = s.slice(1).filter(Boolean);
  c.diagnoses = codes.length;
  if (codes.length === 0 || codes.length > MAX_DIAGNOSES)
    fault(k, where, `HI holds ${codes.length} diagnoses; an 837P carries 1 to ${MAX_DIAGNOSES}`);
  codes.forEach((x, n) => {
    const [q = '', code = ''] = x.split(k.component);
    const want = n === 0 ? ['ABK', 'BK'] : ['ABF', 'BF'];
    if (!want.includes(q) || !/^[A-Z0-9]{3,7}$/.test(code))
      fault(
        k,
        `${where} HI${String(n + 1).padStart(2, '0')}`,
        `"${x.slice(0, 20)}" is not a ${want[0]} diagnosis`,
      );
  });
};

/** LX: service lines numbered 1, 2, 3… within the claim. */
const checkLineNumber: Check = (k, s, where) => {
  const c = k.claim;
  if (!c) return fault(k, where, 'LX outside a claim');
  if (el(s, 1) !== String(c.lines.length + 1))
    fault(
      k,
      `${where} LX01`,
      `LX01 is "${el(s, 1)}"; service lines are numbered 1, 2, 3…: expected ${c.lines.length + 1}`,
    );
  c.lines.push({ where, charge: null, sv1: false, dtp: false });
};

/** SV1: one per LX; an HC procedure, a charge, units, and pointers at the claim's diagnoses. */
const checkService: Check = (k, s, where) => {
  const e = (n: number) => el(s, n);
  const l = k.claim?.lines.at(-1);
  if (!k.claim || !l || l.sv1) return fault(k, where, 'SV1 without its LX');
  l.sv1 = true;
  l.charge = readAmount(e(2));
  const [q = '', code = ''] = e(1).split(k.component);
  if (q !== 'HC' || !code)
    fault(k, `${where} SV101`, `"${e(1).slice(0, 30)}" is not an HC procedure`);
  if (l.charge !== null && l.charge < 0)
    fault(k, `${where} SV102`, 'SV102 (line charge) is negative');
  if (e(3) !== 'UN' && e(3) !== 'MJ') fault(k, `${where} SV103`, `"${e(3)}" is not UN or MJ`);
  if (!isQuantity(e(4)) || Number(e(4)) === 0)
    fault(k, `${where} SV104`, `"${e(4).slice(0, 20)}" is not a quantity`);
  const ptrs = e(7).split(k.component);
  const n = k.claim.diagnoses;
  if (
    ptrs.length > 4 ||
    ptrs.some((p) => !/^\d{1,2}$/.test(p) || Number(p) < 1 || Number(p) > n) ||
    new Set(ptrs).size !== ptrs.length
  )
    fault(
      k,
      `${where} SV107`,
      `diagnosis pointers "${e(7).slice(0, 20)}" must be 1 to 4 different numbers from 1 to ${n} (the claim's diagnoses)`,
    );
};

/** DTP: a D8 date or an RD8 range; DTP*472 marks the line dated. */
const checkDate: Check = (k, s, where) => {
  const e = (n: number) => el(s, n);
  const range = e(2) === 'RD8' ? /^(\d{8})-(\d{8})$/.exec(e(3)) : null;
  const ok =
    (e(2) === 'D8' && isX12Date(e(3))) ||
    (range !== null && isX12Date(range[1]!) && isX12Date(range[2]!) && range[1]! <= range[2]!);
  if (!ok) fault(k, `${where} DTP03`, `"${e(3).slice(0, 20)}" is not a ${e(2) || 'D8'} date`);
  const l = k.claim?.lines.at(-1);
  if (e(1) === '472' && l) l.dtp = true;
};

/** SVD units and AMT amounts, summed per other payer (the reader reports SVD02 and CAS amounts). */
const checkOther: Check = (k, s, where) => {
  const amount = readAmount(el(s, 2));
  if (s[0] === 'SVD') {
    if (!isQuantity(el(s, 5) || '1'))
      fault(k, `${where} SVD05`, `"${el(s, 5).slice(0, 20)}" is not a quantity`);
    const o = k.claim?.others.find((x) => x.id === el(s, 1));
    if (o) o.svd += amount ?? 0;
    return;
  }
  if (amount === null) fault(k, `${where} AMT02`, `"${el(s, 2).slice(0, 20)}" is not an amount`);
  const o = k.claim?.others.at(-1);
  if (o && el(s, 1) === 'D' && !k.claim?.lines.length) {
    o.paid = amount;
    o.where = where;
  }
};

const CHECKS: Record<string, Check> = {
  NM1: checkParty,
  SBR: checkParty,
  DMG: checkParty,
  HL: checkLevel,
  CLM: checkClaim,
  HI: checkDiagnoses,
  LX: checkLineNumber,
  SV1: checkService,
  DTP: checkDate,
  SVD: checkOther,
  AMT: checkOther,
};

function checkTransaction(
  segments: readonly Segment[],
  from: number,
  to: number,
  component: string,
  errors: Problem[],
  balance: Problem[],
): void {
  const k: Checking = {
    component,
    errors,
    balance,
    levels: new Map(),
    level: null,
    claim: null,
    parties: new Set(),
  };
  const body = segments.slice(from, to).filter((s) => !ENVELOPE.has(s[0]!));
  if (body.length === 0) {
    const at = Math.max(0, from - 1);
    fault(k, segmentAt(at, segments[at] ?? []), 'the transaction set is empty');
    return;
  }
  for (let i = from; i < to; i++) {
    const s = segments[i]!;
    if (ENVELOPE.has(s[0]!)) continue;
    const where = segmentAt(i, s);
    if (s === body[0] && s[0] !== 'BHT') fault(k, where, 'the transaction set must start with BHT');
    CHECKS[s[0]!]?.(k, s, where);
  }
  endLevel(k);
  for (const l of k.levels.values())
    if ((l.saysChild === '1') !== l.hasChild)
      fault(
        k,
        `${l.where} HL04`,
        l.hasChild ? 'HL04 is 0 but a level below follows' : 'HL04 is 1 but no level below follows',
      );
}
