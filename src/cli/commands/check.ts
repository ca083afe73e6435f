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
import { checkClaim, type EditContext, type NcciRules } from '../../domain/edits/index';
import { withPayerChecks } from '../../domain/payer/checks';
import { statusNFrom } from '../../domain/edits/exclusions';
import { isSharedFinding } from '../../domain/edits/finding-memo';
import { findingJson, type Finding } from '../../domain/findings';
import { importNcciWithAddOns } from '../../codesets/ncci/import-node';
import type { Claim } from '../../domain/claim/claim';
import { parseClaim } from '../../domain/claim/parse';
import {
  CliError,
  emit,
  openRecords,
  readRecords,
  parseArgs,
  type InputRecord,
  type Io,
} from '../io';
import { CHECK_FLAGS } from './flags';
import { cliPayerService } from './payer-service';
import { claimPayer, shippedPlans } from './claim-plan';

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
 * Options: `--ncci <file|dir>` lays CMS PTP/MUE files (and the derived MUE / add-on code edit
 * JSON of ../shared/reference/ncci/2026-derived) over the curated edits (`--mue-effective
 * YYYY-MM-DD` when the MUE file name has no date); `--history <file>` names claims already
 * submitted (.json/.jsonl) for the duplicate-claim edit.
 */
export async function run(args: string[], io: Io): Promise<number> {
  const { positional } = parseArgs(args, CHECK_FLAGS);
  const records = openRecords(positional[0], io);
  const step = await prepare(args, io);
  for await (const r of records) await emit(io, step(r));
  return 0;
}

/**
 * Loads what `check` needs (options below) once, and returns the function that turns one input
 * record into its output line (also what each worker thread of src/cli/parallel.ts runs).
 */
export async function prepare(args: string[], io: Io): Promise<(r: InputRecord) => string> {
  const { flags } = parseArgs(args, CHECK_FLAGS);
  const ncciPath = flags.get('ncci');
  const mueEff = flags.get('mue-effective');
  let ncci: NcciRules | undefined;
  let addOns: EditContext['addOns'];
  if (typeof ncciPath === 'string') {
    const r = importNcciWithAddOns(ncciPath, typeof mueEff === 'string' ? mueEff : undefined);
    if (!r.ok)
      throw new CliError(
        `cannot use --ncci ${ncciPath}:\n  ${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n  ')}`,
        1,
      );
    ncci = r.value.ncci;
    if (r.value.addOns) addOns = r.value.addOns;
  }
  const catalog = await loadCatalog(io);
  // Global surgery days and PC/TC indicators: the MPFS bundle when built, else the pack's
  // national fee table (the same sources `adjudicate` prices with); NCCI: the bundles built by
  // `codesets build` over the curated set, or --ncci files over it.
  const service = cliPayerService(io, {
    insteadOfMpfs: 'global days from the pack fee table',
    ...(ncci ? { ncci, ...(addOns ? { addOns } : {}) } : {}),
  });
  const ctx: EditContext = service.editContext(catalog);
  const payers = service.payers;
  const plans = shippedPlans();
  const statusN = statusNFrom(service.fees);
  const historyPath = flags.get('history');
  if (typeof historyPath === 'string') {
    const history: Claim[] = [];
    for (const h of await readRecords(historyPath, io))
      if (h.kind === 'json') history.push(parseClaim(h.value).claim);
    ctx.history = history;
  }
  return (r) => {
    const fallbackId = `claim-${r.index + 1}`;
    if (r.kind === 'bad') {
      return JSON.stringify({
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
      });
    }
    const { claim, findings } = checkClaim(r.value, ctx, fallbackId);
    // The payer's own policy edits, by the function `adjudicate` calls: what check predicts is
    // what the payer applies (timely filing, authorization, necessity, COB) — with the dated
    // policies of the plan the claim names (claim-plan.ts), as `adjudicate` reads them.
    const by = claimPayer(r.value, claim, payers, plans);
    const all = by.finding
      ? [...findings, by.finding]
      : withPayerChecks(claim, findings, by.payer, statusN, service.fees);
    return checkLine(claim.claimId, all);
  };
}

/** A finding of the usual shape (the writer below assumes it; anything else takes JSON.stringify). */
const plain = (f: Finding): boolean =>
  typeof f.id === 'string' &&
  typeof f.severity === 'string' &&
  typeof f.message === 'string' &&
  typeof f.reference === 'string' &&
  (f.line === null || typeof f.line === 'number') &&
  Array.isArray(f.codes) &&
  (f.suggestion === undefined || typeof f.suggestion === 'string');

/** JSON text of a string that repeats from claim to claim (references, ids): made once. */
const quoted = new Map<string, string>();
const quoteRepeated = (s: string): string => {
  let q = quoted.get(s);
  if (q === undefined) {
    if (quoted.size >= 4096) quoted.clear();
    quoted.set(s, (q = JSON.stringify(s)));
  }
  return q;
};

/**
 * The output line of a checked claim, written field by field: byte for byte
 * `JSON.stringify({ claimId, findings: findings.map(findingJson) })` (findingJson's keys in its
 * order, `suggestion` only when present) without building the objects first, and with the JSON
 * of the few strings that recur on every claim (references, ids, severities) made once.
 * test/cli/check-output.test.ts holds it to JSON.stringify.
 */
export function checkLine(claimId: string, findings: readonly Finding[]): string {
  if (typeof claimId !== 'string' || !findings.every(plain))
    return JSON.stringify({ claimId, findings: findings.map(findingJson) });
  let s = `{"claimId":${JSON.stringify(claimId)},"findings":[`;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (i > 0) s += ',';
    if (!isSharedFinding(f)) {
      s += findingText(f);
      continue;
    }
    // A finding a memo hands to claim after claim (the same object): its text is made once.
    let t = sharedText.get(f);
    if (t === undefined) sharedText.set(f, (t = findingText(f)));
    s += t;
  }
  return s + ']}';
}

/** The JSON text of memoised findings (edits/finding-memo.ts), by the finding itself. */
const sharedText = new WeakMap<Finding, string>();

/** One finding's JSON text, `JSON.stringify(findingJson(f))` for a finding of the usual shape. */
function findingText(f: Finding): string {
  let s = `{"id":${quoteRepeated(f.id)},"severity":${quoteRepeated(f.severity)},"line":${
    typeof f.line === 'number' && Number.isFinite(f.line) ? String(f.line) : 'null'
  },"codes":${JSON.stringify(f.codes)},"message":${JSON.stringify(f.message)},"reference":${quoteRepeated(f.reference)}`;
  if (f.suggestion !== undefined) s += `,"suggestion":${JSON.stringify(f.suggestion)}`;
  return s + '}';
}
