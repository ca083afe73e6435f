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

export function importNcci(path: string, mueEffective?: string): Result<NcciRules> {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => /\.(txt|csv)$/i.test(f))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (e) {
    return err({ path, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
  }
  if (files.length === 0) return err({ path, message: 'no .txt or .csv NCCI files here' });
  const ptp: PtpEdit[] = [];
  const mue: MueEdit[] = [];
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
  return ok(
    withImported(
      ptp,
      mue,
      `CMS files from ${basename(path)} (${ptp.length} PTP rows, ${mue.length} MUE rows)`,
    ),
  );
}
