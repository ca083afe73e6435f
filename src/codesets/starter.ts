/**
 * The starter code set committed with ClaimLab: a few hundred common ICD-10-CM codes (FY2026
 * titles, public domain), the starter CPT codes with our own wording, HCPCS Level II codes and
 * common modifiers. The app and CLI run on it when no official bundle has been built.
 * See: codesets/README.md for how the official bundles replace it.
 */
import icdJson from '../../codesets/starter/icd10cm-starter.json';
import procJson from '../../codesets/starter/procedures.json';
import type { CodeCatalog, IcdEntry, ModifierEntry, ProcedureEntry } from '../domain/codes/catalog';
import { err, ok } from '../domain/result';
import { makeRelease } from './release-index';

interface StarterIcdFile {
  release: string;
  from: string;
  to: string;
  rows: [string, number, string][];
}
interface StarterProcFile {
  procedures: { code: string; system: 'CPT' | 'HCPCS'; display: string }[];
  modifiers: { code: string; display: string }[];
  seventhCharacters: Record<string, Record<string, string>>;
}

let cached: CodeCatalog | undefined;

export function starterCatalog(): CodeCatalog {
  if (cached) return cached;
  const icd = icdJson as unknown as StarterIcdFile;
  const proc = procJson as unknown as StarterProcFile;
  const entries: IcdEntry[] = icd.rows.map(([code, billable, title]) => ({
    code,
    billable: billable === 1,
    short: title,
    long: title,
  }));
  const release = makeRelease({
    id: icd.release,
    from: icd.from,
    to: icd.to,
    origin: 'starter',
    notesRelease: null,
    entries,
    seventh: proc.seventhCharacters,
    seventhSource: `${icd.release} (starter set)`,
  });
  const procedures = new Map<string, ProcedureEntry>(
    proc.procedures.map((p) => [
      p.code,
      { ...p, effective: null, terminated: null, ownWording: true },
    ]),
  );
  const modifiers = new Map<string, ModifierEntry>(
    proc.modifiers.map((m) => [m.code, { ...m, effective: null, terminated: null }]),
  );
  cached = {
    describe: () =>
      `Starter set: ICD-10-CM ${icd.release} (${entries.length} codes), ${procedures.size} CPT/HCPCS codes`,
    icd10: (date) =>
      date >= release.from && date <= release.to
        ? ok(release)
        : err({
            path: 'serviceDate',
            message: `No loaded ICD-10-CM release covers the date of service ${date}: the starter set covers ${release.id} (${release.from} to ${release.to}). Build the official code sets (npm run -s claimlab -- codesets build) for other years.`,
          }),
    procedure: (code) => procedures.get(code.trim().toUpperCase()),
    modifier: (code) => modifiers.get(code.trim().toUpperCase()),
    procedures: () => [...procedures.values()],
    modifiers: () => [...modifiers.values()],
    releases: () => [release],
  };
  return cached;
}
