/**
 * EncoderService answered in the page: builds the search index over the catalog's release for the
 * date (fine for the starter set's few hundred codes) or uses a prebuilt one, and browses an
 * Alphabetic Index part when one is given. The code-set worker (src/codesets/engine.ts) runs this
 * same service over the official bundles.
 */
import type { CodeCatalog, IcdRelease } from '../../domain/codes/catalog';
import { icdDisplay, icdKey } from '../../domain/codes/code';
import { buildSearchIndex } from '../../domain/codes/search';
import type { CodeSearch } from '../../domain/codes/search/query';
import { flattenIndexParts, mainTermMap, resolveSee } from '../alpha-index/flatten';
import type { IndexPart, IndexTerm } from '../alpha-index/types';
import type { CodeDetail, CodeLine, EncoderService, IndexNode } from './service';

const line = (rel: IcdRelease, code: string): CodeLine | undefined => {
  const e = rel.get(code);
  return e && { code: e.code, display: icdDisplay(e.code), title: e.long, billable: e.billable };
};

const node = (t: IndexTerm): IndexNode => {
  const n: IndexNode = { title: t.title, hasChildren: !!t.children?.length };
  if (t.nemod) n.nemod = t.nemod;
  if (t.code) n.code = t.code;
  if (t.manif) n.manif = t.manif;
  if (t.see) n.see = t.see;
  if (t.seeAlso) n.seeAlso = t.seeAlso;
  return n;
};

export function createInPageEncoderService(
  catalog: CodeCatalog,
  date: string,
  indexParts: IndexPart[] = [],
  opts: { search?: CodeSearch } = {},
): EncoderService {
  const got = catalog.icd10(date);
  if (!got.ok) throw new Error(got.errors.map((e) => e.message).join('; '));
  const rel = got.value;
  const main = indexParts.find((p) => p.kind === 'index');
  // The code-set worker passes the release's prebuilt index (search-<release>.bin.gz).
  let search: CodeSearch | undefined = opts.search;
  const engine = () => (search ??= buildSearchIndex(rel.entries(), flattenIndexParts(indexParts)));
  const mains = main ? mainTermMap(main) : new Map<string, IndexTerm[]>();

  const at = (path: string[]): IndexTerm | undefined => {
    let list = main?.terms ?? [];
    let t: IndexTerm | undefined;
    for (const title of path) {
      t = list.find((x) => x.title === title);
      if (!t) return undefined;
      list = t.children ?? [];
    }
    return t;
  };
  const pathOf = (target: IndexTerm): string[] | undefined => {
    const walk = (list: IndexTerm[], trail: string[]): string[] | undefined => {
      for (const t of list) {
        const here = [...trail, t.title];
        if (t === target) return here;
        const deeper = t.children && walk(t.children, here);
        if (deeper) return deeper;
      }
      return undefined;
    };
    return walk(main?.terms ?? [], []);
  };

  return {
    describe: async () =>
      `ICD-10-CM ${rel.id} (${rel.origin === 'starter' ? 'starter set' : 'official'}, ${rel.size()} codes)`,
    search: async (q, opts) => engine().search(q, opts),
    hasIndex: async () => !!main,
    lookup: async (raw) => {
      const code = icdKey(raw);
      const self = line(rel, code);
      if (!self) return undefined;
      const ancestors: CodeLine[] = [];
      for (let p = rel.parent(code); p; p = rel.parent(p)) {
        const l = line(rel, p);
        if (l) ancestors.unshift(l);
      }
      const detail: CodeDetail = {
        ...self,
        release: rel.id,
        notesRelease: rel.notesRelease,
        ancestors,
        children: rel.children(code).flatMap((c) => line(rel, c) ?? []),
        notes: rel.notes(code),
      };
      const seventh = rel.seventh(code);
      if (seventh) detail.seventh = seventh;
      return detail;
    },
    browseIndex: async (path, filter = '', limit = 200) => {
      if (path.length) return (at(path)?.children ?? []).map(node);
      const f = filter.trim().toLowerCase();
      return (main?.terms ?? [])
        .filter((t) => t.title.toLowerCase().startsWith(f))
        .slice(0, limit)
        .map(node);
    },
    resolveSee: async (text) => {
      const t = resolveSee(text, mains);
      return t && pathOf(t);
    },
  };
}
