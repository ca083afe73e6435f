/**
 * Payer factories over the packs shipped in scenarios/, read through the one payer service
 * (src/services/shipped.ts) the CLI uses. Each call gives a fresh copy, so a test may change
 * a profile without leaking into the next test.
 */
import type { FeeSources } from '../../src/domain/payer/pricing/fees';
import type { PayerProfile } from '../../src/domain/payer/profile';
import { starterFees, starterPayers } from '../../src/services/shipped';

/** The shipped payer ids. */
export type ShippedPayerId = 'medicare' | 'commercial-ppo' | 'medicaid';

/** A fresh copy of a shipped payer profile; throws naming the id when no pack ships it. */
export function payer(id: ShippedPayerId | (string & {})): PayerProfile {
  const p = starterPayers().get(id);
  if (!p)
    throw new Error(`no shipped payer '${id}' (have ${[...starterPayers().keys()].join(', ')})`);
  return structuredClone(p);
}

/** Fee sources of the shipped packs, with an imported MPFS when given. */
export const shippedFees = (mpfs?: Parameters<typeof starterFees>[0]): FeeSources =>
  starterFees(mpfs);
