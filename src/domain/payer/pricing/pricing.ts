/**
 * Pricing: the Medicare Physician Fee Schedule formula and the payment rules that act on it
 * (site of service, bilateral, multiple-procedure reduction, non-participating rate, limiting
 * charge, lower of charge and fee schedule). Multiple-procedure indicators 3–7 live in
 * ./procedure-rules.ts, assistant/co-/team surgery in ./surgical-team.ts, their percentages
 * (with sources and dates) in ./pfs-rates.ts.
 * See: 42 CFR 414.22 and Medicare Claims Processing Manual (Pub. 100-04) ch. 12 §20 (fee
 * schedule formula), §40.6 (multiple surgery, indicator 2), §40.7 (bilateral, indicator 1),
 * §30.3 (non-participating 95% and limiting charge 115%); CMS RVU file RVU25D read-me
 * (bilateral indicator 3: 100% of the fee for each side; status T: paid only when no other PFS
 * service is billed the same day).
 */
import { cents, mulRound, type Cents } from '../../money';
import {
  NATIONAL_GPCI,
  normaliseLocality,
  type FeeSources,
  type FeeTable,
  type FlatAmount,
  type FlatFeeEntry,
  type Gpci,
  type MpfsTables,
  type RvuEntry,
} from './fees';
import { isFacilityPos } from './pos';
import { surgicalRole, roleOutcome, type TeamIndicators, type TeamReason } from './surgical-team';
import {
  applyIndicatorRules,
  bilateralKind,
  byDayThenValue,
  type RuleInputs,
  type Slot,
} from './procedure-rules';
import { PFS_RATES, rateText } from './pfs-rates';

export type { RuleInputs } from './procedure-rules';

/**
 * allowed = [(wRVU × wGPCI) + (PE RVU × peGPCI) + (MP RVU × mpGPCI)] × CF, rounded half up to
 * the cent. Computed on integers (RVU hundredths × GPCI thousandths × CF ten-thousandths =
 * 1e-9 dollars) so there is no floating-point drift.
 */
export function mpfsAmount(
  rvu: RvuEntry,
  g: Gpci,
  conversionFactor: number,
  facility: boolean,
): Cents {
  const pe = facility ? rvu.peFacility : rvu.peNonFacility;
  const s = rvu.work * g.work + pe * g.pe + rvu.mp * g.mp; // 1e-5 RVU units
  const v = s * conversionFactor; // 1e-9 dollars = 1e-7 cents
  return cents(Math.floor((v + 5_000_000) / 10_000_000));
}

/** PFS statuses priced by the formula. See: RVU file read-me, "Status Code". */
const PRICED_STATUSES = new Set(['A', 'R', 'T']);

const sourceTexts = new Map<string, string>();
/**
 * "CMS PFS CY2025 …, locality 10112-00, non-facility; pricing year CY2025", built once per
 * table/locality/setting.
 */
function sourceText(table: string, locality: string, facility: boolean, year: number): string {
  const k = facility ? `F${locality}` : `N${locality}`;
  let t = sourceTexts.get(k);
  if (t === undefined || !t.startsWith(table) || !t.endsWith(`CY${year}`)) {
    t = `${table}, locality ${locality}, ${facility ? 'facility' : 'non-facility'}; pricing year CY${year}`;
    sourceTexts.set(k, t);
  }
  return t;
}

export type MedicareFee =
  | {
      kind: 'priced';
      perUnit: Cents;
      mult: string;
      bilat: string;
      source: string;
      locality: string;
      /** PFS status of the RVU row when priced by the MPFS formula; null from a flat table. */
      status: string | null;
      /** Calendar year of the fee schedule used (CY2025 tables price 2026 services until loaded). */
      year: number | null;
      /**
       * What the indicator 3–7 rules need (endoscopy base, TC/PC/PE parts) and the rules already
       * applied to `perUnit` (assistant 16%...); absent for most lines.
       */
      inputs?: RuleInputs | undefined;
      /**
       * The surgical-team modifier is paid only with documentation of medical necessity (ASST
       * SURG 0, CO SURG 1): the payer denies the line when the claim sends none (adjudicate.ts).
       */
      needsDocumentation?: true;
    }
  | {
      kind: 'unpriced';
      reason:
        | 'not-on-schedule'
        | 'bundled'
        | 'non-covered'
        // PFS status E or X: paid on another fee schedule (CLFS, ASP...), none on hand for it.
        | 'not-on-pfs'
        | 'invalid-for-medicare'
        // Surgical-team modifier the code's indicator does not allow, or team surgery (by report).
        | TeamReason;
      status: string | null;
    }
  | { kind: 'unknown-locality'; locality: string };

/**
 * The Medicare participating fee for one unit of a code at a place of service and locality:
 * the imported MPFS (formula) first, then the pack's national table (labs and codes the PFS
 * does not price, or everything when the bundle is absent).
 */
export function medicareFee(
  code: string,
  modifiers: readonly string[],
  pos: string,
  locality: string,
  sources: FeeSources,
  /**
   * A plan that prices on the Medicare RVUs also prices the codes Medicare itself does not
   * cover (status N, e.g. preventive visits 99381–99397) or does not recognise (status I, e.g.
   * the office consultations 99242–99245 Medicare replaced with visit codes in 2010), whose RVUs
   * CMS publishes for other payers' use: Medicare's non-coverage is not the plan's.
   * See: CMS RVU file read-me, status codes N and I ("RVUs ... shown for the information of
   * other payers"; the "not used for Medicare payment" indicator); Pub. 100-04 ch. 12 §30.6.10.
   */
  otherPayer = false,
): MedicareFee {
  const facility = isFacilityPos(pos);
  const { mpfs, medicareTable } = sources;
  let status: string | null = null;
  if (mpfs) {
    let pm: string | undefined;
    for (const m of modifiers) if (m === '26' || m === 'TC' || m === '53') pm = m;
    const rvu = (pm ? mpfs.rvu(code, pm) : undefined) ?? mpfs.rvu(code, '');
    if (rvu) {
      status = rvu.status;
      if (
        PRICED_STATUSES.has(rvu.status) ||
        (otherPayer && (rvu.status === 'N' || rvu.status === 'I') && hasRvus(rvu))
      ) {
        let g: Gpci | undefined = NATIONAL_GPCI;
        if (locality.trim()) {
          const key = normaliseLocality(locality);
          g = key ? mpfs.gpci(key) : undefined;
          if (!g) return { kind: 'unknown-locality', locality };
        }
        const perUnit = mpfsAmount(rvu, g, mpfs.conversionFactor, facility);
        const m = rvu.mult;
        const fee: MedicareFee = {
          kind: 'priced',
          perUnit,
          mult: rvu.mult,
          bilat: rvu.bilat,
          source: sourceText(mpfs.source, g.key, facility, mpfs.year),
          locality: g.key,
          status: rvu.status,
          year: mpfs.year,
          // Only indicators 3–7 need inputs: the common line allocates nothing more.
          inputs:
            m >= '3' && m <= '7' ? mpfsInputs(rvu, pm, perUnit, mpfs, g, facility) : undefined,
        };
        return withSurgicalRole(fee, modifiers, rvu);
      }
    }
  }
  const t = medicareTable?.get(code);
  if (t) {
    const year = tableYear(medicareTable!.effective.from);
    const fee: MedicareFee = {
      kind: 'priced',
      perUnit: flatPrice(t, modifiers, facility),
      mult: t.mult,
      bilat: t.bilat,
      source: `${medicareTable!.name} (${t.basis}), ${facility ? 'facility' : 'non-facility'}${year === null ? '' : `; pricing year CY${year}`}`,
      locality: 'national',
      status: null,
      year,
      inputs: flatInputs(t, medicareTable!, facility, modifiers),
    };
    return withSurgicalRole(fee, modifiers, t);
  }
  if (status === 'B' || status === 'P') return { kind: 'unpriced', reason: 'bundled', status };
  if (status === 'N') return { kind: 'unpriced', reason: 'non-covered', status };
  // E (excluded by regulation) and X (not a physician service by statute): not priced on the
  // PFS, which is not "not covered" (labs are paid on the CLFS, drugs on the ASP file...).
  // See: CMS RVU file read-me, status E and X.
  if (status === 'X' || status === 'E') return { kind: 'unpriced', reason: 'not-on-pfs', status };
  if (status === 'I') return { kind: 'unpriced', reason: 'invalid-for-medicare', status };
  return { kind: 'unpriced', reason: 'not-on-schedule', status };
}

const hasRvus = (r: RvuEntry) => r.work + r.peNonFacility + r.peFacility + r.mp > 0;

/** The practice-expense part of one unit: PE RVU × PE GPCI × CF (indicator 5). */
function peAmount(rvu: RvuEntry, g: Gpci, conversionFactor: number, facility: boolean): Cents {
  const pe = facility ? rvu.peFacility : rvu.peNonFacility;
  return cents(Math.floor((pe * g.pe * conversionFactor + 5_000_000) / 10_000_000));
}

/**
 * The parts of the fee the indicator 3–7 rules act on, priced like the line itself (same
 * locality and setting); undefined for every other indicator, so most lines allocate nothing.
 * TC and PC come from the code's TC and 26 rows (PC/TC indicator 1); a technical-only code
 * (indicator 3) is all TC; a global-only code without TC/26 rows (indicator 4, e.g. 93000) has
 * no split in the file, so its TC is unknown (null) and it is left out of the TC ranking.
 * See: RVU25D read-me, PCTC IND and MULT PROC.
 */
function mpfsInputs(
  rvu: RvuEntry,
  pm: string | undefined,
  perUnit: Cents,
  mpfs: MpfsTables,
  g: Gpci,
  facility: boolean,
): RuleInputs | undefined {
  const m = rvu.mult;
  const cf = mpfs.conversionFactor;
  if (m === '3') {
    const b = rvu.endoBase ? mpfs.rvu(rvu.endoBase, '') : undefined;
    const baseFee = b && PRICED_STATUSES.has(b.status) ? mpfsAmount(b, g, cf, facility) : null;
    return { ...NO_INPUTS, endoBase: rvu.endoBase, endoBaseFee: baseFee };
  }
  if (m === '5') return { ...NO_INPUTS, pe: peAmount(rvu, g, cf, facility) };
  if (m !== '4' && m !== '6' && m !== '7') return undefined;
  if (pm === 'TC' || rvu.pctc === '3') return { ...NO_INPUTS, tc: perUnit, pc: cents(0) };
  if (pm === '26' || rvu.pctc === '2') return { ...NO_INPUTS, tc: cents(0), pc: perUnit };
  const tc = mpfs.rvu(rvu.code, 'TC');
  const pc = mpfs.rvu(rvu.code, '26');
  return tc && pc
    ? {
        ...NO_INPUTS,
        tc: mpfsAmount(tc, g, cf, facility),
        pc: mpfsAmount(pc, g, cf, facility),
      }
    : undefined;
}

const at = (a: FlatAmount, facility: boolean): Cents => (facility ? a.facility : a.nonFacility);

/** The component a 26 or TC modifier asks for, when the table has it. */
function flatPart(e: FlatFeeEntry, modifiers: readonly string[]): FlatAmount | undefined {
  if (!e.pc && !e.tc) return undefined;
  for (const m of modifiers) {
    if (m === '26') return e.pc;
    if (m === 'TC') return e.tc;
  }
  return undefined;
}

/** One unit from a flat table: a 26 or TC line takes the component amount when the table has it. */
export const flatPrice = (
  e: FlatFeeEntry,
  modifiers: readonly string[],
  facility: boolean,
): Cents => at(flatPart(e, modifiers) ?? e, facility);

/**
 * The rule inputs from a flat table: the endoscopy base (optional ENDO BASE field) and, when the
 * table has them, the TC/PC/PE parts; undefined for other indicators or without the fields.
 */
export function flatInputs(
  e: FlatFeeEntry,
  table: FeeTable,
  facility: boolean,
  modifiers: readonly string[],
): RuleInputs | undefined {
  const m = e.mult;
  if (m === '3') {
    if (!e.endoBase) return undefined;
    const b = table.get(e.endoBase);
    return { ...NO_INPUTS, endoBase: e.endoBase, endoBaseFee: b ? at(b, facility) : null };
  }
  if (m === '5') return e.pe ? { ...NO_INPUTS, pe: at(e.pe, facility) } : undefined;
  if (m !== '4' && m !== '6' && m !== '7') return undefined;
  if (!e.tc || !e.pc) return undefined;
  const part = flatPart(e, modifiers);
  const zero = cents(0);
  if (part === e.tc) return { ...NO_INPUTS, tc: at(e.tc, facility), pc: zero };
  if (part === e.pc) return { ...NO_INPUTS, tc: zero, pc: at(e.pc, facility) };
  return { ...NO_INPUTS, tc: at(e.tc, facility), pc: at(e.pc, facility) };
}

const NO_INPUTS: RuleInputs = {
  endoBase: '',
  endoBaseFee: null,
  tc: null,
  pc: null,
  pe: null,
  rules: [],
};

/** Adds a plain-words rule to line `i` once. Module level: no closure per priced claim. */
function addRuleTo(rules: (string[] | null)[], i: number, r: string): void {
  const list = (rules[i] ??= []);
  if (!list.includes(r)) list.push(r);
}

const scaleOrNull = (c: Cents | null, rate: number) => (c === null ? null : mulRound(c, rate));

/** Every money part of the inputs times `rate` (the role's share or a plan's percentage). */
export function scaleInputs(i: RuleInputs, rate: number, rule: string | null): RuleInputs {
  return {
    endoBase: i.endoBase,
    endoBaseFee: scaleOrNull(i.endoBaseFee, rate),
    tc: scaleOrNull(i.tc, rate),
    pc: scaleOrNull(i.pc, rate),
    pe: scaleOrNull(i.pe, rate),
    rules: rule === null ? i.rules : [...i.rules, rule],
  };
}

/**
 * Modifiers 80/81/82/AS (assistant), 62 (co-surgeon) and 66 (team): the share of the fee the
 * code's indicators allow, or unpriced with the reason. Lines without them pass through.
 */
export function withSurgicalRole(
  fee: MedicareFee,
  modifiers: readonly string[],
  ind: TeamIndicators,
): MedicareFee {
  if (fee.kind !== 'priced' || modifiers.length === 0) return fee;
  const role = surgicalRole(modifiers);
  if (role === null) return fee;
  const o = roleOutcome(role, ind);
  if (o.kind === 'unpriced') return { kind: 'unpriced', reason: o.reason, status: fee.status };
  return {
    ...fee,
    perUnit: mulRound(fee.perUnit, o.rate.paid),
    inputs: scaleInputs(fee.inputs ?? NO_INPUTS, o.rate.paid, o.rule),
    ...(o.documentation ? { needsDocumentation: true as const } : {}),
  };
}

/** The calendar year a flat table's effective date starts in, or null. */
export const tableYear = (from: string): number | null => {
  const y = Number(from.slice(0, 4));
  return Number.isInteger(y) && y > 1900 ? y : null;
};

export interface LineToPrice {
  /** 0-based claim line index. */
  index: number;
  modifiers: readonly string[];
  units: number;
  charge: Cents;
  /** Fee for one unit before procedure rules. */
  perUnit: Cents;
  mult: string;
  bilat: string;
  /** Procedure code: needed to find an endoscopy family's base code among the lines. */
  code?: string | undefined;
  /** Date of service (YYYY-MM-DD): the multiple-procedure rules rank the services of one day. */
  serviceDate?: string | undefined;
  /** From the fee lookup (MedicareFee.inputs): indicator 3–7 inputs and rules already applied. */
  inputs?: RuleInputs | undefined;
}

export interface PricedLine {
  index: number;
  /** Fee schedule amount for the line after the procedure rules and the non-par rate. */
  feeSchedule: Cents;
  /** Lower of the charge and the fee schedule amount. */
  allowed: Cents;
  /** Limiting charge for non-participating providers (115% of the non-par amount), if any. */
  limitingCharge: Cents | null;
  /** Which rules changed the amount, in plain words. */
  rules: string[];
}

export interface PricingOptions {
  /** Non-participating provider: share of the fee schedule (0.95), or null when participating. */
  nonParRate: number | null;
  limitingChargeRate: number | null;
  /** Share for the rendering practitioner (NP/PA/CNS 85%), applied before the non-par rate. */
  practitioner?: { paid: number; label: string } | null;
}

/**
 * Applies bilateral (modifier 50, one unit: indicator 1 pays 150% of one side, indicator 3
 * pays 100% for each side, i.e. 200%); the multiple-procedure indicators 3–7 (endoscopy
 * families, imaging/therapy/cardiovascular/ophthalmology reductions: ./procedure-rules.ts); then
 * the multiple-surgery reduction per day across the indicator-2 units and endoscopy families
 * (each unit is a procedure: the highest at 100%, every other at 50%); then the non-par rate;
 * allowed is the lower of the line charge and that amount.
 */
export function applyPaymentRules(
  lines: readonly LineToPrice[],
  opts: PricingOptions,
): PricedLine[] {
  // Indexed by position in `lines` (not claim line): plain arrays keep this hot path cheap.
  const n = lines.length;
  const rules: (string[] | null)[] = new Array<string[] | null>(n).fill(null);
  const base: number[] = new Array<number>(n).fill(0);
  let slots: Slot[] | null = null;
  let special = false;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    const b = bilateralKind(l);
    const unitAmount =
      b === 0 ? l.perUnit : b === 3 ? cents(l.perUnit * 2) : mulRound(l.perUnit, 1.5);
    const units = b === 0 ? l.units : 1;
    if (l.inputs) for (const r of l.inputs.rules) addRuleTo(rules, i, r);
    if (b !== 0)
      addRuleTo(rules, i, b === 3 ? 'bilateral 200% (100% each side)' : 'bilateral 150%');
    const m = l.mult;
    if (m === '2' || m === '3') {
      slots ??= [];
      const day = l.serviceDate ?? '';
      for (let u = 0; u < units; u++)
        slots.push({ pos: i, amount: unitAmount, order: slots.length, day, parts: null });
    } else base[i] = unitAmount * units;
    // Indicators 4–7 act only when the fee lookup found the parts (TC/PC/PE) to reduce.
    if (m === '3' || (l.inputs && (m === '4' || m === '5' || m === '6' || m === '7')))
      special = true;
  }
  if (special) slots = applyIndicatorRules(lines, slots, base, (i, r) => addRuleTo(rules, i, r));
  if (slots) {
    const ms = PFS_RATES.multipleSurgery;
    const msRule = rateText(ms);
    // Highest-valued first within each day; ties keep claim order (stable, deterministic).
    slots.sort(byDayThenValue);
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k]!;
      const full = k === 0 || slots[k - 1]!.day !== s.day;
      if (s.parts === null) {
        if (!full) addRuleTo(rules, s.pos, msRule);
        base[s.pos] = base[s.pos]! + (full ? s.amount : mulRound(s.amount, ms.paid));
      } else
        for (const p of s.parts) {
          // An endoscopy family counts as one procedure: every part shares its rank.
          if (!full && p.amount > 0) addRuleTo(rules, p.pos, msRule);
          base[p.pos] = base[p.pos]! + (full ? p.amount : mulRound(p.amount, ms.paid));
        }
    }
  }
  const out: PricedLine[] = new Array<PricedLine>(n);
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    let fee = cents(base[i]!);
    let limitingCharge: Cents | null = null;
    if (opts.practitioner) {
      fee = mulRound(fee, opts.practitioner.paid);
      addRuleTo(rules, i, opts.practitioner.label);
    }
    if (opts.nonParRate !== null) {
      fee = mulRound(fee, opts.nonParRate);
      addRuleTo(rules, i, `non-participating ${Math.round(opts.nonParRate * 100)}%`);
      if (opts.limitingChargeRate !== null) limitingCharge = mulRound(fee, opts.limitingChargeRate);
      // The provider may not charge the patient above it. See: Pub. 100-04 ch. 12 §30.3.12.
      if (limitingCharge !== null && l.charge > limitingCharge)
        addRuleTo(rules, i, 'charge above the limiting charge');
    }
    const allowed = l.charge < fee ? l.charge : fee;
    if (l.charge < fee) addRuleTo(rules, i, 'charge below fee schedule');
    out[i] = {
      index: l.index,
      feeSchedule: fee,
      allowed,
      limitingCharge,
      rules: rules[i] ?? NO_RULES,
    };
  }
  return out;
}

const NO_RULES: string[] = [];
