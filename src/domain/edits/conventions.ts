/**
 * ICD-10-CM conventions from the tabular notes: `icd10cm.excludes1`, `icd10cm.code-first`,
 * `icd10cm.use-additional`. Each finding quotes the note, the code it is attached to and the
 * year of the tabular it came from (FY2026 has no tabular here: notes come from FY2021).
 * See: ICD-10-CM Official Guidelines FY2026 §I.A.12.a (Excludes1: never together, except
 * unrelated conditions), §I.A.12.b (Excludes2: both may be reported), §I.A.13
 * (etiology/manifestation: "code first", "use additional code", "in diseases classified
 * elsewhere" codes are never first-listed), Section IV.G (first-listed diagnosis).
 */
import type { CodeCatalog, IcdNote, IcdRelease } from '../codes/catalog';
import { dxInfo, keyOf, type DxInfo } from './dx-info';
import { byDiagnoses } from './dx-memo';
import { icdDisplay } from '../codes/code';
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding } from './finding-kit';
import { noteMatches, noteTargets } from './note-targets';
import { labelApplied, rulesReleaseFor } from './validity';

const G = 'ICD-10-CM Official Guidelines FY2026';

interface Dx {
  key: string;
  raw: string;
  readonly shown: string;
  index: number;
  info: DxInfo;
  manifestation: boolean;
}

/** Where the note came from, for the finding: "note at E11.22 (FY2021 tabular)". */
export function noteSource(n: IcdNote, release: IcdRelease): string {
  const year = n.source || release.notesRelease || release.id;
  const applied = year !== release.id ? `, applied to ${release.id}` : '';
  return `tabular note at ${icdDisplay(n.at)} (${year} tabular${applied})`;
}

const quote = (n: IcdNote) => `"${n.text.trim()}"`;

export function conventionEdits(claim: Claim, ctx: EditContext): Finding[] {
  // On a date no release covers, the nearest release's notes, labelled (validity names the gap).
  const r = rulesReleaseFor(ctx.catalog, claim.serviceDate);
  if (!r) return []; // validity reports the missing release
  const { release, appliedTo } = r;
  return byDiagnoses('conventions', ctx.catalog, release, claim.diagnoses, appliedTo ?? '', () =>
    labelApplied(conventionsOn(claim.diagnoses, release, ctx.catalog), release, appliedTo),
  );
}

function conventionsOn(
  diagnoses: readonly string[],
  release: IcdRelease,
  catalog: CodeCatalog,
): Finding[] {
  const dxs: Dx[] = [];
  diagnoses.forEach((raw, index) => {
    const key = keyOf(raw);
    if (dxs.some((d) => d.key === key)) return; // listed twice: claim-data reports it once
    const info = dxInfo(release, catalog, key);
    if (info.entry)
      dxs.push({
        key,
        raw,
        index,
        info,
        manifestation: info.manifestation,
        get shown() {
          return icdDisplay(this.raw);
        },
      });
  });
  if (!dxs.some((d) => d.info.notes.length || d.manifestation)) return [];
  return [
    ...excludes1(dxs, release),
    ...codeFirst(dxs, release),
    ...useAdditional(dxs, release, catalog),
  ];
}

const pairs = new WeakMap<IcdRelease, Map<string, IcdNote | null>>();

/**
 * The first note of a kind on `a` that names `b`, memoised per release: the same code pairs
 * recur across claims and official codes carry dozens of notes (block and chapter ones too).
 */
function noteNaming(
  release: IcdRelease,
  kind: 'excludes1' | 'codeFirst',
  a: Dx,
  b: Dx,
): IcdNote | null {
  let m = pairs.get(release);
  if (!m) pairs.set(release, (m = new Map()));
  const k = `${kind}|${a.key}|${b.key}`;
  let hit = m.get(k);
  if (hit === undefined) {
    if (m.size > 100_000) m.clear();
    hit = a.info[kind].find((n) => noteMatches(n, b.key)) ?? null;
    m.set(k, hit);
  }
  return hit;
}

function excludes1(dxs: Dx[], release: IcdRelease): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < dxs.length; i++) {
    for (let j = i + 1; j < dxs.length; j++) {
      const a = dxs[i]!;
      const b = dxs[j]!;
      if (a.key === b.key) continue;
      const hit = noteNaming(release, 'excludes1', a, b) ?? noteNaming(release, 'excludes1', b, a);
      if (!hit) continue;
      // A warning, not an error: §I.A.12.a allows both codes when the two conditions are
      // unrelated to each other, which only the documentation (not a scrubber) can tell.
      out.push(
        finding(
          'icd10cm.excludes1',
          'warning',
          null,
          [a.shown, b.shown],
          `${a.shown} and ${b.shown} are in an Excludes1 relation (${noteSource(hit, release)}: Excludes1 ${quote(hit)}): report them together only if the documentation shows the two conditions are unrelated (Guidelines §I.A.12.a exception); otherwise keep the one that matches.`,
          `${G} §I.A.12.a (Excludes1); ${noteSource(hit, release)}`,
          {
            suggestion: `Keep the code that matches the documentation; report both only if the conditions are unrelated`,
            diagnosisIndex: b.index,
          },
        ),
      );
    }
  }
  return out;
}

function codeFirst(dxs: Dx[], release: IcdRelease): Finding[] {
  const out: Finding[] = [];
  for (const dx of dxs) {
    const notes = dx.info.codeFirst;
    const manifestation = dx.manifestation;
    if (notes.length === 0 && !manifestation) continue;
    if (dx.index === 0 && manifestation) {
      const etiology = dxs.find((o) => o !== dx && noteNaming(release, 'codeFirst', dx, o));
      const n = (etiology && noteNaming(release, 'codeFirst', dx, etiology)) ?? notes[0];
      out.push(
        finding(
          'icd10cm.code-first',
          'error',
          null,
          [dx.shown],
          `${dx.shown} is a manifestation code ("in diseases classified elsewhere") and cannot be first-listed: the underlying condition is sequenced first.${n ? ` ${noteSource(n, release)}: Code first ${quote(n)}.` : ''}`,
          `${G} §I.A.13 (etiology/manifestation convention)${n ? `; ${noteSource(n, release)}` : ''}`,
          {
            diagnosisIndex: dx.index,
            suggestion: etiology
              ? `List ${etiology.shown} before ${dx.shown}`
              : 'List the underlying condition first',
          },
        ),
      );
      continue;
    }
    for (const later of dxs) {
      if (later.index <= dx.index) continue;
      const n = noteNaming(release, 'codeFirst', dx, later);
      if (!n) continue;
      out.push(
        finding(
          'icd10cm.code-first',
          'error',
          null,
          [dx.shown, later.shown],
          `${dx.shown} is sequenced before ${later.shown}, but ${noteSource(n, release)} says: Code first ${quote(n)}.`,
          `${G} §I.A.13 (code first); ${noteSource(n, release)}`,
          { diagnosisIndex: dx.index, suggestion: `List ${later.shown} before ${dx.shown}` },
        ),
      );
      break;
    }
  }
  return out;
}

/**
 * "Use additional code" notes at one code form one instruction: a lead-in ("code to identify:")
 * and its items. The instruction is met when any item's code is on the claim, or a code of the
 * same category (the CKD stage is reported, as N18.6 beside I12.9: a stage mismatch is the
 * combination edit's finding, fixed on the hypertensive code, not by another N18 code).
 * Severity follows the guidelines: an etiology/manifestation pair (the item is a manifestation
 * code, or its "code first" note names this code: E11.22 and N18.-) requires the second code, a
 * warning (§I.A.13); any other "use additional code" note asks for the code "if known" (§I.B.7),
 * and a list of alternatives or an "if applicable" item is a reminder: info.
 */
interface UseAdditionalCheck {
  items: IcdNote[];
  /** The instruction's identity (its notes' places and texts), to report it once per claim. */
  note: string;
  finding: Finding;
}
const checks = new WeakMap<IcdRelease, Map<string, UseAdditionalCheck[]>>();

/** The "use additional code" instructions of a code with their finding, built once per release. */
function useAdditionalChecks(
  dx: Dx,
  release: IcdRelease,
  catalog: CodeCatalog,
): UseAdditionalCheck[] {
  let m = checks.get(release);
  if (!m) checks.set(release, (m = new Map()));
  let list = m.get(dx.key);
  if (list) return list;
  list = [];
  const shown = icdDisplay(dx.key);
  for (const notes of dx.info.useAdditionalGroups) {
    const items = notes.filter((n) => noteTargets(n).length > 0);
    if (items.length === 0) continue; // nothing checkable (e.g. "to identify the organism")
    const targets = items.flatMap(noteTargets);
    const optional =
      items.length > 1 ||
      items.some((n) => /if (applicable|known)|any associated/i.test(n.text)) ||
      !targets.some((t) => pairedWith(release, catalog, t.from, dx.key));
    const first = notes[0]!;
    list.push({
      items,
      note: items.map((n) => `${n.at}\u0000${n.text}`).join('\u0001'),
      finding: finding(
        'icd10cm.use-additional',
        optional ? 'info' : 'warning',
        null,
        [shown],
        `${noteSource(first, release)}: Use additional code ${notes.map(quote).join('; ')}; no such code is on the claim.`,
        `${G} ${optional ? '§I.B.7 (use additional code: added if known)' : '§I.A.13 (etiology/manifestation: use additional code)'}; ${noteSource(first, release)}`,
        {
          suggestion: `Add the code the note asks for when documented (${targets
            .slice(0, 4)
            .map((t) =>
              t.from === t.to ? icdDisplay(t.from) : `${icdDisplay(t.from)}–${icdDisplay(t.to)}`,
            )
            .join(', ')})`,
        },
      ),
    });
  }
  m.set(dx.key, list);
  return list;
}

/**
 * Whether the code a "use additional code" target starts at forms an etiology/manifestation pair
 * with `key`: it is a manifestation code, or its own "code first" note names `key`.
 */
function pairedWith(release: IcdRelease, catalog: CodeCatalog, target: string, key: string) {
  const info = dxInfo(release, catalog, target);
  return !!info.entry && (info.manifestation || info.codeFirst.some((n) => noteMatches(n, key)));
}

/** Another diagnosis in the category of one of the instruction's targets. */
const sameCategory = (c: UseAdditionalCheck, o: Dx) =>
  c.items.some((n) =>
    noteTargets(n).some(
      (t) => o.key.slice(0, 3) >= t.from.slice(0, 3) && o.key.slice(0, 3) <= t.to.slice(0, 3),
    ),
  );

function useAdditional(dxs: Dx[], release: IcdRelease, catalog: CodeCatalog): Finding[] {
  const out: Finding[] = [];
  // One note on a category (E11's "use additional code to identify control") is one
  // instruction: reported once, at the first diagnosis it applies to, not once per E11 code.
  const asked = new Set<string>();
  for (const dx of dxs) {
    // Chapter- and block-wide reminders (tobacco exposure, retained foreign body) would flag
    // nearly every claim: only notes on a category or code are checked (see dxInfo).
    if (dx.info.useAdditionalGroups.length === 0) continue;
    for (const c of useAdditionalChecks(dx, release, catalog)) {
      if (
        dxs.some(
          (o) => o !== dx && (c.items.some((n) => noteMatches(n, o.key)) || sameCategory(c, o)),
        )
      )
        continue;
      if (asked.has(c.note)) continue;
      asked.add(c.note);
      out.push({ ...c.finding, codes: [dx.shown], diagnosisIndex: dx.index });
    }
  }
  return out;
}
