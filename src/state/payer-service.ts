/**
 * Connects a case to its payer: the profile from the pack, the pack's fee tables, the edit
 * engine and the adjudicator, as the two functions the lifecycle session needs. The remittance
 * crosses into the machine in its public JSON form (the `claimlab adjudicate` contract), checked
 * with zod, so what the browser shows is what the CLI prints.
 */
import type { Claim } from '../domain/claim/claim';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { Finding } from '../domain/findings';
import { globalDaysFrom, scrub } from '../domain/edits/index';
import type { AdjudicationContext } from '../domain/payer/adjudicate';
import type { Channel } from '../domain/payer/corrections/submit';
import { parseFeeTable, type FeeSources, type FeeTable } from '../domain/payer/pricing/fees';
import { parsePayerProfile, type PayerProfile } from '../domain/payer/profile';
import { submissionJson } from '../interop/x12/835';
import type { Problem } from '../domain/result';
import type { CaseFile, Pack } from '../scenarios/schema';
import { remittanceSchema, type Remittance } from '../machines/remittance';
import type { CodesetClient } from '../codesets/client';
import type { RawFile } from '../codesets/protocol';
import type { Adjudicator, Scrubber } from './case-session.svelte';
import { pathText } from '../persistence/versioned';

// Fee tables are pack data the pack loader does not carry yet: read them the same way.
const FEE_FILES = import.meta.glob('../../scenarios/*/fees/*.json', {
  eager: true,
  import: 'default',
});

export interface PayerService {
  profile: PayerProfile;
  acceptsReplacement: boolean;
  payerName: string;
  adjudicate: Adjudicator;
  scrub: Scrubber;
}

/**
 * The code-set worker, when the app has one: with official bundles, scrub and adjudication run
 * there (same domain code, official code sets, imported MPFS). See: src/codesets/engine.ts.
 */
export interface EngineLink {
  ready(): Promise<'official' | 'starter' | 'probing'>;
  readonly client: CodesetClient;
}

/** Plain JSON copy: claims may hold Svelte state proxies, which cannot be structured-cloned. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The pack's fee tables as files, for the worker to parse with the same parser. */
export function rawFeeFiles(packId: string): RawFile[] {
  const out: RawFile[] = [];
  for (const [path, data] of Object.entries(FEE_FILES)) {
    const m = /scenarios\/([^/]+)\/fees\/([^/]+\.json)$/.exec(path);
    if (m && m[1] === packId) out.push({ file: `scenarios/${packId}/fees/${m[2]}`, data });
  }
  return out;
}

export function feeSourcesFor(packId: string): { fees: FeeSources; errors: Problem[] } {
  const tables: Record<string, FeeTable> = {};
  const errors: Problem[] = [];
  for (const [path, data] of Object.entries(FEE_FILES)) {
    const m = /scenarios\/([^/]+)\/fees\/([^/]+\.json)$/.exec(path);
    if (!m || m[1] !== packId) continue;
    const r = parseFeeTable(data, `scenarios/${packId}/fees/${m[2]}`);
    if (r.ok) tables[m[2] as string] = r.value;
    else errors.push(...r.errors);
  }
  const medicareTable = Object.entries(tables).find(([f]) => f.startsWith('medicare'))?.[1];
  return { fees: { medicareTable, tables }, errors };
}

/** How a submission goes to the payer: a claim, or a reopening of `original` (remittance JSON). */
export interface Sent {
  channel: Channel;
  original: Remittance | null;
}

/** The page's own payer (no worker): the same `submit` the worker runs. */
function decideHere(claim: Claim, sent: Sent, ctx: AdjudicationContext): unknown {
  const out = submissionJson(claim, sent.channel, sent.original, ctx);
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
  const problems: Problem[] = [];
  let profile: PayerProfile | undefined;
  let profileFile: RawFile | undefined;
  for (const p of pack.payers) {
    const r = parsePayerProfile(p.data, `scenarios/${pack.id}/${p.file}`);
    if (!r.ok) {
      if (
        typeof p.data === 'object' &&
        p.data !== null &&
        (p.data as { id?: unknown }).id === caseFile.payerId
      )
        problems.push(...r.errors);
      continue;
    }
    if (r.value.id === caseFile.payerId) {
      profile = r.value;
      profileFile = { file: `scenarios/${pack.id}/${p.file}`, data: p.data };
    }
  }
  if (!profile) {
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
  const { fees } = feeSourcesFor(pack.id);
  // The pack's national table carries each code's global days (no MPFS on this path).
  const globalDays = globalDaysFrom(fees);
  const rawProfile: RawFile = profileFile ?? { file: caseFile.payerId, data: null };
  /** The worker's client when scrub and adjudication go there. */
  const viaWorker = async (): Promise<CodesetClient | null> =>
    engine && (await engine.ready()) === 'official' ? engine.client : null;
  const run: Scrubber = async (claim, history) => {
    const worker = await viaWorker();
    return worker
      ? worker.request({ type: 'scrub', claim: plain(claim), history: plain([...history]) })
      : scrub(claim, { catalog: catalog(), history, globalDays });
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
            payer: rawProfile,
            fees: rawFeeFiles(pack.id),
            channel: sent.channel,
            original: sent.original ? plain(sent.original) : null,
          })
        : decideHere(claim, sent, {
            payer,
            fees,
            findings,
            edits: (c, policy) => scrub(c, { catalog: catalog(), policy, history, globalDays }),
          });
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
