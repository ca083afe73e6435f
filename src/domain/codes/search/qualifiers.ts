/**
 * Qualifiers a coder types that the words alone do not rank: the side (right, left, bilateral)
 * and whose history (personal or family). Applied to the best hits after the word ranking, as a
 * stable reordering: hits that contradict what was typed move behind those that agree.
 * - Laterality: a code of the side typed comes first (before a code of its category that names
 *   no side; a code of a category without sides keeps its place); with no side typed, codes for an
 *   unspecified side (or without one) come before a right, left or bilateral code.
 *   See: ICD-10-CM Official Guidelines FY2026 §I.B.13 (laterality) and §I.A.9 (unspecified
 *   codes when the documentation does not say).
 * - History: "history of" without "family" is the patient's own history (Z85–Z87, I25.2…),
 *   "family history" is Z80–Z84. See: Guidelines §I.C.21.c.4 (history codes).
 * - Status: "s/p", "status post" ask for a status Z code (presence of an implant, acquired
 *   absence, an ostomy or transplant status), not the condition. See: Guidelines §I.C.21.c.3.
 * - Long-term drug therapy: "long term", or "chronic" beside a drug, asks for a Z79 "Long term
 *   (current) use of" code. See: Guidelines §I.C.21.c.3 (Z79).
 * - Bilateral with no bilateral code: the right and left codes (both are assigned) come before
 *   an unspecified side. See: Guidelines §I.B.13.
 * - Mechanism: a bite with no insect or venomous animal named is an open bite (the Index "Bite"
 *   sends an animal or human bite to the open wound, "bite" of the site); a superficial insect
 *   bite only when an insect is named, and the reverse. See: Guidelines §I.C.19.
 * - Fracture: a fracture not said to be pathological, stress, periprosthetic or a nonunion is
 *   traumatic (Index "Fracture, traumatic" is the default; M84 is not for traumatic fractures).
 *   See: Guidelines §I.C.13.c and §I.C.19.c.
 * - Encounter: an injury code for the initial encounter comes before its subsequent-encounter and
 *   sequela codes unless those are asked for (7th character A while the patient receives active
 *   treatment). See: Guidelines §I.C.19.a.
 */
import type { Slot } from './expand';
import { stem } from './tokenize';
import type { SearchHit } from './types';

export type Side = 'right' | 'left' | 'bilateral';
const SIDES: Side[] = ['right', 'left', 'bilateral'];

export const titleSide = (title: string): Side | 'unspecified' | null => {
  const t = title.toLowerCase();
  if (
    /\bunspecified (side|ear|eye|knee|hip|shoulder|elbow|wrist|hand|foot|ankle|leg|arm|limb|lung|kidney|breast|upper limb|lower limb)\b/.test(
      t,
    )
  )
    return 'unspecified';
  // "Blindness, both eyes" (H54.0) is the bilateral code of its category.
  if (/\bbilateral\b|\bboth (eyes|ears)\b/.test(t)) return 'bilateral';
  if (/\bright\b/.test(t)) return 'right';
  if (/\bleft\b/.test(t)) return 'left';
  return null;
};

/** The side the query names: a typed word or the expansion of one (rt -> right). */
export function querySide(slots: Slot[]): Side | null {
  for (const s of slots)
    for (const side of SIDES)
      if (s.typed === side || s.alts.some((a) => a.length === 1 && a[0] === side)) return side;
  return null;
}

/** A slot that only names a side: ranked by the qualifiers, never required of a title. */
export const isSideSlot = (slot: Slot): boolean =>
  slot.alts.length > 0 &&
  slot.alts.every((a) => a.length === 1 && (SIDES as string[]).includes(a[0]!));

/**
 * A title without its side: "Other fracture of unspecified lower leg" and "Other fracture of
 * left lower leg" are the same code but for the side.
 */
export const sideless = (title: string): string =>
  title
    .toLowerCase()
    .replace(/\b(right|left|bilateral|unspecified)\b\s*/g, '')
    .trim();

const says = (slots: Slot[], word: string) =>
  slots.some((s) => s.typed.split(' ').includes(word) || s.alts.some((a) => a.includes(word)));

/** Stable reorder of hits by how well they agree with the side and the history typed. */
const STATUS_TYPED = /^(s p|sp|status post)$/;
const INSECT =
  /\b(insect|bug|tick|mite|chigger|flea|mosquito|spider|snake|venom|venomous|sting|stung|bee|wasp|hornet|ant|ants|arthropods)\b/;
const NOT_TRAUMATIC =
  /\b(pathological|stress|fatigue|periprosthetic|osteoporotic|insufficiency|nonunion|malunion|neoplastic|torus|birth|recurrent|congenital|habitual)\b/;
/** Words that ask for a newborn's (P00-P96) or a pregnancy's (O00-O9A) code. */
const NEWBORN =
  /\b(newborn|neonatal|neonate|perinatal|fetal|fetus|infant|birth|preterm|premature|prematurity|nb|baby)\b/;
const PREGNANCY =
  /\b(pregnancy|pregnant|gestational|gestation|obstetric|antepartum|postpartum|puerperal|puerperium|labor|delivery|trimester|eclampsia|preeclampsia|hyperemesis|abortion|miscarriage|ectopic|placenta|maternal|childbirth|gravid|gravidarum|weeks)\b/;
/** Acuity typed: without it, "acute on chronic" is not the default (Guidelines I.A.9). */
const ACUITY =
  /\b(acute|chronic|exacerbation|exacerbated|exac|decompensated|decompensation|flare)\b/;
const LATER_ENCOUNTER = /\b(subsequent|sequela|healing|nonunion|malunion)\b/;
/** A title for a later encounter ("without subsequent striking against object" is not one). */
const LATER_ENCOUNTER_TITLE = /\b(subsequent encounter|sequela|healing|nonunion|malunion)\b/;

/**
 * Negation, in a title and in a query. A title's words after "without", "not" or "no" up to
 * the next comma or "with" are what the code excludes ("...coronary artery without angina
 * pectoris", "...difficile, not specified as recurrent", "...without abnormal findings"): a
 * query word found only there is not found, and a word the query negates ("no abn findings",
 * "w/o aura") is not found in a title that states it. See: Guidelines I.A.15 ("with" and
 * "without" in titles), I.A.9 (a title "not specified as" is the default when the
 * documentation says nothing more).
 */
const NEGATORS = new Set(['no', 'not', 'without', 'w o', 'wo', 'denies']);
const CLAUSE_BREAK = new Set(['with', 'w', 'and', 'but', 'on', 'due']);
/** Words that say nothing about what a code covers (never compared). */
const UNCOMPARED =
  /^(with|without|not|no|other|specified|unspecified|elsewhere|classified|mention|of|the|and|or|in|to|as|a|an|by|for|on|due|type|site|part)$/;
const wordStems = (text: string): string[] =>
  (
    text
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .match(/[a-z0-9]+/g) ?? []
  )
    .filter((w) => !UNCOMPARED.test(w))
    .map(stem);

interface Negation {
  /** Each slot's words (typed and expanded), by whether the query negates the slot. */
  said: Set<string>[];
  negated: Set<string>[];
}

/** Words that end a typed negation: the encounter and the side qualify the whole code. */
const NEGATION_END = /^(initial|subsequent|sequela|encounter|right|left|bilateral|rt|lt|bilat)$/;

function readNegation(slots: Slot[]): Negation {
  const out: Negation = { said: [], negated: [] };
  // One negated phrase is one group ("no abn findings", "w/o nail damage").
  let group: Set<string> | null = null;
  for (const s of slots) {
    if (NEGATORS.has(s.typed) || (s.expanded && s.alts.every((a) => a.join(' ') === 'without'))) {
      group = new Set();
      out.negated.push(group);
      continue;
    }
    if (CLAUSE_BREAK.has(s.typed) || NEGATION_END.test(s.typed) || isSideSlot(s)) group = null;
    // The side and the encounter are ranked on their own (byQualifiers).
    if (CLAUSE_BREAK.has(s.typed) || NEGATION_END.test(s.typed) || isSideSlot(s)) continue;
    const words = wordStems([s.typed, ...s.alts.map((a) => a.join(' '))].join(' '));
    if (!words.length) continue;
    if (group) for (const w of words) group.add(w);
    else out.said.push(new Set(words));
  }
  out.negated = out.negated.filter((g) => g.size > 0);
  return out;
}

/**
 * The slots a query negates, by index: the negator ("w/o", "no", "without") and the words of its
 * phrase. A code need not say them (the category's default excludes what the documentation
 * denies: "cad native vessel w/o angina" I25.10, whose Index entry names no angina), so the word
 * search does not require them; titles that state them rank after (negationConflicts).
 * See: Guidelines I.A.15 ("with"/"without"), I.A.9.
 */
export function negatedSlots(slots: Slot[]): Set<number> {
  const out = new Set<number>();
  let open = false;
  slots.forEach((s, i) => {
    if (NEGATORS.has(s.typed) || (s.expanded && s.alts.every((a) => a.join(' ') === 'without'))) {
      open = true;
      out.add(i);
      return;
    }
    if (CLAUSE_BREAK.has(s.typed) || NEGATION_END.test(s.typed) || isSideSlot(s)) open = false;
    else if (open) out.add(i);
  });
  // A negator with nothing after it negates nothing.
  for (const i of [...out]) if (!out.has(i + 1) && NEGATORS.has(slots[i]!.typed)) out.delete(i);
  return out;
}

/** Words that end a title's negation: what follows is where, or what else ("...of right hand"). */
const TITLE_NEGATION_END = /^(with|of|in|on|at|to|due|following|affecting|for|from|by|and)$/;

/**
 * Nouns whose "of" or "to" phrase is still what is excluded ("without loss of consciousness",
 * "without damage to nail"); after others the phrase is the site ("without foreign body of
 * right hand").
 */
const NEGATION_CARRIES = /^(loss|damage|evidence|mention|diagnosis)$/;

/** A title's stated and excluded words (stems), and its excluded phrases. */
interface TitleWords {
  stated: Set<string>;
  excluded: Set<string>;
  phrases: string[][];
}

/** Titles read before (a query reorders the same few dozen hits several times). */
const titleCache = new Map<string, TitleWords>();

function titleNegation(title: string): TitleWords {
  let t = titleCache.get(title);
  if (!t) {
    if (titleCache.size > 16384) titleCache.clear();
    titleCache.set(title, (t = readTitle(title)));
  }
  return t;
}

function readTitle(title: string): TitleWords {
  const stated = new Set<string>();
  const excluded = new Set<string>();
  const phrases: string[][] = [];
  const text = title.toLowerCase().replace(/['\u2019]/g, '');
  for (const clause of text.split(/[,;]/)) {
    let negating = false;
    let prev = '';
    for (const w of clause.match(/[a-z0-9]+/g) ?? []) {
      if (w === 'without' || w === 'not' || w === 'no') {
        negating = true;
        phrases.push([]);
      } else if (TITLE_NEGATION_END.test(w) && !NEGATION_CARRIES.test(prev)) negating = false;
      else if (!UNCOMPARED.test(w)) {
        (negating ? excluded : stated).add(stem(w));
        if (negating) phrases[phrases.length - 1]!.push(stem(w));
      }
      prev = w;
    }
  }
  return { stated, excluded, phrases };
}

/** How many of the query's slots a title contradicts by negation (0 when none). */
export function negationConflicts(title: string, n: Negation): number {
  if (!n.negated.length && !n.said.length) return 0;
  const { stated, excluded } = titleNegation(title);
  if (!excluded.size && !n.negated.length) return 0;
  const any = (words: Set<string>, in_: Set<string>) => {
    for (const w of words) if (in_.has(w)) return true;
    return false;
  };
  let c = 0;
  for (const words of n.said) if (!any(words, stated) && any(words, excluded)) c++;
  for (const words of n.negated) if (any(words, stated) && !any(words, excluded)) c++;
  return c;
}

/**
 * Half a rank for a title that excludes what the query negates ("elevated bp w/o htn": "Elevated
 * blood-pressure reading, without diagnosis of hypertension" R03.0): the negated words are not
 * required of a code (negatedSlots), so the code that says the negation comes first.
 * See: Guidelines I.A.15 ("without" in titles).
 */
export function negationAgrees(title: string, n: Negation): number {
  if (!n.negated.length) return 0;
  const { excluded } = titleNegation(title);
  if (!excluded.size) return 0;
  for (const words of n.negated) if (![...words].some((w) => excluded.has(w))) return 0;
  return 0.5;
}

/**
 * A detail the query does not give is not assumed: among codes of one category, a title that
 * states a word the query does not say ("...difficile, recurrent", "...with hypoglycemia with
 * coma", "Migraine, ..., intractable") comes after a sibling that excludes it ("not specified
 * as recurrent", "without coma", "not intractable"), the category's default. Returns the codes to
 * move back. See: Guidelines I.A.9 (unspecified codes), I.B.1 (the Index's default code).
 */
/** Whether an Index path has a word of every slot the query says. */
function pathSaysAll(path: string, said: readonly Set<string>[]): boolean {
  const words = wordStems(path);
  return said.every((slot) => [...slot].some((w) => words.some((x) => x === w || sameWord(x, w))));
}

/** The same word up to its ending: "nauseated" says "nausea". */
const sameWord = (x: string, w: string): boolean =>
  x.length >= 5 && w.length >= 5 && x.slice(0, 5) === w.slice(0, 5);

function unsaidDetails(hits: readonly SearchHit[], n: Negation): Set<string> {
  const said: string[] = [];
  for (const words of [...n.said, ...n.negated]) said.push(...words);
  // "nauseated" says "nausea": the same word up to its ending.
  const says = (w: string) => said.some((x) => x === w || sameWord(x, w));
  const parsed = hits.map((h) => ({ h, t: titleNegation(h.title) }));
  const excludedBy = new Map<string, Set<string>>();
  for (const { h, t } of parsed) {
    const cat = h.code.slice(0, 3);
    const set = excludedBy.get(cat) ?? new Set<string>();
    // A phrase the query says a word of is not a detail left unsaid ("angina pectoris").
    for (const phrase of t.phrases) if (!phrase.some(says)) for (const w of phrase) set.add(w);
    excludedBy.set(cat, set);
  }
  const out = new Set<string>();
  for (const { h, t } of parsed) {
    const ex = excludedBy.get(h.code.slice(0, 3))!;
    if (!ex.size || indexedAsTyped(h, says)) continue;
    for (const w of t.stated)
      if (ex.has(w) && !t.excluded.has(w)) {
        out.add(h.code);
        break;
      }
  }
  return out;
}

/**
 * An Index entry every word of which the query says leads to its code as the default ("Concussion"
 * S06.0X9-, though its title says "with loss of consciousness"). See: Guidelines I.B.1.
 */
const indexedAsTyped = (h: SearchHit, says: (w: string) => boolean): boolean =>
  h.via === 'index' &&
  !!h.indexPath &&
  // A level's comma-separated forms are alternatives ("Ulcer, ulcerated, ulceration").
  h.indexPath.split(' > ').every((level) =>
    level
      .split(',')
      // "NEC" and "NOS" say no more than the term ("Bite > face NEC").
      .some((form) => {
        const words = wordStems(form.replace(/\b(NEC|NOS)\b/g, ''));
        return words.length > 0 && words.every(says);
      }),
  );

/**
 * Reorders the hits of each group (same `groupOf`) among the places the group holds, by `key`
 * ascending (stable); other hits keep their places.
 */
function withinGroups(
  hits: SearchHit[],
  groupOf: (h: SearchHit) => string,
  key: (h: SearchHit) => number,
): SearchHit[] {
  const out = hits.slice();
  const groups = new Map<string, number[]>();
  hits.forEach((h, i) => {
    const g = groupOf(h);
    const at = groups.get(g);
    if (at) at.push(i);
    else groups.set(g, [i]);
  });
  for (const at of groups.values()) {
    if (at.length < 2) continue;
    const order = at
      .map((i) => ({ i, k: key(hits[i]!) }))
      .sort((a, b) => a.k - b.k || a.i - b.i)
      .map((x) => x.i);
    at.forEach((pos, k) => (out[pos] = hits[order[k]!]!));
  }
  return out;
}

/** Within each category, codes in `back` move behind their siblings (other codes keep their places). */
const siblingsFirst = (hits: SearchHit[], back: Set<string>): SearchHit[] =>
  back.size
    ? withinGroups(
        hits,
        (h) => h.code.slice(0, 3),
        (h) => (back.has(h.code) ? 1 : 0),
      )
    : hits;

/**
 * The Tabular step after the Index: the Index often names a subcategory ("Ulcer, pressure, stage
 * 2, sacral region L89.15-") and the coder completes the code with the child whose title says what
 * the documentation says ("...sacral region, stage 2" L89.152, not the unspecified-stage child).
 * Among codes that differ only in their last character, the one whose title says more of the
 * query's words comes first. See: Guidelines I.B.1 (Index, then Tabular), I.A.5 (a code is
 * completed to its highest number of characters).
 */
/** Scores this close are a tie for the Tabular step (one query word weighs about 1). */
const TIE_MARGIN = 1;
/** A child for the detail left unsaid, and one for a detail specified but not listed (I.A.9). */
const UNSPECIFIED_CHILD = /\bunspecified\b/i;
const OTHER_CHILD = /^(?!.*\bunspecified\b).*\bother (specified )?\b/i;
/** Title words (stems) that are the side or the encounter, ranked on their own. */
const SIDE_OR_ENCOUNTER =
  /^(right|left|bilateral|initial|subsequent|sequela|encounter|closed|open|routine|healing)$/;

function tabularChildFirst(hits: SearchHit[], n: Negation, side: Side | null): SearchHit[] {
  if (n.said.length < 2) return hits;
  const said = n.said.flatMap((words) => [...words]);
  const says = (w: string) => said.some((x) => x === w || sameWord(x, w));
  // The Index entry typed word for word keeps its code first ("food poisoning": Index
  // "Poisoning, food - see Intoxication, foodborne" A05.9, not "Botulism food poisoning").
  const typed = new Set(
    hits
      .filter((h) => indexedAsTyped(h, says) && pathSaysAll(h.indexPath!, n.said))
      .map((h) => h.code.slice(0, -1)),
  );
  const cover = (h: SearchHit) => {
    if (typed.has(h.code.slice(0, -1))) return 0;
    const { stated } = titleNegation(h.title);
    let c = 0;
    for (const words of n.said)
      for (const w of words)
        if (stated.has(w)) {
          c++;
          break;
        }
    return -c;
  };
  // Billable codes only: a header is not a code to report (I.A.5). A child moves ahead of a
  // sibling only when their scores are within one word's weight (it is a tie-breaker, not a
  // second ranking: "copd with emphysema" keeps J43.9, far ahead of "Unilateral pulmonary
  // emphysema").
  const out = hits.slice();
  const groups = new Map<string, number[]>();
  hits.forEach((h, i) => {
    if (!h.billable) return;
    const g = h.code.slice(0, -1);
    const at = groups.get(g);
    if (at) at.push(i);
    else groups.set(g, [i]);
  });
  // A child that says more of the query but also more the query does not say ("speech delay":
  // "...development delay due to hearing loss" F80.4) is not the Tabular's completion of the
  // sibling the Index reached ("Developmental disorder of speech and language, unspecified" F80.9):
  // a detail not documented is not assumed (I.A.9).
  const unsaid = (h: SearchHit) => {
    const { stated } = titleNegation(h.title);
    let u = 0;
    for (const w of stated) if (!SIDE_OR_ENCOUNTER.test(w) && !says(w)) u++;
    return u;
  };
  for (const at of groups.values()) {
    if (at.length < 2) continue;
    const c = new Map(at.map((i) => [i, cover(hits[i]!)]));
    const u = new Map(at.map((i) => [i, unsaid(hits[i]!)]));
    const order: number[] = [];
    for (const i of at) {
      const k = order.findIndex(
        (j) =>
          (c.get(i)! < c.get(j)! ||
            // Saying as much, the unspecified child is the default before "other specified"
            // ("influenza a w pneumonia": J10.00 "...with unspecified type of pneumonia").
            (c.get(i)! === c.get(j)! &&
              UNSPECIFIED_CHILD.test(hits[i]!.title) &&
              OTHER_CHILD.test(hits[j]!.title))) &&
          u.get(i)! <= u.get(j)! &&
          // The side typed was ranked first (byQualifiers): a child without it stays behind
          // ("rt sided abd pain": R10.11 "Right upper quadrant pain", not R10.10).
          !(side && titleSide(hits[j]!.title) === side && titleSide(hits[i]!.title) !== side) &&
          hits[i]!.score >= hits[j]!.score - TIE_MARGIN,
      );
      if (k < 0) order.push(i);
      else order.splice(k, 0, i);
    }
    at.forEach((pos, k) => (out[pos] = hits[order[k]!]!));
  }
  return out;
}

/**
 * Hemiplegia and monoplegia codes by dominance: when the documentation does not say which side
 * is dominant, the right side affected is dominant and the left non-dominant (ambidextrous:
 * dominant). See: Guidelines I.C.6.a (dominant/nondominant side), I.C.9.d.1 (I69 sequelae).
 */
export function dominanceMismatch(title: string, side: Side | null): boolean {
  const t = title.toLowerCase();
  if (side === 'left') return /\bleft dominant\b/.test(t);
  if (side === 'right') return /\bright non-?dominant\b/.test(t);
  return false;
}

/** Everything the query says, typed and expanded, as one lower-case string of words. */
const queryText = (slots: Slot[]) =>
  slots.map((s) => [s.typed, ...s.alts.map((a) => a.join(' '))].join(' ')).join(' ');

/** What the query asks for beyond its words: the qualifiers above, read once per query. */
interface Intent {
  side: Side | null;
  status: boolean;
  history: boolean;
  family: boolean;
  longTerm: boolean;
  bite: boolean;
  insect: boolean;
  /** A fracture not said to be pathological, stress, periprosthetic...: traumatic. */
  traumatic: boolean;
  laterEncounter: boolean;
  /** Newborn or pregnancy words: chapters 16 and 15 are for those records only (I.C.16, I.C.15.a). */
  newborn: boolean;
  pregnancy: boolean;
  /** Acute, chronic or an exacerbation typed. */
  acuity: boolean;
  /**
   * Both acute and chronic typed, or an exacerbation (decompensation) of the condition: "acute
   * on chronic" is not read into "acute" or "chronic" alone (Guidelines I.A.9).
   */
  acuteOnChronic: boolean;
  /** A secondary (metastatic) neoplasm typed. */
  secondary: boolean;
  /** A screening typed (Z11-Z13 are for those encounters). */
  screening: boolean;
}

function readIntent(slots: Slot[]): Intent {
  const typed = ` ${slots.map((s) => s.typed).join(' ')} `;
  const said = queryText(slots);
  return {
    side: querySide(slots),
    status: slots.some((s) => STATUS_TYPED.test(s.typed)),
    // "s/p" reads status, presence, acquired absence or history (synonyms.ts): a history is
    // asked for only by a word of its own ("s/p avr" is the valve's presence, Z95.2).
    history: says(
      slots.filter((s) => !STATUS_TYPED.test(s.typed)),
      'history',
    ),
    family: says(slots, 'family'),
    longTerm:
      /\blong term\b/.test(said) &&
      (slots.some((s) => s.drug) || /\b(use|therapy|current)\b/.test(typed)),
    bite: /\b(bite|bites|bitten|bit)\b/.test(typed),
    insect: INSECT.test(typed),
    traumatic:
      /\b(fracture|fx|broken|break|dislocation|dislocated|subluxation)\b/.test(said) &&
      !NOT_TRAUMATIC.test(typed),
    laterEncounter:
      LATER_ENCOUNTER.test(typed) || slots.some((s) => s.episode && s.episode !== 'initial'),
    newborn: NEWBORN.test(said),
    pregnancy: PREGNANCY.test(said),
    acuity: ACUITY.test(said),
    acuteOnChronic:
      /\bacute\b/.test(said) === /\bchronic\b/.test(said)
        ? ACUITY.test(said)
        : /\b(exacerbation|exacerbated|exac|decompensated|decompensation|flare)\b/.test(said),
    secondary: SECONDARY_TYPED.test(said),
    screening: /\b(screening|screen|screened|screenings)\b/.test(said),
  };
}

/** Codes of fractures that are not traumatic: osteoporotic (M80), stress and pathological (M84),
 * periprosthetic (M97), fatigue and collapsed vertebra (M48.4, M48.5). */
const NOT_TRAUMATIC_CODES = /^(M80|M84|M97|M484|M485|M243|M244|Q68)/;
/** Secondary malignant neoplasms (lymph nodes, respiratory and digestive, other sites, carcinoid). */
const SECONDARY_NEOPLASM = /^(C7[7-9]|C7B)/;
/** Words that say a neoplasm has spread (synonyms.ts reads "mets" as "secondary malignant neoplasm"). */
const SECONDARY_TYPED = /\b(secondary|metastatic|metastasis|metastases|metastasized|mets|spread)\b/;
/** Personal history codes: Z85-Z87, Z91.x history of (falling, allergy...), Z92, old MI I25.2. */
const PERSONAL_HISTORY_CODES = /^(Z8[5-7]|Z91|Z92|I252|F1[0-689][129]1$)/;
/**
 * A history of alcohol or drug abuse, dependence or use is coded "in remission" (the Index:
 * "History, personal, alcohol dependence F10.21"); of nicotine dependence, Z87.891.
 * See: Guidelines I.C.5.b.1 (in remission, F10-F19).
 */
const SUBSTANCE = /^F1([0-689])([129])0/;
const substanceInRemission = (code: string, title: string) =>
  /^F1[0-689][129]1$/.test(code) && /\bin remission\b/i.test(title);

/**
 * The code-family part of the qualifiers, cheap enough to apply to every candidate before the
 * best hits are cut (a code from the wrong family would otherwise fill the window): how much
 * to take off a code's score, or null when the query asks for no family.
 */
export function codePenalty(slots: Slot[]): ((code: string) => number) | null {
  const i = readIntent(slots);
  return (code) => {
    let p = 0;
    // Chapter 16 codes are for the newborn's record, chapter 15 for the mother's: not the
    // default for a query that names neither. See: Guidelines I.C.16.a, I.C.15.a.
    if (!i.newborn && code[0] === 'P') p += 1;
    if (!i.pregnancy && code[0] === 'O') p += 1;
    if (i.status && code[0] !== 'Z') p += 1.5;
    if (i.history && i.family && !/^Z8[0-4]/.test(code)) p += 1.5;
    if (i.history && !i.family && !PERSONAL_HISTORY_CODES.test(code)) p += 1.5;
    if (i.longTerm && !code.startsWith('Z79')) p += 1.5;
    if (i.traumatic && NOT_TRAUMATIC_CODES.test(code)) p += 1.5;
    // A malignant neoplasm not said to be secondary (metastatic) is primary: the Index's
    // "Carcinoma - see Neoplasm, by site, malignant" leads to the primary column; the secondary
    // codes (C77-C79, C7B) only when the spread is typed. See: Guidelines I.C.2 and the Neoplasm
    // Table's "Malignant Primary" / "Malignant Secondary" columns.
    if (!i.secondary && SECONDARY_NEOPLASM.test(code)) p += 1;
    // An encounter for screening (Z11-Z13) is a reason for a visit the coder names ("screening",
    // "screen"); a condition typed alone is not screened for. See: Guidelines I.C.21.c.5.
    if (!i.screening && /^Z1[1-3]/.test(code)) p += 1;
    return p;
  };
}

/**
 * A fracture typed with no kind ("fx l1 vertebra", "fx rt lower leg"): the "unspecified
 * fracture" of the site comes before its siblings of a kind not typed ("other fracture", a burst
 * or wedge compression fracture, a nondisplaced fracture: a fracture not said to be displaced or
 * nondisplaced is coded displaced). See: Guidelines I.C.19.c.1; ICD-10-CM S22.0-, S32.0-, S82.9-.
 */
const FRACTURE_KIND_TITLE =
  /^(other fracture|(stable |unstable )?burst fracture|wedge compression fracture|nondisplaced\b)/;
const FRACTURE_KIND_TYPED =
  /^(other|burst|stable|unstable|wedge|compression|nondisplaced|non displaced|displaced|stress|pathological|pathologic|fatigue|osteoporotic)$/;
/**
 * A chemical burn is a corrosion (Index "Burn, chemical - see Corrosion, by site"): the burn
 * codes of the site (T20-T32 "Burn of ...") come after its corrosion codes ("Corrosion of ...").
 * See: Guidelines I.C.19.d (corrosions are burns due to chemicals).
 */
const CHEMICAL = /\b(chemical|chemicals|acid|alkali|alkaline|caustic|lye|bleach)\b/;
function chemicalBurn(slots: Slot[]): boolean {
  const typed = slots.map((s) => s.typed).join(' ');
  return CHEMICAL.test(typed) && /\bburn/.test(typed);
}

/**
 * A dislocation or a subluxation typed (not both): S03-S93 give each its own code ("Unspecified
 * dislocation of left ulnohumeral joint" S53.105 vs "Unspecified subluxation ..." S53.102), so
 * the other one comes after. See: ICD-10-CM S43.0-, S53.1-, S63.2-, S83.0- titles.
 */
function displacementTyped(slots: Slot[]): 'dislocation' | 'subluxation' | null {
  const words = slots.flatMap((s) => [s.typed, ...s.alts.map((a) => a.join(' '))]).join(' ');
  const disloc = /\bdislocat/.test(words);
  const sublux = /\bsublux/.test(words);
  return disloc === sublux ? null : disloc ? 'dislocation' : 'subluxation';
}
function displacementMismatch(title: string, typed: 'dislocation' | 'subluxation'): boolean {
  const disloc = /\bdislocation\b/.test(title);
  const sublux = /\bsubluxation\b/.test(title);
  return typed === 'dislocation' ? sublux && !disloc : disloc && !sublux;
}

/** An injury title of a site left vague: "unspecified site of", "multiple sites", "multiple fingers". */
const VAGUE_SITE = /\bunspecified site\b|\bmultiple (sites|(right |left )?(fingers|toes))\b/;
const titleStems = (title: string) =>
  new Set(
    title
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stem),
  );

/**
 * An injury code of a site left vague ("Burn of unspecified degree of right hand, unspecified
 * site", "multiple left fingers") comes after a sibling of its subcategory that names the site
 * typed ("burn rt palm" T23.051, "burn rt lower leg" T24.231) or that is not of several sites
 * when several are not typed ("burn lt index finger" T23.12-, a single finger).
 * See: Guidelines I.B.13 (site), I.C.19.d.5; ICD-10-CM T20-T25, S00-S99 titles.
 */
function vagueSiteBehind(hits: SearchHit[], slots: Slot[]): (h: SearchHit) => boolean {
  const typed = new Set(
    slots.flatMap((s) =>
      s.typed
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .map(stem),
    ),
  );
  const multiple = typed.has('multiple') || typed.has('several');
  const byCategory = new Map<string, Set<string>[]>();
  for (const h of hits) {
    if (!/^[ST]/.test(h.code)) continue;
    const c = h.code.slice(0, 4);
    const list = byCategory.get(c) ?? [];
    list.push(titleStems(h.title));
    byCategory.set(c, list);
  }
  return (h) => {
    const t = h.title.toLowerCase();
    const m = /^[ST]/.test(h.code) ? VAGUE_SITE.exec(t) : null;
    if (!m) return false;
    const own = titleStems(h.title);
    const siblings = byCategory.get(h.code.slice(0, 4)) ?? [];
    if (m[0].startsWith('multiple') && !multiple)
      return siblings.some((w) => !w.has('multiple') && !w.has('unspecifi'));
    const missing = [...typed].filter((w) => !own.has(w));
    return siblings.some((w) => missing.some((x) => w.has(x)));
  };
}

/** The Index subterm that names a fracture's kind ("... > first > burst", "> specified type NEC"). */
const FRACTURE_KIND_SUBTERM =
  /\b(burst|stable|unstable|wedge|compression|specified type|nondisplaced|other)\b/;
/**
 * A hit that is a fracture of a kind: by its title, or for an Index hit by the subterm it was
 * reached through (the Index entry "Fracture, ankle S82.89-" is "other fracture" by its code, yet
 * the entry typed; "Fracture, vertebra, lumbar, first, burst" is a kind not typed).
 */
function fractureOfKindUntyped(h: SearchHit, title: string): boolean {
  if (h.via !== 'index' || !h.indexPath || /^nondisplaced\b/.test(title))
    return FRACTURE_KIND_TITLE.test(title);
  const last = h.indexPath.split(' > ').pop()!.toLowerCase();
  return h.indexPath.includes(' > ') && FRACTURE_KIND_SUBTERM.test(last);
}

function fractureKindUntyped(slots: Slot[]): boolean {
  let fracture = false;
  for (const s of slots)
    for (const a of s.alts)
      for (const w of a) {
        if (w === 'fracture' || w === 'fractures') fracture = true;
        if (FRACTURE_KIND_TYPED.test(w)) return false;
      }
  return fracture && !slots.some((s) => FRACTURE_KIND_TYPED.test(s.typed));
}

const FINGER_NAME = /\b(?:(index|middle|ring|little) finger|(thumb))\b/g;
/** The fingers a text names ("right index finger" -> index; "thumb"). */
const fingerNames = (text: string): string[] =>
  [...text.matchAll(FINGER_NAME)].map((m) => (m[1] ?? m[2])!);

/**
 * The fingers a query names (after its abbreviations: "5th finger" reads "little finger"), an
 * empty set when it says "finger" with none named, null when it says no finger at all.
 */
function fingersTyped(slots: Slot[]): Set<string> | null {
  const typed = slots.map((s) => s.typed).join(' ');
  const names = new Set(fingerNames(typed));
  for (const s of slots)
    for (const a of s.alts) for (const n of fingerNames(a.join(' '))) names.add(n);
  if (names.size) return names;
  return slots.some((s) => s.alts.some((a) => a.includes('finger') || a.includes('fingers')))
    ? names
    : null;
}

/**
 * A title naming a finger the query did not: the finger typed selects its own code, and a finger
 * with none named is the "unspecified finger" code (S60-S69 and M65.3- name each finger).
 * See: Guidelines I.B.13 (site), ICD-10-CM S61.2-, S62.6-, S67.1- titles.
 */
function fingerMismatch(title: string, typed: Set<string>): boolean {
  const names = fingerNames(title);
  return names.length > 0 && !names.some((n) => typed.has(n));
}

/** The toe typed by its place ("2nd toe" -> lesser, "1st toe" -> great; expand.ts toeSlot). */
function toePlace(slots: Slot[]): 'great' | 'lesser' | null {
  for (const s of slots)
    if (s.expanded && /^(first|second|third|fourth|fifth) toes?$/.test(s.typed))
      return s.typed.startsWith('first') ? 'great' : 'lesser';
  return null;
}

export function byQualifiers(hits: SearchHit[], slots: Slot[]): SearchHit[] {
  const {
    side,
    status,
    history,
    family,
    longTerm,
    bite,
    insect,
    traumatic,
    laterEncounter,
    acuteOnChronic,
  } = readIntent(slots);
  // Categories with a code of the side typed: a title that names no side moves behind them only
  // in such a category (I86.1 "Scrotal varices" for "left varicocele" has no side to prefer).
  const sidedFamilies = new Set<string>();
  if (side && side !== 'bilateral')
    for (const h of hits) if (titleSide(h.title) === side) sidedFamilies.add(h.code.slice(0, 3));
  if (side === 'bilateral')
    for (const h of hits) if (titleSide(h.title) !== null) sidedFamilies.add(h.code.slice(0, 3));
  // A side that is part of what an abbreviation names ("lbbb": left bundle-branch block) is not
  // a side typed, and not held against a title that says it either.
  const named = new Set(
    SIDES.filter((x) => slots.some((s) => s.alts.some((a) => a.length > 1 && a.includes(x)))),
  );
  const negation = readNegation(slots);
  const unsaid = unsaidDetails(hits, negation);
  const saidWords = [...negation.said, ...negation.negated].flatMap((w) => [...w]);
  const saysWord = (w: string) => saidWords.some((x) => x === w || sameWord(x, w));
  // A code of the side typed found by its title or by an Index entry the query types.
  const typedSided =
    !!side &&
    hits.some(
      (h) => titleSide(h.title) === side && (h.via !== 'index' || indexedAsTyped(h, saysWord)),
    );
  // Subcategories with a code of a side (a sideless code among them is their unspecified site).
  const sidedSubcategories = new Set(
    hits.filter((h) => titleSide(h.title) !== null).map((h) => h.code.slice(0, 4)),
  );
  // A code of the side typed whose title says a word of every slot typed.
  const sidedSaysAll =
    !!side &&
    hits.some((h) => {
      if (titleSide(h.title) !== side) return false;
      const { stated } = titleNegation(h.title);
      return negation.said.every((words) => [...words].some((w) => stated.has(w)));
    });
  const indexDefault = (h: SearchHit) =>
    h.via === 'index' &&
    !sidedSaysAll &&
    !sidedSubcategories.has(h.code.slice(0, 4)) &&
    indexedAsTyped(h, saysWord);
  const nontraffic = slots.some((s) =>
    /\b(nontraffic|non traffic|off road|offroad|parking|driveway|private|farm)\b/.test(s.typed),
  );
  const dominance = side && !slots.some((s) => /dominan/.test(s.typed)) ? side : null;
  const toe = toePlace(slots);
  const fingers = fingersTyped(slots);
  const fracture = fractureKindUntyped(slots);
  const vagueSite = vagueSiteBehind(hits, slots);
  const chemical = chemicalBurn(slots);
  const displacement = displacementTyped(slots);
  const rank = (h: SearchHit): number => {
    let r = negationConflicts(h.title, negation) - negationAgrees(h.title, negation);
    if (dominanceMismatch(h.title, dominance)) r += 1;
    const t = h.title.toLowerCase();
    const ts = titleSide(h.title);
    if (side === 'bilateral') {
      // A code of one side comes before one with no side of its own category (both sides are
      // coded when no bilateral code exists), never before a code of a category without sides
      // ("paresthesia bilat feet": R20.2, not "Meralgia paresthetica, right lower limb").
      if (ts === 'right' || ts === 'left') r += 1;
      // The Index entry typed word for word, without sides of its own, when no bilateral code
      // says every word typed ("b/l cataracts": H26.9, not "Unspecified traumatic cataract,
      // bilateral"): as for one side below.
      else if (ts === null)
        r += indexDefault(h) ? 0 : sidedFamilies.has(h.code.slice(0, 3)) ? 1.5 : 1;
      else if (ts === 'unspecified') r += 2;
    } else if (side) {
      // A title that names no side comes after the one of the side typed (the side is not
      // required of a title: the Index leads to codes without one).
      // Nor does a code of another condition that merely mentions the one typed ("otitis media
      // left": "Tuberculosis > otitis media" A18.6) come before the code of the side typed.
      // Unless no code of the side says every word typed and this one is the Index entry typed
      // word for word, in a subcategory without sides ("optic neuritis right": "Neuritis, optic"
      // H46.9 before "Retrobulbar neuritis, right eye" H46.11): a family whose codes of the side
      // all name a detail not typed leaves the Index's code for the condition typed (Guidelines
      // I.A.9, I.B.13). A sideless code among sided siblings (L03.119) is their unspecified site.
      if (ts === null)
        r += sidedFamilies.has(h.code.slice(0, 3))
          ? indexDefault(h)
            ? 0
            : 1
          : typedSided && h.via === 'index' && !indexedAsTyped(h, saysWord)
            ? 0.5
            : 0;
      else if (ts !== side) r += 2;
    } else if ((ts === 'right' || ts === 'left' || ts === 'bilateral') && !named.has(ts)) r += 1;
    if (status && !h.code.startsWith('Z')) r += 2;
    if (history) {
      if (family && /^personal history\b/.test(t)) r += 2;
      if (!family && /^family history\b/.test(t)) r += 2;
      if (!/\bhistory\b|^old\b/.test(t) && !(!family && substanceInRemission(h.code, t))) r += 2;
    }
    if (longTerm && !/\blong[ -]term\b/.test(t)) r += 2;
    if (bite && !insect && /\b(insect bite|superficial bite)\b/.test(t)) r += 1;
    if (bite && insect && /\bopen bite\b/.test(t)) r += 1;
    if (traumatic && NOT_TRAUMATIC.test(t)) r += 2;
    if (!laterEncounter && LATER_ENCOUNTER_TITLE.test(t)) r += 1;
    if (!acuteOnChronic && /\bacute on chronic\b/.test(t)) r += 1;
    // A transport accident not said to be nontraffic is a traffic accident (ICD-10-CM V00-V99
    // note: assumed to have occurred on the public highway unless another place is specified).
    if (!nontraffic && /\bnontraffic\b/.test(t)) r += 1;
    // A toe by its place ("2nd toe") is a lesser toe, the first the great toe: the other toe's
    // sibling comes after (S90-S99 name "great toe" and "lesser toe(s)" apart).
    if (toe === 'lesser' && /\bgreat toe\b/.test(t)) r += 1;
    if (toe === 'great' && /\blesser toe/.test(t)) r += 1;
    if (fingers && fingerMismatch(t, fingers)) r += 1.5;
    if (fracture && /^[MS]/.test(h.code) && fractureOfKindUntyped(h, t)) r += 0.5;
    if (vagueSite(h)) r += 0.5;
    if (displacement && /^S/.test(h.code) && displacementMismatch(t, displacement)) r += 0.5;
    if (chemical && /^T(2[0-9]|3[0-2])/.test(h.code) && /^burns? /.test(t)) r += 1;
    return r;
  };
  // Among hits of the same score, an Index entry the query types level by level comes first
  // ("head injury": "Injury > head" S09.90, before "Injury > superficial NEC > head" S00.90 and
  // "Injury > muscle > head"): the Index's own entry for the words typed (Guidelines I.B.1).
  const asTyped = (h: SearchHit) => (indexedAsTyped(h, saysWord) ? 0 : 1);
  const tied = hits
    .map((h, i) => ({ h, i }))
    .sort(
      (a, b) =>
        (a.h.via === 'index' && b.h.via === 'index' && Math.abs(a.h.score - b.h.score) < 1e-6
          ? asTyped(a.h) - asTyped(b.h)
          : 0) || a.i - b.i,
    )
    .map((x) => x.h);
  const ranked = tied
    .map((h, i) => ({ h, i, r: rank(h) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.h);
  return siblingsFirst(tabularChildFirst(ranked, negation, side), unsaid);
}

/**
 * The history code of a condition's body system, for a history no code names ("family history
 * of hypertension" -> Z82.49, "history of appendicitis" -> Z87.19): the Index's "History, family
 * (of), ... disease NEC" and "History, personal (of), ... disease" by system lead to the "other
 * diseases of the <system>" code of Z80-Z87. Rows: [first code of the range, family, personal].
 * See: Guidelines I.C.21.c.4 (history codes).
 */
const HISTORY_BY_SYSTEM: [string, string, string][] = [
  ['A00', 'Z831', 'Z8619'],
  ['C00', 'Z809', 'Z859'],
  ['D50', 'Z832', 'Z862'],
  ['E00', 'Z8349', 'Z8639'],
  ['E08', 'Z833', 'Z8639'],
  ['E14', 'Z8349', 'Z8639'],
  ['F01', 'Z818', 'Z8659'],
  ['G00', 'Z820', 'Z8669'],
  ['H00', 'Z83518', 'Z8669'],
  ['H60', 'Z822', 'Z8669'],
  ['I00', 'Z8249', 'Z8679'],
  ['I60', 'Z823', 'Z8673'],
  ['I70', 'Z8249', 'Z8679'],
  ['J00', 'Z836', 'Z8709'],
  ['K00', 'Z8379', 'Z8719'],
  ['L00', 'Z840', 'Z872'],
  ['M00', 'Z8269', 'Z8739'],
  ['N00', 'Z8419', 'Z87448'],
  ['N40', 'Z842', 'Z87438'],
  ['N60', 'Z842', 'Z8742'],
  ['O00', 'Z8489', 'Z8759'],
  ['P00', 'Z8489', 'Z87898'],
  ['Q00', 'Z8279', 'Z87798'],
  ['R00', 'Z8489', 'Z87898'],
  ['S00', 'Z8489', 'Z87828'],
  ['U00', 'Z8489', 'Z87898'],
];

/** The system history code for a condition code, or null (Z codes and external causes have none). */
export function historyCodeFor(code: string, family: boolean): string | null {
  if (/^[VWXYZ]/.test(code)) return null;
  if (!family && code.startsWith('F17')) return 'Z87891';
  const substance = family ? null : SUBSTANCE.exec(code);
  if (substance) return `F1${substance[1]}${substance[2]}1`;
  let row: [string, string, string] | undefined;
  for (const r of HISTORY_BY_SYSTEM) if (code >= r[0]) row = r;
  return row ? row[family ? 1 : 2] : null;
}

/** Slots that only say whose history it is ("h/o", "family history of"). */
const HISTORY_WORDS = new Set(['history', 'family', 'personal', 'hx', 'fh', 'fhx']);
export const isHistorySlot = (slot: Slot): boolean =>
  HISTORY_WORDS.has(slot.typed) ||
  slot.alts.every((a) => a.length > 0 && a.every((w) => HISTORY_WORDS.has(w)));

/** A history asked for, and none of the best hits is a history code of the right kind. */
export function historyMismatch(hits: readonly SearchHit[], slots: Slot[]): boolean {
  const h = historyIntent(slots);
  if (!h) return false;
  return !hits
    .slice(0, 5)
    .some((x) =>
      h.family
        ? /^Z8[0-4]/.test(x.code)
        : PERSONAL_HISTORY_CODES.test(x.code) || substanceInRemission(x.code, x.title),
    );
}

/** What the query asks for, for the search's fallbacks: a history (whose), a status. */
export function historyIntent(slots: Slot[]): { family: boolean } | null {
  const i = readIntent(slots);
  return i.history && !i.status && !i.longTerm ? { family: i.family } : null;
}

/**
 * External Cause Index "Bite, bitten by": the animal's W code (7th character to come). Only the
 * animals named by one word a coder types; the rest are left to the word search.
 */
const BITTEN_BY: Record<string, string> = {
  dog: 'W540XX',
  dogs: 'W540XX',
  cat: 'W5501X',
  cats: 'W5501X',
  human: 'W503XX',
  rat: 'W5311X',
  mouse: 'W5301X',
  squirrel: 'W5321X',
  horse: 'W5511X',
  cow: 'W5521X',
  pig: 'W5541X',
  raccoon: 'W5551X',
};

/**
 * A bite of a body site typed with the animal ("dog bite rt hand"): the open bite of the site
 * (S-code, first) is reported with the animal as its external cause (W50-W55, same encounter),
 * offered second. See: Guidelines I.C.20 (external cause codes with the injury), I.C.20.a.
 */
export function withBiteCause(
  hits: SearchHit[],
  slots: Slot[],
  lookup: (code: string, from: SearchHit) => SearchHit | null,
): SearchHit[] {
  const top = hits[0];
  if (!top || !/^S/.test(top.code) || !/\bopen bite\b/i.test(top.title)) return hits;
  const words = slots.flatMap((s) => s.typed.split(' '));
  if (!words.some((w) => /^(bite|bites|bitten|bit)$/.test(w))) return hits;
  const animal = words.find((w) => BITTEN_BY[w]);
  if (!animal) return hits;
  const cause = `${BITTEN_BY[animal]}${top.code.length === 7 ? top.code[6] : 'A'}`;
  if (hits.slice(0, 5).some((h) => h.code === cause)) return hits;
  const hit = lookup(cause, top);
  if (!hit) return hits;
  const { code, display, title, billable } = hit;
  const second: SearchHit = {
    code,
    display,
    title,
    billable,
    score: top.score,
    via: 'description',
  };
  return [top, second, ...hits.slice(1).filter((h) => h.code !== cause)];
}
