/**
 * Numbered pack migrations. `MIGRATIONS[n]` turns an assembled pack of schema version n into
 * version n + 1. Each is pure, never throws on bad input (a value it does not understand is
 * carried over for the schema to report at its path) and keeps keys it does not know, so an
 * unknown key in an old pack is still reported (v1 silently dropped them).
 * See: scenarios/README.md "Schema versions and migrations".
 */
import { fiscalYear, isIsoDate } from '../../domain/time/dates';
import { SCHEMA_VERSION } from './v2';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies own keys of `o` except `taken` (prototype keys are copied as plain data properties). */
function rest(o: Obj, taken: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of Object.keys(o))
    if (!taken.includes(k))
      Object.defineProperty(out, k, {
        value: o[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return out;
}

/** The ICD-10-CM fiscal year a date falls in (FY2026 = 2025-10-01 … 2026-09-30). */
export function fiscalYearOf(date: string): string {
  return `FY${fiscalYear(date)}`;
}

const GUIDELINE_REF = /\b(Guidelines? [IVX]+(?:\.[A-Za-z0-9]+)*)/g;

function migrateAlternative(a: unknown): unknown {
  if (!isObj(a)) return a;
  const out = rest(a, ['credit']);
  // v1 had only "partial"; v2 gives the share of the item's points.
  out.credit = a.credit === 'partial' ? 0.5 : a.credit;
  return out;
}

function migrateAnswerItem(x: unknown): unknown {
  if (!isObj(x)) return x;
  const out = rest(x, ['alternatives']);
  if ('alternatives' in x)
    out.alternatives = Array.isArray(x.alternatives)
      ? Array.from(x.alternatives, migrateAlternative)
      : x.alternatives;
  return out;
}

/** A format-1 case file → a v2 case. */
export function migrateCase1to2(c: unknown): unknown {
  if (!isObj(c)) return c;
  const taken = [
    'format',
    'id',
    'title',
    'summary',
    'setting',
    'patient',
    'payerId',
    'provider',
    'serviceDate',
    'documentation',
    'chargeMaster',
    'accumulators',
    'answer',
  ];
  const answer = isObj(c.answer) ? c.answer : undefined;
  const refs = new Set<string>();
  if (answer)
    for (const part of [answer.diagnoses, answer.lines])
      if (Array.isArray(part))
        for (const it of part)
          if (isObj(it) && typeof it.rationale === 'string')
            for (const m of it.rationale.matchAll(GUIDELINE_REF))
              refs.add(`ICD-10-CM Official ${m[1]}`);
  const out: Obj = {
    id: c.id,
    title: c.title,
    summary: c.summary,
    learningObjectives: [
      typeof c.title === 'string' ? `Code and bill: ${c.title}` : 'Code and bill the encounter',
    ],
    tags: { chapters: [], topics: ['format-1'], setting: c.setting },
    difficulty: 'core',
    references: refs.size
      ? [...refs].slice(0, 20)
      : ['scenarios/README.md (format 1 case: see the rationales)'],
    patient: isObj(c.patient) ? { kind: 'fixed', ...rest(c.patient, []) } : c.patient,
    encounter: {
      payerId: c.payerId,
      provider: c.provider,
      serviceDate: c.serviceDate,
      chargeMaster: c.chargeMaster,
      ...('accumulators' in c ? { accumulators: c.accumulators } : {}),
    },
    documentation: c.documentation,
    answer: answer
      ? {
          ...rest(answer, ['diagnoses', 'lines', 'expectedFindings']),
          diagnoses: Array.isArray(answer.diagnoses)
            ? Array.from(answer.diagnoses, migrateAnswerItem)
            : answer.diagnoses,
          lines: Array.isArray(answer.lines)
            ? Array.from(answer.lines, migrateAnswerItem)
            : answer.lines,
          // v1 never said how the key adjudicates: a clean key is paid.
          expected: {
            status: 'paid',
            findings: Array.isArray(answer.expectedFindings) ? answer.expectedFindings : [],
          },
        }
      : c.answer,
    ...rest(c, taken),
  };
  return out;
}

/**
 * Format 1 → 2. The v1 assembled pack is the manifest with `cases` and `payers` replaced by the
 * files' contents. v1 had no dates, code-set releases, authors, licence or changelog: they are
 * derived (effectiveFrom = the earliest date of service) or given neutral values.
 */
export function migrate1to2(p: unknown): unknown {
  if (!isObj(p)) return p;
  const cases = Array.isArray(p.cases) ? Array.from(p.cases, migrateCase1to2) : p.cases;
  // Array.from, not .map: a hostile array's own `constructor` key must not pick the result's type.
  const dates = Array.from(Array.isArray(p.cases) ? p.cases : [])
    .map((c) => (isObj(c) && typeof c.serviceDate === 'string' ? c.serviceDate : ''))
    .filter((d) => isIsoDate(d))
    .sort();
  const first = dates[0] ?? '2025-10-01';
  return {
    schemaVersion: 2,
    id: p.id,
    version: p.version,
    title: p.title,
    description: p.description,
    effectiveFrom: first,
    codeSets: { icd10cm: fiscalYearOf(first) },
    authors: [{ name: 'ClaimLab contributors' }],
    licence: 'Synthetic training content; see the ClaimLab repository licence',
    payers: p.payers,
    cases,
    ...rest(p, ['format', 'id', 'version', 'title', 'description', 'payers', 'cases']),
  };
}

export const MIGRATIONS: Readonly<Record<number, (p: unknown) => unknown>> = { 1: migrate1to2 };

/** The schema version a raw pack declares (`format` in v1, `schemaVersion` after), or null. */
export function declaredVersion(p: unknown): number | null {
  if (!isObj(p)) return null;
  const v = 'schemaVersion' in p ? p.schemaVersion : p.format;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** Runs the migrations from the declared version up to the current one. */
export function migrateToCurrent(p: unknown): {
  value: unknown;
  from: number | null;
  error?: string;
} {
  const from = declaredVersion(p);
  if (from === null)
    return { value: p, from, error: 'declares no schemaVersion (or format) number' };
  if (from > SCHEMA_VERSION)
    return {
      value: p,
      from,
      error: `schemaVersion ${from} is newer than this ClaimLab reads (${SCHEMA_VERSION})`,
    };
  if (from < 1) return { value: p, from, error: `schemaVersion ${from} does not exist` };
  let v = p;
  for (let n = from; n < SCHEMA_VERSION; n++) v = MIGRATIONS[n]!(v);
  return { value: v, from };
}
