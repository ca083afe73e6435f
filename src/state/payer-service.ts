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
import type { AdjudicationContext } from '../domain/payer/adjudicate';
import type { Channel } from '../domain/payer/corrections/submit';
import type { AppealDecision } from '../domain/payer/corrections/appeal-effectuation';
import { withPlanPolicies } from '../domain/payer/plan-policies';
import { readPayerProfiles, type PayerProfile } from '../domain/payer/profile';
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
  /** Every valid payer profile of the case's pack set (who can be billed as secondary). */
  payers: ReadonlyMap<string, PayerProfile>;
  /** The plans of the case's pack (a secondary may be named by its plan id). */
  plans: readonly { id: string; payerId: string; name: string }[];
  /**
   * Another payer of the same service (the secondary a claim goes to after the primary), the
   * same way as the case's own: a payer profile of that id, or a pack plan of that id (its
   * payer's profile under the plan's policies on the date of service). Throws, naming the id,
   * when the packs have neither.
   */
  adjudicatorFor: (payerId: string) => Adjudicator;
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
async function decideHere(claim: Claim, sent: Sent, ctx: AdjudicationContext): Promise<unknown> {
  const { answerSubmission } = await import('../services/submission');
  const out = answerSubmission(claim, sent.channel, sent.original, ctx, sent.decision);
  if (!out.ok)
    throw new Error(
      `The remittance being corrected could not be read (${out.errors[0]!.message}).`,
    );
  return out.value;
}

/**
 * The payer file the worker is sent for a profile with a plan's policies in place: the raw file
 * with the policy fields the plan replaced (plain codes, dates and days, the same raw and parsed;
 * money stays as the file wrote it), so the worker's parser reads back `effective`.
 */
export function planProfileFile(
  file: { file: string; data: unknown },
  bare: PayerProfile,
  effective: PayerProfile,
): { file: string; data: unknown } {
  const replaced = (Object.keys(effective) as (keyof PayerProfile)[]).filter(
    (k) => effective[k] !== bare[k],
  );
  return {
    file: file.file,
    data: {
      ...(file.data as Record<string, unknown>),
      ...Object.fromEntries(replaced.map((k) => [k, effective[k]])),
    },
  };
}

export function payerServiceFor(
  pack: Pack,
  caseFile: CaseFile,
  catalog: () => CodeCatalog,
  engine?: EngineLink,
): PayerService | Problem[] {
  // The case's payer as buildPayerService reads it: the first profile of that id that validates.
  // Every profile of the pack as buildPayerService reads them (the first valid one of each id),
  // without importing the payer service: a secondary payer is looked up here.
  const { payers, files: payerFiles, problems: profileProblems } = readPayerProfiles(pack.payers);
  let profile = payers.get(caseFile.payerId);
  let profileFile = payerFiles.get(caseFile.payerId);
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
  // A case naming a plan is adjudicated under the plan's dated policies (prior authorization,
  // medical necessity, modifier rules, timely filing) in force on its date of service, as
  // `pack validate` checks its key and the CLI adjudicates a claim naming the plan.
  const payerId = profile.id;
  const plan = caseFile.planId
    ? pack.plans?.find((p) => p.id === caseFile.planId && p.payerId === payerId)
    : undefined;
  if (caseFile.planId && !plan)
    return [
      {
        path: `cases/${caseFile.id}.planId`,
        message: `no plan "${caseFile.planId}" of payer ${payerId} in pack ${pack.id}`,
      },
    ];
  if (plan) {
    const effective = withPlanPolicies(profile, plan, caseFile.serviceDate);
    profileFile = planProfileFile(profileFile, profile, effective);
    profile = effective;
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
      ? worker.request({
          type: 'scrub',
          claim: plain(claim),
          history: plain([...history]),
          ...(plan ? { payer: profileFile } : {}),
        })
      : (await service()).scrub(claim, catalog(), history, plan ? payer : undefined);
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
        : await decideHere(
            claim,
            sent,
            (await service()).context(who, { catalog: catalog(), findings, history }),
          );
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
    payers,
    adjudicate: adjudicatorOf(payer, profileFile),
    plans: (pack.plans ?? []).map((p) => ({ id: p.id, payerId: p.payerId, name: p.name })),
    adjudicatorFor: (payerId) => {
      const known = payers.get(payerId);
      const file = payerFiles.get(payerId);
      if (known && file) return adjudicatorOf(known, file);
      const other = pack.plans?.find((p) => p.id === payerId);
      const under = other ? payers.get(other.payerId) : undefined;
      const underFile = other ? payerFiles.get(other.payerId) : undefined;
      if (other && under && underFile) {
        const effective = withPlanPolicies(under, other, caseFile.serviceDate);
        return adjudicatorOf(effective, planProfileFile(underFile, under, effective));
      }
      throw new Error(
        `No payer profile or plan "${payerId}" in pack ${pack.id} or its dependencies: the secondary claim cannot be answered.`,
      );
    },
  };
}
