/**
 * The slice of a payer profile that the edit engine reads (coverage, prior auth, timely
 * filing), so the scrubber predicts what this payer will deny.
 * See: src/domain/edits/policy-types.ts.
 */
import type { PayerPolicy } from '../edits/policy-types';
import type { PayerProfile } from './profile';

export function policyFor(p: PayerProfile): PayerPolicy {
  return {
    payerId: p.id,
    name: p.name,
    coverage: p.coverage.map((c) => ({ ...c })),
    priorAuth: p.priorAuth.map((a) => ({ ...a })),
    timelyFiling: p.timelyFiling.map((t) => ({
      effective: t.from,
      terminated: t.to ?? null,
      source: t.source,
      ...(t.value.unit === 'months' ? { months: t.value.amount } : { days: t.value.amount }),
    })),
  };
}

/**
 * `policyFor`, built once per profile: the adjudicator asks for it on every claim, and the edit
 * engine caches per rule object (diagnosis ranges), which only pays off when the rules are the
 * same objects from claim to claim. The result is shared: read it, never change it.
 */
const built = new WeakMap<PayerProfile, PayerPolicy>();
export function policyOf(p: PayerProfile): PayerPolicy {
  let v = built.get(p);
  if (!v) built.set(p, (v = policyFor(p)));
  return v;
}
