/**
 * The office's figures, counted as the practice runs (so closed encounters need not be kept):
 * claims, the clean-claim rate (first submissions paid in full with no rejection or denial),
 * rejections, denials by group-CARC, appeals filed and won by level, write-offs by reason,
 * mean days in A/R (date of service to the day the insurance part is settled), the collected
 * share of charges, patient balances, aging of insurance A/R, the balance check (billed = paid +
 * adjustments on every remittance line) and the decisions. Money in cents.
 * See: issue 15 ("Batch simulation"); HFMA MAP Keys (clean claim rate, days in A/R, aging).
 */
import type { DecisionKind } from './decisions';

export interface Figures {
  encounters: number;
  closed: number;
  claimsSubmitted: number;
  cleanClaimRate: number;
  rejections: number;
  remittances: number;
  denials: {
    claims: number;
    rate: number;
    byReason: Record<string, number>;
    byGroup: Record<string, number>;
  };
  reopenings: number;
  appeals: Record<string, { filed: number; won: number }>;
  writeOffs: Record<string, { count: number; amount: number }>;
  meanDaysInAR: number;
  charges: number;
  collected: { insurance: number; patient: number; refunds: number; total: number };
  collectedShare: number;
  statements: number;
  patientBalances: { count: number; amount: number };
  aging: Record<'0-30' | '31-60' | '61-90' | '91-120' | '120+', number>;
  balanceCheck: { linesChecked: number; violations: number; samples: string[] };
  decisions: { total: number; wrong: number; byKind: Partial<Record<DecisionKind, number>> };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const sorted = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export class Tally {
  encounters = 0;
  closed = 0;
  claimsSubmitted = 0;
  rejections = 0;
  remittances = 0;
  adjudicated = 0;
  deniedClaims = 0;
  reopenings = 0;
  statements = 0;
  charges = 0;
  insurancePaid = 0;
  patientPaid = 0;
  refunds = 0;
  arDays = 0;
  arClaims = 0;
  linesChecked = 0;
  violations = 0;
  violationSamples: string[] = [];
  firstPass = { clean: 0, rejected: 0, denied: 0 };
  readonly byReason: Record<string, number> = {};
  readonly appeals: Record<string, { filed: number; won: number }> = {};
  readonly writeOffs: Record<string, { count: number; amount: number }> = {};
  decisions = { total: 0, wrong: 0, byKind: {} as Partial<Record<DecisionKind, number>> };

  denial(key: string): void {
    this.byReason[key] = (this.byReason[key] ?? 0) + 1;
  }

  appeal(level: number, what: 'filed' | 'won'): void {
    const k = `level${level}`;
    const a = (this.appeals[k] ??= { filed: 0, won: 0 });
    a[what]++;
  }

  writeOff(reason: string, amount: number): void {
    const w = (this.writeOffs[reason] ??= { count: 0, amount: 0 });
    w.count++;
    w.amount += amount;
  }

  figures(extra: { aging: Figures['aging']; balances: number; balanceCount: number }): Figures {
    const byGroup: Record<string, number> = {};
    for (const [k, n] of Object.entries(this.byReason)) {
      const g = k.split('-')[0]!;
      byGroup[g] = (byGroup[g] ?? 0) + n;
    }
    const first = this.firstPass.clean + this.firstPass.rejected + this.firstPass.denied;
    const collected = this.insurancePaid + this.patientPaid;
    return {
      encounters: this.encounters,
      closed: this.closed,
      claimsSubmitted: this.claimsSubmitted,
      cleanClaimRate: first ? round4(this.firstPass.clean / first) : 0,
      rejections: this.rejections,
      remittances: this.remittances,
      denials: {
        claims: this.deniedClaims,
        rate: this.adjudicated ? round4(this.deniedClaims / this.adjudicated) : 0,
        byReason: sorted(this.byReason),
        byGroup: sorted(byGroup),
      },
      reopenings: this.reopenings,
      appeals: sorted(this.appeals),
      writeOffs: sorted(this.writeOffs),
      meanDaysInAR: this.arClaims ? Math.round((this.arDays / this.arClaims) * 10) / 10 : 0,
      charges: this.charges,
      collected: {
        insurance: this.insurancePaid,
        patient: this.patientPaid,
        refunds: this.refunds,
        total: collected,
      },
      collectedShare: this.charges ? round4(collected / this.charges) : 0,
      statements: this.statements,
      patientBalances: { count: extra.balanceCount, amount: extra.balances },
      aging: extra.aging,
      balanceCheck: {
        linesChecked: this.linesChecked,
        violations: this.violations,
        samples: this.violationSamples,
      },
      decisions: { ...this.decisions, byKind: sorted(this.decisions.byKind) },
    };
  }
}

export const emptyFigures = (): Tally => new Tally();
