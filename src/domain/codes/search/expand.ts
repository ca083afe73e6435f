/**
 * Query words -> slots. Each slot is one thing the user asked for, with alternative word lists
 * that satisfy it: "htn" -> [["hypertension"]], "heart attack" -> [["myocardial", "infarction"],
 * ["infarction", "myocardial"]], "kidney" -> [["kidney"], ["renal"]]. Phrases are matched longest first.
 */
import { ABBREVIATIONS } from './abbreviations';
import { SYNONYMS, type SynonymRule } from './synonyms';
import { EPISODE_LONGEST, EPISODE_WORDS, episodeOf, type Episode } from './episode';
import { isStop } from './tokenize';

export interface Slot {
  /** Words as typed. */
  typed: string;
  alts: string[][];
  /** True when a synonym rule produced the alternatives. */
  expanded: boolean;
  /** A drug or drug class (synonyms.ts `drug`). */
  drug?: boolean;
  /** A venomous sting or bite (synonyms.ts `venom`): the query's other slots are optional. */
  venom?: boolean;
  /** An episode of care ("init", "subs", "sequela"): not required, it picks the 7th character. */
  episode?: Episode;
}

/** Initials with periods are one abbreviation: "s.o.b." is "sob", "o.a." is "oa". */
const initials = (s: string) => s.replace(/\b(?:[a-z]\.){2,}/gi, (m) => m.replace(/\./g, ''));

const words = (s: string) =>
  initials(s)
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .match(/[a-z0-9]+/g) ?? [];

const PHRASES = new Map<string, string[][]>();
const DRUGS = new Set<string>();
const VENOMS = new Set<string>();
let longest = 1;

/**
 * The abbreviation rows (abbreviations.ts) as rules, for the keys synonyms.ts does not have: a
 * hand-tuned row wins. A one-word key also stands for its plural ("pvcs").
 */
function lexiconRules(taken: Set<string>): SynonymRule[] {
  const out: SynonymRule[] = [];
  for (const row of ABBREVIATIONS) {
    const keep = row[0] === '+';
    const drug = row[0] === '!';
    const [keys, targets] = row.slice(keep || drug ? 1 : 0).split('=') as [string, string];
    const from = keys
      .split(',')
      .flatMap((k) => (/^[a-z0-9]+$/.test(k) && !k.endsWith('s') ? [k, `${k}s`] : [k]))
      .filter((k) => !taken.has(words(k).join(' ')));
    if (from.length) out.push({ from, to: targets.split(';'), keep, drug });
  }
  return out;
}

const TAKEN = new Set(SYNONYMS.flatMap((r) => r.from.map((f) => words(f).join(' '))));
for (const rule of [...SYNONYMS, ...lexiconRules(TAKEN)]) {
  const to = rule.to.map((p) => words(p).filter((w) => !isStop(w)));
  for (const f of rule.from) {
    const key = words(f);
    longest = Math.max(longest, key.length);
    const alts = rule.keep ? [key.filter((w) => !isStop(w)), ...to] : to;
    const k = key.join(' ');
    if (rule.drug) DRUGS.add(k);
    if (rule.venom) VENOMS.add(k);
    const prev = PHRASES.get(k);
    PHRASES.set(k, prev ? [...prev, ...alts] : alts);
  }
}

/**
 * Words joined by a hyphen in the query ("pre-diabetes", "post-herpetic"): titles write some of
 * them as one word ("Prediabetes", "Postherpetic"), so the joined form is an alternative.
 */
function hyphenPairs(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/([a-z0-9]+)-(?=([a-z0-9]+))/g))
    out.add(`${m[1]} ${m[2]}`);
  return out;
}

/**
 * An abbreviation glued to its stage or type ("ckd3a", "ckd5", "copd2"): split when the letters
 * are a known abbreviation and the whole is not, so it reads as "ckd 3a".
 */
const GLUED = /^([a-z]{2,})(\d+[a-z]?)$/;
function unglue(w: string): string[] {
  const m = GLUED.exec(w);
  return m && !PHRASES.has(w) && PHRASES.has(m[1]!) ? [m[1]!, m[2]!] : [w];
}

/**
 * "chronic" (or "long term") beside a drug asks for long-term drug therapy, not a chronic
 * disease: "chronic anticoagulation", "chronic opioid use" -> Z79 "Long term (current) use of".
 * See: Official Guidelines FY2026 I.C.21.c.3 (Z79 long-term (current) drug therapy).
 */
/** Whether a drug phrase starts at word i. */
function startsDrug(ws: string[], i: number): boolean {
  for (let n = Math.min(longest, ws.length - i); n >= 1; n--)
    if (DRUGS.has(ws.slice(i, i + n).join(' '))) return true;
  return false;
}

function longTermDrug(slots: Slot[]): Slot[] {
  if (!slots.some((s) => s.drug)) return slots;
  return slots.map((s) =>
    s.typed === 'chronic' || s.typed === 'ongoing' || s.typed === 'current' || s.typed === 'on'
      ? { typed: s.typed, alts: [['long', 'term']], expanded: true }
      : s,
  );
}

/** How long a symptom has lasted ("x 2 days", "x2 wks", "for 3 weeks"): not part of a code. */
const DURATION_UNIT =
  /^(d|day|days|wk|wks|week|weeks|mo|mos|month|months|yr|yrs|year|years|hr|hrs|hour|hours)$/;
/**
 * A limb abbreviation with its side ("lle" = left lower extremity) is the side and the limb:
 * the side is ranked by (qualifiers.ts) and not required, so the Index term "Edema, legs" still
 * leads to R60.0 for "lle edema". See: Guidelines I.B.13.
 */
const SIDED_LIMB: Record<string, string[]> = {
  rle: ['right', 'le'],
  lle: ['left', 'le'],
  ble: ['bilateral', 'le'],
  rue: ['right', 'ue'],
  lue: ['left', 'ue'],
  bue: ['bilateral', 'ue'],
};
/** Toe words after an ordinal ("2nd toe", "fifth toes"). */
const TOE = new Set(['toe', 'toes']);
const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5' };
/** "5th", "2nd": titles spell ordinals out ("fifth metatarsal", "second toe"). */
const ORDINAL_DIGITS = /^(\d{1,2})(st|nd|rd|th)$/;
/** Words a roman numeral follows as a stage or type ("ckd stage iii", "ckd iv", "type ii"). */
const ROMAN_AFTER = new Set(['stage', 'ckd', 'grade', 'class', 'type']);

/**
 * Note-writing that is not classification wording: durations are dropped, a roman stage becomes
 * a digit (titles write "stage 3", "stage 4"), an ordinal is spelt out ("5th metatarsal" ->
 * "fifth", as S92.35- titles say). See: ICD-10-CM N18.- titles.
 */
function normalize(ws: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const split = SIDED_LIMB[w];
    if (split) {
      out.push(...split);
      continue;
    }
    const next = ws[i + 1];
    if (
      (w === 'x' || w === 'for') &&
      next &&
      /^\d+$/.test(next) &&
      DURATION_UNIT.test(ws[i + 2] ?? '')
    ) {
      i += 2;
      continue;
    }
    if (/^x\d+$/.test(w) && DURATION_UNIT.test(next ?? '')) {
      i += 1;
      continue;
    }
    const ord = ORDINAL_DIGITS.exec(w);
    if (ord && ORDINAL[Number(ord[1])]) {
      out.push(ORDINAL[Number(ord[1])]!);
      continue;
    }
    const prev = out[out.length - 1];
    out.push(prev && ROMAN_AFTER.has(prev) && ROMAN[w] ? ROMAN[w] : w);
  }
  return out;
}

const REGION: Record<string, string> = { c: 'cervical', t: 'thoracic', l: 'lumbar', s: 'sacral' };
const JUNCTION: Record<string, string> = {
  ct: 'cervicothoracic',
  tl: 'thoracolumbar',
  ls: 'lumbosacral',
};
const ORDINAL = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];
const VERTEBRA = /^([ctls])(\d{1,2})$/;
const LEVELS: Record<string, number> = { c: 8, t: 12, l: 5, s: 5 };
/** "l4" -> ["l4", "l", "4"]; null for what is not a vertebra (S72 is a code, not a level). */
const vertebra = (w: string) => {
  const m = VERTEBRA.exec(w);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= LEVELS[m[1]!]! ? m : null;
};

/**
 * A vertebra or spinal level as charted ("L4", "C5-C6", "L5-S1"): titles name the region
 * ("lumbar region", "lumbosacral region"), the level ("at C5-C6 level") or the vertebra ("fourth
 * lumbar vertebra"); each is an alternative. See: ICD-10-CM M50-M54, S22/S32 titles.
 */
function vertebraSlot(ws: string[], i: number): { slot: Slot; used: number } | null {
  const a = vertebra(ws[i]!);
  if (!a) return null;
  const b = ws[i + 1] ? vertebra(ws[i + 1]!) : null;
  if (b) {
    const region = a[1] === b[1] ? REGION[a[1]!]! : (JUNCTION[`${a[1]}${b[1]}`] ?? REGION[a[1]!]!);
    return {
      slot: {
        typed: `${ws[i]} ${ws[i + 1]}`,
        alts: [[ws[i]!, ws[i + 1]!], [region]],
        expanded: true,
      },
      used: 2,
    };
  }
  const alts = [[ws[i]!], [REGION[a[1]!]!]];
  const ord = ORDINAL[Number(a[2])];
  if (ord) alts.splice(1, 0, [ord, REGION[a[1]!]!]);
  return { slot: { typed: ws[i]!, alts, expanded: true }, used: 1 };
}

/**
 * A toe by its place ("2nd toe", "fifth toes"): the classification names only the great toe and
 * the lesser toes (S90-S99 "lesser toe(s)"; T25 and M20.4- name the toe or the foot), so the place
 * reads "lesser toe" (the first, "great toe") or just "toe", never a burn degree ("second degree").
 * See: ICD-10-CM S91.1-, S92.5-, M20.4- titles.
 */
function toeSlot(ws: string[], i: number): Slot | null {
  const n = ORDINAL.indexOf(ws[i]!);
  if (n < 1 || n > 5 || !TOE.has(ws[i + 1] ?? '')) return null;
  return {
    typed: `${ws[i]} ${ws[i + 1]}`,
    alts: [[n === 1 ? 'great' : 'lesser', 'toe'], ['toe']],
    expanded: true,
  };
}

/** Words of the ear and hearing: beside them "ad", "as" and "au" are its sides (auris dextra...). */
const EAR =
  /\b(ear|ears|otitis|otic|aural|cerumen|earwax|wax|tympanic|tympanum|eardrum|hearing|deafness|tinnitus|otalgia|otorrhea|mastoid\w*|eustachian|otosclerosis|cholesteatoma|labyrinthitis|myringitis|auditory|cochlear)\b/;
const EAR_SIDE: Record<string, string> = { ad: 'right', as: 'left', au: 'bilateral' };
/**
 * Ears as charted: AD right ear, AS left ear, AU both ears, read as sides only beside a word of
 * the ear ("cerumen impaction au", "om as"); elsewhere "ad" and "as" keep their other readings.
 * See: Guidelines I.B.13 (laterality); H60-H95 titles say "right ear", "left ear", "bilateral".
 */
function earSide(ws: string[], i: number): Slot | null {
  const side = EAR_SIDE[ws[i]!];
  if (!side || ws.length < 2) return null;
  const ear = ws.some(
    (w, k) => k !== i && (EAR.test(w) || (PHRASES.get(w) ?? []).some((a) => EAR.test(a.join(' ')))),
  );
  return ear ? { typed: ws[i]!, alts: [[side]], expanded: true } : null;
}

export function expandQuery(text: string): Slot[] {
  const ws = withoutRuleOut(normalize(words(text).flatMap(unglue)));
  const joined = hyphenPairs(text);
  const slots: Slot[] = [];
  for (let i = 0; i < ws.length;) {
    const ear = earSide(ws, i);
    if (ear) {
      slots.push(ear);
      i++;
      continue;
    }
    const t = toeSlot(ws, i);
    if (t) {
      slots.push(t);
      i += 2;
      continue;
    }
    const v = PHRASES.has(ws[i]!) ? null : vertebraSlot(ws, i);
    if (v) {
      slots.push(v.slot);
      i += v.used;
      continue;
    }
    let done = false;
    for (let n = Math.min(longest, ws.length - i); n >= 1 && !done; n--) {
      const typed = ws.slice(i, i + n).join(' ');
      const alts = PHRASES.get(typed);
      if (!alts) continue;
      const uniq = new Map(alts.filter((a) => a.length).map((a) => [a.join(' '), a]));
      i += n;
      done = true;
      // Note words with no code meaning ("pt", "c/o", "dx of"): dropped.
      if (!uniq.size) continue;
      const slot: Slot = { typed, alts: [...uniq.values()], expanded: true };
      if (DRUGS.has(typed)) slot.drug = true;
      if (VENOMS.has(typed)) slot.venom = true;
      slots.push(slot);
    }
    if (done) continue;
    const pair = `${ws[i]} ${ws[i + 1]}`;
    if (i + 1 < ws.length && joined.has(pair) && !PHRASES.has(ws[i + 1]!)) {
      const [a, b] = [ws[i]!, ws[i + 1]!];
      slots.push({ typed: pair, alts: [[a, b], [a + b]], expanded: true });
      i += 2;
      continue;
    }
    const w = ws[i++]!;
    // "on" before a drug ("afib on eliquis") is long-term use of it (longTermDrug reads it).
    if (w === 'on' && i < ws.length && startsDrug(ws, i)) {
      slots.push({ typed: 'on', alts: [['on']], expanded: false });
      continue;
    }
    if (!isStop(w) || ws.length === 1) slots.push({ typed: w, alts: [[w]], expanded: false });
    // "htn and dm2": "and" between two things joins them (query.ts splits there when no code
    // has both); it is no word to match.
    else if ((w === 'and' || w === 'plus') && slots.length && i < ws.length && !isStop(ws[i]!))
      slots.push({ typed: w, alts: [], expanded: false });
  }
  // A note that starts with its connector ("w/ htn" after "pt" is dropped).
  while (slots.length > 1 && (slots[0]!.typed === 'w' || slots[0]!.typed === 'with')) slots.shift();
  return episodes(overdoseOfDrug(longTermDrug(operationHistory(slots))));
}

/**
 * Episode words ("init", "initial encounter", "subs", "f/u", "sequela") become one episode slot:
 * its words are optional (the Index leads to the category; the Tabular's 7th character says the
 * encounter) and query.ts picks the sibling for the episode typed (episode.ts). Only after
 * something else is typed ("sequela" alone stays a word). See: Guidelines I.C.19.a.
 */
const VISIT = /^(visit|encounter|exam|examination|appointment|appt|check|checkup|after|for|of)$/;
function episodes(slots: Slot[]): Slot[] {
  // "f/u visit" is the follow-up encounter itself (Z09), not an episode of something typed.
  const things = slots.filter((s) => !episodeOf(s.typed) && !VISIT.test(s.typed));
  if (slots.length < 2 || !things.length) return slots;
  const out: Slot[] = [];
  for (let i = 0; i < slots.length; i++) {
    let found: { n: number; episode: Episode; typed: string } | null = null;
    for (let n = Math.min(EPISODE_LONGEST, slots.length - i); n >= 1 && !found; n--) {
      const typed = slots
        .slice(i, i + n)
        .map((s) => s.typed)
        .join(' ');
      const episode = episodeOf(typed);
      if (episode) found = { n, episode, typed };
    }
    if (found && (i > 0 || found.n < slots.length)) {
      out.push({
        typed: found.typed,
        alts: EPISODE_WORDS[found.episode],
        expanded: true,
        episode: found.episode,
      });
      i += found.n - 1;
    } else out.push(slots[i]!);
  }
  return out;
}

/** Words of the eye and vision: beside them "od" is the right eye (oculus dexter). */
const EYE =
  /\b(eye|eyes|ocular|vision|visual|retina\w*|retinal|retinopathy|macula\w*|cataracts?|glaucoma|cornea\w*|conjunctiv\w*|iris|lens|eyelids?|blephar\w*|kerat\w*|uveitis|optic|myopia|hyperopia|presbyopia|astigmatism|amblyopia|strabismus|chalazion|hordeolum|stye|pterygium|amd|armd|poag|iop|pseudophakia|aphakia|floaters|diplopia|ptosis)\b/;
/**
 * "od" with something typed beside it that is not of the eye ("tylenol od", "o.d. heroin") is
 * an overdose, i.e. an accidental poisoning unless an intent is typed (Guidelines
 * I.C.19.e.5.b), not the right eye (oculus dexter).
 */
function overdoseOfDrug(slots: Slot[]): Slot[] {
  const od = slots.findIndex((s) => s.typed === 'od');
  if (od < 0 || slots.length < 2) return slots;
  const rest = slots.filter((_, i) => i !== od);
  if (rest.some((s) => EYE.test(s.typed) || s.alts.some((a) => EYE.test(a.join(' ')))))
    return slots;
  // An intent typed ("od intentional") is read by episode.ts; the default is accidental.
  const intent = rest.some((s) =>
    /\b(intentional|self|suicid\w*|assault\w*|undetermined)\b/.test(s.typed),
  );
  const alts = intent ? [['overdose'], ['poisoning']] : PHRASES.get('overdose');
  if (!alts) return slots;
  return slots.map((s, i) => (i === od ? { typed: 'od', alts, expanded: true } : s));
}

/**
 * "chest pain r/o MI": a condition to rule out is not coded in the office; what the note states
 * (the symptom) is. What follows "r/o" or "rule out" is dropped when something comes before it.
 * See: Guidelines IV.H (uncertain diagnoses, outpatient), IV.D (symptoms).
 */
function withoutRuleOut(ws: string[]): string[] {
  for (let i = 1; i + 1 < ws.length; i++)
    if ((ws[i] === 'r' && ws[i + 1] === 'o') || (ws[i] === 'rule' && ws[i + 1] === 'out'))
      return ws.slice(0, i);
  return ws;
}

const HISTORY_TYPED = new Set([
  'hx',
  'h o',
  'history',
  'history of',
  'hx of',
  'h o of',
  'personal history',
  'personal history of',
]);
const STATUS_WORDS = new Set(['absence', 'presence', 'artificial']);
/**
 * "h/o mastectomy", "hx of appendectomy": the history of an operation is its status (acquired
 * absence, presence of a device), read as "s/p". See: Guidelines I.C.21.c.3 (status Z codes).
 */
function operationHistory(slots: Slot[]): Slot[] {
  const operation = slots.some((s) =>
    s.alts.some((a) => a.length > 1 && a.some((w) => STATUS_WORDS.has(w))),
  );
  const sp = PHRASES.get('s p');
  if (!operation || !sp) return slots;
  return slots.map((s) =>
    HISTORY_TYPED.has(s.typed) ? { typed: 's p', alts: sp, expanded: true } : s,
  );
}
