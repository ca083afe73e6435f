/**
 * The payer half of the code-set worker's engine (worker-engine.ts): scrub, adjudication and the
 * studio's full pack check, answered with the one payer service (payer.ts) over the worker's
 * bundles. Loaded by the worker on the first such request, so the edits, the payer, the pack
 * reader and the answer keys stay out of the chunk the encoder waits for (issue 9 "A lean first
 * load": the bytes before the encoder is ready).
 * See: issue 4 (the same engine in the browser), issue 5 (MPFS pricing), issue 9 (one payer service).
 */
import type { MpfsTables } from '../domain/payer/pricing/fees';
import { BundleSources, RequestError } from '../codesets/engine';
import type { WorkerRequest } from '../codesets/protocol';
import { parsePayerProfile } from '../domain/payer/profile';
import type { Pack } from '../scenarios/schema';
import { buildPayerService, type PackSet, type PayerBundles, type PayerService } from './payer';
import { answerSubmission } from './submission';
import { validateStoredPack } from './validate-stored';

/** The imported MPFS tables, or null with a warning Settings shows (priced from the pack then). */
async function mpfsOf(src: BundleSources): Promise<MpfsTables | null> {
  try {
    return await src.mpfs();
  } catch (e) {
    src.warnings.push((e as Error).message);
    return null;
  }
}

/** A served bundle that cannot be read is a warning Settings shows; the fallback is used then. */
async function orWarn<T>(src: BundleSources, load: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await load();
  } catch (e) {
    src.warnings.push((e as Error).message);
    return fallback;
  }
}

/**
 * Every official bundle the payer service uses, as `claimlab check` and `adjudicate` load them
 * (cliPayerService): the MPFS tables, the CMS NCCI edits (2026 MUEs, add-on code edits) and the
 * ASP drug tables. The same objects each call (each bundle loads once), so a service built
 * over them can be reused until an import changes the MPFS tables.
 */
async function bundlesOf(src: BundleSources): Promise<PayerBundles> {
  const [mpfs, ncci, asp] = await Promise.all([
    mpfsOf(src),
    orWarn(src, () => src.ncci(), null),
    orWarn(src, () => src.asp(), []),
  ]);
  return {
    mpfs,
    ...(ncci ? { ncci: ncci.ncci, addOns: ncci.addOns } : {}),
    ...(asp.length ? { asp } : {}),
  };
}

function orThrow(s: PayerService): PayerService {
  if (s.problems.length) throw new RequestError([...s.problems]);
  return s;
}

async function adjudicateRequest(
  src: BundleSources,
  req: Extract<WorkerRequest, { type: 'adjudicate' }>,
): Promise<unknown> {
  // The page's pack as it sent it: the case's payer profile and the pack's fee tables.
  const packs: PackSet = [{ payers: [req.payer], fees: req.fees }];
  const catalog = await src.prepare([req.claim, ...req.history]);
  const service = orThrow(buildPayerService(packs, await bundlesOf(src)));
  const payer = service.payers.values().next().value;
  if (!payer) throw new RequestError([{ path: req.payer.file, message: 'no payer profile' }]);
  const out = answerSubmission(
    req.claim,
    req.channel ?? 'claim',
    req.original,
    service.context(payer, { catalog, findings: req.findings, history: req.history }),
    req.decision,
  );
  if (!out.ok) throw new RequestError(out.errors);
  return out.value;
}

export type PayerRequest = Extract<
  WorkerRequest,
  { type: 'scrub' | 'adjudicate' | 'pack.validate' }
>;

export interface PayerRequests {
  handle(req: PayerRequest): Promise<unknown>;
}

/**
 * The payer requests over the worker's bundle sources; `packs` gives the shipped packs (the
 * newest version of each id), which a scrub uses (it carries no pack).
 */
export function createPayerRequests(
  src: BundleSources,
  packs: () => Promise<readonly Pack[]>,
): PayerRequests {
  /** The bundled packs' service, rebuilt only when the MPFS tables change (an import). */
  let bundled: { mpfs: MpfsTables | null | undefined; service: PayerService } | undefined;
  const bundledService = async () => {
    const b = await bundlesOf(src);
    const list = await packs();
    if (!bundled || bundled.mpfs !== b.mpfs)
      bundled = { mpfs: b.mpfs, service: buildPayerService(list, b) };
    return bundled.service;
  };
  return {
    async handle(req) {
      switch (req.type) {
        case 'scrub': {
          const catalog = await src.prepare([req.claim, ...req.history]);
          const service = await bundledService();
          if (!req.payer) return service.scrub(req.claim, catalog, req.history);
          const payer = parsePayerProfile(req.payer.data, req.payer.file);
          if (!payer.ok) throw new RequestError(payer.errors);
          return service.scrub(req.claim, catalog, req.history, payer.value);
        }
        case 'adjudicate':
          return adjudicateRequest(src, req);
        case 'pack.validate':
          return validateStoredPack(src, req, await bundledService(), await bundlesOf(src));
      }
    },
  };
}
