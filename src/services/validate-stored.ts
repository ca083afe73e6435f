/**
 * The studio's full check of a pack in the code-set worker: `pack validate` as the CLI runs it
 * (src/cli/commands/pack.ts `packContext`), over the worker's bundles — the ICD-10-CM releases of
 * every case's date of service (or the starter set), the NCCI edits, the fee tables and payers
 * of the shipped packs — with each answer key run through the scrubber and the payer.
 * See: issue 14 "both show every problem live … including the answer key run through the
 * scrubber and the payer".
 */
import type { Claim } from '../domain/claim/claim';
import type { BundleSources } from '../codesets/engine';
import type { PackValidation, WorkerRequest } from '../codesets/protocol';
import { answerKeyRunner } from '../scenarios/answer-keys';
import { readAssembled } from '../scenarios/format/index';
import type { PackV2 } from '../scenarios/format/v2';
import { assembleStored } from '../scenarios/stored';
import type { PackCheckContext } from '../scenarios/validate-pack';
import { isIsoDate } from '../domain/time/dates';
import type { PayerBundles, PayerService } from './payer';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every date of service the pack's cases name (each needs its ICD-10-CM release loaded). */
function serviceDates(pack: unknown): string[] {
  const cases = isObj(pack) && Array.isArray(pack.cases) ? pack.cases : [];
  const out = new Set<string>();
  for (const c of cases.slice(0, 5_000)) {
    const d = isObj(c) && isObj(c.encounter) ? c.encounter.serviceDate : undefined;
    if (typeof d === 'string' && isIsoDate(d)) out.add(d);
  }
  return [...out];
}

export async function validateStoredPack(
  src: BundleSources,
  req: Extract<WorkerRequest, { type: 'pack.validate' }>,
  service: PayerService,
  bundles: PayerBundles,
): Promise<PackValidation> {
  const claims = serviceDates(req.pack).map((serviceDate) => ({ serviceDate, lines: [] }));
  const catalog = await src.prepare(claims as unknown as Claim[]);
  const deps = req.dependencies.flatMap((d, i) => {
    const r = readAssembled(assembleStored(`dependency-${i}`, d), {
      builtinPayers: service.payers,
    });
    return r.pack ? [r.pack] : ([] as PackV2[]);
  });
  const ctx: PackCheckContext = {
    catalog,
    ncci: service.ncci,
    ...(bundles.addOns ? { addOns: bundles.addOns } : {}),
    fees: service.fees,
    ...(service.globalDays ? { globalDays: service.globalDays } : {}),
    builtinPayers: service.payers,
    dependencies: deps,
    answerKeys: answerKeyRunner,
  };
  const a = assembleStored(req.label, req.pack);
  const r = readAssembled(a, ctx);
  return { ok: r.ok, catalog: r.catalog, problems: r.problems };
}
