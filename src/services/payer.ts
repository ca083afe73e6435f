/**
 * The one payer service: everything a payer needs beside the claim, assembled the same way for
 * the page (src/state/payer-service.ts), the code-set worker (src/services/worker-engine.ts) and
 * the CLI (src/cli/commands/adjudicate.ts, reopen.ts, x12.ts, check.ts): the payer profiles and
 * fee tables of a pack set (read by src/scenarios/), the official MPFS tables when loaded, the
 * NCCI rules (the curated set, or CMS files laid over it) and the global surgery days the edits
 * use. Pure: the callers load the packs and bundles (fetch, IndexedDB or the disk) and pass them.
 * See: ../shared/docs/STYLE.md "One service assembles what a payer needs".
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Finding } from '../domain/findings';
import { withPayerChecks } from '../domain/payer/checks';
import { statusNFrom } from '../domain/edits/exclusions';
import {
  globalDaysFrom,
  indicatorsFrom,
  scrub,
  type EditContext,
  type GlobalDaysOf,
  type NcciRules,
} from '../domain/edits/index';
import type { AdjudicationContext } from '../domain/payer/adjudicate';
import {
  parseFeeTable,
  type FeeSources,
  type FeeTable,
  type MpfsTables,
} from '../domain/payer/pricing/fees';
import { parseAspTable, type AspTable } from '../domain/payer/pricing/asp';
import { readPayerProfiles, type PayerProfile } from '../domain/payer/profile';
import type { Problem } from '../domain/result';
import { curatedNcci } from '../codesets/ncci/curated';
import type { AddOnRule } from '../domain/edits/add-on-rules';
import type { Pack } from '../scenarios/schema';

/** What a payer service is built from: the packs' payer and fee files as the pack reader gives them. */
export type PackSet = readonly (Pick<Pack, 'payers' | 'fees'> & Partial<Pick<Pack, 'drugs'>>)[];

/** The official data a payer service can use over the packs, when loaded. */
export interface PayerBundles {
  /** Imported MPFS tables (codesets/build, or imported in the browser). */
  mpfs?: MpfsTables | null | undefined;
  /** NCCI rules to use instead of the curated set (e.g. CMS files laid over it). */
  ncci?: NcciRules | undefined;
  /** ASP payment limits from CMS's pricing file (codesets build), before the packs' tables. */
  asp?: readonly AspTable[] | undefined;
  /** Add-on code rules from CMS's add-on code edit file, instead of the curated ones. */
  addOns?: readonly AddOnRule[] | undefined;
}

/** How the edits see the member's earlier claims: a list, or asked per claim (a ledger). */
export type History = readonly Claim[] | ((claim: Claim) => readonly Claim[]);

export interface PayerService {
  /** Valid payer profiles by id, in pack order. */
  readonly payers: ReadonlyMap<string, PayerProfile>;
  /** The raw profile file of each valid payer (what the page sends the worker). */
  readonly payerFiles: ReadonlyMap<string, { file: string; data: unknown }>;
  readonly fees: FeeSources;
  readonly ncci: NcciRules;
  readonly globalDays: GlobalDaysOf | undefined;
  /** Payer profiles and fee tables that did not validate, each naming its file and field. */
  readonly problems: readonly Problem[];
  /** What the edit engine needs beside the claim (no payer policy: a scrub). */
  editContext(catalog: CodeCatalog, history?: readonly Claim[]): EditContext;
  /**
   * The edits run on `claim` before submission (the Scrub button, the worker), with the claim's
   * payer's policy edits as `claimlab check` adds them.
   */
  /** `payer`: the profile the policy edits judge by (a case's plan in place); default the claim's payer's. */
  scrub(
    claim: Claim,
    catalog: CodeCatalog,
    history?: readonly Claim[],
    payer?: PayerProfile,
  ): Finding[];
  /** The adjudication context for `payer`: its fee sources and the edits with its policy. */
  context(
    payer: PayerProfile,
    opts: {
      catalog: CodeCatalog;
      history?: History;
      findings?: readonly Finding[];
      seed?: number;
      receivedDate?: string;
    },
  ): AdjudicationContext;
}

/** The first table whose file name starts with "medicare": the pack's national Medicare table. */
const medicareTableOf = (tables: Record<string, FeeTable>) =>
  Object.entries(tables).find(([f]) => f.startsWith('medicare'))?.[1];

const fileName = (path: string) => path.split('/').pop() ?? path;

/** Builds the payer service of a pack set, over the official bundles when given. */
export function buildPayerService(packs: PackSet, bundles: PayerBundles = {}): PayerService {
  const problems: Problem[] = [];
  const payers = new Map<string, PayerProfile>();
  const payerFiles = new Map<string, { file: string; data: unknown }>();
  const tables: Record<string, FeeTable> = {};
  const asp: AspTable[] = [...(bundles.asp ?? [])];
  for (const pack of packs) {
    for (const f of pack.drugs ?? []) {
      const r = parseAspTable(f.data, f.file);
      if (r.ok) asp.push(r.value);
      else problems.push(...r.errors);
    }
    readPayerProfiles(pack.payers, { payers, files: payerFiles, problems });
    for (const f of pack.fees) {
      const r = parseFeeTable(f.data, f.file);
      if (r.ok) tables[fileName(f.file)] ??= r.value;
      else problems.push(...r.errors);
    }
  }
  const mpfs = bundles.mpfs ?? undefined;
  const medicareTable = medicareTableOf(tables);
  // Part B drugs: official ASP bundles (codesets build) first, then the packs' dated tables.
  const fees: FeeSources = { mpfs, medicareTable, tables, ...(asp.length ? { asp } : {}) };
  const ncci = bundles.ncci ?? curatedNcci();
  // Global days: the MPFS tables first, then the pack's national table (global-days.ts).
  const globalDays = globalDaysFrom({ mpfs, medicareTable });
  // PC/TC and bilateral indicators for the modifier edits, from the same RVU sources.
  const indicators = indicatorsFrom({ mpfs, medicareTable });
  // Medicare status N codes, as adjudicate denies them (statutory exclusions, edits/exclusions.ts).
  const statusN = statusNFrom(fees);
  const editContext = (catalog: CodeCatalog, history?: readonly Claim[]): EditContext => ({
    catalog,
    ncci,
    ...(bundles.addOns ? { addOns: bundles.addOns } : {}),
    ...(globalDays ? { globalDays } : {}),
    ...(indicators ? { indicators } : {}),
    ...(history ? { history } : {}),
  });
  return {
    payers,
    payerFiles,
    fees,
    ncci,
    globalDays,
    problems,
    editContext,
    // The payer's policy edits (timely filing, authorization, necessity, COB) by the function
    // `adjudicate` and `claimlab check` use, so the page and the worker predict the same denials;
    // with the fee sources, also what pricing denies (pricing-checks.ts: a code unpriced on the
    // date, surgical-team documentation, GY lines), as `claimlab check` passes them. The page
    // builds this service on its first scrub (src/state/payer-service.ts), so the first load
    // carries none of it. Findings only: the app adjudicates on the claim's own reading, not on
    // the scrub's findings (src/state/case-session.svelte.ts), so no payer result changes.
    scrub(claim, catalog, history, payer) {
      return withPayerChecks(
        claim,
        scrub(claim, editContext(catalog, history)),
        payer ?? payers.get(claim.payerId),
        statusN,
        fees,
      );
    },
    context(payer, { catalog, history, findings, seed, receivedDate }) {
      const historyOf = (c: Claim) => (typeof history === 'function' ? history(c) : history);
      // One shape whatever is given (undefined when absent): read many times per claim.
      return {
        payer,
        fees,
        seed,
        findings: findings || undefined,
        receivedDate: receivedDate || undefined,
        edits: (c, policy) => scrub(c, { ...editContext(catalog, historyOf(c)), policy }),
      };
    },
  };
}
