/**
 * The SOAP note of a generated encounter, written from the same facts as its answer key, with
 * the noise a coder must see through: unrelated past history, negated findings ("denies chest
 * pain"), uncertain diagnoses ("rule out pneumonia" — not coded in outpatient care) and text
 * copied forward from an earlier visit.
 * See: ICD-10-CM Official Guidelines IV.H (uncertain diagnoses are not coded in the outpatient
 * setting; code the signs and symptoms), IV.J (chronic diseases treated on an ongoing basis).
 */
import type { Sex } from '../claim/claim';
import type { Random } from '../random/seeded';
import { addDays } from '../time/dates';
import type { NoteSection, TemplateFact } from './template';

/** How often each kind of generic noise appears (0–1). Template facts carry their own. */
export interface NoiseOptions {
  /** Remote, resolved history unrelated to the visit. */
  unrelatedHistory: number;
  /** A paragraph carried forward from an earlier note (a problem that has since resolved). */
  copyForward: number;
  /** A review of systems with pertinent negatives. */
  rosNegatives: number;
}

export const DEFAULT_NOISE: NoiseOptions = {
  unrelatedHistory: 0.5,
  copyForward: 0.3,
  rosNegatives: 0.7,
};

const REMOTE_HISTORY = [
  'appendectomy at age 19',
  'tonsillectomy in childhood',
  'a broken wrist as a teenager, healed without problems',
  'chickenpox in childhood',
  'a cholecystectomy years ago',
  'an episode of food poisoning years ago, fully recovered',
];
const CHILD_HISTORY = [
  'bronchiolitis as an infant, resolved',
  'a febrile illness last winter, fully recovered',
  'an uncomplicated birth at term',
];
const STALE_ADULT = [
  'acute sinusitis, finishing a course of amoxicillin',
  'a viral upper respiratory infection with cough, improving',
  'a left ankle sprain, walking in a brace',
  'acute bronchitis, on supportive care',
];
const STALE_CHILD = [
  'acute otitis media of the left ear, on amoxicillin',
  'viral gastroenteritis, tolerating fluids',
  'a diaper rash, improving with zinc oxide',
];
const ROS = [
  'fever',
  'chills',
  'chest pain',
  'shortness of breath',
  'abdominal pain',
  'nausea',
  'headache',
  'dizziness',
  'unintentional weight loss',
];

export interface NoteInput {
  /** The facts this note says (noise facts drawn by their probability). */
  facts: readonly TemplateFact[];
  /** All the template's facts (the review of systems never denies any of them). */
  allFacts?: readonly TemplateFact[];
  /** Fact ids in the answer's order (rendered first in the assessment). */
  coded: readonly string[];
  age: number;
  ageMonths: number;
  sex: Sex;
  visit: 'new' | 'established';
  serviceDate: string;
  providerName: string;
  chiefComplaint?: string | undefined;
  plan?: readonly string[] | undefined;
  noise: NoiseOptions;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

function who(age: number, months: number, sex: Sex): string {
  if (age < 1)
    return `${months}-month-old ${sex === 'F' ? 'girl' : sex === 'M' ? 'boy' : 'infant'}`;
  const noun =
    age < 18
      ? sex === 'F'
        ? 'girl'
        : sex === 'M'
          ? 'boy'
          : 'child'
      : sex === 'F'
        ? 'woman'
        : sex === 'M'
          ? 'man'
          : 'patient';
  return `${age}-year-old ${noun}`;
}

function vitals(age: number, r: Random): string {
  const temp = (97.6 + r.int(0, 12) / 10).toFixed(1);
  if (age < 3)
    return `Temp ${temp} F, HR ${r.int(100, 140)}, RR ${r.int(24, 36)}, weight on growth curve.`;
  const sys = r.int(age < 18 ? 96 : 112, age < 18 ? 118 : 146);
  const dia = r.int(age < 18 ? 58 : 68, age < 18 ? 76 : 92);
  return `BP ${sys}/${dia}, HR ${r.int(60, 96)}, RR ${r.int(12, 20)}, Temp ${temp} F, SpO2 ${r.int(95, 99)}%.`;
}

/** The default section of a fact: history and negatives in S, findings to A. */
const sectionOf = (f: TemplateFact): NoteSection =>
  f.section ??
  (f.certainty === 'negated' || f.certainty === 'history' ? 'subjective' : 'assessment');

/** A fact in words, wrapped by its certainty. */
export function phrase(f: TemplateFact, r: Random): string {
  const p = f.phrasings?.length ? r.pick([f.statement, ...f.phrasings]) : f.statement;
  switch (f.certainty) {
    case 'negated':
      // What the patient denies (history) or the examiner does not find (exam).
      return f.section === 'objective'
        ? r.pick([`no ${p}`, `no sign of ${p}`])
        : r.pick([`denies ${p}`, `no ${p}`, `negative for ${p}`]);
    case 'uncertain':
      return r.pick([
        `rule out ${p}`,
        `possible ${p}, not confirmed`,
        `suspected ${p}; workup pending`,
      ]);
    case 'history':
      return /^(history|former|status|remote|past)\b/i.test(p) ? p : `history of ${p}`;
    default:
      return p;
  }
}

const saidCache = new WeakMap<readonly TemplateFact[], string>();
const statementsOf = (facts: readonly TemplateFact[]): string => {
  let s = saidCache.get(facts);
  if (s === undefined)
    saidCache.set(facts, (s = facts.map((f) => f.statement.toLowerCase()).join(' | ')));
  return s;
};

export function writeNote(input: NoteInput, r: Random): { heading: string; text: string }[] {
  const { facts, age } = input;
  const by: Record<NoteSection, string[]> = {
    subjective: [],
    objective: [],
    assessment: [],
    plan: [],
  };
  const codedFirst = [
    ...input.coded
      .map((id) => facts.find((f) => f.id === id))
      .filter((f): f is TemplateFact => !!f),
    ...facts.filter((f) => !input.coded.includes(f.id)),
  ];
  const assessment: string[] = [];
  const differential: string[] = [];
  for (const f of codedFirst) {
    const s = sectionOf(f);
    const text = phrase(f, r);
    if (s === 'assessment') (f.certainty === 'uncertain' ? differential : assessment).push(text);
    else by[s].push(`${cap(text)}.`);
  }

  const subjective = [
    `${who(age, input.ageMonths, input.sex)}, ${input.visit === 'new' ? 'new to the practice' : 'established patient'}, seen ${input.chiefComplaint ? `for ${input.chiefComplaint}` : 'today'}.`,
    ...by.subjective,
  ];
  if (r.chance(input.noise.rosNegatives)) {
    // Never deny what the note asserts elsewhere.
    const said = statementsOf(input.allFacts ?? facts);
    const negs = ROS.filter((x) => !said.includes(x) && r.chance(0.35)).slice(0, 4);
    if (negs.length) subjective.push(`Review of systems: denies ${list(negs)}.`);
  }
  if (r.chance(input.noise.unrelatedHistory))
    subjective.push(
      `Past history notable only for ${r.pick(age < 18 ? CHILD_HISTORY : REMOTE_HISTORY)}.`,
    );
  if (r.chance(input.noise.copyForward))
    subjective.push(
      `[Carried forward from the note of ${addDays(input.serviceDate, -r.int(60, 400))}:] Seen for ${r.pick(age < 18 ? STALE_CHILD : STALE_ADULT)}.`,
    );

  const assess = assessment.map((a, i) => `${i + 1}. ${cap(a)}.`);
  if (differential.length) assess.push(`Differential: ${differential.join('; ')}.`);
  return [
    { heading: 'Visit', text: `Office visit on ${input.serviceDate} with ${input.providerName}.` },
    ...(input.chiefComplaint
      ? [{ heading: 'Chief complaint', text: cap(input.chiefComplaint) + '.' }]
      : []),
    { heading: 'Subjective', text: subjective.join(' ') },
    { heading: 'Objective', text: [vitals(age, r), ...by.objective].join(' ') },
    { heading: 'Assessment', text: assess.join(' ') || 'See plan.' },
    {
      heading: 'Plan',
      text:
        [...by.plan, ...(input.plan ?? []).map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))].join(
          ' ',
        ) || 'Return as needed.',
    },
  ];
}
