/**
 * Pricing: the Medicare Physician Fee Schedule formula and the payment rules that act on it
 * (site of service, bilateral, multiple-procedure reduction, non-participating rate, limiting
 * charge, lower of charge and fee schedule).
 * See: 42 CFR 414.22 and Medicare Claims Processing Manual (Pub. 100-04) ch. 12 §20 (fee
 * schedule formula), §40.6 (multiple surgery, indicator 2), §40.7 (bilateral, indicator 1),
 * §30.3 (non-participating 95% and limiting charge 115%); CMS RVU file RVU25D read-me
 * (bilateral indicator 3: 100% of the fee for each side; status T: paid only when no other PFS
 * service is billed the same day).
 */
import { cents, mulRound, type Cents } from '../money';
import {
  NATIONAL_GPCI,
  normaliseLocality,
  type FeeSources,
  type Gpci,
  type RvuEntry,
} from './fees';
import { isFacilityPos } from './pos';

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
    }
  | {
      kind: 'unpriced';
      reason: 'not-on-schedule' | 'bundled' | 'non-covered' | 'invalid-for-medicare';
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
      if (PRICED_STATUSES.has(rvu.status)) {
        let g: Gpci | undefined = NATIONAL_GPCI;
        if (locality.trim()) {
          const key = normaliseLocality(locality);
          g = key ? mpfs.gpci(key) : undefined;
          if (!g) return { kind: 'unknown-locality', locality };
        }
        return {
          kind: 'priced',
          perUnit: mpfsAmount(rvu, g, mpfs.conversionFactor, facility),
          mult: rvu.mult,
          bilat: rvu.bilat,
          source: sourceText(mpfs.source, g.key, facility, mpfs.year),
          locality: g.key,
          status: rvu.status,
          year: mpfs.year,
        };
      }
    }
  }
  const t = medicareTable?.get(code);
  if (t) {
    const year = tableYear(medicareTable!.effective.from);
    return {
      kind: 'priced',
      perUnit: facility ? t.facility : t.nonFacility,
      mult: t.mult,
      bilat: t.bilat,
      source: `${medicareTable!.name} (${t.basis}), ${facility ? 'facility' : 'non-facility'}${year === null ? '' : `; pricing year CY${year}`}`,
      locality: 'national',
      status: null,
      year,
    };
  }
  if (status === 'B' || status === 'P') return { kind: 'unpriced', reason: 'bundled', status };
  if (status === 'N' || status === 'X' || status === 'E')
    return { kind: 'unpriced', reason: 'non-covered', status };
  if (status === 'I') return { kind: 'unpriced', reason: 'invalid-for-medicare', status };
  return { kind: 'unpriced', reason: 'not-on-schedule', status };
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
}

/**
 * Applies bilateral (modifier 50, one unit: indicator 1 pays 150% of one side, indicator 3
 * pays 100% for each side, i.e. 200%), then the
 * multiple-procedure reduction across all lines with indicator 2 (each unit is a procedure:
 * the highest at 100%, every other at 50%), then the non-par rate; allowed is the lower of the
 * line charge and that amount.
 */
export function applyPaymentRules(
  lines: readonly LineToPrice[],
  opts: PricingOptions,
): PricedLine[] {
  // Indexed by position in `lines` (not claim line): plain arrays keep this hot path cheap.
  const n = lines.length;
  const rules: (string[] | null)[] = new Array<string[] | null>(n).fill(null);
  const addRule = (i: number, r: string) => {
    const list = (rules[i] ??= []);
    if (!list.includes(r)) list.push(r);
  };
  const base: number[] = new Array<number>(n).fill(0);
  let slots: { pos: number; amount: Cents; order: number }[] | null = null;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    const mod50 = l.modifiers.includes('50');
    const bilateral = mod50 && (l.bilat === '1' || l.bilat === '3');
    const unitAmount = !bilateral
      ? l.perUnit
      : l.bilat === '3'
        ? cents(l.perUnit * 2)
        : mulRound(l.perUnit, 1.5);
    const units = bilateral ? 1 : l.units;
    if (bilateral)
      addRule(i, l.bilat === '3' ? 'bilateral 200% (100% each side)' : 'bilateral 150%');
    if (l.mult === '2') {
      slots ??= [];
      for (let u = 0; u < units; u++)
        slots.push({ pos: i, amount: unitAmount, order: slots.length });
    } else base[i] = unitAmount * units;
  }
  if (slots) {
    // Highest-valued first; ties keep claim order (stable, deterministic).
    slots.sort((a, b) => b.amount - a.amount || a.order - b.order);
    slots.forEach((s, k) => {
      if (k > 0) addRule(s.pos, 'multiple procedure 50%');
      base[s.pos] = base[s.pos]! + (k === 0 ? s.amount : mulRound(s.amount, 0.5));
    });
  }
  const out: PricedLine[] = new Array<PricedLine>(n);
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    let fee = cents(base[i]!);
    let limitingCharge: Cents | null = null;
    if (opts.nonParRate !== null) {
      fee = mulRound(fee, opts.nonParRate);
      addRule(i, `non-participating ${Math.round(opts.nonParRate * 100)}%`);
      if (opts.limitingChargeRate !== null) limitingCharge = mulRound(fee, opts.limitingChargeRate);
      // The provider may not charge the patient above it. See: Pub. 100-04 ch. 12 §30.3.12.
      if (limitingCharge !== null && l.charge > limitingCharge)
        addRule(i, 'charge above the limiting charge');
    }
    const allowed = l.charge < fee ? l.charge : fee;
    if (l.charge < fee) addRule(i, 'charge below fee schedule');
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
