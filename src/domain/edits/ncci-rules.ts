/**
 * NCCI procedure-to-procedure (PTP) pairs and medically unlikely edits (MUEs) as dated rules,
 * indexed for the scrubber. Built from the curated JSON in codesets/ncci/ or from CMS files
 * through the importers in src/codesets/ncci/.
 * See: CMS NCCI Policy Manual ch. I §E (modifier indicators), MUE overview (adjudication
 * indicators); https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits
 */

/** 0: never bypassed; 1: bypassed by an appropriate NCCI-associated modifier; 9: not applicable (deleted). */
export type ModifierIndicator = '0' | '1' | '9';
/** 1: line edit (claim line); 2: date of service, absolute policy limit; 3: date of service, clinical limit. */
export type MueIndicator = 1 | 2 | 3;

export interface PtpEdit {
  column1: string;
  column2: string;
  /** ISO dates; deleted null when the edit is active. */
  effective: string;
  deleted: string | null;
  modifierIndicator: ModifierIndicator;
  rationale: string;
  /** File or curated set the edit came from, e.g. "codesets/ncci/ptp-curated.json (CMS practitioner PTP 2026Q1)". */
  source: string;
}

export interface MueEdit {
  code: string;
  value: number;
  indicator: MueIndicator;
  rationale: string;
  effective: string;
  deleted: string | null;
  source: string;
}

export interface NcciRules {
  describe(): string;
  /** The PTP edit between two codes in effect on the date, in either column order. */
  ptp(a: string, b: string, date: string): PtpEdit | undefined;
  mue(code: string, date: string): MueEdit | undefined;
  counts(): { ptp: number; mue: number };
}

const active = (e: { effective: string; deleted: string | null }, date: string): boolean =>
  e.effective <= date && (e.deleted === null || date < e.deleted);

/** Indexes PTP and MUE lists; later entries for the same key and date win (newer quarter files last). */
export function buildNcciRules(
  ptp: readonly PtpEdit[],
  mue: readonly MueEdit[],
  label: string,
): NcciRules {
  // Column 1 code, then column 2 code: a look-up builds no key string (it runs for every pair
  // of lines of every claim).
  const pairs = new Map<string, Map<string, PtpEdit[]>>();
  let pairCount = 0;
  for (const e of ptp) {
    let byCol2 = pairs.get(e.column1);
    if (!byCol2) pairs.set(e.column1, (byCol2 = new Map()));
    const list = byCol2.get(e.column2);
    if (list) list.push(e);
    else {
      byCol2.set(e.column2, [e]);
      pairCount++;
    }
  }
  const mues = new Map<string, MueEdit[]>();
  for (const e of mue) {
    const list = mues.get(e.code);
    if (list) list.push(e);
    else mues.set(e.code, [e]);
  }
  const pick = <T extends { effective: string; deleted: string | null }>(
    list: T[] | undefined,
    date: string,
  ) => {
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (active(list[i]!, date)) return list[i];
    return undefined;
  };
  return {
    describe: () => `${label}: ${pairCount} PTP pairs, ${mues.size} MUE codes`,
    ptp: (a, b, date) => pick(pairs.get(a)?.get(b), date) ?? pick(pairs.get(b)?.get(a), date),
    mue: (code, date) => pick(mues.get(code), date),
    counts: () => ({ ptp: pairCount, mue: mues.size }),
  };
}
