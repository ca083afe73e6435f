/**
 * Connects a case to its payer: the one payer service (src/services/payer.ts) over the case's
 * pack, as the two functions the lifecycle session needs. With official bundles the worker
 * answers instead (src/services/worker-engine.ts: the same service over the bundles). The
 * remittance crosses into the machine in its public JSON form (the `claimlab adjudicate`
 * contract), checked with zod, so what the browser shows is what the CLI prints.
 * Opening a case reads only its payer profile; the payer service (the edits, pricing, the 835)
 * is imported on the first scrub or submission the page answers itself, so with official code
 * sets (the worker answers) the page never loads it (issue 9 "A lean first load").
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Finding } from '../domain/findings';
import type { AdjudicationContext } from '../domain/payer/adjudicate';
import type { Channel } from '../domain/payer/corrections/submit';
import { parsePayerProfile, type PayerProfile } from '../domain/payer/profile';
import type { Problem } from '../domain/result';
import type { CaseFile, Pack } from '../scenarios/schema';
import { remittanceSchema, type Remittance } from '../machines/remittance';
import type { CodesetClient } from '../codesets/client';
import type { PayerService as OnePayerService } from '../services/payer';
import type { Adjudicator, Scrubber } from './case-session.svelte';
import { pathText } from '../persistence/versioned';

export interface PayerService {
  profile: PayerProfile;
  acceptsReplacement: boolean;
  payerName: string;
  adjudicate: Adjudicator;
  scrub: Scrubber;
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
}

/** The page's own payer (no worker): the same `submit` the worker runs. */
async function decideHere(claim: Claim, sent: Sent, ctx: AdjudicationContext): Promise<unknown> {
  const { answerSubmission } = await import('../services/submission');
  const out = answerSubmission(claim, sent.channel, sent.original, ctx);
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
  // The case's payer as buildPayerService reads it: the first profile of that id that validates.
  let profile: PayerProfile | undefined;
  let profileFile: { file: string; data: unknown } | undefined;
  const profileProblems: Problem[] = [];
  for (const f of pack.payers) {
    const r = parsePayerProfile(f.data, f.file);
    if (!r.ok) profileProblems.push(...r.errors);
    else if (r.value.id === caseFile.payerId) {
      profile = r.value;
      profileFile = f;
      break;
    }
  }
  if (!profile || !profileFile) {
    // A broken profile is reported only when it is the case's payer.
    const ours = pack.payers.find(
      (p) =>
        typeof p.data === 'object' &&
        p.data !== null &&
        (p.data as { id?: unknown }).id === caseFile.payerId,
    );
    const problems = ours ? profileProblems.filter((e) => e.path.startsWith(ours.file)) : [];
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
  /** The pack's payer service, built when the page first answers a scrub or submission itself. */
  let built: Promise<OnePayerService> | undefined;
  const service = () =>
    (built ??= import('../services/payer').then(
      (m) => m.buildPayerService([pack]),
      (e: unknown) => {
        built = undefined; // a chunk that failed to load is fetched again next time
        throw e;
      },
    ));
  /** The worker's client when scrub and adjudication go there. */
  const viaWorker = async (): Promise<CodesetClient | null> =>
    engine && (await engine.ready()) === 'official' ? engine.client : null;
  const run: Scrubber = async (claim, history) => {
    const worker = await viaWorker();
    return worker
      ? worker.request({ type: 'scrub', claim: plain(claim), history: plain([...history]) })
      : (await service()).scrub(claim, catalog(), history);
  };
  return {
    profile: payer,
    acceptsReplacement: payer.corrections === 'frequency-7-8',
    payerName: payer.name,
    scrub: run,
    adjudicate: async (
      claim: Claim,
      history: readonly Claim[],
      findings: readonly Finding[],
      sent: Sent = { channel: 'claim', original: null },
    ): Promise<Remittance> => {
      const worker = await viaWorker();
      const json = worker
        ? await worker.request({
            type: 'adjudicate',
            claim: plain(claim),
            history: plain([...history]),
            findings: plain([...findings]),
            payer: profileFile,
            fees: pack.fees,
            channel: sent.channel,
            original: sent.original ? plain(sent.original) : null,
          })
        : await decideHere(
            claim,
            sent,
            (await service()).context(payer, { catalog: catalog(), findings, history }),
          );
      const parsed = remittanceSchema.safeParse(json);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new Error(
          `The payer's remittance could not be read (${i ? `${pathText(i.path)}: ${i.message}` : 'unknown'}).`,
        );
      }
      return parsed.data;
    },
  };
}
