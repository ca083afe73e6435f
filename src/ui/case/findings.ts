/**
 * Places each finding next to what it concerns: a service line (finding.line), a diagnosis
 * (finding.diagnosisIndex, or a claim-level code finding naming the diagnosis code), or the
 * claim as a whole.
 */
import type { Finding } from '../../domain/findings';
import { icdKey, parseIcd10 } from '../../domain/codes/code';

export interface PlacedFindings {
  byDiagnosis: Finding[][];
  byLine: Finding[][];
  claim: Finding[];
}

export function placeFindings(
  findings: readonly Finding[],
  diagnoses: readonly string[],
  lineCount: number,
): PlacedFindings {
  const byDiagnosis = diagnoses.map((): Finding[] => []);
  const byLine = Array.from({ length: lineCount }, (): Finding[] => []);
  const claim: Finding[] = [];
  const keys = diagnoses.map(icdKey);
  for (const f of findings) {
    if (f.line !== null && f.line >= 1 && f.line <= lineCount) {
      byLine[f.line - 1]?.push(f);
      continue;
    }
    if (
      f.diagnosisIndex !== undefined &&
      f.diagnosisIndex >= 0 &&
      f.diagnosisIndex < diagnoses.length
    ) {
      byDiagnosis[f.diagnosisIndex]?.push(f);
      continue;
    }
    const dx = f.field?.match(/^diagnoses\[(\d+)\]/)?.[1] ?? null;
    const byCode = f.codes.length
      ? keys.findIndex((k) => f.codes.some((c) => icdKey(c) === k))
      : -1;
    const i = dx !== null ? Number(dx) : byCode;
    if (i >= 0 && i < diagnoses.length) byDiagnosis[i]?.push(f);
    else claim.push(f);
  }
  return { byDiagnosis, byLine, claim };
}

export const dxLetter = (i: number) => String.fromCharCode(65 + i);

/**
 * The ICD-10-CM code a finding's "open in the encoder" button opens: the first code its
 * suggestion names (W21.89XA for W21.89A), else the first diagnosis code it is about.
 */
export function lookupTarget(f: {
  suggestion?: string | undefined;
  codes?: readonly string[];
}): string | undefined {
  const fromSuggestion = (f.suggestion ?? '').match(/\b[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?\b/g);
  for (const c of [...(fromSuggestion ?? []), ...(f.codes ?? [])]) {
    const icd = parseIcd10(c);
    if (icd) return icd;
  }
  return undefined;
}
