/**
 * The curated NCCI edits shipped with ClaimLab (codesets/ncci/*.json), validated and indexed.
 * See: codesets/ncci/README.md for what is in them and how sure we are of each value.
 */
import ptpJson from '../../../codesets/ncci/ptp-curated.json';
import mueJson from '../../../codesets/ncci/mue-curated.json';
import {
  buildNcciRules,
  type MueEdit,
  type NcciRules,
  type PtpEdit,
} from '../../domain/edits/ncci-rules';
import { err, ok, type Result } from '../../domain/result';
import { MueFileSchema, PtpFileSchema, zodProblems } from './schema';

export const PTP_FILE = 'codesets/ncci/ptp-curated.json';
export const MUE_FILE = 'codesets/ncci/mue-curated.json';

/** Validates and expands the curated files (pure: the JSON is passed in, so tests can break it). */
export function readCurated(
  ptpRaw: unknown,
  mueRaw: unknown,
): Result<{ ptp: PtpEdit[]; mue: MueEdit[] }> {
  const p = PtpFileSchema.safeParse(ptpRaw);
  const m = MueFileSchema.safeParse(mueRaw);
  const problems = [
    ...(p.success ? [] : zodProblems(PTP_FILE, p.error)),
    ...(m.success ? [] : zodProblems(MUE_FILE, m.error)),
  ];
  if (!p.success || !m.success) return err(...problems);
  const ptp: PtpEdit[] = [];
  for (const g of p.data.groups)
    for (const column1 of g.column1)
      for (const column2 of g.column2)
        ptp.push({
          column1,
          column2,
          effective: g.effective,
          deleted: g.deleted,
          modifierIndicator: g.modifierIndicator,
          rationale: g.rationale,
          source: `${PTP_FILE}: ${g.source}`,
        });
  const mue: MueEdit[] = m.data.edits.map((e) => ({
    code: e.code,
    value: e.value,
    indicator: e.indicator,
    rationale: e.rationale,
    effective: e.effective,
    deleted: e.deleted,
    source: `${MUE_FILE}, ${e.confidence === 'estimate' ? 'curated estimate: verify against the CMS MUE file' : `curated from ${e.confidence === 'policy' ? 'CMS policy' : 'the code descriptor'}`}`,
  }));
  return ok({ ptp, mue });
}

let cached: NcciRules | undefined;

/** The curated rules; throws only if the shipped JSON is broken (a test guards against that). */
export function curatedNcci(): NcciRules {
  if (cached) return cached;
  const r = readCurated(ptpJson, mueJson);
  if (!r.ok)
    throw new Error(
      `curated NCCI edits are invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  cached = buildNcciRules(r.value.ptp, r.value.mue, 'ClaimLab curated NCCI edits');
  return cached;
}

/** Curated rules with imported CMS edits laid over them (imported rows win for the same pair/code and date). */
export function withImported(
  ptp: readonly PtpEdit[],
  mue: readonly MueEdit[],
  label: string,
): NcciRules {
  const r = readCurated(ptpJson, mueJson);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return buildNcciRules([...r.value.ptp, ...ptp], [...r.value.mue, ...mue], `curated + ${label}`);
}
