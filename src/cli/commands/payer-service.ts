/**
 * The CLI's payer service: the one payer service (src/services/payer.ts) over the shipped packs
 * and the official bundles built in codesets/build (the MPFS tables and ASP drug prices when
 * built; CMS NCCI files
 * when `check --ncci` names them). A bundle that cannot be read is reported on stderr with what
 * is used instead, and the run goes on.
 */
import type { NcciRules } from '../../domain/edits/index';
import { loadMpfsBundle } from '../../codesets/mpfs/bundle';
import { loadAspBundles } from '../../codesets/asp/import';
import type { PayerService } from '../../services/payer';
import { shippedPayerService } from '../../services/shipped';
import type { Io } from '../io';

export function cliPayerService(
  io: Io,
  opts: {
    /** What stands in for a broken MPFS bundle, for the message ("using the pack fee table"). */
    insteadOfMpfs: string;
    ncci?: NcciRules;
  },
): PayerService {
  const mpfs = loadMpfsBundle();
  if (!mpfs.ok)
    for (const e of mpfs.errors) io.err(`claimlab: ${e.path}: ${e.message}; ${opts.insteadOfMpfs}`);
  // Imported ASP quarters (codesets/build) come before the packs' own small tables.
  const asp = loadAspBundles();
  return shippedPayerService({
    mpfs: mpfs.ok ? mpfs.value : null,
    ...(asp.length ? { asp } : {}),
    ...(opts.ncci ? { ncci: opts.ncci } : {}),
  });
}
