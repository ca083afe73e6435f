/**
 * Every pack folder in scenarios/ passes the full `pack validate`: structure, every code against
 * its case's date of service in the official code sets, NPIs, references, and each answer key
 * run through the scrubber and the payer as its `expected` says (issue 12: "a test runs
 * `pack validate` on every shipped pack"). The folders are listed when the test runs, so a new
 * content pack is covered as soon as it is merged. Also checks that the packs load together
 * (several versions of one id side by side, each (id, version) once) as the app loads them.
 * See: STYLE.md (Synthea: one test validates every shipped module).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packContext, validatePath } from '../../src/cli/commands/pack';
import type { Io } from '../../src/cli/io';
import { loadAllPacks } from '../../src/scenarios/load-node';
import type { PackCheckContext } from '../../src/scenarios/validate-pack';

const ROOT = 'scenarios';
const BUILD = 'codesets/build';
const hasBundles = existsSync(join(BUILD, 'manifest.json'));
if (!hasBundles)
  console.warn(
    '[shipped packs] codesets/build has no official bundles: the full pack validation is skipped (the code look-ups need the official code sets). Get the files listed in ../shared/reference/README.md and run `npm run -s claimlab -- codesets build`.',
  );

const folders = readdirSync(ROOT)
  .filter((n) => statSync(join(ROOT, n)).isDirectory())
  .sort();

describe('shipped packs', () => {
  it('finds the pack folders of scenarios/', () => {
    expect(folders).toContain('starter');
    for (const f of folders) expect(existsSync(join(ROOT, f, 'pack.json')), f).toBe(true);
  });

  it('load together as the app loads them: no problem, each (id, version) once', () => {
    const { packs, errors } = loadAllPacks(ROOT);
    expect(errors).toEqual([]);
    expect(packs).toHaveLength(folders.length);
  });
});

describe.skipIf(!hasBundles)('pack validate on every shipped pack (official code sets)', () => {
  let ctx: Omit<PackCheckContext, 'dependencies'>;
  const notes: string[] = [];
  beforeAll(async () => {
    const io: Io = { out: () => {}, err: (l) => notes.push(l), readStdin: async () => '' };
    ctx = await packContext(io);
  });
  for (const folder of folders)
    it(`${ROOT}/${folder} validates clean, answer keys included`, () => {
      const r = validatePath(join(ROOT, folder), ctx);
      expect(r.catalog, notes.join('\n')).toMatch(/official/i);
      expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
      expect(r.ok).toBe(true);
    });
});
