/**
 * The encounter (7th character) and the intent of a poisoning, as typed or by default, applied to
 * the best hits after the word ranking.
 *
 * - Episode of care: "init"/"initial", "subs"/"subsequent"/"f/u"/"follow up", "sequela" choose
 *   the 7th character of an injury, poisoning or external-cause code (A/B initial, D-R
 *   subsequent, S sequela). The word is not required of a title (the Index leads to the
 *   category; the 7th character is added from the Tabular): a hit for another encounter is
 *   replaced by its sibling for the encounter typed, in its place. With no episode typed the
 *   initial encounter is the default (qualifiers.ts). See: Guidelines FY2026 I.C.19.a (7th
 *   characters A, D, S; "subsequent" for encounters after active treatment, routine follow-up).
 * - Intent: a poisoning whose intent the query does not type is accidental, not undetermined,
 *   assault or self-harm, and an "overdose" is a poisoning, never an underdosing or an adverse
 *   effect. See: Guidelines I.C.19.e.5.b ("If the intent of the poisoning is unknown or
 *   unspecified, code the intent as accidental"; undetermined only when the documentation says
 *   the intent cannot be determined).
 */
import type { Slot } from './expand';
import type { SearchHit } from './types';

export type Episode = 'initial' | 'subsequent' | 'sequela';

/** Typed forms of an episode of care (as expandQuery joins them: "f/u" is "f u"). */
const EPISODE_TYPED: Record<string, Episode> = {
  init: 'initial',
  initial: 'initial',
  'initial encounter': 'initial',
  'initial visit': 'initial',
  'init encounter': 'initial',
  subs: 'subsequent',
  subseq: 'subsequent',
  subsequent: 'subsequent',
  'subsequent encounter': 'subsequent',
  'subsequent visit': 'subsequent',
  'subs encounter': 'subsequent',
  'f u': 'subsequent',
  fu: 'subsequent',
  'follow up': 'subsequent',
  followup: 'subsequent',
  sequela: 'sequela',
  sequelae: 'sequela',
  'sequela encounter': 'sequela',
};

/** The longest typed form an episode word can have, in words. */
export const EPISODE_LONGEST = 2;

/** The episode a run of typed words names, or undefined. */
export const episodeOf = (typed: string): Episode | undefined => EPISODE_TYPED[typed];

/** The words a title of that episode says (an optional match: the 7th character decides). */
export const EPISODE_WORDS: Record<Episode, string[][]> = {
  initial: [['initial', 'encounter']],
  subsequent: [
    ['subsequent', 'encounter'],
    ['follow', 'up'],
  ],
  sequela: [['sequela']],
};

/** The episode the query types, or null. */
export function queryEpisode(slots: readonly Slot[]): Episode | null {
  for (const s of slots) if (s.episode) return s.episode;
  return null;
}

/** The episode a title states: ", initial encounter (for closed fracture)", ", sequela". */
export function titleEpisode(title: string): Episode | null {
  const t = title.toLowerCase();
  if (/, initial encounter\b/.test(t)) return 'initial';
  if (/, subsequent encounter\b/.test(t)) return 'subsequent';
  if (/, sequela$/.test(t)) return 'sequela';
  return null;
}

/** The 7th character for an episode, given the hit's own (open fractures keep open). */
function seventhFor(episode: Episode, own: string): string[] {
  const open = /[BCEFHJMNQR]/.test(own);
  if (episode === 'initial') return open ? ['B', 'A'] : ['A', 'B'];
  if (episode === 'sequela') return ['S'];
  return open ? ['E', 'D'] : ['D', 'E'];
}

/**
 * Hits for another encounter than the one typed are replaced, in place, by their sibling for
 * the encounter typed (same first six characters); a hit whose sibling is already listed moves
 * behind the hits of the right encounter.
 */
export function byEpisode(
  hits: SearchHit[],
  episode: Episode | null,
  sibling: (code: string, from: SearchHit) => SearchHit | null,
  typed = '',
): SearchHit[] {
  if (!episode) return hits;
  // A subsequent encounter is for routine healing unless delayed healing, a nonunion or a
  // malunion is typed (7th characters D/E before G-R).
  const healing = /\b(delayed|nonunion|malunion|non union|mal union)\b/.test(typed);
  const have = new Set(hits.map((h) => h.code));
  const out: SearchHit[] = [];
  const later: SearchHit[] = [];
  // Hits moved up to the place of their sibling of another encounter.
  const pulled = new Set<string>();
  for (const [i, h] of hits.entries()) {
    if (pulled.has(h.code)) continue;
    const te = h.code.length === 7 ? titleEpisode(h.title) : null;
    if (!te || te === episode) {
      if (te === 'subsequent' && !healing && /[GHJKMNPQR]/.test(h.code[6]!)) later.push(h);
      else out.push(h);
      continue;
    }
    let swapped: SearchHit | null = null;
    for (const c of seventhFor(episode, h.code[6]!)) {
      const code = h.code.slice(0, 6) + c;
      if (have.has(code)) {
        // The sibling of the encounter typed, listed further down, takes this hit's place: the
        // code the ranking put here is the same but for its 7th character ("l wrist fx sequela":
        // the Index's S62.102- before a description hit of a named carpal bone).
        const j = hits.findIndex((x, k) => k > i && x.code === code);
        if (j > i && !pulled.has(code)) {
          pulled.add(code);
          out.push(hits[j]!);
        }
        break;
      }
      const s = sibling(code, h);
      if (s && titleEpisode(s.title) === episode) {
        swapped = s;
        break;
      }
    }
    if (swapped) {
      have.add(swapped.code);
      out.push(swapped);
    }
    later.push(h);
  }
  return [...out, ...later];
}

const POISONING = /^T(3[6-9]|[45]\d|6[0-5])/;
/** The intent a poisoning code's 6th character states (T36-T50: 1-4; T51-T65 likewise). */
const INTENT_WORDS: Record<string, RegExp> = {
  '2': /\b(intentional|self|harm|suicide|suicidal|attempt|si)\b/,
  '3': /\b(assault|assaulted|homicide|homicidal|by another)\b/,
  '4': /\b(undetermined|unknown intent|intent unknown)\b/,
  '5': /\b(adverse|reaction|side|effect|effects|allergic|allergy|induced|due|from|to)\b/,
  '6': /\b(underdosing|underdose|underdosed|missed|skipped|noncompliance|noncompliant|insufficient|ran out|not taking)\b/,
};

/**
 * A poisoning of an intent the query does not type moves behind those of accidental intent
 * (I.C.19.e.5.b); an overdose typed is a poisoning, so underdosing and adverse-effect codes
 * move behind too. Stable otherwise.
 */
export function byIntent(hits: SearchHit[], slots: readonly Slot[]): SearchHit[] {
  if (!hits.some((h) => POISONING.test(h.code))) return hits;
  const typed = slots.map((s) => s.typed).join(' ');
  const overdose =
    /\b(od|o d|overdose|overdosed|poisoning|poisoned|ingestion|ingested|toxicity)\b/.test(typed);
  const rank = (h: SearchHit): number => {
    if (!POISONING.test(h.code) || h.code.length < 6) return 0;
    const intent = h.code[5]!;
    const words = INTENT_WORDS[intent];
    if (!words || words.test(typed)) return 0;
    // Adverse effect and underdosing are what the query says they are; only an overdose or a
    // poisoning typed holds them back.
    if ((intent === '5' || intent === '6') && !overdose) return 0;
    return 1;
  };
  return hits
    .map((h, i) => ({ h, i, r: rank(h) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.h);
}
