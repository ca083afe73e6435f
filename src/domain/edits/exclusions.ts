/**
 * Services the payer does not cover at all: `coverage.statutory-exclusion` (excluded from
 * Medicare by law: the patient's liability, PR-96 + N425, no ABN needed) and
 * `coverage.plan-exclusion` (a plan's own excluded benefit, e.g. PR-204). The scrubber
 * (`claimlab check`, the app's Scrub) and `adjudicate` get these findings from the same call
 * (payer/checks.ts `payerChecks`) and on the same facts `adjudicate` denies on: the payer
 * profile's `exclusions` (data, each with its source), then, for Medicare, a PFS status N code
 * that no pack table prices (payer/adjudicate.ts `statutorilyExcluded`). Warnings: the claim
 * is right to send (a denial may be wanted for a secondary payer); the line will be denied.
 * See: SSA §1862(a)(7) (routine physical checkups) and §1862(a) generally; 42 CFR 411.15;
 * Pub. 100-04 ch. 30 §20.1 (statutory exclusions: beneficiary liable, ABN optional) and ch. 1
 * §60 (modifier GY: statutorily excluded); CMS RVU file read-me, status N; CARC 96, 204; RARC N425.
 */
import type { Claim, ClaimLine } from '../claim/claim';
import type { Finding } from '../findings';
import type { FeeSources } from '../payer/pricing/fees';
import { finding, lineDate } from './finding-kit';
import { FindingMemo } from './finding-memo';
import { inEffect } from './policy-types';
import { rulesNaming } from './rules-naming';

/** A payer profile's exclusion (profile.ts `exclusions`), as the edit reads it. */
export interface ExclusionRule {
  procedures: readonly string[];
  group: 'PR' | 'CO';
  carc: string;
  remarks: readonly string[];
  /** Modifiers that take a line out of the exclusion (profile.ts `exclusions`). */
  unlessModifiers?: readonly string[] | undefined;
  title?: string | undefined;
  source: string;
  effective: string | null;
  terminated: string | null;
}

export interface ExclusionPolicy {
  name: string;
  /** 'medicare' adds the PFS status N rule. */
  kind: string;
  exclusions: readonly ExclusionRule[];
}

/** Whether a code is one of the procedures (codes or "FROM-TO" ranges of equal length). */
function listed(procedures: readonly string[], code: string): boolean {
  const c = code.toUpperCase();
  return procedures.some((p) => {
    const dash = p.indexOf('-');
    if (dash < 0) return p === c;
    const from = p.slice(0, dash);
    return c.length === from.length && c >= from && c <= p.slice(dash + 1);
  });
}

/** The exclusions that list a code, in the profile's order (found once per list and code). */
const exclusionsNaming = rulesNaming<ExclusionRule>((e, code) => listed(e.procedures, code));

const REF_STATUTE =
  'SSA §1862(a); 42 CFR 411.15; Pub. 100-04 ch. 30 §20.1 (statutory exclusions: the beneficiary is liable, no ABN needed) and ch. 1 §60 (modifier GY)';

/**
 * The Medicare status N rule as `adjudicate` applies it: the imported MPFS marks the code N
 * (not covered by Medicare) and the pack's national table does not price it. Undefined when
 * no MPFS is loaded (then only the profile's exclusions apply, as in `adjudicate`).
 */
export function statusNFrom(
  fees: Pick<FeeSources, 'mpfs' | 'medicareTable'> | undefined,
): StatusN | undefined {
  const mpfs = fees?.mpfs;
  if (!mpfs) return undefined;
  const table = fees.medicareTable;
  const statusN = (code: string) => mpfs.rvu(code, '')?.status === 'N' && !table?.get(code);
  // Carried on the same predicate so every caller of the payer checks gets it unchanged.
  return Object.assign(statusN, {
    statusI: (code: string) => mpfs.rvu(code, '')?.status === 'I' && !table?.get(code),
  });
}

/**
 * The Medicare status N rule (a call), with the status I rule beside it (`statusI`: the MPFS
 * marks the code "not valid for Medicare purposes", edits/medicare-codes.ts) when an MPFS is on
 * hand: both as `adjudicate` applies them.
 */
export type StatusN = ((code: string) => boolean) & {
  readonly statusI?: ((code: string) => boolean) | undefined;
};

export function exclusionFindings(claim: Claim, p: ExclusionPolicy, statusN?: StatusN): Finding[] {
  const out: Finding[] = [];
  let byStatusN = lineMemos.get(p);
  if (!byStatusN) lineMemos.set(p, (byStatusN = new WeakMap()));
  const key = statusN ?? lineMemos;
  let memo = byStatusN.get(key);
  if (!memo) byStatusN.set(key, (memo = new FindingMemo()));
  claim.lines.forEach((l, i) => {
    if (!l.code) return;
    const date = lineDate(claim.serviceDate, l.serviceDate);
    // A line's findings read its place, code, date and modifiers only: memoised by them.
    const at = memo.lineKey(i, l.code, date, l.modifiers);
    const found = memo.shared(at, () => lineExclusion(l, i, date, p, statusN));
    for (let k = 0; k < found.length; k++) out.push(found[k]!);
  });
  return out;
}

const lineMemos = new WeakMap<object, WeakMap<object, FindingMemo>>();

/** The exclusion finding of line `i` (none or one). */
function lineExclusion(
  l: ClaimLine,
  i: number,
  date: string,
  p: ExclusionPolicy,
  statusN: StatusN | undefined,
): Finding[] {
  const out: Finding[] = [];
  const rule = exclusionsNaming(p.exclusions, l.code).find(
    (e) => inEffect(e, date) && !e.unlessModifiers?.some((m) => l.modifiers.includes(m)),
  );
  const medicare = p.kind === 'medicare';
  const byStatus = !rule && medicare && !!statusN?.(l.code);
  if (!rule && !byStatus) return out;
  const group = rule?.group ?? 'PR';
  const carc = rule?.carc ?? '96';
  const remarks = rule ? [...rule.remarks] : ['N425'];
  const statutory = medicare && carc === '96' && remarks.includes('N425');
  const denial = `${group}-${carc}${remarks.length ? ` + ${remarks.join(', ')}` : ''}`;
  const who = group === 'PR' ? 'the patient pays' : 'the provider writes it off';
  const why =
    rule?.title ?? (byStatus ? `${l.code} is not covered by Medicare (PFS status N)` : '');
  out.push(
    finding(
      statutory ? 'coverage.statutory-exclusion' : 'coverage.plan-exclusion',
      'warning',
      i + 1,
      [l.code],
      statutory
        ? `${l.code} is excluded from Medicare by statute: ${p.name} denies it ${denial} (${who}; no ABN is needed). ${why}.`
        : `${l.code} is not a covered benefit of ${p.name}: it denies it ${denial} (${who}). ${why}.`,
      statutory
        ? `${rule?.source ?? `CMS PFS RVU file, status N (not covered by Medicare)`}; ${REF_STATUTE}; CARC ${carc}; RARC N425`
        : `${rule!.source}; CARC ${carc}${remarks.length ? `; RARC ${remarks.join(', ')}` : ''}`,
      {
        field: `lines[${i}].code`,
        ...(statutory && !l.modifiers.includes('GY')
          ? {
              suggestion:
                'Bill it to the patient; append GY if a Medicare denial is needed (e.g. for a secondary payer).',
            }
          : {}),
      },
    ),
  );
  return out;
}
