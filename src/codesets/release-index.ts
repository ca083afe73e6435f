/**
 * An in-memory ICD-10-CM release over a list of entries: parent/child links by longest
 * existing prefix, 7th-character rules by the code or its nearest ancestor that defines one.
 * Shared by the starter set and (optionally) by bundle loaders.
 */
import type { IcdEntry, IcdNote, IcdRelease, SeventhCharacterRule } from '../domain/codes/catalog';
import { icdKey } from '../domain/codes/code';

export interface ReleaseInit {
  id: string;
  from: string;
  to: string;
  origin: 'starter' | 'official';
  notesRelease: string | null;
  entries: IcdEntry[];
  /** Dotless code -> 7th-character meanings defined at that code. */
  seventh?: Record<string, Record<string, string>>;
  seventhSource?: string;
  notes?: Map<string, IcdNote[]>;
}

export function makeRelease(init: ReleaseInit): IcdRelease {
  const byCode = new Map<string, IcdEntry>();
  for (const e of init.entries) byCode.set(e.code, e);
  const parentOf = new Map<string, string>();
  const childrenOf = new Map<string, string[]>();
  for (const e of init.entries) {
    for (let n = e.code.length - 1; n >= 3; n--) {
      const p = e.code.slice(0, n);
      if (byCode.has(p)) {
        parentOf.set(e.code, p);
        const list = childrenOf.get(p);
        if (list) list.push(e.code);
        else childrenOf.set(p, [e.code]);
        break;
      }
    }
  }
  const seventhAt = init.seventh ?? {};
  const notes = init.notes ?? new Map<string, IcdNote[]>();
  return {
    id: init.id,
    from: init.from,
    to: init.to,
    origin: init.origin,
    notesRelease: init.notesRelease,
    size: () => byCode.size,
    get: (code) => byCode.get(icdKey(code)),
    children: (code) => childrenOf.get(icdKey(code)) ?? [],
    parent: (code) => {
      const k = icdKey(code);
      if (byCode.has(k)) return parentOf.get(k);
      for (let n = k.length - 1; n >= 3; n--) if (byCode.has(k.slice(0, n))) return k.slice(0, n);
      return undefined;
    },
    seventh: (code): SeventhCharacterRule | undefined => {
      const k = icdKey(code);
      for (let n = Math.min(k.length, 6); n >= 3; n--) {
        const at = k.slice(0, n);
        const chars = seventhAt[at];
        if (chars)
          return { characters: chars, definedAt: at, source: init.seventhSource ?? init.id };
      }
      return undefined;
    },
    notes: (code) => {
      const k = icdKey(code);
      const out: IcdNote[] = [];
      for (let n = k.length; n >= 3; n--) out.push(...(notes.get(k.slice(0, n)) ?? []));
      return out;
    },
    entries: () => byCode.values(),
  };
}
