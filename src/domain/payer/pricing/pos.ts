/**
 * Facility places of service: the Physician Fee Schedule pays the facility PE RVU for these
 * and the non-facility PE RVU elsewhere (office 11, home 12, telehealth in the home 10...).
 * See: CMS Place of Service code set (facility flags as in ../shared/reference/pos, Sept 2023);
 * Medicare Claims Processing Manual ch. 12 §20.4.2 (site-of-service payment differential).
 */
export const FACILITY_POS: ReadonlySet<string> = new Set([
  '02',
  '06',
  '08',
  '19',
  '21',
  '22',
  '23',
  '24',
  '26',
  '31',
  '34',
  '41',
  '42',
  '51',
  '52',
  '53',
  '56',
  '61',
]);

export const isFacilityPos = (pos: string): boolean => FACILITY_POS.has(pos);
