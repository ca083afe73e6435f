/** Messages between the app and the code-set worker (src/services/worker.ts). */
import type { Claim } from '../domain/claim/claim';
import type { CodeLookup } from '../domain/codes/release/lookup';
import type { SearchOptions, SearchResult } from '../domain/codes/search/types';
import type { Finding } from '../domain/findings';
import type { RemittanceJson } from '../domain/payer/remittance/remittance';
import type { CodeDetail, IndexNode } from './encoder/service';
import type { ManifestEntry } from './manifest';
import type { ProcedureEntry } from '../domain/codes/catalog';
import type { Problem } from '../domain/result';
import type { ReleaseDiffPage, ReleaseDiffQuery } from './release-diff';

export interface ReleaseStatus {
  kind: ManifestEntry['kind'];
  id: string;
  from?: string;
  to?: string;
  notesRelease?: string | null;
  /** Served with the app (built from the reference folder) or imported in this browser. */
  origin: 'server' | 'imported';
  loaded: boolean;
  sources: string[];
  counts: Record<string, unknown>;
}

export interface CodesetStatus {
  /** 'starter' when no official bundle is available. */
  mode: 'official' | 'starter';
  describe: string;
  releases: ReleaseStatus[];
  /** Why the served bundles could not be read, if they could not. */
  warnings: string[];
}

/** The code set the engine uses for a date of service, as the status line shows it. */
export interface EngineStatus {
  mode: 'official' | 'starter';
  /** "ICD-10-CM FY2026 (official, 98,186 codes) · HCPCS 2020 · MPFS 2025". */
  line: string;
  /** The ICD-10-CM release for the date, when one covers it. */
  release?: string;
  /** Load times so far in ms ("icd FY2026", "search FY2026"). */
  timings: Record<string, number>;
}

/** EncoderService calls (src/codesets/encoder/service.ts) as messages. */
export type EncoderCall =
  | { op: 'describe' }
  | { op: 'search'; query: string; opts?: SearchOptions }
  | { op: 'lookup'; code: string }
  | { op: 'hasIndex' }
  | { op: 'browse'; path: string[]; filter?: string; limit?: number }
  | { op: 'resolveSee'; text: string };

type EncoderResult<C extends EncoderCall['op']> = C extends 'describe'
  ? string
  : C extends 'search'
    ? SearchResult
    : C extends 'lookup'
      ? CodeDetail | null
      : C extends 'hasIndex'
        ? boolean
        : C extends 'browse'
          ? IndexNode[]
          : string[] | null;

/** A payer file and the pack's fee tables as read from the pack (parsed in the worker). */
export interface RawFile {
  file: string;
  data: unknown;
}

export type WorkerRequest =
  | { type: 'status' }
  /** With `load`, also loads the release for the date and its search index before answering. */
  | { type: 'engine.status'; date?: string; load?: boolean }
  | { type: 'encoder'; date: string; call: EncoderCall }
  | {
      type: 'scrub';
      claim: Claim;
      history: Claim[];
      /** The payer profile the policy edits judge by (a case's plan in place), else the claim's payer's. */
      payer?: RawFile;
    }
  | {
      type: 'adjudicate';
      claim: Claim;
      history: Claim[];
      findings: Finding[];
      payer: RawFile;
      fees: RawFile[];
      /** A correction or reopening: how it is sent and the remittance JSON it revises. */
      channel?: 'claim' | 'reopening' | 'appeal';
      original?: unknown;
      /** The won appeal a `channel: 'appeal'` effectuates (the payer reprocesses `original`). */
      decision?: { level: number; name: string; decidedOn: string };
    }
  | { type: 'lookup'; code: string; date: string }
  | { type: 'procedure'; code: string; date: string }
  /**
   * Import official files into this browser. A release that holds more than SHRINK_LIMIT fewer
   * codes than the one it replaces is refused unless `allowShrink` (the user's explicit consent).
   */
  | { type: 'import'; files: { name: string; data: ArrayBuffer }[]; allowShrink?: boolean }
  | { type: 'remove'; kind: ManifestEntry['kind']; id: string }
  /** ICD-10-CM changes between two releases, filtered and paged (the refresher). */
  | ({ type: 'releases.diff' } & ReleaseDiffQuery)
  /**
   * The full `pack validate` of one single-file pack (the studio): codes against the code sets
   * of each case's date, answer keys through the scrubber and the payer. `dependencies` are the
   * packs it names, already read; `label` names its problems.
   */
  | { type: 'pack.validate'; pack: unknown; dependencies: unknown[]; label: string };

/** What `pack.validate` answers. */
export interface PackValidation {
  ok: boolean;
  catalog: string;
  problems: Problem[];
}

export interface ImportReport {
  built: ManifestEntry[];
  log: string[];
  skipped: string[];
}

export type WorkerResult<R extends WorkerRequest> = R extends { type: 'encoder'; call: infer C }
  ? C extends EncoderCall
    ? EncoderResult<C['op']>
    : never
  : ResultOf<R['type']>;

type ResultOf<T extends WorkerRequest['type']> = T extends 'status'
  ? CodesetStatus
  : T extends 'engine.status'
    ? EngineStatus
    : T extends 'scrub'
      ? Finding[]
      : T extends 'adjudicate'
        ? RemittanceJson
        : T extends 'lookup'
          ? CodeLookup
          : T extends 'procedure'
            ? ProcedureEntry | null
            : T extends 'import'
              ? ImportReport
              : T extends 'releases.diff'
                ? ReleaseDiffPage
                : T extends 'pack.validate'
                  ? PackValidation
                  : CodesetStatus;

export type WorkerResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; errors: Problem[] };
