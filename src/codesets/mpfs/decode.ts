/**
 * The MPFS bundle as data: its zod schema and the pricing tables over it. Pure (no node:*), so
 * the CLI (bundle.ts reads the file with node:zlib) and the code-set worker (DecompressionStream)
 * share it. See: ../shared/reference/README.md (mpfs/2025); CMS RVU25D.
 */
import { z } from 'zod';
import type { Result } from '../../domain/result';
import type { Gpci, MpfsTables, RvuEntry } from '../../domain/payer/pricing/fees';

export const MPFS_BUNDLE_FILE = 'mpfs-2025.json.gz';
export const MPFS_FORMAT = 'claimlab.mpfs';
/**
 * Bumped whenever the RVU row layout changes (2: ENDO BASE, ASST/CO/TEAM SURG added), so an older
 * bundle is rebuilt: scripts/ensure-codesets.mjs compares it (keep its MPFS_FORMAT_VERSION equal;
 * test/payer/payment-rules.test.ts checks that they match).
 */
export const MPFS_FORMAT_VERSION = 2;
const FORMAT = MPFS_FORMAT;

const BundleSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(MPFS_FORMAT_VERSION),
  year: z.number().int(),
  source: z.string(),
  conversionFactor: z.number().int().positive(),
  rvus: z.array(
    z.tuple([
      z.string(),
      z.string(),
      z.string(),
      z.number(),
      z.number(),
      z.number(),
      z.number(),
      z.string(),
      z.string(),
      z.string(),
      z.string(),
      // endoBase, asstSurg, coSurg, teamSurg (format 2)
      z.string(),
      z.string(),
      z.string(),
      z.string(),
    ]),
  ),
  gpcis: z.array(z.tuple([z.string(), z.string(), z.string(), z.number(), z.number(), z.number()])),
  counties: z.array(z.tuple([z.string(), z.string(), z.string(), z.string()])),
});

/** Tables over parsed bundle data. */
export function mpfsTables(d: {
  year: number;
  source: string;
  conversionFactor: number;
  rvus: RvuEntry[];
  gpcis: Gpci[];
}): MpfsTables {
  // Rows without a pricing modifier by code; modifier rows (26, TC, 53) by code|modifier.
  const plain = new Map<string, RvuEntry>();
  const withMod = new Map<string, RvuEntry>();
  for (const r of d.rvus) {
    if (r.modifier) withMod.set(`${r.code}|${r.modifier}`, r);
    else plain.set(r.code, r);
  }
  const g = new Map(d.gpcis.map((x) => [x.key, x]));
  return {
    year: d.year,
    source: d.source,
    conversionFactor: d.conversionFactor,
    rvu: (code, modifier = '') => (modifier ? withMod.get(`${code}|${modifier}`) : plain.get(code)),
    gpci: (key) => g.get(key),
    localities: () => [...g.values()],
  };
}

/** Checks a parsed bundle (JSON) and builds its tables; errors name `file` and the field. */
export function decodeMpfsBundle(raw: unknown, file: string): Result<MpfsTables> {
  const v = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof raw === 'object' && raw !== null && typeof v === 'number' && v !== MPFS_FORMAT_VERSION)
    return {
      ok: false,
      errors: [
        {
          path: `${file}: formatVersion`,
          message: `MPFS bundle format ${v} is ${v < MPFS_FORMAT_VERSION ? 'older' : 'newer'} than this ClaimLab reads (${MPFS_FORMAT_VERSION}); rebuild it with \`npm run -s claimlab -- codesets build\``,
        },
      ],
    };
  const r = BundleSchema.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues
        .slice(0, 5)
        .map((i) => ({ path: `${file}: ${i.path.join('.')}`, message: i.message })),
    };
  const d = r.data;
  return {
    ok: true,
    value: mpfsTables({
      year: d.year,
      source: d.source,
      conversionFactor: d.conversionFactor,
      rvus: d.rvus.map(
        ([
          code,
          modifier,
          status,
          work,
          peNonFacility,
          peFacility,
          mp,
          pctc,
          globalDays,
          mult,
          bilat,
          endoBase,
          asstSurg,
          coSurg,
          teamSurg,
        ]) => ({
          code,
          modifier,
          status,
          work,
          peNonFacility,
          peFacility,
          mp,
          pctc,
          globalDays,
          mult,
          bilat,
          endoBase,
          asstSurg,
          coSurg,
          teamSurg,
        }),
      ),
      gpcis: d.gpcis.map(([key, state, name, work, pe, mp]) => ({
        key,
        state,
        name,
        work,
        pe,
        mp,
      })),
    }),
  };
}
