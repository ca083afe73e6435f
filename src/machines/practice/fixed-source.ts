/**
 * A tiny encounter source for tests and for `claimlab simulate` until the synthetic world
 * (src/domain/world/) lands: it cycles a few hand-written visits with valid 2026 codes (from the
 * starter cases), some of them meant to be denied, at a steady number of visits per working
 * day. Deterministic for a seed (the seed only shuffles which visit comes first each day).
 * See: scenarios/starter/cases (dm2-htn-established, ak-htn-commercial); issue 15.
 */
import { cents } from '../../domain/money';
import { addDays } from '../../domain/time/dates';
import { seededRandom } from '../../domain/random/seeded';
import type {
  EncounterSource,
  GeneratedEncounter,
  PayerBehaviour,
  World,
  WorldCoverage,
  WorldPatient,
  WorldProvider,
} from '../../domain/world/encounter';
import { weekday } from '../appeal-deadline';

const PROVIDER: WorldProvider = {
  id: 'prov-001',
  name: 'Maple Street Family Medicine (Dr. Aaron Patel, MD)',
  npi: '1234567893',
  specialty: 'family medicine',
  pos: '11',
  locality: '10112-00',
};

interface Template {
  id: string;
  payers: { payerId: string; sequence: WorldCoverage['sequence'] }[];
  patient: Omit<WorldPatient, 'id' | 'address'>;
  answer: GeneratedEncounter['answer'];
  expected: GeneratedEncounter['expected'];
  note: string;
}

const line = (code: string, charge: number, dxPointers: number[], modifiers: string[] = []) => ({
  code,
  modifiers,
  units: 1,
  dxPointers,
  charge: cents(charge),
});

/** The visits: each valid for its 2026 date of service. */
export const FIXED_TEMPLATES: readonly Template[] = [
  {
    id: 'fixed/dm2-htn-medicare',
    payers: [{ payerId: 'medicare', sequence: 'primary' }],
    patient: { firstName: 'Loretta', lastName: 'Vance', sex: 'F', birthDate: '1953-04-18' },
    answer: {
      diagnoses: ['E11.65', 'I10', 'Z79.84'],
      lines: [line('99214', 17500, [1, 2, 3]), line('G2211', 3000, [1, 2])],
    },
    expected: { status: 'paid', findings: [] },
    note: 'Type 2 diabetes with hyperglycemia and hypertension follow-up; medication adjusted.',
  },
  {
    id: 'fixed/htn-ak-commercial',
    payers: [{ payerId: 'commercial-ppo', sequence: 'primary' }],
    patient: { firstName: 'Martin', lastName: 'Ochoa', sex: 'M', birthDate: '1967-09-22' },
    answer: {
      diagnoses: ['I10', 'L57.0'],
      lines: [line('99214', 17500, [1], ['25']), line('17000', 11000, [2])],
    },
    expected: { status: 'paid', findings: [] },
    note: 'Hypertension not at goal, dose changed; actinic keratosis of the forehead destroyed by cryotherapy.',
  },
  {
    id: 'fixed/a1c-without-support-medicare',
    payers: [{ payerId: 'medicare', sequence: 'primary' }],
    patient: { firstName: 'Harold', lastName: 'Price', sex: 'M', birthDate: '1950-11-02' },
    answer: {
      diagnoses: ['I10'],
      lines: [line('99213', 12000, [1]), line('83036', 4000, [1])],
    },
    // NCD 190.21 covers HbA1c for diabetes-related diagnoses only: the test line is denied.
    expected: { status: 'partially-paid', findings: ['coverage.medical-necessity'] },
    note: 'Hypertension check; the patient asked for an A1c "to be safe" (no diabetes, no abnormal glucose documented).',
  },
  {
    id: 'fixed/routine-physical-medicare',
    payers: [{ payerId: 'medicare', sequence: 'primary' }],
    patient: { firstName: 'June', lastName: 'Okafor', sex: 'F', birthDate: '1955-06-30' },
    answer: { diagnoses: ['Z00.00'], lines: [line('99397', 22000, [1])] },
    // A routine physical is excluded by statute: PR-96, the patient pays.
    expected: { status: 'denied', findings: [] },
    note: 'Annual routine physical requested by the patient; no complaints.',
  },
  {
    id: 'fixed/sinusitis-medicaid',
    payers: [{ payerId: 'medicaid', sequence: 'primary' }],
    patient: { firstName: 'Rosa', lastName: 'Delgado', sex: 'F', birthDate: '1990-02-14' },
    answer: { diagnoses: ['J01.90'], lines: [line('99213', 12000, [1])] },
    expected: { status: 'paid', findings: [] },
    note: 'Acute sinusitis, ten days of congestion and facial pressure; antibiotic prescribed.',
  },
  {
    id: 'fixed/htn-dual-qmb',
    payers: [
      { payerId: 'medicare', sequence: 'primary' },
      { payerId: 'medicaid', sequence: 'secondary' },
    ],
    patient: {
      firstName: 'Walter',
      lastName: 'Nguyen',
      sex: 'M',
      birthDate: '1948-08-09',
      dualStatus: 'qmb-plus',
    },
    answer: { diagnoses: ['I10'], lines: [line('99213', 12000, [1])] },
    expected: { status: 'paid', findings: [] },
    note: 'Hypertension follow-up, stable on medication.',
  },
];

/** The same member id for the same patient slot (so deductibles carry), unique per slot. */
function memberId(payerId: string, slot: number): string {
  const n = String(slot).padStart(4, '0');
  if (payerId === 'medicare') return `${1 + (slot % 9)}EG4TE5MK${n.slice(-2)}`;
  if (payerId === 'medicaid') return `MCD${n}00`;
  return `KHP00${n}1`;
}

export const FIXED_BEHAVIOUR: readonly PayerBehaviour[] = [
  {
    payerId: 'medicare',
    processingDays: { min: 14, max: 21 },
    clearinghouseDays: 1,
    documentationRequestRate: 0,
    strictNcci: true,
    strictModifier25: false,
    appealReviewDays: [60, 60, 90, 90, 180],
  },
  {
    payerId: 'commercial-ppo',
    processingDays: { min: 10, max: 30 },
    clearinghouseDays: 1,
    documentationRequestRate: 0,
    strictNcci: true,
    strictModifier25: true,
    appealReviewDays: [30, 45],
  },
  {
    payerId: 'medicaid',
    processingDays: { min: 14, max: 35 },
    clearinghouseDays: 2,
    documentationRequestRate: 0,
    strictNcci: true,
    strictModifier25: false,
    appealReviewDays: [30, 45],
  },
];

export interface FixedSourceOptions {
  /** How many encounters before `next()` returns null. */
  encounters: number;
  /** The first working day of the schedule (2026-01-05). */
  start?: string;
  /** Visits per working day (20). */
  perDay?: number;
}

/** Encounters in date order, Monday to Friday, `perDay` a day, cycling the templates. */
export function fixedEncounterSource(seed: number, opts: FixedSourceOptions): EncounterSource {
  const start = opts.start ?? '2026-01-05';
  const perDay = Math.max(1, opts.perDay ?? 20);
  const random = seededRandom(seed);
  const world: World = {
    seed,
    startDate: start,
    providers: [PROVIDER],
    patients: [],
    payers: [...FIXED_BEHAVIOUR],
  };
  let i = 0;
  let day = start;
  let onDay = 0;
  let offset = 0;
  return {
    world,
    next(): GeneratedEncounter | null {
      if (i >= opts.encounters) return null;
      if (onDay === perDay) {
        onDay = 0;
        do day = addDays(day, 1);
        while (weekday(day) === 0 || weekday(day) === 6);
      }
      if (onDay === 0) offset = random.int(0, FIXED_TEMPLATES.length - 1);
      const t = FIXED_TEMPLATES[(onDay + offset) % FIXED_TEMPLATES.length]!;
      // Patients come back: 400 per template (a panel of 2,400), so deductibles carry over.
      const slot = (i % (FIXED_TEMPLATES.length * 400)) + 1;
      const id = `enc-${String(i + 1).padStart(6, '0')}`;
      i++;
      onDay++;
      const patient: WorldPatient = {
        id: `pat-${String(slot).padStart(6, '0')}`,
        ...t.patient,
        address: { line1: '12 Maple Street', city: 'Springfield', state: 'IL', zip: '62701' },
      };
      return {
        id,
        templateId: t.id,
        serviceDate: day,
        patient,
        coverage: t.payers.map((p) => ({
          payerId: p.payerId,
          memberId: memberId(p.payerId, slot),
          sequence: p.sequence,
          relation: 'self',
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
        })),
        provider: PROVIDER,
        note: [{ heading: 'Assessment and plan', text: t.note }],
        answer: t.answer,
        expected: t.expected,
        priorAuthNumber: null,
      };
    },
  };
}
