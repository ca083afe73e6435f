/**
 * Reads a claim from untrusted JSON (CLI input, pack answer keys, stored drafts) into the
 * domain model. Never throws: every problem becomes a `claim.missing-field` or
 * `claim.invalid-field` finding naming the field's path, and a best-effort claim is still
 * returned so the other edits can run on what is there.
 * See: README "Claim input" (the public CLI contract).
 */
import type { Finding } from '../findings';
import { cents, type Cents } from '../money';
import { echo, isBlank, readMoney } from './input-text';
import { icdDisplay } from '../codes/code';
import {
  ATTACHMENT_TRANSMISSIONS,
  DUAL_STATUSES,
  type Claim,
  type ClaimAttachment,
  type ClaimLine,
  type DualStatus,
  type Frequency,
  type Sex,
} from './claim';
import { isIsoDate } from '../time/dates';
import { isValidNpi } from './npi';
import { isRenderingProviderType, RENDERING_PROVIDER_TYPES } from './rendering-provider';
import {
  PAYER_SEQUENCES,
  parseCoverageFacts,
  parseOtherPayers,
  type PayerSequence,
} from './other-payers';

export interface ParsedClaim {
  claim: Claim;
  findings: Finding[];
  /**
   * Set when the claim is over the 837P limits (more than 50 service lines or 12 diagnoses):
   * its lines and diagnoses were not read, and callers process it no further (no edits, no
   * adjudication), whatever its size.
   */
  overLimits?: true;
}

/**
 * 837P repeat limits. See: X12 005010X222A1 loop 2400 (service line, repeat 50) and HI
 * segments of loop 2300 (12 diagnosis codes, ABK + 11 ABF); NUCC 1500 items 21 (A–L) and 24.
 */
export const CLAIM_LIMITS = { lines: 50, diagnoses: 12 } as const;

const REF = 'NUCC 1500 Claim Form Reference Instruction Manual; X12 005010X222A1 (837P)';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Collector {
  findings: Finding[] = [];
  missing(field: string, what: string, line: number | null = null) {
    this.findings.push({
      id: 'claim.missing-field',
      severity: 'error',
      line,
      codes: [],
      field,
      message: `Missing ${what} (${field}).`,
      reference: REF,
    });
  }
  invalid(field: string, message: string, line: number | null = null, codes: string[] = []) {
    this.findings.push({
      id: 'claim.invalid-field',
      severity: 'error',
      line,
      codes,
      field,
      message: `${message} (${field}).`,
      reference: REF,
    });
  }
}

function str(
  o: Obj,
  key: string,
  path: string,
  c: Collector,
  what: string,
  required = true,
): string {
  const v = o[key];
  if (v === undefined || v === null || v === '') {
    if (required) c.missing(path, what);
    return '';
  }
  // Spaces only are no value: reported like a missing one (never silently taken as absent).
  if (isBlank(v)) {
    if (required) c.missing(path, what);
    else c.invalid(path, `${what} is blank (only spaces)`);
    return '';
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    c.invalid(path, `${what} must be text`);
    return '';
  }
  // Cut like any echoed value: every field read here is a short code or date, so a longer one is
  // invalid anyway and must not be copied into each message that quotes it.
  return echo(String(v).trim());
}

/** An optional text field: absent or null gives null; spaces only are reported. */
function optionalText(o: Obj, key: string, path: string, c: Collector, what: string) {
  const v = o[key];
  if (isBlank(v)) c.invalid(path, `${what} is blank (only spaces)`);
  return typeof v === 'string' && v.trim() ? echo(v.trim()) : null;
}

function date(o: Obj, key: string, path: string, c: Collector, what: string): string {
  const v = str(o, key, path, c, what);
  if (v && !isIsoDate(v))
    c.invalid(path, `${what} "${echo(v)}" is not a date in the form YYYY-MM-DD`);
  return v;
}

function money(v: unknown, path: string, c: Collector, what: string, line: number | null): Cents {
  if (v === undefined || v === null || v === '') {
    c.missing(path, what, line);
    return cents(0);
  }
  const r = readMoney(v);
  if (!r.ok) {
    c.invalid(path, `${what} ${r.problem}`, line);
    return cents(0);
  }
  const m = r.value;
  if (m < 0) c.invalid(path, `${what} cannot be negative`, line);
  return m;
}

let autoId = 0;

/**
 * Codes as the claim keeps them, by the text entered: a batch repeats the same few hundred
 * codes, so each is normalised once (and every claim then holds the same string, whose hash
 * the edits' look-ups have already worked out). Short texts only (a code is a few characters).
 */
const dxShown = new Map<string, string>();
const codeShown = new Map<string, string>();
function shown(raw: string, memo: Map<string, string>, make: (raw: string) => string): string {
  if (raw.length > 16) return make(raw);
  let v = memo.get(raw);
  if (v === undefined) {
    if (memo.size >= 10_000) memo.clear();
    memo.set(raw, (v = make(raw)));
  }
  return v;
}

export function parseClaim(input: unknown, fallbackId?: string): ParsedClaim {
  const c = new Collector();
  const o: Obj = isObj(input) ? input : {};
  if (!isObj(input)) c.invalid('$', 'The claim must be a JSON object');

  // The claim id is kept whole (it pairs each result with its input); other text is cut.
  const claimId =
    (typeof o.claimId === 'string' && o.claimId.trim() ? o.claimId.trim() : null) ??
    fallbackId ??
    `claim-${++autoId}`;
  if (isBlank(o.claimId)) c.invalid('claimId', 'claim id is blank (only spaces)');
  const payerId = str(o, 'payerId', 'payerId', c, 'payer id');

  let frequency: Frequency = '1';
  const fr = o.frequency === undefined || o.frequency === null ? '1' : String(o.frequency);
  if (fr === '1' || fr === '7' || fr === '8') frequency = fr;
  else
    c.invalid(
      'frequency',
      `Claim frequency "${echo(fr)}" must be 1 (original), 7 (replacement) or 8 (void)`,
    );

  const originalClaimId = optionalText(
    o,
    'originalClaimId',
    'originalClaimId',
    c,
    'original claim number',
  );
  if (frequency !== '1' && !originalClaimId)
    c.missing('originalClaimId', 'original claim number for a replacement or void claim');

  const p: Obj = isObj(o.patient) ? o.patient : {};
  if (!isObj(o.patient)) c.missing('patient', 'patient');
  const sexRaw = str(p, 'sex', 'patient.sex', c, 'patient sex').toUpperCase();
  let sex: Sex = 'U';
  if (sexRaw === 'F' || sexRaw === 'M' || sexRaw === 'U') sex = sexRaw;
  else if (sexRaw) c.invalid('patient.sex', `Patient sex "${echo(sexRaw)}" must be F, M or U`);
  const birthDate = isObj(o.patient)
    ? date(p, 'birthDate', 'patient.birthDate', c, 'patient birth date')
    : '';
  // The subscriber's member id is required on every claim (NUCC 1500 item 1a; 837P loop 2010BA
  // NM109); without it the payer cannot find the member (CO-16 + MA27).
  const memberRaw = typeof p.memberId === 'number' ? String(p.memberId) : p.memberId;
  const memberId =
    typeof memberRaw === 'string' && memberRaw.trim() ? echo(memberRaw.trim()) : null;
  if (isObj(o.patient) && memberId === null) {
    if (p.memberId === undefined || p.memberId === null || typeof p.memberId === 'string')
      c.missing('patient.memberId', 'member id (NUCC 1500 item 1a, 837P 2010BA NM109)');
    else c.invalid('patient.memberId', 'Member id must be text');
  }

  // Optional: the member's dual-eligibility group (QMB protections; see claim.ts DualStatus).
  let dualStatus: DualStatus | undefined;
  if (p.dualStatus !== undefined && p.dualStatus !== null && p.dualStatus !== '') {
    const v = typeof p.dualStatus === 'string' ? p.dualStatus.trim().toLowerCase() : '';
    if ((DUAL_STATUSES as readonly string[]).includes(v)) dualStatus = v as DualStatus;
    else
      c.invalid(
        'patient.dualStatus',
        `Dual status "${echo(p.dualStatus)}" must be one of ${DUAL_STATUSES.join(', ')}`,
      );
  }

  const pr: Obj = isObj(o.provider) ? o.provider : {};
  if (!isObj(o.provider)) c.missing('provider', 'provider');
  const npi = isObj(o.provider) ? str(pr, 'npi', 'provider.npi', c, 'billing provider NPI') : '';
  if (npi && !isValidNpi(npi))
    c.invalid('provider.npi', `NPI "${echo(npi)}" is not 10 digits with a valid check digit`);
  // The rendering provider (837P 2310B; 1500 item 24J), when another than the billing one.
  const renderingNpi =
    pr.renderingNpi === undefined || pr.renderingNpi === null
      ? undefined
      : optionalText(pr, 'renderingNpi', 'provider.renderingNpi', c, 'rendering provider NPI');
  if (renderingNpi && !isValidNpi(renderingNpi))
    c.invalid(
      'provider.renderingNpi',
      `Rendering provider NPI "${echo(renderingNpi)}" is not 10 digits with a valid check digit`,
    );
  // Who rendered the services (837P 2310B PRV*PE): NP/PA/CNS are paid 85% by Medicare.
  const rpt = pr.renderingProviderType;
  const renderingProviderType = isRenderingProviderType(rpt) ? rpt : undefined;
  if (rpt !== undefined && rpt !== null && !renderingProviderType)
    c.invalid(
      'provider.renderingProviderType',
      `Rendering provider type ${typeof rpt === 'string' ? `"${echo(rpt)}"` : 'must be text'}: use one of ${RENDERING_PROVIDER_TYPES.join(', ')}`,
    );
  const pos = isObj(o.provider) ? str(pr, 'pos', 'provider.pos', c, 'place of service') : '';
  if (pos && !/^\d{2}$/.test(pos))
    c.invalid('provider.pos', `Place of service "${echo(pos)}" must be two digits`);
  const locality = optionalText(pr, 'locality', 'provider.locality', c, 'locality') ?? '';
  const participating = typeof pr.participating === 'boolean' ? pr.participating : undefined;
  // A non-participating provider may accept assignment claim by claim (837P CLM07 A/C).
  const acceptsAssignment =
    typeof pr.acceptsAssignment === 'boolean' ? pr.acceptsAssignment : undefined;

  const serviceDate = date(o, 'serviceDate', 'serviceDate', c, 'date of service');
  const submissionDate = o.submissionDate
    ? date(o, 'submissionDate', 'submissionDate', c, 'submission date')
    : serviceDate;
  if (isIsoDate(serviceDate) && isIsoDate(birthDate) && birthDate > serviceDate)
    c.invalid('patient.birthDate', 'Birth date is after the date of service');
  if (isIsoDate(serviceDate) && isIsoDate(submissionDate) && submissionDate < serviceDate)
    c.invalid('submissionDate', 'Submission date is before the date of service');

  // Over the 837P limits the claim is reported and read no further: a 10,000-line claim costs
  // one finding, not 10,000 lines of edits.
  const dxCount = Array.isArray(o.diagnoses) ? o.diagnoses.length : 0;
  const lineCount = Array.isArray(o.lines) ? o.lines.length : 0;
  const overLimits = dxCount > CLAIM_LIMITS.diagnoses || lineCount > CLAIM_LIMITS.lines;
  if (dxCount > CLAIM_LIMITS.diagnoses)
    c.invalid(
      'diagnoses',
      `A claim takes at most ${CLAIM_LIMITS.diagnoses} diagnoses (837P HI, 1500 item 21 A–L); found ${dxCount}: the claim was not processed further`,
    );
  if (lineCount > CLAIM_LIMITS.lines)
    c.invalid(
      'lines',
      `A claim takes at most ${CLAIM_LIMITS.lines} service lines (837P loop 2400); found ${lineCount}: the claim was not processed further`,
    );

  // Diagnoses as entered (cut like any echoed value when absurdly long, see parseLine's code).
  const diagnoses: string[] = [];
  if (!Array.isArray(o.diagnoses) || o.diagnoses.length === 0)
    c.missing('diagnoses', 'diagnosis codes');
  else if (!overLimits)
    o.diagnoses.forEach((d, i) => {
      if (typeof d !== 'string' || !d.trim())
        c.invalid(`diagnoses[${i}]`, 'Diagnosis code must be text');
      else diagnoses.push(shown(d, dxShown, (t) => echo(icdDisplay(t))));
    });

  const lines: ClaimLine[] = [];
  if (!Array.isArray(o.lines) || o.lines.length === 0) c.missing('lines', 'service lines');
  else if (!overLimits)
    o.lines.forEach((raw, i) =>
      lines.push(parseLine(raw, i, c, diagnoses.length, { birthDate, submissionDate })),
    );

  const priorAuthNumber = optionalText(
    o,
    'priorAuthNumber',
    'priorAuthNumber',
    c,
    'prior authorization number',
  );
  const attachments = parseAttachments(o.attachments, c);
  const acc: Obj = isObj(o.accumulators) ? o.accumulators : {};
  const deductibleMet =
    acc.deductibleMet === undefined
      ? cents(0)
      : money(acc.deductibleMet, 'accumulators.deductibleMet', c, 'deductible met', null);
  const outOfPocketMet =
    acc.outOfPocketMet === undefined
      ? cents(0)
      : money(acc.outOfPocketMet, 'accumulators.outOfPocketMet', c, 'out-of-pocket met', null);

  // Coordination of benefits: the other payers and, for a secondary claim, their decisions.
  const otherPayers = parseOtherPayers(o.otherPayers, c, lines, { payerId, serviceDate });
  const coverage = parseCoverageFacts(o.coverage, 'coverage', c);
  const seqRaw = o.payerSequence;
  let payerSequence: PayerSequence | undefined;
  if (seqRaw !== undefined && seqRaw !== null) {
    if ((PAYER_SEQUENCES as readonly unknown[]).includes(seqRaw))
      payerSequence = seqRaw as PayerSequence;
    else c.invalid('payerSequence', `"${echo(seqRaw)}" must be primary, secondary or tertiary`);
  }

  const claim: Claim = {
    claimId,
    payerId,
    frequency,
    originalClaimId,
    patient: {
      sex,
      birthDate,
      memberId,
      ...(typeof p.firstName === 'string' ? { firstName: p.firstName } : {}),
      ...(typeof p.lastName === 'string' ? { lastName: p.lastName } : {}),
      ...(dualStatus ? { dualStatus } : {}),
    },
    provider: {
      npi,
      ...(renderingNpi ? { renderingNpi } : {}),
      ...(renderingProviderType ? { renderingProviderType } : {}),
      pos,
      locality,
      ...(participating === undefined ? {} : { participating }),
      ...(acceptsAssignment === undefined ? {} : { acceptsAssignment }),
    },
    serviceDate,
    submissionDate,
    diagnoses,
    lines,
    priorAuthNumber,
    ...(attachments.length ? { attachments } : {}),
    accumulators: { deductibleMet, outOfPocketMet },
    ...(isObj(o.accumulators) ? { accumulatorsGiven: true } : {}),
    ...(otherPayers.length ? { otherPayers } : {}),
    ...(coverage ? { coverage } : {}),
    ...(payerSequence ? { payerSequence } : {}),
  };
  return { claim, findings: c.findings, ...(overLimits ? { overLimits: true as const } : {}) };
}

/** 837P PWK attachments: `[{ reportType, transmission, controlNumber? }]`, each field checked. */
function parseAttachments(v: unknown, c: Collector): ClaimAttachment[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    c.invalid('attachments', 'Attachments must be a list of { reportType, transmission }');
    return [];
  }
  const out: ClaimAttachment[] = [];
  v.slice(0, 10).forEach((raw, i) => {
    const path = `attachments[${i}]`;
    if (!isObj(raw)) return c.invalid(path, 'An attachment must be an object');
    const type = str(raw, 'reportType', `${path}.reportType`, c, 'attachment report type (PWK01)');
    const how = str(
      raw,
      'transmission',
      `${path}.transmission`,
      c,
      'attachment transmission (PWK02)',
    );
    if (type && !/^[0-9A-Z]{2}$/.test(type))
      c.invalid(
        `${path}.reportType`,
        `Report type "${type}" must be a two-character PWK01 code such as 09 or OZ`,
      );
    const known = (ATTACHMENT_TRANSMISSIONS as readonly string[]).includes(how);
    if (how && !known)
      c.invalid(
        `${path}.transmission`,
        `Transmission "${how}" must be one of ${ATTACHMENT_TRANSMISSIONS.join(', ')} (PWK02)`,
      );
    const control = optionalText(
      raw,
      'controlNumber',
      `${path}.controlNumber`,
      c,
      'attachment control number',
    );
    if (type && known)
      out.push({
        reportType: type,
        transmission: how as ClaimAttachment['transmission'],
        ...(control ? { controlNumber: control } : {}),
      });
  });
  if (v.length > 10)
    c.invalid('attachments', `A claim takes at most 10 attachments (837P PWK); found ${v.length}`);
  return out;
}

function parseLine(
  raw: unknown,
  i: number,
  c: Collector,
  dxCount: number,
  claimDates: { birthDate: string; submissionDate: string },
): ClaimLine {
  const path = `lines[${i}]`;
  const n = i + 1;
  const o: Obj = isObj(raw) ? raw : {};
  if (!isObj(raw)) c.invalid(path, 'A service line must be an object', n);
  // A code is kept as entered so the code edits report it, but cut like any echoed value: a
  // 5,000-character "code" is invalid either way and must not fill every finding about it.
  const code =
    typeof o.code === 'string' ? shown(o.code, codeShown, (t) => echo(t.trim().toUpperCase())) : '';
  if (!code) c.missing(`${path}.code`, 'procedure code', n);

  const modifiers: string[] = [];
  if (o.modifiers !== undefined && o.modifiers !== null) {
    if (!Array.isArray(o.modifiers)) c.invalid(`${path}.modifiers`, 'Modifiers must be a list', n);
    else {
      if (o.modifiers.length > 4)
        c.invalid(
          `${path}.modifiers`,
          `A line takes at most 4 modifiers; found ${o.modifiers.length}`,
          n,
        );
      o.modifiers.forEach((m, j) => {
        const t = typeof m === 'string' ? m.trim().toUpperCase() : '';
        if (!/^[0-9A-Z]{2}$/.test(t))
          c.invalid(
            `${path}.modifiers[${j}]`,
            `Modifier "${echo(m)}" must be two letters or digits`,
            n,
          );
        else modifiers.push(t);
      });
    }
  }

  let units = 1;
  if (o.units !== undefined) {
    const u = typeof o.units === 'string' ? Number(o.units) : o.units;
    if (typeof u !== 'number' || !Number.isInteger(u) || u < 1 || u > 9999) {
      c.invalid(
        `${path}.units`,
        `Units "${echo(o.units)}" must be a whole number from 1 to 9999`,
        n,
      );
    } else units = u;
  }

  const dxPointers: number[] = [];
  if (!Array.isArray(o.dxPointers) || o.dxPointers.length === 0) {
    c.findings.push({
      id: 'claim.dx-pointer',
      severity: 'error',
      line: n,
      codes: code ? [code] : [],
      field: `${path}.dxPointers`,
      message: `Line ${n} has no diagnosis pointer: each line points to 1–4 of the claim's diagnoses.`,
      reference: 'NUCC 1500 item 24E; 837P SV107',
    });
  } else {
    if (o.dxPointers.length > 4)
      c.findings.push({
        id: 'claim.dx-pointer',
        severity: 'error',
        line: n,
        codes: code ? [code] : [],
        field: `${path}.dxPointers`,
        message: `Line ${n} has ${o.dxPointers.length} diagnosis pointers; at most 4 are allowed.`,
        reference: 'NUCC 1500 item 24E; 837P SV107',
      });
    o.dxPointers.forEach((p, j) => {
      // A number, a digit string or a letter A–L (1500 item 24E); true, [1] or {} are not
      // pointers, though Number() would read true and [1] as 1.
      const v =
        typeof p === 'string' && /^[A-La-l]$/.test(p)
          ? p.toUpperCase().charCodeAt(0) - 64
          : typeof p === 'number'
            ? p
            : typeof p === 'string' && /^\s*\d+\s*$/.test(p)
              ? Number(p)
              : NaN;
      const bad = !Number.isInteger(v) || v < 1 || v > Math.max(dxCount, 0);
      const dup = dxPointers.includes(v);
      if (bad || dup)
        c.findings.push({
          id: 'claim.dx-pointer',
          severity: 'error',
          line: n,
          codes: code ? [code] : [],
          field: `${path}.dxPointers[${j}]`,
          message: dup
            ? `Line ${n} points to diagnosis ${v} twice.`
            : `Line ${n} pointer "${echo(p)}" does not point to one of the claim's ${dxCount} diagnoses.`,
          reference: 'NUCC 1500 item 24E; 837P SV107',
        });
      if (!bad && !dup) dxPointers.push(v);
    });
  }

  const before = c.findings.length;
  const charge = money(o.charge, `${path}.charge`, c, 'line charge', n);
  if (c.findings.length === before && o.charge !== undefined && charge === 0)
    c.invalid(`${path}.charge`, 'Line charge must be more than 0.00', n);
  const line: ClaimLine = { code, modifiers, units, dxPointers, charge };
  if (o.serviceDate !== undefined) {
    const d = o.serviceDate;
    const where = `${path}.serviceDate`;
    if (!isIsoDate(d))
      c.invalid(
        where,
        `Line date of service "${echo(d)}" is not a calendar date in the form YYYY-MM-DD`,
        n,
      );
    else {
      line.serviceDate = d;
      // See: NUCC 1500 item 24A (dates of service); a service cannot precede birth or follow
      // the claim's submission.
      if (isIsoDate(claimDates.birthDate) && d < claimDates.birthDate)
        c.invalid(
          where,
          `Line ${n} date of service ${d} is before the patient's birth date ${claimDates.birthDate}`,
          n,
        );
      if (isIsoDate(claimDates.submissionDate) && d > claimDates.submissionDate)
        c.invalid(
          where,
          `Line ${n} date of service ${d} is after the claim's submission date ${claimDates.submissionDate}`,
          n,
        );
    }
  }
  return line;
}
