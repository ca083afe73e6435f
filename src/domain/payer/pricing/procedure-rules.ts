/**
 * Multiple-procedure indicators 3 to 7 of the Physician Fee Schedule, applied per day:
 * - 3, multiple endoscopy: within a family (codes sharing an ENDO BASE, plus the base itself)
 *   the highest-valued endoscopy is paid in full, each other one at its value minus the base
 *   endoscopy's value, and the base is not paid separately; the family then counts as ONE
 *   procedure in the indicator-2 multiple-surgery ranking. An endoscopy billed without another
 *   member of its family follows the standard (indicator 2) rules.
 * - 4, diagnostic imaging: TC of the second and later services 50%, PC 95%.
 * - 5, therapy: practice-expense part of the second and later units/procedures 50%.
 * - 6 / 7, diagnostic cardiovascular / ophthalmology: TC of lower-valued services 75% / 80%.
 * Each unit is one procedure; the highest-valued part (TC, PC or PE) of the day is paid in full.
 * See: Pub. 100-04 ch. 12 §40.6.2 (multiple endoscopies: "pay the full value of the higher
 * valued endoscopy, plus the difference between the next highest and the base endoscopy";
 * unrelated families each count as one service in the multiple-surgery rules); CMS PFS Relative
 * Value File read-me (RVU25D), MULT PROC indicators 3–7 and ENDO BASE. Rates: ./pfs-rates.ts.
 */
import { mulRound, type Cents } from '../../money';
import { PFS_RATES, rateText, type PfsRate } from './pfs-rates';

/** Per-unit inputs of the indicator 3–7 rules, built by the fee lookup for the lines that need them. */
export interface RuleInputs {
  /** ENDO BASE of the code (indicator 3) and the base's fee for one unit in the same setting. */
  endoBase: string;
  endoBaseFee: Cents | null;
  /** Technical and professional parts of one unit (indicators 4, 6, 7); null when unknown. */
  tc: Cents | null;
  pc: Cents | null;
  /** Practice-expense part of one unit (indicator 5). */
  pe: Cents | null;
  /** Rules already applied to the per-unit fee (assistant at surgery 16%…). */
  rules: readonly string[];
}

/** What these rules read from a line (a subset of pricing's LineToPrice). */
export interface RuleLine {
  code?: string | undefined;
  modifiers: readonly string[];
  units: number;
  mult: string;
  bilat: string;
  serviceDate?: string | undefined;
  inputs?: RuleInputs | undefined;
}

/** One procedure in the multiple-surgery ranking: a unit, or an endoscopy family (`parts`). */
export interface Slot {
  pos: number;
  amount: number;
  order: number;
  day: string;
  parts: { pos: number; amount: number }[] | null;
}

export type AddRule = (pos: number, rule: string) => void;

/** 0: not bilateral; 1: modifier 50 with indicator 1 (150%); 3: indicator 3 (200%). */
export function bilateralKind(l: RuleLine): 0 | 1 | 3 {
  if (l.bilat !== '1' && l.bilat !== '3') return 0;
  return l.modifiers.includes('50') ? (l.bilat === '1' ? 1 : 3) : 0;
}

/** Sort order of ranked units: by day, highest first, ties in claim order (deterministic). */
export const byDayThenValue = (a: Slot, b: Slot): number =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : b.amount - a.amount || a.order - b.order;

/**
 * Applies indicators 4–7 to `base` (amount per line position) and regroups endoscopy families
 * among the indicator-2/3 slots; returns the slots to rank with the multiple-surgery rule.
 */
export function applyIndicatorRules(
  lines: readonly RuleLine[],
  slots: Slot[] | null,
  base: number[],
  addRule: AddRule,
): Slot[] | null {
  componentReductions(lines, base, addRule);
  return slots ? endoscopyFamilies(lines, slots, addRule) : slots;
}

interface Family {
  base: string;
  baseFee: Cents;
  scopes: Slot[];
  bases: Slot[];
}

function endoscopyFamilies(lines: readonly RuleLine[], slots: Slot[], addRule: AddRule): Slot[] {
  let fams: Map<string, Family> | null = null;
  for (const s of slots) {
    const i = lines[s.pos]!.inputs;
    if (lines[s.pos]!.mult !== '3' || !i?.endoBase || i.endoBaseFee === null) continue;
    const key = `${s.day}|${i.endoBase}`;
    fams ??= new Map();
    if (!fams.has(key))
      fams.set(key, { base: i.endoBase, baseFee: i.endoBaseFee, scopes: [], bases: [] });
  }
  if (!fams) return slots;
  const out: Slot[] = [];
  for (const s of slots) {
    const l = lines[s.pos]!;
    const scope =
      l.mult === '3' && l.inputs?.endoBase ? fams.get(`${s.day}|${l.inputs.endoBase}`) : undefined;
    const asBase = scope ? undefined : l.code ? fams.get(`${s.day}|${l.code}`) : undefined;
    if (scope) scope.scopes.push(s);
    else if (asBase) asBase.bases.push(s);
    else out.push(s);
  }
  for (const f of fams.values()) {
    if (f.scopes.length + f.bases.length < 2) {
      out.push(...f.scopes); // a lone endoscopy: standard multiple-surgery rules
      continue;
    }
    f.scopes.sort(byDayThenValue);
    const parts: { pos: number; amount: number }[] = [];
    let total = 0;
    f.scopes.forEach((s, k) => {
      // The base's value is built into every family member: pay it once, with the highest.
      const a = k === 0 ? s.amount : Math.max(0, s.amount - f.baseFee);
      if (k > 0) addRule(s.pos, `multiple endoscopy: fee minus base endoscopy ${f.base}`);
      parts.push({ pos: s.pos, amount: a });
      total += a;
    });
    for (const s of f.bases) {
      addRule(s.pos, `base endoscopy ${f.base} not paid separately (included in the family)`);
      parts.push({ pos: s.pos, amount: 0 });
    }
    const top = f.scopes[0]!;
    out.push({ pos: top.pos, amount: total, order: top.order, day: top.day, parts });
  }
  return out;
}

type Part = 'tc' | 'pc' | 'pe';
const COMPONENT_RULES: readonly { mult: string; part: Part; rate: PfsRate }[] = [
  { mult: '4', part: 'tc', rate: PFS_RATES.imagingTc },
  { mult: '4', part: 'pc', rate: PFS_RATES.imagingPc },
  { mult: '5', part: 'pe', rate: PFS_RATES.therapyPe },
  { mult: '6', part: 'tc', rate: PFS_RATES.cardioTc },
  { mult: '7', part: 'tc', rate: PFS_RATES.ophthalmologyTc },
];

/** Indicators 4–7: the part of every unit after the day's highest is paid at the rule's rate. */
function componentReductions(lines: readonly RuleLine[], base: number[], addRule: AddRule): void {
  for (const r of COMPONENT_RULES) {
    let units: Slot[] | null = null;
    lines.forEach((l, pos) => {
      const v = l.mult === r.mult ? l.inputs?.[r.part] : null;
      if (v === null || v === undefined) return;
      const b = bilateralKind(l);
      const amount = b === 0 ? v : b === 3 ? v * 2 : mulRound(v, 1.5);
      const n = b === 0 ? l.units : 1;
      units ??= [];
      for (let u = 0; u < n; u++)
        units.push({ pos, amount, order: units.length, day: l.serviceDate ?? '', parts: null });
    });
    if (!units || (units as Slot[]).length < 2) continue;
    const ranked = (units as Slot[]).sort(byDayThenValue);
    ranked.forEach((s, k) => {
      if (k === 0 || ranked[k - 1]!.day !== s.day) return; // the day's highest: in full
      const cut = s.amount - mulRound(s.amount, r.rate.paid);
      if (cut <= 0) return;
      base[s.pos] = base[s.pos]! - cut;
      addRule(s.pos, rateText(r.rate));
    });
  }
}
