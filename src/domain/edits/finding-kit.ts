/** Small helpers shared by the edit families: building findings and ordering them. */
import type { Finding, FindingId, Severity } from '../findings';

export function finding(
  id: FindingId,
  severity: Severity,
  line: number | null,
  codes: string[],
  message: string,
  reference: string,
  extra: Pick<Finding, 'suggestion' | 'field' | 'diagnosisIndex'> = {},
): Finding {
  const f: Finding = { id, severity, line, codes, message, reference };
  if (extra.suggestion !== undefined) f.suggestion = extra.suggestion;
  if (extra.field !== undefined) f.field = extra.field;
  if (extra.diagnosisIndex !== undefined) f.diagnosisIndex = extra.diagnosisIndex;
  return f;
}

/**
 * A list for a message, cut after `max` items ("1, 2, 3 and 47 more"): a finding repeated on
 * every line of a long claim must not also name every line, or the output grows with the
 * square of the line count.
 */
export function listSome(items: readonly (string | number)[], max = 10): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * Claim-level findings first, then by line; within a line the order the families ran in
 * (Array.prototype.sort is stable), so the same claim always gives the same list.
 */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  // Usually already in order (the families run line by line): a copy without the sort is the
  // same list, at a fraction of the cost on every claim.
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++)
    sorted = (findings[i - 1]!.line ?? 0) <= (findings[i]!.line ?? 0);
  return sorted ? findings.slice() : [...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The date a line was performed: its own date when given, else the claim's. */
export const lineDate = (claimDate: string, lineServiceDate?: string): string =>
  lineServiceDate ?? claimDate;
