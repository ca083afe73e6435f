/**
 * Place-of-service code list (CMS POS code set) as CSV with the columns
 * pos_code,pos_name,pos_description,facility_flag_northstar (the data package in
 * ../shared/reference/pos). The facility flag picks the facility or non-facility PE RVU.
 * See: CMS Place of Service Code Set; Medicare Claims Processing Manual ch. 12 §20.4.2.
 */
import type { Problem, Result } from '../domain/result';
import { parseDelimited } from './csv';

export interface PlaceOfServiceEntry {
  code: string;
  name: string;
  description: string;
  facility: boolean;
}

const COLS = ['pos_code', 'pos_name', 'pos_description'] as const;

export function parsePosCsv(text: string, fileName: string): Result<PlaceOfServiceEntry[]> {
  const rows = parseDelimited(text);
  const head = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const idx = COLS.map((c) => head.indexOf(c));
  const facIdx = head.findIndex((h) => h.startsWith('facility'));
  if (idx.some((i) => i < 0) || facIdx < 0)
    return {
      ok: false,
      errors: [
        {
          path: `${fileName}:1`,
          message: `header must name ${COLS.join(', ')} and a facility flag column`,
        },
      ],
    };
  const out: PlaceOfServiceEntry[] = [];
  const errors: Problem[] = [];
  for (const r of rows.slice(1)) {
    const [code = '', name = '', description = ''] = idx.map((i) => (r.cells[i] ?? '').trim());
    const fac = (r.cells[facIdx] ?? '').trim().toLowerCase();
    if (!/^\d{2}$/.test(code)) {
      errors.push({
        path: `${fileName}:${r.line}`,
        message: `pos_code "${code}" is not two digits`,
      });
      continue;
    }
    if (name.toLowerCase() === 'unassigned') continue;
    if (fac !== 'facility' && fac !== 'non-facility') {
      errors.push({
        path: `${fileName}:${r.line}`,
        message: `facility flag "${fac}" must be Facility or Non-Facility`,
      });
      continue;
    }
    out.push({ code, name, description, facility: fac === 'facility' });
  }
  if (errors.length) return { ok: false, errors };
  if (!out.length)
    return { ok: false, errors: [{ path: fileName, message: 'no place-of-service rows' }] };
  return { ok: true, value: out };
}
