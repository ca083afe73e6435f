/**
 * The engine behind the code-set Web Worker (worker.ts): the code-set requests
 * (src/codesets/engine.ts) plus scrub and adjudication, which it answers with the one payer
 * service (payer.ts) over the same bundles — the same domain code the page and the CLI run.
 * A scrub carries no pack, so it uses the shipped packs (the newest version of each; for the
 * MPFS-less global days of the starter pack's national table), which the host hands in (the
 * worker fetches them from /packs/ like the page); an adjudication carries the case's payer profile
 * and its pack's fee tables as the page read them. The I/O is injected, so the handler runs in
 * Node tests on the real files.
 * See: issue 4 (the same engine in the browser), issue 5 (MPFS pricing), issue 9 (one payer service).
 */
import type { MpfsTables } from '../domain/payer/pricing/fees';
import {
  BundleSources,
  RequestError,
  createCodesetRequests,
  type EngineIo,
} from '../codesets/engine';
import type { WorkerRequest } from '../codesets/protocol';
import type { Pack } from '../scenarios/schema';
import { newestVersions } from '../scenarios/versions';
import { buildPayerService, type PackSet, type PayerBundles, type PayerService } from './payer';
import { answerSubmission } from './submission';
import { validateStoredPack } from './validate-stored';

export { RequestError, type EngineIo } from '../codesets/engine';

export interface CodesetEngine {
  handle(req: WorkerRequest): Promise<unknown>;
}

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

export interface EngineOptions {
  /** The shipped packs (every version; the newest of each id is used). Default: none. */
  packs?: () => Promise<readonly Pack[]> | readonly Pack[];
}

export function createCodesetEngine(io: EngineIo, opts: EngineOptions = {}): CodesetEngine {
  const codesets = createCodesetRequests(io);
  const src = codesets.sources;
  /** The bundled packs' service, rebuilt only when the MPFS tables change (an import). */
  let bundled: { mpfs: MpfsTables | null | undefined; service: PayerService } | undefined;
  let shipped: Promise<readonly Pack[]> | undefined;
  const packs = () =>
    (shipped ??= Promise.resolve(opts.packs?.() ?? []).then(newestVersions, (e: unknown) => {
      shipped = undefined; // tried again on the next scrub
      throw e;
    }));
  const bundledService = async () => {
    const b = await bundlesOf(src);
    const list = await packs();
    if (!bundled || bundled.mpfs !== b.mpfs)
      bundled = { mpfs: b.mpfs, service: buildPayerService(list, b) };
    return bundled.service;
  };
  return {
    async handle(req: WorkerRequest): Promise<unknown> {
      switch (req.type) {
        case 'scrub': {
          const catalog = await src.prepare([req.claim, ...req.history]);
          return (await bundledService()).scrub(req.claim, catalog, req.history);
        }
        case 'adjudicate':
          return adjudicateRequest(src, req);
        case 'pack.validate':
          return validateStoredPack(src, req, await bundledService(), await bundlesOf(src));
        default:
          return codesets.handle(req);
      }
    },
  };
}
