import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildToFolder } from '../../src/codesets/build-node';
import { run as lookup } from '../../src/cli/commands/codes-lookup';
import { run as diff } from '../../src/cli/commands/codes-diff';
import { run as codesets } from '../../src/cli/commands/codesets';
import { referenceCopy } from './fixtures/reference-fixture';
import { captureIo } from '../support/cli-io';

const REF = referenceCopy();

const io = captureIo;

describe('codes lookup / codes diff / codesets build on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimlab-cli-'));
    const r = buildToFolder(REF, dir);
    if (!r.ok) throw new Error('fixture build failed');
  });

  it('looks a code up for a date of service, as JSON', async () => {
    const t = io();
    expect(await lookup(['W21.89A', '--date', '2030-01-15', '--json', '--dir', dir], t.io)).toBe(1);
    const r = JSON.parse(t.out[0]!);
    expect(r).toMatchObject({
      code: 'W21.89A',
      release: 'FY2030',
      exists: false,
      check: { kind: 'placeholder-missing', suggestion: 'W21.89XA' },
    });
  });

  it('prints the release, the 7th-character rule and notes with their source year', async () => {
    const t = io();
    expect(await lookup(['w2189xa', '--date', '2030-01-15', '--dir', dir], t.io)).toBe(0);
    expect(t.out).toContain('release: FY2030 (2029-10-01 to 2030-09-30, official)');
    expect(t.out.join('\n')).toMatch(
      /7th character \(defined at W21, from FY2029\): A initial encounter; D subsequent encounter; S sequela/,
    );
    expect(t.out.join('\n')).toMatch(
      /excludes1 \[W21, FY2029\]: assault with sports equipment \(Y08\.0-\)/,
    );
  });

  it('fails clearly for a date no release covers', async () => {
    await expect(lookup(['E11.9', '--date', '2027-01-01', '--dir', dir], io().io)).rejects.toThrow(
      /no loaded ICD-10-CM release covers 2027-01-01/,
    );
  });

  it('diffs two releases', async () => {
    const t = io();
    expect(await diff(['FY2029', 'FY2030', '--dir', dir], t.io)).toBe(0);
    expect(t.out[0]).toBe(
      'FY2029 -> FY2030: 3 added, 1 deleted, 1 revised, 1 now headers, 0 now billable',
    );
    expect(t.out).toContain('^ E11.44 now a header: E11.440, E11.449');
    const j = io();
    await diff(['FY2029', 'FY2030', '--json', '--dir', dir], j.io);
    expect(JSON.parse(j.out[0]!).added.map((a: { code: string }) => a.code)).toEqual([
      'E11.440',
      'E11.449',
      'E11.A',
    ]);
  });

  it('codesets build prints counts per release, and errors name file:line', async () => {
    const t = io();
    expect(
      await codesets(
        ['build', '--from', REF, '--out', mkdtempSync(join(tmpdir(), 'claimlab-cli-b-'))],
        t.io,
      ),
    ).toBe(0);
    expect(t.out[0]).toMatch(
      /^ICD-10-CM FY2029 \(2028-10-01 to 2029-09-30\): 20 codes, 10 billable, 9 notes .* Excludes1 references parsed 4\/4 = 100\.00%/,
    );
    const bad = io();
    expect(
      await codesets(['build', '--from', join(REF, 'nowhere')], bad.io).catch(
        (e: Error) => e.message,
      ),
    ).toMatch(/not found/);
  });
});
