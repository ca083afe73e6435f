/**
 * The catalog the practice's payer checks codes against in the page: the app's catalog (the
 * starter set unless official bundles were loaded in the page) with the codes of this practice's
 * answer keys added. The answer keys come from the packs' case templates, which `pack validate`
 * checks against the official code sets for their dates of service (issue 15: "every generated
 * answer key is valid for its date of service"), so a visit coded as documented never comes back
 * `code.invalid` only because the starter set is small. A code the trainee types that is in
 * neither is still invalid, unless the user's imported official code sets say it is valid for
 * the date of service: `verified` holds those (looked up in the code-set worker before the claim
 * goes out, practice.svelte.ts), keyed by date of service and code.
 */
import type { CodeCatalog, IcdEntry, IcdRelease, ProcedureEntry } from '../domain/codes/catalog';
import { icdKey } from '../domain/codes/code';
import type { GeneratedEncounter } from '../domain/world/encounter';

const SOURCE = 'practice case templates (checked by pack validate)';

/** Codes the official code sets confirmed for a date of service (`${date}|${code}`). */
export interface VerifiedCodes {
  icd: ReadonlyMap<string, IcdEntry>;
  procedures: ReadonlyMap<string, ProcedureEntry>;
}

const NONE: VerifiedCodes = { icd: new Map(), procedures: new Map() };

/** The release for one date of service, with the codes verified for that date. */
function onDate(r: IcdRelease, date: string, verified: VerifiedCodes): IcdRelease {
  return { ...r, get: (c) => r.get(c) ?? verified.icd.get(`${date}|${icdKey(c)}`) };
}

function withIcd(r: IcdRelease, extra: ReadonlyMap<string, IcdEntry>): IcdRelease {
  if (!extra.size) return r;
  const mine = [...extra.values()].filter((e) => !r.get(e.code));
  return {
    ...r,
    get: (c) => r.get(c) ?? extra.get(icdKey(c)),
    size: () => r.size() + mine.length,
    entries: function* () {
      yield* r.entries();
      yield* mine;
    },
  };
}

export function practiceCatalog(
  base: CodeCatalog,
  visits: Iterable<Pick<GeneratedEncounter, 'answer'>>,
  verified: VerifiedCodes = NONE,
): CodeCatalog {
  const icd = new Map<string, IcdEntry>();
  const procs = new Map<string, ProcedureEntry>();
  for (const v of visits) {
    for (const d of v.answer.diagnoses) {
      const code = icdKey(d);
      icd.set(code, {
        code,
        billable: true,
        short: `${code} (${SOURCE})`,
        long: `${code} (${SOURCE})`,
      });
    }
    for (const l of v.answer.lines) {
      const code = l.code.trim().toUpperCase();
      procs.set(code, {
        code,
        system: /^\d/.test(code) ? 'CPT' : 'HCPCS',
        display: `${code} (${SOURCE})`,
        effective: null,
        terminated: null,
        ownWording: true,
        source: SOURCE,
      });
    }
  }
  const releases = new Map<string, IcdRelease>();
  const wrap = (r: IcdRelease) => {
    let w = releases.get(r.id);
    if (!w) releases.set(r.id, (w = withIcd(r, icd)));
    return w;
  };
  return {
    ...base,
    describe: () =>
      `${base.describe()} + ${icd.size + procs.size} codes of the practice's templates`,
    icd10: (date) => {
      const r = base.icd10(date);
      if (!r.ok) return r;
      return {
        ok: true,
        value: verified.icd.size ? onDate(wrap(r.value), date, verified) : wrap(r.value),
      };
    },
    procedure: (code, date) => {
      const k = code.trim().toUpperCase();
      return base.procedure(code, date) ?? procs.get(k) ?? verified.procedures.get(`${date}|${k}`);
    },
    ...(base.procedureOn
      ? {
          procedureOn: (code: string, date: string) => {
            const v = base.procedureOn!(code, date);
            const k = code.trim().toUpperCase();
            const mine = procs.get(k) ?? verified.procedures.get(`${date}|${k}`);
            return v.entry || !mine ? v : { ...v, entry: mine };
          },
        }
      : {}),
    ...(base.procedures
      ? { procedures: (date: string) => [...base.procedures!(date), ...procs.values()] }
      : {}),
    releases: () => base.releases().map(wrap),
  };
}
