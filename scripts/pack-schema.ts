/** Writes scenarios/pack.schema.json from the zod pack schema (see src/scenarios/format/json-schema.ts). */
import { writeFileSync } from 'node:fs';
import { PACK_SCHEMA_FILE, packJsonSchema } from '../src/scenarios/format/json-schema';

writeFileSync(PACK_SCHEMA_FILE, packJsonSchema());
console.error(`wrote ${PACK_SCHEMA_FILE}`);
