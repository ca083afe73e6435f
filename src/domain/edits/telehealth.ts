/**
 * Medicare pays a service as telehealth only when it is on the Medicare Telehealth Services
 * List (42 CFR 410.78(f); CMS publishes the list each year with the PFS). The list itself is not
 * on hand, so this edit uses only what holds for every year of it: no surgical procedure
 * (10004-69990), no anesthesia (00100-01999), no clinical laboratory or pathology test
 * (80047-89398) and no diagnostic radiology, ultrasound or nuclear medicine service
 * (70010-79999, except 77427 radiation treatment management, which the list carries) has ever
 * been on it: these need the patient and the practitioner (or the equipment) in the same place.
 * A line with one of them billed with a telehealth place of service (02 telehealth other than in
 * the patient's home, 10 telehealth in the patient's home) is not payable as billed: the payer
 * denies it CO-5 (procedure code inconsistent with the place of service) + M77. Codes outside
 * these ranges are not judged (the list changes year to year).
 * `check` and `adjudicate` get the finding from the same call (payer/checks.ts).
 * See: 42 CFR 410.78(b) and (f); Pub. 100-04 ch. 12 §190.3 (list of Medicare telehealth
 * services), §190.6 (POS 02/10); CMS List of Telehealth Services (cms.gov, yearly); X12 CARC 5,
 * RARC M77.
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import { finding } from './finding-kit';

const TELEHEALTH_POS: Readonly<Record<string, string>> = {
  '02': "telehealth provided other than in the patient's home",
  '10': "telehealth provided in the patient's home",
};

/** The kind of service that is never on the Medicare Telehealth Services List, if the code is one. */
function neverTelehealth(code: string): string | undefined {
  if (!/^\d{5}$/.test(code)) return undefined;
  const n = Number(code);
  if (n >= 100 && n <= 1999) return 'anesthesia';
  if (n >= 10004 && n <= 69990) return 'a surgical procedure';
  if (n >= 70010 && n <= 79999 && code !== '77427')
    return 'a radiology, ultrasound or nuclear medicine service';
  if (n >= 80047 && n <= 89398) return 'a laboratory or pathology test';
  return undefined;
}

const REF =
  '42 CFR 410.78(b), (f) (Medicare telehealth services: only services on the list); Pub. 100-04 ch. 12 §190.3, §190.6; CMS List of Telehealth Services; CARC 5, RARC M77';

/** Medicare: lines never on the telehealth list billed with a telehealth place of service. */
export function telehealthFindings(claim: Claim, payerKind: string): Finding[] {
  if (payerKind !== 'medicare') return [];
  const pos = claim.provider.pos;
  const where = TELEHEALTH_POS[pos];
  if (!where) return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const kind = neverTelehealth(l.code);
    if (!kind) return;
    out.push(
      finding(
        'coverage.telehealth',
        'error',
        i + 1,
        [l.code],
        `${l.code} (line ${i + 1}) is ${kind}, which is not on the Medicare Telehealth Services List, billed with place of service ${pos} (${where}): Medicare does not pay it as telehealth.`,
        REF,
        {
          field: 'provider.pos',
          suggestion:
            'Bill the service with the place of service where the patient and the practitioner met in person, or bill only the telehealth services on the list',
        },
      ),
    );
  });
  return out;
}
