/** `codes diff <from> <to> [--json]`: added, deleted, revised and now-header codes between two releases. */
import { icdDisplay } from '../../domain/codes/code';
import { diffReleases } from '../../domain/codes/release/diff';
import { loadNodeCatalog } from '../../codesets/load-node';
import { CliError, parseArgs, type Io } from '../io';
import { pickRelease } from './codes-lookup';

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(args, ['dir']);
  const [a, b] = positional;
  if (!a || !b)
    throw new CliError('usage: codes diff <from> <to> [--json]   (releases such as FY2021 FY2026)');
  const dir = flags.get('dir');
  const cat = await loadNodeCatalog(typeof dir === 'string' ? { dir } : {});
  const d = diffReleases(pickRelease(cat, undefined, a), pickRelease(cat, undefined, b));
  if (flags.has('json')) {
    io.out(
      JSON.stringify({
        from: d.from,
        to: d.to,
        added: d.added.map((e) => ({
          code: icdDisplay(e.code),
          billable: e.billable,
          display: e.long,
        })),
        deleted: d.deleted.map((e) => ({
          code: icdDisplay(e.code),
          billable: e.billable,
          display: e.long,
        })),
        revised: d.revised.map((r) => ({ ...r, code: icdDisplay(r.code) })),
        nowHeader: d.nowHeader.map((h) => ({
          code: icdDisplay(h.code),
          children: h.children.map(icdDisplay),
        })),
        nowBillable: d.nowBillable.map(icdDisplay),
      }),
    );
    return 0;
  }
  io.out(
    `${d.from} -> ${d.to}: ${d.added.length} added, ${d.deleted.length} deleted, ${d.revised.length} revised, ${d.nowHeader.length} now headers, ${d.nowBillable.length} now billable`,
  );
  for (const e of d.added)
    io.out(`+ ${icdDisplay(e.code)}${e.billable ? '' : ' (header)'}  ${e.long}`);
  for (const e of d.deleted)
    io.out(`- ${icdDisplay(e.code)}${e.billable ? '' : ' (header)'}  ${e.long}`);
  for (const r of d.revised) io.out(`~ ${icdDisplay(r.code)}  "${r.before}" -> "${r.after}"`);
  for (const h of d.nowHeader)
    io.out(`^ ${icdDisplay(h.code)} now a header: ${h.children.map(icdDisplay).join(', ')}`);
  for (const c of d.nowBillable) io.out(`v ${icdDisplay(c)} now billable`);
  return 0;
}
