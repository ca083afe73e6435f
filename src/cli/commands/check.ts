/**
 * `claimlab check <file|->`: scrubs each claim and prints one line per claim, in input order:
 * `{"claimId":…,"findings":[{id,severity,line,codes,message,reference,suggestion?}]}`.
 * A record that is not JSON prints a claim-level `claim.invalid-field` finding naming the line
 * and the run continues; only unreadable input ends with a non-zero exit.
 * See: README "Claim input" and issue 2 (the CLI contract).
 */
import type { CodeCatalog } from '../../domain/codes/catalog';
import { loadNodeCatalog } from '../../codesets/load-node';
import { starterCatalog } from '../../codesets/starter';
import {
  checkClaim,
  globalDaysFrom,
  indicatorsFrom,
  type EditContext,
} from '../../domain/edits/index';
import type { GlobalDaysOf } from '../../domain/edits/context';
import { starterFees, starterPayers } from '../../domain/payer/starter';
import { payerChecksBeforeSubmission } from '../../domain/payer/checks';
import { dedupeFindings, orderFindings } from '../../domain/edits/finding-kit';
import { loadMpfsBundle } from '../../codesets/mpfs/bundle';
import { findingJson } from '../../domain/findings';
import { curatedNcci } from '../../codesets/ncci/curated';
import { importNcci } from '../../codesets/ncci/import-node';
import type { Claim } from '../../domain/claim/claim';
import { parseClaim } from '../../domain/claim/parse';
import { CliError, parseArgs, readRecords, type Io } from '../io';

/** The official catalog when its bundles are built (codesets/build), else the starter set. */
export async function loadCatalog(io: Io): Promise<CodeCatalog> {
  try {
    return await loadNodeCatalog();
  } catch (e) {
    io.err(
      `claimlab: official code sets not loaded (${(e as Error).message}); using the starter set`,
    );
    return starterCatalog();
  }
}

/**
 * Global surgery days for the global surgery edits: the MPFS bundle (codesets/build) when built,
 * else the pack's national fee table (same sources as `adjudicate` prices with).
 */
export function globalDaysFor(io: Io): GlobalDaysOf | undefined {
  return rvuDataFor(io).globalDays;
}

/** Global days and PC/TC / bilateral indicators, from the same sources. */
export function rvuDataFor(io: Io): Pick<EditContext, 'globalDays' | 'indicators'> {
  const mpfs = loadMpfsBundle();
  if (!mpfs.ok)
    for (const e of mpfs.errors)
      io.err(`claimlab: ${e.path}: ${e.message}; global days from the pack fee table`);
  const fees = starterFees(mpfs.ok ? (mpfs.value ?? undefined) : undefined);
  const globalDays = globalDaysFrom(fees);
  const indicators = indicatorsFrom(fees);
  return { ...(globalDays ? { globalDays } : {}), ...(indicators ? { indicators } : {}) };
}

/**
 * Options: `--ncci <file|dir>` lays CMS PTP/MUE files over the curated edits (`--mue-effective
 * YYYY-MM-DD` when the MUE file name has no date); `--history <file>` names claims already
 * submitted (.json/.jsonl) for the duplicate-claim edit.
 */
export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(args, ['ncci', 'mue-effective', 'history']);
  const records = await readRecords(positional[0], io);
  const ncciPath = flags.get('ncci');
  const mueEff = flags.get('mue-effective');
  let ncci = curatedNcci();
  if (typeof ncciPath === 'string') {
    const r = importNcci(ncciPath, typeof mueEff === 'string' ? mueEff : undefined);
    if (!r.ok)
      throw new CliError(
        `cannot use --ncci ${ncciPath}:\n  ${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n  ')}`,
        1,
      );
    ncci = r.value;
  }
  const ctx: EditContext = { catalog: await loadCatalog(io), ncci, ...rvuDataFor(io) };
  const payers = starterPayers();
  const historyPath = flags.get('history');
  if (typeof historyPath === 'string') {
    const history: Claim[] = [];
    for (const h of await readRecords(historyPath, io))
      if (h.kind === 'json') history.push(parseClaim(h.value).claim);
    ctx.history = history;
  }
  for (const r of records) {
    const fallbackId = `claim-${r.index + 1}`;
    if (r.kind === 'bad') {
      io.out(
        JSON.stringify({
          claimId: fallbackId,
          findings: [
            {
              id: 'claim.invalid-field',
              severity: 'error',
              line: null,
              codes: [],
              message: `${r.message}; the record was not checked.`,
              reference: 'README "Claim input" (one JSON claim per line)',
            },
          ],
        }),
      );
      continue;
    }
    const { claim, findings } = checkClaim(r.value, ctx, fallbackId);
    // The payer's own policy edits, by the function `adjudicate` calls: what check predicts is
    // what the payer applies (timely filing, authorization, necessity, COB).
    const payer = payers.get(claim.payerId);
    const all = payer
      ? orderFindings(dedupeFindings([...findings, ...payerChecksBeforeSubmission(claim, payer)]))
      : findings;
    io.out(JSON.stringify({ claimId: claim.claimId, findings: all.map(findingJson) }));
  }
  return 0;
}
