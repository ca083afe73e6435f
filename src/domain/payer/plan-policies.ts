/**
 * A plan's dated policies (a scenario pack plan: src/scenarios/format/v2.ts `policiesSchema`)
 * laid over its payer's profile for one date of service, so the scrubber and the adjudicator
 * apply them: medical necessity, prior authorization and modifier rules in force on the date of
 * service replace the payer's own (when the plan has one in force then), and the plan's
 * timely-filing entries replace the payer's (the entry in force on the date of service sets the
 * limit, counted to the day the payer receives the claim). Appeal levels stay data: the payer
 * profile's own `appeals` drive the remittance's appeal rights.
 * See: DOMAIN.md §5 (payer policies change by date); scenarios/README.md "Plans and their dated
 * policies".
 */
import type { ModifierRuleKind } from './modifier-policy';
import type { PayerProfile } from './profile';

/** One dated entry of a plan policy: in force from `from` to `to` (inclusive; absent = open). */
export interface PlanDated<T> {
  from: string;
  to?: string | null | undefined;
  value: T;
  source: string;
}

/** The policies of a plan that change adjudication (structurally the pack format's). */
export interface PlanPolicies {
  medicalNecessity?: PlanDated<
    {
      procedures: string[];
      diagnoses: string[];
      title: string;
      /** CO-50 when absent; CARC 11 or 167 for a diagnosis-to-procedure policy. */
      denial?: { carc: '50' | '11' | '167'; remarks: string[] } | undefined;
    }[]
  >[];
  priorAuthorization?: PlanDated<{ procedures: string[]; title: string }[]>[];
  timelyFiling?: PlanDated<{ unit: 'days' | 'months'; amount: number; rollToWorkday?: boolean }>[];
  modifiers?: PlanDated<{ modifier: string; rule: ModifierRuleKind; title: string }[]>[];
}

/** The entry in force on `date` (the last one listed when several are). */
export function planEntryOn<T>(
  list: readonly PlanDated<T>[] | undefined,
  date: string,
): PlanDated<T> | undefined {
  return list?.filter((e) => e.from <= date && (e.to == null || date <= e.to)).at(-1);
}

/** `p` with the plan's policies in force on `dateOfService` in place of the payer's own. */
export function withPlanPolicies(
  p: PayerProfile,
  plan: { id: string; policies: PlanPolicies },
  dateOfService: string,
): PayerProfile {
  const pol = plan.policies;
  const out: PayerProfile = { ...p };
  const dated = <T>(e: PlanDated<T>) => ({
    effective: e.from,
    terminated: e.to ?? null,
    source: `${plan.id}: ${e.source}`,
  });
  const mn = planEntryOn(pol.medicalNecessity, dateOfService);
  if (mn)
    out.coverage = mn.value.map((c) => ({
      procedures: c.procedures,
      diagnoses: c.diagnoses,
      title: c.title,
      ...(c.denial ? { denial: { carc: c.denial.carc, remarks: [...c.denial.remarks] } } : {}),
      ...dated(mn),
    }));
  const pa = planEntryOn(pol.priorAuthorization, dateOfService);
  if (pa)
    out.priorAuth = pa.value.map((a) => ({
      procedures: a.procedures,
      title: a.title,
      ...dated(pa),
    }));
  const mod = planEntryOn(pol.modifiers, dateOfService);
  if (mod)
    out.modifierRules = mod.value.map((m) => ({
      modifier: m.modifier,
      rule: m.rule,
      title: m.title,
      ...dated(mod),
    }));
  if (pol.timelyFiling?.length)
    out.timelyFiling = pol.timelyFiling.map((t) => ({
      from: t.from,
      to: t.to ?? null,
      value: t.value,
      source: `${plan.id}: ${t.source}`,
    }));
  return out;
}
