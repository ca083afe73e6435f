/**
 * The whole-attempt answer key of a format-2 case (src/domain/scoring CaseKey): the coding key
 * with acceptable codes and numeric partial credit, the expected outcome at the payer, the
 * denial key of a case that starts after a remittance, and the charge master.
 */
import type { CaseKey } from '../domain/scoring/types';
import type { CaseV2 } from './format/v2';

export function caseKeyOf(c: CaseV2): CaseKey {
  const a = c.answer;
  return {
    diagnoses: a.diagnoses.map((d) => ({
      code: d.code,
      rationale: d.rationale,
      acceptable: d.acceptable,
      alternatives: d.alternatives,
    })),
    lines: a.lines.map((l) => ({
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      dxPointers: l.dxPointers,
      rationale: l.rationale,
      alternatives: l.alternatives,
    })),
    expected: { status: a.expected.status, findings: a.expected.findings },
    ...(c.afterRemittance
      ? {
          denial: {
            actions: c.afterRemittance.key.actions,
            ...(c.afterRemittance.key.appealLevel !== undefined
              ? { appealLevel: c.afterRemittance.key.appealLevel }
              : {}),
            rationale: c.afterRemittance.key.rationale,
          },
        }
      : {}),
    chargeMaster: c.encounter.chargeMaster,
  };
}
