/**
 * Differences between two ICD-10-CM releases: codes added, deleted, revised (long description
 * changed) and codes that became headers (billable before, a header with children now) or
 * billable again. Pure over the IcdRelease interface.
 * See: CDC/NCHS code addenda (the official list of the same changes for consecutive years).
 */
import type { IcdEntry, IcdRelease } from '../catalog';

export interface ReleaseDiff {
  from: string;
  to: string;
  added: IcdEntry[];
  deleted: IcdEntry[];
  revised: { code: string; before: string; after: string }[];
  nowHeader: { code: string; children: string[] }[];
  nowBillable: string[];
}

export function diffReleases(a: IcdRelease, b: IcdRelease): ReleaseDiff {
  const out: ReleaseDiff = {
    from: a.id,
    to: b.id,
    added: [],
    deleted: [],
    revised: [],
    nowHeader: [],
    nowBillable: [],
  };
  const inA = new Map<string, IcdEntry>();
  for (const e of a.entries()) inA.set(e.code, e);
  for (const e of b.entries()) {
    const old = inA.get(e.code);
    if (!old) {
      out.added.push(e);
      continue;
    }
    inA.delete(e.code);
    if (old.long !== e.long) out.revised.push({ code: e.code, before: old.long, after: e.long });
    if (old.billable && !e.billable)
      out.nowHeader.push({ code: e.code, children: b.children(e.code) });
    else if (!old.billable && e.billable) out.nowBillable.push(e.code);
  }
  out.deleted = [...inA.values()];
  return out;
}
