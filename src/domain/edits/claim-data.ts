/**
 * Claim data (front-end rejections) on the claim model: `claim.missing-field`,
 * `claim.invalid-field` (NPI check digit, place of service assigned, dates, units ≥ 1, charge), `claim.dx-pointer`,
 * `claim.duplicate`. parseClaim reports the same problems for raw JSON; these run on claims
 * built in the app, and the engine keeps one finding per field (see orderFindings).
 * See: NUCC 1500 Claim Form Reference Instruction Manual; X12 005010X222A1; CMS Pub. 100-04
 * ch. 1 §80.3 (unprocessable claims, CO-16/MA130) and §120 (detection of duplicate claims).
 */
import type { Claim, ClaimLine } from '../claim/claim';
import { isIsoDate } from '../time/dates';
import { isValidNpi } from '../claim/npi';
import { isAssignedPos, POS_SOURCE } from '../claim/place-of-service';
import type { Finding } from '../findings';
import type { EditContext } from './context';
import { finding, lineDate } from './finding-kit';

const REF = 'NUCC 1500 Claim Form Reference Instruction Manual; X12 005010X222A1 (837P)';
const REF_PTR = 'NUCC 1500 item 24E; 837P SV107';
const REF_DUP = 'CMS Pub. 100-04 ch. 1 §120 (detection of duplicate claims); CARC 18 with group OA';

export function claimDataEdits(claim: Claim, ctx: EditContext): Finding[] {
  const out: Finding[] = [];
  const missing = (field: string, what: string, line: number | null = null) =>
    out.push(
      finding('claim.missing-field', 'error', line, [], `Missing ${what} (${field}).`, REF, {
        field,
      }),
    );
  const invalid = (field: string, msg: string, line: number | null = null, codes: string[] = []) =>
    out.push(
      finding('claim.invalid-field', 'error', line, codes, `${msg} (${field}).`, REF, { field }),
    );

  if (!claim.payerId) missing('payerId', 'payer id');
  if (!claim.patient.birthDate) missing('patient.birthDate', 'patient birth date');
  else if (!isIsoDate(claim.patient.birthDate))
    invalid(
      'patient.birthDate',
      `Patient birth date "${claim.patient.birthDate}" is not a date in the form YYYY-MM-DD`,
    );
  if (!claim.provider.npi) missing('provider.npi', 'billing provider NPI');
  else if (!isValidNpi(claim.provider.npi))
    invalid(
      'provider.npi',
      `NPI "${claim.provider.npi}" is not 10 digits with a valid check digit`,
    );
  // Two digits but unassigned in the CMS code set (parseClaim checks the form).
  const pos = claim.provider.pos;
  const posDate = isIsoDate(claim.serviceDate) ? claim.serviceDate : undefined;
  if (/^\d{2}$/.test(pos) && !isAssignedPos(pos, posDate))
    out.push(
      finding(
        'claim.invalid-field',
        'error',
        null,
        [],
        isAssignedPos(pos)
          ? `Place of service "${pos}" was not yet an assigned CMS place of service code on ${claim.serviceDate} (provider.pos).`
          : `Place of service "${pos}" is not an assigned CMS place of service code (provider.pos).`,
        `${POS_SOURCE}; NUCC 1500 item 24B`,
        {
          field: 'provider.pos',
          suggestion:
            'Use the code for where the service was given (11 office, 22 outpatient hospital, 02/10 telehealth…)',
        },
      ),
    );
  if (!claim.serviceDate) missing('serviceDate', 'date of service');
  else if (!isIsoDate(claim.serviceDate))
    invalid(
      'serviceDate',
      `Date of service "${claim.serviceDate}" is not a date in the form YYYY-MM-DD`,
    );
  if (claim.diagnoses.length === 0) missing('diagnoses', 'diagnosis codes');
  else if (claim.diagnoses.length > 12)
    invalid('diagnoses', `A claim takes at most 12 diagnoses; found ${claim.diagnoses.length}`);
  const firstAt = new Map<string, number>();
  claim.diagnoses.forEach((d, i) => {
    const k = d.toUpperCase().replace(/\./g, '');
    const first = firstAt.get(k);
    if (first === undefined) firstAt.set(k, i);
    else
      out.push(
        finding(
          'claim.invalid-field',
          'warning',
          null,
          [d],
          `${d} is listed twice (diagnoses[${first}] and diagnoses[${i}]): list each diagnosis once and point lines to it.`,
          `${REF} (item 21 / HI segment: one entry per diagnosis)`,
          { field: `diagnoses[${i}]`, suggestion: `Remove diagnoses[${i}]` },
        ),
      );
  });
  if (claim.lines.length === 0) missing('lines', 'service lines');
  claim.lines.forEach((l, i) => lineData(l, i, claim, invalid, out));
  out.push(...duplicates(claim, ctx));
  return out;
}

function lineData(
  l: ClaimLine,
  i: number,
  claim: Claim,
  invalid: (field: string, msg: string, line: number | null, codes?: string[]) => void,
  out: Finding[],
) {
  const n = i + 1;
  const path = `lines[${i}]`;
  const codes = l.code ? [l.code] : [];
  if (!Number.isInteger(l.units) || l.units < 1)
    invalid(`${path}.units`, `Units "${l.units}" must be a whole number of at least 1`, n, codes);
  if (!Number.isInteger(l.charge) || l.charge <= 0)
    invalid(`${path}.charge`, 'Line charge must be more than 0.00', n, codes);
  if (l.serviceDate !== undefined && !isIsoDate(l.serviceDate))
    invalid(
      `${path}.serviceDate`,
      `Line date of service "${l.serviceDate}" is not YYYY-MM-DD`,
      n,
      codes,
    );
  const ptr = (field: string, message: string) =>
    out.push(finding('claim.dx-pointer', 'error', n, codes, message, REF_PTR, { field }));
  if (l.dxPointers.length === 0)
    ptr(
      `${path}.dxPointers`,
      `Line ${n} has no diagnosis pointer: each line points to 1–4 of the claim's diagnoses.`,
    );
  if (l.dxPointers.length > 4)
    ptr(
      `${path}.dxPointers`,
      `Line ${n} has ${l.dxPointers.length} diagnosis pointers; at most 4 are allowed.`,
    );
  const seen = new Set<number>();
  l.dxPointers.forEach((p, j) => {
    if (seen.has(p)) ptr(`${path}.dxPointers[${j}]`, `Line ${n} points to diagnosis ${p} twice.`);
    else if (!Number.isInteger(p) || p < 1 || p > claim.diagnoses.length)
      ptr(
        `${path}.dxPointers[${j}]`,
        `Line ${n} pointer "${p}" does not point to one of the claim's ${claim.diagnoses.length} diagnoses.`,
      );
    seen.add(p);
  });
}

const signatures = new WeakMap<Claim, string>();

/** Same member, provider and date of service, same lines (code, modifiers, units, charge). */
function signature(c: Claim): string {
  const hit = signatures.get(c);
  if (hit !== undefined) return hit;
  const s = computeSignature(c);
  signatures.set(c, s);
  return s;
}

/** The patient a claim is for: member id, else birth date, name and sex. */
export const patientKey = (c: Claim) =>
  c.patient.memberId ??
  `${c.patient.birthDate}|${c.patient.lastName ?? ''}|${c.patient.firstName ?? ''}|${c.patient.sex}`;

function computeSignature(c: Claim): string {
  const lines = c.lines
    .map(
      (l) =>
        `${l.code}:${[...l.modifiers].sort().join('+')}:${l.units}:${l.charge}:${lineDate(c.serviceDate, l.serviceDate)}`,
    )
    .sort()
    .join(',');
  return `${c.payerId}|${patientKey(c)}|${c.provider.npi}|${c.serviceDate}|${lines}`;
}

/**
 * The line-level duplicate key Medicare uses: same beneficiary, provider, date of service,
 * procedure code and modifiers (units and charge do not make a service different; 76/77/91
 * on the new line do, being part of the modifiers).
 */
const lineKey = (c: Claim, l: ClaimLine) =>
  `${c.payerId}|${patientKey(c)}|${c.provider.npi}|${lineDate(c.serviceDate, l.serviceDate)}|${l.code}|${[...l.modifiers].sort().join('+')}`;

const lineKeyLists = new WeakMap<Claim, string[]>();

/**
 * The line keys of a claim's coded lines, once per claim: a claim in a payer's ledger is in the
 * look-back of the member's next claims, and a run adjudicates each against its history.
 */
function lineKeysOf(c: Claim): string[] {
  let keys = lineKeyLists.get(c);
  if (!keys) {
    keys = [];
    for (const l of c.lines) if (l.code) keys.push(lineKey(c, l));
    lineKeyLists.set(c, keys);
  }
  return keys;
}

interface HistoryIndex {
  claims: Map<string, Claim[]>;
  lines: Map<string, Claim[]>;
}
const indexes = new WeakMap<readonly Claim[], HistoryIndex>();
const NONE: ReadonlySet<string | null> = new Set();

/**
 * Signature -> prior claims and line key -> prior claims, built once per history list. Voids
 * (8) and the claims they void are left out; so are originals a replacement (7) stands for.
 */
function historyIndex(history: readonly Claim[]): HistoryIndex {
  const hit = indexes.get(history);
  if (hit) return hit;
  // Most look-backs hold original claims only (frequency 1): nothing is voided or replaced.
  const corrections = history.some((h) => h.frequency !== '1');
  const superseded = corrections
    ? new Set(
        history
          .filter((h) => h.frequency !== '1' && h.originalClaimId)
          .map((h) => h.originalClaimId),
      )
    : NONE;
  const voided = corrections
    ? new Set(
        history
          .filter((h) => h.frequency === '8' && h.originalClaimId)
          .map((h) => h.originalClaimId),
      )
    : NONE;
  const idx: HistoryIndex = { claims: new Map(), lines: new Map() };
  const put = (m: Map<string, Claim[]>, k: string, h: Claim) => {
    const list = m.get(k);
    if (!list) m.set(k, [h]);
    else if (!list.includes(h)) list.push(h);
  };
  for (const h of history) {
    if (h.frequency === '8' || superseded.has(h.claimId)) continue;
    if (h.frequency === '7' && h.originalClaimId && voided.has(h.originalClaimId)) continue;
    put(idx.claims, signature(h), h);
    for (const k of lineKeysOf(h)) put(idx.lines, k, h);
  }
  indexes.set(history, idx);
  return idx;
}

/**
 * `claim.duplicate`: the whole claim repeats a prior one (claim-level), or single lines repeat
 * a prior claim's lines (one finding per line). A void is never a duplicate, and a
 * replacement is not a duplicate of the claim it replaces (nor of earlier replacements of it).
 * See: CMS Pub. 100-04 ch. 1 §120 (duplicate detection by beneficiary, date of service,
 * provider, procedure code and modifiers); CARC 18.
 */
function duplicates(claim: Claim, ctx: EditContext): Finding[] {
  if (!ctx.history?.length || claim.frequency === '8' || claim.lines.length === 0) return [];
  const idx = historyIndex(ctx.history);
  const chain = claim.frequency === '7' ? claim.originalClaimId : null;
  const other = (h: Claim) =>
    h !== claim && !(chain && (h.claimId === chain || h.originalClaimId === chain));
  const prior = idx.claims.get(signature(claim))?.find(other);
  if (prior)
    return [
      finding(
        'claim.duplicate',
        'error',
        null,
        claim.lines.map((l) => l.code),
        `This claim repeats claim ${prior.claimId} (same patient, provider, date of service ${claim.serviceDate}, codes and charges). Send a corrected claim (frequency 7 with the original claim number) instead of a new one.`,
        REF_DUP,
        { suggestion: `Frequency 7 with originalClaimId "${prior.claimId}", or do not resubmit` },
      ),
    ];
  const out: Finding[] = [];
  claim.lines.forEach((l, i) => {
    if (!l.code) return;
    const p = idx.lines.get(lineKey(claim, l))?.find(other);
    if (!p) return;
    const date = lineDate(claim.serviceDate, l.serviceDate);
    const mods = l.modifiers.length ? ` with modifiers ${l.modifiers.join(', ')}` : '';
    out.push(
      finding(
        'claim.duplicate',
        'error',
        i + 1,
        [l.code],
        `Line ${i + 1} repeats ${l.code}${mods} on ${date} for the same patient and provider, already billed on claim ${p.claimId}. If it was a second, separate service, say so with a modifier (76/77 repeat procedure, 91 repeat lab test, or an anatomic modifier); to change the earlier claim send a replacement (frequency 7).`,
        REF_DUP,
        {
          suggestion: `Remove line ${i + 1}, add the modifier that shows a separate service, or replace claim ${p.claimId} (frequency 7)`,
        },
      ),
    );
  });
  return out;
}
