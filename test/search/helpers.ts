/** Small synthetic release for engine tests (our own rows; the real titles are in the FY2026 tests). */
import { buildSearchIndex } from '../../src/domain/codes/search';
import type { SearchEntry, SearchHit } from '../../src/domain/codes/search/types';

/** One synthetic release row (short title = long title). */
export const row = (code: string, billable: boolean, long: string): SearchEntry => ({
  code,
  billable,
  short: long,
  long,
});
/** A billable row. */
export const billableRow = (code: string, long: string): SearchEntry => row(code, true, long);
/** A description hit with score 1, for ordering rules fed hits directly. */
export const hit = (code: string, title: string): SearchHit => ({
  code,
  display: code,
  title,
  billable: true,
  score: 1,
  via: 'description',
});
/** The top five codes a search over `rows` alone (no Index terms) gives for `q`. */
export const codesOf = (rows: SearchEntry[], q: string): string[] =>
  buildSearchIndex(rows, [])
    .search(q, { limit: 5 })
    .hits.map((h) => h.code);

export const ENTRIES: SearchEntry[] = [
  row('E10', false, 'Type 1 diabetes mellitus'),
  row('E1065', true, 'Type 1 diabetes mellitus with hyperglycemia'),
  row('E109', true, 'Type 1 diabetes mellitus without complications'),
  row('E11', false, 'Type 2 diabetes mellitus'),
  row('E1165', true, 'Type 2 diabetes mellitus with hyperglycemia'),
  row('E119', true, 'Type 2 diabetes mellitus without complications'),
  row('E780', false, 'Pure hypercholesterolemia'),
  row('E7800', true, 'Pure hypercholesterolemia, unspecified'),
  row('E7801', false, 'Familial hypercholesterolemia'),
  row('E78010', true, 'Homozygous familial hypercholesterolemia'),
  row('E78019', true, 'Familial hypercholesterolemia, unspecified'),
  row('E785', true, 'Hyperlipidemia, unspecified'),
  row('I10', true, 'Essential (primary) hypertension'),
  row('I21', false, 'Acute myocardial infarction'),
  row('I213', true, 'ST elevation (STEMI) myocardial infarction of unspecified site'),
  row('I509', true, 'Heart failure, unspecified'),
  row('J189', true, 'Pneumonia, unspecified organism'),
  row('N390', true, 'Urinary tract infection, site not specified'),
  row('O244', false, 'Gestational diabetes mellitus'),
  row('O24419', true, 'Gestational diabetes mellitus in pregnancy, unspecified control'),
  row('S720', false, 'Fracture of head and neck of femur'),
  row(
    'S72001A',
    true,
    'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
  ),
  row(
    'S72001D',
    true,
    'Fracture of unspecified part of neck of right femur, subsequent encounter for closed fracture with routine healing',
  ),
];
