/**
 * The one pack reader: a pack given as files (path relative to the pack folder -> parsed JSON)
 * becomes a validated Pack (cases, raw payer profiles, raw fee tables). The files come from
 * import.meta.glob in the browser and the worker (load.ts) or from the disk in Node (load-node.ts:
 * the CLI, the tests); everything after that is this function. Collects every problem with
 * its file and path.
 */
import type { z } from 'zod';
import type { Problem, Result } from '../domain/result';
import { caseSchema, crossCheckCase, packSchema, type CaseFile, type Pack } from './schema';

export function issuePath(file: string, issue: Pick<z.core.$ZodIssue, 'path'>): string {
  const p = issue.path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
  return p ? `${file}: ${p}` : file;
}

export function validatePack(dir: string, files: Map<string, unknown>): Result<Pack> {
  const errors: Problem[] = [];
  const packPath = `${dir}/pack.json`;
  const raw = files.get('pack.json');
  if (raw === undefined)
    return { ok: false, errors: [{ path: packPath, message: 'pack.json is missing' }] };
  const pack = packSchema.safeParse(raw);
  if (!pack.success) {
    for (const i of pack.error.issues)
      errors.push({ path: issuePath(packPath, i), message: i.message });
    return { ok: false, errors };
  }
  const cases: CaseFile[] = [];
  const ids = new Set<string>();
  pack.data.cases.forEach((rel, n) => {
    const data = files.get(rel);
    const where = `${dir}/${rel}`;
    if (data === undefined) {
      errors.push({ path: `${packPath}: cases[${n}]`, message: `${rel} not found` });
      return;
    }
    const c = caseSchema.safeParse(data);
    const cross = crossCheckCase(data);
    for (const i of cross) errors.push({ path: issuePath(where, i), message: i.message });
    if (!c.success) {
      for (const i of c.error.issues)
        errors.push({ path: issuePath(where, i), message: i.message });
      return;
    }
    if (cross.length) return;
    if (ids.has(c.data.id))
      errors.push({ path: `${where}: id`, message: `duplicate case id ${c.data.id}` });
    ids.add(c.data.id);
    cases.push(c.data);
  });
  const payers: Pack['payers'] = [];
  pack.data.payers.forEach((rel, n) => {
    const data = files.get(rel);
    if (data === undefined)
      errors.push({ path: `${packPath}: payers[${n}]`, message: `${rel} not found` });
    else payers.push({ file: `${dir}/${rel}`, data });
  });
  // Fee tables are not listed in pack.json: every JSON file in fees/ is one.
  const fees: Pack['fees'] = [...files.keys()]
    .filter((rel) => /^fees\/[^/]+\.json$/.test(rel))
    .sort()
    .map((rel) => ({ file: `${dir}/${rel}`, data: files.get(rel) }));
  // Drug payment tables (ASP, dated by quarter): every JSON file in drugs/.
  const drugs: Pack['drugs'] = [...files.keys()]
    .filter((rel) => /^drugs\/[^/]+\.json$/.test(rel))
    .sort()
    .map((rel) => ({ file: `${dir}/${rel}`, data: files.get(rel) }));
  if (errors.length) return { ok: false, errors };
  const { id, version, title, description } = pack.data;
  return { ok: true, value: { id, version, title, description, cases, payers, fees, drugs } };
}
