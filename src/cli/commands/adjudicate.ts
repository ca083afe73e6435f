/**
 * `claimlab adjudicate <file|-> [--date YYYY-MM-DD] [--seed N]`: adjudicates each claim with
 * its payer (`medicare` built in; the starter pack's other payers by id) and prints one
 * remittance JSON object per claim per line, in input order (the contract of issue 2).
 * Pricing uses the imported MPFS bundle (codesets/build) when built, else the pack's national
 * fee table. An unknown payer or a record that is not JSON gives a rejected result with a
 * finding naming the problem; only unreadable input ends with a non-zero exit.
 */
import type { Finding } from '../../domain/findings';
import { parseClaim } from '../../domain/claim/parse';
import { isIsoDate } from '../../domain/claim/dates';
import { scrub, type EditContext } from '../../domain/edits/index';
import { adjudicate } from '../../domain/payer/adjudicate';
import { findingJson } from '../../domain/findings';
import { remittanceJson, type Remittance } from '../../domain/payer/remittance';
import { starterFees, starterPayers } from '../../domain/payer/starter';
import { loadMpfsBundle } from '../../codesets/mpfs/bundle';
import { curatedNcci } from '../../codesets/ncci/curated';
import { CliError, parseArgs, readRecords, type Io } from '../io';
import { loadCatalog } from './check';

function rejectedRecord(claimId: string, finding: Finding) {
  return {
    claimId,
    status: 'rejected' as const,
    lines: [],
    totals: { billed: '0.00', allowed: '0.00', paid: '0.00', patientResponsibility: '0.00' },
    findings: [findingJson(finding)],
  };
}

export interface Adjudicator {
  /** Adjudicates one untrusted JSON claim; `null` payer result = unknown payer (with the record to print). */
  (
    value: unknown,
    fallbackId: string,
  ): { remittance: Remittance } | { rejected: ReturnType<typeof rejectedRecord> };
}

/** Loads fees (MPFS bundle when built), payers and the edit engine once, for many claims. */
export async function makeAdjudicator(
  io: Io,
  opts: { date?: string; seed: number },
): Promise<Adjudicator> {
  const mpfs = loadMpfsBundle();
  if (!mpfs.ok)
    for (const e of mpfs.errors)
      io.err(`claimlab: ${e.path}: ${e.message}; using the pack fee table`);
  const fees = starterFees(mpfs.ok ? (mpfs.value ?? undefined) : undefined);
  const payers = starterPayers();
  const editCtx: EditContext = { catalog: await loadCatalog(io), ncci: curatedNcci() };
  return (value, fallbackId) => {
    const parsed = parseClaim(value, fallbackId);
    const claim = parsed.claim;
    const payer = payers.get(claim.payerId);
    if (!payer && claim.payerId)
      return {
        rejected: rejectedRecord(claim.claimId, {
          id: 'claim.invalid-field',
          severity: 'error',
          line: null,
          codes: [],
          field: 'payerId',
          message: `Unknown payer "${claim.payerId}" (payerId); known payers: ${[...payers.keys()].join(', ')}.`,
          reference: 'scenarios/starter/payers (payer profiles)',
        }),
      };
    // A missing payerId is reported by parseClaim (claim.missing-field) and rejected by the built-in payer.
    const remittance = adjudicate(claim, {
      payer: payer ?? payers.get('medicare')!,
      fees,
      seed: opts.seed,
      findings: parsed.findings,
      edits: (c, policy) => scrub(c, { ...editCtx, policy }),
      ...(opts.date ? { receivedDate: opts.date } : {}),
    });
    return { remittance };
  };
}

export function parseAdjudicationFlags(args: string[]) {
  const { flags, positional } = parseArgs(args, ['date', 'seed']);
  const date = flags.get('date');
  if (date !== undefined && !isIsoDate(date))
    throw new CliError('--date must be YYYY-MM-DD (the simulated receipt date)');
  const seedFlag = flags.get('seed');
  const seed = seedFlag === undefined ? 0 : Number(seedFlag);
  if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
  return { positional, date: typeof date === 'string' ? date : undefined, seed };
}

export const badRecord = (fallbackId: string, message: string) =>
  rejectedRecord(fallbackId, {
    id: 'claim.invalid-field',
    severity: 'error',
    line: null,
    codes: [],
    message: `${message}; the record was not adjudicated.`,
    reference: 'README "Claim input" (one JSON claim per line)',
  });

export async function run(args: string[], io: Io): Promise<number> {
  const { positional, date, seed } = parseAdjudicationFlags(args);
  const records = await readRecords(positional[0], io);
  const adjudicator = await makeAdjudicator(io, { ...(date ? { date } : {}), seed });
  for (const r of records) {
    const fallbackId = `claim-${r.index + 1}`;
    if (r.kind === 'bad') {
      io.out(JSON.stringify(badRecord(fallbackId, r.message)));
      continue;
    }
    const res = adjudicator(r.value, fallbackId);
    io.out(JSON.stringify('rejected' in res ? res.rejected : remittanceJson(res.remittance)));
  }
  return 0;
}
