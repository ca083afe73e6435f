/**
 * `pack diff`: what was added, removed and changed between two versions of a pack — codes used
 * by answer keys and questions, rules, payers (field by field) and plan policies, fee tables and
 * Part B drug (ASP) tables (entry by entry), cases, templates and questions — each with the
 * changelog entry of the newer pack that explains it. A changelog
 * change explains a difference when one of its `refs` names the difference's ref
 * (`case:dm2-htn`, `policy:acme-gold/priorAuthorization`, `code:E11.A`) or its kind and id
 * prefix (`policy:acme-gold` covers every policy of that plan, `fee:acme-2026` every entry of
 * that fee table, `payer:acme` every field of that payer).
 *
 * The JSON (`pack diff --json`) is stable: items sorted by kind (the order of DIFF_KINDS), then
 * ref; a ref names one thing — `payer:<id>` (added/removed) or `payer:<id>/<field>` (changed),
 * `fee:<table id>` or `fee:<table id>/<code>`, `drug:<quarter>` or `drug:<quarter>/<code>`.
 * The refresher (issue 12) turns this list into plain-words changes and a quiz.
 */
import type { PackV2 } from './format/v2';
import { compareVersions } from './versions';

export const DIFF_KINDS = [
  'code',
  'rule',
  'payer',
  'policy',
  'fee',
  'drug',
  'case',
  'template',
  'question',
] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export interface ChangeExplanation {
  version: string;
  date: string;
  what: string;
  why: string;
  reference: string;
}

export interface DiffItem {
  kind: DiffKind;
  change: 'added' | 'removed' | 'changed';
  /** `case:dm2-htn`, `code:E11.A`, `policy:acme-gold/priorAuthorization`. */
  ref: string;
  /** For `changed`: the top-level fields that differ. */
  fields?: string[];
  /** For a payer field, a fee or a drug entry: the value in the older and the newer pack. */
  before?: unknown;
  after?: unknown;
  /** The changelog entries that name this ref (empty: not explained by the changelog). */
  explainedBy: ChangeExplanation[];
}

export interface PackDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  items: DiffItem[];
  /** Counts per change type. */
  summary: { added: number; removed: number; changed: number; unexplained: number };
}

/** Key order does not matter: objects are compared as canonical JSON. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

interface Entry {
  kind: DiffKind;
  value: unknown;
  usedBy?: string[];
  /** A leaf (payer field, fee or drug entry): `changed` carries before/after, not fields. */
  leaf?: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown, key = 'id') =>
  isObj(v) && typeof v[key] === 'string' ? (v[key] as string) : null;

/** Fee tables (`id`) and ASP tables (`quarter`): the table without its entries, and each entry by code. */
function tableEntries(m: Map<string, Entry>, kind: 'fee' | 'drug', tables: unknown[], key: string) {
  for (const t of tables) {
    const id = idOf(t, key);
    if (!id || !isObj(t)) continue;
    const { entries: list, ...meta } = t;
    m.set(`${kind}:${id}`, { kind, value: meta });
    for (const e of Array.isArray(list) ? list : []) {
      const code = idOf(e, 'code');
      if (code) m.set(`${kind}:${id}/${code}`, { kind, value: e, leaf: true });
    }
  }
}

function entries(p: PackV2): Map<string, Entry> {
  const m = new Map<string, Entry>();
  const put = (kind: DiffKind, id: string, value: unknown) =>
    m.set(`${kind}:${id}`, { kind, value });
  for (const c of p.cases) put('case', c.id, c);
  for (const t of p.templates) put('template', t.id, t);
  for (const b of p.questionBanks) for (const q of b.questions) put('question', q.id, q);
  for (const r of p.rules)
    put('rule', r.kind === 'ncci-ptp' ? `ptp/${r.column1}/${r.column2}` : `mue/${r.code}`, r);
  for (const pl of p.plans)
    for (const [k, v] of Object.entries(pl.policies))
      if (v) put('policy', `${pl.id}/${k}`, { payerId: pl.payerId, entries: v });
  for (const py of p.payers) {
    const id = idOf(py);
    if (!id || !isObj(py)) continue;
    put('payer', id, py);
    for (const [k, v] of Object.entries(py))
      if (k !== 'id') m.set(`payer:${id}/${k}`, { kind: 'payer', value: v, leaf: true });
  }
  tableEntries(m, 'fee', p.fees, 'id');
  tableEntries(m, 'drug', p.drugs, 'quarter');
  // Codes the pack teaches (answer keys, alternatives, questions, templates), with their users.
  const codes = new Map<string, string[]>();
  const use = (ref: string) => (x: string) => {
    const k = x.toUpperCase();
    const list = codes.get(k) ?? [];
    if (!list.includes(ref)) list.push(ref);
    codes.set(k, list);
  };
  for (const c of p.cases) {
    const u = use(`case:${c.id}`);
    for (const d of c.answer.diagnoses)
      [d.code, ...d.acceptable, ...d.alternatives.map((x) => x.code)].forEach(u);
    for (const l of c.answer.lines) [l.code, ...l.alternatives.map((x) => x.code)].forEach(u);
  }
  for (const bank of p.questionBanks)
    for (const q of bank.questions) {
      if (q.kind === 'code-entry') q.answers.forEach(use(`question:${q.id}`));
      if (q.kind === 'sequencing') q.order.forEach(use(`question:${q.id}`));
    }
  for (const t of p.templates)
    for (const f of t.facts) if (f.diagnosis) use(`template:${t.id}`)(f.diagnosis);
  for (const [code, usedBy] of codes) m.set(`code:${code}`, { kind: 'code', value: true, usedBy });
  return m;
}

function changedFields(a: unknown, b: unknown): string[] {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter(
      (k) => canon((a as Record<string, unknown>)[k]) !== canon((b as Record<string, unknown>)[k]),
    )
    .sort();
}

const cmpVersion = compareVersions;

/** Does a changelog ref name this diff ref? Exact, or a prefix ending at `/` (`policy:acme-gold`). */
export function refMatches(changelogRef: string, ref: string): boolean {
  const r = changelogRef.trim();
  if (r.toUpperCase() === ref.toUpperCase()) return true;
  return ref.startsWith(`${r}/`);
}

/**
 * Diffs pack `a` (older) against `b` (newer). Explanations come from `b`'s changelog entries
 * newer than `a`'s version (all of them when the versions are equal or out of order).
 */
export function diffPacks(a: PackV2, b: PackV2): PackDiff {
  const ea = entries(a);
  const eb = entries(b);
  const log = b.changelog.filter(
    (e) => cmpVersion(a.version, b.version) >= 0 || cmpVersion(e.version, a.version) > 0,
  );
  const explain = (ref: string, change: DiffItem['change']): ChangeExplanation[] =>
    log.flatMap((e) =>
      e.changes
        .filter(
          (c) =>
            c.refs.some((r) => refMatches(r, ref)) &&
            (c.kind === change || change === 'changed' || c.kind === 'changed'),
        )
        .map((c) => ({
          version: e.version,
          date: e.date,
          what: c.what,
          why: c.why,
          reference: c.reference,
        })),
    );
  /** A code no entry names is explained by the entries of the cases and questions using it. */
  const why = (ref: string, change: DiffItem['change'], usedBy: string[] | undefined) => {
    const own = explain(ref, change);
    if (own.length || !usedBy) return own;
    const seen = new Set<string>();
    return usedBy
      .flatMap((u) => explain(u, 'changed'))
      .filter((e) => !seen.has(e.what) && !!seen.add(e.what));
  };
  const items: DiffItem[] = [];
  // A payer field, fee or drug entry is listed alone only when its payer or table is in both.
  const parentIn = (ref: string, e: Map<string, Entry>) => e.has(ref.slice(0, ref.indexOf('/')));
  const whole = (ref: string, x: Entry) => x.leaf && !(parentIn(ref, ea) && parentIn(ref, eb));
  for (const [ref, x] of eb) {
    const old = ea.get(ref);
    if (whole(ref, x)) continue;
    if (!old)
      items.push({
        kind: x.kind,
        change: 'added',
        ref,
        ...(x.leaf ? { after: x.value } : {}),
        explainedBy: why(ref, 'added', x.usedBy),
      });
    else if (canon(old.value) !== canon(x.value)) {
      // A payer's changes are listed field by field (payer:<id>/<field>).
      if (x.kind === 'payer' && !x.leaf) continue;
      items.push({
        kind: x.kind,
        change: 'changed',
        ref,
        ...(x.leaf
          ? { before: old.value, after: x.value }
          : { fields: changedFields(old.value, x.value) }),
        explainedBy: explain(ref, 'changed'),
      });
    }
  }
  for (const [ref, x] of ea)
    if (!eb.has(ref) && !whole(ref, x))
      items.push({
        kind: x.kind,
        change: 'removed',
        ref,
        ...(x.leaf ? { before: x.value } : {}),
        explainedBy: why(ref, 'removed', x.usedBy),
      });
  items.sort(
    (p, q) =>
      DIFF_KINDS.indexOf(p.kind) - DIFF_KINDS.indexOf(q.kind) ||
      (p.ref < q.ref ? -1 : p.ref > q.ref ? 1 : 0),
  );
  const count = (c: DiffItem['change']) => items.filter((i) => i.change === c).length;
  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    items,
    summary: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      unexplained: items.filter((i) => !i.explainedBy.length).length,
    },
  };
}
