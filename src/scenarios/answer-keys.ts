/**
 * The answer-key checks of `pack validate`: each case's key (and, for a case that starts after a
 * remittance, the claim as first submitted) through the compliance engine (checkClaim) with the
 * payer's or plan's policy and through the payer (PayerLedger.adjudicate), against what the case
 * declares. Kept apart from validate-pack.ts and passed in through the check context, so that
 * reading packs structure only (the app at start-up) does not load these engines.
 */
import { checkClaim, type EditContext } from '../domain/edits/index';
import {
  buildNcciRules,
  type MueEdit,
  type NcciRules,
  type PtpEdit,
} from '../domain/edits/ncci-rules';
import { PayerLedger } from '../domain/payer/ledger';
import { policyFor } from '../domain/payer/policy';
import type { PayerProfile } from '../domain/payer/profile';
import type { CaseV2 } from './format/v2';
import { runTemplateMemo } from './template-keys';
import {
  answerClaim,
  type AnswerKeyRunner,
  type CaseProblem,
  type PackCheckContext,
} from './validate-pack';

type Path = (string | number)[];
export type Add = (path: Path, message: string) => void;

/** The runner `pack validate` passes in its context (src/cli/commands/pack.ts `packContext`). */
export const answerKeyRunner: AnswerKeyRunner = {
  layerRules: (base: NcciRules, ptp: PtpEdit[], mue: MueEdit[]) =>
    layered(base, buildNcciRules(ptp, mue, 'pack rules')),
  run(c, payer, ncci, ctx) {
    const out: CaseProblem[] = [];
    const add: Add = (path, message) => out.push({ path, message });
    runAnswerKey(c, [], payer, ncci, ctx, add);
    const ar = c.afterRemittance;
    if (ar?.remittance.simulate) runSubmitted(c, ar, ['afterRemittance'], payer, ncci, ctx, add);
    return out;
  },
  runTemplate: (t, packId, payers, ncci, ctx, ncciKey) =>
    runTemplateMemo(t, packId, payers, ncci, ctx, checkKey, ncciKey),
};

function editContextFor(payer: PayerProfile, ncci: NcciRules, ctx: PackCheckContext): EditContext {
  return {
    catalog: ctx.catalog,
    ncci,
    policy: policyFor(payer),
    ...(ctx.globalDays ? { globalDays: ctx.globalDays } : {}),
  };
}

/** The claim as first submitted must get the remittance the case starts from. */
function runSubmitted(
  c: CaseV2,
  ar: NonNullable<CaseV2['afterRemittance']>,
  at: Path,
  payer: PayerProfile,
  ncci: NcciRules,
  ctx: PackCheckContext,
  add: Add,
) {
  const base = answerClaim(c) as Record<string, unknown>;
  const claim = {
    ...base,
    diagnoses: ar.submitted.diagnoses,
    lines: ar.submitted.lines.map((l) => ({
      ...l,
      charge:
        c.encounter.chargeMaster[l.code] ??
        c.encounter.chargeMaster[l.code.toUpperCase()] ??
        '0.00',
    })),
  };
  try {
    const checked = checkClaim(claim, editContextFor(payer, ncci, ctx), c.id);
    const rem = new PayerLedger().adjudicate(checked.claim, {
      payer,
      fees: ctx.fees,
      seed: 0,
      findings: checked.findings,
    });
    const got = rem.lines.flatMap((l) => l.adjustments.map((x) => ({ ...x, line: l.line })));
    if (rem.status !== ar.remittance.status)
      add(
        [...at, 'remittance', 'status'],
        `the payer ${payer.id} adjudicates the submitted claim as ${rem.status}, not ${ar.remittance.status}${adjSummary(got)} (set "simulate": false for a remittance the simulator cannot produce)`,
      );
    ar.remittance.adjustments.forEach((x, k) => {
      if (
        !got.some(
          (g) => g.group === x.group && g.carc === x.carc && (x.line === null || g.line === x.line),
        )
      )
        add(
          [...at, 'remittance', 'adjustments', k],
          `the payer gives no ${x.group}-${x.carc}${x.line === null ? '' : ` on line ${x.line}`} for the submitted claim${adjSummary(got)}`,
        );
    });
  } catch (err) {
    add([...at, 'submitted'], `the payer failed on the submitted claim: ${(err as Error).message}`);
  }
}

function runAnswerKey(
  c: CaseV2,
  at: Path,
  payer: PayerProfile,
  ncci: NcciRules,
  ctx: PackCheckContext,
  add: Add,
) {
  checkKey(answerClaim(c), c.answer.expected, c.id, at, payer, ncci, ctx, add);
}

/**
 * One answer-key claim through the compliance engine and the payer against what it must do:
 * error findings beyond `exp.findings`, expected findings that do not fire, another status, a
 * missing adjustment — each a problem at `answer.expected…` (under `at`).
 */
export function checkKey(
  claim: unknown,
  exp: {
    status: string;
    findings: readonly string[];
    adjustments?: readonly { group: string; carc: string }[];
  },
  id: string,
  at: Path,
  payer: PayerProfile,
  ncci: NcciRules,
  ctx: PackCheckContext,
  add: Add,
) {
  const editCtx: EditContext = {
    catalog: ctx.catalog,
    ncci,
    policy: policyFor(payer),
    ...(ctx.globalDays ? { globalDays: ctx.globalDays } : {}),
  };
  let checked: ReturnType<typeof checkClaim>;
  try {
    checked = checkClaim(claim, editCtx, id);
  } catch (err) {
    return add(
      [...at, 'answer'],
      `the compliance engine failed on the answer key: ${(err as Error).message}`,
    );
  }
  const errors = checked.findings.filter((f) => f.severity === 'error');
  for (const f of errors)
    if (!exp.findings.includes(f.id))
      add(
        [...at, 'answer', 'expected', 'findings'],
        `the answer key does not scrub clean: ${f.id}${f.line ? ` (line ${f.line})` : ''}: ${f.message} — fix the key, or declare ${f.id} as the case's point`,
      );
  exp.findings.forEach((id, k) => {
    if (!errors.some((f) => f.id === id))
      add(
        [...at, 'answer', 'expected', 'findings', k],
        `the scrubber does not raise ${id} on the answer key`,
      );
  });
  try {
    // The scrub above used this payer's policy: the payer takes its findings as they are.
    const rem = new PayerLedger().adjudicate(checked.claim, {
      payer,
      fees: ctx.fees,
      seed: 0,
      findings: checked.findings,
    });
    if (rem.status !== exp.status)
      add(
        [...at, 'answer', 'expected', 'status'],
        `the payer ${payer.id} adjudicates the answer key as ${rem.status}, not ${exp.status}${adjSummary(rem.lines.flatMap((l) => l.adjustments))}`,
      );
    const got = rem.lines.flatMap((l) => l.adjustments);
    (exp.adjustments ?? []).forEach((x, k) => {
      if (!got.some((g) => g.group === x.group && g.carc === x.carc))
        add(
          [...at, 'answer', 'expected', 'adjustments', k],
          `the remittance has no ${x.group}-${x.carc}${adjSummary(got)}`,
        );
    });
  } catch (err) {
    add([...at, 'answer'], `the payer failed on the answer key: ${(err as Error).message}`);
  }
}

function adjSummary(adj: readonly { group: string; carc: string }[]): string {
  return adj.length
    ? ` (adjustments ${[...new Set(adj.map((x) => `${x.group}-${x.carc}`))].join(', ')})`
    : '';
}

/** The pack's rules first, the base (curated) rules for everything they do not cover. */
function layered(base: NcciRules, top: NcciRules): NcciRules {
  return {
    describe: () => `${base.describe()} + pack rules`,
    ptp: (a, b, d) => top.ptp(a, b, d) ?? base.ptp(a, b, d),
    mue: (c, d) => top.mue(c, d) ?? base.mue(c, d),
    counts: () => ({
      ptp: base.counts().ptp + top.counts().ptp,
      mue: base.counts().mue + top.counts().mue,
    }),
  };
}
