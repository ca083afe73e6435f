/**
 * Importer for CMS's published MUE files (practitioner, outpatient hospital or DME), CSV or
 * tab-separated, after header lines: HCPCS/CPT Code | MUE Values | MUE Adjudication Indicator
 * ("1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical") | MUE
 * Rationale. The file carries no per-row date: the quarter's effective date comes from the
 * file name (…_Eff_01-01-2026…) or is passed in. Malformed rows are errors naming file:line.
 * See: https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-medically-unlikely-edits
 */
import type { MueEdit } from '../../domain/edits/ncci-rules';
import { err, ok, type Problem, type Result } from '../../domain/result';
import { cmsDate, PROC_RE, splitFields } from './delimited';

/** "…Eff_01-01-2026…" / "…eff-2026-01-01…" in a CMS file name -> ISO date. */
export function effectiveFromName(name: string): string | null {
  const us = /eff[_ -]?(\d{2})[-_](\d{2})[-_](\d{4})/i.exec(name);
  if (us) return cmsDate(`${us[1]}/${us[2]}/${us[3]}`);
  const iso = /eff[_ -]?(\d{4})-(\d{2})-(\d{2})/i.exec(name);
  return iso ? cmsDate(`${iso[1]}${iso[2]}${iso[3]}`) : null;
}

export function parseMueFile(text: string, file: string, effective?: string): Result<MueEdit[]> {
  const eff = effective ?? effectiveFromName(file);
  if (!eff)
    return err({
      path: file,
      message:
        'no effective date: name the file like CMS (…_Eff_01-01-2026.csv) or pass the quarter start date',
    });
  const edits: MueEdit[] = [];
  const problems: Problem[] = [];
  let started = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      const f = splitFields(line);
      if (!started && !(PROC_RE.test(f[0] ?? '') || /^\d+$/.test(f[1] ?? ''))) return; // header lines
      started = true;
      const bad = (message: string) => problems.push({ path: where, message });
      if (f.length < 3)
        return void bad(
          `expected code, MUE value, adjudication indicator (and rationale), found ${f.length} field(s)`,
        );
      const [code = '', value = '', mai = '', ...rest] = f;
      if (!PROC_RE.test(code)) return void bad(`"${code}" is not a CPT/HCPCS code`);
      if (!/^\d+$/.test(value)) return void bad(`MUE value "${value}" is not a whole number`);
      const ind = /^([123])(\b|\s|$)/.exec(mai)?.[1];
      if (!ind) return void bad(`adjudication indicator "${mai}" must start with 1, 2 or 3`);
      edits.push({
        code,
        value: Number(value),
        indicator: Number(ind) as 1 | 2 | 3,
        rationale: rest.join(' ').trim() || 'no rationale given',
        effective: eff,
        deleted: null,
        source: `${file} line ${i + 1}`,
      });
    });
  if (problems.length) return err(...problems);
  if (edits.length === 0)
    return err({ path: file, message: 'no MUE rows found (is this a CMS MUE file?)' });
  return ok(edits);
}
