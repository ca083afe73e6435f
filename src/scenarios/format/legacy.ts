/**
 * A validated v2 pack in the shape the app reads today (`Pack`/`CaseFile` of schema.ts, format
 * 1), so the one pack reader can read every pack through the migrations and hand the current
 * UI, payer service and scoring what they expect until they read v2 themselves. Lossy where
 * format 1 has no field: acceptable codes, numeric credit (all "partial"), learning objectives,
 * tags, references, plans, rules, templates, questions and `afterRemittance` are dropped; a
 * generated patient is made from its seed and constraints (domain/world/case-patient.ts).
 */
import type { CaseFile, Pack } from '../schema';
import type { CaseV2, PackV2 } from './v2';
import { casePatient } from '../../domain/world/case-patient';

/**
 * The case's patient as the app and the claim see it: the fixed patient, or for a generated one
 * the synthetic person its seed gives within its constraints (age band on the date of service,
 * sex, dual status), the same every time.
 */
export function patientOf(c: CaseV2): CaseFile['patient'] {
  const e = c.encounter;
  const p = c.patient;
  return p.kind === 'fixed'
    ? {
        firstName: p.firstName,
        lastName: p.lastName,
        sex: p.sex,
        birthDate: p.birthDate,
        memberId: p.memberId,
        ...(p.dualStatus ? { dualStatus: p.dualStatus } : {}),
      }
    : casePatient(p, e.serviceDate, e.payerId);
}

export function caseV2ToLegacy(c: CaseV2): CaseFile {
  const e = c.encounter;
  return {
    format: 1,
    id: c.id,
    title: c.title,
    summary: c.summary,
    setting: c.tags.setting,
    patient: patientOf(c),
    payerId: e.payerId,
    ...(e.planId ? { planId: e.planId } : {}),
    provider: e.provider,
    serviceDate: e.serviceDate,
    documentation:
      c.documentation.kind === 'soap'
        ? c.documentation
        : {
            kind: 'soap',
            sections: [{ heading: 'Note', text: c.documentation.text }],
            markdown: c.documentation.text,
          },
    chargeMaster: e.chargeMaster,
    accumulators: e.accumulators,
    answer: {
      diagnoses: c.answer.diagnoses.map((d) => ({
        code: d.code,
        rationale: d.rationale,
        alternatives: d.alternatives.map((a) => ({
          code: a.code,
          credit: 'partial' as const,
          rationale: a.rationale,
        })),
      })),
      lines: c.answer.lines.map((l) => ({
        code: l.code,
        modifiers: l.modifiers,
        units: l.units,
        dxPointers: l.dxPointers,
        rationale: l.rationale,
        alternatives: l.alternatives.map((a) => ({
          code: a.code,
          credit: 'partial' as const,
          rationale: a.rationale,
        })),
      })),
    },
  };
}

/** How the legacy shape names each item of a part: the file it came from. */
export type PartFile = (part: 'payers' | 'fees' | 'drugs', i: number) => string;

/**
 * @param fileOf names each payer, fee table and drug table (the assembled pack's `sources`):
 * the payer service keys fee tables by file name (a payer's `{ "kind": "table", "file" }`).
 */
export function packV2ToLegacy(p: PackV2, fileOf: PartFile): Pack {
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    description: p.description,
    cases: p.cases.map(caseV2ToLegacy),
    payers: p.payers.map((data, i) => ({ file: fileOf('payers', i), data })),
    fees: p.fees.map((data, i) => ({ file: fileOf('fees', i), data })),
    drugs: p.drugs.map((data, i) => ({ file: fileOf('drugs', i), data })),
    ...(p.plans.length ? { plans: p.plans } : {}),
  };
}
