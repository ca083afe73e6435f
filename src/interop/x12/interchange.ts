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

interface Open {
  i: number;
  seg: Segment;
  /** Groups in an interchange, transaction sets in a group. */
  children: number;
  /** Control numbers of the children already seen (GS06 per interchange, ST02 per group). */
  controls: Set<string>;
}

/** Walks the envelope, collecting every problem and the transaction sets it holds. */
export function readEnvelope(segments: readonly Segment[]): {
  errors: Problem[];
  transactions: TransactionSpan[];
} {
  const errors: Problem[] = [];
  const transactions: TransactionSpan[] = [];
  let isa: Open | null = null;
  let gs: Open | null = null;
  let st: Open | null = null;
  /** A body segment outside ST…SE was reported since the last envelope segment. */
  let strayReported = false;
  const err = (path: string, message: string) => errors.push({ path, message });
  const open = (i: number, seg: Segment): Open => ({ i, seg, children: 0, controls: new Set() });

  const closeSt = (i: number, cause: string) => {
    if (!st) return;
    err(segmentAt(st.i, st.seg), `transaction set has no SE (${cause}): the file is cut short`);
    transactions.push({
      start: st.i,
      end: i - 1,
      closed: false,
      group: gs?.seg ?? [],
      groupAt: gs?.i ?? -1,
    });
    st = null;
  };
  const closeGs = (cause: string) => {
    if (!gs) return;
    err(segmentAt(gs.i, gs.seg), `functional group has no GE (${cause}): the file is cut short`);
    gs = null;
  };
  const closeIsa = (cause: string) => {
    if (!isa) return;
    err(segmentAt(isa.i, isa.seg), `interchange has no IEA (${cause}): the file is cut short`);
    isa = null;
  };
  const count = (
    where: string,
    name: string,
    raw: string | undefined,
    actual: number,
    what: string,
  ) => {
    if (!COUNT.test(raw ?? '') || Number(raw) !== actual)
      err(
        `${where} ${name}`,
        `${name} says ${raw || '(nothing)'} ${what} but there ${actual === 1 ? 'is' : 'are'} ${actual}: segments are missing or extra`,
      );
  };
  const control = (where: string, name: string, raw: string | undefined, ok: RegExp) => {
    if (!ok.test(raw ?? ''))
      err(`${where} ${name}`, `${name} "${raw ?? ''}" is not a control number`);
  };

  segments.forEach((s, i) => {
    const tag = s[0]!;
    const where = segmentAt(i, s);
    if (ENVELOPE.has(tag)) strayReported = false;
    switch (tag) {
      case 'ISA':
        closeSt(i, `${where} follows`);
        closeGs(`${where} follows`);
        closeIsa(`${where} follows`);
        isa = open(i, s);
        break;
      case 'GS':
        closeSt(i, `${where} follows`);
        closeGs(`${where} follows`);
        if (!isa) err(where, 'GS outside an interchange: no ISA before it');
        control(where, 'GS06', s[6], /^\d{1,9}$/);
        if (isa) {
          isa.children++;
          if (isa.controls.has(s[6] ?? ''))
            err(`${where} GS06`, `group control number ${s[6]} is used twice in the interchange`);
          isa.controls.add(s[6] ?? '');
        }
        gs = open(i, s);
        break;
      case 'ST':
        closeSt(i, `${where} follows`);
        if (!gs) err(where, 'ST outside a functional group: no GS before it');
        control(where, 'ST02', s[2], /^[A-Za-z0-9]{4,9}$/);
        if (gs) {
          gs.children++;
          if (gs.controls.has(s[2] ?? ''))
            err(
              `${where} ST02`,
              `transaction set control number ${s[2]} is used twice in the group`,
            );
          gs.controls.add(s[2] ?? '');
        }
        st = open(i, s);
        break;
      case 'SE':
        if (!st) {
          err(where, 'SE without an ST before it');
          break;
        }
        count(where, 'SE01', s[1], i - st.i + 1, 'segments');
        if (s[2] !== st.seg[2])
          err(`${where} SE02`, `SE02 "${s[2] ?? ''}" does not match ST02 "${st.seg[2] ?? ''}"`);
        transactions.push({
          start: st.i,
          end: i,
          closed: true,
          group: gs?.seg ?? [],
          groupAt: gs?.i ?? -1,
        });
        st = null;
        break;
      case 'GE':
        closeSt(i, `${where} follows`);
        if (!gs) {
          err(where, 'GE without a GS before it');
          break;
        }
        count(where, 'GE01', s[1], gs.children, 'transaction sets');
        if (s[2] !== gs.seg[6])
          err(`${where} GE02`, `GE02 "${s[2] ?? ''}" does not match GS06 "${gs.seg[6] ?? ''}"`);
        gs = null;
        break;
      case 'IEA':
        closeSt(i, `${where} follows`);
        closeGs(`${where} follows`);
        if (!isa) {
          err(where, 'IEA without an ISA before it');
          break;
        }
        count(where, 'IEA01', s[1], isa.children, 'functional groups');
        if (s[2] !== isa.seg[13])
          err(
            `${where} IEA02`,
            `IEA02 "${s[2] ?? ''}" does not match ISA13 "${isa.seg[13] ?? ''}"`,
          );
        isa = null;
        break;
      default:
        if (!st && !strayReported) {
          strayReported = true;
          err(
            where,
            gs
              ? `${tag} outside a transaction set: no ST before it (the ST is missing?)`
              : `${tag} outside a transaction set and functional group (ST and GS missing?)`,
          );
        }
    }
  });
  closeSt(segments.length, 'end of file');
  closeGs('end of file');
  closeIsa('end of file');
  return { errors, transactions };
}
