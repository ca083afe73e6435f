/**
 * Small code sets (HCPCS, place of service, MCE) are stored as one JSON document each:
 * `{ format, version, kind, id, data }`, gzip-compressed on disk. Validated with zod on load.
 */
import { z } from 'zod';
import { isoDateSchema } from '../domain/time/schema';
import type { HcpcsRecord } from './hcpcs';
import type { MceLists } from './mce';
import type { PlaceOfServiceEntry } from './pos';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle';

const date = isoDateSchema().nullable();
const hcpcsSchema = z.array(
  z.object({
    kind: z.enum(['procedure', 'modifier']),
    code: z.string(),
    long: z.string(),
    short: z.string(),
    pricing: z.array(z.string()),
    multiplePricing: z.string(),
    coverage: z.string(),
    betos: z.string(),
    added: date,
    actionEffective: date,
    terminated: date,
    action: z.string(),
  }),
);
const posSchema = z.array(
  z.object({ code: z.string(), name: z.string(), description: z.string(), facility: z.boolean() }),
);
const mceSchema = z.object({
  version: z.string(),
  age: z.object({
    newborn: z.array(z.string()),
    pediatric: z.array(z.string()),
    maternity: z.array(z.string()),
    adult: z.array(z.string()),
  }),
  sex: z.object({ M: z.array(z.string()), F: z.array(z.string()) }),
  manifestation: z.array(z.string()),
  unacceptablePrincipal: z.array(z.string()),
  ageYear: z.number().int().optional(),
  sexYear: z.number().int().optional(),
  olderAge: z
    .array(
      z.object({
        year: z.number().int(),
        version: z.string(),
        age: z.object({
          newborn: z.array(z.string()),
          pediatric: z.array(z.string()),
          maternity: z.array(z.string()),
          adult: z.array(z.string()),
        }),
      }),
    )
    .optional(),
});

const head = {
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  id: z.string(),
};
export const jsonBundleSchema = z.discriminatedUnion('kind', [
  z.object({
    ...head,
    kind: z.literal('hcpcs'),
    from: z.string(),
    to: z.string(),
    data: hcpcsSchema,
  }),
  z.object({ ...head, kind: z.literal('pos'), data: posSchema }),
  z.object({ ...head, kind: z.literal('mce'), data: mceSchema }),
]);
export type JsonBundle = z.infer<typeof jsonBundleSchema>;

// Compile-time checks that the schemas and the parser types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _h: Same<z.infer<typeof hcpcsSchema>[number], HcpcsRecord> = true;
const _p: Same<z.infer<typeof posSchema>[number], PlaceOfServiceEntry> = true;
const _m: Same<z.infer<typeof mceSchema>, MceLists> = true;
void _h;
void _p;
void _m;

export function decodeJsonBundle(
  text: string,
  file: string,
): { ok: true; value: JsonBundle } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      message: `${file}: not JSON (${(e as Error).message}): the file is truncated or not a bundle`,
    };
  }
  const r = jsonBundleSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0];
  return {
    ok: false,
    message: `${file}: ${i ? `${i.path.join('.')}: ${i.message}` : 'invalid bundle'}`,
  };
}
