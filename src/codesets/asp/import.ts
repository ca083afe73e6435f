/**
 * Importer for CMS's Medicare Part B drug ASP pricing file (CSV "Payment Allowance Limits for
 * Medicare Part B Drugs"): a title, an "Effective <Month d, yyyy> through <Month d, yyyy>" line,
 * notes, then the header "HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,...".
 * Keeps the code, the billing unit, the payment limit (already ASP + 6% per unit) and the
 * "Co-insurance Percentage" when it is not 20 (inflation-adjusted coinsurance); never the
 * short descriptor (some rows carry AMA CPT descriptors). Output: the `claimlab.asp` table that
 * pricing/asp.ts reads, written to codesets/build (git-ignored) by `writeAspBundle`.
 * See: cms.gov/medicare/payment/part-b-drugs/asp-pricing-files; SSA §1847A.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited } from '../csv';
import type { Problem, Result } from '../../domain/result';
import { parseAspTable, type AspTable } from '../../domain/payer/pricing/asp';

export interface AspTableJson {
  format: 'claimlab.asp';
  formatVersion: 2;
  quarter: string;
  from: string;
  to: string;
  source: string;
  /**
   * `coinsurance`: the beneficiary coinsurance percentage CMS publishes for the code when it is
   * not the usual 20 (Part B rebatable drugs whose price rose faster than inflation, SSA
   * §1847A(i) as added by the Inflation Reduction Act §11101; 0 for vaccines).
   */
  entries: { code: string; dosage: string; limit: string; coinsurance?: string }[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function isoOf(text: string): string | null {
  const m = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$/.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) : -1;
  if (!m || month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

export function importAspCsv(text: string, file: string): Result<AspTableJson> {
  const rows = parseDelimited(text);
  const errors: Problem[] = [];
  let from: string | null = null;
  let to: string | null = null;
  let header = -1;
  for (let i = 0; i < rows.length && header < 0; i++) {
    const first = rows[i]!.cells[0]?.trim() ?? '';
    const eff = /^Effective\s+(.+?)\s+through\s+(.+)$/i.exec(first);
    if (eff) {
      from = isoOf(eff[1]!);
      to = isoOf(eff[2]!);
    }
    if (/^HCPCS Code$/i.test(first)) header = i;
  }
  if (!from || !to)
    errors.push({ path: `${file}`, message: 'no "Effective <date> through <date>" line' });
  if (header < 0) errors.push({ path: `${file}`, message: 'no "HCPCS Code" header row' });
  if (errors.length) return { ok: false, errors };
  const cols = rows[header]!.cells.map((c) => c.trim().toLowerCase());
  const iCode = cols.indexOf('hcpcs code');
  const iDose = cols.indexOf('hcpcs code dosage');
  const iLimit = cols.indexOf('payment limit');
  const iCoins = cols.indexOf('co-insurance percentage');
  if (iDose < 0 || iLimit < 0)
    return {
      ok: false,
      errors: [
        {
          path: `${file}:${rows[header]!.line}`,
          message: 'header lacks "HCPCS Code Dosage" or "Payment Limit"',
        },
      ],
    };
  const entries: AspTableJson['entries'] = [];
  for (const r of rows.slice(header + 1)) {
    const code = (r.cells[iCode] ?? '').trim().toUpperCase();
    const limit = (r.cells[iLimit] ?? '').trim();
    if (!code) continue;
    // "N/A": no ASP-based limit this quarter (paid another way): not in the table.
    if (/^n\/?a$/i.test(limit) || limit === '') continue;
    if (!/^[A-Z0-9]\d{3}[A-Z0-9]$/.test(code) || !/^\d+(\.\d{1,3})?$/.test(limit)) {
      errors.push({
        path: `${file}:${r.line}`,
        message: `row for "${code}" has no HCPCS code or payment limit ("${limit}")`,
      });
      continue;
    }
    const [d = '0', f = ''] = limit.split('.');
    const coins = iCoins < 0 ? '' : (r.cells[iCoins] ?? '').trim();
    entries.push({
      code,
      dosage: (r.cells[iDose] ?? '').trim(),
      limit: `${Number(d)}.${f.padEnd(3, '0')}`,
      // Only a percentage other than the usual 20 is kept (a few dozen codes).
      ...(/^\d{1,3}(\.\d{1,3})?$/.test(coins) && Number(coins) !== 20
        ? { coinsurance: coins }
        : {}),
    });
  }
  if (errors.length) return { ok: false, errors };
  const month = Number(from!.slice(5, 7));
  return {
    ok: true,
    value: {
      format: 'claimlab.asp',
      formatVersion: 2,
      quarter: `${from!.slice(0, 4)}-Q${Math.ceil(month / 3)}`,
      from: from!,
      to: to!,
      source: `CMS ASP pricing file (${file.split('/').pop()}), effective ${from} to ${to}`,
      entries,
    },
  };
}

/** Writes an imported table to the build folder (never to git). Returns the file written. */
export function writeAspBundle(table: AspTableJson, outDir = 'codesets/build'): string {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `asp-${table.quarter}.json`);
  writeFileSync(out, JSON.stringify(table));
  return out;
}

/**
 * Imports every CMS ASP pricing CSV under `<refDir>/asp/<quarter folder>/` into
 * `<outDir>/asp-<quarter>.json`. Returns the files written, or the problems found.
 */
export function buildAspBundles(refDir: string, outDir: string): Result<string[]> {
  const root = join(refDir, 'asp');
  if (!existsSync(root)) return { ok: true, value: [] };
  const written: string[] = [];
  const errors: Problem[] = [];
  for (const dir of readdirSync(root)) {
    const d = join(root, dir);
    if (!statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d).filter((x) => x.toLowerCase().endsWith('.csv'))) {
      const r = importAspCsv(readFileSync(join(d, f), 'utf8'), join(d, f));
      if (r.ok) written.push(writeAspBundle(r.value, outDir));
      else errors.push(...r.errors);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: written };
}

/** The ASP tables built into `dir` (codesets/build), newest quarter first; none when absent. */
export function loadAspBundles(dir = 'codesets/build'): AspTable[] {
  if (!existsSync(dir)) return [];
  const out: AspTable[] = [];
  for (const f of readdirSync(dir).filter((x) => /^asp-\d{4}-Q[1-4]\.json$/.test(x))) {
    const r = parseAspTable(JSON.parse(readFileSync(join(dir, f), 'utf8')), join(dir, f));
    if (r.ok) out.push(r.value);
  }
  return out.sort((a, b) => (a.from < b.from ? 1 : -1));
}
