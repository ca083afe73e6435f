/**
 * Refreshers (issue 12): two versions of a pack → the changes in plain words (what, why and the
 * reference from the newer pack's changelog), each linked to the cases that exercise it → a quiz
 * with at least one question per change (the pack's own questions that name the change, its
 * cases or its codes; a generated question for a change without one) → a score with rationales
 * and references. Pure: no UI, no I/O; choices are shuffled with a seed from the change, so the
 * same pair of versions gives the same quiz.
 * See: src/scenarios/diff.ts (the differences), src/ui/refresher/ (the screen).
 */
import { seededRandom } from '../domain/random/seeded';
import { diffPacks, type ChangeExplanation, type DiffItem, type PackDiff } from './diff';
import type { CaseV2, PackV2, QuestionV2 } from './format/v2';

export interface CaseLink {
  packId: string;
  version: string;
  caseId: string;
  title: string;
}

/** One change as the trainee reads it: a changelog change, or a difference no entry explains. */
export interface RefresherChange {
  /** Stable within a refresher: `change-1`, `change-2`, … in list order. */
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** A short heading: "Prior authorization (plan fixture-gold)". */
  subject: string;
  what: string;
  why: string | null;
  reference: string | null;
  /** The changelog entry's version and date, when the changelog explains it. */
  version: string | null;
  date: string | null;
  /** The differences behind it (`policy:gold/priorAuthorization`, `code:E11.A`, …). */
  items: DiffItem[];
  /** The refs it names: its differences' and its changelog change's. */
  refs: string[];
  /** Cases of the newer pack (the older one for something removed) that exercise it. */
  cases: CaseLink[];
}

export interface Choice {
  id: string;
  text: string;
}

interface QuizBase {
  id: string;
  prompt: string;
  rationale: string;
  reference: string;
  /** The changes (RefresherChange ids) this question checks. */
  changeIds: string[];
  /** A question of the pack, or one generated from the change. */
  source: 'pack' | 'generated';
}

export type QuizQuestion = QuizBase &
  (
    | { kind: 'single-choice'; choices: Choice[]; answer: string }
    | { kind: 'multiple-choice'; choices: Choice[]; answers: string[] }
    | { kind: 'true-false'; answer: boolean }
    | { kind: 'code-entry'; answers: string[] }
    /** Codes shown in `shown` order; the answer is `order`. */
    | { kind: 'sequencing'; shown: string[]; order: string[] }
  );

/** What the trainee gave: a choice id, choice ids, true/false, a code, or codes in order. */
export type QuizAnswer = string | string[] | boolean | undefined;

export interface Refresher {
  packId: string;
  from: { version: string; title: string };
  to: { version: string; title: string };
  diff: PackDiff;
  changes: RefresherChange[];
  quiz: QuizQuestion[];
}

// ---------------------------------------------------------------- plain words

const PART_NAMES: Record<string, string> = {
  priorAuthorization: 'Prior authorization',
  timelyFiling: 'Timely filing',
  medicalNecessity: 'Medical necessity',
  appeals: 'Appeal levels',
  modifiers: 'Modifier rules',
};

/** "Prior authorization (plan fixture-gold)", "Fee for 99214 (fixture-fees-2026)", "Code E11.A". */
export function subjectOf(ref: string): string {
  const colon = ref.indexOf(':');
  const kind = ref.slice(0, colon);
  const [id = '', sub] = ref.slice(colon + 1).split(/\/(.*)/s);
  switch (kind) {
    case 'code':
      return `Code ${id}`;
    case 'policy':
      return `${PART_NAMES[sub ?? ''] ?? sub} (plan ${id})`;
    case 'payer':
      return sub ? `Payer ${id}: ${sub}` : `Payer ${id}`;
    case 'fee':
      return sub ? `Fee for ${sub} (${id})` : `Fee table ${id}`;
    case 'drug':
      return sub ? `Drug payment limit for ${sub} (${id})` : `Drug table ${id}`;
    case 'rule':
      return sub?.startsWith('ptp') || id === 'ptp'
        ? `NCCI pair ${ref.split('/').slice(1).join(' / ')}`
        : `Units limit (MUE) ${ref.split('/').slice(1).join(' ')}`;
    case 'case':
      return `Case ${id}`;
    case 'template':
      return `Case template ${id}`;
    case 'question':
      return `Question ${id}`;
    default:
      return ref;
  }
}

const VERB = { added: 'added', removed: 'removed', changed: 'changed' } as const;

/** A sentence for a difference no changelog entry explains. */
function plainWhat(i: DiffItem, from: string, to: string): string {
  const s = subjectOf(i.ref);
  const values =
    i.change === 'changed' && i.before !== undefined && i.after !== undefined
      ? `: ${brief(i.before)} in ${from}, ${brief(i.after)} in ${to}`
      : i.fields?.length
        ? ` (${i.fields.join(', ')})`
        : '';
  return `${s} was ${VERB[i.change]} between versions ${from} and ${to}${values}.`;
}

/** A value in few words: amounts of a fee/drug entry, else compact JSON. */
function brief(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.limit === 'string') return `$${o.limit} per unit`;
    if (typeof o.nonFacility === 'string') return `$${o.nonFacility} (non-facility)`;
  }
  const t = JSON.stringify(v) ?? 'none';
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

// ---------------------------------------------------------------- cases that exercise a change

function codesOf(c: CaseV2): Set<string> {
  const out = new Set<string>();
  for (const d of c.answer.diagnoses)
    for (const x of [d.code, ...d.acceptable, ...d.alternatives.map((a) => a.code)])
      out.add(x.toUpperCase());
  for (const l of c.answer.lines)
    for (const x of [l.code, ...l.alternatives.map((a) => a.code)]) out.add(x.toUpperCase());
  return out;
}

/** Does the case exercise this difference? */
function exercises(c: CaseV2, ref: string, pack: PackV2): boolean {
  const colon = ref.indexOf(':');
  const kind = ref.slice(0, colon);
  const parts = ref.slice(colon + 1).split('/');
  const id = parts[0] ?? '';
  const e = c.encounter;
  switch (kind) {
    case 'case':
      return c.id === id;
    case 'code':
      return codesOf(c).has(id.toUpperCase());
    case 'policy': {
      const plan = pack.plans.find((p) => p.id === id);
      return e.planId === id || (!e.planId && !!plan && plan.payerId === e.payerId);
    }
    case 'payer':
      return e.payerId === id;
    case 'fee':
    case 'drug':
      return parts[1] !== undefined && c.answer.lines.some((l) => l.code === parts[1]);
    case 'rule':
      return parts.slice(1).some((code) => c.answer.lines.some((l) => l.code === code));
    case 'question': {
      const q = questionsOf(pack).find((x) => x.id === id);
      return !!q && (q.caseIds.includes(c.id) || (q.kind === 'claim-outcome' && q.caseId === c.id));
    }
    default:
      return false;
  }
}

const questionsOf = (p: PackV2): QuestionV2[] => p.questionBanks.flatMap((b) => b.questions);

function caseLinks(refs: readonly string[], pack: PackV2): CaseLink[] {
  return pack.cases
    .filter((c) => refs.some((r) => exercises(c, r, pack)))
    .map((c) => ({ packId: pack.id, version: pack.version, caseId: c.id, title: c.title }));
}

// ---------------------------------------------------------------- changes

const explKey = (e: ChangeExplanation): string => `${e.version}\u0000${e.what}`;

/** Groups the differences by the changelog change that explains them; the rest one by one. */
export function changesOf(diff: PackDiff, older: PackV2, newer: PackV2): RefresherChange[] {
  const groups = new Map<string, { e: ChangeExplanation | null; items: DiffItem[] }>();
  for (const i of diff.items) {
    const e = i.explainedBy[0] ?? null;
    const key = e ? explKey(e) : `item\u0000${i.ref}`;
    const g = groups.get(key) ?? { e, items: [] };
    g.items.push(i);
    groups.set(key, g);
  }
  const log = new Map(
    newer.changelog.flatMap((entry) =>
      entry.changes.map((c) => [`${entry.version}\u0000${c.what}` as string, c] as const),
    ),
  );
  return [...groups.values()].map(({ e, items }, n) => {
    const logged = e ? log.get(explKey(e)) : undefined;
    const refs = [...new Set([...items.map((i) => i.ref), ...(logged?.refs ?? [])])];
    const allRemoved = items.every((i) => i.change === 'removed');
    const change = logged?.kind ?? (items.length === 1 ? items[0]!.change : 'changed');
    return {
      id: `change-${n + 1}`,
      change,
      subject: subjectOf(logged?.refs[0] ?? items[0]!.ref),
      what: e?.what ?? plainWhat(items[0]!, older.version, newer.version),
      why: e?.why ?? null,
      reference: e?.reference ?? null,
      version: e?.version ?? null,
      date: e?.date ?? null,
      items,
      refs,
      cases: caseLinks(refs, allRemoved ? older : newer),
    };
  });
}

// ---------------------------------------------------------------- the quiz

/**
 * The pack's questions that check this change: a question the change names, a question on a case
 * the change names (not on every case of a payer whose fee table changed), or on a changed code.
 */
function packQuestionsFor(ch: RefresherChange, newer: PackV2): QuestionV2[] {
  const refs = new Set(ch.refs);
  const caseIds = new Set(ch.refs.filter((r) => r.startsWith('case:')).map((r) => r.slice(5)));
  const codes = new Set(
    ch.items.filter((i) => i.kind === 'code').map((i) => i.ref.slice(5).toUpperCase()),
  );
  return questionsOf(newer).filter(
    (q) =>
      refs.has(`question:${q.id}`) ||
      q.caseIds.some((c) => caseIds.has(c)) ||
      (q.kind === 'claim-outcome' && caseIds.has(q.caseId)) ||
      (q.kind === 'code-entry' && q.answers.some((a) => codes.has(a.toUpperCase()))) ||
      (q.kind === 'sequencing' && q.order.some((a) => codes.has(a.toUpperCase()))),
  );
}

function shuffle<T>(list: readonly T[], seed: string): T[] {
  const r = seededRandom(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function fromPack(q: QuestionV2, changeIds: string[]): QuizQuestion {
  const base = {
    id: `pack:${q.id}`,
    prompt: q.prompt,
    rationale: q.rationale,
    reference: q.reference,
    changeIds,
    source: 'pack' as const,
  };
  switch (q.kind) {
    case 'single-choice':
    case 'claim-outcome':
      return { ...base, kind: 'single-choice', choices: q.choices, answer: q.answer };
    case 'multiple-choice':
      return { ...base, kind: 'multiple-choice', choices: q.choices, answers: q.answers };
    case 'true-false':
      return { ...base, kind: 'true-false', answer: q.answer };
    case 'code-entry':
      return { ...base, kind: 'code-entry', answers: q.answers };
    case 'sequencing':
      return { ...base, kind: 'sequencing', shown: shuffle(q.order, q.id), order: q.order };
  }
}

const NONE = 'It is the same as in version';
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A question built from a change without one of its own. A fee or drug amount that changed:
 * "what is the amount under <to>?" (the old and the new amount as choices). Otherwise: "which
 * change did version <to> make to <subject>?" with this change's words, "none", and another
 * change's words as choices.
 */
function generated(ch: RefresherChange, all: RefresherChange[], r: Refresher): QuizQuestion {
  const to = r.to.version;
  const from = r.from.version;
  const base = {
    id: `gen:${ch.id}`,
    rationale: [ch.what, ch.why].filter(Boolean).join(' '),
    reference: ch.reference ?? `${r.packId} changelog, versions ${from} to ${to}`,
    changeIds: [ch.id],
    source: 'generated' as const,
  };
  const amount = ch.items.find(
    (i) => (i.kind === 'fee' || i.kind === 'drug') && i.change === 'changed',
  );
  if (amount && brief(amount.before) !== brief(amount.after)) {
    const choices = shuffle(
      [
        { id: 'a', text: brief(amount.after) },
        { id: 'b', text: brief(amount.before) },
      ],
      ch.id + to,
    );
    return {
      ...base,
      kind: 'single-choice',
      prompt: `Under ${r.packId} version ${to}, what is the ${lowerFirst(subjectOf(amount.ref))}?`,
      choices,
      answer: 'a',
      rationale: `${base.rationale} Version ${from} had ${brief(amount.before)}.`,
    };
  }
  const subject = ch.subject;
  const other = all.find((c) => c.id !== ch.id && c.what !== ch.what && c.subject !== subject);
  const options: Choice[] = [
    { id: 'a', text: ch.what },
    { id: 'b', text: `Nothing. ${NONE} ${from}.` },
    ...(other ? [{ id: 'c', text: other.what }] : []),
  ];
  return {
    ...base,
    kind: 'single-choice',
    prompt: `Under ${r.packId} version ${to}, what changed about ${lowerFirst(subject)} since version ${from}?`,
    choices: shuffle(options, ch.id + to),
    answer: 'a',
  };
}

/** Every change gets its pack questions (each asked once), or a generated one. */
export function quizFor(r: Omit<Refresher, 'quiz'>, newer: PackV2): QuizQuestion[] {
  const quiz: QuizQuestion[] = [];
  const byId = new Map<string, QuizQuestion>();
  for (const ch of r.changes) {
    const own = packQuestionsFor(ch, newer);
    if (!own.length) {
      quiz.push(generated(ch, r.changes, { ...r, quiz: [] }));
      continue;
    }
    for (const q of own) {
      const seen = byId.get(q.id);
      if (seen) seen.changeIds.push(ch.id);
      else {
        const item = fromPack(q, [ch.id]);
        byId.set(q.id, item);
        quiz.push(item);
      }
    }
  }
  return quiz;
}

/** The refresher between two versions of one pack (older first; swapped when given newer first). */
export function buildRefresher(a: PackV2, b: PackV2): Refresher {
  const diff = diffPacks(a, b);
  const changes = changesOf(diff, a, b);
  const base = {
    packId: b.id,
    from: { version: a.version, title: a.title },
    to: { version: b.version, title: b.title },
    diff,
    changes,
  };
  return { ...base, quiz: quizFor(base, b) };
}

// ---------------------------------------------------------------- scoring

export interface ScoredQuestion {
  id: string;
  prompt: string;
  correct: boolean;
  /** The right answer in words (the choice texts, the codes, true/false). */
  expected: string;
  /** What the trainee gave, in words ("no answer" when blank). */
  given: string;
  rationale: string;
  reference: string;
  changeIds: string[];
}

export interface QuizScore {
  correct: number;
  total: number;
  /** Whole percent, rounded down. */
  percent: number;
  items: ScoredQuestion[];
}

/** Codes compare without case, spaces or the dot (`e11a` = `E11.A`). */
const normCode = (s: string) => s.toUpperCase().replace(/[\s.]/g, '');
/** Codes typed in a list: commas, spaces or new lines between them. */
export const splitCodes = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

function grade(
  q: QuizQuestion,
  a: QuizAnswer,
): { correct: boolean; expected: string; given: string } {
  const textOf = (choices: Choice[], ids: readonly string[]) =>
    ids.map((id) => choices.find((c) => c.id === id)?.text ?? id).join('; ');
  const blank = 'no answer';
  switch (q.kind) {
    case 'single-choice':
      return {
        correct: a === q.answer,
        expected: textOf(q.choices, [q.answer]),
        given: typeof a === 'string' ? textOf(q.choices, [a]) : blank,
      };
    case 'multiple-choice': {
      const got = Array.isArray(a) ? [...new Set(a)].sort() : [];
      const want = [...q.answers].sort();
      return {
        correct: got.length === want.length && got.every((x, i) => x === want[i]),
        expected: textOf(q.choices, want),
        given: got.length ? textOf(q.choices, got) : blank,
      };
    }
    case 'true-false':
      return {
        correct: a === q.answer,
        expected: q.answer ? 'True' : 'False',
        given: typeof a === 'boolean' ? (a ? 'True' : 'False') : blank,
      };
    case 'code-entry': {
      const got = typeof a === 'string' ? a.trim() : '';
      return {
        correct: got !== '' && q.answers.some((x) => normCode(x) === normCode(got)),
        expected: q.answers.join(' or '),
        given: got || blank,
      };
    }
    case 'sequencing': {
      const got = (Array.isArray(a) ? a : typeof a === 'string' ? splitCodes(a) : []).map(normCode);
      return {
        correct: got.length === q.order.length && q.order.every((c, i) => normCode(c) === got[i]),
        expected: q.order.join(', '),
        given: got.length ? got.join(', ') : blank,
      };
    }
  }
}

/** Scores the answers (by question id); a missing answer is wrong. */
export function scoreQuiz(
  quiz: readonly QuizQuestion[],
  answers: Readonly<Record<string, QuizAnswer>>,
): QuizScore {
  const items = quiz.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    ...grade(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined),
    rationale: q.rationale,
    reference: q.reference,
    changeIds: q.changeIds,
  }));
  const correct = items.filter((i) => i.correct).length;
  return {
    correct,
    total: items.length,
    percent: items.length ? Math.floor((100 * correct) / items.length) : 0,
    items,
  };
}
