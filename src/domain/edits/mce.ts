/**
 * Age and sex conflicts from the Medicare Code Editor lists: `mce.age`, `mce.sex`.
 * Age is whole years on the date of service. The MCE is an inpatient editor, but its age and
 * sex lists are the standard source for these conflicts on any claim (DOMAIN.md §5).
 * See: CMS Medicare Code Editor (MCE) v37 definitions: Newborn age 0, Pediatric 0–17,
 * Maternity 9–64, Adult 15–124; Male-only / Female-only diagnoses. CARC 9 / 10.
 */
import { icdDisplay } from '../codes/code';
import { ageOn, type Claim } from '../claim/claim';
import { fiscalYear, isIsoDate } from '../time/dates';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding } from './finding-kit';
import { dxInfo, keyOf } from './dx-info';
import { labelApplied, rulesReleaseFor } from './validity';
import type { CodeCatalog, IcdRelease, MceEdits, MceYears } from '../codes/catalog';

export type MceAge = 'newborn' | 'pediatric' | 'maternity' | 'adult';

/** Age ranges per MCE edit, inclusive. Data, with the source quoted in each finding. */
export const MCE_AGE_RANGES: Record<MceAge, { min: number; max: number; label: string }> = {
  newborn: { min: 0, max: 0, label: 'Newborn (age 0)' },
  pediatric: { min: 0, max: 17, label: 'Pediatric (age 0–17)' },
  maternity: { min: 9, max: 64, label: 'Maternity (age 9–64)' },
  adult: { min: 15, max: 124, label: 'Adult (age 15–124)' },
};
const MCE = 'CMS Medicare Code Editor';

/**
 * CMS deactivated the MCE sex-conflict edit for every ICD-10-CM code from 2024-10-01 (MCE v42,
 * FY2025 "Definitions of Medicare Code Edits"). A conflict on a later date is still worth a
 * coder's second look, but it is a coding-quality warning, not a Medicare edit: no CO-10.
 */
export const MCE_SEX_EDIT_RETIRED = '2024-10-01';

const derivedMemo = new WeakMap<IcdRelease, Map<string, MceEdits | undefined>>();

/**
 * MCE flags for a code created after the MCE release (absent from its lists): those its
 * 3-character category carries on (nearly) every listed code, labelled as derived. A new child
 * of a female-only category is female-only. See: issue 10 "MCE age and sex edits reach codes
 * created after the MCE release through their category".
 */
export function categoryFlags(
  release: IcdRelease,
  catalog: CodeCatalog,
  key: string,
): MceEdits | undefined {
  if (!catalog.mce || key.length < 4 || !release.get(key)?.billable) return undefined;
  let m = derivedMemo.get(release);
  if (!m) derivedMemo.set(release, (m = new Map()));
  if (m.has(key)) return m.get(key);
  const years = catalog.mceYears?.(release.from) ?? {};
  const inherited = parentFlags(catalog, key, years);
  if (inherited) {
    m.set(key, inherited);
    return inherited;
  }
  const cat = key.slice(0, 3);
  const kids: string[] = [];
  const walk = (c: string) => {
    for (const k of release.children(c)) {
      if (kids.length > 600) return;
      if (release.get(k)?.billable) kids.push(k);
      walk(k);
    }
  };
  walk(cat);
  const others = kids.filter((k) => k !== key);
  const listed = others.map((k) => catalog.mce!(k)).filter((f): f is MceEdits => !!f);
  const enough = listed.length >= 2 && listed.length >= 0.75 * others.length;
  let out: MceEdits | undefined;
  const same = <K extends 'sex' | 'age'>(fs: readonly MceEdits[], k: K) =>
    fs.every((f) => f[k] && f[k] === fs[0]![k]) ? fs[0]![k] : undefined;
  // Only a code created after the lists were made inherits: one the lists' own year lacked.
  // Only when a listed sibling has a sex edit (else no sex can be inherited): judging "newer"
  // reads the release of the lists' year, which loads it (≈ 20 MB) for any code. See: issue 11.
  const newSex = listed.some((f) => f.sex) && isNewerThan(catalog, key, years.sex);
  // The sex lists are judged on the codes that existed when they were made (a category
  // restructured later, O35 in FY2024, has many newer codes the sex lists never saw).
  const sexRef = newSex ? releaseOf(catalog, years.sex) : undefined;
  const sexOthers = sexRef ? others.filter((k) => sexRef.get(k)) : [];
  const sexListed = sexOthers.map((k) => catalog.mce!(k)).filter((f): f is MceEdits => !!f);
  const sexByOld =
    sexListed.length >= 2 && sexListed.length >= 0.75 * sexOthers.length
      ? same(sexListed, 'sex')
      : undefined;
  if (enough || sexByOld) {
    const sex = newSex ? (sexByOld ?? (enough ? same(listed, 'sex') : undefined)) : undefined;
    const age = enough && isNewerThan(catalog, key, years.age) ? same(listed, 'age') : undefined;
    if (sex || age)
      out = {
        ...(sex ? { sex } : {}),
        ...(age ? { age } : {}),
        source: `${listed[0]!.source}, derived from category ${cat} (the code is newer than the MCE lists; ${listed.length} of its ${others.length} other codes carry the edit)`,
      };
  }
  m.set(key, out);
  return out;
}

/**
 * The flags of the nearest shorter code the MCE lists name, for a code created after the lists:
 * a listed code that later became a header passes its edits to its new children (N80.0,
 * female-only in the MCE lists, became a header in FY2023 with N80.00–N80.03), whatever the
 * rest of the category does. Labelled as derived.
 */
function parentFlags(catalog: CodeCatalog, key: string, years: MceYears): MceEdits | undefined {
  for (let n = key.length - 1; n >= 3; n--) {
    const parent = key.slice(0, n);
    const f = catalog.mce!(parent);
    if (!f) continue;
    const sex = f.sex && isNewerThan(catalog, key, years.sex) ? f.sex : undefined;
    const age = f.age && isNewerThan(catalog, key, years.age) ? f.age : undefined;
    if (!sex && !age) return undefined;
    return {
      ...(sex ? { sex } : {}),
      ...(age ? { age } : {}),
      source: `${f.source}, derived from ${icdDisplay(parent)} (listed there before it became a header; the code is newer than the MCE lists)`,
    };
  }
  return undefined;
}

/**
 * True when the code is absent from the release the MCE lists were made for (or, without it, the
 * newest loaded release before that year): it was created after the lists.
 */
function isNewerThan(catalog: CodeCatalog, key: string, year: number | undefined): boolean {
  const ref = releaseOf(catalog, year);
  return !!ref && !ref.get(key);
}

/** The release the MCE lists of `year` were made for, else the newest loaded before it. */
function releaseOf(catalog: CodeCatalog, year: number | undefined): IcdRelease | undefined {
  if (!year) return undefined;
  const fy = (id: string) => Number(/(\d{4})/.exec(id)?.[1] ?? 0);
  return catalog
    .releases()
    .filter((r) => fy(r.id) <= year && (r.ready?.() ?? true))
    .sort((a, b) => fy(b.id) - fy(a.id))[0];
}

/**
 * A code listed on newer age lists only (the FY2026 lists carry no sex edits) still takes the
 * sex its category carries when it is newer than the sex lists (O35.00X0, FY2024, is on the
 * FY2026 maternity list and a child of the female-only O35): derived, as categoryFlags says.
 */
function withCategorySex(
  flags: MceEdits | undefined,
  release: IcdRelease | undefined,
  catalog: CodeCatalog,
  code: string,
): MceEdits | undefined {
  if (!flags || flags.sex) return flags;
  // The nearest release may predate the code (FY2023 for a FY2024 code): any release that has it.
  const rel = release?.get(code)?.billable
    ? release
    : catalog.releases().find((r) => (r.ready?.() ?? true) && r.get(code)?.billable);
  if (!rel) return flags;
  const derived = categoryFlags(rel, catalog, code);
  return derived?.sex ? { ...flags, sex: derived.sex, source: derived.source } : flags;
}

export function mceEdits(claim: Claim, ctx: EditContext): Finding[] {
  if (!ctx.catalog.mce) return [];
  const r = ctx.catalog.icd10(claim.serviceDate);
  const release = r.ok ? r.value : undefined;
  // No release for the date (FY2024 between FY2023 and FY2025): the lists by date, and a code
  // newer than them through its category in the nearest release (labelled). See: issue 10.
  const near = release ? undefined : rulesReleaseFor(ctx.catalog, claim.serviceDate);
  const rel = release ?? near?.release;
  const lookup = (code: string) =>
    withCategorySex(
      release
        ? (dxInfo(release, ctx.catalog, code).mce ?? categoryFlags(release, ctx.catalog, code))
        : (ctx.catalog.mce?.(code, claim.serviceDate) ??
            (near ? categoryFlags(near.release, ctx.catalog, code) : undefined)),
      rel,
      ctx.catalog,
      code,
    );
  const { birthDate, sex } = claim.patient;
  let age: number | null | undefined;
  const ageNow = () =>
    (age ??=
      isIsoDate(birthDate) && isIsoDate(claim.serviceDate)
        ? ageOn(birthDate, claim.serviceDate)
        : null);
  const out: Finding[] = [];
  const judged = { age: [] as string[], sex: [] as string[] };
  claim.diagnoses.forEach((raw, i) => {
    const flags = lookup(keyOf(raw));
    if (!flags) return;
    if (flags.age) judged.age.push(icdDisplay(raw));
    if (flags.sex) judged.sex.push(icdDisplay(raw));
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
            `${shown} is ${/^[AEIOU]/.test(r.label) ? 'an' : 'a'} ${r.label} diagnosis, but the patient is ${age} on the date of service ${claim.serviceDate}.`,
            `${REF}, age edit: ${r.label}; CARC 9 (diagnosis inconsistent with age)`,
            extra,
          ),
        );
    }
    if (flags.sex && (sex === 'F' || sex === 'M') && flags.sex !== sex) {
      const label = flags.sex === 'F' ? 'female-only' : 'male-only';
      const retired = isIsoDate(claim.serviceDate) && claim.serviceDate >= MCE_SEX_EDIT_RETIRED;
      out.push(
        retired
          ? finding(
              'mce.sex',
              'warning',
              null,
              [shown],
              `${shown} was a ${label} diagnosis in the MCE lists, but the patient's sex is ${sex}: check the documentation. This is a coding-quality check, not a Medicare edit: CMS retired the MCE sex edit from ${MCE_SEX_EDIT_RETIRED}.`,
              `${REF}, sex list (${flags.sex === 'F' ? 'Female' : 'Male'} diagnosis); CMS Definitions of Medicare Code Edits v42 (FY2025): sex-conflict edit deactivated for all ICD-10-CM codes from ${MCE_SEX_EDIT_RETIRED}`,
              extra,
            )
          : finding(
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
  const gap = listGap(ctx.catalog, claim.serviceDate, judged);
  if (gap) out.push(gap);
  return near ? labelApplied(out, near.release, near.appliedTo) : out;
}

/**
 * An info finding when a diagnosis was judged on an MCE list made for another fiscal year
 * than the date of service's (no list for that year on hand): it names the list used, so a
 * 2022 service is never judged silently on the FY2026 or FY2020 lists. See: issue 10
 * "MCE ages: use each list for its own fiscal year".
 */
function listGap(
  catalog: CodeCatalog,
  date: string,
  judged: { age: string[]; sex: string[] },
): Finding | null {
  // Most claims have no diagnosis an MCE list judges: nothing to say, no years to look up.
  if (!judged.age.length && !judged.sex.length) return null;
  if (!isIsoDate(date) || !catalog.mceYears) return null;
  const fy = fiscalYear(date);
  const y = catalog.mceYears(date);
  const parts: string[] = [];
  const codes: string[] = [];
  const used: number[] = [];
  if (judged.age.length && y.age && y.age !== fy) {
    const v = y.ageVersion ? `${y.ageVersion.replace(/ \(.*$/, '')} ` : '';
    parts.push(`the age edits of ${judged.age.join(', ')} on the MCE ${v}(FY${y.age}) age lists`);
    codes.push(...judged.age);
    used.push(y.age);
  }
  // After the sex edit's retirement the sex check is a coding-quality warning, not an MCE edit.
  if (judged.sex.length && y.sex && y.sex !== fy && date < MCE_SEX_EDIT_RETIRED) {
    parts.push(`the sex edits of ${judged.sex.join(', ')} on the MCE (FY${y.sex}) sex lists`);
    codes.push(...judged.sex);
    used.push(y.sex);
  }
  if (!parts.length) return null;
  const before = used.every((u) => fy < u);
  return finding(
    'mce.list-gap',
    'info',
    null,
    [...new Set(codes)],
    `No MCE lists for FY${fy} (the date of service ${date}) are on hand: ${parts.join('; ')} were used, ${before ? 'the oldest on hand (the date is before every list)' : 'the newest on hand before that year'}. Edits added or removed between those lists and FY${fy} are not known here.`,
    `${MCE}: each release's lists apply to its own fiscal year (Definitions of Medicare Code Edits); loaded: ${catalog.describe()}`,
  );
}
