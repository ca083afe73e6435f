/**
 * Service categories for member cost sharing, by code range. Plans state copays and whether the
 * deductible applies per category (office visit, preventive at $0, lab...).
 * See: Medicare Claims Processing Manual (Pub. 100-04) ch. 16 §30 (no deductible or
 * coinsurance for clinical lab tests on the lab fee schedule); ch. 18 (preventive services:
 * annual wellness visit G0438/G0439 and flu vaccine with no cost sharing).
 */
import type { ServiceCategory } from './profile';

interface Range {
  from: string;
  to: string;
  category: ServiceCategory;
}

// Ordered: the first range that contains the code wins. Codes compare as strings of equal length.
const RANGES: readonly Range[] = [
  { from: '99202', to: '99215', category: 'office-visit' },
  { from: '99241', to: '99245', category: 'specialist-visit' },
  { from: '99381', to: '99397', category: 'preventive' },
  { from: 'G0402', to: 'G0402', category: 'preventive' },
  { from: 'G0438', to: 'G0439', category: 'preventive' },
  { from: 'G0008', to: 'G0010', category: 'vaccine' },
  { from: '90471', to: '90474', category: 'vaccine' },
  { from: '90476', to: '90759', category: 'vaccine' },
  { from: '36415', to: '36416', category: 'lab' },
  { from: '80047', to: '89398', category: 'lab' },
  { from: '93000', to: '93010', category: 'diagnostic' },
  { from: '70010', to: '79999', category: 'diagnostic' },
  { from: '10004', to: '69990', category: 'procedure' },
  { from: '96360', to: '96379', category: 'procedure' },
];

const memo = new Map<string, ServiceCategory>();

export function serviceCategory(code: string): ServiceCategory {
  const hit = memo.get(code);
  if (hit) return hit;
  const c = code.toUpperCase();
  let cat: ServiceCategory = 'other';
  for (const r of RANGES)
    if (c.length === r.from.length && c >= r.from && c <= r.to) {
      cat = r.category;
      break;
    }
  if (memo.size < 50_000) memo.set(code, cat);
  return cat;
}
