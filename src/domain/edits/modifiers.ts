/**
 * Modifiers: `modifier.invalid` (unknown on the date of service, not valid for the kind of
 * code, or contradicting another modifier on the line) and `modifier.missing` (a service
 * that needs RT/LT or 50). A PTP pair without its bypass modifier is reported by ncci.ts.
 * See: CMS Pub. 100-04 ch. 12 §40.7 (bilateral), §30.6.6 (modifier 25); NCCI Policy Manual
 * ch. I §E.1; HCPCS Level II modifier list; CARC 4 (modifier inconsistent or missing), 182.
 */
import type { Claim, ClaimLine } from '../claim/claim';
import type { CodeCatalog, ModifierEntry } from '../codes/catalog';
import { isIsoDate } from '../time/dates';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding, lineDate } from './finding-kit';
import { FindingMemo } from './finding-memo';
import {
  LATERALITY_REQUIRED,
  MODIFIER_CONFLICTS,
  MODIFIER_FITS,
  SIDE_NAMING,
} from './modifier-rules';

const REF_LIST =
  'CMS HCPCS Level II modifier list / CPT Appendix A, valid on the date of service; CARC 182';

/**
 * The catalog's modifier entry on a date, memoised per catalog: the same few modifiers are
 * looked up on the same dates line after line (issue 11). Entries are read only.
 */
const modifierMemo = new WeakMap<CodeCatalog, Map<string, Map<string, ModifierEntry | null>>>();
function modifierOn(catalog: CodeCatalog, m: string, date: string): ModifierEntry | undefined {
  let byCode = modifierMemo.get(catalog);
  if (!byCode) modifierMemo.set(catalog, (byCode = new Map()));
  let byDate = byCode.get(m);
  if (!byDate) {
    if (byCode.size >= 2_000) byCode.clear();
    byCode.set(m, (byDate = new Map()));
  }
  let e = byDate.get(date);
  if (e === undefined) {
    if (byDate.size >= 2_000) byDate.clear();
    byDate.set(date, (e = catalog.modifier(m, date) ?? null));
  }
  return e ?? undefined;
}

export function modifierEdits(claim: Claim, ctx: EditContext): Finding[] {
  const out: Finding[] = [];
  let memo = lineMemos.get(ctx.catalog);
  if (!memo) lineMemos.set(ctx.catalog, (memo = new FindingMemo()));
  claim.lines.forEach((l, i) => {
    const date = lineDate(claim.serviceDate, l.serviceDate);
    if (!l.code || !isIsoDate(date)) return;
    // A line's findings read its place, code, date and modifiers only: memoised by them.
    const at = memo.lineKey(i, l.code, date, l.modifiers);
    const found = memo.shared(at, () => lineFindings(l, i, date, ctx.catalog));
    for (let k = 0; k < found.length; k++) out.push(found[k]!);
  });
  return out;
}

const lineMemos = new WeakMap<CodeCatalog, FindingMemo>();

/** The modifier findings of line `i` (its code and date checked by the caller). */
function lineFindings(l: ClaimLine, i: number, date: string, catalog: CodeCatalog): Finding[] {
  const out: Finding[] = [];
  const n = i + 1;
  l.modifiers.forEach((m, j) => {
    const field = { field: `lines[${i}].modifiers[${j}]` };
    const e = modifierOn(catalog, m, date);
    const inRange =
      e && (!e.effective || e.effective <= date) && (!e.terminated || date <= e.terminated);
    if (!e || !inRange) {
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, m],
          `Modifier ${m} on line ${n} is not a valid modifier on the date of service ${date}${e?.terminated ? ` (ended ${e.terminated})` : ''}.`,
          REF_LIST,
          field,
        ),
      );
      return;
    }
    const fit = MODIFIER_FITS.find((f) => f.modifiers.includes(m));
    if (fit && !fit.fits(l.code))
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, m],
          `Modifier ${m} belongs on ${fit.needs}, not on ${l.code} (line ${n}).`,
          `${fit.source}; CARC 4`,
          { ...field, suggestion: `Remove ${m} from ${l.code}` },
        ),
      );
    if (l.modifiers.indexOf(m) !== j)
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, m],
          `Modifier ${m} appears twice on line ${n}.`,
          'NUCC 1500 item 24D (up to 4 different modifiers); CARC 4',
          field,
        ),
      );
  });
  if (l.modifiers.length > 0)
    for (const c of MODIFIER_CONFLICTS) {
      if (c.pair.every((m) => l.modifiers.includes(m)))
        out.push(
          finding(
            'modifier.invalid',
            'error',
            n,
            [l.code, ...c.pair],
            `Modifiers ${c.pair.join(' and ')} contradict each other on line ${n}: ${c.why}.`,
            `${c.source}; CARC 4`,
            { field: `lines[${i}].modifiers` },
          ),
        );
    }
  const lat = LATERALITY_REQUIRED.find((r) => r.codes.includes(l.code) && r.effective <= date);
  if (
    lat &&
    !l.modifiers.some((m) => m === 'RT' || m === 'LT' || m === '50' || SIDE_NAMING.test(m))
  )
    out.push(
      finding(
        'modifier.missing',
        'error',
        n,
        [l.code],
        `${l.code} (line ${n}) is performed on one side: the claim must say which, with RT or LT, or 50 when both sides were done.`,
        `${lat.source}; CARC 4`,
        {
          field: `lines[${i}].modifiers`,
          suggestion: `Append RT, LT or 50 to ${l.code} as documented`,
        },
      ),
    );
  return out;
}
