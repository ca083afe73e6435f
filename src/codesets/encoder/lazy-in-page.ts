/**
 * The in-page encoder, loaded when first asked. The search engine and its lexicons are tens of
 * kilobytes the first load does not need: the page builds an index itself only for the starter
 * set or when no code-set worker runs, so that code is fetched on the first call. A release
 * missing for the date throws at once, as `createInPageEncoderService` does.
 */
import type { CodeCatalog } from '../../domain/codes/catalog';
import type { EncoderService } from './service';

export function lazyInPageEncoderService(catalog: CodeCatalog, date: string): EncoderService {
  const got = catalog.icd10(date);
  if (!got.ok) throw new Error(got.errors.map((e) => e.message).join('; '));
  let service: Promise<EncoderService> | undefined;
  const get = () =>
    (service ??= import('./in-page').then((m) => m.createInPageEncoderService(catalog, date)));
  return {
    describe: async () => (await get()).describe(),
    search: async (query, opts) => (await get()).search(query, opts),
    lookup: async (code) => (await get()).lookup(code),
    hasIndex: async () => (await get()).hasIndex(),
    browseIndex: async (path, filter, limit) => (await get()).browseIndex(path, filter, limit),
    resolveSee: async (text) => (await get()).resolveSee(text),
  };
}
