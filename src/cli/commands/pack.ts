/**
 * `claimlab pack validate <dir|file> [--json]` and `claimlab pack diff <a> <b> [--json]`.
 * validate: every problem at once, `file: path: message` per line on stdout (or one JSON
 * object), exit 1 when there is any, 0 when clean. The catalog, NCCI edits, fees and global
 * days are assembled exactly as `check` and `adjudicate` do (official bundles when built in
 * codesets/build, else the starter set: the output says which).
 * diff: added/removed/changed codes, rules, payers, policies, cases, templates and questions,
 * each with the changelog entry that explains it.
 * See: scenarios/README.md (the authoring guide), issue 12.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadMpfsBundle } from '../../codesets/mpfs/bundle';
import { curatedNcci } from '../../codesets/ncci/curated';
import type { AddOnRule } from '../../domain/edits/add-on-rules';
import { cliNcci } from './payer-service';
import { globalDaysFrom } from '../../domain/edits/global-days';
import { starterFees, starterPayers } from '../../services/shipped';
import { answerKeyRunner } from '../../scenarios/answer-keys';
import { diffPacks, type PackDiff } from '../../scenarios/diff';
import { readPackPath } from '../../scenarios/format/read-node';
import type { PackV2 } from '../../scenarios/format/v2';
import {
  validatePackV2,
  type PackCheckContext,
  type PackReport,
} from '../../scenarios/validate-pack';
import { compareVersions } from '../../scenarios/versions';
import { CliError, parseArgs, type Io } from '../io';
import { loadCatalog } from './check';

const USAGE = 'usage: pack validate <dir|file> [--json] | pack diff <a> <b> [--json]';

/** NCCI and add-on rules: the bundles of codesets build over the curated set, as `check` uses. */
function nciOf(io: Io): Pick<PackCheckContext, 'ncci'> & { addOns?: readonly AddOnRule[] } {
  const b = cliNcci(io);
  return b ? { ncci: b.ncci, addOns: b.addOns } : { ncci: curatedNcci() };
}

export async function packContext(io: Io): Promise<Omit<PackCheckContext, 'dependencies'>> {
  const mpfs = loadMpfsBundle();
  if (!mpfs.ok)
    for (const e of mpfs.errors)
      io.err(`claimlab: ${e.path}: ${e.message}; using the pack fee table`);
  const fees = starterFees(mpfs.ok ? (mpfs.value ?? undefined) : undefined);
  const medicare = starterPayers().get('medicare');
  return {
    catalog: await loadCatalog(io),
    ...nciOf(io),
    fees,
    globalDays: globalDaysFrom(fees),
    builtinPayers: new Map(medicare ? [['medicare', medicare]] : []),
    answerKeys: answerKeyRunner,
  };
}

/**
 * A pack folder under one of `roots` whose pack.json has this id (that version, else the newest):
 * versioned folders (`payer-rules-v1`, `payer-rules-v2`) are not named after their id.
 */
function packFolderById(roots: string[], id: string, version?: string): string | undefined {
  const found: { dir: string; version: string }[] = [];
  for (const root of new Set(roots)) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const file = join(root, name, 'pack.json');
      if (!existsSync(file)) continue;
      try {
        const m = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown; version?: unknown };
        if (m.id === id && typeof m.version === 'string')
          found.push({ dir: join(root, name), version: m.version });
      } catch {
        // an unreadable manifest is reported when that pack itself is validated
      }
    }
  }
  if (version !== undefined) return found.find((f) => f.version === version)?.dir;
  return found.sort((a, b) => compareVersions(b.version, a.version))[0]?.dir;
}

/**
 * Validates the pack at `path`, with its declared dependencies looked up by id beside it
 * (`<parent>/<id>`), in `scenarios/<id>`, then by the id in the pack.json of each folder there
 * (one level: a dependency's own dependencies are not followed).
 */
export function validatePath(
  path: string,
  ctx: Omit<PackCheckContext, 'dependencies'>,
): PackReport {
  const a = readPackPath(path);
  const deps: PackV2[] = [];
  const depProblems: PackReport['problems'] = [];
  const raw = a.raw as { dependencies?: unknown } | undefined;
  if (raw && Array.isArray(raw.dependencies))
    raw.dependencies.forEach((d: unknown, i: number) => {
      const id = d && typeof d === 'object' ? (d as { id?: unknown }).id : undefined;
      if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) return;
      const want0 = (d as { version?: unknown }).version;
      const where =
        [join(dirname(path.replace(/\/+$/, '')), id), join('scenarios', id)].find((p) =>
          existsSync(join(p, 'pack.json')),
        ) ??
        packFolderById(
          [dirname(path.replace(/\/+$/, '')), 'scenarios'],
          id,
          typeof want0 === 'string' ? want0 : undefined,
        );
      if (!where) {
        depProblems.push({
          path: `${a.manifestFile}: dependencies[${i}].id`,
          message: `no pack ${id} beside this pack or in scenarios/`,
        });
        return;
      }
      const r = validatePackV2(readPackPath(where), ctx);
      const want = (d as { version?: unknown }).version;
      if (r.pack && typeof want === 'string' && r.pack.version !== want)
        depProblems.push({
          path: `${a.manifestFile}: dependencies[${i}].version`,
          message: `needs ${id} ${want}, but ${where} is version ${r.pack.version}`,
        });
      if (r.pack) deps.push(r.pack);
      else
        depProblems.push({
          path: `${a.manifestFile}: dependencies[${i}]`,
          message: `${where} does not load: ${r.problems[0]?.path}: ${r.problems[0]?.message}`,
        });
    });
  const r = validatePackV2(a, { ...ctx, dependencies: deps });
  r.problems.unshift(...depProblems);
  return { ...r, ok: r.ok && depProblems.length === 0 };
}

export async function run(args: string[], io: Io): Promise<number> {
  const { flags, positional } = parseArgs(args, []);
  const [sub, ...paths] = positional;
  const json = flags.get('json') === true;
  if (sub === 'validate') {
    if (paths.length !== 1) throw new CliError(USAGE);
    const r = validatePath(paths[0]!, await packContext(io));
    if (json)
      io.out(
        JSON.stringify({
          pack: paths[0],
          ok: r.ok,
          catalog: r.catalog,
          migratedFrom: r.migratedFrom,
          problems: r.problems,
        }),
      );
    else {
      for (const p of r.problems) io.out(`${p.path}: ${p.message}`);
      io.err(
        `claimlab pack validate: ${paths[0]}: ${r.ok ? 'valid' : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`}` +
          `${r.migratedFrom !== null && r.migratedFrom < 2 ? ` (read as format ${r.migratedFrom} through the migrations)` : ''}; codes checked against ${r.catalog}`,
      );
    }
    return r.ok ? 0 : 1;
  }
  if (sub === 'diff') {
    if (paths.length !== 2) throw new CliError(USAGE);
    const ctx = await packContext(io);
    const [a, b] = paths.map((p) => validatePath(p, ctx)) as [PackReport, PackReport];
    for (const [r, p] of [
      [a, paths[0]],
      [b, paths[1]],
    ] as const)
      if (!r.pack)
        throw new CliError(
          `cannot diff: ${p} does not load:\n  ${r.problems
            .slice(0, 20)
            .map((e) => `${e.path}: ${e.message}`)
            .join('\n  ')}`,
          1,
        );
    const d = diffPacks(a.pack!, b.pack!);
    if (json) io.out(JSON.stringify(d));
    else printDiff(d, io);
    return 0;
  }
  throw new CliError(USAGE);
}

function printDiff(d: PackDiff, io: Io) {
  io.out(
    `${d.from.id} ${d.from.version} -> ${d.to.id} ${d.to.version}: ${d.summary.added} added, ${d.summary.removed} removed, ${d.summary.changed} changed`,
  );
  for (const i of d.items) {
    const sign = i.change === 'added' ? '+' : i.change === 'removed' ? '-' : '~';
    io.out(`${sign} ${i.ref}${i.fields?.length ? ` (${i.fields.join(', ')})` : ''}`);
    if (i.kind === 'fee' || i.kind === 'drug' || (i.kind === 'payer' && i.change === 'changed'))
      io.out(`    ${i.before === undefined ? '' : `${short(i.before)} -> `}${short(i.after)}`);
    if (!i.explainedBy.length) io.out('    (no changelog entry names this change)');
    for (const e of i.explainedBy)
      io.out(`    ${e.version} ${e.date}: ${e.what} Why: ${e.why} [${e.reference}]`);
  }
}

/** A value on one line for the text output (long ones cut). */
function short(v: unknown): string {
  const t = v === undefined ? '(none)' : JSON.stringify(v);
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}
