/** The relevance set in bench/queries/*.json (see its README), for the bench and its check test. */
import { readdirSync, readFileSync } from 'node:fs';

/** What makes a coder query hard (issue 10); `null` for the general sets. */
export type QueryClass =
  'punctuation' | 'anatomy' | 'status' | 'laterality' | 'mechanism' | 'shorthand';

export interface Query {
  q: string;
  accept: string[];
  set: string;
  class: QueryClass | null;
}

/** The class of every query in a one-class file (the per-query `class` field wins). */
const FILE_CLASS: Record<string, QueryClass> = {
  abbreviations: 'shorthand',
  'class-anatomy-abbrev': 'anatomy',
  'class-laterality': 'laterality',
  'class-mechanism': 'mechanism',
  'class-punctuation': 'punctuation',
  'class-status': 'status',
};

/** All queries, answers normalised to dotless upper case; `set` is the file name. */
export function loadQueries(dir = 'bench/queries'): Query[] {
  const out: Query[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const j = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as {
      queries: { q: string; accept: string[]; class?: QueryClass }[];
    };
    const set = f.replace('.json', '');
    for (const q of j.queries)
      out.push({
        q: q.q,
        accept: q.accept.map((c) => c.replace('.', '').toUpperCase()),
        set,
        class: q.class ?? FILE_CLASS[set] ?? null,
      });
  }
  return out;
}
