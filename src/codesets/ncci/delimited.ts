import { isIsoDate } from '../../domain/time/dates';

/** Splits one line of CMS's tab- or comma-separated text files into trimmed fields. */
export function splitFields(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** YYYYMMDD (CMS files) or MM/DD/YYYY -> ISO, or null when not a calendar date. */
export function cmsDate(raw: string): string | null {
  let iso: string | null = null;
  if (/^\d{8}$/.test(raw)) iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  else {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    if (m) iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  if (!iso) return null;
  return isIsoDate(iso) ? iso : null;
}

export const PROC_RE = /^(\d{5}|\d{4}[FTU]|[A-V]\d{4})$/;
