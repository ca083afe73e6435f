/**
 * The encoder inside the code-set worker: the same EncoderService as in the page
 * (src/codesets/encoder/in-page.ts), over an official release with its search index, built here
 * from the release's titles and the Alphabetic Index terms of its search bundle
 * (search-<release>.bin.gz, read by the pure deserializeIndexTerms; fetched while the code bundle
 * loads), and, for
 * browsing, the Alphabetic Index bundles (index-FY*.json.gz), each loaded on first use.
 * See: issue 3 "The encoder".
 */
import type { IcdRelease } from '../domain/codes/catalog';
import { buildSearchIndex } from '../domain/codes/search';
import type { CodeSearch } from '../domain/codes/search/query';
import { deserializeIndexTerms } from '../domain/codes/search/serialize-terms';
import type { IndexTermInput, SearchEntry } from '../domain/codes/search/types';
import { createInPageEncoderService } from './encoder/in-page';
import type { EncoderService } from './encoder/service';
import { decodeAlphabeticIndexJson, pickIndexParts } from './alpha-index/decode';
import { flattenIndexParts } from './alpha-index/flatten';
import type { IndexPart } from './alpha-index/types';
import type { BundleSources } from './engine-sources';
import { releaseColumns, type IcdColumns } from './official-catalog';
import type { EncoderCall } from './protocol';

/**
 * The release's codes as search entries, from its columns (no per-code IcdEntry, and the short
 * titles are split only if a code has no long title: the index reads `long || short`).
 */
function searchEntries(rel: IcdRelease): SearchEntry[] {
  return columnEntries(releaseColumns(rel));
}

/** The search entries of a release's columns (the short titles only read when a long one is empty). */
function columnEntries(
  c: Pick<IcdColumns, 'codes' | 'billable' | 'long'> & { short?: () => readonly string[] },
): SearchEntry[] {
  let short: readonly string[] | null = null;
  return c.codes.map((code, i) => {
    const long = c.long[i] ?? '';
    return {
      code,
      billable: c.billable.charCodeAt(i) === 49,
      long,
      short: long ? '' : ((short ??= c.short?.() ?? [])[i] ?? ''),
    };
  });
}

const INDEX_FILE = /^index-FY\d{4}\.json\.gz$/;
const yearOf = (id: string) => Number(/\d{4}/.exec(id)?.[0] ?? '9999');

export class EncoderHost {
  readonly #src: BundleSources;
  #searches = new Map<string, Promise<CodeSearch>>();
  #terms = new Map<string, Promise<IndexTermInput[] | null>>();
  #alpha: Promise<{ year: number; parts: IndexPart[] }[]> | null = null;
  #services = new Map<string, { plain: EncoderService; full?: Promise<EncoderService> }>();

  constructor(src: BundleSources) {
    this.#src = src;
  }

  reset() {
    this.#searches.clear();
    this.#terms.clear();
    this.#services.clear();
    this.#alpha = null;
  }

  /** Every Alphabetic Index bundle served (listed in files.json), decoded. */
  #alphaBundles(): Promise<{ year: number; parts: IndexPart[] }[]> {
    this.#alpha ??= (async () => {
      const names = [...(await this.#src.servedFiles())].filter((f) => INDEX_FILE.test(f));
      const out: { year: number; parts: IndexPart[] }[] = [];
      for (const n of names.sort()) {
        const t = await this.#src.text(n);
        if (t === null) continue;
        const r = decodeAlphabeticIndexJson(t, n);
        if (r.ok) out.push(r.value);
        else this.#src.warnings.push(...r.errors.map((e) => `${e.path}: ${e.message}`));
      }
      return out;
    })();
    return this.#alpha;
  }

  /**
   * The search index for a date of service: its release's search bundle is fetched while the
   * code bundle loads, then the index is built from the two.
   */
  async searchForDate(date: string): Promise<CodeSearch> {
    const slot = await this.#src.icdSlotFor(date);
    if (slot?.entry.kind === 'icd10cm') {
      void this.#termsOf(slot.entry.id).catch(() => {});
      // Served in halves: the index is built from the head (no wait for the notes).
      const id = slot.entry.id;
      const cached = this.#searches.get(id);
      if (cached) return cached;
      const head = await this.#src.searchColumns(slot);
      // A release without a long title for every code reads short ones: from the whole release.
      if (head && head.long.every((l) => l !== ''))
        return this.#cacheSearch(id, () =>
          this.#loadSearch(id, 'official', () => columnEntries(head)),
        );
    }
    return this.searchFor((await this.#src.releaseFor(date)).rel);
  }

  /**
   * The search index for a release: built from its entries and the terms of its search bundle
   * (search-<id>.bin.gz, when it is the release's), else of the Alphabetic Index bundles (an
   * imported release of another year has no search bundle).
   */
  searchFor(rel: IcdRelease): Promise<CodeSearch> {
    return this.#cacheSearch(rel.id, () =>
      this.#loadSearch(rel.id, rel.origin, () => searchEntries(rel)),
    );
  }

  #cacheSearch(id: string, load: () => Promise<CodeSearch>): Promise<CodeSearch> {
    let p = this.#searches.get(id);
    if (!p) {
      p = load();
      this.#searches.set(id, p);
      p.catch(() => this.#searches.delete(id));
    }
    return p;
  }

  /** The index terms of a release's search bundle, or null when there is none (or it is not usable). */
  #termsOf(id: string): Promise<IndexTermInput[] | null> {
    let p = this.#terms.get(id);
    if (!p) {
      p = this.#readTerms(id);
      this.#terms.set(id, p);
    }
    return p;
  }

  async #readTerms(id: string): Promise<IndexTermInput[] | null> {
    const src = this.#src;
    const file = `search-${id}.bin.gz`;
    const bytes = await src.io.fetchFile(file);
    if (!bytes) return null;
    try {
      const { terms, release } = deserializeIndexTerms(
        new TextDecoder().decode(await src.inflate(bytes)),
      );
      if (release === id) return terms;
      src.warnings.push(`${file} is for ${release}: built from the Alphabetic Index bundles`);
    } catch (e) {
      src.warnings.push(
        `${file}: ${(e as Error).message}; built from the Alphabetic Index bundles`,
      );
    }
    return null;
  }

  async #loadSearch(
    id: string,
    origin: IcdRelease['origin'],
    entries: () => SearchEntry[],
  ): Promise<CodeSearch> {
    const src = this.#src;
    const t0 = src.now();
    let terms = origin === 'starter' ? null : await this.#termsOf(id);
    const from = terms ? '' : ' (Alphabetic Index bundles)';
    if (!terms) {
      const parts = pickIndexParts(await this.#alphaBundles(), yearOf(id));
      terms = flattenIndexParts(parts);
    }
    const s = buildSearchIndex(entries(), terms);
    src.timings[`search ${id}${from}`] = Math.round(src.now() - t0);
    return s;
  }

  async #service(date: string, withIndex: boolean): Promise<EncoderService> {
    const search = await this.searchForDate(date);
    const { cat, rel } = await this.#src.releaseFor(date);
    let s = this.#services.get(rel.id);
    if (!s) {
      s = { plain: createInPageEncoderService(cat, date, [], { search }) };
      this.#services.set(rel.id, s);
    }
    if (!withIndex) return s.plain;
    s.full ??= this.#alphaBundles().then((b) =>
      createInPageEncoderService(cat, date, pickIndexParts(b, yearOf(rel.id)), { search }),
    );
    return s.full;
  }

  /** Answers one EncoderService call for a date of service (plain JSON out). */
  async call(date: string, call: EncoderCall): Promise<unknown> {
    switch (call.op) {
      case 'describe':
        return (await this.#service(date, false)).describe();
      case 'search':
        // The index answers on its own (its entries carry the titles), so a search does not
        // wait for the rest of a release served in halves. #service builds it the same way.
        return (await this.searchForDate(date)).search(call.query, call.opts);
      case 'lookup':
        return (await (await this.#service(date, false)).lookup(call.code)) ?? null;
      case 'hasIndex':
        return [...(await this.#src.servedFiles())].some((f) => INDEX_FILE.test(f));
      case 'browse':
        return (await this.#service(date, true)).browseIndex(call.path, call.filter, call.limit);
      case 'resolveSee':
        return (await (await this.#service(date, true)).resolveSee(call.text)) ?? null;
    }
  }
}
