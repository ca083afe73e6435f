/**
 * Connects a case to its payer: the one payer service (src/services/payer.ts) over the case's
 * pack, as the two functions the lifecycle session needs. With official bundles the worker
 * answers instead (src/services/worker-engine.ts: the same service over the bundles). The
 * remittance crosses into the machine in its public JSON form (the `claimlab adjudicate`
 * contract), checked with zod, so what the browser shows is what the CLI prints.
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { AdjudicationContext } from '../domain/payer/adjudicate';
import type { Channel } from '../domain/payer/corrections/submit';
import type { AppealDecision } from '../domain/payer/corrections/appeal-effectuation';
import type { PayerProfile } from '../domain/payer/profile';
import type { Problem } from '../domain/result';
import type { CaseFile, Pack } from '../scenarios/schema';
import { remittanceSchema, type Remittance } from '../machines/remittance';
import type { CodesetClient } from '../codesets/client';
import { buildPayerService } from '../services/payer';
import { answerSubmission } from '../services/submission';
import type { Adjudicator, Scrubber } from './case-session.svelte';
import { pathText } from '../persistence/versioned';

export interface PayerService {
  profile: PayerProfile;
  acceptsReplacement: boolean;
  payerName: string;
  adjudicate: Adjudicator;
  scrub: Scrubber;
  /** Every valid payer profile of the case's pack set (who can be billed as secondary). */
  payers: ReadonlyMap<string, PayerProfile>;
  /**
   * Another payer of the same service (the secondary a claim goes to after the primary), the
   * same way as the case's own. A payer with no profile in the packs is answered by a stand-in
   * plan built on the case payer's profile, under the id and name given.
   */
  adjudicatorFor: (payerId: string, standInName?: string) => Adjudicator;
}

/**
 * The code-set worker, when the app has one: with official bundles, scrub and adjudication run
 * there (same domain code, official code sets, imported MPFS). See: src/services/worker-engine.ts.
 */
export interface EngineLink {
  ready(): Promise<'official' | 'starter' | 'probing'>;
  readonly client: CodesetClient;
}

/** Plain JSON copy: claims may hold Svelte state proxies, which cannot be structured-cloned. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** How a submission goes to the payer: a claim, or a reopening of `original` (remittance JSON). */
export interface Sent {
  channel: Channel;
  original: Remittance | null;
  /** The won appeal a `channel: 'appeal'` effectuates. */
  decision?: AppealDecision;
}

/** The page's own payer (no worker): the same `submit` the worker runs. */
function decideHere(claim: Claim, sent: Sent, ctx: AdjudicationContext): unknown {
  const out = answerSubmission(claim, sent.channel, sent.original, ctx, sent.decision);
  if (!out.ok)
    throw new Error(
      `The remittance being corrected could not be read (${out.errors[0]!.message}).`,
    );
  return out.value;
}

export function payerServiceFor(
  pack: Pack,
  caseFile: CaseFile,
  catalog: () => CodeCatalog,
  engine?: EngineLink,
): PayerService | Problem[] {
  const service = buildPayerService([pack]);
  const profile = service.payers.get(caseFile.payerId);
  const profileFile = service.payerFiles.get(caseFile.payerId);
  if (!profile || !profileFile) {
    // A broken profile is reported only when it is the case's payer.
    const ours = pack.payers.find(
      (p) =>
        typeof p.data === 'object' &&
        p.data !== null &&
        (p.data as { id?: unknown }).id === caseFile.payerId,
    );
    const problems = ours ? service.problems.filter((e) => e.path.startsWith(ours.file)) : [];
    return problems.length
      ? problems
      : [
          {
            path: `cases/${caseFile.id}.payerId`,
            message: `no payer profile "${caseFile.payerId}" in pack ${pack.id}`,
          },
        ];
  }
  const payer = profile;
  /** The worker's client when scrub and adjudication go there. */
  const viaWorker = async (): Promise<CodesetClient | null> =>
    engine && (await engine.ready()) === 'official' ? engine.client : null;
  const run: Scrubber = async (claim, history) => {
    const worker = await viaWorker();
    return worker
      ? worker.request({ type: 'scrub', claim: plain(claim), history: plain([...history]) })
      : service.scrub(claim, catalog(), history);
  };
  /** Adjudication by `who` (its parsed profile and the file the worker is sent). */
  const adjudicatorOf =
    (who: PayerProfile, file: { file: string; data: unknown }): Adjudicator =>
    async (claim, history, findings, sent: Sent = { channel: 'claim', original: null }) => {
      const worker = await viaWorker();
      const json = worker
        ? await worker.request({
            type: 'adjudicate',
            claim: plain(claim),
            history: plain([...history]),
            findings: plain([...findings]),
            payer: file,
            fees: pack.fees,
            channel: sent.channel,
            original: sent.original ? plain(sent.original) : null,
            ...(sent.decision ? { decision: sent.decision } : {}),
          })
        : decideHere(claim, sent, service.context(who, { catalog: catalog(), findings, history }));
      const parsed = remittanceSchema.safeParse(json);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new Error(
          `The payer's remittance could not be read (${i ? `${pathText(i.path)}: ${i.message}` : 'unknown'}).`,
        );
      }
      return parsed.data;
    };
  return {
    profile: payer,
    acceptsReplacement: payer.corrections === 'frequency-7-8',
    payerName: payer.name,
    scrub: run,
    payers: service.payers,
    adjudicate: adjudicatorOf(payer, profileFile),
    adjudicatorFor: (payerId, standInName) => {
      const known = service.payers.get(payerId);
      const file = service.payerFiles.get(payerId);
      if (known && file) return adjudicatorOf(known, file);
      const name = standInName ?? payerId;
      const data = { ...(profileFile.data as Record<string, unknown>), id: payerId, name };
      return adjudicatorOf({ ...payer, id: payerId, name }, { file: profileFile.file, data });
    },
  };
}
