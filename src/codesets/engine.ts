/**
 * The code-set half of the worker's engine: status, lookups, the encoder, imports, over the
 * official bundles when there are any (served, or imported in Settings), else the starter set.
 * Bundles are loaded on first use (engine-sources.ts); every input and output is plain JSON
 * (structured clone). The I/O is injected, so the handler runs in Node tests on the real files.
 * Scrub and adjudication need the payer service too: src/services/worker-engine.ts answers them
 * over `sources` and passes every other request here.
 * See: issue 3 "In the app" (bundles fetched lazily, parsed in a Web Worker), issue 4 (the same
 * engine in the browser), issue 5 (MPFS pricing).
 */
import { lookupCode } from '../domain/codes/release/lookup';
import { EncoderHost } from './engine-encoder';
import { BundleSources, RequestError, type EngineIo, type Slot } from './engine-sources';
import type { CodesetStatus, EngineStatus, ImportReport, WorkerRequest } from './protocol';
import type { ReleaseDiffRow } from './release-diff';

export { BundleSources, RequestError, type EngineIo } from './engine-sources';

/** The code-set requests (every one but scrub and adjudicate), and the bundles behind them. */
export interface CodesetRequests {
  handle(req: Exclude<WorkerRequest, { type: 'scrub' | 'adjudicate' }>): Promise<unknown>;
  readonly sources: BundleSources;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const covers = (s: Slot, date: string) =>
  'from' in s.entry && date >= s.entry.from && date <= s.entry.to;

/** The status line for a date of service: "ICD-10-CM FY2026 (official, 98,186 codes) · …". */
async function engineStatus(
  src: BundleSources,
  encoder: EncoderHost,
  date: string | undefined,
  load: boolean,
): Promise<EngineStatus> {
  const all = await src.slots();
  const icd = all.filter((s) => s.entry.kind === 'icd10cm');
  if (!icd.length) return { mode: 'starter', line: (await src.catalog()).describe(), timings: {} };
  const files = await src.servedFiles();
  const mpfs = /mpfs-(\d{4})/.exec([...files].find((f) => f.startsWith('mpfs-')) ?? '');
  const hcpcs = all.filter((s) => s.entry.kind === 'hcpcs');
  const tail = mpfs ? [`MPFS ${mpfs[1]}`] : [];
  if (date === undefined) {
    // No date of service in view: what is available.
    const line = [
      `ICD-10-CM ${icd.map((s) => s.entry.id).join(', ')} (official)`,
      ...(hcpcs.length ? [`HCPCS ${hcpcs.map((s) => s.entry.id).join(', ')}`] : []),
      ...tail,
    ].join(' · ');
    return { mode: 'official', line, timings: { ...src.timings } };
  }
  const slot = await src.icdSlotFor(date);
  const parts: string[] = [];
  if (slot?.entry.kind === 'icd10cm') {
    if (load) await encoder.searchForDate(date);
    const origin = slot.origin === 'imported' ? 'official, imported' : 'official';
    parts.push(`ICD-10-CM ${slot.entry.id} (${origin}, ${fmt(slot.entry.counts.codes)} codes)`);
  } else {
    const ids = icd.map((s) => s.entry.id).join(', ');
    parts.push(`ICD-10-CM: no loaded release covers ${date} (loaded: ${ids})`);
  }
  const hc = hcpcs.find((s) => covers(s, date)) ?? hcpcs.at(-1);
  if (hc)
    parts.push(
      covers(hc, date)
        ? `HCPCS ${hc.entry.id}`
        : `HCPCS ${hc.entry.id} (newest loaded; CPT from the starter set)`,
    );
  return {
    mode: 'official',
    line: [...parts, ...tail].join(' · '),
    ...(slot ? { release: slot.entry.id } : {}),
    timings: { ...src.timings },
  };
}

/** What Settings → Code sets shows: every release, where it came from, loaded or not. */
async function status(src: BundleSources): Promise<CodesetStatus> {
  const cat = await src.catalog();
  const all = await src.slots();
  return {
    mode: all.some((s) => s.entry.kind === 'icd10cm') ? 'official' : 'starter',
    describe: cat.describe(),
    releases: all.map((s) => ({
      kind: s.entry.kind,
      id: s.entry.id,
      ...('from' in s.entry ? { from: s.entry.from, to: s.entry.to } : {}),
      ...(s.entry.kind === 'icd10cm' ? { notesRelease: s.entry.notesRelease } : {}),
      origin: s.origin,
      loaded: src.loaded(s),
      sources: s.entry.sources,
      counts: s.entry.counts,
    })),
    warnings: [...src.warnings],
  };
}

async function importFiles(
  src: BundleSources,
  files: { name: string; data: ArrayBuffer }[],
  allowShrink: boolean,
): Promise<ImportReport> {
  const store = src.io.imported;
  if (!store) throw new Error('importing needs IndexedDB (the browser)');
  // The importers (XML, zip, the build plan) load with the first import, not with the encoder.
  const [{ toSources }, { buildCodesets }, { shrunkEntries }] = await Promise.all([
    import('./browser/bytes'),
    import('./build-plan'),
    import('./shrink'),
  ]);
  const { sources, skipped } = toSources(files);
  if (!sources.length)
    throw new Error(
      `none of ${files.map((f) => f.name).join(', ')} is an official code-set file (.txt, .xml, .csv or a zip of them)`,
    );
  const r = buildCodesets(sources, { earlierNotes: await src.earlierNotes() });
  if (!r.ok) throw new RequestError(r.errors);
  if (!allowShrink) {
    // The releases this import would replace: served or imported earlier (same kind and id).
    const current = (await src.slots()).map((s) => s.entry);
    const shrunk = shrunkEntries(
      current,
      r.value.bundles.map((b) => b.entry),
      'tick “Accept a smaller release” and import again if the new release really is smaller',
    );
    if (shrunk.length) throw new RequestError(shrunk);
  }
  const manifest = await store.store(
    r.value.bundles.map((b) => ({ entry: b.entry, text: b.text })),
  );
  return {
    built: manifest.bundles.filter((b) =>
      r.value.bundles.some((x) => x.entry.kind === b.kind && x.entry.id === b.id),
    ),
    log: r.value.log,
    skipped,
  };
}

/**
 * The rows of the ICD-10-CM diff `from` → `to` (release ids such as FY2021), computed once per
 * pair: both releases are loaded (a release the engine does not have is a clear error).
 */
function releaseDiff(
  src: BundleSources,
  cache: Map<string, Promise<ReleaseDiffRow[]>>,
  from: string,
  to: string,
): Promise<ReleaseDiffRow[]> {
  const key = `${from}\u0000${to}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const icd = (await src.slots()).filter((s) => s.entry.kind === 'icd10cm');
      const release = async (id: string) => {
        const s = icd.find((x) => x.entry.id.toUpperCase() === id.toUpperCase());
        if (!s || !('from' in s.entry))
          throw new RequestError([
            {
              path: id,
              message: `no ICD-10-CM release ${id} (the engine has: ${icd.map((x) => x.entry.id).join(', ') || 'none: the official code sets are needed'})`,
            },
          ]);
        return (await src.releaseFor(s.entry.from)).rel;
      };
      const [a, b] = [await release(from), await release(to)];
      const [{ diffReleases }, { releaseDiffRows }] = await Promise.all([
        import('../domain/codes/release/diff'),
        import('./release-diff'),
      ]);
      return releaseDiffRows(diffReleases(a, b), (code) => b.get(code)?.billable ?? false);
    })();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export function createCodesetRequests(io: EngineIo): CodesetRequests {
  const src = new BundleSources(io);
  const encoder = new EncoderHost(src);
  const diffs = new Map<string, Promise<ReleaseDiffRow[]>>();
  const reset = () => {
    diffs.clear();
    src.reset();
    encoder.reset();
  };
  return {
    sources: src,
    async handle(req): Promise<unknown> {
      switch (req.type) {
        case 'status':
          return status(src);
        case 'engine.status':
          return engineStatus(src, encoder, req.date, req.load ?? false);
        case 'lookup':
          return lookupCode((await src.releaseFor(req.date)).rel, req.code, req.date);
        case 'procedure':
          return (await src.procedures()).procedure(req.code, req.date) ?? null;
        case 'encoder':
          return encoder.call(req.date, req.call);
        case 'import': {
          const report = await importFiles(src, req.files, req.allowShrink ?? false);
          reset();
          return report;
        }
        case 'remove':
          if (!io.imported) throw new Error('removing needs IndexedDB (the browser)');
          await io.imported.remove(req.kind, req.id);
          reset();
          return status(src);
        case 'releases.diff': {
          const rows = await releaseDiff(src, diffs, req.from, req.to);
          return (await import('./release-diff')).pageOfRows(rows, req);
        }
      }
    },
  };
}
