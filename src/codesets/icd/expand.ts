/**
 * Builds the list of reportable entries from a Tabular List alone (years with no order file
 * here, e.g. FY2017): every tabular code, plus, under a 7th-character rule, each leaf padded with
 * the placeholder X to six characters and each allowed 7th character — exactly what the CDC order
 * file lists (checked against the FY2021 order file: same codes, same billable flags).
 * See: ICD-10-CM Official Guidelines Section I.A.4–I.A.5 (placeholder X, 7th characters).
 */
import type { IcdEntry } from '../../domain/codes/catalog';
import type { SeventhException, TabularData, TabularSeventh } from './tabular';

export function seventhAllowed(code6: string, rule: TabularSeventh): string[] {
  const chars = Object.keys(rule.characters);
  return chars.filter((ch) => !rule.exceptions.some((e) => exceptionApplies(e, code6, ch)));
}

export function exceptionApplies(e: SeventhException, code: string, ch: string): boolean {
  return (
    code.startsWith(e.prefix) &&
    e.values.includes(code.charAt(e.position - 1)) &&
    e.notAllowed.includes(ch)
  );
}

export function entriesFromTabular(t: TabularData): IcdEntry[] {
  const ruleAt = new Map(t.seventh.map((s) => [s.at, s]));
  const byCode = new Map(t.codes.map((c) => [c.code, c]));
  const ruleFor = (code: string): TabularSeventh | undefined => {
    for (let c: string | undefined = code; c; c = byCode.get(c)?.parent) {
      const r = ruleAt.get(c);
      if (r) return r;
    }
    return undefined;
  };
  const out: IcdEntry[] = [];
  for (const c of t.codes) {
    const rule = c.leaf ? ruleFor(c.code) : undefined;
    if (!rule) {
      out.push({ code: c.code, billable: c.leaf, short: c.desc, long: c.desc });
      continue;
    }
    out.push({ code: c.code, billable: false, short: c.desc, long: c.desc });
    const base = c.code.padEnd(6, 'X');
    for (const ch of seventhAllowed(base, rule)) {
      const d = `${c.desc}, ${rule.characters[ch]}`;
      out.push({ code: base + ch, billable: true, short: d, long: d });
    }
  }
  return out;
}
