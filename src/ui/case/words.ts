/**
 * Wording helpers for the case screens: remittance statuses in words, counted nouns with the
 * right plural, and finding references without ClaimLab's internal file paths.
 */

const STATUS_WORDS: Record<string, string> = {
  paid: 'Paid',
  'partially-paid': 'Partially paid',
  denied: 'Denied',
  rejected: 'Rejected',
  voided: 'Voided',
  refused: 'Reopening refused',
};

/** A remittance status as people say it ("partially-paid" → "Partially paid"). */
export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "1 match", "2 matches", "1 finding", "3 findings". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Repository paths (src/…, scenarios/…, codesets/…, test/…) a reader of the app has no use for. */
const FILE_PATH = /\b(?:src|scenarios|codesets|test)\/[\w.@/-]+\.(?:ts|json|md|svelte|csv)\b/g;

/** A finding's reference with internal file paths taken out (and the brackets they leave). */
export function readableReference(ref: string): string {
  return ref
    .replace(FILE_PATH, '')
    .replace(/\(\s*[,;:]?\s*\)|\[\s*\]/g, '')
    .replace(/\(\s*[,;]\s*/g, '(')
    .replace(/\s*[,;]\s*(?=[,;.)]|$)/g, '')
    .replace(/\b(?:See|see):\s*(?=$|[.;])/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .replace(/[,;:]$/, '')
    .trim();
}
