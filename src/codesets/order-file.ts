/**
 * Parser for the CDC/NCHS ICD-10-CM order file (icd10cm-order-YYYY.txt), any year.
 * Fixed width: order number 1–5, code 7–13, billable flag 15 (1 = valid for HIPAA-covered
 * transactions, 0 = header), short description 17–76, long description 78–end.
 * See: icd10OrderFiles.pdf (CDC/NCHS, "ICD-10-CM Order File Layout").
 */
import type { IcdEntry } from '../domain/codes/catalog';
import type { Problem, Result } from '../domain/result';

export function parseOrderLine(line: string): IcdEntry | string {
  if (line.length < 17)
    return 'line too short for the order-file layout (needs at least 17 characters)';
  if (!/^\d{5} $/.test(line.slice(0, 6)))
    return 'columns 1–5 must be the order number followed by a space';
  const code = line.slice(6, 13).trim();
  if (!/^[A-Z][0-9A-Z][0-9A-Z]{1,5}$/.test(code))
    return `column 7–13 "${code}" is not an ICD-10-CM code`;
  const flag = line.charAt(14);
  if (flag !== '0' && flag !== '1')
    return `column 15 must be the billable flag 0 or 1, found "${flag}"`;
  const short = line.slice(16, 76).trim();
  const long = line.slice(77).trim() || short;
  if (!short) return 'short description (columns 17–76) is empty';
  return { code, billable: flag === '1', short, long };
}

/**
 * Parses a whole order file. Every malformed line is reported with its 1-based line number;
 * an empty file or one with no entries is an error too (a truncated download).
 */
export function parseOrderFile(text: string, fileName: string): Result<IcdEntry[]> {
  const entries: IcdEntry[] = [];
  const errors: Problem[] = [];
  const lines = text.split(/\r?\n/);
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const r = parseOrderLine(line);
    if (typeof r === 'string') {
      errors.push({ path: `${fileName}:${i + 1}`, message: r });
      if (errors.length >= 20) break;
      continue;
    }
    if (seen.has(r.code)) {
      errors.push({ path: `${fileName}:${i + 1}`, message: `duplicate code ${r.code}` });
      continue;
    }
    seen.add(r.code);
    entries.push(r);
  }
  if (errors.length) return { ok: false, errors };
  if (entries.length === 0)
    return {
      ok: false,
      errors: [{ path: fileName, message: 'no entries: the file is empty or not an order file' }],
    };
  return { ok: true, value: entries };
}
