/**
 * Medicare Code Editor age and sex edits on a diagnosis, for the edits and the encoder. The
 * lists come from the official bundle (CodeCatalog.mce); the age ranges are dated data.
 * See: CMS Medicare Code Editor v37 definitions manual, edit 4 (age conflict: newborn 0,
 * pediatric 0–17, maternity 9–64, adult 15–124 years) and edit 5 (sex conflict).
 */
import type { CodeCatalog, MceEdits } from '../catalog';

export const MCE_AGE_RANGES = {
  source: 'CMS Medicare Code Editor v37 (FY2020), edit 4',
  effective: '2019-10-01',
  ranges: {
    newborn: { min: 0, max: 0 },
    pediatric: { min: 0, max: 17 },
    maternity: { min: 9, max: 64 },
    adult: { min: 15, max: 124 },
  },
} as const;

/** The MCE age/sex edits on a diagnosis, or undefined when none (or no official MCE loaded). */
export function mceAgeSex(
  catalog: CodeCatalog,
  code: string,
): Pick<MceEdits, 'age' | 'sex' | 'source'> | undefined {
  const e = catalog.mce?.(code);
  if (!e || (!e.age && !e.sex)) return undefined;
  return { ...(e.age ? { age: e.age } : {}), ...(e.sex ? { sex: e.sex } : {}), source: e.source };
}

/** True when the patient's age in years is outside the range the code's age edit allows. */
export function ageConflict(age: NonNullable<MceEdits['age']>, years: number): boolean {
  const r = MCE_AGE_RANGES.ranges[age];
  return years < r.min || years > r.max;
}
