/**
 * Parser for the CDC/NCHS ICD-10-CM code addenda (icd10cm_codes_addenda_YYYY.txt /
 * icd10cm-codes-addenda-YYYY.txt) and order addenda (…order_addenda…, same lines with the
 * billable flag): "Add:", "Delete:", "Revise from:" / "Revise to:" followed by a code and its
 * description. Pure: takes the text.
 */
import type { Problem, Result } from '../../domain/result';

export interface AddendaEntry {
  kind: 'add' | 'delete' | 'revise';
  /** Dotless. */
  code: string;
  desc: string;
  /** For revisions: the description before. */
  before?: string;
  /** Order addenda only: the billable flag after the change. */
  billable?: boolean;
  /** Order addenda only: the short title (and, for revisions, the one before). */
  short?: string;
  shortBefore?: string;
}

const LINE_RE = /^(Add|Delete|Revise from|Revise to):\s+(?:([01])\s+)?([A-Z][0-9A-Z]{2,6})\s+(.*)$/;

/**
 * The summary CDC appends after the changes ("Codes / 74719 codes in icd10cm_order_2026.txt /
 * 487 additions …", "Headers / 23467 headers in …"): the expected counts of the new order file.
 */
export interface AddendaSummary {
  /** Billable codes and headers in the new order file, when stated. */
  codes?: number;
  headers?: number;
}

export function parseAddenda(text: string, fileName: string): Result<AddendaEntry[]> {
  const r = parseAddendaWithSummary(text, fileName);
  return r.ok ? { ok: true, value: r.value.entries } : r;
}

export function parseAddendaWithSummary(
  text: string,
  fileName: string,
): Result<{
  entries: AddendaEntry[];
  summary: AddendaSummary;
  /** The same counts of the previous order file ("74260 codes in icd10cm_order_2025.txt"). */
  previous: AddendaSummary;
  countedFile?: string;
}> {
  const summary: AddendaSummary = {};
  const previous: AddendaSummary = {};
  let countedFile: string | undefined;
  let section = '';
  const out: AddendaEntry[] = [];
  const errors: Problem[] = [];
  const lines = text.split(/\r?\n/);
  let pendingFrom: { code: string; desc: string; line: number; short?: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (!line.trim()) continue;
    const m = LINE_RE.exec(line);
    if (!m && /^(Codes|Headers|of which)$/i.test(line.trim())) {
      section = line.trim().toLowerCase();
      continue;
    }
    if (!m && section) {
      // Summary lines: "  74719 codes in icd10cm_order_2026.txt" (the second one is the new file).
      const s = /^\s*(\d+) (codes|headers) in (\S*)/.exec(line);
      if (s) {
        const k = s[2] as 'codes' | 'headers';
        // The first count of a section is the previous file's, the second the new one's.
        if (summary[k] !== undefined) previous[k] = summary[k];
        summary[k] = Number(s[1]);
      }
      if (s?.[2] === 'codes' && s[3]) countedFile = s[3]; // the order file counted
      continue;
    }
    if (!m) {
      errors.push({
        path: `${fileName}:${i + 1}`,
        message:
          'expected "Add:", "Delete:", "Revise from:" or "Revise to:" followed by a code and a description',
      });
      if (errors.length >= 20) break;
      continue;
    }
    const [, verb, flag, code = '', rest = ''] = m;
    // Order addenda carry short and long descriptions in fixed columns: keep the long one.
    const desc =
      flag !== undefined && rest.length > 61 ? rest.slice(61).trim() || rest.trim() : rest.trim();
    const billable = flag === undefined ? undefined : flag === '1';
    const short = flag !== undefined && rest.length > 61 ? rest.slice(0, 61).trim() : undefined;
    if (verb === 'Revise from') {
      pendingFrom = { code, desc, line: i + 1, ...(short ? { short } : {}) };
      continue;
    }
    if (verb === 'Revise to') {
      if (!pendingFrom || pendingFrom.code !== code) {
        errors.push({
          path: `${fileName}:${i + 1}`,
          message: `"Revise to: ${code}" without a matching "Revise from:" line`,
        });
        continue;
      }
      out.push({
        kind: 'revise',
        code,
        desc,
        before: pendingFrom.desc,
        ...(billable === undefined ? {} : { billable }),
        ...(short ? { short } : {}),
        ...(pendingFrom.short ? { shortBefore: pendingFrom.short } : {}),
      });
      pendingFrom = null;
      continue;
    }
    out.push({
      kind: verb === 'Add' ? 'add' : 'delete',
      code,
      desc,
      ...(billable === undefined ? {} : { billable }),
      ...(short ? { short } : {}),
    });
  }
  if (pendingFrom)
    errors.push({
      path: `${fileName}:${pendingFrom.line}`,
      message: '"Revise from:" without the following "Revise to:" line (file truncated?)',
    });
  if (errors.length) return { ok: false, errors };
  if (!out.length)
    return {
      ok: false,
      errors: [
        { path: fileName, message: 'no addenda lines: the file is empty or not an addenda file' },
      ],
    };
  return {
    ok: true,
    value: { entries: out, summary, previous, ...(countedFile ? { countedFile } : {}) },
  };
}
