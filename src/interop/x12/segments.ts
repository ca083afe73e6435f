/**
 * ASC X12 5010 basics shared by the 837P and 835: delimiters read from the ISA, segments as
 * arrays of elements, the ISA/GS/ST envelope with correct control numbers and counts.
 * See: ASC X12 005010 Implementation Guides, Appendix B (envelopes, delimiters).
 */
import type { Problem, Result } from '../../domain/result';
import { cents, parseMoney, type Cents } from '../../domain/money';
import type { GroupCode } from '../../domain/payer/remittance/codes';

export interface Delimiters {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

export const DEFAULT_DELIMITERS: Delimiters = {
  element: '*',
  component: ':',
  repetition: '^',
  segment: '~',
};

/** One segment: [tag, e01, e02, …]. */
export type Segment = string[];

/** Makes free text safe inside an element: no delimiters, upper case, trimmed. */
export const text = (s: string, max = 60): string =>
  s
    .replace(/[*:^~\r\n|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase()
    .slice(0, max);

/** An identifier: delimiters removed, case kept (claim ids and member ids must round-trip). */
export const ident = (s: string, max = 50): string =>
  s
    .replace(/[*:^~\r\n|]/g, ' ')
    .trim()
    .slice(0, max);

/** Drops trailing empty elements, as X12 requires. */
function trimSeg(seg: Segment): Segment {
  let n = seg.length;
  while (n > 1 && seg[n - 1] === '') n--;
  return seg.slice(0, n);
}

export function serialize(
  segments: readonly Segment[],
  d: Delimiters = DEFAULT_DELIMITERS,
  newline = true,
): string {
  return (
    segments.map((s) => trimSeg(s).join(d.element) + d.segment).join(newline ? '\n' : '') +
    (newline ? '\n' : '')
  );
}

/** Splits X12 text into segments, reading the delimiters from the fixed-width ISA. */
export function tokenize(raw: string): Result<{ delimiters: Delimiters; segments: Segment[] }> {
  const s = raw.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (!s.startsWith('ISA') || s.length < 106)
    return {
      ok: false,
      errors: [
        {
          path: 'ISA',
          message: 'not an X12 interchange: it must start with a 106-character ISA segment',
        },
      ],
    };
  const element = s[3]!;
  const isa = s.slice(0, 106).split(element);
  if (isa.length !== 17)
    return {
      ok: false,
      errors: [{ path: 'ISA', message: `ISA must have 16 elements; found ${isa.length - 1}` }],
    };
  const d: Delimiters = { element, repetition: isa[11]!, component: s[104]!, segment: s[105]! };
  const segments = s
    .split(d.segment)
    .map((x) => x.replace(/^[\r\n]+|[\r\n]+$/g, ''))
    .filter((x) => x.length > 0)
    .map((x) => x.split(d.element));
  return { ok: true, value: { delimiters: d, segments } };
}

export interface EnvelopeOptions {
  senderId: string;
  receiverId: string;
  /** Interchange control number (ISA13/IEA02), 1–999999999. */
  controlNumber: number;
  /** yyyy-mm-dd and hhmm for ISA09/10 and GS04/05. */
  date: string;
  time: string;
  /** 'P' production or 'T' test (ISA15). */
  usage: 'P' | 'T';
}

const pad = (v: string, n: number) => text(v, n).padEnd(n, ' ');

/**
 * Wraps one transaction set (ST…SE content without ST/SE) in ST/SE, GS/GE and ISA/IEA.
 * SE01 counts every segment from ST to SE inclusive.
 */
export function envelope(
  body: readonly Segment[],
  o: EnvelopeOptions,
  gs: { functionalId: 'HC' | 'HP'; version: string; transactionSet: '837' | '835' },
): Segment[] {
  const ctl = String(o.controlNumber).padStart(9, '0');
  const ymd = o.date.replace(/-/g, '');
  const st: Segment = [
    'ST',
    gs.transactionSet,
    '0001',
    ...(gs.transactionSet === '837' ? [gs.version] : []),
  ];
  const se: Segment = ['SE', String(body.length + 2), '0001'];
  return [
    [
      'ISA',
      '00',
      pad('', 10),
      '00',
      pad('', 10),
      'ZZ',
      pad(o.senderId, 15),
      'ZZ',
      pad(o.receiverId, 15),
      ymd.slice(2),
      o.time,
      DEFAULT_DELIMITERS.repetition,
      '00501',
      ctl,
      '0',
      o.usage,
      DEFAULT_DELIMITERS.component,
    ],
    [
      'GS',
      gs.functionalId,
      text(o.senderId, 15),
      text(o.receiverId, 15),
      ymd,
      o.time,
      String(o.controlNumber),
      'X',
      gs.version,
    ],
    st,
    ...body,
    se,
    ['GE', '1', String(o.controlNumber)],
    ['IEA', '1', ctl],
  ];
}

/** X12 dates are CCYYMMDD; ours are ISO. */
export const x12Date = (iso: string) => iso.replace(/-/g, '');
export const isoDate = (d8: string) =>
  /^\d{8}$/.test(d8) ? `${d8.slice(0, 4)}-${d8.slice(4, 6)}-${d8.slice(6)}` : d8;

/** Money for X12: no trailing zeros needed, but we write two decimals for readability ("120.00" -> "120"). */
export const x12Amount = (cents: number): string => {
  const neg = cents < 0;
  const a = Math.abs(cents);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  const s =
    frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  return neg ? `-${s}` : s;
};

/** Checks SE01 against the real count and the control numbers of each envelope level. */
export function checkEnvelope(segments: readonly Segment[]): string[] {
  const problems: string[] = [];
  let stAt = -1;
  segments.forEach((s, i) => {
    if (s[0] === 'ST') stAt = i;
    if (s[0] === 'SE') {
      const n = i - stAt + 1;
      if (Number(s[1]) !== n) problems.push(`SE01 says ${s[1]} segments; the transaction has ${n}`);
      if (segments[stAt]?.[2] !== s[2]) problems.push('SE02 does not match ST02');
    }
  });
  const isa = segments.find((s) => s[0] === 'ISA');
  const iea = segments.find((s) => s[0] === 'IEA');
  if (isa && iea && isa[13] !== iea[2]) problems.push('IEA02 does not match ISA13');
  const gsSeg = segments.find((s) => s[0] === 'GS');
  const ge = segments.find((s) => s[0] === 'GE');
  if (gsSeg && ge && gsSeg[6] !== ge[2]) problems.push('GE02 does not match GS06');
  return problems;
}

/** CAS segments: one group at a time in order of first appearance, up to 6 reason/amount/quantity
 * triples each. See: X12 005010X221A1 and X222A1 CAS (claim adjustment). */
export function casSegments(
  adjs: readonly { group: string; carc: string; amount: number }[],
): Segment[] {
  const out: Segment[] = [];
  for (const g of [...new Set(adjs.map((a) => a.group))]) {
    const list = adjs.filter((a) => a.group === g);
    for (let k = 0; k < list.length; k += 6)
      out.push([
        'CAS',
        g,
        ...list.slice(k, k + 6).flatMap((a) => [a.carc, x12Amount(a.amount), '']),
      ]);
  }
  return out;
}

/** NM1 for a person identified by member id (837P 2010BA/2330A `IL`, 835 2100 `QC`). */
export function personName(
  entity: 'IL' | 'QC',
  p: { lastName?: string | undefined; firstName?: string | undefined },
  memberId: string | null | undefined,
): Segment {
  return [
    'NM1',
    entity,
    '1',
    ident(p.lastName ?? 'PATIENT', 60),
    ident(p.firstName ?? '', 35),
    '',
    '',
    '',
    'MI',
    ident(memberId ?? '', 80),
  ];
}

/**
 * Reads one CAS segment (claim adjustment: group, then reason/amount/quantity triples), reporting
 * a bad group (CAS01) or amount (CAS03, CAS06…) at `where`. With a bad group nothing is returned.
 */
export function readCas(
  s: Segment,
  where: string,
  errors: Problem[],
  /** An empty amount reads as 0 (the 835 reader) instead of being reported (the 837P reader). */
  emptyIsZero = false,
): { group: GroupCode; carc: string; amount: Cents }[] {
  const g = s[1] ?? '';
  const ok = g === 'CO' || g === 'PR' || g === 'OA' || g === 'PI';
  if (!ok)
    errors.push({ path: `${where} CAS01`, message: `group code "${g}" is not CO, PR, OA or PI` });
  const out: { group: GroupCode; carc: string; amount: Cents }[] = [];
  for (let k = 2; k < s.length; k += 3) {
    if (!s[k]) continue;
    const raw = s[k + 1] ?? '';
    const amount = parseMoney(raw === '' && emptyIsZero ? '0' : raw);
    if (amount === null)
      errors.push({
        path: `${where} CAS${String(k + 1).padStart(2, '0')}`,
        message: `"${raw}" is not an amount`,
      });
    out.push({ group: g as GroupCode, carc: s[k]!, amount: amount ?? cents(0) });
  }
  return ok ? out : [];
}
