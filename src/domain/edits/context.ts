/**
 * What every edit family receives: the claim's code catalog and the optional rule sets. Kept in
 * its own module so each family imports the types without importing the engine.
 */
import type { CodeCatalog } from '../codes/catalog';
import type { Claim } from '../claim/claim';
import type { NcciRules } from './ncci-rules';
import type { PayerPolicy } from './policy-types';

export interface EditContext {
  catalog: CodeCatalog;
  /** NCCI PTP pairs and MUEs; the shipped curated set when omitted (see `curatedNcci()`). */
  ncci?: NcciRules;
  /** The payer's coverage, authorization, timely-filing and COB rules (from a payer profile). */
  policy?: PayerPolicy;
  /**
   * A procedure's global surgery days (MPFS), when loaded: modifier 57 bypasses the E/M edit
   * only for a 090-day procedure. Without it 57 never bypasses (see ncci.ts ptpBypassed).
   */
  globalDays?: (code: string) => string | undefined;
  /** Claims already submitted, for `claim.duplicate`. */
  history?: readonly Claim[];
}

export type { NcciRules, PayerPolicy };
