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
