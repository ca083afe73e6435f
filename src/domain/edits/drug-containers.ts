/**
 * The usual container of Part B drug codes given in a physician's office or clinic: the fact
 * the JW/JZ discarded-drug policy turns on (single-dose containers need JZ or JW on Medicare
 * claims; multiple-dose containers are outside the policy). The claim does not carry the vial
 * used, so this is curated, dated data: each row holds from `from` to `to` (inclusive, null =
 * still in force) and names the labeling it is taken from.
 *
 * Curated honestly: a code is listed only when every product billed under it (as marketed for
 * office use on the dates given) comes in a single-dose container, or only in multiple-dose
 * ones. Codes whose products come in both (e.g. J1100 dexamethasone, J3420 cyanocobalamin,
 * J0885 epoetin alfa, J9355 trastuzumab 150 mg single-dose / 420 mg multiple-dose vials,
 * J1030/J1040 methylprednisolone acetate, J2405 ondansetron 2 mL single-dose / 20 mL
 * multiple-dose vials, J1626 granisetron 1 mL single-dose / 4 mL multiple-dose vials) are left
 * out: the provider knows which vial was used, and the scrubber does not judge what it cannot
 * know.
 * Every code below is in the CMS ASP payment allowance file for 2025 Q4 (or in a shipped pack).
 * See: CMS "Medicare Program Discarded Drugs and Biologicals — JW Modifier and JZ Modifier
 * Policy Frequently Asked Questions"; Pub. 100-04 ch. 17 §40; FDA labeling (DailyMed) named
 * in each row's source.
 */
export type Container = 'single-dose' | 'multiple-dose';

export interface DrugContainer {
  code: string;
  container: Container;
  /** ISO dates, inclusive; `to` null while in force. */
  from: string;
  to: string | null;
  /** What the container is taken from (the FDA labeling's "how supplied"). */
  source: string;
}

/** JZ exists from 2023-01-01 (CY2023 PFS final rule): the table starts there. */
const SINCE = '2023-01-01';
const ASP = 'in the CMS ASP file 2025 Q4';

const row = (code: string, container: Container, label: string): DrugContainer => ({
  code,
  container,
  from: SINCE,
  to: null,
  source: `FDA labeling (how supplied): ${label}; code ${ASP}`,
});

export const DRUG_CONTAINER_TABLE: readonly DrugContainer[] = [
  row(
    'J1885',
    'single-dose',
    'ketorolac tromethamine injection USP 15 mg/mL and 30 mg/mL single-dose vials',
  ),
  row('J0585', 'single-dose', 'Botox (onabotulinumtoxinA) 100 and 200 unit single-dose vials'),
  row(
    'J0897',
    'single-dose',
    'Prolia 60 mg/mL single-dose prefilled syringe; Xgeva 120 mg/1.7 mL single-dose vial (denosumab)',
  ),
  row(
    'J0178',
    'single-dose',
    'Eylea (aflibercept) 2 mg single-dose vial and single-dose prefilled syringe',
  ),
  row(
    'J2778',
    'single-dose',
    'Lucentis (ranibizumab) single-dose vial and single-dose prefilled syringe',
  ),
  row(
    'J9035',
    'single-dose',
    'Avastin (bevacizumab) 100 mg/4 mL and 400 mg/16 mL single-dose vials',
  ),
  row('J9271', 'single-dose', 'Keytruda (pembrolizumab) 100 mg/4 mL single-dose vial'),
  row(
    'J9312',
    'single-dose',
    'Rituxan (rituximab) 100 mg/10 mL and 500 mg/50 mL single-dose vials',
  ),
  row('J1745', 'single-dose', 'Remicade (infliximab) 100 mg single-dose vial'),
  row(
    'J3489',
    'single-dose',
    'Reclast 5 mg/100 mL single-dose bottle; Zometa 4 mg/5 mL single-dose vial (zoledronic acid)',
  ),
  row('J0129', 'single-dose', 'Orencia (abatacept) for intravenous use 250 mg single-dose vial'),
  row('J2350', 'single-dose', 'Ocrevus (ocrelizumab) 300 mg/10 mL single-dose vial'),
  row(
    'J2357',
    'single-dose',
    'Xolair (omalizumab) 150 mg single-dose vial and single-dose prefilled syringes',
  ),
  row(
    'J0881',
    'single-dose',
    'Aranesp (darbepoetin alfa) single-dose vials and single-dose prefilled syringes',
  ),
  row(
    'J3111',
    'single-dose',
    'Evenity (romosozumab-aqqg) 105 mg/1.17 mL single-dose prefilled syringe',
  ),
  row('J1439', 'single-dose', 'Injectafer (ferric carboxymaltose) 750 mg/15 mL single-dose vial'),
  row(
    'J0490',
    'single-dose',
    'Benlysta (belimumab) for intravenous use 120 mg and 400 mg single-dose vials',
  ),
  row('J2323', 'single-dose', 'Tysabri (natalizumab) 300 mg/15 mL single-dose vial'),
  row('J1602', 'single-dose', 'Simponi Aria (golimumab) 50 mg/4 mL single-dose vial'),
  row('J1756', 'single-dose', 'Venofer (iron sucrose) 50, 100 and 200 mg single-dose vials'),
  row(
    'J2916',
    'single-dose',
    'Ferrlecit (sodium ferric gluconate complex) 62.5 mg/5 mL single-dose vial',
  ),
  row(
    'J2469',
    'single-dose',
    'Aloxi and generic palonosetron HCl injection 0.25 mg/5 mL single-dose vials',
  ),
  row(
    'J9045',
    'multiple-dose',
    'carboplatin injection 10 mg/mL multiple-dose vials (50, 150, 450 and 600 mg)',
  ),
  row('J9267', 'multiple-dose', 'paclitaxel injection 6 mg/mL multiple-dose vials'),
  row(
    'J3301',
    'multiple-dose',
    'Kenalog-10 and Kenalog-40 (triamcinolone acetonide injectable suspension) multiple-dose vials',
  ),
  row(
    'J0702',
    'multiple-dose',
    'Celestone Soluspan (betamethasone sodium phosphate and betamethasone acetate) 5 mL multiple-dose vial',
  ),
];

const byCode = new Map<string, DrugContainer[]>();
for (const r of DRUG_CONTAINER_TABLE) {
  const list = byCode.get(r.code) ?? [];
  list.push(r);
  byCode.set(r.code, list);
}

/** The container of a drug code on a date of service, or undefined when the table does not say. */
export function containerOn(code: string, date: string): DrugContainer | undefined {
  const rows = byCode.get(code);
  if (!rows) return undefined;
  for (const r of rows) if (r.from <= date && (r.to === null || date <= r.to)) return r;
  // Before the table starts (JZ did not exist) the policy's own dates decide; the container is
  // a fact of the product, so the earliest row still says what it was.
  return date < rows[0]!.from ? rows[0] : undefined;
}
