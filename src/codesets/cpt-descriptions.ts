/**
 * Licensed CPT descriptions: CPT descriptors are AMA copyright, so ClaimLab ships code numbers
 * with its own short wording only. A user who holds a CPT license can import their own file
 * (`claimlab codes import-cpt <file>`): one code and description per line, comma- or
 * tab-separated, an optional header line. It is stored in the git-ignored codesets/build/ and
 * never committed. See: ../shared/reference/README.md ("CPT (AMA)").
 */
import type { Problem, Result } from '../domain/result';

export const CPT_DESCRIPTIONS_FILE = 'cpt-descriptions.tsv';

const CODE = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;

/** Parses `code,description` or `code<TAB>description` lines; errors name file:line. */
export function parseCptDescriptions(text: string, file: string): Result<Map<string, string>> {
  const out = new Map<string, string>();
  const errors: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || errors.length >= 20) return;
    const tab = line.indexOf('\t');
    const cut = tab >= 0 ? tab : line.indexOf(',');
    const code = (cut >= 0 ? line.slice(0, cut) : line).trim().replace(/^"|"$/g, '').toUpperCase();
    let desc = cut >= 0 ? line.slice(cut + 1).trim() : '';
    if (desc.startsWith('"') && desc.endsWith('"')) desc = desc.slice(1, -1).replace(/""/g, '"');
    if (i === 0 && !CODE.test(code)) return; // a header line
    if (!CODE.test(code))
      errors.push({ path: `${file}:${i + 1}`, message: `"${code}" is not a CPT or HCPCS code` });
    else if (!desc)
      errors.push({ path: `${file}:${i + 1}`, message: `no description for ${code}` });
    else out.set(code, desc);
  });
  if (errors.length) return { ok: false, errors };
  if (!out.size)
    return { ok: false, errors: [{ path: file, message: 'no code,description lines found' }] };
  return { ok: true, value: out };
}

/** The file as stored: one tab-separated line per code, sorted. */
export function cptDescriptionsText(m: Map<string, string>): string {
  return [...m]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, d]) => `${c}\t${d.replace(/[\t\r\n]+/g, ' ')}`)
    .join('\n')
    .concat('\n');
}
