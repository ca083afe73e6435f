/**
 * Which tabular year supplies a release's notes, read from the built manifest: a release with
 * no tabular of its own (FY2026 here) borrows the newest earlier one the reference folder has,
 * and findings name that year. Tests ask this instead of pinning a year, so a newer tabular in
 * ../shared/reference moves them along with the data.
 */
import { join } from 'node:path';
import { readManifest } from '../../src/codesets/load-node';

export function notesReleaseFor(id: string, dir = join(__dirname, '../../codesets/build')): string {
  const bundle = readManifest(dir)?.bundles.find((b) => b.kind === 'icd10cm' && b.id === id);
  const notes = bundle && 'notesRelease' in bundle ? bundle.notesRelease : null;
  if (!notes) throw new Error(`no built ICD-10-CM ${id} bundle with notes in ${dir}`);
  return notes;
}
