/**
 * The kind of practitioner who rendered the services (claim `provider.renderingProviderType`),
 * its Health Care Provider Taxonomy code for the 837P (2310B PRV*PE*PXC, or the billing
 * provider's type when the rendering provider is the billing one), and the share of the
 * Physician Fee Schedule amount Medicare pays it.
 * - Nurse practitioners, clinical nurse specialists and physician assistants billing under
 *   their own NPI: 85% of the fee schedule amount (incident-to billing under a physician at 100%
 *   needs direct supervision, Pub. 100-02 ch. 15 §60, and is billed under the physician's NPI).
 * - Certified nurse-midwives: 100% since 2011-01-01 (65% before; ACA §3114).
 * See: SSA §1833(a)(1)(O); 42 CFR 414.56; Pub. 100-02 ch. 15 §190 (PA), §200 (NP), §210 (CNS);
 * Pub. 100-04 ch. 12 §110 (PA), §120 (NP and CNS), §130 (CNM); NUCC Health Care Provider
 * Taxonomy (363L00000X NP, 363A00000X PA, 364S00000X CNS, 367A00000X CNM, 208D00000X general
 * practice).
 */
export const RENDERING_PROVIDER_TYPES = [
  'physician',
  'nurse-practitioner',
  'physician-assistant',
  'clinical-nurse-specialist',
  'certified-nurse-midwife',
] as const;
export type RenderingProviderType = (typeof RENDERING_PROVIDER_TYPES)[number];

interface TypeInfo {
  taxonomy: string;
  /** Medicare's share of the PFS amount, by the date it applies from (newest last). */
  rates: readonly { from: string; paid: number }[];
  label: string;
}

const INFO: Record<RenderingProviderType, TypeInfo> = {
  physician: { taxonomy: '208D00000X', rates: [{ from: '1992-01-01', paid: 1 }], label: '' },
  'nurse-practitioner': {
    taxonomy: '363L00000X',
    rates: [{ from: '1998-01-01', paid: 0.85 }],
    label: 'nurse practitioner',
  },
  'physician-assistant': {
    taxonomy: '363A00000X',
    rates: [{ from: '1998-01-01', paid: 0.85 }],
    label: 'physician assistant',
  },
  'clinical-nurse-specialist': {
    taxonomy: '364S00000X',
    rates: [{ from: '1998-01-01', paid: 0.85 }],
    label: 'clinical nurse specialist',
  },
  'certified-nurse-midwife': {
    taxonomy: '367A00000X',
    rates: [
      { from: '1988-07-01', paid: 0.65 },
      { from: '2011-01-01', paid: 1 },
    ],
    label: 'certified nurse-midwife',
  },
};

export const isRenderingProviderType = (v: unknown): v is RenderingProviderType =>
  typeof v === 'string' && (RENDERING_PROVIDER_TYPES as readonly string[]).includes(v);

export const taxonomyOf = (t: RenderingProviderType): string => INFO[t].taxonomy;

/** The type a taxonomy code names (by its provider-type prefix), if one of ours. */
export function typeOfTaxonomy(code: string): RenderingProviderType | undefined {
  const c = code.trim().toUpperCase();
  if (c.startsWith('363L')) return 'nurse-practitioner';
  if (c.startsWith('363A')) return 'physician-assistant';
  if (c.startsWith('364S')) return 'clinical-nurse-specialist';
  if (c.startsWith('367A')) return 'certified-nurse-midwife';
  if (c.startsWith('20')) return 'physician';
  return undefined;
}

/**
 * Medicare's share of the PFS amount for services the type renders on the date, with the
 * words the priced line shows; null when paid in full (a physician, or no type given).
 */
export function medicareShareFor(
  t: RenderingProviderType | undefined,
  date: string,
): { paid: number; label: string } | null {
  if (!t) return null;
  const info = INFO[t];
  let paid = 1;
  for (const r of info.rates) if (r.from <= date) paid = r.paid;
  if (paid === 1) return null;
  return { paid, label: `${info.label} ${Math.round(paid * 100)}%` };
}
