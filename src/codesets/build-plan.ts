/**
 * From a set of official files (a reference folder read by the CLI, or files a user picks in
 * Settings) to bundles: classify each file by its content, group ICD-10-CM files by fiscal
 * year, parse, assemble, encode. Pure: the caller reads files and writes (or stores) bundles.
 * All-or-nothing: any problem returns errors naming file:line and no bundle at all, so what
 * was built before stays as it was.
 */
import type { IcdEntry } from '../domain/codes/catalog';
import type { Problem, Result } from '../domain/result';
import { encodeIcdBundle, BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle';
import { parseHcpcsFile, hcpcsYear } from './hcpcs';
import { parseAddendaWithSummary, type AddendaEntry } from './icd/addenda';
import { entriesFromTabular } from './icd/expand';
import {
  assembleRelease,
  type AssembleInput,
  type NotesSource,
  type ReleaseStats,
} from './icd/release';
import { previousReleaseEntries } from './icd/previous-release';
import { parseTabularXml, type TabularData } from './icd/tabular';
import type { JsonBundle } from './json-bundle';
import type { ManifestEntry } from './manifest';
import {
  checkHcpcsFile,
  checkMceFile,
  checkOrderAgainstAddenda,
  checkOrderFile,
  checkPosFile,
} from './completeness';
import { mergeMce, parseMce, parseMceDerived } from './mce';
import { parseOrderFile } from './order-file';
import { parsePosCsv } from './pos';
import { calendarRange, fiscalYearFromName, fyId, fyRange } from './release-year';
import { notUtf8Problem, type DecodedText } from './source-text';

export interface SourceFile {
  /** Path relative to the reference folder (or just the file name for an upload). */
  path: string;
  text: string;
  /** Set by decodeSource (source-text.ts): the file cannot be read (empty, UTF-16, binary…). */
  refused?: DecodedText['refused'];
  /** Set by decodeSource: the first byte that is not UTF-8 (the text was read as Windows-1252). */
  notUtf8?: DecodedText['notUtf8'];
}

export type FileRole =
  | 'icd-order'
  | 'icd-tabular'
  | 'icd-codes-addenda'
  | 'icd-order-addenda'
  | 'hcpcs'
  | 'pos'
  | 'mce'
  | 'mce-derived'
  | 'ignored';

export interface BuiltBundle {
  entry: ManifestEntry;
  /** Uncompressed bundle text. */
  text: string;
  stats?: ReleaseStats;
}

const base = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** What a file is, from its first lines (names vary between years and mirrors). */
export function classify(f: SourceFile): FileRole {
  const head = f.text.slice(0, 4000);
  const first = head.split(/\r?\n/).find((l) => l.trim()) ?? '';
  if (/^\d{5} [A-Z][0-9A-Z]{2}/.test(first)) return 'icd-order';
  if (/<ICD10CM\.tabular[\s>]/.test(head)) return 'icd-tabular';
  if (/^(Add|Delete|Revise from|Revise to):\s+[01]\s+[A-Z]/.test(first)) return 'icd-order-addenda';
  if (/^(Add|Delete|Revise from|Revise to):\s+[A-Z]/.test(first)) return 'icd-codes-addenda';
  if (/^pos_code\b/i.test(first)) return 'pos';
  if (/\bMCE_Edit_Type\b/.test(first)) return 'mce';
  if (/^\s*\{/.test(head) && /"excluded_edits"/.test(head) && /"age_categories"/.test(head))
    return 'mce-derived';
  if (
    /^[ A-Z0-9]{5}\d{5}[37]/m.test(head) ||
    (/HCPCS/i.test(head.slice(0, 300)) && /\n[A-V]\d{4}\d{5}3/.test(f.text.slice(0, 20000)))
  )
    return 'hcpcs';
  return 'ignored';
}

/** Fiscal year of an ICD file: its folder or file name, else the tabular <version>. */
function icdYear(f: SourceFile): number | null {
  const parts = f.path.split(/[\\/]/);
  for (let i = parts.length - 1; i >= 0; i--) {
    const y = fiscalYearFromName(parts[i]!);
    if (y) return y;
  }
  const v = /<version>\s*(\d{4})\s*<\/version>/.exec(f.text.slice(0, 2000));
  return v ? Number(v[1]) : null;
}

interface YearGroup {
  year: number;
  order?: SourceFile;
  tabular?: SourceFile;
  addenda?: SourceFile;
  /** The order addenda (billable flags): the previous release is rebuilt from them when missing. */
  orderAddenda?: SourceFile;
}

export interface BuildOutput {
  bundles: BuiltBundle[];
  log: string[];
}

export interface BuildOptions {
  /** Notes of releases built earlier (the browser import of a new year reuses them). */
  earlierNotes?: (NotesSource & { year: number })[];
}

export function buildCodesets(files: SourceFile[], opts: BuildOptions = {}): Result<BuildOutput> {
  const errors: Problem[] = [];
  const log: string[] = [];
  const groups = new Map<number, YearGroup>();
  const others: { role: FileRole; f: SourceFile }[] = [];
  for (const f of files) {
    // An empty, UTF-16 or binary file is refused whatever it is: ignoring it would drop the
    // release it was meant to update.
    if (f.refused) {
      errors.push(f.refused);
      continue;
    }
    const role = classify(f);
    // Only the CMS HCPCS file is Windows-1252; the CDC files, POS and MCE are ASCII/UTF-8.
    if (role !== 'ignored' && role !== 'hcpcs' && f.notUtf8) {
      errors.push(notUtf8Problem(f.path, f.notUtf8));
      continue;
    }
    if (role === 'ignored') {
      log.push(
        `ignored ${f.path}: not an order file, tabular XML, addenda, HCPCS, POS or MCE file`,
      );
      continue;
    }
    if (role.startsWith('icd-')) {
      const y = icdYear(f);
      if (!y) {
        errors.push({
          path: f.path,
          message:
            'cannot tell the fiscal year: name the file or its folder with the year (e.g. fy2027/icd10cm-order-2027.txt)',
        });
        continue;
      }
      const g = groups.get(y) ?? { year: y };
      groups.set(y, g);
      const slot = role === 'icd-order' ? 'order' : role === 'icd-tabular' ? 'tabular' : 'addenda';
      if (role === 'icd-order-addenda') g.orderAddenda ??= f;
      if (slot === 'addenda' && g.addenda && role === 'icd-order-addenda') continue; // codes addenda preferred
      if (slot !== 'addenda' && g[slot]) {
        errors.push({
          path: f.path,
          message: `a second ${slot} file for FY${y} (first: ${g[slot]!.path})`,
        });
        continue;
      }
      g[slot] = f;
    } else others.push({ role, f });
  }
  const bundles: BuiltBundle[] = [];
  // Oldest first, so each year can inherit notes from the newest earlier tabular.
  const years = [...groups.values()].sort((a, b) => a.year - b.year);
  const tabulars: (NotesSource & { year: number })[] = [...(opts.earlierNotes ?? [])];
  for (const g of years) {
    const id = fyId(g.year);
    let tab: TabularData | undefined;
    if (g.tabular) {
      const r = parseTabularXml(g.tabular.text, g.tabular.path);
      if (!r.ok) {
        errors.push(...r.errors);
        continue;
      }
      tab = r.value;
      if (tab.chapters.length < 15 && !g.order) {
        log.push(
          `${id}: ${base(g.tabular.path)} holds ${tab.chapters.length} chapter(s) only and there is no order file: skipped`,
        );
        continue;
      }
    }
    let entries: IcdEntry[];
    if (g.order) {
      const r = parseOrderFile(g.order.text, g.order.path);
      if (!r.ok) {
        errors.push(...r.errors);
        continue;
      }
      const extra = checkOrderFile(g.order.path, g.order.text, r.value);
      if (extra.length) {
        errors.push(...extra);
        continue;
      }
      entries = r.value;
    } else if (tab) entries = entriesFromTabular(tab);
    else {
      log.push(`${id}: addenda only, no order file or tabular: skipped`);
      continue;
    }
    let addenda: AddendaEntry[] = [];
    if (g.addenda) {
      const r = parseAddendaWithSummary(g.addenda.text, g.addenda.path);
      if (!r.ok) {
        errors.push(...r.errors);
        continue;
      }
      addenda = r.value.entries;
      // The addenda summary states the new order file's counts: a mismatch means a cut file.
      const off = g.order
        ? checkOrderAgainstAddenda(g.order.path, entries, g.addenda.path, {
            ...r.value.summary,
            ...(r.value.countedFile ? { file: r.value.countedFile } : {}),
          })
        : [];
      if (off.length) {
        errors.push(...off);
        continue;
      }
    }
    // A tabular beside an order file is that year's; alone it must be complete (checked above).
    if (tab) tabulars.push({ year: g.year, release: id, tabular: tab });
    const notes = tabulars.filter((t) => t.year <= g.year).sort((a, b) => b.year - a.year)[0];
    const { from, to } = fyRange(g.year);
    const sources = [g.order, g.tabular, g.addenda]
      .filter((f): f is SourceFile => !!f)
      .map((f) => base(f.path));
    if (notes && notes.year !== g.year) sources.push(`notes: ${notes.release} tabular`);
    bundles.push(
      icdBundle({ id, from, to, entries, ...(notes ? { notes } : {}), addenda, sources }),
    );
    // No release built for the year before (years go oldest first): rebuild it by undoing this
    // year's order addenda.
    const { order, orderAddenda } = g;
    const prevId = fyId(g.year - 1);
    if (order && orderAddenda && !bundles.some((b) => b.entry.id === prevId)) {
      const r = previousRelease({ ...g, order, orderAddenda }, entries, tabulars);
      if (r.ok) {
        bundles.push(r.value);
        log.push(
          `${prevId}: rebuilt from ${base(order.path)} by undoing ${base(orderAddenda.path)}`,
        );
      } else
        // Optional: a mid-year order file (FY2021 January) does not undo to the counts stated.
        log.push(`${prevId}: not rebuilt: ${r.errors.map((e) => e.message).join('; ')}`);
    }
  }
  // The derived FY2026 MCE lists answer for FY2026; the official file's age lists stay for
  // dates of their own year (and those before the next list), its sex lists for every date.
  const derived = others.find((o) => o.role === 'mce-derived');
  for (const { role, f } of others) {
    if (role === 'mce-derived') continue;
    const b = buildOther(role, f, errors, role === 'mce' ? derived?.f : undefined);
    if (b) bundles.push(b);
  }
  if (derived && !others.some((o) => o.role === 'mce')) {
    const b = buildOther('mce', derived.f, errors, derived.f);
    if (b) bundles.push(b);
  }
  if (errors.length) return { ok: false, errors };
  if (!bundles.length)
    return {
      ok: false,
      errors: [
        {
          path: '(input)',
          message:
            'no official code-set file recognised (order file, tabular XML, HCPCS, POS or MCE)',
        },
      ],
    };
  return { ok: true, value: { bundles, log } };
}

/** One ICD-10-CM bundle from assembled entries (notes, addenda, sources). */
function icdBundle(input: AssembleInput): BuiltBundle {
  const { data, stats } = assembleRelease(input);
  const text = encodeIcdBundle(data);
  return {
    text,
    stats,
    entry: {
      kind: 'icd10cm',
      id: input.id,
      file: `icd10cm-${input.id.toLowerCase()}.txt.gz`,
      bytes: 0,
      sources: input.sources,
      from: input.from,
      to: input.to,
      notesRelease: data.notesRelease,
      counts: {
        codes: stats.codes,
        billable: stats.billable,
        notes: data.notes.length,
        notesByKind: stats.notesByKind,
        seventhRules: stats.seventhRules,
        excludes1RefsParsed: Math.round(stats.excludes1.share * 10000) / 10000,
      },
    },
  };
}

/**
 * The release of the year before `g`, rebuilt from `g`'s order file and order addenda
 * (icd/previous-release.ts), with notes from the newest tabular of that year or earlier.
 */
function previousRelease(
  g: YearGroup & { order: SourceFile; orderAddenda: SourceFile },
  entries: IcdEntry[],
  tabulars: readonly (NotesSource & { year: number })[],
): Result<BuiltBundle> {
  const r = parseAddendaWithSummary(g.orderAddenda.text, g.orderAddenda.path);
  if (!r.ok) return r;
  const prev = previousReleaseEntries(
    entries,
    r.value.entries,
    g.orderAddenda.path,
    r.value.previous,
  );
  if (!prev.ok) return prev;
  const year = g.year - 1;
  const notes = tabulars.filter((t) => t.year <= year).sort((a, b) => b.year - a.year)[0];
  const sources = [`${base(g.order.path)} less ${base(g.orderAddenda.path)}`];
  if (notes) sources.push(`notes: ${notes.release} tabular`);
  const { from, to } = fyRange(year);
  return {
    ok: true,
    value: icdBundle({
      id: fyId(year),
      from,
      to,
      entries: prev.value,
      ...(notes ? { notes } : {}),
      sources,
    }),
  };
}

function buildOther(
  role: FileRole,
  f: SourceFile,
  errors: Problem[],
  mceDerived?: SourceFile,
): BuiltBundle | null {
  const name = base(f.path);
  const wrap = (b: JsonBundle) => JSON.stringify(b);
  if (role === 'hcpcs') {
    const r = parseHcpcsFile(f.text, f.path);
    if (!r.ok) return (errors.push(...r.errors), null);
    const whole = checkHcpcsFile(f.path, f.text);
    if (whole.length) return (errors.push(...whole), null);
    const y = hcpcsYear(name) ?? fiscalYearFromName(f.path);
    if (!y)
      return (
        errors.push({
          path: f.path,
          message: 'cannot tell the HCPCS year from the file name (HCPCyyyy_…)',
        }),
        null
      );
    const { from, to } = calendarRange(y);
    const procedures = r.value.filter((x) => x.kind === 'procedure').length;
    return {
      text: wrap({
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        kind: 'hcpcs',
        id: String(y),
        from,
        to,
        data: r.value,
      }),
      entry: {
        kind: 'hcpcs',
        id: String(y),
        file: `hcpcs-${y}.json.gz`,
        bytes: 0,
        sources: [name],
        from,
        to,
        counts: { procedures, modifiers: r.value.length - procedures },
      },
    };
  }
  if (role === 'pos') {
    const whole = checkPosFile(f.path, f.text);
    if (whole.length) return (errors.push(...whole), null);
    const r = parsePosCsv(f.text, f.path);
    if (!r.ok) return (errors.push(...r.errors), null);
    const id = /(\d{4}-\d{2})/.exec(name)?.[1] ?? 'pos';
    return {
      text: wrap({
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        kind: 'pos',
        id,
        data: r.value,
      }),
      entry: {
        kind: 'pos',
        id,
        file: 'pos.json.gz',
        bytes: 0,
        sources: [name],
        counts: { codes: r.value.length },
      },
    };
  }
  if (role === 'mce') {
    const only = mceDerived === f;
    if (!only) {
      const whole = checkMceFile(f.path, f.text);
      if (whole.length) return (errors.push(...whole), null);
    }
    const r = only ? null : parseMce(f.text, f.path);
    if (r && !r.ok) return (errors.push(...r.errors), null);
    const d = mceDerived ? parseMceDerived(mceDerived.text, mceDerived.path) : null;
    if (d && !d.ok) return (errors.push(...d.errors), null);
    const fyName = /FY(\d{4})/i.exec(name)?.[1];
    const official = r?.ok
      ? {
          ...r.value,
          ...(fyName ? { ageYear: Number(fyName), sexYear: Number(fyName) } : {}),
        }
      : null;
    const m = d?.ok ? mergeMce(official, d.value) : official!;
    const fy = /FY\d{4}/i.exec(name)?.[0];
    const id = d?.ok
      ? `v${m.version}${official && fy ? ` (${fy.toUpperCase()})` : ''}`
      : `v${m.version}${fy ? ` (${fy.toUpperCase()})` : ''}`;
    return {
      text: wrap({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, kind: 'mce', id, data: m }),
      entry: {
        kind: 'mce',
        id,
        file: 'mce.json.gz',
        bytes: 0,
        sources: [...(only ? [] : [name]), ...(mceDerived ? [base(mceDerived.path)] : [])],
        counts: {
          newborn: m.age.newborn.length,
          pediatric: m.age.pediatric.length,
          maternity: m.age.maternity.length,
          adult: m.age.adult.length,
          male: m.sex.M.length,
          female: m.sex.F.length,
          manifestation: m.manifestation.length,
        },
      },
    };
  }
  return null;
}
