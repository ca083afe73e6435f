/**
 * Parses the ICD-10-CM Alphabetic Index XML (any year) into main terms and subterms at any depth,
 * with codes, manifestation codes, "see"/"see also"/"see category" references and, for the Table
 * of Drugs and Chemicals and the Neoplasm Table, the code of each table column.
 * Pure: takes the text, returns a Result whose problems name file:line.
 * See: icd10cm_index.xsd (CDC/NCHS) for the element layout; Official Guidelines I.A.12.
 */
import type { Problem, Result } from '../../domain/result';
import { parseXml, textOf, type XmlElement } from './xml';
import type { IndexCounts, IndexPart, IndexPartKind, IndexTerm } from './types';

const SKIP_IN_TITLE = new Set(['nemod', 'old']);
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const CODE_RE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{0,4})?-?$|^[A-Z][0-9][0-9A-Z]\.?-$/;

function titleParts(el: XmlElement): { title: string; nemod?: string } {
  const title = clean(textOf(el, SKIP_IN_TITLE));
  const nemods: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'nemod') nemods.push(clean(textOf(c)));
      else if (c.name !== 'old') walk(c);
    }
  };
  walk(el);
  const nemod = nemods.filter(Boolean).join(' ');
  return nemod ? { title, nemod } : { title };
}

function kindOf(root: XmlElement, headings: string[] | undefined): IndexPartKind {
  const first = headings?.[0]?.toLowerCase() ?? '';
  if (first.startsWith('substance') || first.startsWith('drug')) return 'drug';
  if (first.startsWith('neoplasm')) return 'neoplasm';
  const title = root.children.find(
    (c): c is XmlElement => typeof c !== 'string' && c.name === 'title',
  );
  if (title && /external cause/i.test(textOf(title))) return 'eindex';
  return 'index';
}

function readTerm(
  el: XmlElement,
  fileName: string,
  problems: Problem[],
  warnings: Problem[],
): IndexTerm | undefined {
  let term: IndexTerm | undefined;
  const children: IndexTerm[] = [];
  const cells: (string | null)[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    const text = clean(textOf(c, SKIP_IN_TITLE));
    switch (c.name) {
      case 'title':
      case 'diff':
        term = { ...titleParts(c) };
        break;
      case 'code':
      case 'manif': {
        if (!term) break;
        if (!CODE_RE.test(text)) {
          // The official Neoplasm Table (FY2021, FY2025 line 1954) has a <manif> holding words, not a
          // code: keep going and report it as a warning; a bad <code> is an error.
          if (c.name === 'manif') {
            warnings.push({
              path: `${fileName}:${c.line}`,
              message: `<manif> "${text}" is not a code: ignored`,
            });
            break;
          }
          problems.push({
            path: `${fileName}:${c.line}`,
            message: `<${c.name}> "${text}" is not an ICD-10-CM code`,
          });
          break;
        }
        if (c.name === 'code') term.code = text;
        else term.manif = text;
        break;
      }
      case 'see':
        if (term) term.see = text;
        break;
      case 'seeAlso':
        if (term) term.seeAlso = text;
        break;
      case 'seecat':
        if (term) term.seeCategory = text;
        break;
      case 'subcat':
        if (term) term.subcategory = text;
        break;
      case 'cell': {
        const col = Number(c.attrs.col);
        if (!Number.isInteger(col) || col < 2 || col > 9) {
          problems.push({
            path: `${fileName}:${c.line}`,
            message: `<cell col="${c.attrs.col ?? ''}"> must have col 2..9`,
          });
          break;
        }
        cells[col - 2] = /^[A-Z][0-9]/.test(text) ? text : null;
        break;
      }
      case 'term': {
        const t = readTerm(c, fileName, problems, warnings);
        if (t) children.push(t);
        break;
      }
      case 'warning':
        break;
      default:
        problems.push({
          path: `${fileName}:${c.line}`,
          message: `unexpected element <${c.name}> in <${el.name}>`,
        });
    }
  }
  if (!term) {
    problems.push({ path: `${fileName}:${el.line}`, message: `<${el.name}> has no <title>` });
    return undefined;
  }
  if (cells.length) term.cells = Array.from(cells, (v) => v ?? null);
  if (children.length) term.children = children;
  return term;
}

/**
 * Parses one index file. Unknown elements and malformed codes are problems (reported all at
 * once, at most 50) rather than silently dropped: a wrong file must not produce a half index.
 */
export function parseIndexXml(text: string, fileName: string): Result<IndexPart> {
  const doc = parseXml(text, fileName);
  if (!doc.ok) return doc;
  const root = doc.value;
  if (root.name !== 'ICD10CM.index')
    return {
      ok: false,
      errors: [
        {
          path: `${fileName}:${root.line}`,
          message: `root element is <${root.name}>, expected <ICD10CM.index>: not an ICD-10-CM index file`,
        },
      ],
    };
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  let version = '';
  let headings: string[] | undefined;
  const terms: IndexTerm[] = [];
  for (const c of root.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'version') version = clean(textOf(c));
    else if (c.name === 'indexHeading') {
      headings = [];
      for (const h of c.children)
        if (typeof h !== 'string' && h.name === 'head')
          headings[Number(h.attrs.col) - 1] = clean(textOf(h));
      headings = Array.from(headings, (h) => h ?? '');
    } else if (c.name === 'letter') {
      for (const m of c.children) {
        if (typeof m === 'string' || m.name !== 'mainTerm') continue;
        const t = readTerm(m, fileName, problems, warnings);
        if (t) terms.push(t);
      }
    }
  }
  if (problems.length) return { ok: false, errors: problems.slice(0, 50) };
  if (!terms.length)
    return {
      ok: false,
      errors: [{ path: fileName, message: 'no <mainTerm> found: empty or truncated index file' }],
    };
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const part: IndexPart = { kind: kindOf(root, headings), version, source: base, terms, warnings };
  if (headings) part.headings = headings;
  return { ok: true, value: part };
}

export function countIndex(part: IndexPart): IndexCounts {
  const n: IndexCounts = {
    mainTerms: part.terms.length,
    subterms: 0,
    codes: 0,
    see: 0,
    seeAlso: 0,
    cells: 0,
    maxDepth: 0,
  };
  const walk = (t: IndexTerm, depth: number) => {
    if (depth > 0) n.subterms++;
    if (depth > n.maxDepth) n.maxDepth = depth;
    if (t.code) n.codes++;
    if (t.see) n.see++;
    if (t.seeAlso) n.seeAlso++;
    if (t.cells) n.cells += t.cells.filter(Boolean).length;
    for (const c of t.children ?? []) walk(c, depth + 1);
  };
  for (const t of part.terms) walk(t, 0);
  return n;
}
