/**
 * EncoderService answered by the code-set worker (src/codesets/engine.ts) over the official
 * bundles: the same calls as the in-page service, sent as messages for one date of service.
 * Inputs are copied to plain JSON first: Svelte state proxies cannot be structured-cloned.
 */
import type { CodesetClient } from '../client';
import type { EncoderCall } from '../protocol';
import type { SearchResult } from '../../domain/codes/search/types';
import type { EncoderService } from './service';

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function createWorkerEncoderService(client: CodesetClient, date: string): EncoderService {
  const call = <C extends EncoderCall>(c: C) =>
    client.request({ type: 'encoder', date, call: plain(c) });
  return {
    describe: () =>
      call({ op: 'describe' }).catch(
        (e: Error) => `The official code set could not be loaded: ${e.message}`,
      ),
    search: (query, opts) =>
      call({ op: 'search', query, ...(opts ? { opts } : {}) }).catch((e: Error): SearchResult => ({
        hits: [],
        total: 0,
        corrections: [`error: ${e.message}`],
      })),
    lookup: async (code) => (await call({ op: 'lookup', code }).catch(() => null)) ?? undefined,
    hasIndex: () => call({ op: 'hasIndex' }).catch(() => false),
    browseIndex: (path, filter, limit) =>
      call({
        op: 'browse',
        path,
        ...(filter !== undefined ? { filter } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }).catch(() => []),
    resolveSee: async (text) =>
      (await call({ op: 'resolveSee', text }).catch(() => null)) ?? undefined,
  };
}
