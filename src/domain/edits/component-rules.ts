/**
 * Line rules that turn on the RVU file's indicators and on how a service is reported:
 * - PC/TC indicator: modifiers 26 and TC only split a code whose indicator is 1 (diagnostic
 *   tests with a professional and a technical component); a global-test-only code (4), a
 *   professional-only (2) or technical-only (3) code, an incident-to code (5) or a physician
 *   service (0) takes neither; a laboratory interpretation code (6) takes no TC.
 * - Bilateral (modifier 50): one line, one unit; on a code whose bilateral indicator is 0, 2 or
 *   9 it earns no bilateral payment (a warning: the payer pays 100% of one side).
 * - Two office/outpatient E/M visits by the same provider on the same date (this claim or the
 *   member's earlier claims): one visit is paid; a second, separate and unrelated encounter is
 *   billed with modifier 25 (or 95/telehealth is not an exception). Two hospital inpatient or
 *   observation visits the same day: one is paid, 25 or not.
 * See: CMS RVU file read-me (PC/TC indicators 0–9); Pub. 100-04 ch. 12 §40.7 (bilateral: 50 on
 * one line with 1 unit), §30.6.7 (more than one visit on the same day: one combined visit,
 * unless unrelated, separately identifiable) and §30.6.9.C (hospital visits on the same day);
 * NCCI Policy Manual ch. XI.
 */
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import { patientKey } from './claim-data';
import type { EditContext } from './context';
import { isIsoDate } from '../time/dates';
import { finding, lineDate } from './finding-kit';

const PCTC_REF = 'CMS PFS Relative Value File read-me, PC/TC indicator';
const WHY: Record<string, string> = {
  '0': 'a physician service: the professional/technical split does not apply',
  '2': 'a professional-component-only code',
  '3': 'a technical-component-only code',
  '4': 'a global test only code: separate codes exist for the professional and technical components',
  '5': 'an incident-to code: the split does not apply',
  '9': 'a code to which the professional/technical concept does not apply',
};

const BILAT_REF = 'CMS PFS Relative Value File read-me, bilateral surgery indicator';
/**
 * Bilateral indicators under which modifier 50 earns no bilateral payment: 0 (the 150%
 * adjustment does not apply: both sides are paid at most 100% of one), 2 (the code's RVUs
 * already describe a bilateral procedure: 100%), 9 (the concept does not apply). Indicators 1
 * (150%) and 3 (each side at 100%) take 50.
 */
const BILATERAL_WHY: Record<string, string> = {
  '0': 'so the bilateral payment adjustment does not apply to it',
  '2': 'so it is already a bilateral procedure (its RVUs cover both sides)',
  '9': 'so the bilateral concept does not apply to it',
};

/** Office and outpatient E/M visits (99202–99215): the visits §30.6.7 combines. */
const isOfficeEm = (c: string) => /^992(0[2-5]|1[1-5])$/.test(c);
/**
 * Hospital inpatient or observation care (initial 99221-99223, subsequent 99231-99233, same-day
 * admission and discharge 99234-99236, discharge 99238-99239): one visit a day by the same
 * physician is paid, and modifier 25 does not make a second one payable.
 * See: Pub. 100-04 ch. 12 §30.6.9.C (two or more hospital visits on the same day).
 */
const isHospitalEm = (c: string) => /^992(2[1-3]|3[1-689])$/.test(c);
/** Which one-visit-a-day family a code is in (office and hospital visits are counted apart). */
const visitFamily = (c: string): 'office' | 'hospital' | null =>
  isOfficeEm(c) ? 'office' : isHospitalEm(c) ? 'hospital' : null;

export function componentEdits(claim: Claim, ctx: EditContext): Finding[] {
  const out: Finding[] = [];
  const ind = ctx.indicators;
  claim.lines.forEach((l, i) => {
    const n = i + 1;
    for (const m of ['26', 'TC'] as const) {
      const j = l.modifiers.indexOf(m);
      if (j < 0 || !ind) continue;
      const pctc = ind(l.code)?.pctc;
      const why =
        pctc === undefined
          ? undefined
          : (WHY[pctc] ??
            (pctc === '6' && m === 'TC'
              ? 'a laboratory physician interpretation code (no technical component to bill)'
              : undefined));
      if (!why) continue;
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, m],
          `Modifier ${m} on ${l.code} (line ${n}): ${l.code} has PC/TC indicator ${pctc}, ${why}; ${m} does not apply.`,
          `${PCTC_REF} ${pctc}; CARC 4`,
          {
            field: `lines[${i}].modifiers[${j}]`,
            suggestion:
              pctc === '4'
                ? `Bill the code for the component performed (its separate professional or technical code), without ${m}`
                : `Remove ${m} from ${l.code}`,
          },
        ),
      );
    }
    if (l.modifiers.includes('50') && l.units > 1)
      out.push(
        finding(
          'modifier.invalid',
          'error',
          n,
          [l.code, '50'],
          `${l.code} with modifier 50 (line ${n}) is billed with ${l.units} units: a bilateral procedure is reported on one line with 1 unit (the payer pays the bilateral amount for it).`,
          'CMS Pub. 100-04 ch. 12 §40.7.B (bilateral surgery: modifier 50, one line, 1 unit); CARC 4',
          { field: `lines[${i}].units`, suggestion: `Report 1 unit with modifier 50` },
        ),
      );
    const bilat = l.modifiers.includes('50') ? ind?.(l.code)?.bilat : undefined;
    const notBilateral = bilat === undefined ? undefined : BILATERAL_WHY[bilat];
    if (notBilateral)
      out.push(
        finding(
          'modifier.invalid',
          'warning',
          n,
          [l.code, '50'],
          `${l.code} with modifier 50 (line ${n}): ${l.code} has bilateral indicator ${bilat}, ${notBilateral}; the payer pays 100% of its fee schedule amount, not the 150% bilateral adjustment.`,
          `${BILAT_REF} ${bilat}; Pub. 100-04 ch. 12 §40.7`,
          {
            field: `lines[${i}].modifiers[${l.modifiers.indexOf('50')}]`,
            suggestion:
              bilat === '2'
                ? `Remove 50: ${l.code} already describes both sides`
                : `Remove 50 from ${l.code}; if the service was done on both sides, see whether the code allows it`,
          },
        ),
      );
  });
  out.push(...facilityGlobalTests(claim, ctx));
  out.push(...sameDayVisits(claim, ctx));
  return out;
}

/**
 * Hospital settings (off-campus and on-campus outpatient hospital, inpatient hospital,
 * emergency room): a diagnostic test done for a hospital patient is the hospital's service, so
 * its technical component is paid to the hospital and the physician bills only the professional
 * component, with 26.
 */
const HOSPITAL_POS: Record<string, string> = {
  '19': 'off-campus outpatient hospital',
  '21': 'inpatient hospital',
  '22': 'on-campus outpatient hospital',
  '23': 'emergency room - hospital',
};

/**
 * A diagnostic test that splits into professional and technical components (PC/TC indicator 1)
 * billed globally (neither 26 nor TC) for a hospital patient: the physician cannot bill the
 * technical component, so the global line is denied (CO-4 + N822, modifier missing) and billed
 * again with 26. We deny rather than reprice to the professional component: the claim as sent
 * asks for the hospital's share, and the corrected line is the trainee's fix.
 * See: SSA §1862(a)(14) and 42 CFR 410.42(a) (services to hospital patients are furnished by the
 * hospital); CMS Pub. 100-04 ch. 13 §20.1 (professional component: bill with 26 in a hospital
 * setting) and §20.2 (technical component not paid to the physician for hospital patients); CMS
 * PFS Relative Value File read-me, PC/TC indicator 1; CARC 4, RARC N822.
 */
function facilityGlobalTests(claim: Claim, ctx: EditContext): Finding[] {
  const place = HOSPITAL_POS[claim.provider.pos];
  if (!place || !ctx.indicators) return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    if (l.modifiers.includes('26') || l.modifiers.includes('TC')) return;
    if (ctx.indicators!(l.code)?.pctc !== '1') return;
    out.push(
      finding(
        'modifier.missing',
        'error',
        i + 1,
        [l.code],
        `${l.code} (line ${i + 1}) is a diagnostic test with a professional and a technical component, billed globally for a patient in place of service ${claim.provider.pos} (${place}): the technical component is the hospital's, so the physician bills only the professional component, with modifier 26.`,
        `SSA §1862(a)(14); 42 CFR 410.42(a); CMS Pub. 100-04 ch. 13 §20.1-20.2; ${PCTC_REF} 1; CARC 4, RARC N822`,
        {
          field: `lines[${i}].modifiers`,
          suggestion: `Append 26 to ${l.code} (the professional component: the interpretation and report); the hospital bills the technical component`,
        },
      ),
    );
  });
  return out;
}

/**
 * A second office E/M by the same provider on the same date: one visit per day unless the
 * second is separate and unrelated and says so with modifier 25. A second hospital visit the
 * same day: one visit per day (§30.6.9.C), 25 or not.
 */
function sameDayVisits(claim: Claim, ctx: EditContext): Finding[] {
  const out: Finding[] = [];
  // date -> where the first visit is and its code (the same code twice is the MUE's or the
  // duplicate edit's finding: one problem, one finding).
  const seen = new Map<string, { where: string; code: string; dx: readonly string[] }>();
  // Earlier claims of the patient by the same billing provider.
  const patient = ctx.history?.length ? patientKey(claim) : '';
  for (const h of ctx.history ?? []) {
    if (h.frequency === '8' || h.claimId === claim.claimId || h.claimId === claim.originalClaimId)
      continue;
    if (h.provider.npi !== claim.provider.npi || patientKey(h) !== patient) continue;
    for (const l of h.lines)
      if (visitFamily(l.code))
        seen.set(`${visitFamily(l.code)} ${lineDate(h.serviceDate, l.serviceDate)}`, {
          where: `claim ${h.claimId}`,
          code: l.code,
          dx: pointed(h.diagnoses, l.dxPointers),
        });
  }
  claim.lines.forEach((l, i) => {
    const family = visitFamily(l.code);
    if (!family) return;
    const date = lineDate(claim.serviceDate, l.serviceDate);
    if (!isIsoDate(date)) return;
    const first = seen.get(`${family} ${date}`);
    if (first === undefined) {
      seen.set(`${family} ${date}`, {
        where: `line ${i + 1}`,
        code: l.code,
        dx: pointed(claim.diagnoses, l.dxPointers),
      });
      return;
    }
    if (first.code === l.code) return;
    // 25 marks a separate encounter for an unrelated problem (§30.6.7.B): a second visit that
    // points only to the first visit's diagnoses is the same problem, 25 or not.
    if (family === 'office' && l.modifiers.includes('25') && unrelated(claim, l, first.dx)) return;
    out.push(
      finding(
        'em.same-day',
        'error',
        i + 1,
        [l.code],
        family === 'office'
          ? `${l.code} (line ${i + 1}) is a second office E/M visit by the same provider on ${date} (the first is ${first.code}, ${first.where}): visits on one day are combined into one visit at the level of the day's total work; a second visit is paid only when it is a separate, unrelated encounter billed with modifier 25.`
          : `${l.code} (line ${i + 1}) is a second hospital visit by the same provider on ${date} (the first is ${first.code}, ${first.where}): one hospital visit a day is paid; bill one code for the day's combined care.`,
        family === 'office'
          ? 'CMS Pub. 100-04 ch. 12 §30.6.7 (payment for office visits: more than one visit on the same day); NCCI Policy Manual ch. XI; CARC 97, RARC M86'
          : 'CMS Pub. 100-04 ch. 12 §30.6.9.C (two or more hospital visits on the same day: one is paid); CARC 97, RARC M86',
        {
          field: `lines[${i}].modifiers`,
          suggestion:
            family === 'office'
              ? 'Combine the visits into one E/M line at the level supported by the day, or append 25 if the second encounter was separate and unrelated (documented)'
              : 'Combine the visits into one hospital care line at the level supported by the day',
        },
      ),
    );
  });
  out.push(...admittedSameDay(claim));
  return out;
}

/** The diagnoses a line points to (1-based pointers into the claim's list). */
function pointed(diagnoses: readonly string[], pointers: readonly number[]): string[] {
  const out: string[] = [];
  for (const p of pointers) {
    const dx = diagnoses[p - 1];
    if (dx !== undefined) out.push(dx.replace('.', '').toUpperCase());
  }
  return out;
}

/** A line with no pointers, or pointing to a diagnosis the first visit does not carry. */
function unrelated(claim: Claim, l: Claim['lines'][number], firstDx: readonly string[]): boolean {
  const dx = pointed(claim.diagnoses, l.dxPointers);
  return dx.length === 0 || firstDx.length === 0 || dx.some((d) => !firstDx.includes(d));
}

/** Office/outpatient visits and emergency department visits (99281-99285). */
const isOfficeOrEd = (c: string) => isOfficeEm(c) || /^9928[1-5]$/.test(c);

/**
 * A patient admitted in the course of an office or ED encounter: that visit is part of the
 * initial hospital care (99221-99223) billed for the same date, not paid on its own.
 * See: Pub. 100-04 ch. 12 §30.6.9.1.A (services on the date of admission in another setting).
 */
function admittedSameDay(claim: Claim): Finding[] {
  const admitted = new Map<string, string>();
  for (const l of claim.lines)
    if (/^9922[1-3]$/.test(l.code))
      admitted.set(lineDate(claim.serviceDate, l.serviceDate), l.code);
  if (admitted.size === 0) return [];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    const date = lineDate(claim.serviceDate, l.serviceDate);
    const initial = admitted.get(date);
    if (!initial || !isOfficeOrEd(l.code)) return;
    out.push(
      finding(
        'em.same-day',
        'error',
        i + 1,
        [l.code],
        `${l.code} (line ${i + 1}) is a visit on ${date}, the day the patient was admitted (${initial}): the visit in the other setting is part of the initial hospital care, not paid on its own.`,
        'CMS Pub. 100-04 ch. 12 §30.6.9.1.A (services in another setting on the date of admission are part of the initial hospital care); CARC 97, RARC M86',
        {
          field: `lines[${i}].code`,
          suggestion: `Bill ${initial} alone, at the level supported by the day's care`,
        },
      ),
    );
  });
  return out;
}
