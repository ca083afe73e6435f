/**
 * Discarded drug modifiers JW (amount discarded) and JZ (zero amount discarded).
 *  - `drugWastageEdits` (every claim, an edit family): what the modifiers mean. JW and JZ on
 *    one line contradict each other; they belong on drug codes only; the discarded amount is
 *    billed on its own JW line beside the line of the amount given (same drug, same date), so
 *    a JW line alone and a JZ line beside a JW line of the same drug are wrong; the policy does
 *    not apply to multiple-dose containers (their discarded amounts are not paid).
 *  - `jzRequiredFindings` (Medicare Part B, from the payer's checks): from 2023-07-01 a
 *    separately payable drug from a single-dose container needs JZ when nothing was discarded,
 *    or JW on the line of the discarded units; from 2023-10-01 a line without either is
 *    returned as unprocessable (CO-16 + N822 + MA130).
 * The container is a fact of the vial used, which the claim does not carry: the usual
 * container of each drug code is curated, dated data (drug-containers.ts, each row with its
 * source), and a drug not listed is not judged.
 * See: CMS "Medicare Program Discarded Drugs and Biologicals — JW Modifier and JZ Modifier
 * Policy Frequently Asked Questions" (JZ from 2023-01-01, required from 2023-07-01; returned
 * as unprocessable from 2023-10-01; multiple-dose containers excluded); Pub. 100-04 ch. 17
 * §40 (discarded drugs and biologicals).
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding, lineDate } from './finding-kit';
import { containerOn } from './drug-containers';

export const JW_JZ_POLICY =
  'CMS Discarded Drugs and Biologicals — JW and JZ Modifier Policy FAQ; Pub. 100-04 ch. 17 §40';
/** JZ required on single-dose container drugs from this date (CMS JW/JZ FAQ). */
export const JZ_REQUIRED_FROM = '2023-07-01';
/** Claims without the required JW/JZ may be returned as unprocessable from this date. */
export const JZ_ENFORCED_FROM = '2023-10-01';

export { DRUG_CONTAINER_TABLE, containerOn, type Container } from './drug-containers';

/** Medicare's unprocessable line for a missing JZ/JW: CO-16 + N822 (missing procedure modifier) + MA130. */
export const JZ_MISSING_DENIAL = 'CARC 16, RARC N822, MA130';

/** HCPCS drug and biological codes: J, Q, hospital drug C9xxx, radiopharmaceutical A9xxx. */
const isDrugCode = (code: string) => /^(J\d{4}|Q\d{4}|C9\d{3}|A9\d{3})$/.test(code);

export function drugWastageEdits(claim: Claim, ctx: EditContext): Finding[] {
  void ctx;
  const out: Finding[] = [];
  const lines = claim.lines;
  lines.forEach((l, i) => {
    const jw = l.modifiers.includes('JW');
    const jz = l.modifiers.includes('JZ');
    if (!jw && !jz) return;
    const n = i + 1;
    const field = { field: `lines[${i}].modifiers` };
    const date = lineDate(claim.serviceDate, l.serviceDate);
    if (jw && jz) {
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, 'JW', 'JZ'],
          `${l.code} has both JW (amount discarded) and JZ (nothing discarded): bill the discarded units on their own line with JW, or JZ alone when nothing was discarded.`,
          JW_JZ_POLICY,
          field,
        ),
      );
      return;
    }
    const mod = jw ? 'JW' : 'JZ';
    if (!isDrugCode(l.code)) {
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, mod],
          `${mod} reports a discarded drug amount and belongs on the drug's own code (a J, Q or other HCPCS drug code), not on ${l.code}.`,
          JW_JZ_POLICY,
          { ...field, suggestion: `Remove ${mod} from ${l.code}.` },
        ),
      );
      return;
    }
    const usual = containerOn(l.code, date);
    if (usual?.container === 'multiple-dose') {
      out.push(
        finding(
          'modifier.invalid',
          'warning',
          n,
          [l.code, mod],
          `${l.code} usually comes from a multiple-dose container: the JW/JZ policy does not apply to it${jw ? ', and a discarded amount from a multiple-dose container is not paid' : ''}. Remove ${mod} unless the dose came from a single-dose container.`,
          `${JW_JZ_POLICY}; ${usual.source}`,
          field,
        ),
      );
      return;
    }
    const same = lines.filter(
      (o, j) => j !== i && o.code === l.code && lineDate(claim.serviceDate, o.serviceDate) === date,
    );
    if (jw && !same.some((o) => !o.modifiers.includes('JW')))
      out.push(
        finding(
          'modifier.invalid',
          'warning',
          n,
          [l.code, 'JW'],
          `${l.code} with JW bills only the discarded units: the amount given goes on its own line of ${l.code} without JW on the same date.`,
          JW_JZ_POLICY,
          field,
        ),
      );
    if (jz && same.some((o) => o.modifiers.includes('JW')))
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, 'JZ'],
          `${l.code} has JZ (nothing discarded) and a JW line of discarded units on the same date: use JW on the discarded units and no JZ on the administered line.`,
          JW_JZ_POLICY,
          field,
        ),
      );
  });
  return out;
}

/**
 * Medicare Part B: a drug the curated table (drug-containers.ts) gives as single-dose on the
 * date, billed on or after 2023-07-01 with neither JZ nor JW on any of its lines that date.
 * 2023-07-01..09-30 a warning (required, not yet enforced); from 2023-10-01 an error: Medicare
 * returns the line as unprocessable (CO-16 + N822 + MA130; payer/remittance/denials.ts reads
 * `JZ_MISSING_DENIAL` in the reference). Multiple-dose drugs and drugs the table does not list
 * are never judged.
 */
export function jzRequiredFindings(claim: Claim, payerKind: string): Finding[] {
  if (payerKind !== 'medicare') return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const date = lineDate(claim.serviceDate, l.serviceDate);
    if (date < JZ_REQUIRED_FROM) return;
    const usual = containerOn(l.code, date);
    if (usual?.container !== 'single-dose') return;
    const lines = claim.lines.filter(
      (o) => o.code === l.code && lineDate(claim.serviceDate, o.serviceDate) === date,
    );
    if (lines.some((o) => o.modifiers.includes('JZ') || o.modifiers.includes('JW'))) return;
    const enforced = date >= JZ_ENFORCED_FROM;
    const rule = `${l.code} is a drug from a single-dose container: Medicare requires JZ when none of it was discarded, or the discarded units on their own line with JW (required from ${JZ_REQUIRED_FROM}; claims without either may be returned as unprocessable from ${JZ_ENFORCED_FROM})`;
    out.push(
      finding(
        'modifier.missing',
        enforced ? 'error' : 'warning',
        i + 1,
        [l.code],
        enforced
          ? `${rule}. Without either, the line is returned as unprocessable (CO-16 with N822, missing modifier, and MA130): no appeal rights; correct it and resubmit.`
          : `${rule}.`,
        `${JW_JZ_POLICY}; ${usual.source}${enforced ? `; ${JZ_MISSING_DENIAL}` : ''}`,
        {
          field: `lines[${i}].modifiers`,
          suggestion: `Add JZ to ${l.code} if nothing was discarded; otherwise bill the discarded units on a separate ${l.code} line with JW.`,
        },
      ),
    );
  });
  return out;
}
