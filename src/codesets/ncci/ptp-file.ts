/**
 * Importer for CMS's published NCCI PTP edit files (practitioner or outpatient hospital), as
 * the tab-separated text CMS ships (or the same columns saved as CSV). Layout, after header
 * lines: Column 1 | Column 2 | * = in existence prior to 1996 | Effective Date (YYYYMMDD) |
 * Deletion Date (YYYYMMDD, * = none) | Modifier indicator (0 not allowed, 1 allowed, 9 not
 * applicable) | PTP Edit Rationale. Every malformed row is an error naming file and line;
 * nothing is skipped silently.
 * See: https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-procedure-procedure-ptp-edits
 */
import type { PtpEdit } from '../../domain/edits/ncci-rules';
import { err, ok, type Problem, type Result } from '../../domain/result';
import { cmsDate, PROC_RE, splitFields } from './delimited';

/** A line before the first edit row that still looks like an edit row is an error, not a header. */
const looksLikeRow = (f: string[]) =>
  f.length >= 6 && (PROC_RE.test(f[0] ?? '') || /^\d{8}$/.test(f[3] ?? ''));

export function parsePtpFile(text: string, file: string): Result<PtpEdit[]> {
  const edits: PtpEdit[] = [];
  const problems: Problem[] = [];
  let started = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    const f = splitFields(line);
    if (!started && !looksLikeRow(f)) return; // header lines (copyright, titles, column names)
    started = true;
    const bad = (message: string) => problems.push({ path: where, message });
    if (f.length < 6)
      return void bad(
        `expected at least 6 fields (column 1, column 2, prior-1996 flag, effective date, deletion date, modifier indicator), found ${f.length}`,
      );
    const [c1 = '', c2 = '', prior = '', eff = '', del = '', mi = '', ...rest] = f;
    if (!PROC_RE.test(c1)) return void bad(`column 1 "${c1}" is not a CPT/HCPCS code`);
    if (!PROC_RE.test(c2)) return void bad(`column 2 "${c2}" is not a CPT/HCPCS code`);
    if (prior !== '' && prior !== '*')
      return void bad(`the prior-1996 field must be "*" or empty, found "${prior}"`);
    const effective = cmsDate(eff);
    if (!effective) return void bad(`effective date "${eff}" is not a date YYYYMMDD`);
    const deleted = del === '*' || del === '' ? null : cmsDate(del);
    if (deleted === null && del !== '*' && del !== '')
      return void bad(`deletion date "${del}" is not a date YYYYMMDD or "*"`);
    if (deleted && deleted < effective)
      return void bad(`deletion date ${deleted} is before the effective date ${effective}`);
    if (mi !== '0' && mi !== '1' && mi !== '9')
      return void bad(`modifier indicator "${mi}" must be 0, 1 or 9`);
    edits.push({
      column1: c1,
      column2: c2,
      effective,
      deleted,
      modifierIndicator: mi,
      rationale: rest.join(' ').trim() || 'no rationale given',
      source: `${file} line ${i + 1}`,
    });
  });
  if (problems.length) return err(...problems);
  if (edits.length === 0)
    return err({ path: file, message: 'no PTP edit rows found (is this a CMS PTP file?)' });
  return ok(edits);
}
