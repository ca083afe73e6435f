/**
 * Code validity on the date of service: `code.invalid`, `code.not-billable`,
 * `code.seventh-character` (including the placeholder X, with the corrected code suggested).
 * See: ICD-10-CM Official Guidelines FY2026 Section I.A.3 (only codes, not categories or
 * subcategories, may be reported), I.A.4 (placeholder X), I.A.5 (7th characters), I.B.2
 * (highest number of characters); CMS Pub. 100-04 ch. 23 §20.7 (HCPCS/CPT valid on the date
 * of service); CARC 146/181/182.
 */
import type { CodeCatalog, IcdRelease, ProcedureVerdict } from '../codes/catalog';
import { icdDisplay, icdKey, parseIcd10, parseProcedure } from '../codes/code';
import type { Claim } from '../claim/claim';
import { fiscalYear, isIsoDate } from '../time/dates';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding, lineDate } from './finding-kit';
import { seventhInfo } from './seventh';
import { dxInfo, keyOf } from './dx-info';
import { byDiagnoses } from './dx-memo';
import { FindingMemo, shareFindings } from './finding-memo';

const REF_CODES =
  'ICD-10-CM Official Guidelines FY2026 §I.A.3 (codes, not categories, are reported)';
const REF_LEVEL =
  'ICD-10-CM Official Guidelines FY2026 §I.A.3 and §I.B.2 (report the highest level of detail)';
const REF_7TH = 'ICD-10-CM Official Guidelines FY2026 §I.A.5 (7th characters)';
const REF_X = 'ICD-10-CM Official Guidelines FY2026 §I.A.4 (placeholder character X) and §I.A.5';
const REF_PROC = 'CMS Pub. 100-04 ch. 23 §20.7 (HCPCS/CPT codes valid on the date of service)';

export function validityEdits(claim: Claim, ctx: EditContext): Finding[] {
  return [...diagnosisValidity(claim, ctx.catalog), ...procedureValidity(claim, ctx.catalog)];
}

/** The ICD-10-CM release for the claim's date, or a claim-level finding saying why there is none. */
export function releaseFor(
  catalog: CodeCatalog,
  date: string,
): { release: IcdRelease } | { finding: Finding | null } {
  if (!isIsoDate(date)) return { finding: null }; // parseClaim already reported the date
  // Asked on every claim, about the few dates of a batch: the answer is kept per catalog and
  // date (read only; a finding in it is shared like any memoised finding).
  let byDate = releases.get(catalog);
  if (!byDate) releases.set(catalog, (byDate = new Map()));
  let r = byDate.get(date);
  if (r === undefined) {
    if (byDate.size >= 5_000) byDate.clear();
    byDate.set(date, (r = releaseOn(catalog, date)));
    if ('finding' in r && r.finding) shareFindings([r.finding]);
  }
  return r;
}

const releases = new WeakMap<
  CodeCatalog,
  Map<string, { release: IcdRelease } | { finding: Finding | null }>
>();

function releaseOn(
  catalog: CodeCatalog,
  date: string,
): { release: IcdRelease } | { finding: Finding | null } {
  const r = catalog.icd10(date);
  if (r.ok) return { release: r.value };
  const why = r.errors.map((e) => e.message.replace(/\.+$/, '')).join('; ');
  return {
    finding: finding(
      'code.invalid',
      'warning',
      null,
      [],
      `Diagnosis codes could not be checked for the date of service ${date}: ${why}.`,
      `${REF_CODES}; loaded code sets: ${catalog.describe()}`,
      { field: 'serviceDate' },
    ),
  };
}

/** The release the diagnosis rules use and, on a date no release covers, the year it stands in for. */
export interface RulesRelease {
  release: IcdRelease;
  /** Set when no loaded release covers the date: the fiscal year ("FY2024") the release is applied to. */
  appliedTo?: string;
}

/**
 * The ICD-10-CM release whose conventions, relationships, sequencing and MCE flags apply on a
 * date: the release for the date, or, when none is on hand (FY2024 between FY2023 and FY2025,
 * FY2018-FY2020 before FY2021), the nearest one before it (its notes are the ones in force until
 * the change), else the nearest after it. Undefined when there is no release at all, the date is
 * not a date, or it is before ICD-10-CM (2015-10-01). The findings made on a stand-in release
 * name it (`labelApplied`); validity reports the gap once (`code.list-gap`).
 * See: issue 10 ("never judge a service silently against another year's file").
 */
export function rulesReleaseFor(catalog: CodeCatalog, date: string): RulesRelease | undefined {
  if (!isIsoDate(date)) return undefined;
  // Asked by several families on every claim, about the few dates of a batch: kept per catalog
  // and date (read only).
  let byDate = rulesReleases.get(catalog);
  if (!byDate) rulesReleases.set(catalog, (byDate = new Map()));
  let r = byDate.get(date);
  if (r === undefined && !byDate.has(date)) {
    if (byDate.size >= 5_000) byDate.clear();
    byDate.set(date, (r = rulesReleaseOn(catalog, date)));
  }
  return r;
}

const rulesReleases = new WeakMap<CodeCatalog, Map<string, RulesRelease | undefined>>();

function rulesReleaseOn(catalog: CodeCatalog, date: string): RulesRelease | undefined {
  const r = catalog.icd10(date);
  if (r.ok) return { release: r.value };
  if (date < ICD10_START) return undefined;
  const { before, after } = neighbours(catalog, date);
  const release = before ?? after;
  return release ? { release, appliedTo: `FY${fiscalYear(date)}` } : undefined;
}

/** ICD-10-CM took effect in the United States on 2015-10-01 (FY2016). */
const ICD10_START = '2015-10-01';

/**
 * Findings made on a stand-in release, labelled with the release used: a tabular note's source
 * reads "(FY2023 tabular, applied to FY2024)" and the reference names the release and the gap.
 */
export function labelApplied(
  findings: Finding[],
  release: IcdRelease,
  appliedTo: string | undefined,
): Finding[] {
  if (!appliedTo) return findings;
  const tab = /\((FY\d{4}) tabular(?:, applied to FY\d{4})?\)/g;
  const relabel = (s: string) => s.replace(tab, `($1 tabular, applied to ${appliedTo})`);
  const note = `ICD-10-CM ${release.id} (${release.from} to ${release.to}) applied to ${appliedTo}: no release for that year is on hand`;
  return findings.map((f) => ({
    ...f,
    message: relabel(f.message),
    reference: `${relabel(f.reference)}; ${note}`,
  }));
}

export function diagnosisValidity(claim: Claim, catalog: CodeCatalog): Finding[] {
  if (claim.diagnoses.length === 0) return [];
  const r = releaseFor(catalog, claim.serviceDate);
  if (!('release' in r)) return bridged(claim, catalog) ?? (r.finding ? [r.finding] : []);
  const release = r.release;
  // The date is in the messages (and decides mid-year additions): part of the memo's key.
  return byDiagnoses('validity', catalog, release, claim.diagnoses, claim.serviceDate, () =>
    diagnosesOn(claim.diagnoses, claim.serviceDate, release, catalog),
  );
}

function diagnosesOn(
  diagnoses: readonly string[],
  serviceDate: string,
  release: IcdRelease,
  catalog: CodeCatalog,
): Finding[] {
  const out: Finding[] = [];
  diagnoses.forEach((raw, i) => {
    const key = keyOf(raw);
    const mid = key.length >= 3 ? release.midYear?.(key) : undefined;
    const early = !!mid && serviceDate < mid.effective;
    // Fast path: a billable code of the release (the usual case) needs no message.
    if (key.length >= 3 && dxInfo(release, catalog, key).entry?.billable && !early) return;
    // A header a mid-year update created was still billable before the update.
    if (early && mid.kind === 'became-header') return;
    if (early && mid.kind === 'added') {
      out.push(
        finding(
          'code.invalid',
          'error',
          null,
          [icdDisplay(raw)],
          `${icdDisplay(raw)} is not a valid ICD-10-CM code for the date of service ${serviceDate}: a mid-year update added it to ${release.id}, effective ${mid.effective}.`,
          `${REF_CODES}; ${mid.source}; CARC 146 (diagnosis invalid for the date of service)`,
          { field: `diagnoses[${i}]`, diagnosisIndex: i },
        ),
      );
      return;
    }
    const f = cachedCheck(raw, release, catalog, serviceDate);
    if (f) out.push({ ...f, field: `diagnoses[${i}]`, diagnosisIndex: i });
  });
  return out;
}

/** The nearest loaded (ready) releases ending before and starting after a date. */
function neighbours(
  catalog: CodeCatalog,
  date: string,
): { before: IcdRelease | undefined; after: IcdRelease | undefined } {
  const rs = catalog.releases().filter((x) => x.ready?.() ?? true);
  return {
    before: rs.filter((x) => x.to < date).sort((a, b) => b.to.localeCompare(a.to))[0],
    after: rs.filter((x) => x.from > date).sort((a, b) => a.from.localeCompare(b.from))[0],
  };
}

/**
 * The loaded releases on either side of a date no loaded release covers: one missing fiscal year
 * (FY2022, FY2024) or the three between FY2017 and FY2021 (FY2018-FY2020). A code billable at
 * both ends is taken as billable between them (ICD-10-CM codes are not deleted and re-added in
 * the same form); every other code is judged as the bridge says, and the gap is named.
 */
function around(catalog: CodeCatalog, date: string): [IcdRelease, IcdRelease] | undefined {
  const { before, after } = neighbours(catalog, date);
  if (!before || !after || Number(after.from.slice(0, 4)) - Number(before.to.slice(0, 4)) > 3)
    return undefined;
  return [before, after];
}

/**
 * Diagnoses on a date in the one fiscal year between two loaded releases (FY2024 when FY2023 and
 * FY2025 are on hand):
 * a code billable in both was billable between them, and a code that is in neither (or is a
 * header in both) is reported as it would be in the later one; a code that differs between the
 * two (added, deleted or made a header in between) cannot be judged here: a warning names it.
 * Undefined when the date is not between two releases.
 * See: issue 10 ("never judge a service silently against another year's file").
 */
function bridged(claim: Claim, catalog: CodeCatalog): Finding[] | undefined {
  const date = claim.serviceDate;
  if (!isIsoDate(date)) return undefined;
  const pair = around(catalog, date);
  if (!pair) return undefined;
  const [before, after] = pair;
  const on = `${before.id} (to ${before.to}) and ${after.id} (from ${after.from})`;
  const out: Finding[] = [
    finding(
      'code.list-gap',
      'info',
      null,
      [],
      `No ICD-10-CM release for the date of service ${date} is on hand: the diagnoses were judged on ${on}; a code billable in both was billable between them.`,
      `${REF_CODES}; loaded code sets: ${catalog.describe()}`,
      { field: 'serviceDate' },
    ),
  ];
  claim.diagnoses.forEach((raw, i) => {
    const key = keyOf(raw);
    const ok = (x: IcdRelease) => key.length >= 3 && !!x.get(key)?.billable;
    if (ok(before) && ok(after)) return;
    const shown = icdDisplay(raw);
    // Added by a mid-year update in the gap (U07.1 on 2020-04-01): valid from its date.
    const mid = ok(after) && !ok(before) ? after.midYear?.(key) : undefined;
    if (mid?.kind === 'added' && before.to < mid.effective) {
      if (date >= mid.effective) return;
      out.push(
        finding(
          'code.invalid',
          'error',
          null,
          [shown],
          `${shown} is not a valid ICD-10-CM code for the date of service ${date}: a mid-year update added it, effective ${mid.effective}.`,
          `${REF_CODES}; ${mid.source}; CARC 146 (diagnosis invalid for the date of service)`,
          { field: `diagnoses[${i}]`, diagnosisIndex: i },
        ),
      );
      return;
    }
    if (!parseIcd10(raw) || (!ok(before) && !ok(after))) {
      const f = checkIcd(raw, after, catalog, date, i);
      if (f)
        out.push({
          ...f,
          message: `${f.message} ${before.id} agrees (no release for the date is on hand).`,
        });
      return;
    }
    const state = (x: IcdRelease) => (ok(x) ? 'billable' : x.get(key) ? 'a header' : 'not a code');
    out.push(
      finding(
        'code.invalid',
        'warning',
        null,
        [shown],
        `${shown} is ${state(before)} in ${before.id} and ${state(after)} in ${after.id}: it changed between them, and no release for the date of service ${date} is on hand to say whether it was valid then. Check it against the ICD-10-CM release for that year.`,
        `${REF_CODES}; loaded code sets: ${catalog.describe()}`,
        { field: `diagnoses[${i}]`, diagnosisIndex: i },
      ),
    );
  });
  return out;
}

/**
 * A diagnosis on a date no loaded release covers, judged as `check` judges it between the
 * releases around the date (bridged): true (billable at both ends, or added by a mid-year update
 * in the gap before the date), false (not valid at either end, or added by a mid-year update
 * after the date), undefined (not between two releases, or it changed in between).
 */
export function validInGap(catalog: CodeCatalog, date: string, raw: string): boolean | undefined {
  if (!isIsoDate(date) || !parseIcd10(raw)) return undefined;
  const pair = around(catalog, date);
  if (!pair) return undefined;
  const [before, after] = pair;
  const key = keyOf(raw);
  const ok = (x: IcdRelease) => !!x.get(key)?.billable;
  if (ok(before) && ok(after)) return true;
  if (!ok(before) && !ok(after)) return false;
  const mid = ok(after) ? after.midYear?.(key) : undefined;
  if (mid?.kind === 'added' && before.to < mid.effective) return date >= mid.effective;
  return undefined;
}

const DOS = '\u0000DOS\u0000';
const verdicts = new WeakMap<IcdRelease, Map<string, Finding | null>>();

/** checkIcd per release and code as entered, with the date filled in afterwards. */
function cachedCheck(
  raw: string,
  release: IcdRelease,
  catalog: CodeCatalog,
  date: string,
): Finding | null {
  let m = verdicts.get(release);
  if (!m) verdicts.set(release, (m = new Map()));
  let v = m.get(raw);
  if (v === undefined) {
    if (m.size > 20_000) m.clear();
    v = checkIcd(raw, release, catalog, DOS, 0);
    m.set(raw, v);
  }
  return v && { ...v, message: v.message.replaceAll(DOS, date) };
}

/** Checks one diagnosis code against the release in effect; null when it is billable. */
export function checkIcd(
  raw: string,
  release: IcdRelease,
  catalog: CodeCatalog,
  date: string,
  index: number,
): Finding | null {
  const shown = icdDisplay(raw);
  const extra = { field: `diagnoses[${index}]`, diagnosisIndex: index };
  const rel = `${release.id} (${release.origin})`;
  if (!parseIcd10(raw))
    return finding(
      'code.invalid',
      'error',
      null,
      [shown],
      `"${raw}" is not an ICD-10-CM code: 3 to 7 characters, a letter first.`,
      REF_CODES,
      extra,
    );
  const key = icdKey(raw);
  const entry = release.get(key);
  if (entry?.billable) return null;

  const seventh = seventhInfo(release, key);
  if (seventh) {
    const { suggestion, message } = seventh;
    const ref = `${seventh.kind === 'placeholder' ? REF_X : REF_7TH}; ${seventh.source}`;
    return finding('code.seventh-character', 'error', null, [shown], message, ref, {
      ...extra,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  if (entry) {
    const kids = release.children(key).slice(0, 6).map(icdDisplay);
    return finding(
      'code.not-billable',
      'error',
      null,
      [shown],
      `${shown} is a header in ICD-10-CM ${rel} for the date of service ${date}, not a billable code: report one of its more specific codes.`,
      REF_LEVEL,
      {
        ...extra,
        ...(kids.length
          ? { suggestion: `Choose a more specific code, e.g. ${kids.join(', ')}` }
          : {}),
      },
    );
  }

  // Only releases at hand: the browser worker loads just the date's release, and asking an
  // unloaded one would throw and hide every validity finding (issue 10 "In the app").
  const elsewhere = catalog
    .releases()
    .filter((x) => x.id !== release.id && (x.ready?.() ?? true) && x.get(key))
    .map((x) => `${x.id} (${x.from} to ${x.to})`);
  const ancestor = nearestExisting(release, key);
  const where = elsewhere.length ? ` It exists in ${elsewhere.join(', ')}, not on this date.` : '';
  return finding(
    'code.invalid',
    'error',
    null,
    [shown],
    `${shown} is not a valid ICD-10-CM code in ${rel} for the date of service ${date}.${where}`,
    `${REF_CODES}; CARC 146 (diagnosis invalid for the date of service)`,
    {
      ...extra,
      ...(ancestor
        ? {
            suggestion: release.get(ancestor)?.billable
              ? icdDisplay(ancestor)
              : `Choose a code under ${icdDisplay(ancestor)}`,
          }
        : {}),
    },
  );
}

function nearestExisting(release: IcdRelease, key: string): string | undefined {
  for (let n = key.length - 1; n >= 3; n--)
    if (release.get(key.slice(0, n))) return key.slice(0, n);
  return undefined;
}

/**
 * The procedure codes' validity, memoised per catalog and the lines' codes and dates in order
 * (all it reads of the claim): a batch bills the same codes on the same dates claim after claim.
 */
export function procedureValidity(claim: Claim, catalog: CodeCatalog): Finding[] {
  let memo = procMemos.get(catalog);
  if (!memo) procMemos.set(catalog, (memo = new FindingMemo()));
  let at = memo.step(memo.start(), claim.serviceDate);
  for (const l of claim.lines) {
    if (
      typeof l.code !== 'string' ||
      (l.serviceDate !== undefined && typeof l.serviceDate !== 'string')
    )
      return procedureFindings(claim, catalog);
    at = memo.step(memo.step(at, l.code), l.serviceDate ?? 0);
  }
  return memo.get(at, () => procedureFindings(claim, catalog));
}

const procMemos = new WeakMap<CodeCatalog, FindingMemo>();

function procedureFindings(claim: Claim, catalog: CodeCatalog): Finding[] {
  const out: Finding[] = [];
  const gaps = new Map<string, string[]>();
  claim.lines.forEach((l, i) => {
    const n = i + 1;
    if (!l.code) return; // parseClaim reported the missing code
    const date = lineDate(claim.serviceDate, l.serviceDate);
    const field = { field: `lines[${i}].code` };
    if (!parseProcedure(l.code)) {
      out.push(
        finding(
          'code.invalid',
          'error',
          n,
          [l.code],
          `"${l.code}" is not a CPT or HCPCS Level II code (5 digits, ####F/T/U, or a letter and 4 digits).`,
          REF_PROC,
          field,
        ),
      );
      return;
    }
    if (!isIsoDate(date)) return;
    const v = verdictOn(catalog, l.code, date);
    // A list for another year than the date is named once per claim (issue 10: never judge a
    // 2026 service silently on a 2025 or 2020 file): a HCPCS file older than the date (gap), or
    // the PFS code list of another calendar year (it has no dates of its own).
    const gap = v.gap ?? (!v.covers && v.list !== 'starter set' ? v.list : undefined);
    if (gap) {
      const k = `${gap}\u0000${date}`;
      gaps.set(k, [...(gaps.get(k) ?? []), l.code]);
    }
    if (v.entry) return;
    const why = v.effective
      ? ` It takes effect on ${v.effective}.`
      : v.terminated
        ? ` It was deleted on ${v.terminated}.`
        : '';
    // An unknown code judged on a list for another year may be a later addition: a warning.
    const unsure =
      !v.covers && !!(v.gap ?? v.list !== 'starter set') && !v.effective && !v.terminated;
    out.push(
      finding(
        'code.invalid',
        unsure ? 'warning' : 'error',
        n,
        [l.code],
        unsure
          ? `${l.code} is not in the ${v.list}, the newest list on hand, which does not cover the date of service ${date}: check it against the code set for that year.`
          : `${l.code} is not a valid procedure code for the date of service ${date} (judged on the ${v.list}).${why}`,
        `${REF_PROC}; CARC 181 (procedure code invalid on the date of service)`,
        field,
      ),
    );
  });
  for (const [k, codes] of gaps) {
    const [list, date] = k.split('\u0000') as [string, string];
    out.push(
      finding(
        'code.list-gap',
        'info',
        null,
        [...new Set(codes)],
        `${[...new Set(codes)].join(', ')} judged on the ${list}, which does not cover the date of service ${date}: codes added or deleted between that list and ${date.slice(0, 4)} are not known here. Import the code list for ${date.slice(0, 4)} to judge them on their own year.`,
        REF_PROC,
      ),
    );
  }
  return out;
}

/**
 * The catalog's verdicts by code and date, per catalog: a run checks the same few hundred codes on
 * the same dates claim after claim. Read only (the verdicts are shared).
 */
const procVerdicts = new WeakMap<CodeCatalog, Map<string, ProcedureVerdict>>();

/** The catalog's verdict, or one built from procedure() for catalogs without procedureOn. */
function verdictOn(catalog: CodeCatalog, code: string, date: string): ProcedureVerdict {
  if (catalog.procedureOn) {
    let m = procVerdicts.get(catalog);
    if (!m) procVerdicts.set(catalog, (m = new Map()));
    const k = `${code}\u0000${date}`;
    let v = m.get(k);
    if (!v) {
      if (m.size >= 20_000) m.clear();
      m.set(k, (v = catalog.procedureOn(code, date)));
    }
    return v;
  }
  const e = catalog.procedure(code, date);
  const list = 'starter set';
  if (!e) return { list, covers: false };
  if (e.effective && e.effective > date) return { list, covers: false, effective: e.effective };
  if (e.terminated && e.terminated < date) return { list, covers: false, terminated: e.terminated };
  return { list, covers: false, entry: e };
}
