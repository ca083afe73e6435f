/**
 * The files a trainee downloads from a case, written by the interop layer: components ask here
 * instead of calling the X12 writers themselves (ui → state → interop).
 * See: src/interop/x12/837p.ts (005010X222A1).
 */
import type { Claim } from '../domain/claim/claim';
import { write837p } from '../interop/x12/837p';

/** The claim as an 837P interchange. */
export function claim837(claim: Claim): string {
  return write837p(claim);
}
