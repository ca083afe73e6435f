/**
 * `codes search "<query>" [--limit N] [--date YYYY-MM-DD] [--billable] [--chapter N] [--json]`
 * `--system procedure|all` searches CPT/HCPCS numbers, modifiers and their descriptions (our own
 * CPT wording, HCPCS Level II descriptors); a code-shaped query (27447, G22, 25) does by default.
 * `codes search --stdin --json`: one query per line in, one JSON array of
 * {code, system, display, billable} per line out, in input order (an empty line gives []).
 * The ICD-10-CM release is the one in effect on --date (default: today, else the newest loaded), from the catalog
 * (official bundles when built, else the starter set); its search index is loaded from
 * codesets/build/search-<release>.bin.gz or built (and stored) on first use.
 */
import { isIsoDate } from '../../domain/time/dates';
import type { IcdEntry } from '../../domain/codes/catalog';
import type { CodeSearch } from '../../domain/codes/search/query';
import type { SearchHit } from '../../domain/codes/search/types';
import { CliError, parseArgs, type Io } from '../io';

export interface SearchRow {
  code: string;
  system: 'ICD-10-CM' | 'CPT' | 'HCPCS' | 'modifier';
  display: string;
  billable: boolean;
}

const SYSTEMS = ['icd', 'procedure', 'all'] as const;

/** CPT/HCPCS numbers, prefixes and modifiers, or words in their descriptions. */
async function procedureRows(query: string, date: string | undefined, limit: number) {
  const { loadNodeCatalog } = await import('../../codesets/load-node');
  const { searchProcedures } = await import('../../domain/codes/procedure-search');
  const catalog = await loadNodeCatalog();
  const d = date ?? new Date().toISOString().slice(0, 10);
  return searchProcedures(catalog, query, d, limit).map((r): SearchRow => ({
    code: r.code,
    system: r.system,
    display: r.display,
    billable: true,
  }));
}

const toRow = (h: SearchHit): SearchRow => ({
  code: h.display,
  system: 'ICD-10-CM',
  display: h.title,
  billable: h.billable,
});

/**
 * The release in effect on the date (official bundles when built, else the starter set). With no
 * --date, today's release, or the newest loaded one when today is past every loaded release (the
 * choice is said on stderr, never silently).
 */
async function releaseFor(
  date: string | undefined,
  io: Io,
): Promise<{ id: string; size: () => number; entries: () => IcdEntry[] }> {
  const { loadNodeCatalog } = await import('../../codesets/load-node');
  const catalog = await loadNodeCatalog();
  const today = new Date().toISOString().slice(0, 10);
  let r = catalog.icd10(date ?? today);
  if (!r.ok && date === undefined) {
    const newest = [...catalog.releases()].sort((x, y) => (x.to < y.to ? 1 : -1))[0];
    if (newest && newest.to < today) {
      io.err(
        `codes search: no loaded release covers today (${today}); searching the newest loaded, ${newest.id} (${newest.from} to ${newest.to}). Give --date to choose.`,
      );
      r = { ok: true, value: newest };
    }
  }
  if (!r.ok)
    throw new CliError(
      `no ICD-10-CM release for date of service ${date ?? today}: ${r.errors.map((e) => e.message).join('; ')}`,
      1,
    );
  const rel = r.value;
  return { id: rel.id, size: () => rel.size(), entries: () => [...rel.entries()] };
}

async function searcherFor(date: string | undefined, io: Io): Promise<CodeSearch> {
  const rel = await releaseFor(date, io);
  const { loadSearchNode } = await import('../../codesets/alpha-index/search-bundle');
  return (await loadSearchNode(rel.id, rel.size(), rel.entries)).search;
}

function table(rows: SearchRow[]): string[] {
  if (!rows.length) return ['(no match)'];
  const w = Math.max(4, ...rows.map((r) => r.code.length));
  return [
    `${'CODE'.padEnd(w)}  BILLABLE  DESCRIPTION`,
    ...rows.map(
      (r) => `${r.code.padEnd(w)}  ${(r.billable ? 'yes' : 'no').padEnd(8)}  ${r.display}`,
    ),
  ];
}

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(args, ['limit', 'date', 'chapter', 'system']);
  const systemRaw = flags.get('system');
  const system = systemRaw === undefined ? undefined : String(systemRaw);
  if (system !== undefined && !(SYSTEMS as readonly string[]).includes(system))
    throw new CliError(`--system must be one of ${SYSTEMS.join(', ')}`);
  const json = flags.get('json') === true;
  const stdin = flags.get('stdin') === true;
  const limitRaw = flags.get('limit');
  const limit = limitRaw === undefined ? 10 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new CliError('--limit must be a whole number from 1 to 1000');
  const dateRaw = flags.get('date');
  const date = typeof dateRaw === 'string' ? dateRaw : undefined;
  if (date !== undefined && !isIsoDate(date))
    throw new CliError(`--date must be YYYY-MM-DD, got "${date}"`);
  const chapterRaw = flags.get('chapter');
  const chapter = chapterRaw === undefined ? undefined : Number(chapterRaw);
  if (chapter !== undefined && (!Number.isInteger(chapter) || chapter < 1 || chapter > 22))
    throw new CliError('--chapter must be a chapter number from 1 to 22');
  const opts = {
    limit,
    billableOnly: flags.get('billable') === true,
    ...(chapter ? { chapter } : {}),
  };

  if (stdin) {
    if (!json) throw new CliError('--stdin needs --json (one JSON array per input line)');
    if (positional.length) throw new CliError('give either a query or --stdin, not both');
    const lines = (await io.readStdin()).split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    if (system === 'procedure') {
      for (const line of lines) io.out(JSON.stringify(await procedureRows(line, date, limit)));
      return 0;
    }
    const search = await searcherFor(date, io);
    for (const line of lines)
      io.out(JSON.stringify(line.trim() ? search.search(line, opts).hits.map(toRow) : []));
    return 0;
  }
  const query = positional.join(' ').trim();
  if (!query)
    throw new CliError(
      'usage: codes search "<query>" [--limit N] [--date YYYY-MM-DD] [--billable] [--chapter N] [--system icd|procedure|all] [--json] | codes search --stdin --json',
    );
  // A code number or modifier (27447, G22, 25) looks in the procedure lists first.
  const { looksLikeProcedure } = await import('../../domain/codes/procedure-search');
  const proc =
    system === 'procedure' || system === 'all' || (!system && looksLikeProcedure(query))
      ? await procedureRows(query, date, limit)
      : [];
  if (system === 'procedure' || (proc.length && system !== 'all')) {
    if (json) io.out(JSON.stringify(proc));
    else for (const l of table(proc)) io.out(l);
    return 0;
  }
  const search = await searcherFor(date, io);
  const r = search.search(query, opts);
  const rows = [...proc, ...r.hits.map(toRow)].slice(0, limit);
  if (json) io.out(JSON.stringify(rows));
  else {
    for (const l of table(rows)) io.out(l);
    if (r.corrections.length) io.err(`(spelling: ${r.corrections.join(', ')})`);
    if (r.total > rows.length) io.err(`(${rows.length} of ${r.total} matches; --limit N for more)`);
  }
  return 0;
}
