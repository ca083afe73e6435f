/**
 * Plain inputs and outputs of the code search engine. The engine takes arrays, not a catalog,
 * so it can be built from the starter set, the official bundles, or a raw order file alike.
 */
export interface SearchEntry {
  /** Dotless, upper case: "E119". */
  code: string;
  billable: boolean;
  short: string;
  long: string;
}

/**
 * Starts the subterms a "see" reference names, at the end of a see term's `nemod`
 * ("... \u2192upper limb"): nonessential words of the term, and the words that choose among a
 * header's children (remap.ts).
 */
export const SEE_MARK = '\u2192';

/** One code reference from the Alphabetic Index (or a table row), already flattened. */
export interface IndexTermInput {
  /** Essential words of each level, main term first: ["Diabetes, diabetic", "type 2"]. */
  path: string[];
  /** Nonessential modifiers of all levels, e.g. "(mellitus) (sugar)". */
  nemod?: string;
  /** Code as printed in the index, with or without the dot; may end in "-" (incomplete). */
  code: string;
  kind: 'index' | 'eindex' | 'drug' | 'neoplasm' | 'see';
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  billableOnly?: boolean;
  /** Chapter number 1..22 (see chapters.ts). */
  chapter?: number;
}

export type MatchSource = 'code' | 'description' | 'index';

export interface SearchHit {
  /** Dotless code. */
  code: string;
  /** With the dot: "E11.9". */
  display: string;
  title: string;
  billable: boolean;
  score: number;
  via: MatchSource;
  /** The Alphabetic Index path that led here, when via = index: "Diabetes, diabetic > type 2". */
  indexPath?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matching codes before offset/limit. */
  total: number;
  /** Query words corrected for typos, as "word -> correction". */
  corrections: string[];
}
