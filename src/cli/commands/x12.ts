/**
 * `claimlab x12 837 <claim.json|->`  prints the claim(s) as ASC X12 005010X222A1 837P;
 * `claimlab x12 835 <claim.json|->`  adjudicates, then prints the 005010X221A1 835;
 * `claimlab x12 read <file.835|->`   prints the remittance JSON of the adjudicate contract.
 * X12 text goes to stdout; problems go to stderr naming the record or segment.
 */
import { readFileSync } from 'node:fs';
import { parseClaim } from '../../domain/claim/parse';
import { remittanceJson } from '../../domain/payer/remittance/remittance';
import { shippedPayerService } from '../../services/shipped';
import { read835, write835, write835Batch } from '../../interop/x12/835';
import type { Remittance } from '../../domain/payer/remittance/remittance';
import { write837p } from '../../interop/x12/837p';
import { CliError, emit, openRecords, type Io } from '../io';
import { badRecord, ledgerFrom, makeAdjudicator, parseAdjudicationFlags } from './adjudicate';

const USAGE =
  'usage: x12 837 <claim.json|-> | x12 835 <claim.json|-> [--date YYYY-MM-DD] [--seed N] [--history F] [--batch] | x12 read <file.835|->';

export async function run(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '837') return run837(rest, io);
  if (sub === '835') return run835(rest, io);
  if (sub === 'read') return runRead(rest, io);
  throw new CliError(USAGE);
}

async function run837(args: string[], io: Io): Promise<number> {
  const records = openRecords(args[0], io);
  const payers = shippedPayerService().payers;
  let written = 0;
  for await (const r of records) {
    if (r.kind === 'bad') {
      io.err(`x12 837: ${r.message}; skipped`);
      continue;
    }
    const { claim, findings, overLimits } = parseClaim(r.value, `claim-${r.index + 1}`);
    if (overLimits) {
      for (const f of findings.filter((x) => x.severity === 'error'))
        io.err(`x12 837: ${r.where}: ${f.message}; skipped`);
      continue;
    }
    for (const f of findings.filter((x) => x.severity === 'error'))
      io.err(
        `x12 837: ${r.where}: ${f.message} (the 837 carries the data as entered; a payer would reject it)`,
      );
    const p = payers.get(claim.payerId);
    await emit(
      io,
      write837p(claim, {
        controlNumber: ++written,
        ...(p ? { payerName: p.name, claimFilingIndicator: p.claimFilingIndicator } : {}),
      }).trimEnd(),
    );
  }
  return written > 0 ? 0 : 1;
}

async function run835(args: string[], io: Io): Promise<number> {
  const batch = args.includes('--batch');
  const { positional, date, seed, history } = parseAdjudicationFlags(
    args.filter((a) => a !== '--batch'),
  );
  /** With --batch: the decided claims per payer and payee, in input order, for one 835 each. */
  const groups = new Map<string, Remittance[]>();
  const records = openRecords(positional[0], io);
  const ledger = await ledgerFrom(history, io);
  const adjudicator = await makeAdjudicator(io, { ...(date ? { date } : {}), seed, ledger });
  let written = 0;
  for await (const r of records) {
    const fallbackId = `claim-${r.index + 1}`;
    if (r.kind === 'bad') {
      io.err(`x12 835: ${JSON.stringify(badRecord(fallbackId, r.message).findings[0]!.message)}`);
      continue;
    }
    const res = adjudicator(r.value, fallbackId);
    if ('rejected' in res) {
      io.err(`x12 835: ${r.where}: ${res.rejected.findings[0]!.message}`);
      continue;
    }
    if (batch && res.remittance.status !== 'rejected') {
      const k = `${res.remittance.payerId}|${res.remittance.providerNpi}`;
      const g = groups.get(k);
      if (g) g.push(res.remittance);
      else groups.set(k, [res.remittance]);
      continue;
    }
    const x = write835(res.remittance, { controlNumber: written + 1 });
    if (!x.ok) {
      const why = res.remittance.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.message);
      io.err(
        `x12 835: ${r.where}: ${x.errors[0]!.message}${why.length ? `: ${why.join(' ')}` : ''}`,
      );
      continue;
    }
    written++;
    await emit(io, x.value.trimEnd());
  }
  // One 835 per payer and payee: take-backs netted against the new payments in the same check.
  for (const rs of groups.values()) {
    const x = write835Batch(rs, { controlNumber: written + 1 });
    if (!x.ok) {
      for (const e of x.errors) io.err(`x12 835: ${e.path}: ${e.message}`);
      continue;
    }
    written++;
    await emit(io, x.value.trimEnd());
  }
  return written > 0 ? 0 : 1;
}

async function runRead(args: string[], io: Io): Promise<number> {
  const arg = args[0];
  if (!arg) throw new CliError(USAGE);
  let text: string;
  try {
    text = arg === '-' ? await io.readStdin() : readFileSync(arg, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${arg}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 1);
  }
  const r = read835(text);
  if (!r.ok) {
    for (const e of r.errors) io.err(`x12 read: ${arg}: ${e.path}: ${e.message}`);
    return 1;
  }
  for (const remit of r.value) io.out(JSON.stringify(remittanceJson(remit)));
  return 0;
}
