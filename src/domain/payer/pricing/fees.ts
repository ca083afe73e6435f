/**
 * Fee schedule data as the payer sees it: the Medicare Physician Fee Schedule tables (RVUs,
 * GPCIs by locality, conversion factor) when the MPFS bundle is built, and flat fee tables
 * (the pack's national Medicare table used when the bundle is absent, and plans' own tables).
 * RVUs, GPCIs and the conversion factor are kept as integers (hundredths, thousandths,
 * ten-thousandths) so the CMS formula is computed exactly.
 * See: CMS PFS Relative Value File layout (RVU25D); Medicare Claims Processing Manual ch. 12 §20.
 */
import type { AspTable } from './asp';
import { z } from 'zod';
import { parseMoney, type Cents } from '../../money';
import { formatPath } from '../profile';
import type { Result } from '../../result';
import { isoDateSchema } from '../../time/schema';

export interface RvuEntry {
  code: string;
  /** '' or the pricing modifier of the row (26, TC, 53). */
  modifier: string;
  /** PFS status indicator: A active, R restricted, T injection, B bundled, N non-covered, I not valid for Medicare, X statutory exclusion, C carrier priced, J anesthesia... */
  status: string;
  /** Hundredths of an RVU. */
  work: number;
  peNonFacility: number;
  peFacility: number;
  mp: number;
  pctc: string;
  globalDays: string;
  /** Multiple-procedure indicator (0 none, 2 standard 100/50...). */
  mult: string;
  /** Bilateral indicator (1 = 150% with modifier 50). */
  bilat: string;
  /** ENDO BASE: the base endoscopy of this code's family (multiple-procedure indicator 3), or ''. */
  endoBase: string;
  /** ASST SURG: 0 payable with documentation, 1 not payable, 2 payable, 9 concept does not apply. */
  asstSurg: string;
  /** CO SURG: 0 not permitted, 1 with documentation, 2 permitted, 9 concept does not apply. */
  coSurg: string;
  /** TEAM SURG: 0 not permitted, 1 with documentation, 2 permitted (by report), 9 does not apply. */
  teamSurg: string;
}

export interface Gpci {
  /** "MAC-locality", e.g. "10112-00". */
  key: string;
  state: string;
  name: string;
  /** Thousandths. */
  work: number;
  pe: number;
  mp: number;
}

export interface MpfsTables {
  year: number;
  source: string;
  /** Ten-thousandths of a dollar: 32.3465 -> 323465. */
  conversionFactor: number;
  rvu(code: string, modifier?: string): RvuEntry | undefined;
  gpci(locality: string): Gpci | undefined;
  localities(): Gpci[];
}

/** National GPCIs (1.000): used when a claim names no locality. */
export const NATIONAL_GPCI: Gpci = {
  key: 'national',
  state: '',
  name: 'National (GPCI 1.000)',
  work: 1000,
  pe: 1000,
  mp: 1000,
};

/** "1112-0", "01112-00", "01112 00" -> "01112-00"; null when it is not MAC + locality. */
export function normaliseLocality(raw: string): string | null {
  const m = /^\s*(\d{1,5})\s*[-\s/]\s*(\d{1,2})\s*$/.exec(raw);
  if (!m) return null;
  return `${m[1]!.padStart(5, '0')}-${m[2]!.padStart(2, '0')}`;
}

export interface FlatFeeEntry {
  code: string;
  nonFacility: Cents;
  facility: Cents;
  mult: string;
  bilat: string;
  /** Optional RVU-file indicators (absent in older tables): see RvuEntry. */
  endoBase?: string | undefined;
  asstSurg?: string | undefined;
  coSurg?: string | undefined;
  teamSurg?: string | undefined;
  /** Optional MPFS GLOB DAYS (000, 010, 090, MMM, XXX, YYY, ZZZ) for the global surgery edits. */
  globalDays?: string | undefined;
  /**
   * Optional parts of the amount: professional (26) and technical (TC) components and the
   * practice-expense part, for the imaging/therapy/cardiovascular/ophthalmology reductions and
   * to price a 26 or TC line; absent, those lines are priced at the global amount, unreduced.
   */
  pc?: FlatAmount | undefined;
  tc?: FlatAmount | undefined;
  pe?: FlatAmount | undefined;
  /** How the amount was obtained (e.g. "MPFS 2025 formula at GPCI 1.000"). */
  basis: string;
}

export interface FlatAmount {
  nonFacility: Cents;
  facility: Cents;
}

export interface FeeTable {
  id: string;
  name: string;
  source: string;
  effective: { from: string; to: string | null };
  get(code: string): FlatFeeEntry | undefined;
  size: number;
}

const amount = z
  .string()
  .refine((s) => (parseMoney(s) ?? -1) >= 0, { message: 'must be an amount such as "88.95"' })
  .transform((s) => parseMoney(s) as Cents);

export const FeeTableSchema = z.object({
  formatVersion: z.literal(1),
  id: z.string().min(1),
  name: z.string().min(1),
  source: z.string().min(1),
  effective: z.object({
    from: isoDateSchema(),
    to: isoDateSchema().nullable(),
  }),
  entries: z
    .array(
      z.object({
        code: z.string().regex(/^[0-9A-Z]{5}$/, 'must be a 5-character procedure code'),
        nonFacility: amount,
        facility: amount,
        mult: z.string().regex(/^\d$/).default('0'),
        bilat: z.string().regex(/^\d$/).default('0'),
        // Optional indicators for the multiple-endoscopy and surgical-team rules (additive).
        endoBase: z
          .string()
          .regex(/^[0-9A-Z]{5}$/, 'must be the 5-character base endoscopy code')
          .optional(),
        asstSurg: z.string().regex(/^\d$/).optional(),
        coSurg: z.string().regex(/^\d$/).optional(),
        teamSurg: z.string().regex(/^\d$/).optional(),
        // Optional MPFS global surgery days (additive): read by the global surgery edits.
        globalDays: z
          .enum(['000', '010', '090', 'MMM', 'XXX', 'YYY', 'ZZZ'], {
            message: 'must be an MPFS global days value: 000, 010, 090, MMM, XXX, YYY or ZZZ',
          })
          .optional(),
        pc: z.object({ nonFacility: amount, facility: amount }).optional(),
        tc: z.object({ nonFacility: amount, facility: amount }).optional(),
        pe: z.object({ nonFacility: amount, facility: amount }).optional(),
        basis: z.string().min(1),
      }),
    )
    .min(1),
});

export function parseFeeTable(json: unknown, fileName: string): Result<FeeTable> {
  const r = FeeTableSchema.safeParse(json);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues.map((i) => ({
        path: `${fileName}: ${formatPath(i.path)}`,
        message: `${formatPath(i.path)}: ${i.message}`,
      })),
    };
  const d = r.data;
  const map = new Map(d.entries.map((e) => [e.code, e]));
  if (map.size !== d.entries.length) {
    const seen = new Set<string>();
    const i = d.entries.findIndex((e) => (seen.has(e.code) ? true : (seen.add(e.code), false)));
    return {
      ok: false,
      errors: [
        {
          path: `${fileName}: entries[${i}].code`,
          message: `entries[${i}].code: duplicate code ${d.entries[i]!.code}`,
        },
      ],
    };
  }
  return {
    ok: true,
    value: {
      id: d.id,
      name: d.name,
      source: d.source,
      effective: d.effective,
      get: (c) => map.get(c),
      size: map.size,
    },
  };
}

/** What adjudication can price with. */
export interface FeeSources {
  /** Imported MPFS tables (codesets/build), when built. */
  mpfs?: MpfsTables | undefined;
  /** The pack's national Medicare fee table, used for codes MPFS does not price (labs) and when MPFS is absent. */
  medicareTable?: FeeTable | undefined;
  /** Plans' own tables by file name (profile feeSchedule.kind 'table'). */
  tables?: Readonly<Record<string, FeeTable>>;
  /** Quarterly ASP payment limits for Part B drugs (pricing/asp.ts). */
  asp?: readonly AspTable[];
}
