/**
 * createWorld: a seeded primary-care practice — its providers, patients with their coverage,
 * payer mix, payer behaviour and weekly schedule. Names and addresses come from an own
 * @faker-js/faker instance seeded with the world's seed (never the global one); every other
 * draw from the domain's seeded Random. The same seed gives the same world, byte for byte.
 * See: issue 15 (synthetic world).
 */
import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { faker as enUS } from '@faker-js/faker/locale/en_US';
import type { DualStatus, Sex } from '../claim/claim';
import { seededRandom, type Random } from '../random/seeded';
import { addMonths } from '../time/dates';
import { ageOn, birthDateForAge } from './ages';

export { ageOn, birthDateForAge };
import {
  payerBehaviour,
  type BehaviourOverride,
  type PayerKind,
  type WorldPayer,
} from './behaviour';
import type {
  PayerBehaviour,
  World,
  WorldCoverage,
  WorldPatient,
  WorldProvider,
} from './encounter';
import { makeMemberId, makeNpi } from './ids';

export interface Schedule {
  /** Visits each provider sees on a clinic day. */
  visitsPerProviderPerDay: number;
  /** Clinic days, ISO weekday numbers (1 = Monday … 7 = Sunday). */
  weekdays: number[];
}

export interface WorldOptions {
  /** The practice's first clinic day and the day ages are drawn against (default 2025-10-01). */
  startDate?: string;
  /** Patients on the practice's panel (default 400). */
  patients?: number;
  /** Providers (default 4: family medicine, internal medicine, pediatrics, family medicine). */
  providers?: number;
  /** The payers the practice bills (default the starter payers: medicare, commercial-ppo, medicaid). */
  payers?: readonly WorldPayer[];
  /** Share of patients by primary payer (weights, normalised; default 45/40/15). */
  payerMix?: Readonly<Record<string, number>>;
  /** Per-payer behaviour knobs that win over the profile and the seeded draws. */
  behaviour?: Readonly<Record<string, BehaviourOverride>>;
  /** Member-id pattern per payer id (`#` digit, `@` letter, `MBI`); defaults by payer kind. */
  memberIdFormats?: Readonly<Record<string, string>>;
  practice?: Partial<PracticeInfo>;
  schedule?: Partial<Schedule>;
}

export interface PracticeInfo {
  name: string;
  /** USPS state of the practice and its patients. */
  state: string;
  /** Medicare MAC-locality of the office (GPCI table). */
  locality: string;
}

/** A World with what the generator and the practice screen need besides the contract. */
export interface PracticeWorld extends World {
  practice: PracticeInfo;
  /** Each patient's coverage, primary first, by patient id. */
  coverage: Record<string, WorldCoverage[]>;
  /** Share of patients by primary payer, normalised to 1. */
  payerMix: Record<string, number>;
  schedule: Schedule;
  memberIdFormats: Record<string, string>;
  /** Payer kinds by id (which payers are Medicare, commercial, Medicaid). */
  payerKinds: Record<string, PayerKind>;
  /**
   * Later behaviour by payer, for profiles whose policy changes by date (a dated `behaviour`
   * entry starting after the world's start): `world.payers` holds the behaviour on the start date.
   */
  behaviourChanges: Record<string, { from: string; behaviour: PayerBehaviour }[]>;
}

/** A payer's behaviour on a date: the latest change in force, else the one on the world's start. */
export function behaviourOnDate(
  world: Pick<PracticeWorld, 'payers' | 'behaviourChanges'>,
  payerId: string,
  date: string,
): PayerBehaviour | undefined {
  const later = (world.behaviourChanges[payerId] ?? []).filter((c) => c.from <= date).at(-1);
  return later?.behaviour ?? world.payers.find((p) => p.payerId === payerId);
}

export const STARTER_PAYERS: readonly WorldPayer[] = [
  { id: 'medicare', kind: 'medicare' },
  { id: 'commercial-ppo', kind: 'commercial' },
  { id: 'medicaid', kind: 'medicaid' },
];

const DEFAULT_MIX: Record<PayerKind, number> = { medicare: 0.45, commercial: 0.4, medicaid: 0.15 };

/** Member-id formats by payer kind: the CMS MBI, a plan prefix + 7 digits, a state id. */
const DEFAULT_FORMATS: Record<PayerKind, (id: string) => string> = {
  medicare: () => 'MBI',
  commercial: (id) =>
    id === 'commercial-ppo' ? 'KHP#######' : `${id.slice(0, 3).toUpperCase()}#######`,
  medicaid: () => 'CW#########',
};

/** Age bands by the kind of the primary payer: [min, max, weight]. */
export const AGE_BANDS: Record<PayerKind, readonly (readonly [number, number, number])[]> = {
  // Medicare: 65 and over, and a few under 65 entitled by disability (SSA §226(b)).
  medicare: [
    [65, 74, 55],
    [75, 84, 32],
    [85, 95, 10],
    [30, 64, 3],
  ],
  commercial: [
    [0, 1, 4],
    [2, 11, 12],
    [12, 17, 8],
    [18, 39, 30],
    [40, 64, 46],
  ],
  medicaid: [
    [0, 1, 10],
    [2, 11, 25],
    [12, 17, 15],
    [18, 39, 30],
    [40, 64, 20],
  ],
};

/** Dual status of Medicare patients who also have Medicaid help, with weights. */
const DUALS: readonly (readonly [DualStatus, number])[] = [
  ['qmb', 35],
  ['qmb-plus', 25],
  ['full-medicaid', 20],
  ['slmb', 10],
  ['slmb-plus', 5],
  ['qi', 5],
];
/** Groups whose Medicaid pays Medicare cost sharing (a crossover claim to Medicaid). */
const MEDICAID_PAYS: ReadonlySet<DualStatus> = new Set([
  'qmb',
  'qmb-plus',
  'slmb-plus',
  'full-medicaid',
]);

export function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let x = r.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1]![0];
}

/**
 * The Faker class, reached through the en_US module's instance: the package root imports every
 * locale (~0.3 s in Node), the en_US module only en_US, en and base. An own instance per world,
 * never the shared one, so no other code's draws move ours.
 */
const FakerClass = enUS.constructor as new (o: { locale: LocaleDefinition }) => Faker;

export function newFaker(seed: number): Faker {
  const f = new FakerClass({ locale: enUS.rawDefinitions });
  f.seed(seed);
  return f;
}

const SPECIALTIES = ['Family Medicine', 'Internal Medicine', 'Pediatrics', 'Family Medicine'];

/** Which providers see a patient of this age (pediatrics under 18, internal medicine 18+). */
export const seesAge = (p: WorldProvider, age: number): boolean =>
  p.specialty === 'Pediatrics' ? age < 18 : p.specialty === 'Internal Medicine' ? age >= 18 : true;

export function createWorld(seed: number, opts: WorldOptions = {}): PracticeWorld {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`world seed must be an integer, got ${seed}`);
  const startDate = opts.startDate ?? '2025-10-01';
  const nProviders = opts.providers ?? 4;
  if (!Number.isInteger(nProviders) || nProviders < 1)
    throw new RangeError(`a practice needs at least one provider (providers: ${nProviders})`);
  const r = seededRandom(`world:${seed}`);
  const f = newFaker(seed);
  const payers = opts.payers?.length ? opts.payers : STARTER_PAYERS;
  const payerKinds = Object.fromEntries(payers.map((p) => [p.id, p.kind]));
  const mixIn =
    opts.payerMix ??
    Object.fromEntries(
      payers.map((p) => [
        p.id,
        DEFAULT_MIX[p.kind] / payers.filter((q) => q.kind === p.kind).length,
      ]),
    );
  const known = Object.entries(mixIn).filter(([id, w]) => id in payerKinds && w > 0);
  if (!known.length)
    throw new RangeError(
      `payerMix names none of the world's payers (${Object.keys(payerKinds).join(', ')})`,
    );
  const total = known.reduce((a, [, w]) => a + w, 0);
  const payerMix = Object.fromEntries(known.map(([id, w]) => [id, w / total]));
  const memberIdFormats = Object.fromEntries(
    payers.map((p) => [p.id, opts.memberIdFormats?.[p.id] ?? DEFAULT_FORMATS[p.kind](p.id)]),
  );
  const state = opts.practice?.state ?? 'AL';
  const practice: PracticeInfo = {
    name: opts.practice?.name ?? `${f.location.street()} Family Practice`,
    state,
    locality: opts.practice?.locality ?? '10112-00',
  };

  const providers: WorldProvider[] = Array.from({ length: nProviders }, (_, i) => {
    const sex = r.chance(0.5) ? 'female' : 'male';
    return {
      id: `prov-${String(i + 1).padStart(3, '0')}`,
      name: `${f.person.firstName(sex)} ${f.person.lastName()}, ${r.chance(0.8) ? 'MD' : 'DO'}`,
      npi: makeNpi(r),
      specialty: SPECIALTIES[i % SPECIALTIES.length]!,
      pos: '11',
      locality: practice.locality,
    };
  });

  const ctx: PatientContext = { r, f, startDate, state, payers, payerKinds, memberIdFormats };
  const patients: WorldPatient[] = [];
  const coverage: Record<string, WorldCoverage[]> = {};
  const mix = Object.entries(payerMix) as [string, number][];
  for (let i = 0; i < (opts.patients ?? 400); i++) {
    const primary = weighted(r, mix);
    const { patient, cover } = makePatient(ctx, `pat-${String(i + 1).padStart(6, '0')}`, primary);
    patients.push(patient);
    coverage[patient.id] = cover;
  }

  return {
    seed,
    startDate,
    providers,
    patients,
    // Each payer's draws from its own stream, so the panel's size does not change them.
    payers: payers.map((p) =>
      payerBehaviour(
        p,
        startDate,
        seededRandom(`behaviour:${seed}:${p.id}`),
        opts.behaviour?.[p.id],
      ),
    ),
    behaviourChanges: Object.fromEntries(
      payers.map((p) => [
        p.id,
        (Array.isArray(p.behaviour) ? p.behaviour : [])
          .map((e) => e.from)
          .filter((from) => from > startDate)
          .sort()
          .map((from) => ({
            from,
            behaviour: payerBehaviour(
              p,
              from,
              seededRandom(`behaviour:${seed}:${p.id}:${from}`),
              opts.behaviour?.[p.id],
            ),
          })),
      ]),
    ),
    practice,
    coverage,
    payerMix,
    schedule: {
      visitsPerProviderPerDay: opts.schedule?.visitsPerProviderPerDay ?? 18,
      weekdays: opts.schedule?.weekdays ?? [1, 2, 3, 4, 5],
    },
    memberIdFormats,
    payerKinds,
  };
}

export interface PatientContext {
  r: Random;
  f: Faker;
  startDate: string;
  state: string;
  payers: readonly WorldPayer[];
  payerKinds: Record<string, PayerKind>;
  memberIdFormats: Record<string, string>;
}

export interface PatientWish {
  ageBand?: { min: number; max: number };
  sex?: Sex | 'any';
  dualStatus?: DualStatus;
  /** Ages are drawn against this date (default the world's start). */
  asOf?: string;
}

/** One patient with primary `payerId` and the coverage that follows from age and dual status. */
export function makePatient(
  ctx: PatientContext,
  id: string,
  payerId: string,
  wish: PatientWish = {},
): { patient: WorldPatient; cover: WorldCoverage[] } {
  const { r, f } = ctx;
  const kind = ctx.payerKinds[payerId] ?? 'commercial';
  const asOf = wish.asOf ?? ctx.startDate;
  const age = wish.ageBand
    ? r.int(wish.ageBand.min, wish.ageBand.max)
    : r.int(...pickBand(r, kind));
  const sex: Sex = wish.sex && wish.sex !== 'any' ? wish.sex : r.chance(0.52) ? 'F' : 'M';
  const birthDate = birthDateForAge(age, asOf, r);
  const patient: WorldPatient = {
    id,
    firstName: f.person.firstName(sex === 'F' ? 'female' : 'male'),
    lastName: f.person.lastName(),
    sex,
    birthDate,
    address: {
      line1: f.location.streetAddress(),
      city: f.location.city(),
      state: ctx.state,
      zip: f.location.zipCode({ state: ctx.state }),
    },
  };
  const cover: WorldCoverage[] = [];
  const add = (pid: string, relation: WorldCoverage['relation'], from: string) =>
    cover.push({
      payerId: pid,
      memberId: makeMemberId(ctx.memberIdFormats[pid] ?? '@@@#######', r),
      sequence: (['primary', 'secondary', 'tertiary'] as const)[cover.length] ?? 'tertiary',
      relation,
      effectiveFrom: startOfCover(from, birthDate, asOf),
      effectiveTo: null,
    });
  const year = Number(asOf.slice(0, 4));
  const ofKind = (k: PayerKind) => ctx.payers.filter((p) => p.kind === k).map((p) => p.id);
  if (kind === 'medicare') {
    add(payerId, 'self', medicareStart(birthDate, age, asOf, r));
    const medicaid = ofKind('medicaid');
    const dual =
      wish.dualStatus ?? (medicaid.length && r.chance(0.18) ? weighted(r, DUALS) : undefined);
    if (dual) {
      patient.dualStatus = dual;
      if (MEDICAID_PAYS.has(dual) && medicaid.length)
        add(r.pick(medicaid), 'self', `${year - r.int(0, 4)}-${pad(r.int(1, 12))}-01`);
    } else if (ofKind('commercial').length && r.chance(0.2))
      add(
        r.pick(ofKind('commercial')),
        r.chance(0.7) ? 'self' : 'spouse',
        `${year - r.int(0, 3)}-01-01`,
      );
  } else if (kind === 'medicaid') {
    add(payerId, 'self', `${year - r.int(0, 3)}-${pad(r.int(1, 12))}-01`);
  } else {
    const relation = age < 18 ? 'dependent' : r.chance(0.75) ? 'self' : 'spouse';
    add(payerId, relation, `${year - r.int(0, 3)}-01-01`);
  }
  return { patient, cover };
}

/** Coverage starts no earlier than birth and no later than the date ages are drawn on. */
function startOfCover(from: string, birthDate: string, asOf: string): string {
  const f = from > asOf ? `${asOf.slice(0, 8)}01` : from;
  return f < birthDate ? birthDate : f;
}

const pad = (n: number) => String(n).padStart(2, '0');

function pickBand(r: Random, kind: PayerKind): [number, number] {
  const [min, max] = weighted(
    r,
    AGE_BANDS[kind].map(([a, b, w]) => [[a, b] as const, w] as const),
  );
  return [min, max];
}

/**
 * Part B entitlement at 65 starts on the first day of the birthday month (the month before when
 * the birthday is on the 1st); under 65, by disability, some years back.
 * See: 42 CFR 407.25 (initial enrollment), 20 CFR 404.2 (attaining an age the day before the birthday).
 */
function medicareStart(birthDate: string, age: number, asOf: string, r: Random): string {
  if (age < 65) return `${Number(asOf.slice(0, 4)) - r.int(1, 8)}-${pad(r.int(1, 12))}-01`;
  const at65 = addMonths(birthDate, 12 * 65);
  const first = `${at65.slice(0, 8)}01`;
  return birthDate.slice(8) === '01' ? addMonths(first, -1) : first;
}
