/**
 * ICD-10-CM relationships the classification presumes, and sequencing rules the Guidelines
 * state, as data with their sources:
 * - `icd10cm.combination`: two conditions linked by "with" in the Alphabetic Index are coded as
 *   related (a combination code) unless the documentation clearly states they are unrelated:
 *   hypertension with heart disease, with chronic kidney disease, or both (I11/I12/I13, stage
 *   matching N18), and diabetes with its "with" complications (E08–E13 .22, .51, .42…).
 * - `icd10cm.sequencing`: a sequela's residual (the condition produced) is listed before the
 *   sequela code; an external cause code, an underdosing code, an adverse-effect code and an
 *   infectious-agent code (B95–B97) are never first-listed; the Z codes of §I.C.21.c.16 are only first-listed.
 * - `icd10cm.not-together`: codes the guidelines or the classification keep apart: I10 with
 *   I11–I13 (which include the hypertension), Z79.4/Z79.84/Z79.85 or another O24 code with
 *   gestational diabetes O24.4-, a diabetes ".9 without complications" code with a complication
 *   code of the same category, right and left codes where a bilateral code exists (§I.B.13).
 * See: ICD-10-CM Official Guidelines FY2026 §I.A.15 ("With"), §I.C.9.a.1–3 (hypertension with
 * heart disease, CKD, both), §I.C.4.a (diabetes: as many codes as needed, "with" complications),
 * §I.B.10 (sequela), §I.B.13 (laterality), §I.C.20 (external cause codes never
 * principal/first-listed), §I.C.19.e.5.a/c (adverse effect, underdosing), §I.C.21.c.16 (Z codes
 * only first-listed), §I.C.15.g (gestational diabetes), Section IV.
 */
import type { IcdRelease } from '../codes/catalog';
import { icdDisplay } from '../codes/code';
import type { Claim } from '../claim/claim';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { keyOf } from './dx-info';
import { byDiagnoses } from './dx-memo';
import { finding } from './finding-kit';
import { labelApplied, rulesReleaseFor } from './validity';

const G = 'ICD-10-CM Official Guidelines FY2026';

interface Dx {
  key: string;
  shown: string;
  index: number;
}

const inRange = (key: string, from: string, to: string) =>
  key.slice(0, from.length) >= from && key.slice(0, to.length) <= to;

/** Heart disease the hypertension guideline presumes related: I50.-, I51.4–I51.7, I51.89, I51.9. */
const isHeartFailure = (k: string) => k.startsWith('I50');
const isHeartDisease = (k: string) => inRange(k, 'I514', 'I517') || k === 'I5189' || k === 'I519';
const isCkd = (k: string) => k.startsWith('N18');
/** N18.5 and N18.6 (stage 5, ESRD) versus stages 1–4 and unspecified. */
const isCkdStage5 = (k: string) => k === 'N185' || k === 'N186';
const isHypertensive = (k: string) => k === 'I10' || /^I1[123]/.test(k);

/** The hypertensive code the guideline assigns for what is on the claim (null: none needed). */
function hypertensiveCode(hf: boolean, hd: boolean, ckd: boolean, stage5: boolean): string | null {
  if (ckd && (hf || hd)) return hf ? (stage5 ? 'I132' : 'I130') : stage5 ? 'I1311' : 'I1310';
  if (ckd) return stage5 ? 'I120' : 'I129';
  if (hf) return 'I110';
  if (hd) return 'I119';
  return null;
}

const HTN_REF = (what: string) =>
  `${G} §I.A.15 ("With") and §I.C.9.a (${what}); Alphabetic Index: Hypertension, with heart disease / with kidney disease`;

function hypertension(dxs: Dx[], release: IcdRelease): Finding[] {
  const htn = dxs.find((d) => isHypertensive(d.key));
  if (!htn) return [];
  const hf = dxs.some((d) => isHeartFailure(d.key));
  const hd = dxs.some((d) => isHeartDisease(d.key));
  const ckd = dxs.filter((d) => isCkd(d.key));
  const stage5 = ckd.some((d) => isCkdStage5(d.key));
  const want = hypertensiveCode(hf, hd, ckd.length > 0, stage5);
  if (!want || htn.key === want || !release.get(want)) return [];
  const shown = icdDisplay(want);
  const withWhat = [
    hf ? 'heart failure (I50.-)' : hd ? 'heart disease (I51.4–I51.9)' : '',
    ckd.length ? `chronic kidney disease (${ckd.map((d) => d.shown).join(', ')})` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const section =
    ckd.length && (hf || hd)
      ? '§I.C.9.a.3 hypertensive heart and chronic kidney disease'
      : ckd.length
        ? '§I.C.9.a.2 hypertensive chronic kidney disease'
        : '§I.C.9.a.1 hypertension with heart disease';
  const stageNote =
    ckd.length && htn.key.slice(0, 3) === want.slice(0, 3)
      ? ` ${htn.shown} is for ${stage5 ? 'CKD stages 1–4 or unspecified' : 'CKD stage 5 or end-stage renal disease'}, but the claim reports ${ckd.map((d) => d.shown).join(', ')}: the hypertensive code follows the CKD stage (keep the N18 code).`
      : '';
  return [
    finding(
      'icd10cm.combination',
      'warning',
      null,
      [htn.shown, ...ckd.map((d) => d.shown)],
      `${htn.shown} is reported with ${withWhat}: the classification presumes a causal relationship between hypertension and ${ckd.length && (hf || hd) ? 'heart and kidney disease' : ckd.length ? 'chronic kidney disease' : 'heart disease'}, so ${shown} is assigned instead of ${htn.shown} unless the provider documents another cause (${section}).${stageNote}`,
      HTN_REF(section),
      {
        diagnosisIndex: htn.index,
        suggestion: `Replace ${htn.shown} with ${shown}, keeping ${[hf ? 'the I50 code for the type of heart failure' : '', ckd.length ? 'the N18 code for the CKD stage' : ''].filter(Boolean).join(' and ') || 'the heart disease code'}, unless the documentation states the conditions are unrelated`,
      },
    ),
  ];
}

/**
 * Diabetes "with" complications from the Alphabetic Index ("Diabetes, type 2, with ..."): the
 * complication code on the claim, and the 4th–6th characters of the combination code in each
 * diabetes category (E08, E09, E10, E11, E13). Hyperglycemia (R73.9 beside E11.9) is left to
 * the Excludes1 edit (R73 excludes diabetes): one problem, one finding.
 */
const DIABETES_WITH: ReadonlyArray<{ is: (k: string) => boolean; suffix: string; what: string }> = [
  { is: isCkd, suffix: '22', what: 'chronic kidney disease' },
  { is: (k) => k === 'I739', suffix: '51', what: 'peripheral angiopathy' },
  { is: (k) => k === 'G629' || k === 'G600' || k === 'G609', suffix: '42', what: 'polyneuropathy' },
  { is: (k) => k === 'K3184', suffix: '43', what: 'gastroparesis' },
  // G58 other and unspecified mononeuropathies (G56/G57, the named entrapments, are left out).
  { is: (k) => k.startsWith('G58'), suffix: '41', what: 'mononeuropathy' },
  // H35.00 unspecified background retinopathy (H35.03- hypertensive and the others are not).
  { is: (k) => k === 'H3500', suffix: '319', what: 'retinopathy' },
  // Periodontitis and periodontal disease K05.2-K05.6 (gingivitis K05.0-K05.1 is not listed).
  { is: (k) => /^K05[2-6]/.test(k), suffix: '630', what: 'periodontal disease' },
  // E16.2 says so itself: Excludes1 diabetes with hypoglycemia (E08.649...E13.649).
  { is: (k) => k === 'E162', suffix: '649', what: 'hypoglycemia' },
  { is: (k) => k === 'H269', suffix: '36', what: 'cataract' },
  { is: (k) => k.startsWith('M86'), suffix: '69', what: 'osteomyelitis' },
  { is: (k) => /^L97[45]/.test(k), suffix: '621', what: 'foot ulcer' },
  { is: (k) => /^L97[1236789]/.test(k) || k.startsWith('L984'), suffix: '622', what: 'skin ulcer' },
];

const isDiabetes = (k: string) => /^E(0[89]|1[013])/.test(k);

function diabetes(dxs: Dx[], release: IcdRelease): Finding[] {
  const out: Finding[] = [];
  const dm = dxs.filter((d) => isDiabetes(d.key));
  if (dm.length === 0) return out;
  const cat = dm[0]!.key.slice(0, 3);
  for (const rule of DIABETES_WITH) {
    const comp = dxs.find((d) => rule.is(d.key));
    if (!comp) continue;
    const want = `${cat}${rule.suffix}`;
    if (dm.some((d) => d.key === want) || !release.get(want)) continue;
    const base = dm.find((d) => d.key === `${cat}9`) ?? dm[0]!;
    const shown = icdDisplay(want);
    const replace = base.key === `${cat}9` || base.key === `${cat}8`;
    out.push(
      finding(
        'icd10cm.combination',
        'warning',
        null,
        [base.shown, comp.shown],
        `Diabetes (${base.shown}) is reported with ${rule.what} (${comp.shown}): the Alphabetic Index lists ${rule.what} under "Diabetes, with", so the classification presumes the link and ${shown} is assigned unless the provider documents that the ${rule.what} is not due to diabetes (§I.A.15).${replace ? ` ${base.shown} ("without complications") cannot describe a diabetic complication.` : ''}`,
        `${G} §I.A.15 ("With") and §I.C.4.a (diabetes: use as many codes as needed); Alphabetic Index: Diabetes, with, ${rule.what}`,
        {
          diagnosisIndex: base.index,
          suggestion: `${replace ? `Replace ${base.shown} with` : 'Add'} ${shown}${rule.suffix === '22' ? `, keeping ${comp.shown} for the CKD stage` : ''}, unless the documentation states another cause`,
        },
      ),
    );
  }
  return out;
}

/** Sequela codes that follow the residual: injuries with 7th character S, and "sequelae of" categories. */
const isSequela = (k: string) =>
  (/^[ST]/.test(k) && k.length === 7 && k[6] === 'S') || /^(B9[0-4]|E64|E68|G09|O94)/.test(k);
const isExternalCause = (k: string) => /^[V-Y]/.test(k);
/**
 * Underdosing: T36–T50 with the intent character "6" (the 6th character, or the 5th where the 6th
 * is the placeholder X: T46.1X6A, T36.96XA). See: Guidelines §I.C.19.e.5.c.
 */
const isUnderdosing = (k: string) =>
  /^T(3[6-9]|4\d|50)/.test(k) && (k[5] === '6' || (k[4] === '6' && k[5] === 'X'));
/** B95–B97: infectious agents, "supplementary or additional codes" (Tabular List, block B95-B97). */
const isInfectiousAgent = (k: string) => /^B9[5-7]/.test(k);
/** Adverse effect: T36–T50 with the intent character "5", in the same positions. §I.C.19.e.5.a. */
const isAdverseEffect = (k: string) =>
  /^T(3[6-9]|4\d|50)/.test(k) && (k[5] === '5' || (k[4] === '5' && k[5] === 'X'));

/**
 * Codes that are never first-listed, each with why and what comes first (an external cause, an
 * underdosing, an adverse effect, an infectious agent).
 */
const NEVER_FIRST: readonly {
  is: (k: string) => boolean;
  message: (shown: string) => string;
  reference: string;
  suggestion: string;
}[] = [
  {
    is: isExternalCause,
    message: (c) =>
      `${c} is an external cause code (chapter 20, V00–Y99) and is first-listed: an external cause code can never be the first-listed diagnosis; it follows the code for the injury or condition it explains.`,
    reference: `${G} §I.C.20 (external cause codes: never principal or first-listed); Section IV.A`,
    suggestion: 'List the injury or condition first and the external cause code after it',
  },
  {
    is: isUnderdosing,
    message: (c) =>
      `${c} is an underdosing code and is first-listed: underdosing codes are never principal or first-listed; the condition treated (or its relapse or exacerbation from the reduced dose) comes first.`,
    reference: `${G} §I.C.19.e.5.c (underdosing: never principal or first-listed; code the medical condition)`,
    suggestion:
      'List the condition the drug treats first, then the underdosing code and its noncompliance (Z91.12-, Z91.13-, Z91.14-, Z91.A4-) code',
  },
  {
    is: isAdverseEffect,
    message: (c) =>
      `${c} is an adverse effect code and is first-listed: the nature of the adverse effect (the rash, the bleeding, the arrhythmia...) is sequenced first, followed by the T36–T50 code for the drug.`,
    reference: `${G} §I.C.19.e.5.a (adverse effect: code the nature of the adverse effect first, then the T36–T50 code with 5th or 6th character 5)`,
    suggestion: 'List the condition the drug caused first, then the adverse effect code',
  },
  {
    is: isInfectiousAgent,
    message: (c) =>
      `${c} names the infectious agent (B95–B97) and is first-listed: these codes are supplementary, added after the code of the infection or condition the agent caused.`,
    reference: `${G} §I.C.1 and Tabular List B95-B97 ("provided for use as supplementary or additional codes to identify the infectious agent(s) in diseases classified elsewhere"); Section IV.A`,
    suggestion: 'List the infection or condition first, then the B95–B97 agent code',
  },
];

function sequencing(dxs: Dx[]): Finding[] {
  const first = dxs.find((d) => d.index === 0);
  if (!first) return [];
  const never = NEVER_FIRST.find((r) => r.is(first.key));
  if (never)
    return [
      finding(
        'icd10cm.sequencing',
        'error',
        null,
        [first.shown],
        never.message(first.shown),
        never.reference,
        { diagnosisIndex: 0, suggestion: never.suggestion },
      ),
    ];
  if (!isSequela(first.key)) return [];
  const residual = dxs.find(
    (d) => d.index > 0 && !isSequela(d.key) && !isExternalCause(d.key) && !/^Z/.test(d.key),
  );
  if (!residual) return [];
  return [
    finding(
      'icd10cm.sequencing',
      'warning',
      null,
      [first.shown, residual.shown],
      `${first.shown} is a sequela code and is listed before ${residual.shown}: the nature of the sequela (the residual condition being treated) is sequenced first, followed by the sequela code, unless the Tabular List says otherwise.`,
      `${G} §I.B.10 (sequela: the condition or nature of the sequela is sequenced first) and §I.C.19.c.1 (7th character S)`,
      {
        diagnosisIndex: 0,
        suggestion: `List ${residual.shown} (the residual) first, then ${first.shown}`,
      },
    ),
  ];
}

/**
 * Z codes that may only be first-listed (dotless prefixes) and their listed exceptions.
 * See: Guidelines §I.C.21.c.16 (the exception: several encounters on one day whose records
 * are combined, so the finding is a warning).
 */
const Z_FIRST_ONLY = [
  ...['Z00', 'Z01', 'Z02', 'Z04', 'Z332', 'Z3181', 'Z3183', 'Z3184', 'Z34', 'Z38', 'Z39'],
  ...['Z40', 'Z42', 'Z510', 'Z511', 'Z52', 'Z761', 'Z762', 'Z9912'],
];
const Z_FIRST_ONLY_EXCEPT = ['Z006', 'Z529'];

function firstListedOnly(dxs: Dx[]): Finding[] {
  return dxs
    .filter(
      (d) =>
        d.index > 0 &&
        Z_FIRST_ONLY.some((p) => d.key.startsWith(p)) &&
        !Z_FIRST_ONLY_EXCEPT.some((p) => d.key.startsWith(p)),
    )
    .map((d) =>
      finding(
        'icd10cm.sequencing',
        'warning',
        null,
        [d.shown],
        `${d.shown} may only be reported as the first-listed diagnosis, yet it is listed at position ${d.index + 1}: list it first (the reason for the encounter), or leave it off when it was not the reason for this encounter.`,
        `${G} §I.C.21.c.16 (Z codes that may only be principal/first-listed; except several encounters on one day with combined records)`,
        { diagnosisIndex: d.index, suggestion: `List ${d.shown} first` },
      ),
    );
}

const SIDE_WORDS = /\b(right|left|bilateral|unilateral|of|the|and|side)\b/g;
const words = (t: string) =>
  new Set(
    t
      .toLowerCase()
      .replace(SIDE_WORDS, ' ')
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

/** A billable "bilateral" code near `from` (searched up to the category) whose words the side codes share. */
function bilateralCode(release: IcdRelease, from: string, title: string): string | undefined {
  const want = words(title);
  for (let top = from; top.length >= 3; top = top.slice(0, -1)) {
    const stack = [top];
    let best: { code: string; n: number } | undefined;
    for (let seen = 0; stack.length && seen < 5000; seen++) {
      const k = stack.pop()!;
      const e = release.get(k);
      if (e?.billable && /\bbilateral\b/i.test(e.long)) {
        const w = [...words(e.long)];
        if (w.length && w.every((x) => want.has(x)) && want.size - w.length <= 2)
          if (!best || w.length > best.n) best = { code: k, n: w.length };
      }
      stack.push(...release.children(k));
    }
    if (best) return best.code;
  }
  return undefined;
}

/**
 * A right-side and a left-side code of the same condition where the classification has a
 * bilateral code: the bilateral code is assigned. See: Guidelines §I.B.13 (laterality).
 */
function laterality(dxs: Dx[], release: IcdRelease): Finding[] {
  const out: Finding[] = [];
  for (const r of dxs) {
    const rt = release.get(r.key)?.long;
    if (!rt || !/\bright\b/i.test(rt)) continue;
    const mirror = rt.replace(/\bright\b/gi, (m) => (m[0] === 'R' ? 'Left' : 'left'));
    const l = dxs.find((d) => d !== r && release.get(d.key)?.long === mirror);
    if (!l) continue;
    let common = '';
    while (common.length < r.key.length && r.key[common.length] === l.key[common.length])
      common += r.key[common.length];
    const both = bilateralCode(release, common, rt);
    if (!both) continue;
    const shown = icdDisplay(both);
    out.push(
      finding(
        'icd10cm.not-together',
        'warning',
        null,
        [r.shown, l.shown],
        `${r.shown} (right) and ${l.shown} (left) report one condition on both sides, and ICD-10-CM has a bilateral code for it: ${shown}. Separate right and left codes are assigned only when no bilateral code is provided.`,
        `${G} §I.B.13 (laterality: if no bilateral code is provided and the condition is bilateral, assign separate codes for both sides)`,
        { diagnosisIndex: r.index, suggestion: `Replace ${r.shown} and ${l.shown} with ${shown}` },
      ),
    );
  }
  return out;
}

/** Diabetes "without complications" codes: E08.9–E13.9 and E11.A (in remission, FY2026). */
const WITHOUT_COMPLICATIONS = /^E(0[89]|1[013])9$|^E11A$/;

/** Pairs the guidelines or the classification keep apart (each with the code to drop). */
function notTogether(dxs: Dx[]): Finding[] {
  const out: Finding[] = [];
  const add = (keep: Dx, drop: Dx, why: string, ref: string) =>
    out.push(
      finding(
        'icd10cm.not-together',
        'warning',
        null,
        [keep.shown, drop.shown],
        `${drop.shown} is reported with ${keep.shown}: ${why}`,
        ref,
        { diagnosisIndex: drop.index, suggestion: `Remove ${drop.shown}` },
      ),
    );
  const i10 = dxs.find((d) => d.key === 'I10');
  const combo = dxs.find((d) => /^I1[123]/.test(d.key));
  if (i10 && combo)
    add(
      combo,
      i10,
      `${combo.shown} already includes the hypertension (hypertensive heart and/or chronic kidney disease); I10 is not coded beside it.`,
      `${G} §I.C.9.a.1–3 (hypertension with heart disease, with CKD, with both: a code from I11, I12 or I13); Tabular List I10–I13`,
    );
  const gdm = dxs.find((d) => d.key.startsWith('O244'));
  if (gdm)
    for (const d of dxs) {
      if (d === gdm) continue;
      if (['Z794', 'Z7984', 'Z7985'].includes(d.key))
        add(
          gdm,
          d,
          `long-term drug use codes Z79.4, Z79.84 and Z79.85 are not assigned with gestational diabetes: the O24.4- code already says how it is controlled (insulin, oral drugs, diet).`,
          `${G} §I.C.15.g (gestational diabetes)`,
        );
      else if (d.key.startsWith('O24') && !d.key.startsWith('O244'))
        add(
          gdm,
          d,
          `no other code from category O24 is used with a gestational diabetes code (O24.4-).`,
          `${G} §I.C.15.g (gestational diabetes)`,
        );
    }
  // The ".9 without complications" codes, and E11.A "without complications in remission"
  // (FY2026, §I.C.4.a.1.(b)), cannot stand beside a complication code of the category.
  const plains = dxs.filter((d) => WITHOUT_COMPLICATIONS.test(d.key));
  for (const plain of plains) {
    const other = dxs.find(
      (d) =>
        d !== plain &&
        d.key.startsWith(plain.key.slice(0, 3)) &&
        d.key.length > 3 &&
        !WITHOUT_COMPLICATIONS.test(d.key),
    );
    if (other)
      add(
        other,
        plain,
        `${plain.shown} says the diabetes is without complications, which contradicts ${other.shown}; code each complication with the combination codes of the category and drop ${plain.shown}.`,
        `${G} §I.C.4.a (diabetes: as many codes from E08–E13 as needed for the associated conditions); Tabular List ${plain.shown} "without complications"`,
      );
  }
  // E11.9 beside E11.A: the diabetes is in remission or it is not; the provider documents which.
  const inRemission = plains.find((d) => d.key === 'E11A');
  const active = plains.find((d) => d.key === 'E119');
  if (inRemission && active)
    add(
      inRemission,
      active,
      `${inRemission.shown} is type 2 diabetes without complications in remission, ${active.shown} the same diabetes not in remission: report the one the provider documents (remission is assigned on the provider's documentation; query when unclear).`,
      `${G} §I.C.4.a.1.(b) (type 2 diabetes mellitus in remission)`,
    );
  return out;
}

export function presumedEdits(claim: Claim, ctx: EditContext): Finding[] {
  if (claim.diagnoses.length === 0) return [];
  // On a date no release covers, the nearest release, labelled (validity names the gap).
  const r = rulesReleaseFor(ctx.catalog, claim.serviceDate);
  if (!r) return []; // validity reports the missing release
  const { release, appliedTo } = r;
  return byDiagnoses('presumed', ctx.catalog, release, claim.diagnoses, appliedTo ?? '', () =>
    labelApplied(presumedOn(claim.diagnoses, release), release, appliedTo),
  );
}

function presumedOn(diagnoses: readonly string[], release: IcdRelease): Finding[] {
  const dxs: Dx[] = diagnoses.map((raw, index) => ({
    key: keyOf(raw),
    shown: icdDisplay(raw),
    index,
  }));
  // Only codes the release knows: validity reports the others.
  const known = dxs.filter((d) => release.get(d.key) !== undefined);
  if (known.length === 0) return [];
  return [
    ...sequencing(known),
    ...firstListedOnly(known),
    ...hypertension(known, release),
    ...diabetes(known, release),
    ...notTogether(known),
    ...laterality(known, release),
  ];
}
