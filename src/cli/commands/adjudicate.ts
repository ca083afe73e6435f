/**
 * `claimlab adjudicate <file|-> [--date YYYY-MM-DD] [--seed N] [--history <remits.jsonl>]`:
 * adjudicates each claim with its payer (`medicare` built in; the starter pack's other payers
 * by id) and prints one remittance JSON object per claim per line, in input order (the contract
 * of issue 2). Claims are adjudicated in order against one payer ledger: a member's deductible
 * and out-of-pocket amounts carry to their next claim in the same benefit year (unless a claim
 * gives its own `accumulators`), and a replacement (frequency 7) or void (8) finds the original
 * it names — earlier in the input, or in `--history` (remittance JSON lines printed by an
 * earlier run) — and takes it back.
 * Pricing uses the imported MPFS bundle (codesets/build) when built, else the pack's national
 * fee table. An unknown payer or a record that is not JSON gives a rejected result with a
 * finding naming the problem; only unreadable input ends with a non-zero exit.
 */
import type { Finding } from '../../domain/findings';
import { parseClaim } from '../../domain/claim/parse';
import { isIsoDate } from '../../domain/claim/dates';
import { scrub, type EditContext } from '../../domain/edits/index';
import { globalDaysFrom, indicatorsFrom } from '../../domain/edits/global-days';
import { PayerLedger } from '../../domain/payer/ledger';
import { unbalancedLines } from '../../domain/payer/corrections/reversal';
import { remittanceFromJson } from '../../domain/payer/remittance/remittance-json';
import { findingJson } from '../../domain/findings';
import { remittanceJson, type Remittance } from '../../domain/payer/remittance/remittance';
import { starterFees, starterPayers } from '../../domain/payer/starter';
import { loadMpfsBundle } from '../../codesets/mpfs/bundle';
import { curatedNcci } from '../../codesets/ncci/curated';
import { loadAspBundles } from '../../codesets/asp/import';
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
  opts: { date?: string; seed: number; ledger?: PayerLedger },
): Promise<Adjudicator> {
  const ledger = opts.ledger ?? new PayerLedger();
  const mpfs = loadMpfsBundle();
  if (!mpfs.ok)
    for (const e of mpfs.errors)
      io.err(`claimlab: ${e.path}: ${e.message}; using the pack fee table`);
  const packFees = starterFees(mpfs.ok ? (mpfs.value ?? undefined) : undefined);
  // Imported ASP quarters (codesets/build) before the pack's own small table.
  const fees = { ...packFees, asp: [...loadAspBundles(), ...(packFees.asp ?? [])] };
  const payers = starterPayers();
  const editCtx: EditContext = {
    catalog: await loadCatalog(io),
    ncci: curatedNcci(),
    globalDays: globalDaysFrom(fees),
    indicators: indicatorsFrom(fees),
  };
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
    const remittance = ledger.adjudicate(claim, {
      payer: payer ?? payers.get('medicare')!,
      fees,
      seed: opts.seed,
      findings: parsed.findings,
      // The payer's duplicate edit sees the member's claims it already adjudicated in this run.
      edits: (c, policy) =>
        scrub(c, {
          ...editCtx,
          policy,
          // 90 days back: a visit in an earlier surgery's postoperative period (global surgery).
          history: ledger.priorClaims(payer?.id ?? 'medicare', c, { daysBefore: 90 }),
        }),
      ...(opts.date ? { receivedDate: opts.date } : {}),
    });
    return { remittance };
  };
}

export function parseAdjudicationFlags(args: string[]) {
  const { flags, positional } = parseArgs(args, ['date', 'seed', 'history']);
  const history = flags.get('history');
  if (history === true) throw new CliError('--history needs a file of remittance JSON lines');
  const date = flags.get('date');
  if (date !== undefined && !isIsoDate(date))
    throw new CliError('--date must be YYYY-MM-DD (the simulated receipt date)');
  const seedFlag = flags.get('seed');
  const seed = seedFlag === undefined ? 0 : Number(seedFlag);
  if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
  return {
    positional,
    date: typeof date === 'string' ? date : undefined,
    seed,
    history: typeof history === 'string' ? history : undefined,
  };
}

/**
 * A payer ledger holding the remittances of `--history` (JSON lines as `adjudicate` prints
 * them). A line that is not a remittance is reported with its line number and skipped.
 */
export async function ledgerFrom(path: string | undefined, io: Io): Promise<PayerLedger> {
  const ledger = new PayerLedger();
  if (!path) return ledger;
  for (const r of await readRecords(path, io)) {
    const where = r.where;
    if (r.kind === 'bad') {
      // The reader's message already names the file and line.
      io.err(`claimlab: --history ${r.message}; skipped`);
      continue;
    }
    const rem = remittanceFromJson(r.value, where);
    if (!rem.ok) {
      // Problem paths are "file:line: field" and messages "field: why": name the field once.
      for (const e of rem.errors)
        io.err(`claimlab: --history ${e.path}: ${e.message.replace(/^[^:]*: /, '')}; skipped`);
      continue;
    }
    // A record whose lines do not balance cannot be taken back without losing money.
    const unbalanced = unbalancedLines(rem.value);
    if (unbalanced.length) {
      for (const u of unbalanced) io.err(`claimlab: --history ${where}: ${u}; skipped`);
      continue;
    }
    ledger.record(rem.value);
  }
  return ledger;
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
  const { positional, date, seed, history } = parseAdjudicationFlags(args);
  const records = await readRecords(positional[0], io);
  const ledger = await ledgerFrom(history, io);
  const adjudicator = await makeAdjudicator(io, { ...(date ? { date } : {}), seed, ledger });
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
