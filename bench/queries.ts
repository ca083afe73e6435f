/** The relevance set in bench/queries/*.json (see its README), for the bench and its check test. */
import { readdirSync, readFileSync } from 'node:fs';

export interface Query {
  q: string;
  accept: string[];
  set: string;
}

/** All queries, answers normalised to dotless upper case; `set` is the file name. */
export function loadQueries(dir = 'bench/queries'): Query[] {
  const out: Query[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const j = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as {
      queries: { q: string; accept: string[] }[];
    };
    for (const q of j.queries)
      out.push({
        q: q.q,
        accept: q.accept.map((c) => c.replace('.', '').toUpperCase()),
        set: f.replace('.json', ''),
      });
  }
  return out;
}
