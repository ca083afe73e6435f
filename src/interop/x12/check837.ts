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

function checkTransaction(
  segments: readonly Segment[],
  from: number,
  to: number,
  component: string,
  errors: Problem[],
  balance: Problem[],
): void {
  const err = (path: string, message: string) => errors.push({ path, message });
  const levels = new Map<string, Level>();
  let level: Level | null = null;
  let claim: ClaimCheck | null = null;
  let header = { submitter: false, receiver: false };
  let first = true;

  const endClaim = () => {
    if (!claim) return;
    if (!claim.hi) err(claim.where, 'the claim has no HI (diagnoses)');
    if (claim.lines.length === 0) err(claim.where, 'the claim has no service line (LX/SV1)');
    if (claim.lines.length > MAX_LINES)
      err(
        claim.where,
        `the claim has ${claim.lines.length} service lines; an 837P carries at most ${MAX_LINES}`,
      );
    for (const l of claim.lines) {
      if (!l.sv1) err(l.where, 'the service line has no SV1');
      if (!l.dtp) err(l.where, 'the service line has no DTP*472 (date of service)');
    }
    const sum = claim.lines.reduce((a, l) => a + (l.charge ?? 0), 0);
    if (claim.charge !== null && claim.charge !== sum)
      balance.push({
        path: `${claim.where} CLM02`,
        message: `claim total ${(claim.charge / 100).toFixed(2)} is not the sum of its line charges (SV102) ${(sum / 100).toFixed(2)}`,
      });
    claim = null;
  };
  const endLevel = () => {
    endClaim();
    if (!level) return;
    for (const [key, what] of REQUIRED[level.code] ?? [])
      if (!level.seen.has(key)) err(level.where, `the level has no ${what}`);
    level = null;
  };

  for (let i = from; i < to; i++) {
    const s = segments[i]!;
    const tag = s[0]!;
    if (ENVELOPE.has(tag)) continue;
    const where = segmentAt(i, s);
    const e = (n: number) => s[n] ?? '';
    if (first && tag !== 'BHT') err(where, 'the transaction set must start with BHT');
    first = false;
    switch (tag) {
      case 'NM1':
        if (levels.size === 0) {
          if (e(1) === '41') header = { ...header, submitter: true };
          if (e(1) === '40') header = { ...header, receiver: true };
        } else if (level && !claim) level.seen.add(`NM1*${e(1)}`);
        break;
      case 'SBR':
        if (level && !claim) level.seen.add('SBR');
        break;
      case 'DMG':
        if (level && !claim) level.seen.add('DMG');
        if (e(1) !== 'D8' || !isX12Date(e(2)))
          err(`${where} DMG02`, `"${e(2).slice(0, 20)}" is not a D8 birth date`);
        break;
      case 'HL': {
        endLevel();
        if (levels.size === 0 && !(header.submitter && header.receiver))
          err(where, 'submitter (NM1*41) and receiver (NM1*40) must come before the first HL');
        const id = e(1);
        const expected = String(levels.size + 1);
        if (id !== expected)
          err(
            `${where} HL01`,
            `HL01 is "${id}"; hierarchical levels are numbered 1, 2, 3…: expected ${expected}`,
          );
        const code = e(3);
        const parentCode = code === '22' ? '20' : code === '23' ? '22' : '';
        if (code === '23')
          err(
            `${where} HL03`,
            'a patient level (HL 23) is not read: ClaimLab bills the subscriber as the patient (SBR02 18)',
          );
        else if (code !== '20' && code !== '22')
          err(
            `${where} HL03`,
            `"${code}" is not a level code of the 837P (20 billing provider, 22 subscriber)`,
          );
        const parent = levels.get(e(2));
        if (parentCode === '' && e(2) !== '')
          err(`${where} HL02`, 'a billing provider level (HL 20) has no parent');
        else if (parentCode !== '' && (!parent || parent.code !== parentCode))
          err(`${where} HL02`, `HL02 "${e(2)}" must name an earlier HL of level ${parentCode}`);
        if (parent) parent.hasChild = true;
        if (e(4) !== '0' && e(4) !== '1') err(`${where} HL04`, `HL04 "${e(4)}" is not 0 or 1`);
        level = { id, code, where, saysChild: e(4), hasChild: false, seen: new Set() };
        if (!levels.has(id)) levels.set(id, level);
        break;
      }
      case 'CLM': {
        endClaim();
        if (!level || level.code !== '22')
          err(where, 'a claim (CLM) must follow a subscriber level (HL 22)');
        const [pos = '', , freq = ''] = e(5).split(component);
        if (!e(1)) err(`${where} CLM01`, 'CLM01 (claim id) is required');
        if (!/^\d{2}$/.test(pos)) err(`${where} CLM05`, `"${pos}" is not a place of service`);
        if (!['1', '7', '8'].includes(freq))
          err(`${where} CLM05`, `claim frequency "${freq}" is not 1, 7 or 8`);
        const charge = readAmount(e(2));
        if (charge !== null && charge < 0) err(`${where} CLM02`, 'CLM02 (claim total) is negative');
        claim = { where, charge, diagnoses: 0, hi: false, lines: [] };
        break;
      }
      case 'HI': {
        if (!claim) {
          err(where, 'HI outside a claim');
          break;
        }
        if (claim.hi) err(where, 'a second HI: diagnoses are sent in one HI');
        claim.hi = true;
        const codes = s.slice(1).filter(Boolean);
        claim.diagnoses = codes.length;
        if (codes.length === 0 || codes.length > MAX_DIAGNOSES)
          err(where, `HI holds ${codes.length} diagnoses; an 837P carries 1 to ${MAX_DIAGNOSES}`);
        codes.forEach((c, k) => {
          const [q = '', code = ''] = c.split(component);
          const want = k === 0 ? ['ABK', 'BK'] : ['ABF', 'BF'];
          if (!want.includes(q) || !/^[A-Z0-9]{3,7}$/.test(code))
            err(
              `${where} HI${String(k + 1).padStart(2, '0')}`,
              `"${c.slice(0, 20)}" is not a ${want[0]} diagnosis`,
            );
        });
        break;
      }
      case 'LX':
        if (!claim) {
          err(where, 'LX outside a claim');
          break;
        }
        if (e(1) !== String(claim.lines.length + 1))
          err(
            `${where} LX01`,
            `LX01 is "${e(1)}"; service lines are numbered 1, 2, 3…: expected ${claim.lines.length + 1}`,
          );
        claim.lines.push({ where, charge: null, sv1: false, dtp: false });
        break;
      case 'SV1': {
        const l = claim?.lines.at(-1);
        if (!claim || !l || l.sv1) {
          err(where, 'SV1 without its LX');
          break;
        }
        l.sv1 = true;
        l.charge = readAmount(e(2));
        const [q = '', code = ''] = e(1).split(component);
        if (q !== 'HC' || !code)
          err(`${where} SV101`, `"${e(1).slice(0, 30)}" is not an HC procedure`);
        if (l.charge !== null && l.charge < 0)
          err(`${where} SV102`, 'SV102 (line charge) is negative');
        if (e(3) !== 'UN' && e(3) !== 'MJ') err(`${where} SV103`, `"${e(3)}" is not UN or MJ`);
        if (!isQuantity(e(4)) || Number(e(4)) === 0)
          err(`${where} SV104`, `"${e(4).slice(0, 20)}" is not a quantity`);
        const ptrs = e(7).split(component);
        const n = claim.diagnoses;
        if (
          ptrs.length > 4 ||
          ptrs.some((p) => !/^\d{1,2}$/.test(p) || Number(p) < 1 || Number(p) > n) ||
          new Set(ptrs).size !== ptrs.length
        )
          err(
            `${where} SV107`,
            `diagnosis pointers "${e(7).slice(0, 20)}" must be 1 to 4 different numbers from 1 to ${n} (the claim's diagnoses)`,
          );
        break;
      }
      case 'DTP': {
        const date = e(2) === 'RD8' ? /^(\d{8})-(\d{8})$/.exec(e(3)) : null;
        const ok =
          (e(2) === 'D8' && isX12Date(e(3))) ||
          (date !== null && isX12Date(date[1]!) && isX12Date(date[2]!) && date[1]! <= date[2]!);
        if (!ok) err(`${where} DTP03`, `"${e(3).slice(0, 20)}" is not a ${e(2) || 'D8'} date`);
        if (e(1) === '472') {
          const l = claim?.lines.at(-1);
          if (l) l.dtp = true;
        }
        break;
      }
      case 'SVD':
        if (!isQuantity(e(5) || '1'))
          err(`${where} SVD05`, `"${e(5).slice(0, 20)}" is not a quantity`);
        break;
      case 'AMT':
        if (readAmount(e(2)) === null)
          err(`${where} AMT02`, `"${e(2).slice(0, 20)}" is not an amount`);
        break;
    }
  }
  endLevel();
  if (first)
    err(
      segmentAt(Math.max(0, from - 1), segments[Math.max(0, from - 1)] ?? []),
      'the transaction set is empty',
    );
  for (const l of levels.values())
    if ((l.saysChild === '1') !== l.hasChild)
      err(
        `${l.where} HL04`,
        l.hasChild ? 'HL04 is 0 but a level below follows' : 'HL04 is 1 but no level below follows',
      );
}
