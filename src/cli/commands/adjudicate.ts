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
 * fee table. A claim naming a pack plan (`planId`, or the plan's id as `payerId`) is decided with
 * the plan's dated policies over its payer (claim-plan.ts). An unknown payer or plan or a record
 * that is not JSON gives a rejected result with a finding naming the problem; only unreadable
 * input ends with a non-zero exit.
 */
import { statSync } from 'node:fs';
import type { Finding } from '../../domain/findings';
import { parseClaim } from '../../domain/claim/parse';
import { echo } from '../../domain/claim/input-text';
import { PayerLedger, type LedgerOptions } from '../../domain/payer/ledger';
import { unbalancedLines } from '../../domain/payer/corrections/reversal';
import { remittanceFromJson } from '../../domain/payer/remittance/remittance-json';
import { findingJson } from '../../domain/findings';
import { remittanceText, type Remittance } from '../../domain/payer/remittance/remittance';
import { emit, openRecords, type InputRecord, type Io } from '../io';
import { parseAdjudicationFlags } from './flags';
import { fileLedgerStore } from '../ledger-file';
import { mayCrossMembers, repeatedMembers } from '../sharded';
import { ECHO_MAX } from '../../domain/claim/input-text';
import { loadCatalog } from './check';
import { cliPayerService } from './payer-service';
import { claimPayer, shippedPlans } from './claim-plan';

function rejectedRecord(claimId: string, finding: Finding | Finding[]) {
  return {
    claimId,
    status: 'rejected' as const,
    lines: [],
    totals: { billed: '0.00', allowed: '0.00', paid: '0.00', patientResponsibility: '0.00' },
    findings: (Array.isArray(finding) ? finding : [finding]).map(findingJson),
  };
}

export interface Adjudicator {
  /** Adjudicates one untrusted JSON claim; `null` payer result = unknown payer (with the record to print). */
  (
    value: unknown,
    fallbackId: string,
  ): { remittance: Remittance } | { rejected: ReturnType<typeof rejectedRecord> };
}

/** Loads the payer service (MPFS bundle when built) and the edit engine once, for many claims. */
export async function makeAdjudicator(
  io: Io,
  opts: { date?: string; seed: number; ledger?: PayerLedger },
): Promise<Adjudicator> {
  const ledger = opts.ledger ?? new PayerLedger();
  const service = cliPayerService(io, { insteadOfMpfs: 'using the pack fee table' });
  const payers = service.payers;
  const plans = shippedPlans();
  const catalog = await loadCatalog(io);
  return (value, fallbackId) => {
    const parsed = parseClaim(value, fallbackId);
    const claim = parsed.claim;
    // Over the 837P limits: rejected with the finding naming the limit, never adjudicated.
    if (parsed.overLimits) return { rejected: rejectedRecord(claim.claimId, parsed.findings) };
    // The claim's payer, with the dated policies of the plan it names (`planId`, or a plan's id
    // as `payerId`): see claim-plan.ts. An unknown plan rejects the claim with check's finding.
    const by = claimPayer(value, claim, payers, plans);
    if (by.finding) return { rejected: rejectedRecord(claim.claimId, by.finding) };
    const payer = by.payer;
    if (!payer && claim.payerId)
      return {
        rejected: rejectedRecord(claim.claimId, {
          id: 'claim.invalid-field',
          severity: 'error',
          line: null,
          codes: [],
          field: 'payerId',
          message: `Unknown payer "${echo(claim.payerId)}" (payerId); known payers: ${[...payers.keys()].join(', ')}.`,
          reference: 'scenarios/starter/payers (payer profiles)',
        }),
      };
    // A missing payerId is reported by parseClaim (claim.missing-field) and rejected by the built-in payer.
    const payerId = payer?.id ?? 'medicare';
    const remittance = ledger.adjudicate(
      claim,
      service.context(payer ?? payers.get('medicare')!, {
        catalog,
        seed: opts.seed,
        findings: parsed.findings,
        // The payer's edits see the member's claims it already adjudicated in this run: the
        // duplicate edit, and 90 days back a visit in an earlier surgery's postoperative period.
        history: (c) => ledger.priorClaims(payerId, c, { daysBefore: 90 }),
        ...(opts.date ? { receivedDate: opts.date } : {}),
      }),
    );
    return { remittance };
  };
}

export { parseAdjudicationFlags };

/**
 * A payer ledger holding the remittances of `--history` (JSON lines as `adjudicate` prints
 * them). A line that is not a remittance is reported with its line number and skipped.
 */
export async function ledgerFrom(
  path: string | undefined,
  io: Io,
  opts: LedgerOptions = {},
): Promise<PayerLedger> {
  // The run's ledger spills what it remembers to a temporary file: memory stays small however
  // many claims the batch (and --history) holds.
  const ledger = new PayerLedger(fileLedgerStore(), opts);
  if (!path) return ledger;
  for await (const r of openRecords(path, io)) {
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

/**
 * Whether a claim of the input may name another claim (a replacement or void its original, a
 * secondary claim the primary's answer): stdin, or a file holding either field name (or a `\u`
 * escape that could spell one; sharded.ts). When none can, the ledger keeps no remittances.
 */
function mayNameClaims(input: string | undefined): boolean {
  if (!input || input === '-') return true;
  try {
    // Only a regular file is read twice: a pipe (`<(...)`) or device would lose what is read here.
    return !statSync(input).isFile() || mayCrossMembers(input);
  } catch {
    return true; // unreadable: the reader names the problem
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  const { positional } = parseAdjudicationFlags(args);
  const records = openRecords(positional[0], io);
  const step = await prepare(args, io);
  for await (const r of records) await emit(io, step(r));
  return 0;
}

/**
 * Loads the ledger (`--history`) and the payers once; returns record -> output line (also what
 * each worker thread of src/cli/parallel.ts runs, on the members it is given).
 */
export async function prepare(args: string[], io: Io): Promise<(r: InputRecord) => string> {
  const { date, seed, history, positional } = parseAdjudicationFlags(args);
  const claimsNamed = mayNameClaims(positional[0]);
  // A file no claim of which names another: the members with one claim in it need no record
  // (the file was found to be a regular file by mayNameClaims).
  const repeats = claimsNamed ? null : repeatedMembers(positional[0]!);
  const ledger = await ledgerFrom(history, io, {
    claimsNamed,
    ...(repeats ? { memberComesBack: (m: string) => repeats.has(m.slice(0, ECHO_MAX)) } : {}),
  });
  const adjudicator = await makeAdjudicator(io, { ...(date ? { date } : {}), seed, ledger });
  return (r) => {
    const fallbackId = `claim-${r.index + 1}`;
    if (r.kind === 'bad') return JSON.stringify(badRecord(fallbackId, r.message));
    const res = adjudicator(r.value, fallbackId);
    return 'rejected' in res ? JSON.stringify(res.rejected) : remittanceText(res.remittance);
  };
}
