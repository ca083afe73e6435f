/**
 * Payer profiles: behaviour as data. Every value that changes over time (deductible,
 * coinsurance, sequestration, filing limit, appeal levels, fee schedule, prior-auth list) is a
 * list of dated entries with its source; `valueOn` picks the entry in force on a date.
 * Profiles are validated with zod; errors name the file and the field path.
 * See: DOMAIN.md sections 5, 6 and 8; STYLE.md habits 1, 3, 5.
 */
import { MODIFIER_RULE_KINDS } from './modifier-policy';
import { z } from 'zod';
import { parseMoney, type Cents } from '../money';
import { isoDateSchema } from '../time/schema';
import type { Problem, Result } from '../result';

const isoDate = isoDateSchema('must be a date in the form YYYY-MM-DD');
const money = z
  .string()
  .refine((s) => parseMoney(s) !== null && parseMoney(s)! >= 0, {
    message: 'must be an amount such as "257.00"',
  })
  .transform((s) => parseMoney(s) as Cents);
const rate = z.number().min(0).max(1);

/** One dated value with its provenance. `to` is inclusive; null or absent = open-ended. */
const dated = <T extends z.ZodType>(value: T) =>
  z
    .array(
      z.object({
        from: isoDate,
        to: isoDate.nullable().optional(),
        value,
        source: z.string().min(1, 'every dated value needs its source'),
      }),
    )
    .min(1, 'needs at least one dated entry');

export interface Dated<T> {
  from: string;
  to?: string | null | undefined;
  value: T;
  source: string;
}

/**
 * The entry in force on `date`: the latest `from` on or before the date whose `to` has not
 * passed. Before the first entry, the first entry (so a payer never has no value); the caller
 * can compare `from` when that matters.
 */
const onCache = new WeakMap<object, Map<string, Dated<unknown>>>();

export function datedOn<T>(list: readonly Dated<T>[], date: string): Dated<T> {
  let byDate = onCache.get(list);
  if (!byDate) onCache.set(list, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit) return hit as Dated<T>;
  const found = findDated(list, date);
  if (byDate.size < 5000) byDate.set(date, found);
  return found;
}

function findDated<T>(list: readonly Dated<T>[], date: string): Dated<T> {
  let best: Dated<T> | undefined;
  for (const e of list) {
    if (e.from <= date && (!e.to || date <= e.to) && (!best || e.from > best.from)) best = e;
  }
  if (best) return best;
  // Past the end of every entry: keep the latest one (rates stay until changed).
  let latest = list[0]!;
  for (const e of list) if (e.from > latest.from && e.from <= date) latest = e;
  return latest;
}
export const valueOn = <T>(list: readonly Dated<T>[], date: string): T => datedOn(list, date).value;

/** Service categories for cost sharing (mapped from codes in categories.ts). */
export const SERVICE_CATEGORIES = [
  'office-visit',
  'specialist-visit',
  'preventive',
  'lab',
  'vaccine',
  'procedure',
  'diagnostic',
  'other',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

const costShare = z.object({
  /** Whether the deductible applies before the plan pays. */
  deductible: z.boolean(),
  /** Coinsurance rate after the deductible (0.2 = 20%), or null with a copay. */
  coinsurance: rate.nullable(),
  /** Flat copay per line, or null. */
  copay: money.nullable(),
});
export type CostShare = z.infer<typeof costShare>;

/** A procedure code or an inclusive range of equal-length codes ("99381-99397"). */
const procedureOrRange = z
  .string()
  .regex(
    /^[0-9A-Z]{5}(-[0-9A-Z]{5})?$/,
    'must be a 5-character procedure code or a range such as 99381-99397',
  )
  .refine((s) => s.length === 5 || s.slice(0, 5) <= s.slice(6), 'range must run from low to high');

const appealLevel = z.object({
  level: z.number().int().min(1).max(9),
  name: z.string().min(1),
  /** Days to file, counted from the (presumed) receipt of the previous decision. */
  deadlineDays: z.number().int().positive(),
  /** Minimum amount in controversy, or null when there is none. */
  amountInControversy: money.nullable(),
});

const feeSchedule = z.discriminatedUnion('kind', [
  /** Medicare Physician Fee Schedule by locality (imported MPFS bundle, else the pack table). */
  z.object({ kind: z.literal('mpfs') }),
  /** A percentage of the Medicare amount (1.25 = 125% of Medicare). */
  z.object({ kind: z.literal('percent-of-medicare'), percent: z.number().positive().max(10) }),
  /** An own fee table in scenarios/<pack>/fees/<file> (code -> amount); unknown codes fall back to a % of Medicare. */
  z.object({
    kind: z.literal('table'),
    file: z.string().min(1),
    fallbackPercentOfMedicare: z.number().positive().max(10).nullable(),
  }),
]);
export type FeeScheduleRule = z.infer<typeof feeSchedule>;

const behaviourValue = z.object({
  /** Days from receipt to the remittance date. */
  processingDays: z.number().int().min(0).max(120),
  /** Share of adjudicated claims that get a documentation request (CO-16 + M127) on one line. */
  documentationRequestRate: rate,
  /** Seed mixed with the claim id for this payer's random choices. */
  seed: z.number().int(),
  ncci: z.object({
    apply: z.boolean(),
    /** CARC used for an NCCI procedure-to-procedure denial. */
    carc: z.enum(['97', '236']),
  }),
  /**
   * 'accept': modifier 25 on an E/M is taken as billed; 'require-distinct-diagnosis': the E/M
   * with 25 must point to a diagnosis the procedure line does not (a common commercial policy);
   * 'require-records': as 'require-distinct-diagnosis', and an E/M with 25 billed with a
   * procedure is held for the office notes (CO-252 + M127), as some commercial plans announce.
   */
  modifier25: z.enum(['accept', 'require-distinct-diagnosis', 'require-records']),
  /** How an invalid diagnosis is handled: rejected at the front end, or denied CO-146. */
  invalidDiagnosis: z.enum(['reject', 'deny-146']),
  /**
   * What a timely-filing denial (CO-29) carries. Absent: Medicare's, N211 and no appeal rights
   * (a late claim is not an initial determination: 42 CFR 405.926; Pub. 100-04 ch. 1 §70.5;
   * exceptions for administrative error go through proof of the error, §70.7, not an appeal).
   * A commercial or Medicaid plan says its own: usually a dispute (appeal) with proof of timely
   * filing (e.g. the payer's 277CA acceptance), and no N211.
   */
  /**
   * A line repeating a service already adjudicated on another claim (same patient, provider,
   * date and code; `claim.duplicate` on a line): 'oa-18' (the X12 usage of CARC 18: group OA
   * only), or Medicare's 'co-97-n111' (the service was included in a claim already adjudicated;
   * appeal only on the duplicate issue). An exact duplicate claim is OA-18 for every payer.
   * See: X12 CARC 18 usage note; RARC N111; Noridian JF Part B "Duplicate denials" (CO-97 + N111
   * duplicate of another claim, OA-18 exact duplicate); Pub. 100-04 ch. 1 §120.
   */
  duplicateLine: z.enum(['oa-18', 'co-97-n111']).optional(),
  timelyFilingDenial: z
    .object({
      remarks: z.array(z.string().regex(/^(MA|M|N)\d{1,3}$/, 'must be a RARC')),
      appealable: z.boolean(),
    })
    .optional(),
});
export type Behaviour = z.infer<typeof behaviourValue>;

/**
 * A payer's behaviour: one undated object (it never changed), or a dated list like the other
 * dated values when a plan policy changes on a date (issue 5: "policies that change by date").
 * The shape decides which schema applies, so an error names the path inside the shape that was
 * meant (behaviour[1].value.modifier25), not a vague union failure.
 */
const behaviour = z.union([behaviourValue, dated(behaviourValue)]);

/**
 * The behaviour in force on a date: the date of service for adjudication rules, the receipt
 * date for processing days. An undated behaviour is returned as is (no lookup on the hot path);
 * a dated list goes through the memoised `datedOn`.
 */
export function behaviourOn(p: Pick<PayerProfile, 'behaviour'>, date: string): Behaviour {
  const b = p.behaviour;
  return Array.isArray(b) ? datedOn(b, date).value : (b as Behaviour);
}

/**
 * Medicare reopening rules (dated): how long after the initial determination a reopening may
 * be asked for, and which denials need a redetermination (appeal) rather than a reopening.
 * See: 42 CFR 405.980 (1 year for any reason, 4 years for good cause), 405.986 (good cause);
 * Pub. 100-04 ch. 34.
 */
const reopeningRules = z.object({
  /** Months after the initial determination within which any reason (clerical error) is enough. */
  anyReasonMonths: z.number().int().positive(),
  /** Months within which a reopening needs good cause (new and material evidence, obvious error). */
  goodCauseMonths: z.number().int().positive(),
  /** Denials whose correction needs the appeal route: a CARC, optionally only with a RARC. */
  redeterminationOnly: z.array(
    z.object({
      carc: z.string().min(1),
      remark: z.string().min(1).nullable(),
      why: z.string().min(1),
    }),
  ),
});
export type ReopeningRules = z.infer<typeof reopeningRules>;

/** What every dated policy entry carries: its title, the dates it is in force and its source. */
const datedRule = {
  title: z.string().min(1),
  effective: isoDate.nullable(),
  terminated: isoDate.nullable(),
  source: z.string().min(1),
};

const base = z.object({
  formatVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1),
  /** 837P SBR09 / 835 CLP06 claim filing indicator (MB Medicare Part B, CI commercial, MC Medicaid). */
  claimFilingIndicator: z.enum(['MB', 'CI', 'MC', 'BL', 'HM', '12', '13', '14', '16']),
  /** Payer identifier used in X12 NM1*PR (2010BB) and N1*PR. */
  payerIdentifier: z.string().min(1).max(80),
  deductible: dated(money),
  coinsurance: dated(rate),
  outOfPocketMax: dated(money.nullable()),
  /** Filing limit from the date of service. */
  timelyFiling: dated(
    z.object({
      unit: z.enum(['days', 'months']),
      amount: z.number().int().positive(),
      /**
       * A last day on a Saturday, Sunday or observed federal holiday runs to the next workday
       * (Medicare: Pub. 100-04 ch. 1 §70). Absent: the last day stands (the plan's own rule).
       */
      rollToWorkday: z.boolean().optional(),
    }),
  ),
  appeals: dated(z.array(appealLevel).min(1)),
  /** Days after the notice date that it is presumed received (Medicare: 5). */
  presumedReceiptDays: z.number().int().min(0).max(30),
  /**
   * Whether an appeal deadline that falls on a Saturday, Sunday or observed federal holiday moves
   * to the next business day ('next-business-day', src/domain/time/holidays.ts) or stands
   * ('none', the default).
   * See: Pub. 100-04 ch. 1 §70.7 (a filing period ending on a non-workday runs to the next
   * workday), which ClaimLab applies to the Medicare appeal periods of ch. 29 as well.
   */
  appealDeadlineRoll: z.enum(['next-business-day', 'none']).default('none'),
  feeSchedule: dated(feeSchedule),
  costSharing: z.object({
    default: costShare,
    'office-visit': costShare.optional(),
    'specialist-visit': costShare.optional(),
    preventive: costShare.optional(),
    lab: costShare.optional(),
    vaccine: costShare.optional(),
    procedure: costShare.optional(),
    diagnostic: costShare.optional(),
    other: costShare.optional(),
  }),
  /** Codes needing prior authorization (CO-197 without a number); the edit engine's AuthRule shape. */
  priorAuth: z.array(
    z.object({
      procedures: z
        .array(z.string().regex(/^[0-9A-Z]{5}$/, 'must be a 5-character procedure code'))
        .min(1),
      ...datedRule,
    }),
  ),
  /** Medical-necessity policies (NCD/LCD or plan policy): diagnoses that support procedures; the edit engine's CoverageRule shape. */
  coverage: z
    .array(
      z.object({
        procedures: z
          .array(z.string().regex(/^[0-9A-Z]{5}$/, 'must be a 5-character procedure code'))
          .min(1),
        diagnoses: z.array(z.string().min(3)).min(1),
        /**
         * The denial for a line no listed diagnosis supports; absent: CO-50 + N386/N115 (NCD/LCD).
         * A diagnosis-to-procedure policy: CARC 11 (diagnosis inconsistent with the procedure)
         * or 167 (diagnosis not covered), with its remarks.
         */
        denial: z
          .object({
            carc: z.enum(['50', '11', '167']),
            remarks: z.array(z.string().regex(/^(MA|M|N)\d{1,3}$/, 'must be a RARC')),
          })
          .optional(),
        ...datedRule,
      }),
    )
    .default([]),
  /**
   * Modifier policies (modifier-policy.ts): what the plan does with a line carrying a modifier.
   * A rule for 25 in force on the date of service takes the place of `behaviour.modifier25`.
   */
  modifierRules: z
    .array(
      z.object({
        modifier: z.string().regex(/^[0-9A-Z]{2}$/, 'must be a two-character modifier'),
        rule: z.enum(MODIFIER_RULE_KINDS),
        ...datedRule,
      }),
    )
    .optional(),
  /**
   * Plan preventive-service policies (cost-sharing/plan-benefits.ts): these procedures take the
   * plan's `preventive` cost sharing when the line's diagnosis starts with one of `diagnoses`
   * (e.g. the ACA adult and well-woman visits with Z00.0x / Z01.41x, 45 CFR 147.130), the
   * default cost sharing otherwise.
   */
  preventiveServices: z
    .array(
      z.object({
        procedures: z.array(procedureOrRange).min(1),
        /** Diagnosis codes or code prefixes (Z00.0 = Z00.00 and Z00.01). */
        diagnoses: z.array(z.string().min(3)).min(1),
        ...datedRule,
      }),
    )
    .default([]),
  /**
   * Services the plan does not cover, each with its denial: a statutory exclusion (Medicare
   * routine physical: PR-96 + N425) or a plan's excluded benefit (PR-204).
   */
  exclusions: z
    .array(
      z.object({
        procedures: z.array(procedureOrRange).min(1),
        group: z.enum(['PR', 'CO']),
        carc: z.string().regex(/^\d{1,3}$/, 'must be a claim adjustment reason code number'),
        remarks: z.array(z.string().regex(/^(MA|M|N)\d{1,3}$/, 'must be a RARC')).default([]),
        /**
         * Modifiers that take a line out of the exclusion (e.g. Q7/Q8/Q9, the class findings
         * that make foot care covered for a patient with a systemic condition).
         */
        unlessModifiers: z
          .array(z.string().regex(/^[A-Z0-9]{2}$/, 'must be a modifier'))
          .optional(),
        ...datedRule,
      }),
    )
    .default([]),
  /** 'frequency-7-8': takes replacement/void claims; 'reopening': corrections go through a reopening. */
  corrections: z.enum(['frequency-7-8', 'reopening']),
  /** Rules for reopenings; required when `corrections` is 'reopening'. */
  reopening: dated(reopeningRules).optional(),
  /**
   * First day of the benefit year as MM-DD (default 01-01, a calendar year): deductible and
   * out-of-pocket amounts carried from claim to claim start again from zero on it.
   */
  benefitYearStart: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD, e.g. 01-01 or 07-01')
    // A day every year has (no 02-29, 02-30, 04-31…).
    .refine((s) => !/^(02-(29|3\d)|0[469]-31|11-31)$/.test(s), {
      message: 'must be a day every year has (not 02-29, 02-30 or the 31st of a 30-day month)',
    })
    .default('01-01'),
  behaviour,
  notes: z.string().optional(),
});

const medicare = base.extend({
  kind: z.literal('medicare'),
  /** Payment reduction on Medicare payments (CO-253). */
  sequestration: dated(rate),
  /** Non-participating providers: this share of the fee schedule (0.95). */
  nonParticipatingRate: dated(rate),
  /** Limiting charge as a multiple of the non-participating amount (1.15). */
  limitingChargeRate: dated(z.number().min(1).max(2)),
});
/**
 * How a commercial plan pays when it is secondary (coordination of benefits):
 *  - 'standard' (traditional COB): up to its normal benefit, never more than what the primary
 *    left (the patient may end up owing nothing);
 *  - 'non-duplication' (maintenance of benefits): its normal benefit less what the primary paid,
 *    so the two together never pay more than this plan alone would have;
 *  - 'carve-out': its own benefit rate applied to what the primary did not pay of the allowed
 *    amount (its cost sharing taken again on the remainder).
 * Absent: 'standard'. See: NAIC Coordination of Benefits Model Regulation (MDL-120) §6 (the
 * secondary plan's benefits) and its allowance for non-duplication provisions; cob.ts.
 */
export const COB_METHODS = ['standard', 'non-duplication', 'carve-out'] as const;
export type CobMethod = (typeof COB_METHODS)[number];
const commercial = base.extend({
  kind: z.literal('commercial'),
  coordination: z.object({ method: z.enum(COB_METHODS), source: z.string().min(1) }).optional(),
});
const medicaid = base.extend({
  kind: z.literal('medicaid'),
  /** Medicaid pays after every other coverage (payer of last resort). */
  payerOfLastResort: z.literal(true),
});

export const PayerProfileSchema = z
  .discriminatedUnion('kind', [medicare, commercial, medicaid])
  .superRefine((p, ctx) => {
    if (p.corrections === 'reopening' && !p.reopening)
      ctx.addIssue({
        code: 'custom',
        path: ['reopening'],
        message: 'a payer whose corrections go through reopenings needs its reopening rules',
      });
  });
export type PayerProfile = z.infer<typeof PayerProfileSchema>;
export type PayerProfileInput = z.input<typeof PayerProfileSchema>;

/** `a.b[0].c` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '$';
}

/** Validates an untrusted payer profile; every problem names the file and field path. */
export function parsePayerProfile(json: unknown, fileName: string): Result<PayerProfile> {
  const r = PayerProfileSchema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const errors: Problem[] = r.error.issues.flatMap(unionBranch).map((i) => ({
    path: `${fileName}: ${formatPath(i.path)}`,
    message: `${formatPath(i.path)}: ${i.message}`,
  }));
  return { ok: false, errors };
}

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: IssueLike[][];
}

/**
 * A failed union (behaviour: object or dated list) reports every branch's issues. The branch
 * whose top-level type matched is the one the author meant: report its issues with their full
 * path. When no branch or several match, the union's own message stands.
 */
function unionBranch(i: IssueLike): IssueLike[] {
  if (i.code !== 'invalid_union' || !i.errors) return [i];
  const wrongType = (b: IssueLike[]) =>
    b.some((x) => x.path.length === 0 && x.code === 'invalid_type');
  const meant = i.errors.filter((b) => b.length > 0 && !wrongType(b));
  if (meant.length !== 1) return [{ ...i, message: 'must be an object or a dated list' }];
  return meant[0]!.flatMap((x) => unionBranch({ ...x, path: [...i.path, ...x.path] }));
}

/** Payer profiles read from a pack set: the first valid profile of each id wins. */
export interface PayerProfiles {
  readonly payers: Map<string, PayerProfile>;
  readonly files: Map<string, { file: string; data: unknown }>;
  readonly problems: Problem[];
}

/** Reads `files` into `into`: each file parsed, problems kept, the first valid id kept. */
export function readPayerProfiles(
  files: readonly { file: string; data: unknown }[],
  into: PayerProfiles = { payers: new Map(), files: new Map(), problems: [] },
): PayerProfiles {
  for (const f of files) {
    const r = parsePayerProfile(f.data, f.file);
    if (!r.ok) {
      into.problems.push(...r.errors);
      continue;
    }
    if (into.payers.has(r.value.id)) continue;
    into.payers.set(r.value.id, r.value);
    into.files.set(r.value.id, f);
  }
  return into;
}
