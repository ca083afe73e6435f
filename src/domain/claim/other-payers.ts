/**
 * Other coverage on a claim (coordination of benefits): the payers other than the one billed,
 * their place in the order, and — once they have decided — their adjudication, which a secondary
 * claim must carry (837P loops 2320/2330B claim level, 2430 per line: SVD paid amount, CAS
 * adjustments, DTP*573 adjudication date). Read from the claim JSON as either `adjudication`
 * (this compact form) or `remittance` (the JSON `claimlab adjudicate` printed for that payer).
 * See: X12 005010X222A1 loops 2320, 2330B, 2430; NUCC 1500 items 9, 9a, 9d, 11d; DOMAIN.md §5.
 */
import { formatMoney, type Cents } from '../money';
import { isIsoDate } from '../time/dates';
import { echo, readMoney } from './input-text';

export type PayerSequence = 'primary' | 'secondary' | 'tertiary';
export const PAYER_SEQUENCES: readonly PayerSequence[] = ['primary', 'secondary', 'tertiary'];

export interface PriorLine {
  /** The claim line (1-based) this adjudication is for. */
  line: number;
  code: string;
  modifiers: string[];
  units: number;
  paid: Cents;
  adjustments: { group: 'CO' | 'PR' | 'OA' | 'PI'; carc: string; amount: Cents }[];
  /**
   * The other payer's remark codes on the line (2320/2430 MOA and LQ: e.g. Medicare's N781–N783
   * marking a QMB's cost sharing on a crossover claim). Absent when none were sent.
   */
  remarks?: string[];
}

export interface PriorAdjudication {
  payerClaimNumber: string | null;
  /** Date the other payer decided (2430 DTP*573), ISO. */
  adjudicationDate: string;
  lines: PriorLine[];
}

/**
 * What the payer needs to work out the order of benefits itself (its COB questionnaire): how the
 * patient holds the coverage, the policyholder's birth date for the birthday rule, how long it
 * has covered them, employer-plan facts for Medicare Secondary Payer rules.
 * See: NAIC COB Model Regulation; Medicare Secondary Payer Manual (Pub. 100-05) ch. 1.
 */
export interface CoverageFacts {
  relation: 'self' | 'spouse' | 'dependent';
  holderBirthDate?: string;
  since?: string;
  employerGroup?: { employees: number; currentEmployment: boolean };
  accidentCoverage?: boolean;
}

export interface OtherPayer {
  payerId: string;
  sequence: PayerSequence;
  memberId: string | null;
  /** Facts for the order of benefits, when the claim gives them. */
  coverage?: CoverageFacts;
  /** Null while that payer has not decided (a secondary's claim to a tertiary, say). */
  adjudication: PriorAdjudication | null;
}

export interface FieldProblems {
  missing(field: string, what: string, line?: number | null): void;
  invalid(field: string, message: string, line?: number | null): void;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const GROUPS = new Set(['CO', 'PR', 'OA', 'PI']);

function amount(v: unknown, path: string, c: FieldProblems): Cents | null {
  const m = readMoney(v);
  if (!m.ok) c.invalid(path, m.problem);
  return m.ok ? m.value : null;
}

/** What the other payer's lines are checked against: the claim's service line charges. */
export type ClaimCharges = readonly { charge: Cents }[];

function priorLines(
  raw: unknown,
  path: string,
  c: FieldProblems,
  claimLines?: ClaimCharges,
): PriorLine[] {
  if (!Array.isArray(raw)) {
    c.invalid(path, 'The other payer’s lines must be a list');
    return [];
  }
  const out: PriorLine[] = [];
  const seen = new Set<number>();
  raw.forEach((l, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(l)) return c.invalid(p, 'A line must be an object');
    const given = typeof l.line === 'number' && Number.isInteger(l.line) && l.line > 0;
    if (l.line !== undefined && !given)
      return c.invalid(`${p}.line`, `Line "${echo(l.line)}" must be a claim line number (1, 2, …)`);
    const line = given ? (l.line as number) : i + 1;
    // A second decision for the same line, or one for a line the claim does not have, would be
    // ignored silently and the secondary would coordinate with the wrong amounts.
    if (seen.has(line)) c.invalid(`${p}.line`, `Line ${line} is given twice`);
    seen.add(line);
    if (claimLines && line > claimLines.length)
      c.invalid(
        `${p}.line`,
        `Line ${line} is not on the claim (it has ${claimLines.length} line${claimLines.length === 1 ? '' : 's'})`,
      );
    const paid = amount(l.paid ?? '0.00', `${p}.paid`, c);
    const adjustments: PriorLine['adjustments'] = [];
    const adjs: unknown[] = Array.isArray(l.adjustments) ? l.adjustments : [];
    adjs.forEach((a, k) => {
      const q = `${p}.adjustments[${k}]`;
      if (!isObj(a)) return c.invalid(q, 'An adjustment must be an object');
      const group = String(a.group ?? '');
      if (!GROUPS.has(group))
        return c.invalid(`${q}.group`, `Group "${echo(group)}" must be CO, PR, OA or PI`);
      const carc = String(a.carc ?? '').trim();
      if (!carc) return c.missing(`${q}.carc`, 'reason code (CARC)');
      const amt = amount(a.amount, `${q}.amount`, c);
      if (amt !== null)
        adjustments.push({
          group: group as PriorLine['adjustments'][number]['group'],
          carc,
          amount: amt,
        });
    });
    // The other payer's decision accounts for the whole charge: paid + adjustments = charge.
    // See: X12 005010X222A1 loop 2430 (SVD02 + CAS amounts balance to SV102).
    const charge = claimLines?.[line - 1]?.charge;
    const adjTotal = adjustments.reduce((s, a) => s + a.amount, 0);
    if (charge !== undefined && paid !== null && paid + adjTotal !== charge)
      c.invalid(
        p,
        `The other payer’s paid ${formatMoney(paid)} + adjustments ${formatMoney(adjTotal)} must equal line ${line}’s charge ${formatMoney(charge)}`,
      );
    out.push({
      line,
      code: typeof l.code === 'string' ? l.code.trim().toUpperCase() : '',
      modifiers: Array.isArray(l.modifiers) ? l.modifiers.map((m) => String(m).toUpperCase()) : [],
      units: typeof l.units === 'number' && l.units > 0 ? l.units : 1,
      paid: paid ?? (0 as Cents),
      adjustments,
      ...(Array.isArray(l.remarks) && l.remarks.length
        ? {
            remarks: l.remarks
              .filter((r): r is string => typeof r === 'string')
              .map((r) => r.trim().toUpperCase()),
          }
        : {}),
    });
  });
  return out;
}

/** `coverage` facts (on the claim for the payer billed, or on an other payer), or undefined. */
export function parseCoverageFacts(
  raw: unknown,
  path: string,
  c: FieldProblems,
): CoverageFacts | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObj(raw)) {
    c.invalid(path, 'coverage must be an object');
    return undefined;
  }
  const rel = String(raw.relation ?? 'self');
  if (rel !== 'self' && rel !== 'spouse' && rel !== 'dependent')
    c.invalid(`${path}.relation`, `Relation "${echo(rel)}" must be self, spouse or dependent`);
  const out: CoverageFacts = {
    relation: rel === 'spouse' || rel === 'dependent' ? rel : 'self',
  };
  for (const k of ['holderBirthDate', 'since'] as const) {
    const v = raw[k];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' && isIsoDate(v)) out[k] = v;
    else c.invalid(`${path}.${k}`, `"${echo(v)}" is not a date in the form YYYY-MM-DD`);
  }
  if (out.relation === 'dependent' && !out.holderBirthDate)
    c.missing(`${path}.holderBirthDate`, 'the policyholder’s birth date (birthday rule)');
  const g = raw.employerGroup;
  if (g !== undefined && g !== null) {
    if (isObj(g) && typeof g.employees === 'number' && g.employees >= 0)
      out.employerGroup = {
        employees: g.employees,
        currentEmployment: g.currentEmployment === true,
      };
    else
      c.invalid(
        `${path}.employerGroup`,
        'employerGroup is { "employees": number, "currentEmployment": true|false }',
      );
  }
  if (raw.accidentCoverage === true) out.accidentCoverage = true;
  return out;
}

/** `otherPayers` from the claim JSON; problems are reported through `c` with their paths. */
export function parseOtherPayers(
  raw: unknown,
  c: FieldProblems,
  /** The claim's lines: each other payer's line must be one of them and balance to its charge. */
  claimLines?: ClaimCharges,
  /** The payer billed and the date of service, to check the other payers against. */
  billed?: { payerId: string; serviceDate: string },
): OtherPayer[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    c.invalid('otherPayers', 'otherPayers must be a list of the other coverages');
    return [];
  }
  const out: OtherPayer[] = [];
  raw.forEach((o, i) => {
    const p = `otherPayers[${i}]`;
    if (!isObj(o)) return c.invalid(p, 'An other payer must be an object');
    const payerId = typeof o.payerId === 'string' ? o.payerId.trim() : '';
    if (!payerId) c.missing(`${p}.payerId`, 'the other payer');
    else if (billed && payerId === billed.payerId)
      c.invalid(
        `${p}.payerId`,
        `"${echo(payerId)}" is the payer billed: list only the other coverage`,
      );
    else if (raw.slice(0, i).some((x) => isObj(x) && x.payerId === payerId))
      c.invalid(`${p}.payerId`, `"${echo(payerId)}" is listed twice`);
    const seq = String(o.sequence ?? 'primary');
    if (!(PAYER_SEQUENCES as readonly string[]).includes(seq))
      c.invalid(`${p}.sequence`, `Sequence "${echo(seq)}" must be primary, secondary or tertiary`);
    let adjudication: PriorAdjudication | null = null;
    const src = isObj(o.adjudication) ? o.adjudication : isObj(o.remittance) ? o.remittance : null;
    const key = isObj(o.adjudication) ? 'adjudication' : 'remittance';
    if (src) {
      if (src.status === 'rejected' || src.status === 'refused')
        c.invalid(
          `${p}.${key}.status`,
          'A rejected claim was not adjudicated: it cannot be coordinated with',
        );
      const d = src.adjudicationDate ?? src.remitDate;
      const adjudicationDate = typeof d === 'string' ? d : '';
      if (typeof src.payerId === 'string' && src.payerId && payerId && src.payerId !== payerId)
        c.invalid(
          `${p}.${key}.payerId`,
          `The decision is ${src.payerId}'s, but it is filed under ${payerId}`,
        );
      if (billed && isIsoDate(adjudicationDate) && isIsoDate(billed.serviceDate))
        if (adjudicationDate < billed.serviceDate)
          c.invalid(
            `${p}.${key}.${src.adjudicationDate === undefined ? 'remitDate' : 'adjudicationDate'}`,
            `The other payer cannot have decided (${adjudicationDate}) before the date of service ${billed.serviceDate}`,
          );
      if (!isIsoDate(adjudicationDate))
        c.invalid(
          `${p}.${key}.${src.adjudicationDate === undefined ? 'remitDate' : 'adjudicationDate'}`,
          'The other payer’s decision date must be YYYY-MM-DD',
        );
      adjudication = {
        payerClaimNumber: typeof src.payerClaimNumber === 'string' ? src.payerClaimNumber : null,
        adjudicationDate,
        lines: priorLines(src.lines, `${p}.${key}.lines`, c, claimLines),
      };
    }
    const coverage = parseCoverageFacts(o.coverage, `${p}.coverage`, c);
    out.push({
      ...(coverage ? { coverage } : {}),
      payerId,
      sequence: (PAYER_SEQUENCES as readonly string[]).includes(seq)
        ? (seq as PayerSequence)
        : 'primary',
      memberId: typeof o.memberId === 'string' && o.memberId.trim() ? o.memberId.trim() : null,
      adjudication,
    });
  });
  if (out.filter((o) => o.sequence === 'primary').length > 1)
    c.invalid('otherPayers', 'Only one other payer can be primary');
  return out;
}
