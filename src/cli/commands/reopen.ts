/**
 * `claimlab reopen <file|-> [--history <remits.jsonl>] [--seed N]`: Medicare reopenings. Each
 * record is a request
 *   { "requestDate": "2026-04-20", "reason": "clerical-error" | "good-cause",
 *     "claim": { …the corrected claim, originalClaimId = the ICN to reopen… },
 *     "original": { …optional: the original's remittance JSON… }, "appealPending": false }
 * The original is the request's `original`, else found by its claim number in `--history`
 * (remittance JSON lines printed by `adjudicate`) or in a request earlier in the input. Prints
 * one JSON object per request: the revised remittance (the `adjudicate` shape, with `reversal`
 * and `reopening`), or `{"claimId", "status": "refused", "originalClaimId", "findings"}` saying
 * why and what to do instead. Only unreadable input ends with a non-zero exit.
 * See: src/domain/payer/reopening.ts; 42 CFR 405.980; Pub. 100-04 ch. 34.
 */
import { parseClaim } from '../../domain/claim/parse';
import { echo } from '../../domain/claim/input-text';
import type { Finding } from '../../domain/findings';
import { refusalJson } from '../../domain/payer/corrections/submit';
import { remittanceFromJson } from '../../domain/payer/remittance/remittance-json';
import { unbalancedLines } from '../../domain/payer/corrections/reversal';
import type { ReopeningRequest } from '../../domain/payer/corrections/reopening';
import { emit, openRecords, type Io } from '../io';
import { loadCatalog } from './check';
import { ledgerFrom, parseAdjudicationFlags } from './adjudicate';
import { cliPayerService } from './payer-service';
import { answerJson } from '../../services/submission';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const REQUEST_KEYS = [
  'requestDate',
  'reason',
  'claim',
  'original',
  'originalClaim',
  'appealPending',
];

/** A value quoted in a message: strings in quotes, cut short like every echoed value. */
const quote = (v: unknown) => (typeof v === 'string' ? `"${echo(v)}"` : echo(v));

const refused = (claimId: string, originalClaimId: string | null, findings: Finding[]) =>
  refusalJson({ claimId, originalClaimId }, findings);

const problem = (message: string, field?: string): Finding => ({
  id: 'reopening.refused',
  severity: 'error',
  line: null,
  codes: [],
  message,
  reference: 'README "claimlab reopen" (one reopening request per record)',
  ...(field ? { field } : {}),
});

export async function run(args: string[], io: Io): Promise<number> {
  const { positional, seed, history } = parseAdjudicationFlags(args);
  const records = openRecords(positional[0], io);
  const ledger = await ledgerFrom(history, io);
  const service = cliPayerService(io, { insteadOfMpfs: 'using the pack fee table' });
  const payers = service.payers;
  const catalog = await loadCatalog(io);
  for await (const r of records) {
    const fallbackId = `request-${r.index + 1}`;
    if (r.kind === 'bad') {
      await emit(io, JSON.stringify(refused(fallbackId, null, [problem(`${r.message}`)])));
      continue;
    }
    const v = r.value;
    if (!isObj(v) || !isObj(v.claim)) {
      await emit(
        io,
        JSON.stringify(
          refused(fallbackId, null, [
            problem(`${r.where}: a reopening request is an object with a "claim" (claim)`, 'claim'),
          ]),
        ),
      );
      continue;
    }
    const parsed = parseClaim(v.claim, fallbackId);
    const claim = parsed.claim;
    const reason = v.reason ?? 'clerical-error';
    const bad: Finding[] = [];
    // A misspelt key (e.g. "apealPending") must not silently change what the request says.
    for (const k of Object.keys(v))
      if (!REQUEST_KEYS.includes(k))
        bad.push(
          problem(
            `"${echo(k)}" is not part of a reopening request (${echo(k)}); the keys are ${REQUEST_KEYS.join(', ')}`,
            k,
          ),
        );
    if (reason !== 'clerical-error' && reason !== 'good-cause')
      bad.push(
        problem(
          `reason must be "clerical-error" or "good-cause", not ${quote(reason)} (reason)`,
          'reason',
        ),
      );
    if (typeof v.requestDate !== 'string')
      bad.push(
        problem(
          'requestDate is required: the date the reopening was asked for, YYYY-MM-DD (requestDate)',
          'requestDate',
        ),
      );
    // A flag that is not a boolean (e.g. "yes") must not silently count as "no appeal pending".
    if (v.appealPending !== undefined && typeof v.appealPending !== 'boolean')
      bad.push(
        problem(
          `appealPending must be true or false, not ${quote(v.appealPending)} (appealPending)`,
          'appealPending',
        ),
      );
    const payer = payers.get(claim.payerId || 'medicare');
    if (!payer)
      bad.push(
        problem(
          `Unknown payer "${echo(claim.payerId)}" (claim.payerId); known payers: ${[...payers.keys()].join(', ')}.`,
          'payerId',
        ),
      );
    let original;
    if (v.original !== undefined) {
      const o = remittanceFromJson(v.original, `${r.where}.original`);
      if (o.ok) {
        original = o.value;
        for (const u of unbalancedLines(o.value))
          bad.push(problem(`${r.where}.original: ${u} (original.lines)`, 'original'));
      } else
        bad.push(
          ...o.errors.map((e) =>
            problem(`${e.path}: ${e.message.replace(/^[^:]*: /, '')}`, 'original'),
          ),
        );
    }
    // A claim that cannot be read is not a correction the contractor can act on.
    for (const f of parsed.findings) if (f.severity === 'error') bad.push(f);
    if (bad.length || !payer) {
      await emit(io, JSON.stringify(refused(claim.claimId, claim.originalClaimId, bad)));
      continue;
    }
    const req: ReopeningRequest = {
      requestDate: v.requestDate as string,
      reason: reason as ReopeningRequest['reason'],
      claim,
      ...(v.appealPending === true ? { appealPending: true } : {}),
    };
    // The original claim as billed (optional): lets the contractor compare diagnoses too.
    let originalClaim;
    if (v.originalClaim !== undefined) {
      const oc = parseClaim(v.originalClaim, `${fallbackId}-original`);
      const errs = oc.findings.filter((f) => f.severity === 'error');
      if (errs.length) {
        await emit(
          io,
          JSON.stringify(
            refused(
              claim.claimId,
              claim.originalClaimId,
              errs.map((f) => ({ ...f, message: `originalClaim: ${f.message}` })),
            ),
          ),
        );
        continue;
      }
      originalClaim = oc.claim;
    }
    const out = ledger.reopen(
      req,
      {
        ...service.context(payer, { catalog, seed, findings: parsed.findings }),
        ...(original ? { original } : {}),
      },
      originalClaim,
    );
    await emit(io, JSON.stringify(answerJson(claim, out, false)));
  }
  return 0;
}
