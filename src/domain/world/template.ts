/**
 * A case template as the world's generator reads it: clinical facts and the answer key that
 * codes them. Structurally the pack format's `caseTemplateSchema` (src/scenarios/format/v2.ts,
 * parsed there), restated here because domain/ imports nothing above it.
 * See: scenarios/README.md (Case templates), issue 15 (synthetic world).
 */
import type { DualStatus } from '../claim/claim';

/**
 * confirmed: coded when the answer lists it; negated ("denies chest pain") and uncertain ("rule
 * out pneumonia") are noise the trainee must not code in outpatient care; history is coded only
 * as a history/status Z code when the answer lists it.
 * See: ICD-10-CM Official Guidelines IV.H (uncertain diagnoses), IV.J (chronic diseases).
 */
export type FactCertainty = 'confirmed' | 'negated' | 'uncertain' | 'history';
export type NoteSection = 'subjective' | 'objective' | 'assessment' | 'plan';

export interface TemplateFact {
  id: string;
  /** A noun phrase the note renders: "type 2 diabetes with stage 3a chronic kidney disease". */
  statement: string;
  diagnosis?: string | undefined;
  certainty: FactCertainty;
  /** Other ways the note may say it (one is drawn per encounter; `statement` is one of them). */
  phrasings?: string[] | undefined;
  /** Where the note says it (default: by certainty). */
  section?: NoteSection | undefined;
  /** A noise fact appears in this share of the notes (facts the answer codes always appear). */
  probability?: number | undefined;
}

export interface TemplateLine {
  code: string;
  modifiers: string[];
  units: number;
  /** Fact ids the line points to (they must be among answer.diagnoses). */
  facts: string[];
}

export type ExpectedStatus = 'paid' | 'partially-paid' | 'denied' | 'rejected';

export interface EncounterTemplate {
  id: string;
  title: string;
  patient: {
    ageBand: { min: number; max: number };
    sex: 'F' | 'M' | 'U' | 'any';
    dualStatus?: DualStatus | undefined;
  };
  encounter: {
    payerIds: string[];
    pos: string;
    serviceDates: { from: string; to: string };
    /** New patients are new to the practice (a fresh patient every time). */
    visit?: 'new' | 'established' | undefined;
    chiefComplaint?: string | undefined;
    /** Whether the practice has a prior authorization on file for the visit (default none). */
    priorAuth?: 'on-file' | 'missing' | undefined;
    /** How often the schedule books this template relative to the others (default 1). */
    weight?: number | undefined;
  };
  facts: TemplateFact[];
  /** Plan lines for the note (what was done and why). */
  plan?: string[] | undefined;
  answer: {
    diagnoses: string[];
    lines: TemplateLine[];
    expected: { status: ExpectedStatus; findings: string[] };
  };
}

/** A template and the pack it came from (the encounter's templateId is `pack/template`). */
export interface TemplateEntry {
  packId: string;
  template: EncounterTemplate;
}

export const templateEntries = (
  packId: string,
  templates: readonly EncounterTemplate[],
): TemplateEntry[] => templates.map((template) => ({ packId, template }));

/** Problems a generator would trip on (the pack validator reports these at their paths). */
export function templateProblems(
  t: EncounterTemplate,
  chargeMaster: Readonly<Record<string, number>>,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const facts = new Map(t.facts.map((f) => [f.id, f]));
  if (t.patient.ageBand.min > t.patient.ageBand.max)
    out.push({ path: ['patient', 'ageBand'], message: 'min is greater than max' });
  t.answer.diagnoses.forEach((id, j) => {
    const f = facts.get(id);
    if (f?.probability !== undefined && f.probability < 1)
      out.push({
        path: ['answer', 'diagnoses', j],
        message: `fact ${id} is coded, so it must appear in every note (drop its probability)`,
      });
  });
  t.answer.lines.forEach((l, j) => {
    if (!Object.hasOwn(chargeMaster, l.code.toUpperCase()))
      out.push({
        path: ['answer', 'lines', j, 'code'],
        message: `${l.code} has no charge in the practice's charge master (src/domain/world/charges.ts)`,
      });
  });
  return out;
}
