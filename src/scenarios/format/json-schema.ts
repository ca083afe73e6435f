/**
 * The JSON Schema of a format-2 pack (single-file form, every part inline), generated from the
 * zod schema for editors: `"$schema": "../pack.schema.json"` in a pack file gives completion and
 * unknown-key warnings. Written by `npm run -s pack-schema` to scenarios/pack.schema.json; a test
 * checks that the file is up to date. Cross-file and content checks (codes, NPI, answer keys)
 * are only in `pack validate`.
 */
import { z } from 'zod';
import { packV2Schema } from './v2';

export const PACK_SCHEMA_FILE = 'scenarios/pack.schema.json';

export function packJsonSchema(): string {
  const schema = z.toJSONSchema(packV2Schema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(
    {
      ...schema,
      $id: 'https://claimlab.invalid/pack.schema.json',
      title: 'ClaimLab scenario pack, schema version 2',
      description:
        'Generated from src/scenarios/format/v2.ts by npm run -s pack-schema; do not edit. A folder pack lists part files by path instead of inline items.',
    },
    null,
    2,
  )}\n`;
}
