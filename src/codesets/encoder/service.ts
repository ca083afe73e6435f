/**
 * What the encoder components need from a code set, as one async interface. Two implementations:
 * in-page (in-page.ts: an index built over a CodeCatalog, e.g. the starter set) and a Web Worker
 * over the official bundles (the code-set worker answers the same calls by message). Components
 * only see this interface.
 */
import type { IcdNote, SeventhCharacterRule } from '../../domain/codes/catalog';
import type { SearchOptions, SearchResult } from '../../domain/codes/search/types';

export interface CodeLine {
  /** Dotless. */
  code: string;
  /** With the dot. */
  display: string;
  title: string;
  billable: boolean;
}

/** A code in its tabular hierarchy, with every note that applies (its own and its ancestors'). */
export interface CodeDetail extends CodeLine {
  release: string;
  /** Release the notes came from (may be earlier than `release`), or null when none loaded. */
  notesRelease: string | null;
  /** From the category down to the parent. */
  ancestors: CodeLine[];
  children: CodeLine[];
  notes: IcdNote[];
  seventh?: SeventhCharacterRule;
}

/** One Alphabetic Index entry as shown in the browser. */
export interface IndexNode {
  title: string;
  nemod?: string;
  code?: string;
  manif?: string;
  see?: string;
  seeAlso?: string;
  hasChildren: boolean;
}

export interface EncoderService {
  /** Status line: which code set and release the encoder is on. */
  describe(): Promise<string>;
  search(query: string, opts?: SearchOptions): Promise<SearchResult>;
  lookup(code: string): Promise<CodeDetail | undefined>;
  /** Whether an Alphabetic Index is loaded. */
  hasIndex(): Promise<boolean>;
  /**
   * Children of the index entry at `path` (titles from the main term down); with an empty path,
   * the main terms starting with `filter` (at most `limit`).
   */
  browseIndex(path: string[], filter?: string, limit?: number): Promise<IndexNode[]>;
  /** Path of the entry a "see"/"see also" text names ("Pain, abdominal"), if found. */
  resolveSee(text: string): Promise<string[] | undefined>;
}
