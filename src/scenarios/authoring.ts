/**
 * The studio's pack operations, pure (no I/O, no clock: the date comes in): new packs and
 * cases from skeletons, copies of a read-only pack, items added/replaced/removed by part, the
 * version bump with its changelog entry, and the problems of a pack or one item with their
 * paths. The screens (src/ui/studio/) and the tests call these; storage is
 * src/persistence/pack-store.ts.
 * See: issue 14, scenarios/README.md (authoring in the studio).
 */
import type { Problem } from '../domain/result';
import { formatPath } from './validate-pack';
import {
  SCHEMA_VERSION,
  caseSchema,
  caseTemplateSchema,
  changeSchema,
  planSchema,
  questionBankSchema,
  ruleSchema,
  semver,
} from './format/v2';
import { compareVersions } from './versions';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A deep plain-JSON copy (own enumerable data only). */
export const plainCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The parts an instructor edits item by item in the studio. */
export const EDITABLE_PARTS = ['cases', 'templates', 'plans', 'questionBanks', 'rules'] as const;
export type EditablePart = (typeof EDITABLE_PARTS)[number];

export const PART_LABELS: Record<EditablePart, string> = {
  cases: 'Cases',
  templates: 'Case templates',
  plans: 'Plans and their policies',
  questionBanks: 'Question banks',
  rules: 'Rule data (NCCI)',
};

/** One item of each part, for "Add …" buttons. */
export const PART_ITEM_LABELS: Record<EditablePart, string> = {
  cases: 'case',
  templates: 'case template',
  plans: 'plan',
  questionBanks: 'question bank',
  rules: 'NCCI rule',
};

const PART_SCHEMAS = {
  cases: caseSchema,
  templates: caseTemplateSchema,
  plans: planSchema,
  questionBanks: questionBankSchema,
  rules: ruleSchema,
} as const;

/**
 * A new, empty pack that validates (no cases yet), written against the FY2026 ICD-10-CM and
 * 2026 CPT/HCPCS releases: in force from 1 January 2026 (`today` is not used for the dates, so
 * a new case's date of service has its code sets).
 */
export function newPack(id: string, _today?: string): Obj {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    version: '0.1.0',
    title: 'New scenario pack',
    description: 'Cases written in the ClaimLab studio. Describe what the pack teaches here.',
    effectiveFrom: '2026-01-01',
    codeSets: { icd10cm: 'FY2026', cpt: '2026', hcpcs: '2026' },
    authors: [{ name: 'Instructor' }],
    licence: 'Synthetic training content',
    dependencies: [],
    changelog: [],
    payers: [],
    plans: [],
    rules: [],
    cases: [],
    templates: [],
    questionBanks: [],
    fees: [],
    drugs: [],
  };
}

/** A new case that validates structurally: a Medicare office visit the author then rewrites. */
export function newCase(id: string, serviceDate: string): Obj {
  return {
    id,
    title: 'New case',
    summary: 'What happens in this visit, in a sentence or two.',
    learningObjectives: ['State what the trainee should learn'],
    tags: { chapters: [9], topics: ['hypertension'], setting: 'Physician office (POS 11)' },
    difficulty: 'intro',
    references: ['ICD-10-CM Official Guidelines I.C.9.a'],
    patient: {
      kind: 'fixed',
      firstName: 'Test',
      lastName: 'Patient',
      sex: 'F',
      birthDate: '1950-01-01',
      memberId: '1EG4TE5MK73',
    },
    encounter: {
      payerId: 'medicare',
      provider: {
        name: 'Studio Family Medicine',
        npi: '1234567893',
        pos: '11',
        locality: '10112-00',
      },
      serviceDate,
      chargeMaster: { '99213': '120.00' },
      accumulators: { deductibleMet: '0.00', outOfPocketMet: '0.00' },
    },
    documentation: {
      kind: 'markdown',
      text: '## Assessment\n\nEssential hypertension, controlled.\n\n## Plan\n\nContinue current medication.',
    },
    answer: {
      diagnoses: [
        {
          code: 'I10',
          rationale: 'Essential hypertension is documented and managed at the visit.',
          acceptable: [],
          alternatives: [],
        },
      ],
      lines: [
        {
          code: '99213',
          modifiers: [],
          units: 1,
          dxPointers: [1],
          rationale: 'An established patient visit of low medical decision making.',
          alternatives: [],
        },
      ],
      expected: { status: 'paid', findings: [], adjustments: [] },
    },
  };
}

/** Skeletons for the other parts (each validates on its own except where it names a payer). */
export function newItem(part: EditablePart, id: string, today: string): Obj {
  switch (part) {
    case 'cases':
      return newCase(id, today);
    case 'plans':
      return { id, payerId: 'commercial-ppo', name: 'New plan', policies: {} };
    case 'questionBanks':
      return {
        id,
        title: 'New question bank',
        questions: [
          {
            kind: 'true-false',
            id: `${id}-q1`,
            prompt: 'State something the trainee judges true or false.',
            rationale: 'Explain why in a sentence, with the rule.',
            reference: 'ICD-10-CM Official Guidelines I.A',
            tags: { topics: ['conventions'], chapters: [] },
            difficulty: 'intro',
            caseIds: [],
            answer: true,
          },
        ],
      };
    case 'templates':
      return {
        id,
        title: 'New case template',
        tags: { chapters: [9], topics: ['hypertension'], setting: 'Physician office (POS 11)' },
        difficulty: 'intro',
        references: ['ICD-10-CM Official Guidelines I.C.9.a'],
        patient: { ageBand: { min: 40, max: 80 }, sex: 'any' },
        encounter: {
          payerIds: ['medicare'],
          pos: '11',
          serviceDates: { from: today, to: today },
        },
        facts: [{ id: 'htn', statement: 'essential hypertension', diagnosis: 'I10' }],
        answer: {
          diagnoses: ['htn'],
          lines: [{ code: '99213', modifiers: [], units: 1, facts: ['htn'] }],
          expected: { status: 'paid', findings: [], adjustments: [] },
        },
      };
    case 'rules':
      return {
        kind: 'ncci-mue',
        id,
        code: '99213',
        value: 1,
        indicator: 2,
        effective: today,
        deleted: null,
        rationale: 'One office visit per day by the same physician.',
        source: 'CMS NCCI MUE table (practitioner services)',
      };
  }
}

/** The items of a part (an empty list when the pack has none or the part is not a list). */
export function itemsOf(pack: unknown, part: EditablePart): unknown[] {
  const list = isObj(pack) ? pack[part] : undefined;
  return Array.isArray(list) ? list : [];
}

/** The pack with `item` at `index` of `part` (index = length appends); a new object. */
export function withItem(pack: Obj, part: EditablePart, index: number, item: unknown): Obj {
  const list = [...itemsOf(pack, part)];
  list[Math.min(index, list.length)] = item;
  return { ...pack, [part]: list };
}

export function withoutItem(pack: Obj, part: EditablePart, index: number): Obj {
  return { ...pack, [part]: itemsOf(pack, part).filter((_, i) => i !== index) };
}

/** `base`, or `base-2`, `base-3`, … : the first not in `used`. */
export function freeId(used: Iterable<unknown>, base: string): string {
  const taken = new Set(used);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** An id not used by any item of `part`: `base`, `base-2`, … */
export function freeItemId(pack: unknown, part: EditablePart, base: string): string {
  return freeId(
    itemsOf(pack, part).map((i) => (isObj(i) ? i.id : undefined)),
    base,
  );
}

/** Every problem of one item with its path inside the pack (`cases[2].answer.lines[0].code`). */
export function itemProblems(part: EditablePart, index: number, item: unknown): Problem[] {
  const r = PART_SCHEMAS[part].safeParse(item);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    path: formatPath([part, index, ...i.path]),
    message: i.message,
  }));
}

/**
 * A copy of a read-only (shipped) pack to edit: a new id (`<id>-copy`, or the one given), the
 * same version, the same content. Its cases keep their ids (they belong to the new pack).
 */
export function copyPack(pack: unknown, newId: string): Obj {
  const c = plainCopy(isObj(pack) ? pack : {});
  delete c.$schema;
  return { ...c, id: newId };
}

export type BumpLevel = 'major' | 'minor' | 'patch';

export function nextVersion(version: string, level: BumpLevel): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m || !semver.safeParse(version).success) return null;
  const [maj, min, pat] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (level === 'major') return `${maj + 1}.0.0`;
  if (level === 'minor') return `${maj}.${min + 1}.0`;
  return `${maj}.${min}.${pat + 1}`;
}

export interface ChangeInput {
  kind: 'added' | 'removed' | 'changed';
  refs: string[];
  what: string;
  why: string;
  reference: string;
}

/**
 * The next version of a pack with a changelog entry (what changed, why, the reference, the
 * ids it touches): a new pack object; the previous version stays as it was (stored beside it),
 * so `pack diff` and the refresher compare the two.
 */
export function bumpVersion(
  pack: Obj,
  level: BumpLevel,
  change: ChangeInput,
  date: string,
  summary?: string,
): { ok: true; pack: Obj } | { ok: false; problems: Problem[] } {
  const version = typeof pack.version === 'string' ? nextVersion(pack.version, level) : null;
  if (!version)
    return {
      ok: false,
      problems: [{ path: 'version', message: 'must be a semantic version such as 1.0.0' }],
    };
  const c = changeSchema.safeParse(change);
  if (!c.success)
    return {
      ok: false,
      problems: c.error.issues.map((i) => ({
        path: formatPath(['changelog', 0, 'changes', 0, ...i.path]),
        message: i.message,
      })),
    };
  const entry = { version, date, ...(summary ? { summary } : {}), changes: [c.data] };
  const log = Array.isArray(pack.changelog) ? pack.changelog : [];
  return { ok: true, pack: { ...plainCopy(pack), version, changelog: [entry, ...log] } };
}

/** The stored or shipped version just below `version` among `versions` (for the diff). */
export function previousVersion(versions: readonly string[], version: string): string | undefined {
  return [...versions]
    .filter((v) => compareVersions(v, version) < 0)
    .sort(compareVersions)
    .at(-1);
}
