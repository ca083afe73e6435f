/**
 * Medicare Code Editor "simple code edits" (tab-separated: MCE_Version, ICD_Version,
 * MCE_Section, MCE_Subsection, MCE_Edit_Type, ICD_Code_Type, ICD_Code, ICD_Desc). Kept: the
 * diagnosis age lists (Newborn 0, Pediatric 0–17, Maternity 9–64, Adult 15–124), the sex lists,
 * manifestation-as-principal and unacceptable principal diagnoses.
 * See: CMS Medicare Code Editor (MCE) v37 definitions manual, edits 4, 5, 6 and 9.
 */
import type { Problem, Result } from '../domain/result';
import { parseDelimited } from './csv';

export type MceAge = 'newborn' | 'pediatric' | 'maternity' | 'adult';
export interface MceLists {
  version: string;
  age: Record<MceAge, string[]>;
  sex: { M: string[]; F: string[] };
  manifestation: string[];
  unacceptablePrincipal: string[];
  /** Fiscal years the age and sex lists were made for (codes created later are not on them). */
  ageYear?: number;
  sexYear?: number;
  /**
   * The age lists of older MCE releases on hand (v37 FY2020 beside the FY2026 lists), so a date
   * of service is judged on the list of its own year, or the newest one before it.
   */
  olderAge?: { year: number; version: string; age: Record<MceAge, string[]> }[];
}

const AGE: Record<string, MceAge> = {
  Newborn_Only: 'newborn',
  Pediatric_Only: 'pediatric',
  Maternity_Only: 'maternity',
  Adult_Only: 'adult',
};

export function parseMce(text: string, fileName: string): Result<MceLists> {
  const rows = parseDelimited(text, '\t');
  const head = rows[0]?.cells.map((c) => c.trim()) ?? [];
  const col = (n: string) => head.indexOf(n);
  const need = ['MCE_Version', 'MCE_Edit_Type', 'ICD_Code_Type', 'ICD_Code'];
  const missing = need.filter((n) => col(n) < 0);
  if (missing.length)
    return {
      ok: false,
      errors: [
        {
          path: `${fileName}:1`,
          message: `not an MCE simple-edits file: missing column(s) ${missing.join(', ')}`,
        },
      ],
    };
  const out: MceLists = {
    version: '',
    age: { newborn: [], pediatric: [], maternity: [], adult: [] },
    sex: { M: [], F: [] },
    manifestation: [],
    unacceptablePrincipal: [],
  };
  const errors: Problem[] = [];
  for (const r of rows.slice(1)) {
    const get = (n: string) => (r.cells[col(n)] ?? '').trim();
    const type = get('MCE_Edit_Type');
    const code = get('ICD_Code');
    if (get('ICD_Code_Type') !== 'D') continue; // P rows are ICD-10-PCS procedures (inpatient)
    if (!/^[A-Z][0-9A-Z]{2,6}$/.test(code)) {
      errors.push({
        path: `${fileName}:${r.line}`,
        message: `ICD_Code "${code}" is not a dotless ICD-10-CM code`,
      });
      if (errors.length >= 20) break;
      continue;
    }
    out.version ||= get('MCE_Version');
    const age = AGE[type];
    if (age) out.age[age].push(code);
    else if (type === 'Male_Only') out.sex.M.push(code);
    else if (type === 'Female_Only') out.sex.F.push(code);
    else if (type === 'Principal_Manifestation') out.manifestation.push(code);
    else if (type === 'Principal_Unacceptable') out.unacceptablePrincipal.push(code);
  }
  if (errors.length) return { ok: false, errors };
  if (!out.age.adult.length && !out.sex.F.length)
    return { ok: false, errors: [{ path: fileName, message: 'no MCE age or sex rows' }] };
  return { ok: true, value: out };
}

/**
 * The derived FY2026 MCE lists (`mce_edits.json`: age categories, manifestation-not-principal,
 * unacceptable principal), converted from CMS "Definitions of Medicare Code Edits" v43 by a
 * third party: labelled derived wherever used. It has no sex lists: CMS deactivated the sex
 * edit from 2024-10-01. See: ../shared/reference/README.md (mce/fy2026-derived).
 */
export function parseMceDerived(text: string, fileName: string): Result<MceLists> {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: fileName, message: `not JSON: ${(e as Error).message}` }],
    };
  }
  const codes = (j as { codes?: Record<string, unknown> } | null)?.codes;
  if (!codes || typeof codes !== 'object')
    return { ok: false, errors: [{ path: `${fileName}: codes`, message: 'no "codes" lists' }] };
  const errors: Problem[] = [];
  const list = (key: string): string[] => {
    const v = codes[key];
    if (!Array.isArray(v)) {
      errors.push({ path: `${fileName}: codes.${key}`, message: 'missing or not a list' });
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      const c = (x as { code?: unknown } | null)?.code;
      if (typeof c === 'string' && /^[A-Z][0-9A-Z]{2,6}$/.test(c)) out.push(c);
      else if (errors.length < 20)
        errors.push({
          path: `${fileName}: codes.${key}[${i}]`,
          message: 'not a dotless ICD-10-CM code',
        });
    });
    return out;
  };
  const out: MceLists = {
    version: '43 (FY2026, derived)',
    ageYear: 2026,
    age: {
      newborn: list('age_newborn'),
      pediatric: list('age_pediatric'),
      maternity: list('age_maternity'),
      adult: list('age_adult'),
    },
    sex: { M: [], F: [] },
    manifestation: list('manifestation_not_pdx'),
    unacceptablePrincipal: list('unacceptable_pdx'),
  };
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: out };
}

/**
 * The FY2026 derived age/manifestation lists with the sex lists of an older official MCE (the
 * last years a sex edit existed), naming both sources.
 */
export function mergeMce(official: MceLists | null, derived: MceLists): MceLists {
  return {
    ...derived,
    version: official
      ? `${derived.version} age lists; v${official.version}${official.ageYear && official.ageYear !== derived.ageYear ? ' age (for its own year) and' : ''} sex lists`
      : derived.version,
    sex: official?.sex ?? { M: [], F: [] },
    ...(official?.sexYear ? { sexYear: official.sexYear } : {}),
    // The official file's own age lists stay for the dates of their year (issue 10: each list
    // for its own fiscal year).
    ...(official?.ageYear && official.ageYear !== derived.ageYear
      ? {
          olderAge: [
            { year: official.ageYear, version: `v${official.version}`, age: official.age },
          ],
        }
      : {}),
  };
}
