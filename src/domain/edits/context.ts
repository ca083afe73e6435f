/**
 * What every edit family receives: the claim's code catalog and the optional rule sets. Kept in
 * its own module so each family imports the types without importing the engine.
 */
import type { CodeCatalog } from '../codes/catalog';
import type { Claim } from '../claim/claim';
import type { NcciRules } from './ncci-rules';
import type { PayerPolicy } from './policy-types';
import type { AddOnRule } from './add-on-rules';

/** A procedure's MPFS global days on a date of service; undefined when unknown. */
export type GlobalDaysOf = (code: string, date: string) => string | undefined;

/** A procedure's RVU-file indicators; undefined when unknown. */
export type IndicatorsOf = (code: string) => { pctc?: string; bilat?: string } | undefined;

export interface EditContext {
  catalog: CodeCatalog;
  /**
   * NCCI PTP pairs and MUEs: the shipped curated set (src/codesets/ncci/curated.ts), with the
   * CMS files over it when imported. Required: the domain reads no data files itself, so the
   * caller (src/services/payer.ts, a test) passes the rules in.
   */
  ncci: NcciRules;
  /** The payer's coverage, authorization, timely-filing and COB rules (from a payer profile). */
  policy?: PayerPolicy;
  /**
   * A procedure's global surgery days on a date of service (MPFS "GLOB DAYS": 000, 010, 090,
   * MMM, XXX, YYY, ZZZ), when known: from the MPFS bundle or the pack's fee table (see
   * global-days.ts). With it, modifier 57 bypasses the E/M PTP edit for a 090-day procedure and
   * the global surgery edits run (global-surgery.ts); without it 57 never bypasses and the
   * global surgery edits are skipped.
   */
  globalDays?: GlobalDaysOf;
  /**
   * Add-on code rules (which primaries each add-on needs); the curated ADD_ON_RULES when
   * omitted. Built from CMS's add-on code edit file by src/codesets/ncci/derived.ts.
   */
  addOns?: readonly AddOnRule[];
  /**
   * A procedure's RVU-file indicators (PC/TC, bilateral) when known: from the MPFS bundle or the
   * pack's fee table (see global-days.ts `indicatorsFrom`). Without it the PC/TC edits are
   * skipped.
   */
  indicators?: IndicatorsOf;
  /** Claims already submitted, for `claim.duplicate`. */
  history?: readonly Claim[];
}

export type { NcciRules, PayerPolicy };
