/** The expert claims judge real codes: they need the official bundles built in codesets/build. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = join(process.cwd(), 'codesets', 'build');

export function hasOfficialCodesets(): boolean {
  return (
    existsSync(join(BUILD, 'manifest.json')) &&
    existsSync(join(BUILD, 'mpfs-2025.json.gz')) &&
    existsSync(join(BUILD, 'hcpcs-2026.json.gz'))
  );
}
