/**
 * Is an official file whole? Most of these files have no trailer, so a download cut at a line
 * boundary parses cleanly: each check here uses what its format does allow (record layout and
 * length, column counts per row, the order the publisher sorts records in, the records that
 * always close a complete release). The parsers (order-file.ts, hcpcs.ts, mce.ts, pos.ts,
 * mpfs/import.ts) read values; these checks run beside them at build time and name file:line.
 * Pure: runs in Node and in the browser worker.
 */
import type { IcdEntry } from '../domain/codes/catalog';
import type { Problem } from '../domain/result';
import { parseDelimited } from './csv';

const lines = (text: string) => text.split(/\r?\n/);

/**
 * The publishers end every line, the last one too, with a line break: a file that stops inside
 * its last line was cut in the middle of a record.
 */
export function checkEndsWithNewline(path: string, text: string): Problem[] {
  if (text.endsWith('\n')) return [];
  const n = lines(text).length;
  return [
    {
      path: `${path}:${n}`,
      message:
        'the last line has no line break: the file stops in the middle of a record (a cut download)',
    },
  ];
}

/**
 * ICD-10-CM order file. Order numbers run 1, 2, 3… without gaps; a header (flag 0) is always
 * followed by one of its codes; every line reaches the long description (column 78); and a
 * file that starts at chapter 1 (A00, cholera) is a whole release, so it ends with a line break
 * and in the last chapter: Z (chapter 21) or U (chapter 22, codes for special purposes, listed
 * last since FY2020). Sample files that start elsewhere (test fixtures) skip those two.
 * See: CDC/NCHS icd10OrderFiles.pdf ("ICD-10-CM Order File Layout"); ICD-10-CM chapter list.
 */
export function checkOrderFile(path: string, text: string, entries: IcdEntry[]): Problem[] {
  const rows = lines(text)
    .map((l, i) => ({ l, n: i + 1 }))
    .filter((r) => r.l.trim());
  for (let i = 0; i < rows.length; i++) {
    // Column 78 on is the long description: every record reaches it.
    if (rows[i]!.l.trimEnd().length < 78)
      return [
        {
          path: `${path}:${rows[i]!.n}`,
          message: `line is ${rows[i]!.l.trimEnd().length} characters: the layout puts the long description from column 78, so the line is cut`,
        },
      ];
    if (Number(rows[i]!.l.slice(0, 5)) !== i + 1)
      return [
        {
          path: `${path}:${rows[i]!.n}`,
          message: `order number ${rows[i]!.l.slice(0, 5)} where ${String(i + 1).padStart(5, '0')} was expected: lines are missing`,
        },
      ];
  }
  const whole = entries[0]?.code.startsWith('A00') ?? false;
  const cut = whole ? checkEndsWithNewline(path, text) : [];
  if (cut.length) return cut;
  const lastLine = rows.at(-1)?.n ?? 1;
  const last = entries.at(-1);
  if (last && !last.billable)
    return [
      {
        path: `${path}:${lastLine}`,
        message: `the file ends with header ${last.code} and none of its codes: the file is truncated`,
      },
    ];
  if (whole && last && !/^[ZU]/.test(last.code))
    return [
      {
        path: `${path}:${lastLine}`,
        message: `the file starts at chapter 1 (A00) but ends at ${last.code}, before chapters 21–22 (Z, U codes) that close every release: the file is truncated`,
      },
    ];
  return [];
}

/** The counts the code addenda state for the new order file ("74719 codes in icd10cm_order_2026.txt"). */
export interface AddendaCounts {
  codes?: number;
  headers?: number;
  /** The order file the counts are for, as the addenda name it. */
  file?: string;
}

const sameName = (a: string, b: string) =>
  a.toLowerCase().replace(/[-_]/g, '') === b.toLowerCase().replace(/[-_]/g, '');

/**
 * The order file against the counts its release's code addenda state. The addenda name the order
 * file they count: for that file the counts must match exactly; a mid-year update of the order
 * file (icd10cm-order-Jan-2021.txt beside the October addenda) may differ by a few codes only.
 * See: CDC/NCHS code addenda, "Codes" summary at the end of the file.
 */
export function checkOrderAgainstAddenda(
  orderPath: string,
  entries: IcdEntry[],
  addendaPath: string,
  counts: AddendaCounts,
): Problem[] {
  if (counts.codes === undefined) return [];
  const billable = entries.filter((e) => e.billable).length;
  const headers = entries.length - billable;
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  const exact = !counts.file || sameName(counts.file, base(orderPath));
  const off = Math.abs(billable - counts.codes) / counts.codes;
  const headersOff = counts.headers !== undefined && headers !== counts.headers;
  if ((exact && (billable !== counts.codes || headersOff)) || (!exact && off > 0.01))
    return [
      {
        path: `${orderPath}:${entries.length}`,
        message:
          `${entries.length} entries (${billable} billable), but ${base(addendaPath)} states ` +
          (counts.headers !== undefined
            ? `${counts.codes + counts.headers} (${counts.codes} billable)`
            : `${counts.codes} billable codes`) +
          `${counts.file ? ` in ${counts.file}` : ''}: the file is truncated or from another release`,
      },
    ];
  return [];
}

// Columns 1–5 code, 6–10 sequence number, 11 record id. See: HCPC2026_recordlayout.txt.
const HCPCS_RECORD = /^[ A-Z0-9]{5}\d{5}[3478]/;

/**
 * CMS HCPCS alpha-numeric file. Records are 320 characters (HCPCS Contractor Record, positions
 * 1–320; 2020 and earlier continuation records end at position 91); anything past 320 must be
 * blank. Codes come in ascending order (modifiers first, right-aligned in positions 4–5). A
 * line before the first record that is as long as a record is a damaged first record, not the
 * disclaimer CMS puts on top. A file that starts at the first section (A0, transportation) is a
 * whole release and ends in section V (vision, hearing and speech services).
 * See: ../shared/reference/hcpcs/2026/HCPC2026_recordlayout.txt (fields 1, 5, 6; REC 320).
 */
export function checkHcpcsFile(path: string, text: string): Problem[] {
  const all = lines(text);
  let started = false;
  let prev = '';
  let firstProc = '';
  let lastProc = '';
  let lastLine = 1;
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    if (!l.trim()) continue;
    const where = `${path}:${i + 1}`;
    if (!HCPCS_RECORD.test(l)) {
      if (!started && l.length >= 200)
        return [
          {
            path: where,
            message:
              'a record-length line that does not match the HCPCS record layout (columns 1–11: code, sequence number, record id 3/4/7/8)',
          },
        ];
      continue; // the disclaimer (other lines are refused by the parser)
    }
    started = true;
    lastLine = i + 1;
    const rid = l.charAt(10);
    const first = rid === '3' || rid === '7';
    // First records shorter than position 293 (the action code) are refused by the parser.
    if (!first && l.length < 91)
      return [
        {
          path: where,
          message: `continuation record is ${l.length} characters, the layout needs 91 (code, sequence, id, 80-character description): the line is cut`,
        },
      ];
    if (l.length > 320 && l.slice(320).trim())
      return [
        {
          path: where,
          message: `record is ${l.length} characters with text past position 320: two records run together or the line is damaged`,
        },
      ];
    const code = l.slice(0, 5);
    if (code < prev)
      return [
        {
          path: where,
          message: `code "${code.trim()}" after "${prev.trim()}": the file is not in code order (damaged or concatenated)`,
        },
      ];
    prev = code;
    if (rid === '3') {
      firstProc ||= code;
      lastProc = code;
    }
  }
  const cut = checkEndsWithNewline(path, text);
  if (cut.length) return cut;
  if (firstProc.startsWith('A0') && lastProc && !lastProc.startsWith('V'))
    return [
      {
        path: `${path}:${lastLine}`,
        message: `the file starts at section A0 but ends at ${lastProc}, before section V that closes every HCPCS release: the file is truncated`,
      },
    ];
  return [];
}

/**
 * Tab- or comma-separated files: every row after the header has the header's number of
 * columns (a row cut in the middle has fewer). `dataRow` picks the rows to check (notes and
 * blank rows around a table are left alone).
 */
export function checkColumns(
  path: string,
  text: string,
  sep: string,
  isHeader: (cells: string[]) => boolean,
  isData: (cells: string[]) => boolean = (c) => c.some((x) => x.trim()),
): Problem[] {
  const rows = parseDelimited(text, sep);
  const h = rows.findIndex((r) => isHeader(r.cells));
  if (h < 0) return [];
  const width = rows[h]!.cells.length;
  for (const r of rows.slice(h + 1)) {
    if (!isData(r.cells)) continue;
    if (r.cells.length !== width)
      return [
        {
          path: `${path}:${r.line}`,
          message: `${r.cells.length} column(s) where the header (line ${rows[h]!.line}) has ${width}: the row is cut or damaged`,
        },
      ];
  }
  return [];
}

/**
 * MCE simple code edits: 8 tab-separated columns per row, rows sorted by MCE_Section, and the
 * diagnosis lists we keep (sections 4–9) followed by the procedure edits (section 11 on): a file
 * whose last row is still in sections 4–9 was cut inside the lists.
 * See: CMS MCE v37 definitions manual (edit numbers = sections).
 */
export function checkMceFile(path: string, text: string): Problem[] {
  const cols = checkColumns(path, text, '\t', (c) => c.includes('MCE_Version'));
  if (cols.length) return cols;
  const rows = parseDelimited(text, '\t');
  const head = rows[0]?.cells.map((c) => c.trim()) ?? [];
  const sec = head.indexOf('MCE_Section');
  if (sec < 0) return [];
  let prev = 0;
  let lastLine = 1;
  for (const r of rows.slice(1)) {
    const s = Number(r.cells[sec]);
    if (!Number.isInteger(s))
      return [
        {
          path: `${path}:${r.line}`,
          message: `MCE_Section "${r.cells[sec] ?? ''}" is not a number`,
        },
      ];
    if (s < prev)
      return [
        {
          path: `${path}:${r.line}`,
          message: `section ${s} after section ${prev}: the rows are out of order (damaged or concatenated)`,
        },
      ];
    prev = s;
    lastLine = r.line;
  }
  if (prev <= 9)
    return [
      {
        path: `${path}:${lastLine}`,
        message: `the file ends in section ${prev}, inside the diagnosis lists (sections 4–9) that the procedure edits (section 11 on) always follow: the file is truncated`,
      },
    ];
  return [];
}

/** Place-of-service CSV: the header's column count on every row. */
export function checkPosFile(path: string, text: string): Problem[] {
  const cols = checkColumns(path, text, ',', (c) => /^pos_code$/i.test(c[0]?.trim() ?? ''));
  return cols.length ? cols : checkEndsWithNewline(path, text);
}

/**
 * CMS PPRRVU file: the header's column count on every code row, rows in code order, and a whole
 * file ends in section V of HCPCS Level II (the file runs CPT 0001F… to V5364).
 * See: CMS RVU25D read-me, PPRRVU file layout.
 */
export function checkRvuFile(path: string, text: string): Problem[] {
  const isHeader = (c: string[]) => c[0]?.trim().toUpperCase() === 'HCPCS';
  const isCode = (c: string[]) => /^[0-9A-Z]{5}$/.test(c[0]?.trim() ?? '');
  const cols = checkColumns(path, text, ',', isHeader, isCode);
  if (cols.length) return cols;
  const cut = checkEndsWithNewline(path, text);
  if (cut.length) return cut;
  const all = parseDelimited(text);
  const rows = all
    .slice(all.findIndex((r) => isHeader(r.cells)) + 1)
    .filter((r) => isCode(r.cells));
  let prev = '';
  for (const r of rows) {
    const key = r.cells[0]!.trim();
    if (key < prev)
      return [
        {
          path: `${path}:${r.line}`,
          message: `code ${key} after ${prev}: the file is not in code order (damaged or concatenated)`,
        },
      ];
    prev = key;
  }
  const last = rows.at(-1);
  if (last && !prev.startsWith('V'))
    return [
      {
        path: `${path}:${last.line}`,
        message: `the file ends at ${prev}, before section V of HCPCS Level II that closes every RVU file: the file is truncated`,
      },
    ];
  return [];
}

/** GPCI file: every locality row has the header's columns. */
export function checkGpciFile(path: string, text: string): Problem[] {
  return checkColumns(
    path,
    text,
    ',',
    (c) => /LOCALITY NUMBER/i.test(c.join(' ')) && /GPCI/i.test(c.join(' ')),
    (c) => /^\d{1,5}$/.test(c[0]?.trim() ?? ''),
  );
}

/** Locality-to-county file: every locality row has the header's columns. */
export function checkLocalityCountyFile(path: string, text: string): Problem[] {
  return checkColumns(
    path,
    text,
    ',',
    (c) => /LOCALITY NUMBER/i.test(c.join(' ')),
    (c) => /^\d{1,5}$/.test(c[0]?.trim() ?? ''),
  );
}
