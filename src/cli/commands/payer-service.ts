/**
 * The CLI's payer service: the one payer service (src/services/payer.ts) over the shipped packs
 * and the official bundles built in codesets/build (the MPFS tables, ASP drug prices and CMS
 * NCCI MUE/add-on edits when built; `check --ncci` files instead when named). A bundle that
 * cannot be read is reported on stderr with what is used instead, and the run goes on.
 */
import type { NcciRules } from '../../domain/edits/index';
import { loadMpfsBundle } from '../../codesets/mpfs/bundle';
import { loadAspBundles } from '../../codesets/asp/import';
import { loadNcciBundles } from '../../codesets/ncci/bundle';
import type { AddOnRule } from '../../domain/edits/add-on-rules';
import type { PayerService } from '../../services/payer';
import { shippedPayerService } from '../../services/shipped';
import type { Io } from '../io';

export function cliPayerService(
  io: Io,
  opts: {
    /** What stands in for a broken MPFS bundle, for the message ("using the pack fee table"). */
    insteadOfMpfs: string;
    /** NCCI rules (and add-on rules) to use instead of the bundles: `check --ncci`. */
    ncci?: NcciRules;
    addOns?: readonly AddOnRule[];
  },
): PayerService {
  const mpfs = loadMpfsBundle();
  if (!mpfs.ok)
    for (const e of mpfs.errors) io.err(`claimlab: ${e.path}: ${e.message}; ${opts.insteadOfMpfs}`);
  // Imported ASP quarters (codesets/build) come before the packs' own small tables.
  const asp = loadAspBundles();
  const ncci = opts.ncci ? { ncci: opts.ncci, addOns: opts.addOns } : cliNcci(io);
  return shippedPayerService({
    mpfs: mpfs.ok ? mpfs.value : null,
    ...(asp.length ? { asp } : {}),
    ...(ncci?.ncci ? { ncci: ncci.ncci } : {}),
    ...(ncci?.addOns ? { addOns: ncci.addOns } : {}),
  });
}

/** The NCCI bundles built in codesets/build over the curated edits, or null (curated only). */
export function cliNcci(io: Io): { ncci: NcciRules; addOns: readonly AddOnRule[] } | null {
  const r = loadNcciBundles();
  if (!r.ok) {
    for (const e of r.errors)
      io.err(`claimlab: ${e.path}: ${e.message}; using the curated NCCI edits`);
    return null;
  }
  return r.value;
}
