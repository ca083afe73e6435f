/**
 * Importer for the CMS Physician Fee Schedule files (RVU25D layout): the PPRRVU relative value
 * file, the GPCI file by locality and the locality-to-county file. Columns are found by their
 * header text (the RVU file has five header rows that together name each column), so a
 * reordered release fails loudly instead of pricing from the wrong column. Values become
 * integers (RVU hundredths, GPCI thousandths, CF ten-thousandths) for exact pricing.
 * See: CMS "RVU25D" read-me (file layout); ../shared/reference/README.md.
 */
import type { Problem, Result } from '../../domain/result';
import type { Gpci, RvuEntry } from '../../domain/payer/pricing/fees';
import { parseCsv } from './csv';

export interface MpfsData {
  year: number;
  source: string;
  conversionFactor: number;
  rvus: RvuEntry[];
  gpcis: Gpci[];
  counties: { key: string; state: string; area: string; counties: string }[];
}

/** "1.30" -> 130 with `places` = 2; null when it has more decimals than `places` or is not a number. */
export function fixed(raw: string, places: number): number | null {
  const s = raw.trim();
  if (s === '') return 0;
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > places) return null;
  return (
    Number(m[1] || '0') * 10 ** places + Number(frac.padEnd(places, '0').slice(0, places) || '0')
  );
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toUpperCase();

export function parseRvuFile(
  text: string,
  file: string,
): Result<{ rvus: RvuEntry[]; conversionFactor: number }> {
  const rows = parseCsv(text);
  const h = rows.findIndex((r) => norm(r[0] ?? '') === 'HCPCS');
  if (h < 0)
    return {
      ok: false,
      errors: [
        { path: file, message: 'no header row starting with HCPCS: is this the PPRRVU file?' },
      ],
    };
  const headRows = rows.slice(Math.max(0, h - 4), h + 1);
  const width = rows[h]!.length;
  const names = Array.from({ length: width }, (_, c) =>
    norm(headRows.map((r) => r[c] ?? '').join(' ')),
  );
  const col = (want: string, from = 0): number =>
    names.findIndex((n, i) => i >= from && n.includes(want));
  const idx = {
    code: 0,
    mod: col('MOD'),
    status: col('STATUS CODE'),
    work: col('WORK RVU'),
    peNf: col('NON-FAC PE RVU'),
    peF: col('FACILITY PE RVU'),
    mp: col('MP RVU'),
    pctc: col('PCTC'),
    glob: col('GLOB'),
    mult: col('MULT PROC'),
    bilat: col('BILAT SURG'),
    asst: col('ASST SURG'),
    co: col('CO- SURG'),
    team: col('TEAM SURG'),
    endo: col('ENDO BASE'),
    cf: col('CONV FACTOR'),
  };
  const noColumns = missingColumns(idx, `${file}:${h + 1}`);
  if (noColumns) return noColumns;
  const errors: Problem[] = [];
  const rvus: RvuEntry[] = [];
  let cf: number | null = null;
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const code = (r[idx.code] ?? '').trim().toUpperCase();
    if (!code) continue;
    const where = `${file}:${i + 1}`;
    if (!/^[0-9A-Z]{5}$/.test(code)) {
      errors.push({ path: where, message: `HCPCS "${code}" is not a 5-character code` });
      continue;
    }
    const num = (k: keyof typeof idx, places: number): number => {
      const v = fixed(r[idx[k]] ?? '', places);
      if (v === null)
        errors.push({
          path: `${where} (${k})`,
          message: `"${r[idx[k]] ?? ''}" is not a number with at most ${places} decimals`,
        });
      return v ?? 0;
    };
    const rowCf = num('cf', 4);
    if (rowCf > 0) {
      if (cf === null) cf = rowCf;
      else if (cf !== rowCf)
        errors.push({
          path: `${where} (cf)`,
          message: `conversion factor ${rowCf / 1e4} differs from ${cf / 1e4}`,
        });
    }
    rvus.push({
      code,
      modifier: (r[idx.mod] ?? '').trim().toUpperCase(),
      status: (r[idx.status] ?? '').trim().toUpperCase(),
      work: num('work', 2),
      peNonFacility: num('peNf', 2),
      peFacility: num('peF', 2),
      mp: num('mp', 2),
      pctc: (r[idx.pctc] ?? '').trim(),
      globalDays: (r[idx.glob] ?? '').trim(),
      mult: (r[idx.mult] ?? '').trim(),
      bilat: (r[idx.bilat] ?? '').trim(),
      endoBase: endoBase(r[idx.endo] ?? '', where, errors),
      asstSurg: (r[idx.asst] ?? '').trim(),
      coSurg: (r[idx.co] ?? '').trim(),
      teamSurg: (r[idx.team] ?? '').trim(),
    });
  }
  if (cf === null) errors.push({ path: file, message: 'no conversion factor found' });
  if (rvus.length === 0) errors.push({ path: file, message: 'no relative value rows found' });
  return errors.length
    ? { ok: false, errors }
    : { ok: true, value: { rvus, conversionFactor: cf! } };
}

/** ENDO BASE: '' or a 5-character code (a bad value is reported, not priced from). */
function endoBase(raw: string, where: string, errors: Problem[]): string {
  const v = raw.trim().toUpperCase();
  if (v !== '' && !/^[0-9A-Z]{5}$/.test(v)) {
    errors.push({
      path: `${where} (endoBase)`,
      message: `ENDO BASE "${v}" is not a 5-character code`,
    });
    return '';
  }
  return v;
}

export function parseGpciFile(text: string, file: string): Result<Gpci[]> {
  const rows = parseCsv(text);
  const h = rows.findIndex(
    (r) => /LOCALITY NUMBER/.test(norm(r.join(' '))) && /GPCI/.test(norm(r.join(' '))),
  );
  if (h < 0)
    return {
      ok: false,
      errors: [
        {
          path: file,
          message: 'no header row naming "Locality Number" and the GPCIs: is this the GPCI file?',
        },
      ],
    };
  const names = rows[h]!.map(norm);
  const col = (re: RegExp) => names.findIndex((n) => re.test(n));
  const idx = {
    mac: col(/CONTRACTOR|MAC/),
    state: col(/^STATE$/),
    loc: col(/LOCALITY NUMBER/),
    name: col(/LOCALITY NAME/),
    pw: col(/PW GPCI/),
    pe: col(/PE GPCI/),
    mp: col(/MP GPCI/),
  };
  const noColumns = missingColumns(idx, `${file}:${h + 1}`);
  if (noColumns) return noColumns;
  const errors: Problem[] = [];
  const out: Gpci[] = [];
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const mac = (r[idx.mac] ?? '').trim();
    if (!/^\d{1,5}$/.test(mac)) continue; // notes and blank rows after the table
    const where = `${file}:${i + 1}`;
    const loc = (r[idx.loc] ?? '').trim();
    if (!/^\d{1,2}$/.test(loc)) {
      errors.push({ path: where, message: `locality number "${loc}" is not 1–2 digits` });
      continue;
    }
    const g = (k: 'pw' | 'pe' | 'mp') => {
      const v = fixed(r[idx[k]] ?? '', 3);
      if (v === null || v === 0)
        errors.push({
          path: `${where} (${k} GPCI)`,
          message: `"${r[idx[k]] ?? ''}" is not a GPCI`,
        });
      return v ?? 0;
    };
    out.push({
      key: `${mac.padStart(5, '0')}-${loc.padStart(2, '0')}`,
      state: (r[idx.state] ?? '').trim(),
      name: (r[idx.name] ?? '').trim(),
      work: g('pw'),
      pe: g('pe'),
      mp: g('mp'),
    });
  }
  const seen = new Set<string>();
  for (const g of out) {
    if (seen.has(g.key)) errors.push({ path: file, message: `locality ${g.key} appears twice` });
    seen.add(g.key);
  }
  if (out.length === 0) errors.push({ path: file, message: 'no locality rows found' });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

export function parseLocalityCountyFile(text: string, file: string): Result<MpfsData['counties']> {
  const rows = parseCsv(text);
  const out: MpfsData['counties'] = [];
  let state = '';
  const errors: Problem[] = [];
  rows.forEach((r, i) => {
    const mac = (r[0] ?? '').trim();
    if (!/^\d{1,5}$/.test(mac)) return;
    const loc = (r[1] ?? '').trim();
    if (!/^\d{1,2}$/.test(loc)) {
      errors.push({
        path: `${file}:${i + 1}`,
        message: `locality number "${loc}" is not 1–2 digits`,
      });
      return;
    }
    if ((r[2] ?? '').trim()) state = (r[2] ?? '').trim();
    out.push({
      key: `${mac.padStart(5, '0')}-${loc.padStart(2, '0')}`,
      state,
      area: (r[3] ?? '').trim(),
      counties: (r[4] ?? '').trim(),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** The error for a header row that lacks some of the columns the importer reads (index -1). */
function missingColumns(idx: Record<string, number>, where: string): Result<never> | null {
  const missing = Object.entries(idx)
    .filter(([, v]) => v < 0)
    .map(([k]) => k);
  return missing.length
    ? {
        ok: false,
        errors: [{ path: where, message: `header has no column for ${missing.join(', ')}` }],
      }
    : null;
}
