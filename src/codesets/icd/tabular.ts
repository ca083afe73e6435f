/**
 * Parser for the CDC/NCHS ICD-10-CM Tabular List XML (icd10cm_tabular_YYYY.xml, any year):
 * chapters, sections, the code hierarchy, every instructional note and the 7th-character
 * definitions with the codes they apply to. Pure: takes the file text, returns data.
 * See: icd10cm_tabular.xsd (CDC/NCHS) for the element names; ICD-10-CM Official Guidelines
 * Section I.A.12–I.A.13 (Excludes, etiology/manifestation) and I.A.5 (7th characters).
 */
import type { IcdNote } from '../../domain/codes/catalog';
import type { Result } from '../../domain/result';
import { lineAt, tokenize, XmlError } from '../xml';

export type NoteKind = IcdNote['kind'];

export interface TabularChapter {
  num: string;
  desc: string;
  first: string;
  last: string;
}
export interface TabularSection {
  /** "S00-S09" as in the file. */
  id: string;
  desc: string;
  /** Dotless first and last category of the range. */
  first: string;
  last: string;
  chapter: string;
}
export interface TabularCode {
  /** Dotless. */
  code: string;
  desc: string;
  /** Dotless parent code, or '' for a category (its parent is the section). */
  parent: string;
  section: string;
  /** The XML marks subcategories that exist only to carry a placeholder X (e.g. H21.1X). */
  placeholder: boolean;
  leaf: boolean;
}
export interface TabularNote {
  /** Dotless code, a section id ("S00-S09") or "chapter-19". */
  at: string;
  kind: NoteKind;
  text: string;
}
/** A rule that removes some 7th characters for codes with a given 6th character (S06 7/8). */
export interface SeventhException {
  /** Dotless prefix of the codes concerned (e.g. "S06"). */
  prefix: string;
  /** 1-based character position and the values it must have for the exception to apply. */
  position: number;
  values: string[];
  notAllowed: string[];
}
export interface TabularSeventh {
  at: string;
  characters: Record<string, string>;
  exceptions: SeventhException[];
}
export interface TabularData {
  /** The <version> text, e.g. "2021". */
  version: string;
  chapters: TabularChapter[];
  sections: TabularSection[];
  codes: TabularCode[];
  notes: TabularNote[];
  seventh: TabularSeventh[];
}

const NOTE_CONTAINERS = new Set<string>([
  'inclusionTerm',
  'includes',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
]);
const TEXT_ELEMENTS = new Set(['name', 'desc', 'note', 'extension', 'version']);
const CODE_RE = /^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

interface Ctx {
  kind: 'root' | 'chapter' | 'section' | 'diag' | 'other';
  name: string;
  desc: string;
  id: string;
  placeholder: boolean;
  offset: number;
  code: string;
  hasChildren: boolean;
  seventh?: TabularSeventh;
  seventhNotes: string[];
  /** sevenChrNote and notes texts: where the exceptions to a 7th-character rule are written. */
  ruleTexts: string[];
}

/**
 * Parses the tabular. Errors (not XML, wrong root, an addenda file, a diag without a valid
 * name, truncation) name the file and line.
 */
export function parseTabularXml(text: string, fileName: string): Result<TabularData> {
  try {
    return { ok: true, value: parse(text, fileName) };
  } catch (e) {
    if (e instanceof XmlError)
      return {
        ok: false,
        errors: [{ path: `${e.file}:${e.line}`, message: e.message.replace(/^[^:]+:\d+: /, '') }],
      };
    throw e;
  }
}

function parse(text: string, file: string): TabularData {
  const out: TabularData = {
    version: '',
    chapters: [],
    sections: [],
    codes: [],
    notes: [],
    seventh: [],
  };
  const stack: Ctx[] = [];
  let container: NoteKind | 'sevenChrNote' | null = null;
  let inSevenDef: TabularSeventh | null = null;
  let extChar = '';
  let textBuf: string[] | null = null;
  let textEl = '';
  let textDepth = 0;
  let depth = 0;
  let sawRoot = false;
  let chapter: TabularChapter | null = null;
  let section: TabularSection | null = null;
  const fail = (offset: number, msg: string): never => {
    throw new XmlError(file, lineAt(text, offset), msg);
  };
  const newCtx = (kind: Ctx['kind'], offset: number): Ctx => ({
    kind,
    name: '',
    desc: '',
    id: '',
    placeholder: false,
    offset,
    code: '',
    hasChildren: false,
    seventhNotes: [],
    ruleTexts: [],
  });
  const owner = (): Ctx | undefined => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind !== 'other') return stack[k];
    return undefined;
  };
  const atOf = (c: Ctx): string =>
    c.kind === 'diag'
      ? c.code
      : c.kind === 'section'
        ? c.id
        : c.kind === 'chapter'
          ? `chapter-${c.name}`
          : '';

  for (const t of tokenize(text, file)) {
    if (t.type === 'text') {
      if (textBuf) textBuf.push(t.text);
      continue;
    }
    if (t.type === 'open') {
      depth++;
      const nm = t.name;
      if (!sawRoot) {
        sawRoot = true;
        if (nm !== 'ICD10CM.tabular')
          fail(
            t.offset,
            `root element is <${nm}>, expected <ICD10CM.tabular>: not an ICD-10-CM tabular XML file`,
          );
        if (t.attrs['isAddenda'] === 'true')
          fail(
            t.offset,
            'this is a tabular addenda file (isAddenda="true"), not the full Tabular List',
          );
        stack.push(newCtx('root', t.offset));
        continue;
      }
      if (TEXT_ELEMENTS.has(nm) && !textBuf) {
        textBuf = [];
        textEl = nm;
        textDepth = depth;
        if (nm === 'extension') extChar = (t.attrs['char'] ?? '').trim().toUpperCase();
        continue;
      }
      if (textBuf) continue; // <new>/<old>/<diff> inside text: keep collecting
      if (nm === 'chapter' || nm === 'section' || nm === 'diag') {
        const c = newCtx(nm, t.offset);
        if (nm === 'section') c.id = (t.attrs['id'] ?? '').trim();
        if (nm === 'diag') c.placeholder = t.attrs['placeholder'] === 'true';
        const parent = owner();
        if (parent) parent.hasChildren = true;
        stack.push(c);
        if (nm === 'section') {
          if (!chapter) fail(t.offset, '<section> outside a <chapter>');
          const [first = '', last = first] = c.id.split('-');
          section = {
            id: c.id,
            desc: '',
            first: first.replace('.', ''),
            last: last.replace('.', ''),
            chapter: chapter!.num,
          };
          out.sections.push(section);
        }
        continue;
      }
      if (NOTE_CONTAINERS.has(nm)) {
        container = nm as NoteKind | 'sevenChrNote';
        stack.push(newCtx('other', t.offset));
        continue;
      }
      if (nm === 'sevenChrDef') {
        const o = owner();
        inSevenDef = { at: o ? atOf(o) : '', characters: {}, exceptions: [] };
        if (o) o.seventh = inSevenDef;
        stack.push(newCtx('other', t.offset));
        continue;
      }
      stack.push(newCtx('other', t.offset));
      continue;
    }
    // close
    if (textBuf && depth === textDepth && t.name === textEl) {
      const value = textBuf.join('').replace(/\s+/g, ' ').trim();
      textBuf = null;
      depth--;
      const o = owner();
      if (textEl === 'version' && stack.length === 1) out.version = value;
      else if (textEl === 'name' && o && !container && !inSevenDef) {
        o.name = value;
        if (o.kind === 'diag') {
          if (!CODE_RE.test(value))
            fail(t.offset, `<diag> name "${value}" is not an ICD-10-CM code`);
          o.code = value.replace('.', '');
          const parentDiag = stack
            .slice(0, -1)
            .reverse()
            .find((s) => s.kind === 'diag');
          if (!section) fail(t.offset, `<diag> ${value} outside a <section>`);
          out.codes.push({
            code: o.code,
            desc: '',
            parent: parentDiag?.code ?? '',
            section: section!.id,
            placeholder: o.placeholder,
            leaf: true,
          });
        } else if (o.kind === 'chapter') {
          chapter = { num: value, desc: '', first: '', last: '' };
          out.chapters.push(chapter);
        }
      } else if (textEl === 'desc' && o && !container && !inSevenDef) {
        o.desc = value;
        if (o.kind === 'diag') {
          const last = out.codes[out.codes.length - 1];
          if (last && last.code === o.code) last.desc = value;
        } else if (o.kind === 'chapter' && chapter) chapter.desc = value;
        else if (o.kind === 'section' && section) section.desc = value;
      } else if (textEl === 'note' && container && o && value) {
        if (container === 'sevenChrNote') o.seventhNotes.push(value);
        else out.notes.push({ at: atOf(o), kind: container, text: value });
        if (container === 'sevenChrNote' || container === 'notes') o.ruleTexts.push(value);
      } else if (textEl === 'extension' && inSevenDef) {
        if (!/^[0-9A-Z]$/.test(extChar))
          fail(t.offset, `7th-character extension char="${extChar}" is not one character`);
        inSevenDef.characters[extChar] = value;
      }
      continue;
    }
    if (textBuf) {
      depth--;
      continue;
    }
    depth--;
    const top = stack.pop();
    if (!top) continue;
    if (top.kind === 'other') {
      if (t.name === 'sevenChrDef') inSevenDef = null;
      else if (NOTE_CONTAINERS.has(t.name)) container = null;
      continue;
    }
    if (top.kind === 'diag') {
      if (!top.code) fail(top.offset, '<diag> without a <name>');
      if (top.hasChildren) {
        const idx = findCode(out.codes, top.code);
        if (idx) idx.leaf = false;
      }
    }
    if (top.seventh) {
      if (Object.keys(top.seventh.characters).length === 0)
        fail(top.offset, `<sevenChrDef> at ${top.name} defines no characters`);
      top.seventh.exceptions = parseSeventhExceptions(top.ruleTexts);
      out.seventh.push(top.seventh);
    }
    for (const s of top.seventhNotes) out.notes.push({ at: atOf(top), kind: 'notes', text: s });
    if (top.kind === 'section') section = null;
    if (top.kind === 'chapter') chapter = null;
  }
  if (!sawRoot) throw new XmlError(file, 1, 'empty file: not an ICD-10-CM tabular XML file');
  if (out.codes.length === 0)
    throw new XmlError(file, lineAt(text, text.length), 'no <diag> codes found');
  for (const ch of out.chapters) {
    const secs = out.sections.filter((s) => s.chapter === ch.num);
    ch.first = secs[0]?.first ?? '';
    ch.last = secs[secs.length - 1]?.last ?? '';
  }
  return out;
}

// The last code pushed with this name: diag close events arrive in reverse document order for
// nested codes, so search backwards (near the end, usually at distance < 50).
function findCode(codes: TabularCode[], code: string): TabularCode | undefined {
  for (let k = codes.length - 1; k >= 0; k--) if (codes[k]!.code === code) return codes[k];
  return undefined;
}

/**
 * "7th characters D and S do not apply to codes in category S06 with 6th character 7 - death due
 * to brain injury prior to regaining consciousness, or 8 - death due to other cause …"
 * (FY2021 tabular, S06). Parsed as data so a later year's wording with other codes works too.
 */
export function parseSeventhExceptions(notes: string[]): SeventhException[] {
  const out: SeventhException[] = [];
  for (const n of notes) {
    const m =
      /7th characters? ([0-9A-Z](?:(?:,\s*|\s+and\s+|\s+or\s+)[0-9A-Z])*) do(?:es)? not apply to (?:codes )?in (?:category|subcategory) ([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]+)?) with (\d)(?:st|nd|rd|th) character (.*)$/i.exec(
        n,
      );
    if (!m) continue;
    const notAllowed = m[1]!.split(/,\s*|\s+and\s+|\s+or\s+/).map((c) => c.trim().toUpperCase());
    const values = [
      ...m[4]!.matchAll(/(?:^|,?\s+or\s+|,\s*)([0-9A-Z])\b(?=\s*(?:-|,|$| or))/g),
    ].map((x) => x[1]!);
    if (values.length)
      out.push({ prefix: m[2]!.replace('.', ''), position: Number(m[3]), values, notAllowed });
  }
  return out;
}
