/**
 * `codes lookup` and `codes search` cover CPT/HCPCS numbers and modifiers as well as
 * ICD-10-CM (issue 10). Runs on the official bundles in codesets/build and skips without them
 * (get ../shared/reference and run `npm run -s claimlab -- codesets build`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as lookup } from '../../src/cli/commands/codes-lookup';
import { run as search } from '../../src/cli/commands/codes-search';
import type { Io } from '../../src/cli/io';

const BUILD = join(__dirname, '../../codesets/build');
const has =
  existsSync(join(BUILD, 'manifest.json')) && existsSync(join(BUILD, 'mpfs-2025.json.gz'));
if (!has)
  console.warn(
    '[codes procedures] no official bundles in codesets/build: skipped (run `codesets build`).',
  );

function io() {
  const out: string[] = [];
  const x: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => '' };
  return { io: x, out };
}

describe.skipIf(!has)('codes lookup / search for procedures and modifiers', () => {
  it('a real CPT code without our wording shows its number, PFS status and the list', async () => {
    const t = io();
    expect(await lookup(['27447', '--date', '2025-06-02', '--dir', BUILD], t.io)).toBe(0);
    const text = t.out.join('\n');
    expect(text).toContain('PFS status: A');
    expect(text).toContain('no description shipped');
    expect(text).toContain('valid on 2025-06-02: yes; judged on the CMS PFS CY2025 code list');
  });

  it("a starter CPT code is marked as ClaimLab's own wording", async () => {
    const t = io();
    await lookup(['99213', '--date', '2025-06-02', '--dir', BUILD], t.io);
    expect(t.out.join('\n')).toMatch(/ClaimLab's own wording/);
  });

  it('a HCPCS code before its effective date is not valid, as JSON', async () => {
    const t = io();
    expect(await lookup(['G2211', '--date', '2020-06-01', '--json', '--dir', BUILD], t.io)).toBe(1);
    expect(JSON.parse(t.out[0]!)).toMatchObject({
      code: 'G2211',
      valid: false,
      effective: '2021-01-01',
    });
  });

  it('a modifier is looked up', async () => {
    const t = io();
    expect(await lookup(['25', '--date', '2025-06-02', '--dir', BUILD], t.io)).toBe(0);
    expect(t.out[0]).toMatch(/^25 {2}Significant, separately identifiable/);
  });

  it('a lookup of "modifier 25" looks up the modifier it names (CPT Appendix A)', async () => {
    const t = io();
    expect(await lookup(['modifier 25', '--date', '2025-06-02', '--dir', BUILD], t.io)).toBe(0);
    expect(t.out[0]).toMatch(/^25 {2}Significant, separately identifiable/);
  });

  it('searches code prefixes and procedure descriptions', async () => {
    const t = io();
    await search(['G043', '--date', '2026-03-02', '--json'], t.io);
    const rows = JSON.parse(t.out[0]!) as { code: string; system: string }[];
    expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(['G0438', 'G0439']));
    const w = io();
    await search(
      ['annual wellness visit', '--system', 'procedure', '--date', '2026-03-02', '--json'],
      w.io,
    );
    expect((JSON.parse(w.out[0]!) as { code: string }[]).slice(0, 2).map((r) => r.code)).toEqual([
      'G0438',
      'G0439',
    ]);
  });

  // See: issue 10; CPT Appendix A and the HCPCS Level II modifier list (a query naming a
  // modifier finds it, ahead of ICD-10-CM codes holding the same digits).
  it.each([
    ['modifier 25', '25'],
    ['mod XS', 'XS'],
    ['modifier 59', '59'],
    ['RT modifier', 'RT'],
    ['modifier 50', '50'],
    ['modifier GA', 'GA'],
    ['modifier JZ', 'JZ'],
  ])('"%s" returns modifier %s first', async (q, code) => {
    const t = io();
    await search([q, '--date', '2026-03-02', '--json'], t.io);
    const rows = JSON.parse(t.out[0]!) as { code: string; system: string }[];
    expect(rows[0]).toMatchObject({ code, system: 'modifier' });
  });

  // See: CMS HCPCS Level II file: hearing-aid descriptors abbreviate behind/in the ear (bte/ite).
  it('HCPCS descriptor abbreviations match their words both ways', async () => {
    const top = async (q: string) => {
      const t = io();
      await search([q, '--system', 'procedure', '--date', '2026-03-02', '--json'], t.io);
      return (JSON.parse(t.out[0]!) as { code: string }[]).map((r) => r.code);
    };
    expect((await top('hearing aid binaural behind the ear')).slice(0, 5)).toContain('V5261');
    expect(await top('hearing aid bte')).toContain('V5060'); // "Hearing aid, monaural, behind the ear"
  });
});
