/**
 * The payer service of the packs shipped in scenarios/, read from the disk by the pack reader
 * (Node only: the CLI, the tests, the bench; the browser and the worker read the same packs
 * through src/scenarios/load.ts). `medicare` is the CLI's built-in payer; the starter pack adds
 * a commercial PPO and a Medicaid plan.
 * See: scenarios/starter/payers/*.json, scenarios/starter/fees/*.json.
 */
import type { FeeSources, FeeTable, MpfsTables } from '../domain/payer/pricing/fees';
import type { PayerProfile } from '../domain/payer/profile';
import type { Problem } from '../domain/result';
import { loadShippedPacks } from '../scenarios/load-node';
import { newestVersions } from '../scenarios/versions';
import { buildPayerService, type PayerBundles, type PayerService } from './payer';

const describe = (errors: readonly Problem[]) =>
  errors.map((e) => `${e.path}: ${e.message}`).join('; ');

let packsOnly: PayerService | undefined;
/**
 * The shipped packs' payer service over `bundles`. Throws only if a shipped pack, payer or fee
 * file is broken (test/scenarios/packs.test.ts guards them).
 */
export function shippedPayerService(bundles?: PayerBundles): PayerService {
  const { packs: all, errors } = loadShippedPacks();
  // The newest version of each pack: an older version's payers stay for the refresher only.
  const packs = newestVersions(all);
  if (errors.length) throw new Error(describe(errors));
  if (bundles) {
    const s = buildPayerService(packs, bundles);
    if (s.problems.length) throw new Error(describe(s.problems));
    return s;
  }
  packsOnly ??= buildPayerService(packs);
  if (packsOnly.problems.length) throw new Error(describe(packsOnly.problems));
  return packsOnly;
}

/** The shipped payers by id (medicare, commercial-ppo, medicaid). */
export const starterPayers = (): ReadonlyMap<string, PayerProfile> => shippedPayerService().payers;

export const medicarePayer = (): PayerProfile => starterPayers().get('medicare')!;

/** The shipped fee tables by file name. */
export const starterFeeTables = (): Readonly<Record<string, FeeTable>> =>
  shippedPayerService().fees.tables ?? {};

/** Fee sources for adjudication: the imported MPFS when given, else the pack's national table. */
export function starterFees(mpfs?: MpfsTables): FeeSources {
  const { fees } = shippedPayerService();
  return {
    mpfs,
    medicareTable: fees.medicareTable,
    tables: fees.tables,
    ...(fees.asp ? { asp: fees.asp } : {}),
  };
}

/** The shipped packs' dated ASP tables (Part B drugs the packs use). */
export const starterAsp = () => shippedPayerService().fees.asp ?? [];
