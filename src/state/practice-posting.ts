/**
 * The posting form's text fields → a line-by-line posting (posting.ts), or the problems naming
 * each line and field that is not an amount. Blank means $0.00, as on a posting screen.
 */
import { parseMoney, type Cents } from '../domain/money';
import {
  LINE_FIELDS,
  type LineField,
  type LinePosting,
  type PostingProblem,
  type RemittancePosting,
} from '../machines/posting';

export type LineForm = { line: number; code: string } & Record<LineField, string>;
export interface PostingForm {
  lines: LineForm[];
  takeBack: string;
}

export { LINE_FIELDS };

/** An empty form for the remittance's lines. */
export function blankPosting(lines: readonly { line: number; code: string }[]): PostingForm {
  return {
    lines: lines.map((l) => ({
      line: l.line,
      code: l.code,
      payment: '',
      contractual: '',
      deductible: '',
      coinsurance: '',
      copay: '',
      otherPatient: '',
      parked: '',
    })),
    takeBack: '',
  };
}

function amount(raw: string): Cents | null {
  const t = raw.trim();
  if (t === '') return 0 as Cents;
  const v = parseMoney(t);
  return v !== null && v >= 0 ? v : null;
}

export function postingOf(
  f: PostingForm,
): { ok: true; value: RemittancePosting } | { ok: false; problems: PostingProblem[] } {
  const problems: PostingProblem[] = [];
  const lines: LinePosting[] = f.lines.map((l) => {
    const out = { line: l.line } as LinePosting;
    for (const [k, words] of LINE_FIELDS) {
      const v = amount(l[k]);
      if (v === null)
        problems.push({
          line: l.line,
          field: k,
          message: `Line ${l.line} (${l.code}) ${words}: "${l[k]}" is not an amount (e.g. 12.34).`,
        });
      out[k] = v ?? (0 as Cents);
    }
    return out;
  });
  const takeBack = amount(f.takeBack);
  if (takeBack === null)
    problems.push({
      line: null,
      field: 'takeBack',
      message: `Take-back: "${f.takeBack}" is not an amount (e.g. 12.34).`,
    });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, value: { lines, takeBack: takeBack ?? (0 as Cents) } };
}
