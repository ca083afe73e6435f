/**
 * Claim factories: one baseline claim (a Medicare office visit on 2026-03-02, NPI 1234567893,
 * locality 10112-00) that tests change through overrides, so each test shows only the values it
 * is about. Two shapes: `claim` is the domain Claim (money in cents), `claimInput` is the JSON a
 * user or the CLI hands in (money as strings, no defaults filled in). Nothing here is random:
 * the same call gives the same claim.
 */
import type { Claim, ClaimLine } from '../../src/domain/claim/claim';
import { cents, parseMoney, type Cents } from '../../src/domain/money';

/** Money from a string ('150.00' → 15000 cents); throws on a typo in a test. */
export const $ = (s: string): Cents => {
  const m = parseMoney(s);
  if (m === null) throw new Error(`not money: ${s}`);
  return m;
};

/** A valid NPI (Luhn check digit) used by every test claim. */
export const NPI = '1234567893';

export const basePatient = (): Claim['patient'] => ({
  sex: 'F',
  birthDate: '1955-05-01',
  memberId: '1EG4TE5MK73',
});

export const baseProvider = (): Claim['provider'] => ({
  npi: NPI,
  pos: '11',
  locality: '10112-00',
});

/** One service line: one unit, first diagnosis, no modifiers. */
export const line = (
  code: string,
  charge: string,
  overrides: Partial<ClaimLine> = {},
): ClaimLine => ({
  code,
  modifiers: [],
  units: 1,
  dxPointers: [1],
  charge: $(charge),
  ...overrides,
});

/** The baseline claim (domain shape). Overrides replace whole fields (patient, provider, lines). */
export function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    claimId: 'T1',
    payerId: 'medicare',
    frequency: '1',
    originalClaimId: null,
    patient: basePatient(),
    provider: baseProvider(),
    serviceDate: '2026-03-02',
    submissionDate: '2026-03-02',
    diagnoses: ['E11.9', 'I10', 'M17.11'],
    lines: [],
    priorAuthNumber: null,
    accumulators: { deductibleMet: cents(0), outOfPocketMet: cents(0) },
    ...overrides,
  };
}

/** The baseline claim billed to the shipped Medicare payer. */
export const medicareClaim = (overrides: Partial<Claim> = {}): Claim =>
  claim({ payerId: 'medicare', ...overrides });

/** The shipped commercial PPO's member KH123 (a man born 1980), knee diagnosis first. */
export const commercialPatient = (): Claim['patient'] => ({
  sex: 'M',
  birthDate: '1980-02-03',
  memberId: 'KH123',
});

/** A claim to the shipped commercial PPO for member KH123. */
export const commercialClaim = (overrides: Partial<Claim> = {}): Claim =>
  claim({
    payerId: 'commercial-ppo',
    patient: commercialPatient(),
    diagnoses: ['M17.11'],
    ...overrides,
  });

/** A line as claim JSON carries it (money as a string). */
export interface LineInput {
  code: string;
  modifiers?: string[];
  units?: number | string;
  dxPointers?: number[];
  charge?: string;
  serviceDate?: string;
  [k: string]: unknown;
}

/** One JSON service line: one unit, first diagnosis, no modifiers. */
export const lineInput = (
  code: string,
  charge: string,
  overrides: Partial<LineInput> = {},
): LineInput => ({ code, modifiers: [], units: 1, dxPointers: [1], charge, ...overrides });

/** Claim JSON as a user or the CLI hands it in (see src/domain/claim/parse.ts). */
export interface ClaimInput {
  claimId: string;
  payerId?: string;
  patient: Record<string, unknown>;
  provider: Record<string, unknown>;
  serviceDate: string;
  submissionDate?: string;
  diagnoses: string[];
  lines: LineInput[];
  frequency?: string;
  originalClaimId?: string | null;
  priorAuthNumber?: string | null;
  accumulators?: { deductibleMet: string; outOfPocketMet: string };
  [k: string]: unknown;
}

/**
 * The baseline claim as JSON input (what `claimlab adjudicate`/`check` and parseClaim read).
 * Only the required fields: frequency, accumulators and prior authorisation are left out so
 * the reader's defaults apply unless a test gives them. An override of `undefined` leaves a
 * field out of the JSON (JSON.stringify drops it).
 */
export function claimInput(overrides: Record<string, unknown> = {}): ClaimInput {
  return {
    claimId: 'T1',
    payerId: 'medicare',
    patient: { ...basePatient() },
    provider: { ...baseProvider() },
    serviceDate: '2026-03-02',
    submissionDate: '2026-03-02',
    diagnoses: ['E11.9', 'I10'],
    lines: [lineInput('99213', '120.00')],
    ...overrides,
  } as ClaimInput;
}
