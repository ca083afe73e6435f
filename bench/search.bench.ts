/**
 * Encoder search benchmark (issue 3 targets): on the full FY2026 ICD-10-CM order file, our index
 * against minisearch, flexsearch and fuse.js on the same entries and the same relevance set
 * (bench/queries/*.json). Prints index-ready time, p50/p95 query time, heap and top-1/top-5 hit
 * rates side by side. Skips when ../shared/reference is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import FlexSearch from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import {
  readSearchBundle,
  searchBundlePath,
  writeSearchBundle,
} from '../src/codesets/alpha-index/search-bundle';
import { loadIndexTermsNode } from '../src/codesets/alpha-index/load-node';
import { parseOrderFile } from '../src/codesets/order-file';
import { buildIndexData } from '../src/domain/codes/search/build';
import type { SearchEntry } from '../src/domain/codes/search/types';
import { loadQueries, type Query } from './queries';
import type { BenchContext } from './run';

const ORDER = '../shared/reference/icd10cm/fy2026/icd10cm-order-2026.txt';
const BUILD_DIR = 'codesets/build';
const FUSE_CAP_MS = 30_000;

interface Engine {
  name: string;
  readyMs: number;
  heapMb: number;
  note?: string;
  search(q: string): string[];
  capMs?: number;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** V8 heap plus memory outside it (typed arrays, large decoded strings), after full GCs. */
const heapMb = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 1e6;
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Repetitions per query: the median of REPS runs is the query's time (this machine is shared). */
const REPS = 3;

function measure(e: Engine, queries: Query[]) {
  for (const q of queries.slice(0, 20)) e.search(q.q); // warm-up
  const times: number[] = [];
  let top1 = 0;
  let top5 = 0;
  let done = 0;
  const misses: string[] = [];
  const per: {
    q: string;
    set: string;
    cls: string | null;
    ms: number;
    hit1: boolean;
    hit5: boolean;
  }[] = [];
  let spent = 0;
  for (const q of queries) {
    if (e.capMs && spent > e.capMs) break;
    let codes: string[] = [];
    const runs: number[] = [];
    for (let r = 0; r < (e.capMs ? 1 : REPS); r++) {
      const t = performance.now();
      codes = e.search(q.q).slice(0, 5);
      runs.push(performance.now() - t);
    }
    const dt = pct(runs, 50);
    spent += dt;
    times.push(dt);
    done++;
    if (codes[0] && q.accept.includes(codes[0])) top1++;
    const hit5 = codes.some((c) => q.accept.includes(c));
    if (hit5) top5++;
    else misses.push(q.q);
    per.push({
      q: q.q,
      set: q.set,
      cls: q.class,
      ms: dt,
      hit1: !!codes[0] && q.accept.includes(codes[0]),
      hit5,
    });
  }
  return {
    done,
    top1: top1 / done,
    top5: top5 / done,
    p50: pct(times, 50),
    p95: pct(times, 95),
    misses,
    per,
  };
}

export default async function run(ctx: BenchContext): Promise<void> {
  if (!existsSync(ORDER)) {
    ctx.skip(
      `${ORDER} not found: put the official reference files in ../shared/reference (see its README)`,
    );
    return;
  }
  // Round-robin over the query sets, so an engine stopped by the time cap (fuse.js) has answered
  // a sample of every set, not just the first file.
  const bySet = new Map<string, Query[]>();
  for (const q of loadQueries()) bySet.set(q.set, [...(bySet.get(q.set) ?? []), q]);
  const queries: Query[] = [];
  for (let i = 0; queries.length < [...bySet.values()].reduce((n, l) => n + l.length, 0); i++)
    for (const l of bySet.values()) if (l[i]) queries.push(l[i]!);
  const parsed = parseOrderFile(readFileSync(ORDER, 'utf8'), ORDER);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const entries: SearchEntry[] = parsed.value;
  ctx.log(
    `FY2026: ${entries.length} entries; ${queries.length} queries (${[...new Set(queries.map((q) => q.set))].join(', ')})`,
  );
  ctx.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs; query time = median of ${REPS} runs (fuse.js: 1 run)`,
  );

  // Ours, from scratch (what `codesets build` does once) and from the stored index (what the app and CLI do).
  const terms = await loadIndexTermsNode(2026, BUILD_DIR);
  ctx.log(`Alphabetic Index terms: ${terms.terms.length} from ${terms.sources.join('; ')}`);
  const t = performance.now();
  buildIndexData(entries, terms.terms);
  const fullBuildMs = performance.now() - t;
  const file = searchBundlePath(BUILD_DIR, 'FY2026');
  if (!existsSync(file)) await writeSearchBundle(entries, 'FY2026', BUILD_DIR);
  const engines: Engine[] = [];
  {
    // Index ready = read + gunzip + decode the stored search bundle (the Alphabetic Index terms)
    // and build the index with the release's titles: best of 3 (the machine is shared).
    // Heap: measured from before the first load, keeping only the last index (conservative: an
    // earlier copy not yet collected would count too).
    const h0 = heapMb();
    let readyMs = Infinity;
    const loads: Awaited<ReturnType<typeof readSearchBundle>>[] = [];
    for (let i = 0; i < 3; i++) {
      loads.length = 0; // drop the previous copy before loading again
      const t0 = performance.now();
      loads.push(await readSearchBundle(file, () => entries));
      readyMs = Math.min(readyMs, performance.now() - t0);
    }
    const search = loads.pop()!.search;
    engines.push({
      name: 'claimlab',
      readyMs,
      heapMb: heapMb() - h0,
      note: `${(readFileSync(file).length / 1e6).toFixed(2)} MB search bundle + build; build alone ${fullBuildMs.toFixed(0)} ms`,
      search: (q) => search.search(q, { limit: 5 }).hits.map((h) => h.code),
    });
    (globalThis as { __keep?: unknown }).__keep = search;
    const st = search.ix.stats;
    ctx.log(
      `our index: ${st.entries} codes, ${st.indexTerms} index terms (${st.indexTermsToHeader} point to a header -> children, ` +
        `${st.indexTermsToAncestor} to a code gone since -> nearest ancestor, ${st.indexTermsDropped} dropped), ` +
        `${st.vocabulary} words, ${st.postings} postings`,
    );
  }
  const docs = entries.map((e, i) => ({
    id: i,
    code: e.code,
    text: `${e.code.length > 3 ? `${e.code.slice(0, 3)}.${e.code.slice(3)}` : e.code} ${e.long}`,
  }));
  {
    const h0 = heapMb();
    const t0 = performance.now();
    const ms = new MiniSearch({
      fields: ['text'],
      idField: 'id',
      searchOptions: { prefix: true, fuzzy: 0.2 },
    });
    ms.addAll(docs);
    engines.push({
      name: 'minisearch',
      readyMs: performance.now() - t0,
      heapMb: heapMb() - h0,
      note: 'prefix, fuzzy 0.2',
      search: (q) =>
        ms
          .search(q)
          .slice(0, 5)
          .map((r) => entries[r.id as number]!.code),
    });
  }
  {
    const h0 = heapMb();
    const t0 = performance.now();
    const fx = new FlexSearch.Index({ tokenize: 'forward' });
    for (const d of docs) fx.add(d.id, d.text);
    engines.push({
      name: 'flexsearch',
      readyMs: performance.now() - t0,
      heapMb: heapMb() - h0,
      note: "tokenize 'forward'",
      search: (q) => (fx.search(q, 5) as number[]).map((id) => entries[id]!.code),
    });
  }
  {
    const h0 = heapMb();
    const t0 = performance.now();
    const fu = new Fuse(docs, { keys: ['text'], threshold: 0.4, ignoreLocation: true });
    engines.push({
      name: 'fuse.js',
      readyMs: performance.now() - t0,
      heapMb: heapMb() - h0,
      capMs: FUSE_CAP_MS,
      note: `threshold 0.4; capped at ${FUSE_CAP_MS / 1000} s of queries`,
      search: (q) => fu.search(q, { limit: 5 }).map((r) => r.item.code),
    });
  }

  const rows = engines.map((e) => ({ e, r: measure(e, queries) }));
  const pad = (s: string, n: number) => s.padEnd(n);
  ctx.log('');
  ctx.log(
    `${pad('engine', 11)} ${pad('ready ms', 9)} ${pad('p50 ms', 8)} ${pad('p95 ms', 8)} ${pad('heap MB', 8)} ${pad('queries', 8)} ${pad('top-1', 7)} ${pad('top-5', 7)} notes`,
  );
  for (const { e, r } of rows)
    ctx.log(
      `${pad(e.name, 11)} ${pad(e.readyMs.toFixed(0), 9)} ${pad(r.p50.toFixed(3), 8)} ${pad(r.p95.toFixed(3), 8)} ${pad(e.heapMb.toFixed(1), 8)} ` +
        `${pad(`${r.done}/${queries.length}`, 8)} ${pad((r.top1 * 100).toFixed(1) + '%', 7)} ${pad((r.top5 * 100).toFixed(1) + '%', 7)} ${e.note ?? ''}`,
    );
  const ours = rows[0]!;
  ctx.log('');
  ctx.log(
    `targets (ours): ready <= 300 ms: ${ours.e.readyMs.toFixed(0)} ms; p50 <= 0.5 ms: ${ours.r.p50.toFixed(3)}; p95 <= 2 ms: ${ours.r.p95.toFixed(3)}; heap <= 100 MB: ${ours.e.heapMb.toFixed(1)} MB`,
  );
  for (const { e, r } of rows.slice(1)) {
    // Compare on the same queries the other engine answered (fuse.js is capped).
    const mine = ours.r.per.slice(0, r.done);
    const top5 = mine.filter((x) => x.hit5).length / mine.length;
    const p95 = pct(
      mine.map((x) => x.ms),
      95,
    );
    ctx.log(
      `vs ${e.name} on its ${r.done} queries: top-5 ${(top5 * 100).toFixed(1)}% vs ${(r.top5 * 100).toFixed(1)}%, p95 ${p95.toFixed(3)} vs ${r.p95.toFixed(3)} ms`,
    );
  }
  const sets = [...new Set(queries.map((q) => q.set))];
  ctx.log('');
  ctx.log(
    `top-1 / top-5 by query set (${sets.map((x) => `${x} ${queries.filter((q) => q.set === x).length}`).join(', ')}):`,
  );
  for (const { e, r } of rows) {
    const cells = sets.map((x) => {
      const p = r.per.filter((y) => y.set === x);
      if (!p.length) return `${x} -`;
      const f = (n: number) => ((n / p.length) * 100).toFixed(0);
      return `${x} ${f(p.filter((y) => y.hit1).length)}/${f(p.filter((y) => y.hit5).length)}%`;
    });
    ctx.log(`  ${e.name.padEnd(11)} ${cells.join('  ')}`);
  }
  // Issue 10: per class within each set that has classed queries (ours only; the others above).
  ctx.log('');
  ctx.log('claimlab top-1 / top-5 by class, per set (n = queries):');
  for (const x of sets) {
    const p = ours.r.per.filter((y) => y.set === x && y.cls);
    if (!p.length) continue;
    const classes = [...new Set(p.map((y) => y.cls!))];
    const cell = (l: typeof p, name: string) => {
      const f = (n: number) => ((n / l.length) * 100).toFixed(0);
      return `${name} ${f(l.filter((y) => y.hit1).length)}/${f(l.filter((y) => y.hit5).length)}% (${l.length})`;
    };
    ctx.log(
      `  ${x.padEnd(20)} ${[
        ...classes.map((c) =>
          cell(
            p.filter((y) => y.cls === c),
            c,
          ),
        ),
        cell(p, 'all'),
      ].join('  ')}`,
    );
  }
  // Issue 10 target on coder queries the encoder was never tuned on: holdout-4, holdout-5,
  // holdout-6, holdout-7 and holdout-8 were written blind (bench/queries/README.md); their per-class figures are in the
  // table above.
  for (const name of ['holdout-4', 'holdout-5', 'holdout-6', 'holdout-7', 'holdout-8']) {
    const blind = ours.r.per.filter((y) => y.set === name);
    if (!blind.length) continue;
    const f = (n: number) => ((n / blind.length) * 100).toFixed(1);
    ctx.log(
      `blind set ${name} (${blind.length} queries): top-1 ${f(blind.filter((y) => y.hit1).length)}% (target >= 92%), ` +
        `top-5 ${f(blind.filter((y) => y.hit5).length)}% (target >= 97%)`,
    );
  }
  const slow = [...ours.r.per].sort((a, b) => b.ms - a.ms).slice(0, 8);
  ctx.log(`our slowest queries: ${slow.map((x) => `${x.q} ${x.ms.toFixed(2)} ms`).join(' | ')}`);
  if (ours.r.misses.length)
    ctx.log(`our top-5 misses (${ours.r.misses.length}): ${ours.r.misses.join(' | ')}`);
}
