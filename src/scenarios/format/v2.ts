/**
 * Scenario pack format, schema version 2: one pack (its manifest with every part inline; a
 * folder pack is assembled into this shape by assemble.ts). Every object is strict: an unknown
 * key (a misspelt `modifers`) is an error at its path, never silently dropped. Variants are
 * discriminated unions on a literal `kind`.
 * Format 1 packs reach this shape through the numbered migrations in migrate.ts.
 * See: scenarios/README.md (the authoring guide), issue 12.
 */
import { z } from 'zod';
import { DUAL_STATUSES } from '../../domain/claim/claim';
import { isIsoDate } from '../../domain/time/dates';

export const SCHEMA_VERSION = 2;

const s = z.strictObject;
const text = (min = 1, max = 20_000) => z.string().min(min).max(max);
export const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const money = z.string().regex(/^\d{1,7}\.\d{2}$/, 'must be an amount such as "120.00"');
export const idSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
export const semver = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/,
    'must be a semantic version such as 1.0.0',
  );
export const icdCode = z
  .string()
  .regex(/^[A-Za-z][0-9A-Za-z]{2}(\.?[0-9A-Za-z]{1,4})?$/, 'must be an ICD-10-CM code');
export const procCode = z
  .string()
  .regex(/^(\d{4}[0-9FTU]|[A-Va-v]\d{4})$/, 'must be a CPT or HCPCS code');
export const modifierCode = z.string().regex(/^[0-9A-Z]{2}$/, 'must be a two-character modifier');
const rationale = z.string().min(10, 'rationale must explain the answer in a sentence').max(4000);
/** A guideline, manual or policy citation: "ICD-10-CM Guidelines I.C.4.a", "CMS MCPM ch. 12 §30.6.1.B". */
const reference = text(3, 500);
const difficulty = z.enum(['intro', 'core', 'advanced']);
const groupCode = z.enum(['CO', 'PR', 'OA', 'PI', 'CR']);
const carc = z.string().regex(/^[A-Z]?\d{1,3}$/, 'must be a CARC such as 16 or 197');
const findingId = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a finding id such as ncci.ptp');

/** When a value is in force (an ISO period); `to` is the last day, inclusive; absent = open. */
const period = { from: isoDate, to: isoDate.nullable().optional() };

// ---------------------------------------------------------------- manifest pieces

export const changeSchema = s({
  kind: z.enum(['added', 'removed', 'changed']),
  /**
   * What the change touches, as ids or paths diff.ts reports: `case:dm2-htn`, `question:q-e11a`,
   * `policy:acme-ppo-gold/priorAuthorization`, `rule:ptp/20610/20611`, `code:E11.A`, `payer:acme`.
   */
  refs: z.array(text(3, 200)).min(1),
  /** What changed, in plain words. */
  what: text(10, 2000),
  /** Why: the guideline, code-set or policy change behind it. */
  why: text(10, 2000),
  reference,
});

export const changelogEntrySchema = s({
  version: semver,
  date: isoDate,
  summary: text(3, 500).optional(),
  changes: z.array(changeSchema).min(1),
});

export const manifestFields = {
  /** Editors' hint to the JSON Schema (scenarios/pack.schema.json); ignored. */
  $schema: z.string().max(500).optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: idSchema,
  version: semver,
  title: text(3, 200),
  description: text(10, 4000),
  /** The pack applies to dates of service from this day (inclusive) … */
  effectiveFrom: isoDate,
  /** … to this day (inclusive); absent = still in force. */
  effectiveTo: isoDate.nullable().optional(),
  /** The code-set releases the content was written against. */
  codeSets: s({
    /** ICD-10-CM fiscal year, e.g. "FY2026" (1 October 2025 – 30 September 2026). */
    icd10cm: z.string().regex(/^FY\d{4}$/, 'must be a fiscal year such as FY2026'),
    /** CPT/HCPCS calendar year, e.g. "2026". */
    cpt: z
      .string()
      .regex(/^\d{4}$/, 'must be a year such as 2026')
      .optional(),
    /** HCPCS Level II quarter, e.g. "2026-Q1". */
    hcpcs: z
      .string()
      .regex(/^\d{4}(-Q[1-4])?$/, 'must be a year or a quarter such as 2026-Q1')
      .optional(),
    /** NCCI quarter, e.g. "2026Q1". */
    ncci: z
      .string()
      .regex(/^\d{4}Q[1-4]$/, 'must be a quarter such as 2026Q1')
      .optional(),
  }),
  authors: z.array(s({ name: text(1, 200), role: text(1, 200).optional() })).min(1),
  /** An SPDX identifier or a short licence statement. */
  licence: text(2, 500),
  /** Packs whose payers and plans this pack may reference. */
  dependencies: z.array(s({ id: idSchema, version: semver.optional() })).default([]),
  changelog: z.array(changelogEntrySchema).default([]),
  /** Timed exams an instructor sets from this pack's cases (optional; added in 2026-12). */
  exams: z.array(z.lazy(() => examSchema)).optional(),
};

// ---------------------------------------------------------------- plans and dated policies

const dated = <T extends z.ZodType>(v: T) =>
  z.array(s({ ...period, value: v, source: reference })).min(1, 'needs at least one dated entry');

const procList = z.array(procCode).min(1);

export const policiesSchema = s({
  /** Diagnoses that support a procedure (NCD/LCD or the plan's own policy). */
  medicalNecessity: dated(
    z.array(
      s({
        id: idSchema,
        procedures: procList,
        diagnoses: z.array(icdCode).min(1),
        title: text(3, 300),
        /**
         * The denial for a line no listed diagnosis supports; absent: CO-50 (not medically
         * necessary, with N386/N115 when the source names an NCD/LCD). A diagnosis-to-procedure
         * policy names CARC 11 (diagnosis inconsistent with the procedure) or 167 (diagnosis not
         * covered), with its remarks. See: DOMAIN.md §5 (medical necessity).
         */
        denial: s({
          carc: z.enum(['50', '11', '167']),
          remarks: z
            .array(z.string().regex(/^(MA|M|N)\d{1,3}$/, 'must be a RARC such as N130'))
            .max(4)
            .default([]),
        }).optional(),
      }),
    ),
  ).optional(),
  /** Procedures that need prior authorization (CO-197 without one). */
  priorAuthorization: dated(
    z.array(s({ id: idSchema, procedures: procList, title: text(3, 300) })),
  ).optional(),
  /** Filing limit counted from the date of service. */
  timelyFiling: dated(
    s({
      unit: z.enum(['days', 'months']),
      amount: z.number().int().positive().max(1000),
      /** A last day on a weekend or federal holiday runs to the next workday (Medicare's rule). */
      rollToWorkday: z.boolean().optional(),
    }),
  ).optional(),
  /** Appeal levels in order, each with its filing window from the notice date. */
  appeals: dated(
    z
      .array(
        s({
          level: z.number().int().min(1).max(10),
          name: text(2, 200),
          days: z.number().int().positive().max(3650),
          amountInControversy: money.optional(),
        }),
      )
      .min(1),
  ).optional(),
  /** Modifier rules (e.g. 25 needs a diagnosis the procedure does not have). */
  modifiers: dated(
    z.array(
      s({
        modifier: modifierCode,
        rule: z.enum([
          'distinct-diagnosis',
          'documentation-required',
          'not-recognised',
          'pays-as-ncci',
        ]),
        title: text(3, 300),
      }),
    ),
  ).optional(),
});

export const planSchema = s({
  id: idSchema,
  /** A payer in this pack, in a dependency, or the built-in payers (medicare, commercial-ppo, medicaid). */
  payerId: idSchema,
  name: text(2, 200),
  policies: policiesSchema,
});

// ---------------------------------------------------------------- rule data (NCCI subsets)

export const ruleSchema = z.discriminatedUnion('kind', [
  s({
    kind: z.literal('ncci-ptp'),
    id: idSchema,
    column1: procCode,
    column2: procCode,
    effective: isoDate,
    deleted: isoDate.nullable().default(null),
    modifierIndicator: z.enum(['0', '1', '9']),
    rationale,
    source: reference,
  }),
  s({
    kind: z.literal('ncci-mue'),
    id: idSchema,
    code: procCode,
    value: z.number().int().min(0).max(10_000),
    indicator: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    effective: isoDate,
    deleted: isoDate.nullable().default(null),
    rationale,
    source: reference,
  }),
]);

// ---------------------------------------------------------------- cases

const patientSchema = s({
  firstName: text(1, 100),
  lastName: text(1, 100),
  sex: z.enum(['F', 'M', 'U']),
  birthDate: isoDate,
  memberId: text(1, 80),
  dualStatus: z.enum(DUAL_STATUSES).optional(),
});

const providerSchema = s({
  name: text(1, 200),
  npi: z.string().regex(/^\d{10}$/, 'must be 10 digits'),
  pos: z.string().regex(/^\d{2}$/, 'must be a two-digit place of service'),
  locality: z.string().regex(/^\d{5}-\d{2}$/, 'must be MAC-locality, e.g. 10112-00'),
});

/** Constraints for a patient generated from a seed (the practice issue's generator reads them). */
const generatedPatientSchema = s({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  ageBand: s({ min: z.number().int().min(0).max(120), max: z.number().int().min(0).max(120) }),
  sex: z.enum(['F', 'M', 'U', 'any']).default('any'),
  dualStatus: z.enum(DUAL_STATUSES).optional(),
});

const encounterSchema = s({
  payerId: idSchema,
  /** A plan of the payer whose policies apply (in this pack or a dependency). */
  planId: idSchema.optional(),
  provider: providerSchema,
  serviceDate: isoDate,
  /**
   * The day the answer-key claim is sent (default: the date of service): the payer's timely
   * filing counts to it (a late claim is the case's point).
   */
  submissionDate: isoDate.optional(),
  /** The practice's charge for each code the trainee may bill. */
  chargeMaster: z.record(procCode, money),
  accumulators: s({ deductibleMet: money, outOfPocketMet: money }).default({
    deductibleMet: '0.00',
    outOfPocketMet: '0.00',
  }),
});

const documentationSchema = z.discriminatedUnion('kind', [
  s({
    kind: z.literal('soap'),
    sections: z.array(s({ heading: text(1, 200), text: text(1, 50_000) })).min(4),
  }),
  s({ kind: z.literal('markdown'), text: text(20, 100_000) }),
]);

const partial = s({
  code: icdCode,
  /** Share of the item's points, 0 < credit < 1 (default 0.5). */
  credit: z.number().gt(0).lt(1).default(0.5),
  rationale,
});

export const answerDiagnosisSchema = s({
  code: icdCode,
  rationale,
  /** Codes that are just as right (full credit). */
  acceptable: z.array(icdCode).default([]),
  /** Codes that are partly right, each with why. */
  alternatives: z.array(partial).default([]),
});

export const answerLineSchema = s({
  code: procCode,
  modifiers: z.array(modifierCode).max(4).default([]),
  units: z.number().int().min(1).max(9999),
  /** 1-based pointers into answer.diagnoses. */
  dxPointers: z.array(z.number().int().min(1).max(12)).min(1).max(4),
  rationale,
  alternatives: z.array(partial.extend({ code: procCode })).default([]),
});

/**
 * Records sent with the claim (837P 2300 PWK): PWK01 report type (09 progress report, OZ support
 * data…), PWK02 transmission (EL, FX, BM, EM, FT sent; AA available on request, not sent).
 */
export const attachmentSchema = s({
  reportType: z
    .string()
    .regex(/^[0-9A-Z]{2}$/, 'must be a two-character PWK01 report type such as 09'),
  transmission: z.enum(['AA', 'BM', 'EL', 'EM', 'FT', 'FX']),
  controlNumber: text(1, 80).optional(),
});

export const claimStatus = z.enum(['paid', 'partially-paid', 'denied', 'rejected']);

/** What the answer key must do in the scrubber and at the payer. */
export const expectedSchema = s({
  status: claimStatus,
  /** Error findings the scrubber must raise (the case's point); any other error fails the key. */
  findings: z.array(findingId).default([]),
  /** Adjustments the remittance must carry, e.g. { group: "CO", carc: "4" }. */
  adjustments: z.array(s({ group: groupCode, carc })).default([]),
});

export const denialActionSchema = z.enum([
  'correct-and-resubmit',
  'corrected-claim',
  'reopening',
  'appeal',
  'write-off',
  'bill-patient',
  'bill-secondary',
  /** Bill the payer that is primary (or responsible) instead, e.g. after CO-22. */
  'bill-other-payer',
  'post-only',
]);

/** Facts for the order of benefits (NAIC COB model regulation; Medicare Secondary Payer rules). */
const coverageFactsSchema = s({
  relation: z.enum(['self', 'spouse', 'dependent']),
  /** The policyholder's birth date (the birthday rule for dependent children). */
  holderBirthDate: isoDate.optional(),
  since: isoDate.optional(),
  employerGroup: s({
    employees: z.number().int().min(0).max(10_000_000),
    currentEmployment: z.boolean(),
  }).optional(),
  accidentCoverage: z.boolean().optional(),
});

/** A case that starts after a remittance: the trainee works the denial. */
export const afterRemittanceSchema = s({
  /** What the submitted claim had (when it differs from the answer key), as an answer key. */
  submitted: s({
    /** When the claim was sent (the payer's receipt date: timely filing); default the date of service. */
    submissionDate: isoDate.optional(),
    /** 1 original (default), 7 replacement, 8 void (Medicare Part B returns 7 and 8 unprocessed). */
    frequency: z.enum(['1', '7', '8']).optional(),
    /** The payer claim number a replacement or void names. */
    originalClaimId: text(1, 80).optional(),
    /** The id of an identical claim sent earlier, which the payer has on record (OA-18). */
    duplicateOf: text(1, 80).optional(),
    /**
     * Coordination of benefits as the claim states it (claimlab's claim JSON): the facts of the
     * coverage billed and the other coverages, from which the payer works out who is primary
     * (CO-22 when another payer is). See: src/domain/claim/other-payers.ts.
     */
    coverage: coverageFactsSchema.optional(),
    otherPayers: z
      .array(
        s({
          payerId: idSchema,
          sequence: z.enum(['primary', 'secondary', 'tertiary']),
          memberId: text(1, 80).optional(),
          coverage: coverageFactsSchema.optional(),
        }),
      )
      .max(3)
      .optional(),
    diagnoses: z.array(icdCode).min(1).max(12),
    lines: z
      .array(
        s({
          code: procCode,
          modifiers: z.array(modifierCode).max(4).default([]),
          units: z.number().int().min(1).max(9999),
          dxPointers: z.array(z.number().int().min(1).max(12)).min(1).max(4),
        }),
      )
      .min(1),
  }),
  remittance: s({
    /**
     * true (default): `pack validate` adjudicates `submitted` and the payer must give this status
     * and these group/CARC pairs (on these lines); false for a remittance the simulated payer
     * cannot produce (say why in the key's rationale).
     */
    simulate: z.boolean().default(true),
    status: claimStatus,
    remitDate: isoDate,
    adjustments: z
      .array(
        s({
          line: z.number().int().min(1).nullable(),
          group: groupCode,
          carc,
          rarc: z.array(z.string().regex(/^[A-Z]{1,2}\d{1,3}$/)).default([]),
          amount: money,
        }),
      )
      .min(1),
  }),
  key: s({
    actions: z.array(denialActionSchema).min(1),
    /** Appeal level (1 = first) when an appeal is right. */
    appealLevel: z.number().int().min(1).max(10).optional(),
    rationale,
  }),
});

export const caseSchema = s({
  id: idSchema,
  title: text(3, 200),
  summary: text(10, 2000),
  learningObjectives: z.array(text(5, 500)).min(1),
  tags: s({
    /** ICD-10-CM chapter numbers (1–22) the case exercises. */
    chapters: z.array(z.number().int().min(1).max(22)).default([]),
    topics: z.array(text(2, 80)).min(1),
    setting: text(3, 200),
  }),
  difficulty,
  references: z.array(reference).min(1),
  patient: z.discriminatedUnion('kind', [
    s({ kind: z.literal('fixed'), ...patientSchema.shape }),
    s({ kind: z.literal('generated'), ...generatedPatientSchema.shape }),
  ]),
  encounter: encounterSchema,
  documentation: documentationSchema,
  answer: s({
    diagnoses: z.array(answerDiagnosisSchema).min(1).max(12),
    lines: z.array(answerLineSchema).min(1).max(50),
    /** Records the claim says it sends (a plan's documentation-required modifier rule reads them). */
    attachments: z.array(attachmentSchema).max(10).optional(),
    expected: expectedSchema,
  }),
  afterRemittance: afterRemittanceSchema.optional(),
});

// ---------------------------------------------------------------- case templates (shape only)

/** Clinical facts → an answer key; the practice's generator fills patient and note from them. */
export const caseTemplateSchema = s({
  id: idSchema,
  title: text(3, 200),
  tags: caseSchema.shape.tags,
  difficulty,
  references: z.array(reference).min(1),
  patient: generatedPatientSchema.omit({ seed: true }),
  encounter: s({
    payerIds: z.array(idSchema).min(1),
    pos: providerSchema.shape.pos,
    /** Dates of service are drawn in this period. */
    serviceDates: s({ from: isoDate, to: isoDate }),
    /** "new": a patient new to the practice every time; "established" (default): a panel patient. */
    visit: z.enum(['new', 'established']).optional(),
    /** The reason for the visit, in the patient's or the clinician's words. */
    chiefComplaint: text(3, 300).optional(),
    /** A prior authorization on file ("on-file": the claim carries its number) or knowingly not. */
    priorAuth: z.enum(['on-file', 'missing']).optional(),
    /** How often the practice's schedule books this template relative to others (default 1). */
    weight: z.number().gt(0).max(100).optional(),
  }),
  facts: z
    .array(
      s({
        id: idSchema,
        /** Plain statement the note generator renders, e.g. "type 2 diabetes with CKD stage 3a". */
        statement: text(3, 500),
        diagnosis: icdCode.optional(),
        /** Noise the trainee must see through: negated or uncertain facts are not coded. */
        certainty: z.enum(['confirmed', 'negated', 'uncertain', 'history']).default('confirmed'),
        /** Other noun phrases for the same fact; the note draws one (or the statement) per encounter. */
        phrasings: z.array(text(3, 500)).max(10).optional(),
        /** Where the note says it (default: negated and history in Subjective, the rest in Assessment). */
        section: z.enum(['subjective', 'objective', 'assessment', 'plan']).optional(),
        /** Noise that appears in this share of notes (a coded fact always appears). */
        probability: z.number().gt(0).max(1).optional(),
      }),
    )
    .min(1),
  /** What the clinician did, a sentence each, for the note's Plan. */
  plan: z.array(text(3, 1000)).max(20).optional(),
  answer: s({
    /** Fact ids in first-listed order; each fact must carry a diagnosis. */
    diagnoses: z.array(idSchema).min(1).max(12),
    lines: z
      .array(
        s({
          code: procCode,
          modifiers: z.array(modifierCode).max(4).default([]),
          units: z.number().int().min(1).max(9999),
          /** Fact ids the line points to. */
          facts: z.array(idSchema).min(1).max(4),
        }),
      )
      .min(1),
    expected: expectedSchema,
  }),
});

// ---------------------------------------------------------------- questions

const qBase = {
  id: idSchema,
  prompt: text(5, 4000),
  rationale,
  reference,
  tags: s({
    topics: z.array(text(2, 80)).min(1),
    chapters: z.array(z.number().int().min(1).max(22)).default([]),
  }),
  difficulty,
  /** Cases that exercise the same point. */
  caseIds: z.array(idSchema).default([]),
};
const choice = s({ id: z.string().regex(/^[a-z0-9]{1,8}$/), text: text(1, 1000) });

export const questionSchema = z.discriminatedUnion('kind', [
  s({
    kind: z.literal('single-choice'),
    ...qBase,
    choices: z.array(choice).min(2).max(10),
    answer: z.string(),
  }),
  s({
    kind: z.literal('multiple-choice'),
    ...qBase,
    choices: z.array(choice).min(2).max(10),
    answers: z.array(z.string()).min(1),
  }),
  s({
    kind: z.literal('code-entry'),
    ...qBase,
    codeSystem: z.enum(['icd10cm', 'cpt-hcpcs', 'modifier']),
    /** Date the code must be valid on. */
    asOf: isoDate,
    answers: z.array(z.string().min(2).max(10)).min(1),
  }),
  s({
    kind: z.literal('sequencing'),
    ...qBase,
    asOf: isoDate,
    /** The codes in the right order (shown shuffled). */
    order: z.array(icdCode).min(2).max(12),
  }),
  s({ kind: z.literal('true-false'), ...qBase, answer: z.boolean() }),
  s({
    kind: z.literal('claim-outcome'),
    ...qBase,
    /** A case whose answer key is the claim; its `expected` is the outcome. */
    caseId: idSchema,
    choices: z.array(choice).min(2).max(10),
    answer: z.string(),
  }),
]);

export const questionBankSchema = s({
  id: idSchema,
  title: text(3, 200),
  questions: z.array(questionSchema).min(1),
});

// ---------------------------------------------------------------- exams

/**
 * An exam: cases of this pack worked in exam mode (no scrubber, no hints, the answer key hidden
 * until the exam is submitted), within a time limit, scored at the end and locked.
 */
export const examSchema = s({
  id: idSchema,
  title: text(3, 200),
  instructions: text(10, 4000).optional(),
  /** The time limit for the whole exam. */
  minutes: z.number().int().min(1).max(600),
  /** Cases of this pack, in the order they are presented. */
  caseIds: z.array(idSchema).min(1).max(50),
});

// ---------------------------------------------------------------- the pack

export const packV2Schema = s({
  ...manifestFields,
  /** Payer profiles (src/domain/payer/profile.ts), validated by parsePayerProfile. */
  payers: z.array(z.unknown()).default([]),
  plans: z.array(planSchema).default([]),
  rules: z.array(ruleSchema).default([]),
  cases: z.array(caseSchema).default([]),
  templates: z.array(caseTemplateSchema).default([]),
  questionBanks: z.array(questionBankSchema).default([]),
  /** Fee tables (src/domain/payer/pricing/fees.ts), kept as given. */
  fees: z.array(z.unknown()).default([]),
  /** Part B drug payment tables (ASP, one quarter each: src/domain/payer/pricing/asp.ts), kept as given. */
  drugs: z.array(z.unknown()).default([]),
});

/** The manifest with its parts unparsed: the validator parses each item on its own (once). */
export const manifestSchema = s({
  ...manifestFields,
  payers: z.array(z.unknown()).default([]),
  plans: z.array(z.unknown()).default([]),
  rules: z.array(z.unknown()).default([]),
  cases: z.array(z.unknown()).default([]),
  templates: z.array(z.unknown()).default([]),
  questionBanks: z.array(z.unknown()).default([]),
  fees: z.array(z.unknown()).default([]),
  drugs: z.array(z.unknown()).default([]),
});

export type PackV2 = z.infer<typeof packV2Schema>;
export type PackV2Input = z.input<typeof packV2Schema>;
export type CaseV2 = z.infer<typeof caseSchema>;
export type QuestionV2 = z.infer<typeof questionSchema>;
export type QuestionBankV2 = z.infer<typeof questionBankSchema>;
export type ExamV2 = z.infer<typeof examSchema>;
export type PlanV2 = z.infer<typeof planSchema>;
export type CaseTemplateV2 = z.infer<typeof caseTemplateSchema>;
export type RuleV2 = z.infer<typeof ruleSchema>;
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;
