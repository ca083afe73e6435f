/**
 * Reads CMS NCCI files from disk (a file or a folder of .txt/.csv files) and lays them over
 * the curated edits. Which importer reads a file is decided by its header: MUE files name the
 * "MUE" columns, PTP files the "Column 1"/"Column 2" ones.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { MueEdit, NcciRules, PtpEdit } from '../../domain/edits/ncci-rules';
import { err, ok, type Problem, type Result } from '../../domain/result';
import { decodeSource } from '../source-text';
import { withImported } from './curated';
import { parseMueFile } from './mue-file';
import { parsePtpFile } from './ptp-file';
import { parseDerivedAoc, parseDerivedMue, withFileAddOns } from './derived';
import { ADD_ON_RULES, type AddOnRule } from '../../domain/edits/add-on-rules';

export function importNcci(path: string, mueEffective?: string): Result<NcciRules> {
  const r = importNcciWithAddOns(path, mueEffective);
  return r.ok ? ok(r.value.ncci) : r;
}

/** The rows of CMS NCCI files (and the derived JSON), before they are laid over the curated set. */
export interface NcciFileRows {
  ptp: PtpEdit[];
  mue: MueEdit[];
  /** Type 1 add-on code edits from the file, or null when none was read. */
  addOns: AddOnRule[] | null;
}

/** Reads a file or a folder of CMS NCCI files (and derived JSON) into rows, every problem at once. */
export function readNcciFiles(path: string, mueEffective?: string): Result<NcciFileRows> {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => /\.(txt|csv|json)$/i.test(f))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (e) {
    return err({ path, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
  }
  if (files.length === 0) return err({ path, message: 'no .txt, .csv or .json NCCI files here' });
  const ptp: PtpEdit[] = [];
  const mue: MueEdit[] = [];
  let addOns: AddOnRule[] | null = null;
  const problems: Problem[] = [];
  for (const f of files) {
    // Empty, UTF-16 or binary files are refused with file:line (they used to read as no rows).
    const d = decodeSource(readFileSync(f), f);
    if (d.refused) {
      problems.push(d.refused);
      continue;
    }
    const text = d.text;
    const head = text.slice(0, 4000);
    if (/\.json$/i.test(f)) {
      const d = /"mue_value"/.test(head)
        ? parseDerivedMue(text, basename(f))
        : /"code1"/.test(head)
          ? parseDerivedAoc(text, basename(f))
          : null;
      if (!d) problems.push({ path: f, message: 'neither derived MUE nor add-on code edit JSON' });
      else if (!d.ok) problems.push(...d.errors);
      else if (/"mue_value"/.test(head)) mue.push(...(d.value as MueEdit[]));
      else addOns = [...(addOns ?? []), ...(d.value as AddOnRule[])];
      continue;
    }
    const r = /MUE/i.test(head)
      ? parseMueFile(text, f, mueEffective)
      : /column\s*1/i.test(head)
        ? parsePtpFile(text, f)
        : null;
    if (!r)
      problems.push({
        path: f,
        message: 'neither a CMS PTP file (Column 1/Column 2 header) nor an MUE file (MUE header)',
      });
    else if (!r.ok) problems.push(...r.errors);
    else if (/MUE/i.test(head)) mue.push(...(r.value as MueEdit[]));
    else ptp.push(...(r.value as PtpEdit[]));
  }
  if (problems.length) return err(...problems);
  return ok({ ptp, mue, addOns });
}

/**
 * As importNcci, and also the derived JSON of ../shared/reference/ncci/2026-derived (practitioner
 * MUEs, add-on code edits; see derived.ts): add-on rules come back beside the NCCI rules, laid
 * over the curated ones (curated rules stay only for add-on codes the file does not cover).
 */
export function importNcciWithAddOns(
  path: string,
  mueEffective?: string,
): Result<{ ncci: NcciRules; addOns: AddOnRule[] | null }> {
  const r = readNcciFiles(path, mueEffective);
  if (!r.ok) return r;
  const { ptp, mue, addOns } = r.value;
  const ncci = withImported(
    ptp,
    mue,
    `CMS files from ${basename(path)} (${ptp.length} PTP rows, ${mue.length} MUE rows)`,
  );
  return ok({ ncci, addOns: addOns ? withFileAddOns(ADD_ON_RULES, addOns) : null });
}
