/**
 * The rules of a list that name a procedure code, in the list's order, found once per list and
 * code: the payer checks every line of every claim against every rule (issue 11, `claimlab
 * check` speed). Lists are read only; at most 5,000 codes are kept per list before it starts again.
 */
export function rulesNaming<R>(
  names: (rule: R, code: string) => boolean,
): (rules: readonly R[], code: string) => R[] {
  const index = new WeakMap<readonly R[], Map<string, R[]>>();
  return (rules, code) => {
    let m = index.get(rules);
    if (!m) index.set(rules, (m = new Map()));
    let found = m.get(code);
    if (!found) {
      if (m.size >= 5_000) m.clear();
      m.set(code, (found = rules.filter((r) => names(r, code))));
    }
    return found;
  };
}
