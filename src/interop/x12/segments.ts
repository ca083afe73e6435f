/**
 * ASC X12 5010 basics shared by the 837P and 835: delimiters read from the ISA, segments as
 * arrays of elements, the ISA/GS/ST envelope with correct control numbers and counts.
 * See: ASC X12 005010 Implementation Guides, Appendix B (envelopes, delimiters).
 */
import type { Problem, Result } from '../../domain/result';
import { cents, type Cents } from '../../domain/money';
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

/** Where a segment is, as every reader reports it: "segment 12 (CLP)". */
export const segmentAt = (i: number, s: Segment): string => `segment ${i + 1} (${s[0] ?? ''})`;

/**
 * ISA element widths: the ISA is fixed width (106 characters with its terminator), which is how
 * a reader finds the delimiters. See: X12 005010 Appendix B.1.1.2.3 (ISA), B.1.1.2.4.
 */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;
const ISA_FORMATS: Record<number, [RegExp, string]> = {
  9: [/^\d{6}$/, 'a YYMMDD date'],
  10: [/^\d{4}$/, 'an HHMM time'],
  12: [/^\d{5}$/, 'a 5-digit version'],
  13: [/^\d{9}$/, 'a 9-digit control number'],
  14: [/^[01]$/, '0 or 1'],
  15: [/^[PT]$/, 'P or T'],
};

/**
 * Characters no X12 element may hold: controls, the byte-order mark, the non-breaking space and
 * the other invisible Unicode spaces, and U+FFFD (bytes that were not valid UTF-8) (an amount with one would read as a different number, or
 * not at all, depending on the reader). See: X12 005010 Appendix B.1.1.2.1 (character sets).
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u001F\u007F-\u009F\u00A0\u1680\u2000-\u200F\u2028\u2029\u202F\u205F\u3000\uFEFF\uFFFD]/;
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

const fail = (path: string, message: string) => ({
  ok: false as const,
  errors: [{ path, message }],
});

/** Reads the ISA: its fixed widths and formats, and the four delimiters it defines. */
function readIsa(s: string): Result<Delimiters> {
  if (!s.startsWith('ISA') || s.length < 106)
    return fail('ISA', 'not an X12 interchange: it must start with a 106-character ISA segment');
  const element = s[3]!;
  const isa = s.slice(0, 105).split(element);
  if (isa.length !== 17) return fail('ISA', `ISA must have 16 elements; found ${isa.length - 1}`);
  const errors: Problem[] = [];
  ISA_WIDTHS.forEach((w, k) => {
    const v = isa[k + 1]!;
    const name = `ISA${String(k + 1).padStart(2, '0')}`;
    if (v.length !== w)
      errors.push({
        path: `segment 1 (ISA) ${name}`,
        message: `${name} must be ${w} characters wide (the ISA is fixed width); found ${v.length}`,
      });
    else if (ISA_FORMATS[k + 1] && !ISA_FORMATS[k + 1]![0].test(v))
      errors.push({
        path: `segment 1 (ISA) ${name}`,
        message: `${name} "${v}" is not ${ISA_FORMATS[k + 1]![1]}`,
      });
  });
  const d: Delimiters = { element, repetition: isa[11]!, component: s[104]!, segment: s[105]! };
  const chars = [d.element, d.repetition, d.component, d.segment];
  if (new Set(chars).size !== 4 || chars.some((c) => /[A-Za-z0-9 ]/.test(c)))
    errors.push({
      path: 'segment 1 (ISA)',
      message: `the delimiters (element "${d.element}", repetition "${d.repetition}", component "${d.component}", segment "${d.segment}") must be four different characters, none a letter, digit or space`,
    });
  return errors.length ? { ok: false, errors } : { ok: true, value: d };
}

/**
 * Splits X12 text into segments, reading the delimiters from the fixed-width ISA. Refuses what a
 * translator would: a malformed ISA, a segment id that is not one, a character outside the X12
 * set, an empty segment, and text after the last segment terminator (a file cut inside a
 * segment, or trailing data). A byte-order mark or whitespace before the ISA is tolerated.
 */
export function tokenize(raw: string): Result<{ delimiters: Delimiters; segments: Segment[] }> {
  const s = raw.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  const isa = readIsa(s);
  if (!isa.ok) return isa;
  const d = isa.value;
  const pieces = s.split(d.segment).map((x) => x.replace(/^[\r\n]+|[\r\n]+$/g, ''));
  const rest = pieces.pop() ?? '';
  const errors: Problem[] = [];
  const segments: Segment[] = [];
  for (const piece of pieces) {
    const where = `segment ${segments.length + 1}`;
    if (piece.length === 0) {
      errors.push({ path: `after ${where}`, message: 'empty segment (two terminators in a row)' });
      continue;
    }
    const seg = piece.split(d.element);
    const id = seg[0]!;
    const at = `${where} (${id.slice(0, 3)})`;
    if (!SEGMENT_ID.test(id))
      errors.push({ path: at, message: `"${id.slice(0, 20)}" is not a segment id` });
    const bad = FORBIDDEN.exec(piece);
    if (bad)
      errors.push({
        path: at,
        message: `holds the character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which is not in the X12 character set`,
      });
    segments.push(seg);
  }
  if (rest.trim() !== '')
    errors.push({
      path: `after segment ${segments.length} (${segments.at(-1)?.[0] ?? ''})`,
      message: `text after the last segment terminator ("${rest.trim().slice(0, 20)}"): the file is cut inside a segment or has trailing data`,
    });
  return errors.length ? { ok: false, errors } : { ok: true, value: { delimiters: d, segments } };
}

/** At most this many problems are listed for one file; the rest are counted in a last one. */
export const MAX_PROBLEMS = 50;

export function limitProblems(errors: Problem[], file: string): Problem[] {
  if (errors.length <= MAX_PROBLEMS) return errors;
  return [
    ...errors.slice(0, MAX_PROBLEMS),
    { path: file, message: `… and ${errors.length - MAX_PROBLEMS} more problems` },
  ];
}

/** X12 R (decimal) amounts in whole cents: digits, an optional leading minus, up to two decimals. */
const X12_AMOUNT = /^-?(?:\d{1,12}(?:\.\d{1,2})?|\.\d{1,2})$/;

/**
 * Reads an amount element strictly (no spaces, no currency sign, no thousands separator, at most
 * two decimals), so that what we read is what any X12 translator reads. See: X12 005010 Appendix
 * B.1.1.3.1.4 (R, decimal numeric).
 */
export function readAmount(raw: string): Cents | null {
  if (!X12_AMOUNT.test(raw)) return null;
  const neg = raw.startsWith('-');
  const [whole = '', frac = ''] = (neg ? raw.slice(1) : raw).split('.');
  const v = Number(whole || '0') * 100 + Number(frac.padEnd(2, '0'));
  return cents(neg && v !== 0 ? -v : v);
}

/** Why an amount element could not be read, for messages. */
export const notAnAmount = (raw: string) =>
  `"${raw.slice(0, 20)}" is not an X12 amount (digits, an optional leading minus, up to two decimals)`;

/** Positive X12 quantities (units, counts): R format without a sign. */
export const isQuantity = (raw: string) => /^(?:\d{1,10}(?:\.\d{1,3})?|\.\d{1,3})$/.test(raw);

/** A valid CCYYMMDD date. */
export function isX12Date(d8: string): boolean {
  if (!/^\d{8}$/.test(d8)) return false;
  const y = Number(d8.slice(0, 4));
  const m = Number(d8.slice(4, 6));
  const day = Number(d8.slice(6));
  const dt = new Date(Date.UTC(y, m - 1, day));
  return y >= 1800 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === day;
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
 * a bad group (CAS01), a reason without an amount or an amount without a reason, a bad amount
 * (CAS03, CAS06…) or quantity at `where`. With a bad group nothing is returned.
 * See: X12 005010X221A1 and X222A1 CAS (CAS02/03 required, each later triple paired).
 */
export function readCas(
  s: Segment,
  where: string,
  errors: Problem[],
): { group: GroupCode; carc: string; amount: Cents }[] {
  const g = s[1] ?? '';
  const ok = g === 'CO' || g === 'PR' || g === 'OA' || g === 'PI';
  if (!ok)
    errors.push({ path: `${where} CAS01`, message: `group code "${g}" is not CO, PR, OA or PI` });
  const out: { group: GroupCode; carc: string; amount: Cents }[] = [];
  const name = (n: number) => `${where} CAS${String(n).padStart(2, '0')}`;
  if (!s[2]) errors.push({ path: name(2), message: 'CAS has no reason code (CAS02)' });
  if (s.length > 20)
    errors.push({ path: where, message: 'CAS holds at most 6 reason/amount/quantity triples' });
  for (let k = 2; k < s.length; k += 3) {
    const raw = s[k + 1] ?? '';
    if (!s[k]) {
      if (raw !== '' || (s[k + 2] ?? '') !== '')
        errors.push({ path: name(k), message: `amount "${raw}" has no reason code` });
      continue;
    }
    if (!/^[A-Z0-9]{1,5}$/.test(s[k]!))
      errors.push({ path: name(k), message: `"${s[k]!.slice(0, 20)}" is not a reason code` });
    const amount = readAmount(raw);
    if (amount === null)
      errors.push({
        path: name(k + 1),
        message: raw === '' ? `reason ${s[k]} has no amount` : notAnAmount(raw),
      });
    const qty = s[k + 2] ?? '';
    if (qty !== '' && !isQuantity(qty))
      errors.push({ path: name(k + 2), message: `"${qty.slice(0, 20)}" is not a quantity` });
    out.push({ group: g as GroupCode, carc: s[k]!, amount: amount ?? cents(0) });
  }
  return ok ? out : [];
}
