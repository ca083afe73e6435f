/**
 * The encoder inside the code-set worker: the same EncoderService as in the page
 * (src/codesets/encoder/in-page.ts), over an official release with its prebuilt search index
 * (search-<release>.bin.gz, gunzipped then read by the pure deserializeSearchIndex) and, for
 * browsing, the Alphabetic Index bundles (index-FY*.json.gz), each loaded on first use.
 * See: issue 3 "The encoder".
 */
import type { IcdRelease } from '../domain/codes/catalog';
import { buildSearchIndex } from '../domain/codes/search';
import { CodeSearch } from '../domain/codes/search/query';
import { deserializeSearchIndex } from '../domain/codes/search/serialize';
import { createInPageEncoderService } from './encoder/in-page';
import type { EncoderService } from './encoder/service';
import { decodeAlphabeticIndexJson, pickIndexParts } from './alpha-index/decode';
import { flattenIndex } from './alpha-index/flatten';
import type { IndexPart } from './alpha-index/types';
import type { BundleSources } from './engine-sources';
import type { EncoderCall } from './protocol';

const INDEX_FILE = /^index-FY\d{4}\.json\.gz$/;
const yearOf = (id: string) => Number(/\d{4}/.exec(id)?.[0] ?? '9999');

export class EncoderHost {
  readonly #src: BundleSources;
  #searches = new Map<string, Promise<CodeSearch>>();
  #alpha: Promise<{ year: number; parts: IndexPart[] }[]> | null = null;
  #services = new Map<string, { plain: EncoderService; full?: Promise<EncoderService> }>();

  constructor(src: BundleSources) {
    this.#src = src;
  }

  reset() {
    this.#searches.clear();
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
   * The search index for a release: the prebuilt search-<id>.bin.gz when it matches the release
   * (same id and entry count), else built here from the entries and Alphabetic Index terms (an
   * imported release has no prebuilt index).
   */
  searchFor(rel: IcdRelease): Promise<CodeSearch> {
    let p = this.#searches.get(rel.id);
    if (!p) {
      p = this.#loadSearch(rel);
      this.#searches.set(rel.id, p);
      p.catch(() => this.#searches.delete(rel.id));
    }
    return p;
  }

  async #loadSearch(rel: IcdRelease): Promise<CodeSearch> {
    const src = this.#src;
    const t0 = src.now();
    const file = `search-${rel.id}.bin.gz`;
    const bytes = rel.origin === 'starter' ? null : await src.io.fetchFile(file);
    if (bytes) {
      try {
        const { index, release } = deserializeSearchIndex(await src.inflate(bytes));
        if (release === rel.id && index.stats.entries === rel.size()) {
          src.timings[`search ${rel.id}`] = Math.round(src.now() - t0);
          return new CodeSearch(index);
        }
        src.warnings.push(`${file} is for ${release} (${index.stats.entries} codes): rebuilt`);
      } catch (e) {
        src.warnings.push(`${file}: ${(e as Error).message}; rebuilt`);
      }
    }
    const parts = pickIndexParts(await this.#alphaBundles(), yearOf(rel.id));
    const s = buildSearchIndex(rel.entries(), parts.flatMap(flattenIndex));
    src.timings[`search ${rel.id} (built)`] = Math.round(src.now() - t0);
    return s;
  }

  async #service(date: string, withIndex: boolean): Promise<EncoderService> {
    const { cat, rel } = await this.#src.releaseFor(date);
    const search = await this.searchFor(rel);
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
        return (await this.#service(date, false)).search(call.query, call.opts);
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
