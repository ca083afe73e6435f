/**
 * The X12 envelope as a grammar: interchange := ISA group+ IEA, group := GS transaction+ GE,
 * transaction := ST … SE. Every count and control number is checked: SE01 (segments from ST to SE
 * inclusive), SE02 = ST02, GE01 (transaction sets in the group), GE02 = GS06, IEA01 (groups in the
 * interchange), IEA02 = ISA13, and control numbers are unique where the standard requires it.
 * A missing trailer means the file is cut short. The readers then read each transaction set.
 * See: X12 005010 Appendix B.1.1.4 (control structures); 005010X221A1 and X222A1 Appendix C.
 */
import type { Problem } from '../../domain/result';
import { segmentAt, type Segment } from './segments';

/** One transaction set: ST at `start`, SE at `end` (or the segment before what cut it short). */
export interface TransactionSpan {
  start: number;
  end: number;
  /** Its SE was found. */
  closed: boolean;
  /** The GS of its functional group (GS01 functional id, GS08 version) and its position (-1: none). */
  group: Segment;
  groupAt: number;
}

const COUNT = /^\d{1,10}$/;
const ENVELOPE = new Set(['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA']);

/** An open envelope level (ISA, GS or ST) waiting for its trailer. */
interface Open {
  i: number;
  seg: Segment;
  /** Groups in an interchange, transaction sets in a group. */
  children: number;
  /** Control numbers of the children already seen (GS06 per interchange, ST02 per group). */
  controls: Set<string>;
}

/** The walk through the envelope: the levels open, what was found, what is wrong. */
interface Walk {
  errors: Problem[];
  transactions: TransactionSpan[];
  isa: Open | null;
  gs: Open | null;
  st: Open | null;
  /** A body segment outside ST…SE was reported since the last envelope segment. */
  strayReported: boolean;
}

const open = (i: number, seg: Segment): Open => ({ i, seg, children: 0, controls: new Set() });
const fault = (w: Walk, path: string, message: string) => w.errors.push({ path, message });

/** A transaction set, group or interchange still open when something else begins: cut short. */
function closeSt(w: Walk, i: number, cause: string): void {
  if (!w.st) return;
  fault(
    w,
    segmentAt(w.st.i, w.st.seg),
    `transaction set has no SE (${cause}): the file is cut short`,
  );
  w.transactions.push({
    start: w.st.i,
    end: i - 1,
    closed: false,
    group: w.gs?.seg ?? [],
    groupAt: w.gs?.i ?? -1,
  });
  w.st = null;
}
function closeGs(w: Walk, cause: string): void {
  if (!w.gs) return;
  fault(
    w,
    segmentAt(w.gs.i, w.gs.seg),
    `functional group has no GE (${cause}): the file is cut short`,
  );
  w.gs = null;
}
function closeIsa(w: Walk, cause: string): void {
  if (!w.isa) return;
  fault(
    w,
    segmentAt(w.isa.i, w.isa.seg),
    `interchange has no IEA (${cause}): the file is cut short`,
  );
  w.isa = null;
}

/** A trailer's count (SE01, GE01, IEA01) against what was found. */
function checkCount(
  w: Walk,
  where: string,
  name: string,
  raw: string | undefined,
  actual: number,
  what: string,
): void {
  if (!COUNT.test(raw ?? '') || Number(raw) !== actual)
    fault(
      w,
      `${where} ${name}`,
      `${name} says ${raw || '(nothing)'} ${what} but there ${actual === 1 ? 'is' : 'are'} ${actual}: segments are missing or extra`,
    );
}

/** A header's control number (GS06, ST02): well formed and unique within its parent. */
function checkControl(
  w: Walk,
  parent: Open | null,
  where: string,
  name: string,
  raw: string,
  ok: RegExp,
  what: string,
): void {
  if (!ok.test(raw)) fault(w, `${where} ${name}`, `${name} "${raw}" is not a control number`);
  if (!parent) return;
  parent.children++;
  if (parent.controls.has(raw))
    fault(w, `${where} ${name}`, `${what} control number ${raw} is used twice`);
  parent.controls.add(raw);
}

/** A trailer's control number (SE02, GE02, IEA02) against its header's. */
function checkMatch(
  w: Walk,
  where: string,
  name: string,
  raw: string | undefined,
  header: string,
  expected: string | undefined,
): void {
  if (raw !== expected)
    fault(
      w,
      `${where} ${name}`,
      `${name} "${raw ?? ''}" does not match ${header} "${expected ?? ''}"`,
    );
}

function readHeaderSegment(w: Walk, s: Segment, i: number, where: string): void {
  const follows = `${where} follows`;
  closeSt(w, i, follows);
  if (s[0] === 'ISA') {
    closeGs(w, follows);
    closeIsa(w, follows);
    w.isa = open(i, s);
  } else if (s[0] === 'GS') {
    closeGs(w, follows);
    if (!w.isa) fault(w, where, 'GS outside an interchange: no ISA before it');
    checkControl(w, w.isa, where, 'GS06', s[6] ?? '', /^\d{1,9}$/, 'group');
    w.gs = open(i, s);
  } else {
    if (!w.gs) fault(w, where, 'ST outside a functional group: no GS before it');
    checkControl(w, w.gs, where, 'ST02', s[2] ?? '', /^[A-Za-z0-9]{4,9}$/, 'transaction set');
    w.st = open(i, s);
  }
}

function readTrailerSegment(w: Walk, s: Segment, i: number, where: string): void {
  const tag = s[0]!;
  if (tag !== 'SE') closeSt(w, i, `${where} follows`);
  if (tag === 'IEA') closeGs(w, `${where} follows`);
  const header = tag === 'SE' ? w.st : tag === 'GE' ? w.gs : w.isa;
  if (!header) {
    fault(
      w,
      where,
      `${tag} without ${tag === 'SE' ? 'an ST' : tag === 'GE' ? 'a GS' : 'an ISA'} before it`,
    );
    return;
  }
  if (tag === 'SE') {
    checkCount(w, where, 'SE01', s[1], i - header.i + 1, 'segments');
    checkMatch(w, where, 'SE02', s[2], 'ST02', header.seg[2]);
    w.transactions.push({
      start: header.i,
      end: i,
      closed: true,
      group: w.gs?.seg ?? [],
      groupAt: w.gs?.i ?? -1,
    });
    w.st = null;
  } else if (tag === 'GE') {
    checkCount(w, where, 'GE01', s[1], header.children, 'transaction sets');
    checkMatch(w, where, 'GE02', s[2], 'GS06', header.seg[6]);
    w.gs = null;
  } else {
    checkCount(w, where, 'IEA01', s[1], header.children, 'functional groups');
    checkMatch(w, where, 'IEA02', s[2], 'ISA13', header.seg[13]);
    w.isa = null;
  }
}

/** Walks the envelope, collecting every problem and the transaction sets it holds. */
export function readEnvelope(segments: readonly Segment[]): {
  errors: Problem[];
  transactions: TransactionSpan[];
} {
  const w: Walk = {
    errors: [],
    transactions: [],
    isa: null,
    gs: null,
    st: null,
    strayReported: false,
  };
  segments.forEach((s, i) => {
    const tag = s[0]!;
    const where = segmentAt(i, s);
    if (ENVELOPE.has(tag)) w.strayReported = false;
    if (tag === 'ISA' || tag === 'GS' || tag === 'ST') readHeaderSegment(w, s, i, where);
    else if (tag === 'SE' || tag === 'GE' || tag === 'IEA') readTrailerSegment(w, s, i, where);
    else if (!w.st && !w.strayReported) {
      w.strayReported = true;
      fault(
        w,
        where,
        w.gs
          ? `${tag} outside a transaction set: no ST before it (the ST is missing?)`
          : `${tag} outside a transaction set and functional group (ST and GS missing?)`,
      );
    }
  });
  closeSt(w, segments.length, 'end of file');
  closeGs(w, 'end of file');
  closeIsa(w, 'end of file');
  return { errors: w.errors, transactions: w.transactions };
}

/** The envelope's problems as text (none for a sound envelope): what the writers' tests check. */
export const checkEnvelope = (segments: readonly Segment[]): string[] =>
  readEnvelope(segments).errors.map((e) => `${e.path}: ${e.message}`);
