/**
 * The code-set Web Worker: fetches bundles lazily from /codesets/ (served by vite-plugin.ts,
 * copied into dist on build) and from IndexedDB (files imported in Settings → Code sets),
 * decompresses and decodes them off the main thread, and answers lookups. Without any
 * official bundle it answers from the starter set and says so.
 * Started by src/codesets/client.ts; messages are typed in protocol.ts.
 */
/// <reference lib="webworker" />
import type { CodeCatalog } from '../domain/codes/catalog';
import { lookupCode } from '../domain/codes/release/lookup';
import type { Problem } from '../domain/result';
import { buildCodesets } from './build-plan';
import { decodeIcdBundle, decodeNoteLine, type IcdBundle } from './bundle';
import { gunzipText, toSources } from './browser/bytes';
import { readImported, readImportedBundle, removeImported, storeImported } from './browser/store';
import type { NotesSource } from './icd/release';
import { decodeJsonBundle, type JsonBundle } from './json-bundle';
import { parseManifest, type ManifestEntry } from './manifest';
import { OfficialCatalog } from './official-catalog';
import type { CodesetStatus, ImportReport, WorkerRequest, WorkerResponse } from './protocol';
import { parseFyId } from './release-year';
import { starterCatalog } from './starter';

interface Slot {
  entry: ManifestEntry;
  origin: 'server' | 'imported';
  text?: string;
}

const BASE = `${(import.meta.env?.BASE_URL as string | undefined) ?? '/'}codesets/`;
let slots: Slot[] | null = null;
let warnings: string[] = [];
const icdCache = new Map<Slot, IcdBundle>();
const jsonCache = new Map<Slot, JsonBundle>();
let catalog: CodeCatalog | null = null;

async function serverManifest(): Promise<ManifestEntry[]> {
  try {
    const res = await fetch(`${BASE}manifest.json`, { cache: 'no-cache' });
    if (!res.ok) return [];
    const m = parseManifest(await res.json(), `${BASE}manifest.json`);
    if (!m.ok) {
      warnings.push(m.message);
      return [];
    }
    return m.value.bundles;
  } catch (e) {
    warnings.push(`cannot read ${BASE}manifest.json: ${(e as Error).message}`);
    return [];
  }
}

async function getSlots(): Promise<Slot[]> {
  if (slots) return slots;
  warnings = [];
  const served = (await serverManifest()).map((entry) => ({ entry, origin: 'server' as const }));
  let imported: Slot[] = [];
  try {
    imported = (await readImported()).bundles.map((entry) => ({
      entry,
      origin: 'imported' as const,
    }));
  } catch (e) {
    warnings.push((e as Error).message);
  }
  // An imported release replaces the served one with the same kind and id.
  const key = (s: Slot) => `${s.entry.kind}:${s.entry.id}`;
  const mine = new Set(imported.map(key));
  slots = [...served.filter((s) => !mine.has(key(s))), ...imported];
  catalog = null;
  return slots;
}

async function slotText(s: Slot): Promise<string> {
  if (s.text !== undefined) return s.text;
  if (s.origin === 'imported') return (s.text = await readImportedBundle(s.entry.file));
  const res = await fetch(`${BASE}${s.entry.file}`);
  if (!res.ok) throw new Error(`${BASE}${s.entry.file}: HTTP ${res.status}`);
  return (s.text = await gunzipText(await res.arrayBuffer()));
}

async function ensureIcd(s: Slot): Promise<IcdBundle> {
  const hit = icdCache.get(s);
  if (hit) return hit;
  const r = decodeIcdBundle(await slotText(s), s.entry.file);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  s.text = ''; // the decoded columns hold what is needed; let the big string go
  icdCache.set(s, r.value);
  return r.value;
}

async function ensureJson(s: Slot): Promise<JsonBundle> {
  const hit = jsonCache.get(s);
  if (hit) return hit;
  const r = decodeJsonBundle(await slotText(s), s.entry.file);
  if (!r.ok) throw new Error(r.message);
  jsonCache.set(s, r.value);
  return r.value;
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`${what} is not loaded yet`);
  return v;
}

async function getCatalog(): Promise<CodeCatalog> {
  if (catalog) return catalog;
  const all = await getSlots();
  const icd = all.filter((s) => s.entry.kind === 'icd10cm');
  if (!icd.length) return (catalog = starterCatalog());
  const small = all.filter(
    (s) => s.entry.kind === 'pos' || s.entry.kind === 'mce' || s.entry.kind === 'hcpcs',
  );
  for (const s of small) await ensureJson(s).catch((e: Error) => warnings.push(e.message));
  const json = <K extends JsonBundle['kind']>(k: K) =>
    small
      .filter((s) => s.entry.kind === k && jsonCache.has(s))
      .map((s) => jsonCache.get(s) as Extract<JsonBundle, { kind: K }>);
  const pos = json('pos')[0];
  const mce = json('mce')[0];
  catalog = new OfficialCatalog({
    icd: icd.map((s) => {
      const e = s.entry as Extract<ManifestEntry, { kind: 'icd10cm' }>;
      return {
        id: e.id,
        from: e.from,
        to: e.to,
        notesRelease: e.notesRelease,
        load: () => need(icdCache.get(s), e.id),
      };
    }),
    hcpcs: json('hcpcs').map((h) => ({ id: h.id, from: h.from, to: h.to, load: () => h.data })),
    ...(pos ? { pos: { id: pos.id, load: () => pos.data } } : {}),
    ...(mce ? { mce: { id: mce.id, load: () => mce.data } } : {}),
    fallback: starterCatalog(),
  });
  return catalog;
}

/** Fetches and decodes the ICD-10-CM release that covers the date, if one does. */
async function ensureDate(date: string): Promise<void> {
  const s = (await getSlots()).find(
    (x) => x.entry.kind === 'icd10cm' && date >= x.entry.from && date <= x.entry.to,
  );
  if (s) await ensureIcd(s);
}

async function status(): Promise<CodesetStatus> {
  const cat = await getCatalog();
  const all = await getSlots();
  return {
    mode: all.some((s) => s.entry.kind === 'icd10cm') ? 'official' : 'starter',
    describe: cat.describe(),
    releases: all.map((s) => ({
      kind: s.entry.kind,
      id: s.entry.id,
      ...('from' in s.entry ? { from: s.entry.from, to: s.entry.to } : {}),
      ...(s.entry.kind === 'icd10cm' ? { notesRelease: s.entry.notesRelease } : {}),
      origin: s.origin,
      loaded: icdCache.has(s) || jsonCache.has(s),
      sources: s.entry.sources,
      counts: s.entry.counts,
    })),
    warnings: [...warnings],
  };
}

/** Notes of the releases already available, so a new year without a tabular can inherit them. */
async function earlierNotes(): Promise<(NotesSource & { year: number })[]> {
  const out: (NotesSource & { year: number })[] = [];
  for (const s of await getSlots()) {
    if (s.entry.kind !== 'icd10cm' || !s.entry.notesRelease) continue;
    const year = parseFyId(s.entry.id);
    if (!year) continue;
    const b = await ensureIcd(s);
    out.push({
      year,
      release: s.entry.notesRelease,
      tabular: {
        chapters: b.chapters,
        sections: b.sections,
        notes: b.noteLines().map(decodeNoteLine),
        seventh: b.seventh,
      },
    });
  }
  return out;
}

async function importFiles(files: { name: string; data: ArrayBuffer }[]): Promise<ImportReport> {
  const { sources, skipped } = toSources(files);
  if (!sources.length)
    throw new Error(
      `none of ${files.map((f) => f.name).join(', ')} is an official code-set file (.txt, .xml, .csv or a zip of them)`,
    );
  const r = buildCodesets(sources, { earlierNotes: await earlierNotes() });
  if (!r.ok) throw Object.assign(new Error('import failed'), { problems: r.errors });
  const manifest = await storeImported(
    r.value.bundles.map((b) => ({ entry: b.entry, text: b.text })),
  );
  slots = null;
  icdCache.clear();
  jsonCache.clear();
  return {
    built: manifest.bundles.filter((b) =>
      r.value.bundles.some((x) => x.entry.kind === b.kind && x.entry.id === b.id),
    ),
    log: r.value.log,
    skipped,
  };
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.type) {
    case 'status':
      return status();
    case 'lookup': {
      await ensureDate(req.date);
      const r = (await getCatalog()).icd10(req.date);
      if (!r.ok)
        throw Object.assign(new Error(r.errors[0]?.message ?? 'no release'), {
          problems: r.errors,
        });
      return lookupCode(r.value, req.code);
    }
    case 'procedure':
      return (await getCatalog()).procedure(req.code, req.date) ?? null;
    case 'import':
      return importFiles(req.files);
    case 'remove':
      await removeImported(req.kind, req.id);
      slots = null;
      icdCache.clear();
      jsonCache.clear();
      return status();
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (ev: MessageEvent<{ id: number; req: WorkerRequest }>) => {
  const { id, req } = ev.data;
  let msg: WorkerResponse;
  try {
    msg = { id, ok: true, value: await handle(req) };
  } catch (e) {
    const problems = (e as { problems?: Problem[] }).problems;
    msg = {
      id,
      ok: false,
      errors: problems ?? [{ path: req.type, message: (e as Error).message }],
    };
  }
  scope.postMessage(msg);
};
