/**
 * Encounters from case templates: the practice's schedule, day by day, books visits from the
 * templates in force on each date; each visit gets a patient of the template's age band, sex and
 * payer (a panel patient, or a new one), a provider who sees that age, the answer key built from
 * the template's facts (first-listed diagnosis first, pointers, modifiers, units, charges from
 * the charge master) and a SOAP note written from the same facts with noise. Lazy and in date
 * order: `next()` makes one encounter at a time.
 * See: issue 15 (synthetic world), src/domain/world/encounter.ts (the contract).
 */
import type { Faker } from '@faker-js/faker';
import { cents, type Cents } from '../money';
import { hash32, seededRandom, type Random } from '../random/seeded';
import { addDays, daysBetween } from '../time/dates';
import { DEFAULT_CHARGE_MASTER } from './charges';
import type {
  EncounterLine,
  EncounterSource,
  GeneratedEncounter,
  WorldCoverage,
  WorldPatient,
} from './encounter';
import { DEFAULT_NOISE, writeNote, type NoiseOptions } from './note';
import { templateProblems, type EncounterTemplate, type TemplateEntry } from './template';
import {
  ageOn,
  makePatient,
  newFaker,
  seesAge,
  type PatientContext,
  type PracticeWorld,
} from './world';

export interface EncounterOptions {
  /** First date of service (default: the world's start, or the templates' earliest date if later). */
  from?: string;
  /** Last date of service (default: the templates' latest date). */
  to?: string;
  /** Stop after this many encounters. */
  count?: number;
  noise?: Partial<NoiseOptions>;
  /** Charge per unit by code, cents (default DEFAULT_CHARGE_MASTER). */
  chargeMaster?: Readonly<Record<string, Cents>>;
}

interface Generator {
  world: PracticeWorld;
  r: Random;
  f: Faker;
  pctx: PatientContext;
  charges: Readonly<Record<string, Cents>>;
  noise: NoiseOptions;
  newPatients: number;
}

function generator(world: PracticeWorld, salt: string, opts: EncounterOptions): Generator {
  const r = seededRandom(`${salt}:${world.seed}`);
  const f = newFaker(hash32(`${salt}:${world.seed}`));
  const pctx: PatientContext = {
    r,
    f,
    startDate: world.startDate,
    state: world.practice.state,
    payers: world.payers.map((p) => ({
      id: p.payerId,
      kind: world.payerKinds[p.payerId] ?? 'commercial',
    })),
    payerKinds: world.payerKinds,
    memberIdFormats: world.memberIdFormats,
  };
  return {
    world,
    r,
    f,
    pctx,
    charges: opts.chargeMaster ?? DEFAULT_CHARGE_MASTER,
    noise: { ...DEFAULT_NOISE, ...opts.noise },
    newPatients: 0,
  };
}

/** Fails with every problem of every template at once (a template no generator can fill). */
function assertTemplates(entries: readonly TemplateEntry[], g: Generator) {
  const msgs = entries.flatMap((e) => {
    const known = e.template.encounter.payerIds.filter((p) => p in g.world.payerKinds);
    return [
      ...templateProblems(e.template, g.charges).map(
        (p) => `${e.packId}/${e.template.id}: ${p.path.join('.')}: ${p.message}`,
      ),
      ...(known.length
        ? []
        : [
            `${e.packId}/${e.template.id}: encounter.payerIds: none of ${e.template.encounter.payerIds.join(', ')} is a payer of this world (${Object.keys(g.world.payerKinds).join(', ')})`,
          ]),
    ];
  });
  if (msgs.length)
    throw new RangeError(`case templates cannot generate encounters:\n${msgs.join('\n')}`);
}

const dateInt = (d: string) =>
  Number(d.slice(0, 4)) * 10_000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));

/** Panel patients who fit a template regardless of the date (payer, sex, dual status). */
function panelFor(
  world: PracticeWorld,
  t: EncounterTemplate,
): { p: WorldPatient; birth: number }[] {
  if (t.encounter.visit === 'new') return [];
  return world.patients
    .filter((p) => {
      const primary = world.coverage[p.id]?.[0];
      return (
        primary !== undefined &&
        t.encounter.payerIds.includes(primary.payerId) &&
        (t.patient.sex === 'any' || t.patient.sex === p.sex) &&
        (t.patient.dualStatus === undefined || t.patient.dualStatus === p.dualStatus)
      );
    })
    .map((p) => ({ p, birth: dateInt(p.birthDate) }))
    .sort((a, b) => a.birth - b.birth || (a.p.id < b.p.id ? -1 : 1));
}

/** First index in a panel sorted by birth whose birth is greater than `v`. */
function upper(panel: readonly { birth: number }[], v: number): number {
  let lo = 0;
  let hi = panel.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (panel[mid]!.birth > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function patientFor(
  g: Generator,
  t: EncounterTemplate,
  panel: readonly { p: WorldPatient; birth: number }[],
  date: string,
): { patient: WorldPatient; cover: WorldCoverage[] } {
  // Age in [min, max] on the date  ⇔  date − (max+1) years < birth ≤ date − min years.
  const d = dateInt(date);
  const lo = d - (t.patient.ageBand.max + 1) * 10_000;
  const hi = d - t.patient.ageBand.min * 10_000;
  const a = upper(panel, lo);
  const b = upper(panel, hi);
  if (b > a && g.r.chance(0.85)) {
    const { p } = panel[g.r.int(a, b - 1)]!;
    const cover = g.world.coverage[p.id] ?? [];
    // Copies: whoever runs the encounter may change them without changing the world.
    if (cover.every((c) => c.effectiveFrom <= date))
      return { patient: { ...p, address: { ...p.address } }, cover: cover.map((c) => ({ ...c })) };
  }
  // A patient new to the practice (always, for a new-patient visit).
  const payers = t.encounter.payerIds.filter((p) => p in g.world.payerKinds);
  const id = `pat-n${String(++g.newPatients).padStart(6, '0')}`;
  return makePatient(g.pctx, id, g.r.pick(payers), {
    ageBand: t.patient.ageBand,
    sex: t.patient.sex,
    ...(t.patient.dualStatus ? { dualStatus: t.patient.dualStatus } : {}),
    asOf: date,
  });
}

function generate(
  g: Generator,
  entry: TemplateEntry,
  panel: readonly { p: WorldPatient; birth: number }[],
  date: string,
  n: number,
): GeneratedEncounter {
  const t = entry.template;
  const { r, world } = g;
  const { patient, cover } = patientFor(g, t, panel, date);
  const age = ageOn(patient.birthDate, date);
  const fits = world.providers.filter((p) => seesAge(p, age));
  const prov = r.pick(fits.length ? fits : world.providers);
  const facts = t.facts.filter(
    (f) =>
      t.answer.diagnoses.includes(f.id) || f.probability === undefined || r.chance(f.probability),
  );
  const dx = t.answer.diagnoses.map((id) => t.facts.find((f) => f.id === id)!.diagnosis!);
  const lines: EncounterLine[] = t.answer.lines.map((l) => ({
    code: l.code,
    modifiers: [...l.modifiers],
    units: l.units,
    dxPointers: l.facts.map((id) => t.answer.diagnoses.indexOf(id) + 1),
    charge: cents((g.charges[l.code.toUpperCase()] ?? 0) * l.units),
  }));
  const months = Math.max(0, Math.floor(daysBetween(patient.birthDate, date) / 30.44));
  const note = writeNote(
    {
      facts,
      allFacts: t.facts,
      coded: t.answer.diagnoses,
      age,
      ageMonths: months,
      sex: patient.sex,
      visit: t.encounter.visit ?? 'established',
      serviceDate: date,
      providerName: prov.name,
      chiefComplaint: t.encounter.chiefComplaint,
      plan: t.plan,
      noise: g.noise,
    },
    r,
  );
  return {
    id: `enc-${String(n).padStart(6, '0')}`,
    templateId: `${entry.packId}/${t.id}`,
    serviceDate: date,
    patient,
    coverage: cover,
    provider: { ...prov, pos: t.encounter.pos },
    note,
    answer: { diagnoses: dx, lines },
    expected: { status: t.answer.expected.status, findings: [...t.answer.expected.findings] },
    priorAuthNumber:
      t.encounter.priorAuth === 'on-file' ? `PA${String(r.int(10_000_000, 99_999_999))}` : null,
  };
}

/** ISO weekday (1 = Monday … 7 = Sunday). */
const weekday = (date: string) => (((daysBetween('2024-01-01', date) % 7) + 7) % 7) + 1;

/**
 * The practice's visits, lazily and in date order: each clinic day of the world's schedule has
 * visitsPerProviderPerDay × providers visits, each from a template in force that day (drawn by
 * `encounter.weight`). Ends (next() → null) after `count`, or past the last date any template
 * (or `to`) allows. Throws a RangeError naming every template that cannot generate.
 */
export function encounterSource(
  world: PracticeWorld,
  templates: readonly TemplateEntry[],
  opts: EncounterOptions = {},
): EncounterSource {
  if (!templates.length) throw new RangeError('encounterSource needs at least one case template');
  const g = generator(world, 'encounters', opts);
  assertTemplates(templates, g);
  const usable = templates.map((e) => ({ e, panel: panelFor(world, e.template) }));
  const first = templates.reduce(
    (a, e) =>
      e.template.encounter.serviceDates.from < a ? e.template.encounter.serviceDates.from : a,
    '9999-12-31',
  );
  const last =
    opts.to ??
    templates.reduce(
      (a, e) =>
        e.template.encounter.serviceDates.to > a ? e.template.encounter.serviceDates.to : a,
      '0000-01-01',
    );
  let date = opts.from ?? (world.startDate > first ? world.startDate : first);
  const perDay = world.schedule.visitsPerProviderPerDay * world.providers.length;
  let slot = perDay; // forces a day change on the first call
  let today: { items: (readonly [(typeof usable)[number], number])[]; total: number } = {
    items: [],
    total: 0,
  };
  let made = 0;
  const openOn = (d: string) => {
    const items = usable
      .filter(
        ({ e }) =>
          e.template.encounter.serviceDates.from <= d && d <= e.template.encounter.serviceDates.to,
      )
      .map((u) => [u, u.e.template.encounter.weight ?? 1] as const);
    return { items, total: items.reduce((a, [, w]) => a + w, 0) };
  };
  let started = false;
  return {
    world,
    next() {
      if (opts.count !== undefined && made >= opts.count) return null;
      while (slot >= perDay || today.total === 0) {
        if (started) date = addDays(date, 1);
        started = true;
        if (date > last) return null;
        slot = 0;
        today = world.schedule.weekdays.includes(weekday(date))
          ? openOn(date)
          : { items: [], total: 0 };
      }
      slot++;
      let x = g.r.next() * today.total;
      let pick = today.items[today.items.length - 1]![0];
      for (const [u, w] of today.items)
        if ((x -= w) < 0) {
          pick = u;
          break;
        }
      return generate(g, pick.e, pick.panel, date, ++made);
    },
  };
}

/**
 * One encounter from one template on one date (the pack validator and tests use it): its own
 * generator seeded from the world, the template and `seed`, so each call stands alone.
 */
export function encounterFromTemplate(
  world: PracticeWorld,
  entry: TemplateEntry,
  serviceDate: string,
  seed: number,
  opts: Pick<EncounterOptions, 'noise' | 'chargeMaster'> = {},
): GeneratedEncounter {
  const g = generator(world, `template:${entry.packId}/${entry.template.id}:${seed}`, opts);
  assertTemplates([entry], g);
  return generate(g, entry, panelFor(world, entry.template), serviceDate, 1);
}
