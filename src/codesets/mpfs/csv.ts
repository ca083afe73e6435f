import { parseDelimited } from '../csv';

/**
 * The MPFS CSV files as rows indexed by line (row i is line i + 1, a blank line an empty row), so
 * importers can name the file line of a bad row. Parsing itself is the shared RFC 4180 reader.
 */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  for (const r of parseDelimited(text)) {
    while (out.length < r.line - 1) out.push(['']);
    out.push(r.cells);
  }
  return out;
}
