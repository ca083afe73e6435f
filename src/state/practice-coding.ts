/**
 * The trainee's coding as typed on the practice screen, checked and turned into the engine's
 * `Coding`: diagnoses in order (ICD-10-CM, dotted or not), lines with code, modifiers, units and
 * diagnosis pointers (1-based, CMS-1500 item 24E, at most four). Charges come from the practice's
 * charge master (charge per unit × units), as the office bills them. Bad input gives a message
 * naming the field and line, never an exception.
 * See: NUCC 1500 items 21 and 24A–24G.
 */
import { DEFAULT_CHARGE_MASTER } from '../domain/world/charges';
import type { Cents } from '../domain/money';
import type { Coding } from '../machines/practice/engine';

export interface LineForm {
  code: string;
  modifiers: string;
  units: string;
  pointers: string;
}

export interface CodingForm {
  diagnoses: string;
  lines: LineForm[];
}

const split = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

/** The form a coding fills (to prefill a correction with what was sent). */
export function formOf(c: Coding): CodingForm {
  return {
    diagnoses: c.diagnoses.join(', '),
    lines: c.lines.map((l) => ({
      code: l.code,
      modifiers: l.modifiers.join(', '),
      units: String(l.units),
      pointers: l.dxPointers.join(', '),
    })),
  };
}

export const blankLine = (): LineForm => ({ code: '', modifiers: '', units: '1', pointers: '1' });

export function codingOf(
  f: CodingForm,
  chargeMaster: Readonly<Record<string, Cents>> = DEFAULT_CHARGE_MASTER,
): { ok: true; value: Coding } | { ok: false; message: string } {
  const diagnoses = split(f.diagnoses).map((d) =>
    d.includes('.') || d.length <= 3 ? d : `${d.slice(0, 3)}.${d.slice(3)}`,
  );
  if (!diagnoses.length)
    return { ok: false, message: 'Diagnoses: enter at least one ICD-10-CM code.' };
  if (diagnoses.length > 12)
    return { ok: false, message: 'Diagnoses: a CMS-1500 claim holds at most 12 (item 21 A–L).' };
  const bad = diagnoses.find((d) => !/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(d));
  if (bad) return { ok: false, message: `Diagnoses: “${bad}” is not an ICD-10-CM code.` };
  if (!f.lines.length) return { ok: false, message: 'Lines: add at least one service line.' };
  const lines: Coding['lines'] = [];
  for (const [i, l] of f.lines.entries()) {
    const at = `Line ${i + 1}`;
    const code = l.code.trim().toUpperCase();
    if (!/^([0-9]{4}[0-9A-Z]|[A-Z][0-9]{4})$/.test(code))
      return { ok: false, message: `${at}, code: “${l.code}” is not a CPT or HCPCS code.` };
    const modifiers = split(l.modifiers);
    const m = modifiers.find((x) => !/^[0-9A-Z]{2}$/.test(x));
    if (m)
      return { ok: false, message: `${at}, modifiers: “${m}” is not a two-character modifier.` };
    if (modifiers.length > 4)
      return { ok: false, message: `${at}, modifiers: at most four (item 24D).` };
    const units = Number(l.units);
    if (!Number.isInteger(units) || units < 1 || units > 999)
      return { ok: false, message: `${at}, units: a whole number from 1 to 999.` };
    const ptrs = split(l.pointers).map(Number);
    if (!ptrs.length || ptrs.length > 4)
      return { ok: false, message: `${at}, pointers: one to four diagnosis pointers (item 24E).` };
    const p = ptrs.find((x) => !Number.isInteger(x) || x < 1 || x > diagnoses.length);
    if (p !== undefined)
      return {
        ok: false,
        message: `${at}, pointers: each points to a diagnosis from 1 to ${diagnoses.length}.`,
      };
    lines.push({
      code,
      modifiers,
      units,
      dxPointers: ptrs,
      charge: ((chargeMaster[code] ?? 0) * units) as Cents,
    });
  }
  return { ok: true, value: { diagnoses, lines } };
}
