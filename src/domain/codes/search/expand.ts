/**
 * Query words -> slots. Each slot is one thing the user asked for, with alternative word lists
 * that satisfy it: "htn" -> [["hypertension"]], "heart attack" -> [["myocardial", "infarction"],
 * ["infarction", "myocardial"]], "kidney" -> [["kidney"], ["renal"]]. Phrases are matched longest first.
 */
import { SYNONYMS } from './synonyms';
import { isStop } from './tokenize';

export interface Slot {
  /** Words as typed. */
  typed: string;
  alts: string[][];
  /** True when a synonym rule produced the alternatives. */
  expanded: boolean;
  /** A drug or drug class (synonyms.ts `drug`). */
  drug?: boolean;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .match(/[a-z0-9]+/g) ?? [];

const PHRASES = new Map<string, string[][]>();
const DRUGS = new Set<string>();
let longest = 1;
for (const rule of SYNONYMS) {
  const to = rule.to.map((p) => words(p).filter((w) => !isStop(w)));
  for (const f of rule.from) {
    const key = words(f);
    longest = Math.max(longest, key.length);
    const alts = rule.keep ? [key.filter((w) => !isStop(w)), ...to] : to;
    const k = key.join(' ');
    if (rule.drug) DRUGS.add(k);
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
function longTermDrug(slots: Slot[]): Slot[] {
  if (!slots.some((s) => s.drug)) return slots;
  return slots.map((s) =>
    s.typed === 'chronic' || s.typed === 'ongoing' || s.typed === 'current'
      ? { typed: s.typed, alts: [['long', 'term']], expanded: true }
      : s,
  );
}

export function expandQuery(text: string): Slot[] {
  const ws = words(text).flatMap(unglue);
  const joined = hyphenPairs(text);
  const slots: Slot[] = [];
  for (let i = 0; i < ws.length;) {
    let done = false;
    for (let n = Math.min(longest, ws.length - i); n >= 1 && !done; n--) {
      const typed = ws.slice(i, i + n).join(' ');
      const alts = PHRASES.get(typed);
      if (!alts) continue;
      const uniq = new Map(alts.filter((a) => a.length).map((a) => [a.join(' '), a]));
      const slot: Slot = { typed, alts: [...uniq.values()], expanded: true };
      if (DRUGS.has(typed)) slot.drug = true;
      slots.push(slot);
      i += n;
      done = true;
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
    if (!isStop(w) || ws.length === 1) slots.push({ typed: w, alts: [[w]], expanded: false });
  }
  return longTermDrug(slots);
}
