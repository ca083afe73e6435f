/**
 * Sharing packs as one file (issue 14 "Share"): export a pack as one JSON file; read an imported
 * file with its size checked before anything is parsed, then validated (structure, every
 * problem with its path) before anything is stored; and flag text that looks like a real
 * patient's identifiers before export (the author then attests the content is synthetic).
 * Pure: the caller reads the file and stores the pack. Never throws.
 * See: HIPAA Safe Harbor identifiers, 45 CFR 164.514(b)(2) (names, dates, phone numbers, SSNs,
 * medical record numbers), https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/
 */
import type { Problem } from '../domain/result';
import { readAssembled } from './format/index';
import type { PackV2 } from './format/v2';
import { assembleStored } from './stored';
import type { StructureContext } from './validate-pack';

/** The largest pack file the studio reads (a pack of 200 long cases is about 2 MB). */
export const MAX_PACK_FILE_BYTES = 5 * 1024 * 1024;

export type ImportResult =
  { ok: true; raw: unknown; pack: PackV2 } | { ok: false; problems: Problem[] };

/**
 * Reads an imported pack file: `size` (bytes, from the File) is checked before the text is
 * read or parsed, then JSON, then the pack's structure against the app's packs (`ctx`).
 */
export async function readPackFile(
  file: { name: string; size: number; text(): Promise<string> },
  ctx: StructureContext,
  limit = MAX_PACK_FILE_BYTES,
): Promise<ImportResult> {
  const name = String(file.name || 'pack file');
  if (!(file.size >= 0) || file.size > limit)
    return {
      ok: false,
      problems: [
        {
          path: name,
          message: `the file is ${fmtBytes(file.size)}; a pack file may be at most ${fmtBytes(limit)}`,
        },
      ],
    };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, problems: [{ path: name, message: `could not be read: ${String(e)}` }] };
  }
  return parsePackText(text, name, ctx, limit);
}

/** The same checks on text already in memory (its length counted in UTF-8 bytes first). */
export function parsePackText(
  text: string,
  name: string,
  ctx: StructureContext,
  limit = MAX_PACK_FILE_BYTES,
): ImportResult {
  // A string's UTF-8 size is at most 3 bytes per UTF-16 unit: skip the exact count when safe.
  const bytes = text.length * 3 <= limit ? text.length : new TextEncoder().encode(text).length;
  if (bytes > limit)
    return {
      ok: false,
      problems: [
        { path: name, message: `the file is ${fmtBytes(bytes)}; at most ${fmtBytes(limit)}` },
      ],
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: name, message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
  return checkPack(raw, name, ctx);
}

/** Structure check of a parsed pack; problems are named `<name>: <path>`. */
export function checkPack(raw: unknown, name: string, ctx: StructureContext): ImportResult {
  try {
    const a = assembleStored('import', raw);
    const r = readAssembled(a, ctx);
    const rename = (p: Problem) => ({
      ...p,
      path: p.path.replace(/^studio\/import\/pack\.json/, name),
    });
    if (!r.ok || !r.pack) {
      const problems = r.problems.map(rename);
      return {
        ok: false,
        problems: problems.length ? problems : [{ path: name, message: 'the pack did not load' }],
      };
    }
    return { ok: true, raw: a.raw, pack: r.pack };
  } catch (e) {
    // The reader never throws; this is a last guard so an import can only fail with a message.
    return { ok: false, problems: [{ path: name, message: `could not be read: ${String(e)}` }] };
  }
}

const fmtBytes = (n: number) =>
  !Number.isFinite(n)
    ? 'of unknown size'
    : n >= 1024 * 1024
      ? `${(n / 1024 / 1024).toFixed(1)} MB`
      : `${Math.ceil(n / 1024)} KB`;

/** The exported file: the pack as one JSON document, and a file name from its id and version. */
export function exportPack(raw: unknown): { name: string; text: string } {
  const p = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; version?: unknown };
  const { $schema: _drop, ...rest } = p as Record<string, unknown>;
  void _drop;
  const id = typeof p.id === 'string' ? p.id : 'pack';
  const v = typeof p.version === 'string' ? p.version : '0.0.0';
  return { name: `${id}-${v}.claimlab-pack.json`, text: `${JSON.stringify(rest, null, 2)}\n` };
}

// ---------------------------------------------------------------- identifiers before export

export interface PiiFlag {
  path: string;
  kind: 'ssn' | 'phone' | 'mrn' | 'dob-with-name' | 'email';
  /** The matched text, partly masked. */
  sample: string;
}

const PATTERNS: { kind: PiiFlag['kind']; re: RegExp }[] = [
  { kind: 'ssn', re: /\b(?!000|666|9\d\d)\d{3}[- ](?!00)\d{2}[- ](?!0000)\d{4}\b/g },
  { kind: 'phone', re: /(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b/g },
  {
    kind: 'mrn',
    re: /\b(?:MRN|medical record(?: number| no\.?)?|chart (?:number|no\.?))\s*[:#]?\s*[A-Z0-9-]{5,}/gi,
  },
  { kind: 'email', re: /\b[\w.+-]+@(?!example\.(?:com|org|net)\b)[\w-]+\.[\w.]+\b/gi },
  {
    kind: 'dob-with-name',
    re: /\b(?:DOB|date of birth|born)\s*[:]?\s*(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})/gi,
  },
];

const mask = (s: string) => s.replace(/\d(?=[\d\s().-]*\d{2})/g, '•');

/** Names that are obviously made up do not count as "real-looking" (Test Patient, Jane Doe). */
const PLACEHOLDER_NAME = /^(test|patient|sample|demo|jane|john|doe|synthetic|example|x+)$/i;

/**
 * Text in the pack that looks like a real patient's identifiers: SSNs, phone numbers, medical
 * record numbers, e-mail addresses, and a full date of birth written next to a name (in a note,
 * or a fixed patient whose name does not look made up). Walks at most 200,000 strings.
 */
export function piiFlags(pack: unknown): PiiFlag[] {
  const out: PiiFlag[] = [];
  let budget = 200_000;
  const walk = (v: unknown, path: string, depth: number) => {
    if (budget-- <= 0 || depth > 64 || out.length >= 200) return;
    if (typeof v === 'string') {
      for (const { kind, re } of PATTERNS)
        for (const m of v.slice(0, 200_000).matchAll(re))
          out.push({ path, kind, sample: mask(m[0]) });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (
        o.kind === 'fixed' &&
        typeof o.firstName === 'string' &&
        typeof o.lastName === 'string' &&
        typeof o.birthDate === 'string' &&
        !PLACEHOLDER_NAME.test(o.firstName) &&
        !PLACEHOLDER_NAME.test(o.lastName)
      )
        out.push({
          path: `${path}.birthDate`,
          kind: 'dob-with-name',
          sample: `${o.firstName} ${o.lastName}, born ${o.birthDate}`,
        });
      for (const k of Object.keys(o)) walk(o[k], path ? `${path}.${k}` : k, depth + 1);
    }
  };
  walk(pack, '', 0);
  return out;
}

export const PII_LABELS: Record<PiiFlag['kind'], string> = {
  ssn: 'looks like a Social Security number',
  phone: 'looks like a phone number',
  mrn: 'looks like a medical record number',
  email: 'looks like an e-mail address',
  'dob-with-name': 'a full date of birth next to a name',
};
