/**
 * The contract between the synthetic world (src/domain/world/: seeded patients, coverage,
 * providers, payer behaviour and encounters generated from case templates) and whoever runs
 * encounters through the lifecycle (the machines, `claimlab simulate`, the practice screen).
 * Plain data only (snapshots and saved practices stay JSON); money in integer cents; dates ISO.
 * See: issue 15 (synthetic world, batch simulation).
 */
import type { Claim, DualStatus, Sex } from '../claim/claim';
import type { Cents } from '../money';

export interface WorldPatient {
  /** Stable within a world: `pat-000042`. */
  id: string;
  firstName: string;
  lastName: string;
  sex: Sex;
  birthDate: string;
  address: { line1: string; city: string; state: string; zip: string };
  dualStatus?: DualStatus;
}

export interface WorldCoverage {
  payerId: string;
  /** A plan of that payer in a pack, when its policies apply. */
  planId?: string;
  /** In the payer's own member-id format. */
  memberId: string;
  sequence: 'primary' | 'secondary' | 'tertiary';
  relation: 'self' | 'spouse' | 'dependent';
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface WorldProvider {
  id: string;
  name: string;
  /** 10 digits with a valid Luhn check digit (prefix 80840). */
  npi: string;
  specialty: string;
  pos: string;
  locality: string;
}

/** How one payer behaves in the simulation (seeded and configurable per payer profile). */
export interface PayerBehaviour {
  payerId: string;
  /** Days from submission to the remittance, drawn in [min, max]. */
  processingDays: { min: number; max: number };
  /** Clearinghouse turnaround for the front-end accept/reject, days. */
  clearinghouseDays: number;
  /** Share of clean claims the payer pends for records (documentation request), 0–1. */
  documentationRequestRate: number;
  /** Applies NCCI PTP and MUE edits (false = lets some pairs through). */
  strictNcci: boolean;
  /** Denies an E/M with modifier 25 unless it has a diagnosis the procedure lacks. */
  strictModifier25: boolean;
  /** Days the payer takes to decide an appeal, by level (1-based index 0 = level 1). */
  appealReviewDays: number[];
}

export interface EncounterLine {
  code: string;
  modifiers: string[];
  units: number;
  dxPointers: number[];
  /** From the practice's charge master. */
  charge: Cents;
}

/** One visit of the simulated practice, with the facts a correct coder would bill. */
export interface GeneratedEncounter {
  /** Stable per seed: `enc-000123`. */
  id: string;
  /** The case template (pack id + template id) it came from: `core-outpatient/tpl-dm2-ckd`. */
  templateId: string;
  serviceDate: string;
  patient: WorldPatient;
  /** Primary first. */
  coverage: WorldCoverage[];
  provider: WorldProvider;
  /** The SOAP note generated from the template's facts, noise included. */
  note: { heading: string; text: string }[];
  /** What a correct coder bills (valid for the date of service). */
  answer: { diagnoses: string[]; lines: EncounterLine[] };
  /** What the answer key does at the scrubber and the payer (from the template). */
  expected: { status: 'paid' | 'partially-paid' | 'denied' | 'rejected'; findings: string[] };
  /** Prior authorization number on file, when the practice obtained one. */
  priorAuthNumber: string | null;
}

/** A practice: its providers, patients, payer mix and behaviour, and a schedule of visits. */
export interface World {
  seed: number;
  startDate: string;
  providers: WorldProvider[];
  patients: WorldPatient[];
  payers: PayerBehaviour[];
}

/** Encounters in date order, generated lazily so 10,000 never sit in memory at once. */
export interface EncounterSource {
  readonly world: World;
  next(): GeneratedEncounter | null;
}

/** The claim a coder would send for an encounter (frequency 1, primary coverage). */
export type ClaimFromEncounter = (
  e: GeneratedEncounter,
  coding: GeneratedEncounter['answer'],
  claimId: string,
  submissionDate: string,
) => Claim;
