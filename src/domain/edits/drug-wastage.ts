/**
 * Discarded drug modifiers JW (amount discarded) and JZ (zero amount discarded).
 *  - `drugWastageEdits` (every claim, an edit family): what the modifiers mean. JW and JZ on
 *    one line contradict each other; they belong on drug codes only; the discarded amount is
 *    billed on its own JW line beside the line of the amount given (same drug, same date), so
 *    a JW line alone and a JZ line beside a JW line of the same drug are wrong; the policy does
 *    not apply to multiple-dose containers (their discarded amounts are not paid).
 *  - `jzRequiredFindings` (Medicare Part B, from the payer's checks): from 2023-07-01 a
 *    separately payable drug from a single-dose container needs JZ when nothing was discarded,
 *    or JW on the line of the discarded units; claims without either may be returned as
 *    unprocessable from 2023-10-01.
 * The container is a fact of the vial used, which the claim does not carry: the usual
 * container of each drug code is curated data below (each with its source), and a drug not
 * listed is not judged.
 * See: CMS "Medicare Program Discarded Drugs and Biologicals — JW Modifier and JZ Modifier
 * Policy Frequently Asked Questions" (JZ from 2023-01-01, required from 2023-07-01; returned
 * as unprocessable from 2023-10-01; multiple-dose containers excluded); Pub. 100-04 ch. 17
 * §40 (discarded drugs and biologicals).
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding, lineDate } from './finding-kit';

export const JW_JZ_POLICY =
  'CMS Discarded Drugs and Biologicals — JW and JZ Modifier Policy FAQ; Pub. 100-04 ch. 17 §40';
/** JZ required on single-dose container drugs from this date (CMS JW/JZ FAQ). */
export const JZ_REQUIRED_FROM = '2023-07-01';
/** Claims without the required JW/JZ may be returned as unprocessable from this date. */
export const JZ_ENFORCED_FROM = '2023-10-01';

export type Container = 'single-dose' | 'multiple-dose';

/** The usual container of the drug codes the packs bill, with the label it is taken from. */
export const DRUG_CONTAINERS: Readonly<Record<string, { container: Container; source: string }>> = {
  J1885: {
    container: 'single-dose',
    source:
      'FDA labeling, ketorolac tromethamine injection USP 15 mg/mL and 30 mg/mL single-dose vials',
  },
  J3301: {
    container: 'multiple-dose',
    source:
      'FDA labeling, Kenalog-10 and Kenalog-40 (triamcinolone acetonide injectable suspension) multiple-dose vials',
  },
};

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
    const usual = DRUG_CONTAINERS[l.code];
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
 * Medicare Part B: a drug the curated list gives as single-dose, billed on or after 2023-07-01
 * with neither JZ nor JW on any of its lines that date. A warning (the container of the vial
 * used is the provider's to confirm); the message says claims may be returned as unprocessable
 * from 2023-10-01.
 */
export function jzRequiredFindings(claim: Claim, payerKind: string): Finding[] {
  if (payerKind !== 'medicare') return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const usual = DRUG_CONTAINERS[l.code];
    if (usual?.container !== 'single-dose') return;
    const date = lineDate(claim.serviceDate, l.serviceDate);
    if (date < JZ_REQUIRED_FROM) return;
    const lines = claim.lines.filter(
      (o) => o.code === l.code && lineDate(claim.serviceDate, o.serviceDate) === date,
    );
    if (lines.some((o) => o.modifiers.includes('JZ') || o.modifiers.includes('JW'))) return;
    out.push(
      finding(
        'modifier.missing',
        'warning',
        i + 1,
        [l.code],
        `${l.code} is a drug from a single-dose container: Medicare requires JZ when none of it was discarded, or the discarded units on their own line with JW (required from ${JZ_REQUIRED_FROM}; claims without either may be returned as unprocessable from ${JZ_ENFORCED_FROM}).`,
        `${JW_JZ_POLICY}; ${usual.source}`,
        {
          field: `lines[${i}].modifiers`,
          suggestion: `Add JZ to ${l.code} if nothing was discarded; otherwise bill the discarded units on a separate ${l.code} line with JW.`,
        },
      ),
    );
  });
  return out;
}
