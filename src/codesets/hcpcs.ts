/**
 * Parser for the CMS HCPCS Level II alpha-numeric file (HCPCYYYY_ANWEB*.txt), fixed width,
 * 320 characters per first record, long descriptions continued on 91-character records.
 * Columns (1-based): 1–5 code (modifiers right-aligned in 4–5), 6–10 sequence number,
 * 11 record id (3 procedure, 4 procedure continuation, 7 modifier, 8 modifier continuation),
 * 12–91 long description, 92–119 short description, 120–127 four pricing indicators,
 * 128 multiple pricing indicator, 230 coverage code, 257–259 BETOS, 269–276 code added date,
 * 277–284 action effective date, 285–292 termination date, 293 action code.
 * See: CMS "HCPCS Record Layout" (cms.gov, Alpha-Numeric HCPCS file, record layout).
 * CPT (AMA) and CDT (ADA) content is not in this file.
 */
import type { Problem, Result } from '../domain/result';

export interface HcpcsRecord {
  kind: 'procedure' | 'modifier';
  code: string;
  long: string;
  short: string;
  /** Pricing indicator codes (e.g. "52" reasonable charge), empty ones dropped. */
  pricing: string[];
  multiplePricing: string;
  /** Medicare coverage code: C carrier judgment, D special coverage, I not payable, M non-covered, S statutory non-coverage. */
  coverage: string;
  betos: string;
  /** ISO dates or null. */
  added: string | null;
  actionEffective: string | null;
  terminated: string | null;
  action: string;
}

const isoDate = (s: string): string | null | 'bad' => {
  const t = s.trim();
  if (!t) return null;
  if (!/^\d{8}$/.test(t)) return 'bad';
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
};

const RECORD_RE = /^[ A-Z0-9]{5}\d{5}[3478]/;

export function parseHcpcsFile(text: string, fileName: string): Result<HcpcsRecord[]> {
  const out: HcpcsRecord[] = [];
  const errors: Problem[] = [];
  const lines = text.split(/\r?\n/);
  let started = false;
  let last: HcpcsRecord | null = null;
  const err = (i: number, message: string) =>
    errors.push({ path: `${fileName}:${i + 1}`, message });
  for (let i = 0; i < lines.length && errors.length < 20; i++) {
    const line = lines[i] ?? '';
    if (!line.trim()) continue;
    if (!RECORD_RE.test(line)) {
      if (!started) continue; // the disclaimer CMS puts before the records
      err(
        i,
        'not an HCPCS record: columns 1–11 must be code, sequence number and record id 3/4/7/8',
      );
      continue;
    }
    started = true;
    const rid = line.charAt(10);
    const code = line.slice(0, 5).trim();
    if (rid === '4' || rid === '8') {
      if (!last || last.code !== code) {
        err(i, `continuation record for ${code} does not follow its first record`);
        continue;
      }
      last.long = `${last.long} ${line.slice(11, 91).trim()}`.trim();
      continue;
    }
    if (line.length < 293) {
      err(i, `record is ${line.length} characters, the layout needs 320 (line truncated?)`);
      continue;
    }
    const kind = rid === '3' ? 'procedure' : 'modifier';
    if (kind === 'procedure' && !/^[A-V]\d{4}$/.test(code))
      err(i, `"${code}" is not an HCPCS Level II code`);
    if (kind === 'modifier' && !/^[0-9A-Z]{2}$/.test(code)) err(i, `"${code}" is not a modifier`);
    const added = isoDate(line.slice(268, 276));
    const eff = isoDate(line.slice(276, 284));
    const term = isoDate(line.slice(284, 292));
    if (added === 'bad' || eff === 'bad' || term === 'bad') {
      err(i, 'dates in columns 269–292 must be YYYYMMDD or blank');
      continue;
    }
    last = {
      kind,
      code,
      long: line.slice(11, 91).trim(),
      short: line.slice(91, 119).trim(),
      pricing: [0, 2, 4, 6].map((o) => line.slice(119 + o, 121 + o).trim()).filter(Boolean),
      multiplePricing: line.charAt(127).trim(),
      coverage: line.charAt(229).trim(),
      betos: line.slice(256, 259).trim(),
      added,
      actionEffective: eff,
      terminated: term,
      action: line.charAt(292).trim(),
    };
    out.push(last);
  }
  if (errors.length) return { ok: false, errors };
  if (!out.length)
    return {
      ok: false,
      errors: [
        {
          path: fileName,
          message: 'no HCPCS records found: empty or not the HCPCS alpha-numeric file',
        },
      ],
    };
  return { ok: true, value: out };
}

/** Year of an HCPCS file: "HCPC2020_ANWEB…" -> 2020. */
export function hcpcsYear(fileName: string): number | null {
  const m = /HCPC\D*((?:19|20)\d{2})/i.exec(fileName) ?? /((?:19|20)\d{2})/.exec(fileName);
  return m ? Number(m[1]) : null;
}
