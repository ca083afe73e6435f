/**
 * `pack validate`: every problem of a pack at once, each with its file and path
 * (`cases/dm2.json: cases[3].answer.lines[0].modifiers[1]`). Schema (strict: unknown keys are
 * errors), then content: codes valid on the case's date of service (catalog), NPI check digits,
 * dates, duplicate ids, pointers, payer/plan references, and each answer key run through the
 * compliance engine (checkClaim) and the payer (PayerLedger.adjudicate) against its `expected`
 * (answer-keys.ts, passed in as `answerKeys`). Pure: the catalog, NCCI rules, fees, built-in
 * payers and the answer-key runner are passed in (the CLI assembles them as `check` and
 * `adjudicate` do), so the browser's studio can run it too. Never throws. With a
 * StructureContext (the app's start-up read) none of the code look-ups or answer keys run.
 */
import type { z } from 'zod';
import { isValidNpi } from '../domain/claim/npi';
import { DEFAULT_CHARGE_MASTER } from '../domain/world/charges';
import { templateProblems } from '../domain/world/template';
import type { CodeCatalog } from '../domain/codes/catalog';
import type { EditContext } from '../domain/edits/index';
import type { MueEdit, NcciRules, PtpEdit } from '../domain/edits/ncci-rules';
import { parseAspTable } from '../domain/payer/pricing/asp';
import { CARC, RARC } from '../domain/payer/remittance/codes';
import { appealLevels } from '../domain/payer/corrections/appeals';
import { parseFeeTable, type FeeSources } from '../domain/payer/pricing/fees';
import { withPlanPolicies } from '../domain/payer/plan-policies';
import { PayerProfileSchema, type PayerProfile } from '../domain/payer/profile';
import type { Problem } from '../domain/result';
import { fileOf, type Assembled } from './format/assemble';
import { patientOf } from './format/legacy';
import {
  manifestSchema,
  caseSchema,
  questionBankSchema,
  caseTemplateSchema,
  planSchema,
  ruleSchema,
  type CaseTemplateV2,
  type CaseV2,
  type PackV2,
  type PlanV2,
} from './format/v2';

export interface PackCheckContext {
  catalog: CodeCatalog;
  /** NCCI edits the pack's own rules are laid over (the curated set). */
  ncci: NcciRules;
  fees: FeeSources;
  globalDays?: EditContext['globalDays'];
  /** Add-on code rules (CMS's add-on code edit file when built; else the curated rules). */
  addOns?: EditContext['addOns'];
  /** Payers every pack may use without declaring them (the CLI's built-in `medicare`). */
  builtinPayers: ReadonlyMap<string, PayerProfile>;
  /** Packs named in `dependencies`, already validated. */
  dependencies?: readonly PackV2[];
  /**
   * Runs the answer keys through the compliance engine and the payer (answer-keys.ts). Passed
   * in, so that reading packs structure only (the app at start-up) does not load those engines.
   */
  answerKeys: AnswerKeyRunner;
}

/** A problem relative to the case it belongs to (`answer.expected.status`). */
export interface CaseProblem {
  path: (string | number)[];
  message: string;
}

export interface AnswerKeyRunner {
  /** The pack's own NCCI rules laid over `base` (the pack's rules win for the codes they name). */
  layerRules(base: NcciRules, ptp: PtpEdit[], mue: MueEdit[]): NcciRules;
  /** Every problem of one case's answer key (and of its submitted claim, after a remittance). */
  run(c: CaseV2, payer: PayerProfile, ncci: NcciRules, ctx: PackCheckContext): CaseProblem[];
  /**
   * Every problem of encounters generated from one case template (a few fixed seeds and dates,
   * each payer it names): each must scrub clean and adjudicate as the template expects.
   */
  runTemplate?(
    t: CaseTemplateV2,
    packId: string,
    payers: ReadonlyMap<string, PayerProfile>,
    ncci: NcciRules,
    ctx: PackCheckContext,
    /** Names `ncci` (the pack's own rules as JSON), so a runner may reuse its results. */
    ncciKey: string,
  ): CaseProblem[];
}

export interface PackReport {
  ok: boolean;
  /** The validated pack when the schema passed (content problems may remain). */
  pack?: PackV2;
  /** Which code sets the codes were checked against (official bundles or the starter set). */
  catalog: string;
  /** The schema version the pack declared (1 = read through the migrations). */
  migratedFrom: number | null;
  problems: Problem[];
}

type Path = (string | number)[];

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A payer profile with a plan's dated policies in place of the payer's own (when the plan gives
 * them): medical necessity, prior authorization and modifier rules in force on `date`, and the
 * plan's timely-filing entries (src/domain/payer/plan-policies.ts).
 */
export function profileWithPlan(
  p: PayerProfile,
  plan: PlanV2 | undefined,
  date: string,
): PayerProfile {
  return plan ? withPlanPolicies(p, plan, date) : p;
}

/** The claim JSON an answer key makes (what the trainee would submit), for checkClaim and the payer. */
export function answerClaim(c: CaseV2): unknown {
  const e = c.encounter;
  return {
    claimId: c.id,
    payerId: e.payerId,
    patient: patientOf(c),
    provider: e.provider,
    serviceDate: e.serviceDate,
    submissionDate: e.submissionDate ?? e.serviceDate,
    ...(c.answer.attachments ? { attachments: c.answer.attachments } : {}),
    accumulators: e.accumulators,
    diagnoses: c.answer.diagnoses.map((d) => d.code),
    lines: c.answer.lines.map((l) => ({
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      dxPointers: l.dxPointers,
      charge: lineCharge(e.chargeMaster, l.code, l.units) ?? '0.00',
    })),
  };
}

/**
 * A line's charge: the charge master's price for one unit of the code times the units (the
 * 1500's item 24F and the 837P's SV102 carry the line total). Undefined when the code has no
 * price. See: NUCC 1500 instructions, item 24F.
 */
export function lineCharge(
  chargeMaster: Readonly<Record<string, string>>,
  code: string,
  units: number,
): string | undefined {
  const unit = Object.hasOwn(chargeMaster, code)
    ? chargeMaster[code]
    : Object.hasOwn(chargeMaster, code.toUpperCase())
      ? chargeMaster[code.toUpperCase()]
      : undefined;
  if (unit === undefined) return undefined;
  return ((Math.round(Number(unit) * 100) * units) / 100).toFixed(2);
}

/** What a structure-only check needs: no code sets, no compliance engine, no payer run. */
export type StructureContext = Pick<PackCheckContext, 'builtinPayers' | 'dependencies'>;

/**
 * Validates an assembled pack. With a full context every check runs; with a StructureContext
 * (the app loading its packs at start-up, before code sets are loaded) the codes are not looked
 * up and the answer keys are not run: schema, ids, pointers, NPI, dates and references only.
 */
export function validatePackV2(
  a: Assembled,
  ctxIn: PackCheckContext | StructureContext,
): PackReport {
  const full = 'catalog' in ctxIn ? ctxIn : undefined;
  const ctx = ctxIn as PackCheckContext;
  const problems: Problem[] = [...a.errors];
  const add = (path: Path, message: string) =>
    problems.push({
      path: path.length ? `${fileOf(a, path)}: ${formatPath(path)}` : fileOf(a, path),
      message,
    });
  const report = (ok: boolean, pack?: PackV2): PackReport => ({
    ok: ok && problems.length === 0,
    ...(pack ? { pack } : {}),
    catalog: full ? full.catalog.describe() : 'not checked (structure only)',
    migratedFrom: a.from,
    problems,
  });
  if (a.raw === undefined || (a.errors.length && a.from === null)) return report(false);

  // 1. Schema: the manifest, then every item of every part on its own, so that an item that
  // parses gets its content checked even when a sibling is broken; each issue at its path.
  const manifest = manifestSchema.safeParse(a.raw);
  if (!manifest.success) for (const i of manifest.error.issues) add(i.path as Path, i.message);
  const raw = isObj(a.raw) ? a.raw : {};
  let allParsed = manifest.success;
  const items = <S extends z.ZodType>(part: string, schema: S): [z.infer<S>, number][] => {
    const list = raw[part];
    if (!Array.isArray(list)) return [];
    const out: [z.infer<S>, number][] = [];
    list.forEach((x, i) => {
      const r = schema.safeParse(x);
      if (r.success) out.push([r.data, i]);
      else {
        allParsed = false;
        for (const iss of r.error.issues) add([part, i, ...(iss.path as Path)], iss.message);
      }
    });
    return out;
  };
  const cases = items('cases', caseSchema);
  const plans = items('plans', planSchema);
  const rules = items('rules', ruleSchema);
  const templates = items('templates', caseTemplateSchema);
  const banks = items('questionBanks', questionBankSchema);
  const parsed: { success: true; data: PackV2 } | { success: false } =
    allParsed && manifest.success
      ? {
          success: true,
          data: {
            ...manifest.data,
            cases: cases.map((x) => x[0]),
            plans: plans.map((x) => x[0]),
            rules: rules.map((x) => x[0]),
            templates: templates.map((x) => x[0]),
            questionBanks: banks.map((x) => x[0]),
          },
        }
      : { success: false };
  // Exams name cases of this pack.
  if (parsed.success) {
    const caseIds = new Set(parsed.data.cases.map((c) => c.id));
    parsed.data.exams?.forEach((e, i) =>
      e.caseIds.forEach((id, j) => {
        if (!caseIds.has(id)) add(['exams', i, 'caseIds', j], `no case ${id} in this pack`);
      }),
    );
  }
  const effectiveFrom = typeof raw.effectiveFrom === 'string' ? raw.effectiveFrom : undefined;
  const effectiveTo = typeof raw.effectiveTo === 'string' ? raw.effectiveTo : undefined;

  // Payers: the payer module's schema, at payers[i].
  const payers = new Map<string, PayerProfile>(ctx.builtinPayers);
  const plansById = new Map<string, PlanV2>();
  for (const d of ctx.dependencies ?? []) {
    for (const p of d.payers) {
      const r = PayerProfileSchema.safeParse(p);
      if (r.success) payers.set(r.data.id, r.data);
    }
    for (const pl of d.plans) plansById.set(pl.id, pl);
  }
  const ownPayerIds = new Set<string>();
  (Array.isArray(raw.payers) ? raw.payers : []).forEach((p, i) => {
    const r = PayerProfileSchema.safeParse(p);
    if (!r.success) {
      for (const iss of r.error.issues) add(['payers', i, ...(iss.path as Path)], iss.message);
      return;
    }
    if (ownPayerIds.has(r.data.id)) add(['payers', i, 'id'], `duplicate payer id ${r.data.id}`);
    ownPayerIds.add(r.data.id);
    payers.set(r.data.id, r.data);
  });
  // Fee tables: the payer module's schema, at fees[i].
  (Array.isArray(raw.fees) ? raw.fees : []).forEach((f, i) => {
    const r = parseFeeTable(f, 'fee table');
    if (!r.ok)
      for (const e of r.errors)
        add(
          [
            'fees',
            i,
            ...e.path
              .replace(/^fee table:?\s*/, '')
              .split(/\.|\[|\]/)
              .filter(Boolean)
              .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
          ],
          e.message.replace(/^[^:]+: /, ''),
        );
  });
  // Part B drug (ASP) tables: the payer module's schema, at drugs[i].
  (Array.isArray(raw.drugs) ? raw.drugs : []).forEach((f, i) => {
    const r = parseAspTable(f, 'drug table');
    if (!r.ok)
      for (const e of r.errors)
        add(
          [
            'drugs',
            i,
            ...e.path
              .replace(/^drug table:?\s*/, '')
              .split(/\.|\[|\]/)
              .filter(Boolean)
              .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
          ],
          e.message,
        );
  });
  const knownPayers = () => [...payers.keys()].join(', ');

  // Duplicate ids within a part (and questions across banks).
  const dupes = (part: string, list: [{ id: string }, number][]) => {
    const seen = new Set<string>();
    for (const [x, i] of list) {
      if (seen.has(x.id)) add([part, i, 'id'], `duplicate id ${x.id}`);
      seen.add(x.id);
    }
  };
  dupes('cases', cases);
  dupes('plans', plans);
  dupes('rules', rules);
  dupes('templates', templates);
  dupes('questionBanks', banks);
  const qSeen = new Set<string>();
  for (const [b, bi] of banks)
    b.questions.forEach((q, qi) => {
      if (qSeen.has(q.id))
        add(['questionBanks', bi, 'questions', qi, 'id'], `duplicate question id ${q.id}`);
      qSeen.add(q.id);
    });

  // Code checks against the catalog on a date.
  const icdOk = (code: string, date: string, path: Path) => {
    if (!full) return;
    const rel = ctx.catalog.icd10(date);
    if (!rel.ok) return add(path, rel.errors.map((e) => e.message).join('; '));
    const e = rel.value.get(code.toUpperCase());
    if (!e)
      add(
        path,
        `${code} is not an ICD-10-CM code on ${date} (${rel.value.id}, ${rel.value.origin})`,
      );
    else if (!e.billable)
      add(
        path,
        `${code} is a category or subcategory on ${date}, not a billable code: it needs more characters`,
      );
  };
  const procOk = (code: string, date: string, path: Path) => {
    if (!full) return;
    if (!ctx.catalog.procedure(code.toUpperCase(), date))
      add(path, `${code} is not a CPT/HCPCS code in the loaded code sets on ${date}`);
  };
  const modOk = (m: string, date: string, path: Path) => {
    if (!full) return;
    if (!ctx.catalog.modifier(m, date)) add(path, `modifier ${m} is not valid on ${date}`);
  };

  for (const [pl, i] of plans) {
    plansById.set(pl.id, pl);
    if (!payers.has(pl.payerId))
      add(
        ['plans', i, 'payerId'],
        `no payer ${pl.payerId} in this pack or its dependencies (known: ${knownPayers()})`,
      );
    for (const [key, list] of Object.entries(pl.policies))
      (list as { from: string; value: unknown }[] | undefined)?.forEach((e, n) => {
        if (Array.isArray(e.value))
          e.value.forEach((v: unknown, k: number) => {
            if (!isObj(v)) return;
            if (Array.isArray(v.procedures))
              v.procedures.forEach((c: string, j: number) =>
                procOk(c, e.from, ['plans', i, 'policies', key, n, 'value', k, 'procedures', j]),
              );
            if (Array.isArray(v.diagnoses))
              v.diagnoses.forEach((c: string, j: number) =>
                icdOk(c, e.from, ['plans', i, 'policies', key, n, 'value', k, 'diagnoses', j]),
              );
            if (typeof v.modifier === 'string')
              modOk(v.modifier, e.from, ['plans', i, 'policies', key, n, 'value', k, 'modifier']);
          });
      });
  }

  const ptp: PtpEdit[] = [];
  const mue: MueEdit[] = [];
  for (const [r, i] of rules) {
    if (r.kind === 'ncci-ptp') {
      procOk(r.column1, r.effective, ['rules', i, 'column1']);
      procOk(r.column2, r.effective, ['rules', i, 'column2']);
      if (r.deleted && r.deleted <= r.effective)
        add(['rules', i, 'deleted'], 'must be after effective');
      ptp.push({
        column1: r.column1,
        column2: r.column2,
        effective: r.effective,
        deleted: r.deleted,
        modifierIndicator: r.modifierIndicator,
        rationale: r.rationale,
        source: `pack rule ${r.id}: ${r.source}`,
      });
    } else {
      procOk(r.code, r.effective, ['rules', i, 'code']);
      mue.push({
        code: r.code,
        value: r.value,
        indicator: r.indicator,
        rationale: r.rationale,
        effective: r.effective,
        deleted: r.deleted,
        source: `pack rule ${r.id}: ${r.source}`,
      });
    }
  }
  const ncci: NcciRules =
    full && rules.length ? full.answerKeys.layerRules(full.ncci, ptp, mue) : ctx.ncci;

  // Every case with an id counts as existing, even one with other problems (reported on their own).
  const caseIds = new Set(
    Array.from(Array.isArray(raw.cases) ? raw.cases : []).flatMap((c: unknown) =>
      isObj(c) && typeof c.id === 'string' ? [c.id] : [],
    ),
  );
  for (const [c, i] of cases) checkCase(c, ['cases', i]);
  // A case that failed the schema still gets its pointer and charge checks (format 1 did these
  // on the raw case), so an author sees every problem at once.
  const parsedCases = new Set(cases.map(([, i]) => i));
  Array.from(Array.isArray(raw.cases) ? raw.cases : []).forEach((c: unknown, i) => {
    if (!parsedCases.has(i)) crossCheckRawCase(c, ['cases', i]);
  });

  function crossCheckRawCase(c: unknown, at: Path) {
    if (!isObj(c)) return;
    const answer = isObj(c.answer) ? c.answer : {};
    const nDx = Array.isArray(answer.diagnoses) ? answer.diagnoses.length : 0;
    const enc = isObj(c.encounter) ? c.encounter : {};
    const charges = isObj(enc.chargeMaster) ? enc.chargeMaster : {};
    Array.from(Array.isArray(answer.lines) ? answer.lines : []).forEach((l: unknown, j) => {
      if (!isObj(l)) return;
      const p: Path = [...at, 'answer', 'lines', j];
      Array.from(Array.isArray(l.dxPointers) ? l.dxPointers : []).forEach((n: unknown, k) => {
        if (typeof n === 'number' && n > nDx)
          add([...p, 'dxPointers', k], `points to diagnosis ${n} but the answer has ${nDx}`);
      });
      if (
        typeof l.code === 'string' &&
        !Object.hasOwn(charges, l.code) &&
        !Object.hasOwn(charges, l.code.toUpperCase())
      )
        add([...p, 'code'], `${l.code} has no charge in encounter.chargeMaster`);
    });
  }

  function checkCase(c: CaseV2, at: Path) {
    const e = c.encounter;
    const date = e.serviceDate;
    const before = problems.length;
    if (!isValidNpi(e.provider.npi))
      add(
        [...at, 'encounter', 'provider', 'npi'],
        `${e.provider.npi} fails the NPI check digit (Luhn with prefix 80840)`,
      );
    if (c.patient.kind === 'fixed' && c.patient.birthDate >= date)
      add(
        [...at, 'patient', 'birthDate'],
        `birth date ${c.patient.birthDate} is not before the date of service ${date}`,
      );
    if (c.patient.kind === 'generated' && c.patient.ageBand.min > c.patient.ageBand.max)
      add([...at, 'patient', 'ageBand'], 'min is greater than max');
    if (e.submissionDate && e.submissionDate < date)
      add(
        [...at, 'encounter', 'submissionDate'],
        `${e.submissionDate} is before the date of service ${date}`,
      );
    if (effectiveFrom && date < effectiveFrom)
      add(
        [...at, 'encounter', 'serviceDate'],
        `${date} is before the pack's effectiveFrom ${effectiveFrom}`,
      );
    if (effectiveTo && date > effectiveTo)
      add(
        [...at, 'encounter', 'serviceDate'],
        `${date} is after the pack's effectiveTo ${effectiveTo}`,
      );
    const payer = payers.get(e.payerId);
    if (!payer)
      add(
        [...at, 'encounter', 'payerId'],
        `no payer ${e.payerId} in this pack or its dependencies (known: ${knownPayers()})`,
      );
    const plan = e.planId ? plansById.get(e.planId) : undefined;
    if (e.planId && !plan)
      add([...at, 'encounter', 'planId'], `no plan ${e.planId} in this pack or its dependencies`);
    if (plan && plan.payerId !== e.payerId)
      add(
        [...at, 'encounter', 'planId'],
        `plan ${plan.id} belongs to payer ${plan.payerId}, not ${e.payerId}`,
      );
    const dx = c.answer.diagnoses;
    dx.forEach((d, j) => {
      const p: Path = [...at, 'answer', 'diagnoses', j];
      icdOk(d.code, date, [...p, 'code']);
      d.acceptable.forEach((x, k) => icdOk(x, date, [...p, 'acceptable', k]));
      d.alternatives.forEach((x, k) => icdOk(x.code, date, [...p, 'alternatives', k, 'code']));
    });
    const seenDx = new Set<string>();
    dx.forEach((d, j) => {
      if (seenDx.has(d.code.toUpperCase()))
        add([...at, 'answer', 'diagnoses', j, 'code'], `${d.code} is listed twice`);
      seenDx.add(d.code.toUpperCase());
    });
    c.answer.lines.forEach((l, j) => {
      const p: Path = [...at, 'answer', 'lines', j];
      procOk(l.code, date, [...p, 'code']);
      if (!(l.code in e.chargeMaster) && !(l.code.toUpperCase() in e.chargeMaster))
        add([...p, 'code'], `${l.code} has no charge in encounter.chargeMaster`);
      l.modifiers.forEach((m, k) => modOk(m, date, [...p, 'modifiers', k]));
      l.dxPointers.forEach((n, k) => {
        if (n > dx.length)
          add([...p, 'dxPointers', k], `points to diagnosis ${n} but the answer has ${dx.length}`);
      });
      l.alternatives.forEach((x, k) => procOk(x.code, date, [...p, 'alternatives', k, 'code']));
    });
    Object.keys(e.chargeMaster).forEach((code) =>
      procOk(code, date, [...at, 'encounter', 'chargeMaster', code]),
    );
    const ar = c.afterRemittance;
    if (ar) {
      // A claim rejected (or denied CO-146) for an invalid code carries that code on purpose:
      // the simulated payer must then reproduce the rejection, which proves the code is wrong.
      const invalidOnPurpose =
        ar.remittance.simulate &&
        (ar.remittance.status === 'rejected' ||
          ar.remittance.adjustments.some((x) => x.carc === '146'));
      if (!invalidOnPurpose)
        ar.submitted.diagnoses.forEach((d, j) =>
          icdOk(d, date, [...at, 'afterRemittance', 'submitted', 'diagnoses', j]),
        );
      ar.submitted.lines.forEach((l, j) => {
        const p: Path = [...at, 'afterRemittance', 'submitted', 'lines', j];
        if (!invalidOnPurpose) procOk(l.code, date, [...p, 'code']);
        l.modifiers.forEach((m, k) => modOk(m, date, [...p, 'modifiers', k]));
        l.dxPointers.forEach((n, k) => {
          if (n > ar.submitted.diagnoses.length)
            add(
              [...p, 'dxPointers', k],
              `points to diagnosis ${n} but the submitted claim has ${ar.submitted.diagnoses.length}`,
            );
        });
      });
      if (ar.remittance.remitDate < date)
        add([...at, 'afterRemittance', 'remittance', 'remitDate'], 'is before the date of service');
      const sent = ar.submitted.submissionDate;
      if (sent && sent < date)
        add(
          [...at, 'afterRemittance', 'submitted', 'submissionDate'],
          `${sent} is before the date of service ${date}`,
        );
      else if (sent && ar.remittance.remitDate < sent)
        add(
          [...at, 'afterRemittance', 'remittance', 'remitDate'],
          `${ar.remittance.remitDate} is before the claim was sent (${sent})`,
        );
      if (ar.key.actions.includes('appeal') && ar.key.appealLevel === undefined)
        add([...at, 'afterRemittance', 'key', 'appealLevel'], 'an appeal needs its level');
      checkRemittance(c, ar, [...at, 'afterRemittance'], payer, plan);
    }
    // The answer key through the scrubber and the payer — only once the key itself is sound.
    if (problems.length > before || !payer || !full) return;
    const effective = profileWithPlan(payer, plan, date);
    for (const p of full.answerKeys.run(c, effective, ncci, full))
      add([...at, ...p.path], p.message);
  }

  /**
   * A remittance a case starts from must be one a payer could send: known CARC and RARC
   * numbers, lines of the submitted claim, adjustments that do not exceed the line's charge (a
   * denied claim's lines adjusted in full: billed = paid + adjustments), a rejection stated as
   * claim-level CO-16 with MA130; and a key that never bills the patient for what is not
   * patient responsibility, never bills a QMB patient, and never appeals a rejection.
   * See: DOMAIN.md §5–§8; X12 835 (CAS, LQ); SSA §1902(n)(3)(B) (QMB); Pub. 100-04 ch. 1 §80.3.2.
   */
  /**
   * The secondary a `bill-secondary` key goes to must have a profile the app can adjudicate with
   * (src/state/remittance-case.ts `secondaryPayerOf`): the other payer the claim names (a payer
   * profile or a plan of that id), Medicaid for a dual-eligible Medicare patient, or the starter
   * pack's default commercial-secondary profile. See: NAIC MDL-120; Pub. 100-04 ch. 28.
   */
  function checkSecondary(
    ar: NonNullable<CaseV2['afterRemittance']>,
    at: Path,
    payer: PayerProfile,
    dual: string | undefined,
  ) {
    const others = ar.submitted.otherPayers ?? [];
    const i = others.findIndex((o) => o.sequence !== 'primary' && o.payerId !== payer.id);
    if (i >= 0) {
      const id = others[i]!.payerId;
      const pl = plansById.get(id);
      if (!payers.has(id) && !(pl && payers.has(pl.payerId)))
        add(
          [...at, 'submitted', 'otherPayers', i, 'payerId'],
          `bill-secondary: no payer profile or plan "${id}" in this pack, its dependencies or the built-in payers (${knownPayers()})`,
        );
    } else if (dual && payer.kind === 'medicare') {
      if (![...payers.values()].some((p) => p.kind === 'medicaid'))
        add(
          [...at, 'key', 'actions'],
          `bill-secondary: the patient is ${dual} but no Medicaid payer profile is available for the crossover`,
        );
    } else if (!payers.has('commercial-secondary'))
      add(
        [...at, 'submitted', 'otherPayers'],
        'bill-secondary: the claim names no secondary payer and the default profile "commercial-secondary" is not available: name the secondary in otherPayers',
      );
  }

  function checkRemittance(
    c: CaseV2,
    ar: NonNullable<CaseV2['afterRemittance']>,
    at: Path,
    payer: PayerProfile | undefined,
    plan: PlanV2 | undefined,
  ) {
    const r = ar.remittance;
    const lines = ar.submitted.lines;
    const sums = new Map<number, number>();
    r.adjustments.forEach((x, k) => {
      const p: Path = [...at, 'remittance', 'adjustments', k];
      if (!Object.hasOwn(CARC, x.carc))
        add(
          [...p, 'carc'],
          `CARC ${x.carc} is not in ClaimLab's code list (src/domain/payer/remittance/codes.ts): add it there with our own wording, or check the number`,
        );
      x.rarc.forEach((m, j) => {
        if (!Object.hasOwn(RARC, m))
          add(
            [...p, 'rarc', j],
            `RARC ${m} is not in ClaimLab's code list (src/domain/payer/remittance/codes.ts): add it there with our own wording, or check the number`,
          );
      });
      if (x.line !== null && x.line > lines.length)
        add(
          [...p, 'line'],
          `line ${x.line} is not a line of the submitted claim (it has ${lines.length})`,
        );
      else if (x.line !== null)
        sums.set(x.line, (sums.get(x.line) ?? 0) + Math.round(Number(x.amount) * 100));
      if (r.status === 'rejected' && (x.line !== null || x.group !== 'CO' || x.carc !== '16'))
        add(
          p,
          'a rejected claim was never adjudicated: state it as one claim-level ("line": null) CO-16 with MA130 and the RARC of the field',
        );
    });
    if (r.status === 'rejected' && !r.adjustments.some((x) => x.rarc.includes('MA130')))
      add([...at, 'remittance', 'adjustments'], 'a rejection carries MA130 (no appeal rights)');
    lines.forEach((l, j) => {
      const charge = lineCharge(c.encounter.chargeMaster, l.code, l.units);
      const p: Path = [...at, 'submitted', 'lines', j, 'code'];
      if (charge === undefined) return add(p, `${l.code} has no charge in encounter.chargeMaster`);
      const cents = Math.round(Number(charge) * 100);
      const adjusted = sums.get(j + 1) ?? 0;
      if (adjusted > cents)
        add(
          [...at, 'remittance', 'adjustments'],
          `line ${j + 1} is adjusted ${(adjusted / 100).toFixed(2)}, more than its charge ${charge}`,
        );
      else if (r.status === 'denied' && adjusted !== cents)
        add(
          [...at, 'remittance', 'adjustments'],
          `the claim is denied but line ${j + 1} is adjusted ${(adjusted / 100).toFixed(2)} of its charge ${charge}: a denied line balances with adjustments equal to its charge`,
        );
    });
    const acts = ar.key.actions;
    const kp: Path = [...at, 'key', 'actions'];
    if (acts.includes('bill-patient') && !r.adjustments.some((x) => x.group === 'PR'))
      add(
        kp,
        'bill-patient with no PR adjustment on the remittance: CO and OA amounts may not be billed to the patient',
      );
    const dual = c.patient.dualStatus;
    if (acts.includes('bill-patient') && (dual === 'qmb' || dual === 'qmb-plus'))
      add(
        kp,
        `the patient is ${dual}: Medicare cost sharing may not be billed to a QMB patient (bill Medicaid as secondary)`,
      );
    if (r.status === 'rejected' && acts.includes('appeal'))
      add(kp, 'a rejected claim has no appeal rights: correct it and send it as a new claim');
    if (acts.includes('bill-secondary') && payer) checkSecondary(ar, at, payer, dual);
    // Medicare Part B: no replacement claims; clerical errors are reopened.
    // See: Pub. 100-04 ch. 34 §10.3; DOMAIN.md §8.
    if (payer?.corrections === 'reopening' && acts.includes('corrected-claim'))
      add(
        kp,
        `${payer.name} takes no replacement (frequency 7) claims: a clerical error is corrected by reopening, a decision in dispute by appeal`,
      );
    const level = ar.key.appealLevel;
    if (payer && level !== undefined) {
      const planLevels = plan?.policies.appeals
        ?.filter((e) => e.from <= r.remitDate && (e.to == null || r.remitDate <= e.to))
        .at(-1)?.value.length;
      let levels = planLevels;
      if (levels === undefined)
        try {
          levels = appealLevels(payer, r.remitDate).length;
        } catch {
          levels = undefined;
        }
      if (levels !== undefined && level > levels)
        add(
          [...at, 'key', 'appealLevel'],
          `${plan ? `plan ${plan.id}` : payer.name} has ${levels} appeal level${levels === 1 ? '' : 's'} on ${r.remitDate}, not ${level}`,
        );
    }
  }

  let ncciKey: string | undefined;
  for (const [t, i] of templates) checkTemplate(t, ['templates', i]);

  /**
   * A template's answer must hold on every date it can be generated for: codes are looked up on
   * the first and last day of its period and on each code-set change inside it (1 October for
   * ICD-10-CM, 1 January for CPT/HCPCS); then a few generated encounters run like a case's key.
   */
  function checkTemplate(t: CaseTemplateV2, at: Path) {
    const before = problems.length;
    const { from, to } = t.encounter.serviceDates;
    const dates = [from];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
      for (const d of [`${y}-01-01`, `${y}-10-01`]) if (d > from && d <= to) dates.push(d);
    if (to !== from) dates.push(to);
    const facts = new Map(t.facts.map((f) => [f.id, f]));
    if (to < from) add([...at, 'encounter', 'serviceDates', 'to'], 'is before from');
    if (effectiveFrom && from < effectiveFrom)
      add(
        [...at, 'encounter', 'serviceDates', 'from'],
        `${from} is before the pack's effectiveFrom ${effectiveFrom}`,
      );
    if (effectiveTo && to > effectiveTo)
      add(
        [...at, 'encounter', 'serviceDates', 'to'],
        `${to} is after the pack's effectiveTo ${effectiveTo}`,
      );
    const seenFacts = new Set<string>();
    t.facts.forEach((f, j) => {
      if (seenFacts.has(f.id)) add([...at, 'facts', j, 'id'], `duplicate fact id ${f.id}`);
      seenFacts.add(f.id);
      if (f.diagnosis)
        for (const d of dates) icdOk(f.diagnosis, d, [...at, 'facts', j, 'diagnosis']);
    });
    t.encounter.payerIds.forEach((p, j) => {
      if (!payers.has(p))
        add(
          [...at, 'encounter', 'payerIds', j],
          `no payer ${p} in this pack or its dependencies (known: ${knownPayers()})`,
        );
    });
    const seenDx = new Set<string>();
    t.answer.diagnoses.forEach((id, j) => {
      const f = facts.get(id);
      if (!f) add([...at, 'answer', 'diagnoses', j], `no fact ${id}`);
      else if (!f.diagnosis || (f.certainty !== 'confirmed' && f.certainty !== 'history'))
        add(
          [...at, 'answer', 'diagnoses', j],
          `fact ${id} has no codable diagnosis (needs a diagnosis, confirmed or history): negated and uncertain facts are not coded (ICD-10-CM Guidelines IV.H)`,
        );
      else if (seenDx.has(f.diagnosis.toUpperCase()))
        add([...at, 'answer', 'diagnoses', j], `${f.diagnosis} is coded twice`);
      if (f?.diagnosis) seenDx.add(f.diagnosis.toUpperCase());
    });
    t.answer.lines.forEach((l, j) => {
      for (const d of dates) {
        procOk(l.code, d, [...at, 'answer', 'lines', j, 'code']);
        l.modifiers.forEach((m, k) => modOk(m, d, [...at, 'answer', 'lines', j, 'modifiers', k]));
      }
      l.facts.forEach((id, k) => {
        if (!t.answer.diagnoses.includes(id))
          add([...at, 'answer', 'lines', j, 'facts', k], `${id} is not one of answer.diagnoses`);
      });
    });
    for (const p of templateProblems(t, DEFAULT_CHARGE_MASTER)) add([...at, ...p.path], p.message);
    // A problem found on several dates is reported once.
    const seen = new Set<string>();
    const mine = problems.splice(before).filter((p) => {
      const k = `${p.path}|${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    problems.push(...mine);
    if (mine.length || !full?.answerKeys.runTemplate) return;
    const packId = typeof raw.id === 'string' ? raw.id : 'pack';
    ncciKey ??= JSON.stringify(rules.map(([r]) => r));
    for (const p of full.answerKeys.runTemplate(t, packId, payers, ncci, full, ncciKey))
      add([...at, ...p.path], p.message);
  }

  for (const [b, bi] of banks)
    b.questions.forEach((q, qi) => {
      const at: Path = ['questionBanks', bi, 'questions', qi];
      q.caseIds.forEach((id, k) => {
        if (!caseIds.has(id)) add([...at, 'caseIds', k], `no case ${id} in this pack`);
      });
      if ('choices' in q) {
        const ids = q.choices.map((ch) => ch.id);
        ids.forEach((id, k) => {
          if (ids.indexOf(id) !== k) add([...at, 'choices', k, 'id'], `duplicate choice id ${id}`);
        });
        const answers = 'answers' in q ? q.answers : [q.answer];
        answers.forEach((x, k) => {
          if (!ids.includes(x))
            add(
              [...at, 'answers' in q ? 'answers' : 'answer', ...('answers' in q ? [k] : [])],
              `${x} is not one of the choices`,
            );
        });
      }
      if (q.kind === 'claim-outcome' && !caseIds.has(q.caseId))
        add([...at, 'caseId'], `no case ${q.caseId} in this pack`);
      if (q.kind === 'code-entry')
        q.answers.forEach((code, k) => {
          const p: Path = [...at, 'answers', k];
          if (q.codeSystem === 'icd10cm') icdOk(code, q.asOf, p);
          else if (q.codeSystem === 'cpt-hcpcs') procOk(code, q.asOf, p);
          else modOk(code, q.asOf, p);
        });
      if (q.kind === 'sequencing')
        q.order.forEach((code, k) => icdOk(code, q.asOf, [...at, 'order', k]));
    });

  // Changelog: versions no newer than the pack, each once.
  if (parsed.success) {
    const cmp = (x: string, y: string) => {
      const a1 = x.split(/[.-]/).map(Number);
      const b1 = y.split(/[.-]/).map(Number);
      for (let k = 0; k < 3; k++) if (a1[k] !== b1[k]) return (a1[k] ?? 0) - (b1[k] ?? 0);
      return 0;
    };
    const seen = new Set<string>();
    parsed.data.changelog.forEach((e, k) => {
      if (cmp(e.version, parsed.data.version) > 0)
        add(
          ['changelog', k, 'version'],
          `${e.version} is newer than the pack version ${parsed.data.version}`,
        );
      if (seen.has(e.version))
        add(['changelog', k, 'version'], `two changelog entries for ${e.version}`);
      seen.add(e.version);
    });
    if (parsed.data.effectiveTo && parsed.data.effectiveTo < parsed.data.effectiveFrom)
      add(['effectiveTo'], 'is before effectiveFrom');
  }

  return report(parsed.success, parsed.success ? parsed.data : undefined);
}
