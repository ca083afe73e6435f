/**
 * The practice's charge master: what the office charges per unit of each code, in cents. One
 * charge per code for every payer (a practice bills its usual charge; the payer's allowed amount
 * comes from its fee schedule). Synthetic ClaimLab amounts, in the range of a primary-care office.
 */
import { cents, type Cents } from '../money';

const table: Record<string, number> = {
  '99202': 9_500,
  '99203': 15_000,
  '99204': 23_000,
  '99205': 30_000,
  '99211': 4_500,
  '99212': 8_500,
  '99213': 12_000,
  '99214': 17_500,
  '99215': 24_000,
  G2211: 2_500,
  '99391': 16_000,
  '99392': 16_500,
  '99393': 17_000,
  '99394': 18_000,
  '99395': 19_000,
  '99396': 21_000,
  '99397': 23_000,
  G0438: 22_000,
  G0439: 18_000,
  '17000': 11_000,
  '17003': 2_000,
  '11102': 15_000,
  '20610': 14_000,
  '12001': 19_000,
  '12002': 24_000,
  '69210': 9_000,
  '93000': 6_000,
  '72148': 120_000,
  '81002': 1_500,
  '36415': 1_500,
};

export const DEFAULT_CHARGE_MASTER: Readonly<Record<string, Cents>> = Object.freeze(
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, cents(v)])),
);
