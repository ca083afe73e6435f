/**
 * Seeded variants of a case (issue 14): another synthetic patient with the same clinical facts,
 * and the note rewritten for them, keeping the answer key valid. What the key depends on stays:
 * the sex (sex-specific codes, the MCE edits), the age in whole years on the date of service
 * (age edits, E/M and preventive codes by age), the date of service, payer and provider. The
 * patient comes from a PatientSource: a small built-in one here; the synthetic world
 * (src/domain/world, the practice issue's faker generator) can be passed in instead.
 * Same pack, case and seed: the same variant, byte for byte.
 * See: STYLE.md habit 6 (deterministic by construction).
 */
import { seededRandom, type Random } from '../domain/random/seeded';
import { addDays, isIsoDate } from '../domain/time/dates';
import { ageOn } from '../domain/claim/claim';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface VariantPatient {
  firstName: string;
  lastName: string;
  sex: 'F' | 'M' | 'U';
  birthDate: string;
  memberId: string;
}

/** Where a variant's patient comes from (the world's generator can implement this). */
export interface PatientSource {
  patient(
    rnd: Random,
    keep: { sex: 'F' | 'M' | 'U'; ageYears: number; serviceDate: string; memberIdLike: string },
  ): VariantPatient;
}

const FIRST: Record<'F' | 'M', readonly string[]> = {
  F: [
    'Avery',
    'Bettina',
    'Corinne',
    'Delphine',
    'Elowen',
    'Farrah',
    'Giselle',
    'Harriet',
    'Imelda',
    'Jolene',
  ],
  M: [
    'Ambrose',
    'Barnaby',
    'Cormac',
    'Desmond',
    'Emrys',
    'Fitzgerald',
    'Gideon',
    'Horatio',
    'Ignatius',
    'Jasper',
  ],
};
const LAST = [
  'Ashdown',
  'Brightwater',
  'Coldbrook',
  'Dunmore',
  'Elderfield',
  'Fairhaven',
  'Glenrock',
  'Hollowell',
  'Ivesbury',
  'Juniper',
];

/** Whole years between a birth date and a day (the claim model's, re-exported). */
export { ageOn };

/** The built-in source: made-up names, a birth date giving the same age on the service date. */
export const builtinPatients: PatientSource = {
  patient(rnd, keep) {
    const sex = keep.sex;
    const first = rnd.pick(FIRST[sex === 'U' ? rnd.pick(['F', 'M'] as const) : sex]);
    // The birthday falls in the year before the service date's anniversary: age stays the same.
    const anniversary = `${Number(keep.serviceDate.slice(0, 4)) - keep.ageYears}${keep.serviceDate.slice(4)}`;
    // 29 February in a year without one: the 28th (the age on the service date is the same).
    const latest = isIsoDate(anniversary)
      ? anniversary
      : String(anniversary).replace(/-29$/, '-28');
    let birthDate = addDays(latest, -rnd.int(0, 364));
    if (ageOn(birthDate, keep.serviceDate) !== keep.ageYears) birthDate = latest;
    const memberId = keep.memberIdLike
      .replace(/[0-9]/g, () => String(rnd.int(0, 9)))
      .replace(/[A-Z]/g, () => String.fromCharCode(65 + rnd.int(0, 25)));
    return { firstName: first, lastName: rnd.pick(LAST), sex, birthDate, memberId };
  },
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rewrite(text: string, from: VariantPatient, to: VariantPatient): string {
  let t = text;
  for (const [a, b] of [
    [from.firstName, to.firstName],
    [from.lastName, to.lastName],
  ] as const)
    if (a.length >= 2) t = t.replace(new RegExp(`\\b${escapeRe(a)}\\b`, 'g'), b);
  return t;
}

export type VariantResult = { ok: true; item: Obj } | { ok: false; message: string };

/** A variant of case `index` of `pack` with a new id (`<id>-v<seed>`), ready to add to the pack. */
export function makeVariant(
  pack: unknown,
  index: number,
  seed: number,
  source: PatientSource = builtinPatients,
): VariantResult {
  const cases = isObj(pack) && Array.isArray(pack.cases) ? pack.cases : [];
  const c = cases[index];
  if (!isObj(c)) return { ok: false, message: `there is no case ${index + 1}` };
  const p = c.patient;
  const enc = c.encounter;
  if (!isObj(p) || p.kind !== 'fixed')
    return { ok: false, message: 'a case with a generated patient already varies by its seed' };
  const serviceDate = isObj(enc) ? enc.serviceDate : undefined;
  if (
    typeof serviceDate !== 'string' ||
    !isIsoDate(serviceDate) ||
    typeof p.birthDate !== 'string' ||
    !isIsoDate(p.birthDate)
  )
    return { ok: false, message: 'the case needs a valid date of birth and date of service first' };
  if (!Number.isInteger(seed) || seed < 0)
    return { ok: false, message: 'the seed must be a whole number, 0 or more' };
  const from: VariantPatient = {
    firstName: String(p.firstName ?? ''),
    lastName: String(p.lastName ?? ''),
    sex: p.sex === 'M' || p.sex === 'F' ? p.sex : 'U',
    birthDate: p.birthDate,
    memberId: String(p.memberId ?? ''),
  };
  const rnd = seededRandom(`${String(c.id)}:${seed}`);
  const to = source.patient(rnd, {
    sex: from.sex,
    ageYears: ageOn(from.birthDate, serviceDate),
    serviceDate,
    memberIdLike: from.memberId || 'A00000000',
  });
  const doc = c.documentation;
  const documentation = !isObj(doc)
    ? doc
    : doc.kind === 'markdown' && typeof doc.text === 'string'
      ? { ...doc, text: rewrite(doc.text, from, to) }
      : Array.isArray(doc.sections)
        ? {
            ...doc,
            sections: doc.sections.map((s: unknown) =>
              isObj(s) && typeof s.text === 'string'
                ? { ...s, text: rewrite(s.text, from, to) }
                : s,
            ),
          }
        : doc;
  const id = `${String(c.id)}-v${seed}`.slice(0, 80);
  const item: Obj = {
    ...structuredClone(c),
    id,
    title: `${String(c.title)} (variant ${seed})`.slice(0, 200),
    summary: typeof c.summary === 'string' ? rewrite(c.summary, from, to) : c.summary,
    patient: { ...p, ...to, kind: 'fixed' },
    documentation,
  };
  return { ok: true, item };
}
