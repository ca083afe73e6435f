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
  lineCharge,
  type AnswerKeyRunner,
  type CaseProblem,
  type PackCheckContext,
} from './validate-pack';

type Path = (string | number)[];
export type Add = (path: Path, message: string) => void;

/** One adjustment of the simulated remittance (amount in cents; null for a rejection). */
interface SimAdjustment {
  line: number | null;
  group: string;
  carc: string;
  amount: number | null;
  remarks: readonly string[];
}

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
    ...(ctx.addOns ? { addOns: ctx.addOns } : {}),
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
  const sub = ar.submitted;
  const claim = {
    ...base,
    ...(sub.submissionDate ? { submissionDate: sub.submissionDate } : {}),
    ...(sub.frequency ? { frequency: sub.frequency } : {}),
    ...(sub.originalClaimId ? { originalClaimId: sub.originalClaimId } : {}),
    ...(sub.coverage ? { coverage: sub.coverage } : {}),
    ...(sub.otherPayers ? { otherPayers: sub.otherPayers } : {}),
    diagnoses: ar.submitted.diagnoses,
    lines: ar.submitted.lines.map((l) => ({
      ...l,
      charge: lineCharge(c.encounter.chargeMaster, l.code, l.units) ?? '0.00',
    })),
  };
  try {
    const editCtx = editContextFor(payer, ncci, ctx);
    // An identical claim sent before is in the payer's history (duplicate detection: OA-18).
    // See: Pub. 100-04 ch. 1 §120.
    const history = sub.duplicateOf
      ? [checkClaim({ ...claim, claimId: sub.duplicateOf }, editCtx, sub.duplicateOf).claim]
      : undefined;
    const checked = checkClaim(claim, history ? { ...editCtx, history } : editCtx, c.id);
    const rem = new PayerLedger().adjudicate(checked.claim, {
      payer,
      fees: ctx.fees,
      seed: 0,
      // Judged on the rules, not on a seeded documentation request.
      randomReview: false,
      findings: checked.findings,
    });
    // A front-end rejection has no lines: the 835 says CO-16 with MA130 and the field's RARC
    // at claim level (DOMAIN.md §5: front-end rejections), so that is what a case states.
    // See: Pub. 100-04 ch. 1 §80.3.2 (unprocessable claims returned with MA130).
    const got: SimAdjustment[] =
      rem.status === 'rejected'
        ? [{ line: null, group: 'CO', carc: '16', amount: null, remarks: rem.claimRemarks }]
        : rem.lines.flatMap((l) =>
            l.adjustments.map((x) => ({
              line: l.line,
              group: x.group,
              carc: x.carc,
              amount: x.amount as number,
              remarks: [...l.remarks, ...rem.claimRemarks],
            })),
          );
    if (rem.status !== ar.remittance.status)
      add(
        [...at, 'remittance', 'status'],
        `the payer ${payer.id} adjudicates the submitted claim as ${rem.status}, not ${ar.remittance.status}${adjSummary(got)} (set "simulate": false for a remittance the simulator cannot produce)`,
      );
    ar.remittance.adjustments.forEach((x, k) => {
      const hits = got.filter(
        (g) =>
          g.group === x.group &&
          g.carc === x.carc &&
          (x.line === null || g.line === null || g.line === x.line),
      );
      const p: Path = [...at, 'remittance', 'adjustments', k];
      if (hits.length === 0)
        return add(
          p,
          `the payer gives no ${x.group}-${x.carc}${x.line === null ? '' : ` on line ${x.line}`} for the submitted claim${adjSummary(got)}`,
        );
      // The stated amount is what the payer adjusts (on the line, or over all lines at claim level).
      if (hits.every((h) => h.amount !== null)) {
        const want = Math.round(Number(x.amount) * 100);
        const have = hits.reduce((t, h) => t + (h.amount ?? 0), 0);
        if (want !== have)
          add(
            [...p, 'amount'],
            `the payer adjusts ${(have / 100).toFixed(2)} as ${x.group}-${x.carc}${x.line === null ? '' : ` on line ${x.line}`}, not ${x.amount}`,
          );
      }
      const remarks = new Set(hits.flatMap((h) => h.remarks));
      x.rarc.forEach((r, j) => {
        if (!remarks.has(r))
          add(
            [...p, 'rarc', j],
            `the payer gives no remark ${r} with ${x.group}-${x.carc}${remarks.size ? ` (remarks ${[...remarks].join(', ')})` : ''}`,
          );
      });
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
  const editCtx = editContextFor(payer, ncci, ctx);
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
      // Judged on the rules, not on a seeded documentation request.
      randomReview: false,
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
