/**
 * Age and sex conflicts from the Medicare Code Editor lists: `mce.age`, `mce.sex`.
 * Age is whole years on the date of service. The MCE is an inpatient editor, but its age and
 * sex lists are the standard source for these conflicts on any claim (DOMAIN.md §5).
 * See: CMS Medicare Code Editor (MCE) v37 definitions: Newborn age 0, Pediatric 0–17,
 * Maternity 9–64, Adult 15–124; Male-only / Female-only diagnoses. CARC 9 / 10.
 */
import { icdDisplay } from '../codes/code';
import { ageOn, type Claim } from '../claim/claim';
import { isIsoDate } from '../time/dates';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding } from './finding-kit';
import { dxInfo, keyOf } from './dx-info';

export type MceAge = 'newborn' | 'pediatric' | 'maternity' | 'adult';

/** Age ranges per MCE edit, inclusive. Data, with the source quoted in each finding. */
export const MCE_AGE_RANGES: Record<MceAge, { min: number; max: number; label: string }> = {
  newborn: { min: 0, max: 0, label: 'Newborn (age 0)' },
  pediatric: { min: 0, max: 17, label: 'Pediatric (age 0–17)' },
  maternity: { min: 9, max: 64, label: 'Maternity (age 9–64)' },
  adult: { min: 15, max: 124, label: 'Adult (age 15–124)' },
};
const MCE = 'CMS Medicare Code Editor';

export function mceEdits(claim: Claim, ctx: EditContext): Finding[] {
  if (!ctx.catalog.mce) return [];
  const r = ctx.catalog.icd10(claim.serviceDate);
  const release = r.ok ? r.value : undefined;
  const lookup = (code: string) =>
    release ? dxInfo(release, ctx.catalog, code).mce : ctx.catalog.mce?.(code);
  const { birthDate, sex } = claim.patient;
  let age: number | null | undefined;
  const ageNow = () =>
    (age ??=
      isIsoDate(birthDate) && isIsoDate(claim.serviceDate)
        ? ageOn(birthDate, claim.serviceDate)
        : null);
  const out: Finding[] = [];
  claim.diagnoses.forEach((raw, i) => {
    const flags = lookup(keyOf(raw));
    if (!flags) return;
    const shown = icdDisplay(raw);
    const REF = `${MCE}: ${flags.source}`;
    const extra = { diagnosisIndex: i, field: `diagnoses[${i}]` };
    const age = flags.age ? ageNow() : null;
    if (flags.age && age !== null) {
      const r = MCE_AGE_RANGES[flags.age];
      if (age < r.min || age > r.max)
        out.push(
          finding(
            'mce.age',
            'error',
            null,
            [shown],
            `${shown} is a ${r.label} diagnosis, but the patient is ${age} on the date of service ${claim.serviceDate}.`,
            `${REF}, age edit: ${r.label}; CARC 9 (diagnosis inconsistent with age)`,
            extra,
          ),
        );
    }
    if (flags.sex && (sex === 'F' || sex === 'M') && flags.sex !== sex) {
      const label = flags.sex === 'F' ? 'female-only' : 'male-only';
      out.push(
        finding(
          'mce.sex',
          'error',
          null,
          [shown],
          `${shown} is a ${label} diagnosis, but the patient's sex is ${sex}.`,
          `${REF}, sex edit: ${flags.sex === 'F' ? 'Female' : 'Male'} diagnosis; CARC 10 (diagnosis inconsistent with sex)`,
          extra,
        ),
      );
    }
  });
  return out;
}
