/** Messages between the app and the code-set worker (src/codesets/worker.ts). */
import type { CodeLookup } from '../domain/codes/release/lookup';
import type { ManifestEntry } from './manifest';
import type { ProcedureEntry } from '../domain/codes/catalog';
import type { Problem } from '../domain/result';

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

export type WorkerRequest =
  | { type: 'status' }
  | { type: 'lookup'; code: string; date: string }
  | { type: 'procedure'; code: string; date: string }
  | { type: 'import'; files: { name: string; data: ArrayBuffer }[] }
  | { type: 'remove'; kind: ManifestEntry['kind']; id: string };

export interface ImportReport {
  built: ManifestEntry[];
  log: string[];
  skipped: string[];
}

export type WorkerResult<T extends WorkerRequest['type']> = T extends 'status'
  ? CodesetStatus
  : T extends 'lookup'
    ? CodeLookup
    : T extends 'procedure'
      ? ProcedureEntry | null
      : T extends 'import'
        ? ImportReport
        : CodesetStatus;

export type WorkerResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; errors: Problem[] };
