/**
 * A practice session's score: every decision the simulated office judged (src/machines/practice
 * decisions.ts) is one item worth 1 point, right 1 or wrong 0, with its clock date, its
 * rationale and the rule it cites. Percent = right ÷ decisions × 100, rounded half up: the same
 * as a case's, so sessions sit beside cases and quizzes on the progress dashboard, and a stored
 * session scores the same when read back (the items are the decisions).
 * See: README "Scoring"; issue 13 ("Progress": every attempt, case, quiz or practice session).
 */

/** A judged decision as the practice records it (structural: the domain imports no machines). */
export interface JudgedDecision {
  /** The simulated date (ISO) the decision was taken. */
  at: string;
  kind: string;
  choice: string;
  right: boolean;
  rationale: string;
  /** The rule, when the decision names it apart from its rationale. */
  rule?: string;
  encounterId?: string;
  claimId?: string;
}

export interface PracticeItem {
  at: string;
  kind: string;
  choice: string;
  mark: 'right' | 'wrong';
  rationale: string;
  /** The guideline, manual or regulation the decision was judged by ('' when none is named). */
  rule: string;
  encounterId?: string;
  claimId?: string;
}

export interface PracticeScore {
  items: PracticeItem[];
  totals: { right: number; wrong: number; points: number; max: number; percent: number };
}

const CITATION =
  /CFR|Pub\.|ch\.|§|NCCI|SSA|X12|NUCC|RARC|CARC|CMS|MLN|DOMAIN\.md|Guidelines|CPT|HCPCS|835|837|item \d/;

/**
 * The rule a rationale cites: its last parenthesised part that reads as a citation
 * ("… send a new claim (DOMAIN.md §1.5; RARC MA130)." → "DOMAIN.md §1.5; RARC MA130").
 */
export function ruleOf(d: Pick<JudgedDecision, 'rationale' | 'rule'>): string {
  if (d.rule?.trim()) return d.rule.trim();
  const groups: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < d.rationale.length; i++) {
    const ch = d.rationale[i];
    if (ch === '(') {
      if (depth++ === 0) start = i + 1;
    } else if (ch === ')' && depth > 0 && --depth === 0) groups.push(d.rationale.slice(start, i));
  }
  return (
    [...groups]
      .reverse()
      .find((g) => CITATION.test(g))
      ?.trim() ?? ''
  );
}

export const practiceItem = (d: JudgedDecision): PracticeItem => ({
  at: d.at,
  kind: d.kind,
  choice: d.choice,
  mark: d.right ? 'right' : 'wrong',
  rationale: d.rationale,
  rule: ruleOf(d),
  ...(d.encounterId ? { encounterId: d.encounterId } : {}),
  ...(d.claimId ? { claimId: d.claimId } : {}),
});

/** The totals of a session's items (also used to check a stored or imported session). */
export function practiceTotals(items: readonly Pick<PracticeItem, 'mark'>[]) {
  const right = items.filter((i) => i.mark === 'right').length;
  const max = items.length;
  return {
    right,
    wrong: max - right,
    points: right,
    max,
    percent: max === 0 ? 0 : Math.floor((right / max) * 100 + 0.5),
  };
}

export function scorePracticeSession(decisions: readonly JudgedDecision[]): PracticeScore {
  const items = decisions.map(practiceItem);
  return { items, totals: practiceTotals(items) };
}
