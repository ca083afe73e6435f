/**
 * The trainee's coding draft: what the workspace form holds, exactly as entered (units and
 * charges stay text so a half-typed value is never lost). Pure functions only; the lifecycle
 * machine applies them on `dx.*` and `line.*` events. Pointers follow their diagnosis when the
 * list is reordered or shortened, as a biller expects on a CMS-1500 (item 24E points at item 21).
 * See: NUCC 1500 Claim Form Reference Instruction Manual, items 21 and 24E.
 */
import { icdDisplay } from '../domain/codes/code';

export const MAX_DIAGNOSES = 12;
export const MAX_MODIFIERS = 4;
export const MAX_POINTERS = 4;

export interface DraftLine {
  code: string;
  /** Always four slots ('' when empty) so each modifier box keeps its position. */
  modifiers: string[];
  units: string;
  /** 1-based pointers into draft.diagnoses. */
  dxPointers: number[];
  charge: string;
}

export interface Draft {
  diagnoses: string[];
  lines: DraftLine[];
}

export const emptyDraft = (): Draft => ({ diagnoses: [], lines: [] });

export const emptyLine = (): DraftLine => ({
  code: '',
  modifiers: ['', '', '', ''],
  units: '1',
  dxPointers: [],
  charge: '',
});

export function addDiagnosis(d: Draft, raw: string): Draft {
  const code = icdDisplay(raw);
  if (!code || d.diagnoses.includes(code) || d.diagnoses.length >= MAX_DIAGNOSES) return d;
  return { ...d, diagnoses: [...d.diagnoses, code] };
}

/** Removes a diagnosis; pointers to it are dropped and later pointers shift down by one. */
export function removeDiagnosis(d: Draft, index: number): Draft {
  if (index < 0 || index >= d.diagnoses.length) return d;
  const removed = index + 1;
  return {
    diagnoses: d.diagnoses.filter((_, i) => i !== index),
    lines: d.lines.map((l) => ({
      ...l,
      dxPointers: l.dxPointers.filter((p) => p !== removed).map((p) => (p > removed ? p - 1 : p)),
    })),
  };
}

/** Moves a diagnosis up (-1) or down (+1); pointers keep pointing at the same codes. */
export function moveDiagnosis(d: Draft, index: number, by: -1 | 1): Draft {
  const to = index + by;
  if (index < 0 || index >= d.diagnoses.length || to < 0 || to >= d.diagnoses.length) return d;
  const dx = [...d.diagnoses];
  const a = dx[index] as string;
  dx[index] = dx[to] as string;
  dx[to] = a;
  const swap = (p: number) => (p === index + 1 ? to + 1 : p === to + 1 ? index + 1 : p);
  return {
    diagnoses: dx,
    lines: d.lines.map((l) => ({ ...l, dxPointers: l.dxPointers.map(swap) })),
  };
}

export function addLine(d: Draft, line: Partial<DraftLine> = {}): Draft {
  return { ...d, lines: [...d.lines, { ...emptyLine(), ...line }] };
}

export function removeLine(d: Draft, index: number): Draft {
  if (index < 0 || index >= d.lines.length) return d;
  return { ...d, lines: d.lines.filter((_, i) => i !== index) };
}

export function updateLine(d: Draft, index: number, patch: Partial<DraftLine>): Draft {
  if (index < 0 || index >= d.lines.length) return d;
  return {
    ...d,
    lines: d.lines.map((l, i) => {
      if (i !== index) return l;
      const next = { ...l, ...patch };
      const mods = [...next.modifiers.slice(0, MAX_MODIFIERS)];
      while (mods.length < MAX_MODIFIERS) mods.push('');
      next.modifiers = mods;
      next.dxPointers = next.dxPointers.slice(0, MAX_POINTERS);
      return next;
    }),
  };
}

/** Toggles one pointer on a line, keeping the order in which they were chosen (first = primary). */
export function togglePointer(d: Draft, index: number, pointer: number): Draft {
  const line = d.lines[index];
  if (!line || pointer < 1 || pointer > d.diagnoses.length) return d;
  const has = line.dxPointers.includes(pointer);
  if (!has && line.dxPointers.length >= MAX_POINTERS) return d;
  const dxPointers = has
    ? line.dxPointers.filter((p) => p !== pointer)
    : [...line.dxPointers, pointer];
  return updateLine(d, index, { dxPointers });
}
