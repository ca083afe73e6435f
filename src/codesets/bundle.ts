/**
 * The ICD-10-CM bundle format (format version 2): UTF-8 text, gzip-compressed on disk.
 * Line 1 is a JSON header naming the parts and their line counts; then the parts, columnar so a
 * 98,000-code release decodes with one split and no per-code objects:
 *   codes    one dotless code per line, in tabular (order-file) order, each after a digit saying
 *            how many leading characters it shares with the code before ("3A" after "E11" is
 *            E11A...; "E119" after "E11" is "3 9" without the space): 210 KB gzipped -> 17 KB.
 *            Version 1 (still read: bundles imported in a browser before) had the plain codes.
 *   billable one line of 0/1 characters, one per code
 *   short    one per code; empty when equal to the long description
 *   long     one per code
 *            In both, a line starting with U+0001 is derived: the description of the nearest
 *            preceding shorter code it extends (W21.00 for W21.00XA), ", ", then the rest of the
 *            line ("initial encounter"). 60% of the codes carry a 7th character, so this halves
 *            the text to gunzip and split.
 *   meta     one JSON line: chapters, sections, 7th-character rules
 *   notes    one per note: at TAB kind TAB source TAB text TAB targets ("E10", "O10~O11", comma-joined)
 *   addenda  one JSON line
 * Decoding is pure (no zlib): the Node loader gunzips with node:zlib, the worker with
 * DecompressionStream. See: codesets/README.md.
 */
import type { IcdEntry } from '../domain/codes/catalog';
import type { Problem, Result } from '../domain/result';
import type { AddendaEntry } from './icd/addenda';
import type { NoteTarget } from './icd/note-refs';
import type { IcdReleaseData, ReleaseNote, ReleaseSeventh } from './icd/release';
import type { TabularChapter, TabularSection } from './icd/tabular';

export const BUNDLE_FORMAT = 'claimlab.codeset';
/** Version of the JSON bundles (json-bundle.ts). */
export const BUNDLE_VERSION = 1;
/** Version of the ICD-10-CM bundle: keep equal to ICD_BUNDLE_VERSION in scripts/ensure-codesets.mjs. */
export const ICD_BUNDLE_VERSION = 2;

export interface IcdBundleHeader {
  format: typeof BUNDLE_FORMAT;
  version: number;
  kind: 'icd10cm';
  id: string;
  from: string;
  to: string;
  notesRelease: string | null;
  sources: string[];
  /** Part name, line count, length in UTF-16 code units (so a part can be cut out unsplit). */
  parts: [string, number, number][];
}

/** A decoded bundle: columns kept as arrays of strings; notes parsed on first use. */
export interface IcdBundle {
  header: IcdBundleHeader;
  codes: string[];
  billable: string;
  /** Short descriptions: split on first use (most consumers show the long one). */
  short(): string[];
  long: string[];
  chapters: TabularChapter[];
  sections: TabularSection[];
  seventh: ReleaseSeventh[];
  /** Note lines, split on first use. */
  noteLines(): string[];
  addenda: AddendaEntry[];
}

const KIND_LETTER: Record<ReleaseNote['kind'], string> = {
  inclusionTerm: 'i',
  includes: 'n',
  excludes1: '1',
  excludes2: '2',
  codeFirst: 'f',
  useAdditionalCode: 'u',
  codeAlso: 'a',
  notes: 'o',
};
const LETTER_KIND = Object.fromEntries(
  Object.entries(KIND_LETTER).map(([k, v]) => [v, k]),
) as Record<string, ReleaseNote['kind']>;

const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

export function encodeIcdBundle(d: IcdReleaseData): string {
  const n = d.entries.length;
  const codes = d.entries.map((e) => e.code);
  const billable = d.entries.map((e) => (e.billable ? '1' : '0')).join('');
  const longFull = d.entries.map((e) => clean(e.long));
  const shortFull = d.entries.map((e) => clean(e.short));
  const long = longFull.slice();
  const short = shortFull.map((s, i) => (s === longFull[i] ? '' : s));
  let base = -1;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (base >= 0 && c.length === 7 && c.startsWith(codes[base]!)) {
      const bl = longFull[base]!;
      if (longFull[i]!.startsWith(`${bl}, `))
        long[i] = `\u0001${longFull[i]!.slice(bl.length + 2)}`;
      const bs = shortFull[base]!;
      if (short[i] && shortFull[i]!.startsWith(`${bs}, `))
        short[i] = `\u0001${shortFull[i]!.slice(bs.length + 2)}`;
    } else base = i;
  }
  const meta = JSON.stringify({ chapters: d.chapters, sections: d.sections, seventh: d.seventh });
  const notes = d.notes.map((x) =>
    [
      x.at,
      KIND_LETTER[x.kind],
      x.source,
      clean(x.text),
      (x.targets ?? []).map(encTarget).join(','),
    ].join('\t'),
  );
  // Hot parts first (needed to answer get()), cold ones (short, notes, addenda) after.
  const parts: [string, string[]][] = [
    ['codes', frontCode(codes)],
    ['billable', [billable]],
    ['long', long],
    ['meta', [meta]],
    ['short', short],
    ['notes', notes],
    ['addenda', [JSON.stringify(d.addenda)]],
  ];
  const bodies = parts.map(([, lines]) => lines.join('\n'));
  const header: IcdBundleHeader = {
    format: BUNDLE_FORMAT,
    version: ICD_BUNDLE_VERSION,
    kind: 'icd10cm',
    id: d.id,
    from: d.from,
    to: d.to,
    notesRelease: d.notesRelease,
    sources: d.sources,
    parts: parts.map(([name, lines], i) => [name, lines.length, bodies[i]!.length]),
  };
  return [JSON.stringify(header), ...bodies].join('\n');
}

/** Each code after one digit: how many leading characters it shares with the code before (0-9). */
function frontCode(codes: string[]): string[] {
  let prev = '';
  return codes.map((c) => {
    let k = 0;
    while (k < 9 && k < prev.length && k < c.length && prev[k] === c[k]) k++;
    prev = c;
    return `${k}${c.slice(k)}`;
  });
}

/** Undoes frontCode in place; false when a line is not front-coded. */
function unFrontCode(lines: string[]): boolean {
  let prev = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const k = l.charCodeAt(0) - 48;
    if (!(k >= 0 && k <= 9) || k > prev.length) return false;
    lines[i] = prev = prev.slice(0, k) + l.slice(1);
  }
  return true;
}

const encTarget = (t: NoteTarget) => (t.from === t.to ? t.from : `${t.from}~${t.to}`);

export function decodeTargets(s: string): NoteTarget[] | undefined {
  if (!s) return undefined;
  return s.split(',').map((p) => {
    const i = p.indexOf('~');
    return i < 0 ? { from: p, to: p } : { from: p.slice(0, i), to: p.slice(i + 1) };
  });
}

export function decodeNoteLine(line: string): ReleaseNote {
  const [at = '', k = '', source = '', text = '', targets = ''] = line.split('\t');
  const t = decodeTargets(targets);
  return { at, kind: LETTER_KIND[k] ?? 'notes', source, text, ...(t ? { targets: t } : {}) };
}

/** The header of a bundle's text and where it ends, or why it is not an ICD-10-CM bundle. */
function readHeader(
  text: string,
  file: string,
): { ok: true; header: IcdBundleHeader; nl: number } | { ok: false; errors: Problem[] } {
  const bad = (message: string) => ({ ok: false as const, errors: [{ path: file, message }] });
  const nl = text.indexOf('\n');
  let header: IcdBundleHeader;
  try {
    header = JSON.parse(nl < 0 ? text : text.slice(0, nl)) as IcdBundleHeader;
  } catch {
    return bad('not a ClaimLab code-set bundle (the first line is not a JSON header)');
  }
  if (header?.format !== BUNDLE_FORMAT || header.kind !== 'icd10cm')
    return bad('not a ClaimLab ICD-10-CM bundle');
  if (header.version !== ICD_BUNDLE_VERSION && header.version !== 1)
    return bad(
      `bundle format version ${header.version}, this build reads ${ICD_BUNDLE_VERSION}: run "codesets build" again`,
    );
  return { ok: true, header, nl };
}

/** The parts a search index is built from, first in every bundle: a served bundle's head. */
const HEAD_PARTS = ['codes', 'billable', 'long'] as const;

/**
 * Cuts a bundle's text where its head (codes, billable flags, long titles) ends: `head + tail`
 * is the text. The app serves the two halves apart (vite-plugin.ts), so the encoder's index is
 * built from the head before the short titles, notes and addenda (half the bytes) arrive.
 * Null when the text is not a bundle whose parts start with the head's.
 * See: issue 9 "A lean first load".
 */
export function splitIcdBundle(text: string): { head: string; tail: string } | null {
  const h = readHeader(text, 'bundle');
  if (!h.ok || HEAD_PARTS.some((p, i) => h.header.parts[i]?.[0] !== p)) return null;
  const end = h.header.parts.slice(0, HEAD_PARTS.length).reduce((a, [, , n]) => a + n + 1, h.nl);
  return end <= text.length ? { head: text.slice(0, end), tail: text.slice(end) } : null;
}

/** What the head of a bundle holds: enough to build the search index (IcdColumns less short). */
export interface IcdHead {
  header: IcdBundleHeader;
  codes: string[];
  billable: string;
  long: string[];
}

/** Reads the head of a bundle (splitIcdBundle), the same columns decodeIcdBundle gives. */
export function decodeIcdHead(text: string, file: string): Result<IcdHead> {
  const h = readHeader(text, file);
  if (!h.ok) return h;
  const { header, nl } = h;
  const bad = (message: string) => ({ ok: false as const, errors: [{ path: file, message }] });
  if (HEAD_PARTS.some((p, i) => header.parts[i]?.[0] !== p))
    return bad('the bundle does not start with its codes, billable flags and long titles');
  const end = header.parts.slice(0, HEAD_PARTS.length).reduce((a, [, , n]) => a + n + 1, nl);
  if (text.length !== end)
    return bad(
      `bundle head is ${text.length} characters, its header says ${end}: the file is truncated or damaged`,
    );
  const [[, , nc], [, , nb]] = header.parts as [[string, number, number], [string, number, number]];
  const codes = text.slice(nl + 1, nl + 1 + nc).split('\n');
  const billable = text.slice(nl + 2 + nc, nl + 2 + nc + nb);
  const long = text.slice(nl + 3 + nc + nb).split('\n');
  if (header.version !== 1 && !unFrontCode(codes))
    return bad('bundle codes are damaged (a shared-prefix digit is out of range)');
  if (long.length !== codes.length)
    return bad('bundle columns differ in length: the file is damaged');
  expandLong(codes, long);
  return { ok: true, value: { header, codes, billable, long } };
}

export function decodeIcdBundle(text: string, file: string): Result<IcdBundle> {
  const bad = (message: string) => ({ ok: false as const, errors: [{ path: file, message }] });
  const h = readHeader(text, file);
  if (!h.ok) return h;
  const { header, nl } = h;
  const total = header.parts.reduce((a, [, , len]) => a + len + 1, nl);
  if (text.length !== total)
    return bad(
      `bundle is ${text.length} characters, its header says ${total}: the file is truncated or damaged`,
    );
  const raw: Record<string, string> = {};
  let at = nl + 1;
  for (const [name, , len] of header.parts) {
    raw[name] = text.slice(at, at + len);
    at += len + 1;
  }
  const lazy = (name: string) => {
    let cache: string[] | null = null;
    return () => (cache ??= raw[name] ? raw[name].split('\n') : []);
  };
  const codes = raw['codes']?.split('\n') ?? [];
  if (header.version !== 1 && !unFrontCode(codes))
    return bad('bundle codes are damaged (a shared-prefix digit is out of range)');
  const long = raw['long']?.split('\n') ?? [];
  if (long.length !== codes.length)
    return bad('bundle columns differ in length: the file is damaged');
  expandLong(codes, long);
  const shortRaw = lazy('short');
  let short: string[] | null = null;
  try {
    const meta = JSON.parse(raw['meta'] ?? '{}') as Pick<
      IcdBundle,
      'chapters' | 'sections' | 'seventh'
    >;
    return {
      ok: true,
      value: {
        header,
        codes,
        billable: raw['billable'] ?? '',
        long,
        short: () => (short ??= expandShort(codes, long, shortRaw())),
        chapters: meta.chapters ?? [],
        sections: meta.sections ?? [],
        seventh: meta.seventh ?? [],
        noteLines: lazy('notes'),
        addenda: JSON.parse(raw['addenda'] || '[]') as AddendaEntry[],
      },
    };
  } catch (e) {
    return bad(`bundle metadata is not valid JSON (${(e as Error).message})`);
  }
}

/** Rebuilds derived long descriptions in place (see the format notes above). */
function expandLong(codes: string[], long: string[]): void {
  let base = -1;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (base >= 0 && c.length === 7 && c.startsWith(codes[base]!)) {
      const l = long[i]!;
      if (l.charCodeAt(0) === 1) long[i] = `${long[base]}, ${l.slice(1)}`;
    } else base = i;
  }
}

function expandShort(codes: string[], long: string[], short: string[]): string[] {
  let base = -1;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (base >= 0 && c.length === 7 && c.startsWith(codes[base]!)) {
      const s = short[i]!;
      if (s.charCodeAt(0) === 1) short[i] = `${short[base] || long[base]}, ${s.slice(1)}`;
    } else base = i;
  }
  return short;
}

/** A plain entry (so it compares and serialises like any IcdEntry); short titles split on first use. */
export function bundleEntry(b: IcdBundle, i: number): IcdEntry {
  const long = b.long[i] ?? '';
  return {
    code: b.codes[i] ?? '',
    billable: b.billable.charCodeAt(i) === 49,
    short: b.short()[i] || long,
    long,
  };
}
