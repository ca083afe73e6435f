/**
 * The NCCI bundle format (codesets/build/ncci-<folder>.json.gz, written by bundle.ts in Node)
 * and how bundles are laid over the curated edits: shared by the CLI (bundle.ts) and the
 * code-set worker, so the app, `check`, `adjudicate` and `pack validate` apply the same edits.
 */
import { ADD_ON_RULES, type AddOnRule } from '../../domain/edits/add-on-rules';
import type { MueEdit, NcciRules, PtpEdit } from '../../domain/edits/ncci-rules';
import type { Result } from '../../domain/result';
import { withImported } from './curated';
import { withFileAddOns } from './derived';

export interface NcciBundleJson {
  format: 'claimlab.ncci';
  formatVersion: 1;
  /** The reference folder it came from (`2026-derived`). */
  name: string;
  source: string;
  ptp: PtpEdit[];
  mue: MueEdit[];
  addOns: AddOnRule[] | null;
}

/** ncci-<folder>.json.gz: the file names `codesets build` writes. */
export const NCCI_BUNDLE = /^ncci-[A-Za-z0-9._-]+\.json\.gz$/;

/** What the NCCI bundles give a payer service and the edits. */
export interface NcciFromBundles {
  ncci: NcciRules;
  /** The add-on code rules (curated ones kept only for add-on codes the files do not cover). */
  addOns: AddOnRule[];
  files: string[];
}

export function decodeNcciBundle(raw: unknown, file: string): Result<NcciBundleJson> {
  const b = raw as Partial<NcciBundleJson> | null;
  if (
    !b ||
    b.format !== 'claimlab.ncci' ||
    b.formatVersion !== 1 ||
    !Array.isArray(b.ptp) ||
    !Array.isArray(b.mue) ||
    !(b.addOns === null || Array.isArray(b.addOns))
  )
    return {
      ok: false,
      errors: [{ path: file, message: 'not a claimlab.ncci bundle; rebuild with codesets build' }],
    };
  return { ok: true, value: b as NcciBundleJson };
}

/** Bundles laid over the curated edits: imported rows win for the same pair or code and date. */
export function ncciFromBundles(
  bundles: readonly NcciBundleJson[],
  files: string[],
): NcciFromBundles {
  const ptp = bundles.flatMap((b) => b.ptp);
  const mue = bundles.flatMap((b) => b.mue);
  const fileAddOns = bundles.flatMap((b) => b.addOns ?? []);
  return {
    ncci: withImported(ptp, mue, `NCCI bundles ${files.join(', ')}`),
    addOns: bundles.some((b) => b.addOns)
      ? withFileAddOns(ADD_ON_RULES, fileAddOns)
      : [...ADD_ON_RULES],
    files,
  };
}
