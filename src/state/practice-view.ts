/**
 * What the practice screen shows, as plain data read from the engine after each action: the
 * clock, the work queues with what each row needs (the SOAP note and suggested coding of a visit,
 * the rejection reasons, the denial and its real cause, the appeal level with its deadline and
 * decision date, the patient balance), the decisions and the office's figures.
 */
import type { Decision } from '../machines/practice/decisions';
import type { Figures } from '../machines/practice/figures';
import type { PostingRecord, Practice, QueueName } from '../machines/practice/engine';
import { netPaid, paidToProvider } from '../domain/payer/remittance/remittance';
import type { GeneratedEncounter } from '../domain/world/encounter';

export interface CaseRow {
  id: string;
  state: string;
  serviceDate: string;
  patient: string;
  payerId: string;
  /** Billed charges, cents. */
  charges: number;
  templateId: string;
  note: GeneratedEncounter['note'];
  suggested: GeneratedEncounter['answer'];
  /** Rejection reasons (finding ids) of the last rejection. */
  rejections: string[];
  denial: {
    code: string;
    remarks: string[];
    appealable: boolean;
    cause: string | null;
    denied: number;
    paid: number;
    patient: number;
    contractual: number;
    payerClaimNumber: string | null;
    remitDate: string;
    status: string;
  } | null;
  appeal: {
    state: string;
    level: number;
    levelName: string;
    deadline: string;
    decisionDue: string | null;
    history: {
      level: number;
      name: string;
      filedOn: string;
      decidedOn: string | null;
      result: string | null;
      reason: string | null;
    }[];
  } | null;
  balance: {
    owed: number;
    statements: number;
    state: string;
    /** The monthly instalment of a payment plan, or null. */
    instalment: number | null;
    /** Paid by the patient so far, and a credit balance refunded to them (cents). */
    paid: number;
    refunded: number;
    /** The practice's limits: small-balance write-off ceiling (cents), statements before bad debt. */
    smallBalance: number;
    badDebtAfterStatements: number;
  } | null;
  /** The remittance as the EOB/835 shows it, line by line (what the trainee posts from). */
  remittance: {
    status: string;
    lines: {
      line: number;
      code: string;
      modifiers: string[];
      billed: number;
      allowed: number;
      /** Paid to the provider (835 SVC03). */
      paid: number;
      adjustments: { group: string; carc: string; amount: number }[];
      remarks: string[];
    }[];
    /** An earlier payment taken back (835 reversal), positive cents; 0 when none. */
    takeBack: number;
    /** What the deposit is: new payment minus the take-back. */
    netPaid: number;
    /** The patient is a QMB: Medicare cost sharing may not be billed to them. */
    qmb: boolean;
    /** A revised remittance: the payer's reversal of the decision it replaces (835 CLP02 22),
     * line by line with every amount negated, and why it was revised. Null on a first one. */
    reversal: {
      original: string;
      why: 'appeal' | 'reopening' | 'correction';
      lines: {
        line: number;
        code: string;
        billed: number;
        paid: number;
        adjustments: { group: string; carc: string; amount: number }[];
      }[];
    } | null;
  } | null;
  /** The payer's appeal levels for this remittance (level, name, amount in controversy). */
  appealLevels: { level: number; name: string; amountInControversy: number | null }[];
  hasSecondary: boolean;
  corrections: string;
}

export interface PracticeView {
  today: string;
  endsOn: string;
  upcoming: number;
  guided: boolean;
  queues: Record<QueueName, CaseRow[]>;
  decisions: Decision[];
  /** The posting ledger, newest first. */
  ledger: PostingRecord[];
  figures: Figures;
}

const QUEUES: QueueName[] = [
  'toCode',
  'rejections',
  'toPost',
  'denials',
  'appeals',
  'paid',
  'balances',
];

interface ChildRef<C> {
  getSnapshot(): { value: unknown; context: C };
}

function row(p: Practice, id: string): CaseRow {
  const enc = p.encounter(id)!;
  const snap = p.machine(id)!;
  const ctx = snap.context;
  const remit = ctx.remit;
  const appealRef = snap.children['appeal'] as
    ChildRef<import('../machines/appeal.machine').AppealLadderContext> | undefined;
  const balRef = snap.children['patientBalance'] as
    ChildRef<import('../machines/patient-balance.machine').PatientBalanceContext> | undefined;
  const a = appealRef?.getSnapshot();
  const b = balRef?.getSnapshot();
  const lastLevel = a
    ? a.context.levels[Math.min(a.context.index, a.context.levels.length - 1)]
    : undefined;
  return {
    id,
    state: String(snap.value),
    serviceDate: enc.serviceDate,
    patient: `${enc.patient.lastName}, ${enc.patient.firstName}`,
    payerId: enc.coverage[0]?.payerId ?? '',
    charges: enc.answer.lines.reduce((s, l) => s + l.charge, 0),
    templateId: enc.templateId,
    note: enc.note,
    suggested: enc.answer,
    rejections: ctx.rejections.at(-1)?.reasons ?? [],
    denial: remit
      ? {
          code: remit.denial ? `${remit.denial.group}-${remit.denial.carc}` : '',
          remarks: remit.denial?.remarks ?? [],
          appealable: remit.appealable,
          cause: remit.cause?.payerReason ?? null,
          denied: remit.expected.denied,
          paid: remit.expected.payment,
          patient: remit.expected.patient,
          contractual: remit.expected.contractual,
          payerClaimNumber: remit.payerClaimNumber,
          remitDate: remit.remitDate,
          status: remit.status,
        }
      : null,
    appeal: a
      ? {
          state: String(a.value),
          level: lastLevel?.level ?? a.context.index + 1,
          levelName: lastLevel?.name ?? '',
          deadline: a.context.deadline,
          decisionDue: a.context.decisionDue,
          history: a.context.history.map((h) => ({
            level: h.level,
            name: h.name,
            filedOn: h.filedOn,
            decidedOn: h.decidedOn,
            result: h.result,
            reason: h.reason,
          })),
        }
      : null,
    balance: b
      ? {
          owed: b.context.balance,
          statements: b.context.statements,
          state: String(b.value),
          instalment: b.context.instalment,
          paid: b.context.paid,
          refunded: b.context.refunded,
          smallBalance: b.context.smallBalance,
          badDebtAfterStatements: b.context.badDebtAfterStatements,
        }
      : null,
    hasSecondary: enc.coverage.length > 1,
    corrections: ctx.corrections,
    remittance: remittanceRow(p, id),
    appealLevels: remit ? p.appealLevels(id) : [],
  };
}

function remittanceRow(p: Practice, id: string): CaseRow['remittance'] {
  const r = p.remittance(id);
  if (!r) return null;
  return {
    status: r.status,
    lines: r.lines.map((l) => ({
      line: l.line,
      code: l.code,
      modifiers: [...l.modifiers],
      billed: l.billed,
      allowed: l.allowed,
      paid: paidToProvider([l], l.paid),
      adjustments: l.adjustments.map((a) => ({ group: a.group, carc: a.carc, amount: a.amount })),
      remarks: [...l.remarks],
    })),
    takeBack: r.reversal ? -paidToProvider(r.reversal.lines, r.reversal.totals.paid) : 0,
    netPaid: netPaid(r),
    qmb: r.balanceBilling !== undefined,
    reversal: r.reversal
      ? {
          original: r.reversal.payerClaimNumber,
          why: r.reopening
            ? 'reopening'
            : r.claimRemarks.includes('MA91')
              ? 'appeal'
              : 'correction',
          lines: r.reversal.lines.map((l) => ({
            line: l.line,
            code: l.code,
            billed: l.billed,
            paid: paidToProvider([l], l.paid),
            adjustments: l.adjustments.map((a) => ({
              group: a.group,
              carc: a.carc,
              amount: a.amount,
            })),
          })),
        }
      : null,
  };
}

export function buildView(
  p: Practice,
  extra: { endsOn: string; upcoming: number; guided: boolean },
): PracticeView {
  const queues = Object.fromEntries(
    QUEUES.map((q) => [q, p.queue(q).map((id) => row(p, id))]),
  ) as Record<QueueName, CaseRow[]>;
  return {
    today: p.today,
    ...extra,
    queues,
    decisions: [...p.decisions],
    ledger: [...p.postings].reverse(),
    figures: p.figures(),
  };
}
