/**
 * A case's generated patient (pack format `patient.kind: "generated"`): the same seed always
 * gives the same synthetic person within the case's constraints (age band on the date of
 * service, sex, dual status), with a member id in the payer's format (Medicare: an MBI). Small
 * and faker-free on purpose: the pack reader runs at start-up, and faker stays out of the first
 * load (the practice's world uses faker for its larger population).
 * See: scenarios/README.md (A case: patient); issue 12 (patient generated from a seed with constraints).
 */
import type { DualStatus, Sex } from '../claim/claim';
import { seededRandom } from '../random/seeded';
import { birthDateForAge } from './ages';
import { makeMbi, makeMemberId } from './ids';

// Synthetic names (common US given names and surnames; no real person is meant).
const FEMALE = [
  'Maria',
  'Linda',
  'Grace',
  'Aisha',
  'Elena',
  'Joan',
  'Priya',
  'Rosa',
  'Hannah',
  'Denise',
  'Mei',
  'Carla',
  'Ruth',
  'Tanya',
  'Ines',
  'Nora',
];
const MALE = [
  'James',
  'Robert',
  'Luis',
  'Andre',
  'Samuel',
  'Wei',
  'Omar',
  'Daniel',
  'Victor',
  'Kevin',
  'Arthur',
  'Tomas',
  'Marcus',
  'Raj',
  'Henry',
  'Felix',
];
const LAST = [
  'Alvarez',
  'Bennett',
  'Chen',
  'Dawson',
  'Esposito',
  'Farrell',
  'Garcia',
  'Holloway',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreno',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Sato',
  'Thompson',
  'Urban',
  'Vasquez',
  'Whitaker',
  'Yilmaz',
];

export interface CasePatientConstraints {
  seed: number;
  ageBand: { min: number; max: number };
  sex: Sex | 'any';
  dualStatus?: DualStatus | undefined;
}

export interface CasePatient {
  firstName: string;
  lastName: string;
  sex: Sex;
  birthDate: string;
  memberId: string;
  dualStatus?: DualStatus;
}

/** Member id formats by payer kind (the world's formats: MBI, letters-and-digits). */
function memberIdFor(payerId: string, r: ReturnType<typeof seededRandom>): string {
  if (payerId === 'medicare') return makeMbi(r);
  if (payerId === 'medicaid') return makeMemberId('MCD#########', r);
  return makeMemberId('@@@#########', r);
}

export function casePatient(
  c: CasePatientConstraints,
  serviceDate: string,
  payerId: string,
): CasePatient {
  const r = seededRandom(`case-patient|${c.seed}`);
  const sex: Sex = c.sex === 'any' ? (r.chance(0.5) ? 'F' : 'M') : c.sex;
  const lo = Math.min(c.ageBand.min, c.ageBand.max);
  const hi = Math.max(c.ageBand.min, c.ageBand.max);
  // Exactly that age on the date of service (ages.ts, as the world's patients).
  const birthDate = birthDateForAge(r.int(lo, hi), serviceDate, r);
  const first =
    sex === 'F' ? r.pick(FEMALE) : sex === 'M' ? r.pick(MALE) : r.pick([...FEMALE, ...MALE]);
  return {
    firstName: first,
    lastName: r.pick(LAST),
    sex,
    birthDate,
    memberId: memberIdFor(payerId, r),
    ...(c.dualStatus ? { dualStatus: c.dualStatus } : {}),
  };
}
