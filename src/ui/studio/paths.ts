/** Where the studio is: `#/studio/<slot>/<part>/<index>` (each part optional). */
import { EDITABLE_PARTS, type EditablePart } from '../../state/studio-kit';

export interface StudioPath {
  slot?: string;
  part?: EditablePart;
  index?: number;
}

export function parseStudioPath(hash: string): StudioPath {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'studio') return {};
  let slot: string | undefined;
  try {
    slot = parts[1] ? decodeURIComponent(parts[1]) : undefined;
  } catch {
    slot = undefined;
  }
  const part = (EDITABLE_PARTS as readonly string[]).includes(parts[2] ?? '')
    ? (parts[2] as EditablePart)
    : undefined;
  const n = Number(parts[3]);
  return { slot, part, index: part && Number.isInteger(n) && n >= 0 ? n : undefined };
}

export const studioHref = (slot?: string, part?: EditablePart, index?: number) =>
  `#/studio${slot ? `/${encodeURIComponent(slot)}` : ''}${part ? `/${part}` : ''}${part && index !== undefined ? `/${index}` : ''}`;
