/**
 * The build manifest (codesets/build/manifest.json, and the same record in IndexedDB for
 * imported files): which bundles exist, the releases and date ranges they cover, their counts
 * and the official files they came from. Validated with zod when read (it crosses a boundary).
 */
import { z } from 'zod';
import { isoDateSchema } from '../domain/time/schema';

export const MANIFEST_FORMAT = 'claimlab.codeset-manifest';
export const MANIFEST_VERSION = 1;

const base = {
  id: z.string(),
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sources: z.array(z.string()),
};
const range = {
  from: isoDateSchema(),
  to: isoDateSchema(),
};

export const manifestEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('icd10cm'),
    ...base,
    ...range,
    notesRelease: z.string().nullable(),
    counts: z.object({
      codes: z.number(),
      billable: z.number(),
      notes: z.number(),
      notesByKind: z.record(z.string(), z.number()),
      seventhRules: z.number(),
      excludes1RefsParsed: z.number(),
    }),
  }),
  z.object({
    kind: z.literal('hcpcs'),
    ...base,
    ...range,
    counts: z.object({ procedures: z.number(), modifiers: z.number() }),
  }),
  z.object({ kind: z.literal('pos'), ...base, counts: z.object({ codes: z.number() }) }),
  z.object({ kind: z.literal('mce'), ...base, counts: z.record(z.string(), z.number()) }),
]);
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

const KINDS = new Set(['icd10cm', 'hcpcs', 'pos', 'mce']);

// Other importers (search index, MPFS…) may list their own bundles here with other kinds:
// those entries are kept as they are and not interpreted.
const fileSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  bundles: z.array(z.looseObject({ kind: z.string() })),
});

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  bundles: ManifestEntry[];
  /** Entries of other kinds, preserved when the manifest is rewritten. */
  others?: { kind: string }[];
}

type Issue = { path: PropertyKey[]; message: string } | undefined;

export function parseManifest(
  json: unknown,
  where: string,
): { ok: true; value: Manifest } | { ok: false; message: string } {
  const fail = (issue: Issue, prefix = '') => ({
    ok: false as const,
    message: `${where}: ${issue ? `${prefix}${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid manifest'}`,
  });
  const r = fileSchema.safeParse(json);
  if (!r.success) return fail(r.error.issues[0]);
  const bundles: ManifestEntry[] = [];
  const others: { kind: string }[] = [];
  for (const [i, b] of r.data.bundles.entries()) {
    if (!KINDS.has(b.kind)) {
      others.push(b);
      continue;
    }
    const e = manifestEntrySchema.safeParse(b);
    if (!e.success) return fail(e.error.issues[0], `bundles.${i}.`);
    bundles.push(e.data);
  }
  return {
    ok: true,
    value: {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      bundles,
      ...(others.length ? { others } : {}),
    },
  };
}

/** The manifest as written to disk: known entries, then the other importers' entries. */
export const manifestJson = (m: Manifest): string =>
  JSON.stringify(
    { format: m.format, version: m.version, bundles: [...m.bundles, ...(m.others ?? [])] },
    null,
    2,
  ) + '\n';
