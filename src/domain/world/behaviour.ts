/**
 * How each payer behaves in the simulation: read from the payer profile's `behaviour` where it
 * says (processing days, documentation requests, NCCI, modifier 25), the rest drawn from the
 * world's seed within ranges typical of the payer's kind, and any knob overridable per payer.
 * See: issue 15 (payer behaviour seeded and configurable per profile).
 */
import { behaviourOn, valueOn, type PayerProfile } from '../payer/profile';
import type { Random } from '../random/seeded';
import type { PayerBehaviour } from './encounter';

export type PayerKind = 'medicare' | 'commercial' | 'medicaid';

/** What the world needs of a payer: its id and kind, and its profile's knobs when it has one. */
export interface WorldPayer {
  id: string;
  kind: PayerKind;
  behaviour?: PayerProfile['behaviour'];
  appeals?: PayerProfile['appeals'];
}

export type BehaviourOverride = Partial<Omit<PayerBehaviour, 'payerId'>>;

/** Days each appeal level takes to decide, by kind, when the profile does not say. */
const REVIEW_DAYS: Record<PayerKind, number[]> = {
  // Redetermination 60 days, QIC 60, ALJ 90, Appeals Council 90, federal court (no clock).
  // See: 42 CFR 405.950, 405.970, 405.1016, 405.1100.
  medicare: [60, 60, 90, 90, 180],
  // Internal appeal 30 days (pre-service) to 60 (post-service), external review 45.
  // See: 29 CFR 2560.503-1(i); 45 CFR 147.136(d).
  commercial: [30, 45],
  medicaid: [30, 90],
};
const PROCESSING: Record<PayerKind, number> = { medicare: 14, commercial: 21, medicaid: 30 };
const DOC_RATE: Record<PayerKind, number> = { medicare: 0.02, commercial: 0.03, medicaid: 0.01 };

export function payerBehaviour(
  p: WorldPayer,
  date: string,
  r: Random,
  override: BehaviourOverride = {},
): PayerBehaviour {
  const b = p.behaviour ? behaviourOn({ behaviour: p.behaviour }, date) : undefined;
  const days = b?.processingDays ?? PROCESSING[p.kind];
  const spread = r.int(2, 5);
  const levels = p.appeals ? valueOn(p.appeals, date).length : REVIEW_DAYS[p.kind].length;
  const review = Array.from({ length: levels }, (_, i) => {
    const base = REVIEW_DAYS[p.kind][Math.min(i, REVIEW_DAYS[p.kind].length - 1)]!;
    return base - r.int(0, Math.floor(base / 6));
  });
  return {
    payerId: p.id,
    processingDays: { min: Math.max(1, days - spread), max: days + spread },
    clearinghouseDays: r.int(1, 2),
    documentationRequestRate: b?.documentationRequestRate ?? DOC_RATE[p.kind],
    strictNcci: b?.ncci.apply ?? true,
    strictModifier25: b ? b.modifier25 !== 'accept' : p.kind === 'commercial',
    appealReviewDays: review,
    ...override,
  };
}
