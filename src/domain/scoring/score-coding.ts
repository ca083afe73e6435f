/**
 * Scores diagnosis and procedure coding against a case's answer key. Every key item (each
 * diagnosis, the first-listed choice, each line's code, modifiers, units and pointers) is
 * marked right, partly or wrong with a one-line rationale; codes the key does not expect are
 * scored as wrong extra items so over-coding costs as much as under-coding.
 * See: ICD-10-CM Official Guidelines FY2026 Section IV (outpatient: first-listed diagnosis,
 * code all documented conditions that affect care); NUCC 1500 items 21 and 24D–24G.
 */
import { icdDisplay, icdKey } from '../codes/code';
import {
  CREDIT,
  type AnswerKey,
  type CodedWork,
  type KeyAlternative,
  type KeyLine,
  type Mark,
  type ScoredItem,
  type ScoreReport,
} from './types';

const procKey = (c: string) => c.trim().toUpperCase();
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '(none)');

function scoreDiagnoses(
  key: AnswerKey,
  work: CodedWork,
): { items: ScoredItem[]; used: Set<number> } {
  const given = work.diagnoses.map(icdKey);
  const used = new Set<number>();
  const items: ScoredItem[] = key.diagnoses.map((d, i) => {
    const label = `Diagnosis ${i + 1}`;
    const expected = icdDisplay(d.code);
    const exact = given.findIndex((g, j) => !used.has(j) && g === icdKey(d.code));
    if (exact >= 0) {
      used.add(exact);
      return {
        kind: 'diagnosis',
        label,
        expected,
        given: expected,
        mark: 'right',
        rationale: d.rationale,
      };
    }
    const alt = findAlternative(d.alternatives, given, used);
    if (alt) {
      used.add(alt.index);
      return {
        kind: 'diagnosis',
        label,
        expected,
        given: icdDisplay(alt.alt.code),
        mark: 'partly',
        rationale: alt.alt.rationale,
      };
    }
    // A code of the same category is not partly right by itself (Z79.4 insulin vs Z79.84 oral
    // drugs say opposite things): it is paired with the key code so it is scored once, as wrong.
    // Partial credit comes only from the key's own alternatives (a less specific code the pack
    // accepts is listed there).
    const cat = given.findIndex(
      (g, j) => !used.has(j) && g.slice(0, 3) === icdKey(d.code).slice(0, 3),
    );
    if (cat >= 0) {
      used.add(cat);
      const g = icdDisplay(given[cat] as string);
      return {
        kind: 'diagnosis',
        label,
        expected,
        given: g,
        mark: 'wrong',
        rationale: `The documentation supports ${expected}, not ${g}. ${d.rationale}`,
      };
    }
    return {
      kind: 'diagnosis',
      label,
      expected,
      given: '(not coded)',
      mark: 'wrong',
      rationale: `Missing. ${d.rationale}`,
    };
  });

  const first = key.diagnoses[0];
  if (first) {
    const g0 = given[0];
    const expected = icdDisplay(first.code);
    let mark: Mark = 'wrong';
    let rationale = `The reason chiefly responsible for the visit is ${expected}; list it first. ${first.rationale}`;
    if (g0 === icdKey(first.code)) {
      mark = 'right';
      rationale = `${expected} is the reason chiefly responsible for the visit.`;
    } else {
      const alt = first.alternatives?.find((a) => icdKey(a.code) === g0);
      if (alt) {
        mark = 'partly';
        rationale = alt.rationale;
      }
    }
    items.push({
      kind: 'first-listed',
      label: 'First-listed diagnosis',
      expected,
      given: g0 ? icdDisplay(g0) : '(none)',
      mark,
      rationale,
    });
  }

  given.forEach((g, j) => {
    if (used.has(j)) return;
    items.push({
      kind: 'extra-diagnosis',
      label: `Extra diagnosis ${icdDisplay(g)}`,
      expected: '(not in the key)',
      given: icdDisplay(g),
      mark: 'wrong',
      rationale: `${icdDisplay(g)} is not supported by the documentation as coded for this visit.`,
    });
  });
  return { items, used };
}

function findAlternative(alts: KeyAlternative[] | undefined, given: string[], used: Set<number>) {
  for (const alt of alts ?? []) {
    const index = given.findIndex((g, j) => !used.has(j) && g === icdKey(alt.code));
    if (index >= 0) return { alt, index };
  }
  return null;
}

type WorkLine = CodedWork['lines'][number];

/**
 * Pairs each key line with a trainee line: same code, then a listed alternative, then the same
 * code family (paired for scoring the rest of the line only; the code is marked wrong).
 */
function matchLines(key: KeyLine[], lines: WorkLine[]) {
  const used = new Set<number>();
  const pick = (pred: (l: WorkLine) => boolean) => {
    const i = lines.findIndex((l, j) => !used.has(j) && pred(l));
    if (i >= 0) used.add(i);
    return i;
  };
  const pairs = key.map(() => ({
    index: -1,
    how: 'none' as 'exact' | 'alternative' | 'family' | 'none',
    alt: undefined as KeyAlternative | undefined,
  }));
  key.forEach((k, i) => {
    const idx = pick((l) => procKey(l.code) === procKey(k.code));
    if (idx >= 0) pairs[i] = { index: idx, how: 'exact', alt: undefined };
  });
  key.forEach((k, i) => {
    if (pairs[i]?.how !== 'none') return;
    for (const alt of k.alternatives ?? []) {
      const idx = pick((l) => procKey(l.code) === procKey(alt.code));
      if (idx >= 0) {
        pairs[i] = { index: idx, how: 'alternative', alt };
        return;
      }
    }
    // Same first four characters (99213 for 99214; G2212 for G2211): paired so the line's
    // modifiers, units and pointers are still scored, but the code itself earns no credit.
    const idx = pick((l) => procKey(l.code).slice(0, 4) === procKey(k.code).slice(0, 4));
    if (idx >= 0) pairs[i] = { index: idx, how: 'family', alt: undefined };
  });
  return { pairs, used };
}

function scoreLine(
  n: number,
  k: KeyLine,
  l: WorkLine | undefined,
  how: string,
  alt: KeyAlternative | undefined,
  key: AnswerKey,
  work: CodedWork,
): ScoredItem[] {
  const label = `Line ${n}`;
  const kMods = k.modifiers.map(procKey);
  const kDx = k.dxPointers.map((p) => icdKey(key.diagnoses[p - 1]?.code ?? ''));
  if (!l) {
    const miss = (kind: ScoredItem['kind'], what: string, expected: string): ScoredItem => ({
      kind,
      label: `${label} ${what}`,
      expected,
      given: '(no line)',
      mark: 'wrong',
      rationale: `No line reports ${k.code}. ${k.rationale}`,
    });
    return [
      miss('line-code', 'code', k.code),
      miss('line-modifiers', 'modifiers', list(kMods)),
      miss('line-units', 'units', String(k.units)),
      miss('line-pointers', 'diagnosis pointers', list(kDx.map(icdDisplay))),
    ];
  }
  const code: ScoredItem = {
    kind: 'line-code',
    label: `${label} code`,
    expected: k.code,
    given: procKey(l.code),
    // Partial credit only for an alternative the answer key lists.
    mark: how === 'exact' ? 'right' : how === 'alternative' ? 'partly' : 'wrong',
    rationale:
      how === 'exact'
        ? k.rationale
        : (alt?.rationale ??
          `The documentation supports ${k.code}, not ${procKey(l.code)}. ${k.rationale}`),
  };

  const gMods = l.modifiers.map(procKey);
  const same = gMods.length === kMods.length && gMods.every((m) => kMods.includes(m));
  const overlap = gMods.some((m) => kMods.includes(m));
  const mods: ScoredItem = {
    kind: 'line-modifiers',
    label: `${label} modifiers`,
    expected: list(kMods),
    given: list(gMods),
    mark: same ? 'right' : overlap ? 'partly' : 'wrong',
    rationale: same
      ? kMods.length
        ? `Modifiers ${list(kMods)} are what this service needs.`
        : 'No modifier is needed on this line.'
      : kMods.length
        ? `This line needs ${list(kMods)}.`
        : `No modifier is needed on this line; ${list(gMods)} does not apply.`,
  };

  const units: ScoredItem = {
    kind: 'line-units',
    label: `${label} units`,
    expected: String(k.units),
    given: String(l.units),
    mark: l.units === k.units ? 'right' : 'wrong',
    rationale:
      l.units === k.units
        ? `${k.units} unit${k.units === 1 ? '' : 's'} as documented.`
        : `The documentation supports ${k.units} unit${k.units === 1 ? '' : 's'}, not ${l.units}.`,
  };

  const gDx = l.dxPointers
    .map((p) => work.diagnoses[p - 1])
    .filter((c): c is string => !!c)
    .map(icdKey);
  const sameSet = gDx.length === kDx.length && gDx.every((c) => kDx.includes(c));
  const samePrimary = gDx[0] === kDx[0];
  const dxOverlap = gDx.some((c) => kDx.includes(c));
  const pMark: Mark = sameSet && samePrimary ? 'right' : dxOverlap ? 'partly' : 'wrong';
  const pointers: ScoredItem = {
    kind: 'line-pointers',
    label: `${label} diagnosis pointers`,
    expected: list(kDx.map(icdDisplay)),
    given: list(gDx.map(icdDisplay)),
    mark: pMark,
    rationale:
      pMark === 'right'
        ? `The line points to the diagnoses it treated, ${icdDisplay(kDx[0] ?? '')} first.`
        : sameSet
          ? `Point first to ${icdDisplay(kDx[0] ?? '')}, the main reason for this service.`
          : `Point this line to ${list(kDx.map(icdDisplay))}: the conditions this service addressed.`,
  };
  return [code, mods, units, pointers];
}

export function scoreCoding(key: AnswerKey, work: CodedWork): ScoreReport {
  const dx = scoreDiagnoses(key, work);
  const { pairs, used } = matchLines(key.lines, work.lines);
  const lineItems = key.lines.flatMap((k, i) => {
    const p = pairs[i];
    return scoreLine(
      i + 1,
      k,
      p && p.index >= 0 ? work.lines[p.index] : undefined,
      p?.how ?? 'none',
      p?.alt,
      key,
      work,
    );
  });
  const extras: ScoredItem[] = work.lines.flatMap((l, j) =>
    used.has(j)
      ? []
      : [
          {
            kind: 'extra-line' as const,
            label: `Extra line ${procKey(l.code) || '(blank)'}`,
            expected: '(not in the key)',
            given: procKey(l.code) || '(blank)',
            mark: 'wrong' as const,
            rationale: `${procKey(l.code) || 'This line'} is not a separately reportable service documented at this visit.`,
          },
        ],
  );
  const items = [...dx.items, ...lineItems, ...extras];
  return { items, totals: totals(items) };
}

export function totals(items: readonly ScoredItem[]) {
  const count = (m: Mark) => items.filter((i) => i.mark === m).length;
  const points = items.reduce((a, i) => a + CREDIT[i.mark], 0);
  const max = items.length;
  return {
    right: count('right'),
    partly: count('partly'),
    wrong: count('wrong'),
    points,
    max,
    percent: max === 0 ? 0 : Math.floor((points / max) * 100 + 0.5),
  };
}
