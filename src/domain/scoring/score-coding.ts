/**
 * Scores diagnosis and procedure coding against a case's answer key. Every key item (each
 * diagnosis, the first-listed choice, each line's code, modifiers, units and pointers) is
 * marked right, partly or wrong with a one-line rationale, the rule it rests on and the code to
 * open in the encoder; codes the key does not expect are scored as wrong extra items so
 * over-coding costs as much as under-coding. Codes are compared in any format (e11.9 = E119).
 * See: ICD-10-CM Official Guidelines FY2026 Section IV (outpatient: first-listed diagnosis,
 * code all documented conditions that affect care); NUCC 1500 items 21 and 24D–24G.
 */
import { icdDisplay, icdKey } from '../codes/code';
import {
  REF,
  isEm,
  modifierMeaning,
  modifierReference,
  partialReference,
  procedureDirection,
} from './references';
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
const creditOf = (a: KeyAlternative) => (a.credit === 'partial' ? CREDIT.partly : a.credit);
const icdLink = (code: string) => ({ system: 'ICD-10-CM' as const, code: icdDisplay(code) });
const procLink = (code: string) => ({ system: 'CPT/HCPCS' as const, code: procKey(code) });

type DxMatch =
  | { how: 'exact' | 'acceptable'; index: number }
  | { how: 'alternative'; index: number; alt: KeyAlternative }
  | { how: 'category'; index: number }
  | { how: 'none' };

/**
 * Pairs each key diagnosis with one the trainee listed, by role and order: the same code in the
 * same position first (so a code listed twice pairs with the key item in its own place), then
 * the same code anywhere, then an acceptable code, then a listed alternative, then a code of
 * the same category (paired so it is scored once, as wrong).
 */
function matchDiagnoses(key: AnswerKey, given: readonly string[]) {
  const used = new Set<number>();
  const out: DxMatch[] = key.diagnoses.map(() => ({ how: 'none' }));
  const take = (i: number, m: DxMatch & { index: number }) => {
    used.add(m.index);
    out[i] = m;
  };
  const free = (i: number) => out[i]?.how === 'none';
  key.diagnoses.forEach((d, i) => {
    if (given[i] === icdKey(d.code)) take(i, { how: 'exact', index: i });
  });
  const pass = (find: (d: AnswerKey['diagnoses'][number], i: number) => DxMatch | null) =>
    key.diagnoses.forEach((d, i) => {
      if (!free(i)) return;
      const m = find(d, i);
      if (m && m.how !== 'none') take(i, m);
    });
  const at = (pred: (g: string) => boolean) => given.findIndex((g, j) => !used.has(j) && pred(g));
  pass((d) => {
    const j = at((g) => g === icdKey(d.code));
    return j >= 0 ? { how: 'exact', index: j } : null;
  });
  pass((d) => {
    const ok = new Set((d.acceptable ?? []).map(icdKey));
    const j = at((g) => ok.has(g));
    return j >= 0 ? { how: 'acceptable', index: j } : null;
  });
  pass((d) => {
    for (const alt of d.alternatives ?? []) {
      const j = at((g) => g === icdKey(alt.code));
      if (j >= 0) return { how: 'alternative', index: j, alt };
    }
    return null;
  });
  // A code of the same category is not partly right by itself (Z79.4 insulin vs Z79.84 oral
  // drugs say opposite things): it is paired with the key code so it is scored once, as wrong.
  // Partial credit comes only from the key's own alternatives.
  pass((d) => {
    const j = at((g) => g.slice(0, 3) === icdKey(d.code).slice(0, 3));
    return j >= 0 ? { how: 'category', index: j } : null;
  });
  return { matches: out, used };
}

function scoreDiagnoses(key: AnswerKey, work: CodedWork): ScoredItem[] {
  const given = work.diagnoses.map(icdKey);
  const { matches, used } = matchDiagnoses(key, given);
  const base = { kind: 'diagnosis' as const, section: 'coding' as const };
  const items: ScoredItem[] = key.diagnoses.map((d, i) => {
    const label = `Diagnosis ${i + 1}`;
    const expected = icdDisplay(d.code);
    const m = matches[i] ?? { how: 'none' };
    const link = icdLink(d.code);
    const place = (j: number) =>
      j !== i && i > 0 ? ` (listed ${j + 1}${j === 0 ? ', first' : ''})` : '';
    switch (m.how) {
      case 'exact':
      case 'acceptable': {
        const g = icdDisplay(given[m.index] as string);
        return {
          ...base,
          label,
          expected,
          given: g + place(m.index),
          mark: 'right',
          rationale: m.how === 'exact' ? d.rationale : `${g} is accepted. ${d.rationale}`,
          reference: i === 0 ? REF.firstListed : REF.coexisting,
          link,
        };
      }
      case 'alternative': {
        const g = icdDisplay(m.alt.code);
        return {
          ...base,
          label,
          expected,
          given: g,
          mark: 'partly',
          points: creditOf(m.alt),
          rationale: m.alt.rationale,
          reference: partialReference(d.code, m.alt.code, m.alt.rationale),
          link,
        };
      }
      case 'category': {
        const g = icdDisplay(given[m.index] as string);
        return {
          ...base,
          label,
          expected,
          given: g,
          mark: 'wrong',
          rationale: `The documentation supports ${expected}, not ${g}. ${d.rationale}`,
          reference: partialReference(d.code, g, d.rationale),
          link,
        };
      }
      default:
        return {
          ...base,
          label,
          expected,
          given: '(not coded)',
          mark: 'wrong',
          rationale: `Missing (under-coding). ${d.rationale}`,
          reference: REF.coexisting,
          link,
        };
    }
  });

  const first = key.diagnoses[0];
  if (first) {
    const g0 = given[0];
    const expected = icdDisplay(first.code);
    let mark: Mark = 'wrong';
    let points: number | undefined;
    let rationale = `The reason chiefly responsible for the visit is ${expected}; list it first. ${first.rationale}`;
    const ok = new Set([first.code, ...(first.acceptable ?? [])].map(icdKey));
    if (g0 !== undefined && ok.has(g0)) {
      mark = 'right';
      rationale = `${expected} is the reason chiefly responsible for the visit.`;
    } else {
      const alt = first.alternatives?.find((a) => icdKey(a.code) === g0);
      if (alt) {
        mark = 'partly';
        points = creditOf(alt);
        rationale = alt.rationale;
      }
    }
    items.push({
      kind: 'first-listed',
      section: 'coding',
      label: 'First-listed diagnosis',
      expected,
      given: g0 ? icdDisplay(g0) : '(none)',
      mark,
      ...(points !== undefined ? { points } : {}),
      rationale,
      reference: REF.firstListed,
      link: icdLink(first.code),
    });
  }

  given.forEach((g, j) => {
    if (used.has(j)) return;
    const dup = given.indexOf(g) !== j;
    items.push({
      kind: 'extra-diagnosis',
      section: 'coding',
      label: `Extra diagnosis ${icdDisplay(g)}`,
      expected: '(not in the key)',
      given: icdDisplay(g),
      mark: 'wrong',
      rationale: dup
        ? `${icdDisplay(g)} is listed more than once; report each code once.`
        : `${icdDisplay(g)} is not supported by the documentation as coded for this visit (over-coding).`,
      reference: dup ? REF.diagnosisItem : REF.uncertain,
      link: icdLink(g),
    });
  });
  return items;
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

function codeItem(
  label: string,
  k: KeyLine,
  l: WorkLine,
  how: string,
  alt: KeyAlternative | undefined,
): ScoredItem {
  const given = procKey(l.code);
  const dir = procedureDirection(k.code, given);
  const coding =
    dir === 'higher'
      ? ' (over-coding: a higher level than documented)'
      : dir === 'lower'
        ? ' (under-coding: a lower level than documented)'
        : '';
  return {
    kind: 'line-code',
    section: 'coding',
    label: `${label} code`,
    expected: k.code,
    given,
    // Partial credit only for an alternative the answer key lists.
    mark: how === 'exact' ? 'right' : how === 'alternative' ? 'partly' : 'wrong',
    ...(how === 'alternative' && alt ? { points: creditOf(alt) } : {}),
    rationale:
      how === 'exact'
        ? k.rationale
        : alt
          ? `${alt.rationale}${coding}`
          : `The documentation supports ${k.code}, not ${given}${coding}. ${k.rationale}`,
    reference: isEm(k.code) ? REF.em : REF.procedure,
    link: procLink(k.code),
  };
}

function modifierItem(label: string, kMods: string[], gMods: string[]): ScoredItem {
  const same = gMods.length === kMods.length && gMods.every((m) => kMods.includes(m));
  const overlap = gMods.some((m) => kMods.includes(m));
  const missing = kMods.filter((m) => !gMods.includes(m));
  const extra = gMods.filter((m) => !kMods.includes(m));
  const why = (ms: string[]) => ms.map(modifierMeaning).join('; ');
  let rationale: string;
  if (same)
    rationale = kMods.length
      ? `Modifiers ${list(kMods)} are what this service needs (${why(kMods)}).`
      : 'No modifier is needed on this line.';
  else if (!kMods.length)
    rationale = `No modifier is needed on this line; ${list(gMods)} does not apply (${why(gMods)}).`;
  else
    rationale = [
      missing.length ? `This line needs ${list(missing)} (${why(missing)}).` : '',
      extra.length ? `${list(extra)} does not apply (${why(extra)}).` : '',
    ]
      .filter(Boolean)
      .join(' ');
  const shown = kMods.length ? kMods : gMods;
  return {
    kind: 'line-modifiers',
    section: 'coding',
    label: `${label} modifiers`,
    expected: list(kMods),
    given: list(gMods),
    mark: same ? 'right' : overlap ? 'partly' : 'wrong',
    rationale,
    reference: modifierReference([...kMods, ...gMods]),
    ...(shown[0] ? { link: { system: 'modifier' as const, code: shown[0] } } : {}),
  };
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
  const link = procLink(k.code);
  if (!l) {
    const miss = (
      kind: ScoredItem['kind'],
      what: string,
      expected: string,
      reference: string,
    ): ScoredItem => ({
      kind,
      section: 'coding',
      label: `${label} ${what}`,
      expected,
      given: '(no line)',
      mark: 'wrong',
      rationale: `No line reports ${k.code} (under-coding). ${k.rationale}`,
      reference,
      link,
    });
    return [
      miss('line-code', 'code', k.code, isEm(k.code) ? REF.em : REF.procedure),
      miss('line-modifiers', 'modifiers', list(kMods), modifierReference(kMods)),
      miss('line-units', 'units', String(k.units), REF.units),
      miss('line-pointers', 'diagnosis pointers', list(kDx.map(icdDisplay)), REF.pointers),
    ];
  }
  const code = codeItem(label, k, l, how, alt);
  const mods = modifierItem(label, kMods, l.modifiers.map(procKey).filter(Boolean));

  const units: ScoredItem = {
    kind: 'line-units',
    section: 'coding',
    label: `${label} units`,
    expected: String(k.units),
    given: String(l.units),
    mark: l.units === k.units ? 'right' : 'wrong',
    rationale:
      l.units === k.units
        ? `${k.units} unit${k.units === 1 ? '' : 's'} as documented.`
        : `The documentation supports ${k.units} unit${k.units === 1 ? '' : 's'}, not ${l.units}.`,
    reference: REF.units,
    link,
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
    section: 'coding',
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
    reference: REF.pointers,
    ...(kDx[0] ? { link: icdLink(kDx[0]) } : {}),
  };
  return [code, mods, units, pointers];
}

/** The coding items only (diagnoses and lines): what the trainee reported on the claim. */
export function scoreCodingItems(key: AnswerKey, work: CodedWork): ScoredItem[] {
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
  const extras: ScoredItem[] = work.lines.flatMap((l, j) => {
    if (used.has(j)) return [];
    const code = procKey(l.code);
    return [
      {
        kind: 'extra-line' as const,
        section: 'coding' as const,
        label: `Extra line ${code || '(blank)'}`,
        expected: '(not in the key)',
        given: code || '(blank)',
        mark: 'wrong' as const,
        rationale: `${code || 'This line'} is not a separately reportable service documented at this visit (over-coding).`,
        reference: REF.procedure,
        ...(code ? { link: procLink(code) } : {}),
      },
    ];
  });
  return [...dx, ...lineItems, ...extras];
}

export function scoreCoding(key: AnswerKey, work: CodedWork): ScoreReport {
  const items = scoreCodingItems(key, work);
  return { items, totals: totals(items) };
}

/** Points an item earned and is worth (README "Scoring"). */
export const itemPoints = (i: ScoredItem) => i.points ?? CREDIT[i.mark];
export const itemMax = (i: ScoredItem) => i.max ?? 1;

export function totals(items: readonly ScoredItem[]) {
  const count = (m: Mark) => items.filter((i) => i.mark === m).length;
  // Sums in hundredths so 0.3 + 0.6 does not print as 0.8999999.
  const points = Math.round(items.reduce((a, i) => a + itemPoints(i) * 100, 0)) / 100;
  const max = items.reduce((a, i) => a + itemMax(i), 0);
  return {
    right: count('right'),
    partly: count('partly'),
    wrong: count('wrong'),
    points,
    max,
    percent: max === 0 ? 0 : Math.floor((points / max) * 100 + 0.5),
  };
}
