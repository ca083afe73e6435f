/**
 * The real cause behind a denial, as the practice knows it (the remittance's group, CARC and
 * RARC, the payer's findings, and whether the claim was coded as the documentation supports):
 * what an appeal must answer (appeal-merit.ts) and what the automatic biller does about it.
 * See: DOMAIN.md §5 and §7 (CARC meanings); NCCI Policy Manual ch. I §E.1.
 */
import { NON_DENIAL_CARCS } from '../../domain/payer/remittance/codes';
import { lineIsDenied, type Remittance } from '../../domain/payer/remittance/remittance';
import type { AppealCause } from '../appeal-merit';

export interface DenialFacts {
  group: string;
  carc: string;
  remarks: string[];
}

/** The first denied line's denial (group, CARC, remarks), or null when nothing was denied. */
export function denialOf(r: Remittance): DenialFacts | null {
  for (const l of r.lines) {
    if (!lineIsDenied(l)) continue;
    const a = l.adjustments.find((x) => !NON_DENIAL_CARCS.has(x.carc)) ?? l.adjustments[0];
    if (a) return { group: a.group, carc: a.carc, remarks: l.remarks };
  }
  return null;
}

const NECESSITY = new Set(['50', '11', '167']);
const CODING = new Set(['4', '5', '6', '7', '9', '10', '146', '151', '181', '182', '97', '236']);
const NOT_COVERED = new Set(['96', '204', '109', '119']);

export function causeOf(
  r: Remittance,
  facts: { codedCorrectly: boolean; meantToDeny: boolean },
): AppealCause | null {
  const d = denialOf(r);
  if (!d) return null;
  const payerReason = `${d.group}-${d.carc}${d.remarks.length ? ` (${d.remarks.join(', ')})` : ''}`;
  const ncci0 = r.findings.some(
    (f) => f.id === 'ncci.ptp' && /modifier indicator 0/.test(f.reference ?? f.message),
  );
  if ((d.carc === '16' && d.remarks.includes('M127')) || d.carc === '252')
    return { kind: 'records-requested', supported: true, payerReason };
  if ((d.carc === '97' || d.carc === '236') && ncci0)
    return { kind: 'ncci-0', supported: false, payerReason };
  if (NOT_COVERED.has(d.carc)) return { kind: 'not-covered', supported: false, payerReason };
  if (d.carc === '22') return { kind: 'other-payer', supported: false, payerReason };
  // An exact duplicate (OA-18) is the payer being right: the first claim carries the payment.
  if (d.carc === '18') return { kind: 'duplicate', supported: false, payerReason };
  if (d.carc === '29') return { kind: 'timely-filing', supported: false, payerReason };
  if (!facts.codedCorrectly) return { kind: 'coding-error', supported: true, payerReason };
  if (NECESSITY.has(d.carc))
    return { kind: 'medical-necessity', supported: !facts.meantToDeny, payerReason };
  if (CODING.has(d.carc)) return { kind: 'other', supported: !facts.meantToDeny, payerReason };
  return { kind: 'other', supported: !facts.meantToDeny, payerReason };
}
