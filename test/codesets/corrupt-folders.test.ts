/**
 * Corrupted reference folders through `codesets build` (every stage: ICD-10-CM, HCPCS, POS, MCE,
 * the fee schedule, the Alphabetic Index, the search indexes). Each must exit 1 with file:line
 * and leave the bundles already built untouched: same bytes, same inodes (nothing renamed over
 * them), no staging folder left behind. Generated from the small fixtures in the official
 * layouts, plus a few truncations of the real files in ../shared/reference (skipped when absent).
 * See: issue 11, "Code-set importers never replace good data with bad".
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as codesets } from '../../src/cli/commands/codesets';
import type { Io } from '../../src/cli/io';
import { fullReferenceCopy } from './fixtures/reference-fixture';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return { io: x, out, err };
}

/** Every file under a folder (folders too, so a leftover staging folder shows) with its bytes' hash and inode. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) {
        out[`${rel}${n}/`] = 'dir';
        walk(p, `${rel}${n}/`);
      } else
        out[rel + n] =
          `${createHash('sha256').update(readFileSync(p)).digest('hex')} ino ${st.ino} mtime ${st.mtimeMs}`;
    }
  };
  walk(dir, '');
  return out;
}

const read = (dir: string, f: string) => readFileSync(join(dir, f));
const text = (dir: string, f: string) => read(dir, f).toString('utf8');
const write = (dir: string, f: string, data: string | Uint8Array) => {
  mkdirSync(dirname(join(dir, f)), { recursive: true });
  writeFileSync(join(dir, f), data);
};
const lines = (dir: string, f: string) => text(dir, f).split('\n');
const utf16 = (s: string, bom: boolean) =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);

const ORDER29 = 'icd10cm/fy2029/icd10cm-order-2029.txt';
const ORDER30 = 'icd10cm/fy2030/icd10cm-order-2030.txt';
const TAB29 = 'icd10cm/fy2029/icd10cm_tabular_2029.xml';
const ADD30 = 'icd10cm/fy2030/icd10cm-codes-addenda-2030.txt';
const HCPCS = 'hcpcs/2030/HCPC2030_ANWEB_fixture.txt';
const POS = 'pos/pos_codes_fixture_2030-01.csv';
const MCE = 'mce/MCE_Simple_Code_Edits_fixture.txt';
const RVU = 'mpfs/2025/PPRRVU2025_Oct_no_descriptors.csv';
const GPCI = 'mpfs/2025/GPCI2025.csv';
const LOCCO = 'mpfs/2025/25LOCCO.csv';
const INDEX = 'icd10cm/fy2030/icd10cm_index_2030.xml';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Case {
  name: string;
  /** The file the error must name, and the line (a number, or any line when omitted). */
  file: string;
  line?: number;
  message?: RegExp;
  mutate: (dir: string) => void;
}

const CASES: Case[] = [
  {
    name: 'an empty order file',
    file: ORDER29,
    line: 1,
    message: /empty/,
    mutate: (d) => write(d, ORDER29, ''),
  },
  {
    name: 'an order file of blank lines',
    file: ORDER29,
    line: 1,
    message: /blank lines/,
    mutate: (d) => write(d, ORDER29, '\r\n\r\n  \r\n'),
  },
  {
    name: 'an order file saved as UTF-16 with a byte-order mark',
    file: ORDER29,
    line: 1,
    message: /UTF-16/,
    mutate: (d) => write(d, ORDER29, utf16(text(d, ORDER29), true)),
  },
  {
    name: 'an order file in UTF-16 without a byte-order mark',
    file: ORDER29,
    line: 1,
    message: /UTF-16/,
    mutate: (d) => write(d, ORDER29, utf16(text(d, ORDER29), false)),
  },
  {
    name: 'an order file with a UTF-8 byte-order mark',
    file: ORDER29,
    line: 1,
    message: /byte-order mark/,
    mutate: (d) =>
      write(d, ORDER29, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), read(d, ORDER29)])),
  },
  {
    name: 'a NUL byte inside the order file',
    file: ORDER29,
    line: 4,
    message: /NUL byte/,
    mutate: (d) => {
      const b = Buffer.from(read(d, ORDER29));
      const at = b.indexOf('00004 ') + 30;
      b[at] = 0;
      write(d, ORDER29, b);
    },
  },
  {
    name: 'a Latin-1 byte where UTF-8 is expected',
    file: ORDER29,
    line: 3,
    message: /0xE9 .* not UTF-8/,
    mutate: (d) => {
      const l = lines(d, ORDER29);
      l[2] = l[2]!.replace('mellitus', 'mellitus\u00e9');
      write(d, ORDER29, Buffer.from(l.join('\n'), 'latin1'));
    },
  },
  {
    name: 'a gzip-compressed order file',
    file: ORDER29,
    line: 1,
    message: /gzip/,
    mutate: (d) => write(d, ORDER29, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2])),
  },
  {
    name: 'an order file cut inside its last line',
    file: ORDER30,
    line: 22,
    message: /cut/,
    mutate: (d) => write(d, ORDER30, text(d, ORDER30).trimEnd().slice(0, -100)),
  },
  {
    name: 'an order file with a line missing',
    file: ORDER30,
    line: 8,
    message: /lines are missing/,
    mutate: (d) =>
      write(
        d,
        ORDER30,
        lines(d, ORDER30)
          .filter((_, i) => i !== 7)
          .join('\n'),
      ),
  },
  {
    name: 'an order file cut after a header',
    file: ORDER30,
    message: /ends with header .* truncated/,
    mutate: (d) => write(d, ORDER30, lines(d, ORDER30).slice(0, 19).join('\n') + '\n'),
  },
  {
    name: 'an order file cut at a line boundary, shorter than its addenda say',
    file: ORDER30,
    message: /states .* truncated/,
    mutate: (d) => write(d, ORDER30, lines(d, ORDER30).slice(0, 21).join('\n') + '\n'),
  },
  {
    name: 'a tabular cut in half',
    file: TAB29,
    message: /truncated/,
    mutate: (d) => write(d, TAB29, text(d, TAB29).slice(0, text(d, TAB29).length >> 1)),
  },
  {
    name: 'a tabular without its closing root element',
    file: TAB29,
    message: /ICD10CM\.tabular.*truncated/,
    mutate: (d) => write(d, TAB29, text(d, TAB29).replace('</ICD10CM.tabular>', '')),
  },
  {
    name: 'a tabular with a second document after its root (two files run together)',
    file: TAB29,
    line: 119,
    message: /second root element/,
    mutate: (d) => write(d, TAB29, text(d, TAB29) + text(d, TAB29)),
  },
  {
    name: 'code addenda saved as UTF-16',
    file: ADD30,
    line: 1,
    message: /UTF-16/,
    mutate: (d) => write(d, ADD30, utf16(text(d, ADD30), true)),
  },
  {
    name: 'an empty HCPCS file',
    file: HCPCS,
    line: 1,
    message: /empty/,
    mutate: (d) => write(d, HCPCS, ''),
  },
  {
    name: 'an HCPCS record cut short',
    file: HCPCS,
    line: 4,
    message: /characters/,
    mutate: (d) => {
      const l = lines(d, HCPCS);
      l[3] = l[3]!.slice(0, 200);
      write(d, HCPCS, l.join('\n'));
    },
  },
  {
    name: 'an HCPCS continuation record cut short',
    file: HCPCS,
    line: 5,
    message: /continuation record is 50 characters/,
    mutate: (d) => {
      const l = lines(d, HCPCS);
      l[4] = l[4]!.slice(0, 50);
      write(d, HCPCS, l.join('\n'));
    },
  },
  {
    name: 'an HCPCS file that stops inside its last record',
    file: HCPCS,
    line: 6,
    message: /no line break/,
    mutate: (d) => write(d, HCPCS, text(d, HCPCS).replace(/ +\n?$/, '')),
  },
  {
    name: 'HCPCS records out of code order',
    file: HCPCS,
    line: 6,
    message: /not in code order/,
    mutate: (d) => {
      const l = lines(d, HCPCS);
      l[5] = l[5]!.replace('G9990', 'A0001');
      write(d, HCPCS, l.join('\n'));
    },
  },
  {
    name: 'binary data under an HCPCS name',
    file: HCPCS,
    message: /NUL byte/,
    mutate: (d) =>
      write(
        d,
        HCPCS,
        Buffer.concat([read(d, HCPCS).subarray(0, 400), Buffer.from([0, 1, 2, 0xff, 0])]),
      ),
  },
  {
    name: 'a place-of-service row cut short',
    file: POS,
    line: 3,
    message: /column\(s\) where the header/,
    mutate: (d) => write(d, POS, text(d, POS).replace(',Facility\n', '\n')),
  },
  {
    name: 'a place-of-service file in Latin-1',
    file: POS,
    line: 2,
    message: /not UTF-8/,
    mutate: (d) =>
      write(d, POS, Buffer.from(text(d, POS).replace('Office', 'Offic\u00e9'), 'latin1')),
  },
  {
    name: 'an MCE row cut in the middle',
    file: MCE,
    line: 6,
    message: /column\(s\) where the header/,
    mutate: (d) => write(d, MCE, text(d, MCE).replace(/\tNoncovered_Always.*\n$/, '\n')),
  },
  {
    name: 'an MCE file cut inside the diagnosis lists',
    file: MCE,
    line: 5,
    message: /ends in section 5/,
    mutate: (d) => write(d, MCE, lines(d, MCE).slice(0, 5).join('\n') + '\n'),
  },
  {
    name: 'an MCE file in UTF-16',
    file: MCE,
    line: 1,
    message: /UTF-16/,
    mutate: (d) => write(d, MCE, utf16(text(d, MCE), true)),
  },
  {
    name: 'an empty RVU file',
    file: 'PPRRVU2025_Oct_no_descriptors.csv',
    line: 1,
    message: /empty/,
    mutate: (d) => write(d, RVU, ''),
  },
  {
    name: 'an RVU row cut in the middle',
    file: 'PPRRVU2025_Oct_no_descriptors.csv',
    line: 12,
    message: /column\(s\) where the header/,
    mutate: (d) => write(d, RVU, text(d, RVU).replace(/(V5364,,N,,0\.00,1\.00).*\r\n$/, '$1\r\n')),
  },
  {
    name: 'an RVU file cut at a line boundary before section V',
    file: 'PPRRVU2025_Oct_no_descriptors.csv',
    line: 11,
    message: /ends at G0008.*truncated/,
    mutate: (d) => write(d, RVU, text(d, RVU).split('\r\n').slice(0, 11).join('\r\n') + '\r\n'),
  },
  // Used to exit 1 with no message at all.
  {
    name: 'an empty GPCI file',
    file: 'GPCI2025.csv',
    line: 1,
    message: /empty/,
    mutate: (d) => write(d, GPCI, ''),
  },
  {
    name: 'a GPCI row cut in the middle',
    file: 'GPCI2025.csv',
    line: 5,
    message: /column\(s\) where the header/,
    mutate: (d) =>
      write(
        d,
        GPCI,
        text(d, GPCI).replace('02102,AK,01,ALASKA*,1.5,1.100,0.600', '02102,AK,01,ALAS'),
      ),
  },
  {
    name: 'a locality-county row cut in the middle',
    file: '25LOCCO.csv',
    line: 5,
    message: /column\(s\) where the header/,
    mutate: (d) => write(d, LOCCO, text(d, LOCCO).replace(',"ALL COUNTIES, BOROUGHS"', '')),
  },
  {
    name: 'an Alphabetic Index cut before its closing root element',
    file: INDEX,
    message: /ICD10CM\.index.*truncated/,
    mutate: (d) => write(d, INDEX, text(d, INDEX).replace('</ICD10CM.index>', '')),
  },
  {
    name: 'an Alphabetic Index in UTF-16',
    file: INDEX,
    line: 1,
    message: /UTF-16/,
    mutate: (d) => write(d, INDEX, utf16(text(d, INDEX), true)),
  },
];

describe('corrupted reference folders leave the bundles as they were', () => {
  let out: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'claimlab-corrupt-out-'));
    const t = io();
    const code = await codesets(['build', '--from', fullReferenceCopy(), '--out', out], t.io);
    if (code !== 0) throw new Error(t.err.join('\n'));
    before = snapshot(out);
  });

  it('the fixture folder builds every stage', () => {
    expect(Object.keys(before).sort()).toEqual([
      'hcpcs-2030.json.gz',
      'icd10cm-fy2029.txt.gz',
      'icd10cm-fy2030.txt.gz',
      'index-FY2030.json.gz',
      'manifest.json',
      'mce.json.gz',
      'mpfs-2025.json.gz',
      'pos.json.gz',
      'search-FY2029.bin.gz',
      'search-FY2030.bin.gz',
    ]);
  });

  it.each(CASES)('$name: exit 1 naming $file:$line', async (c) => {
    const dir = fullReferenceCopy();
    c.mutate(dir);
    const t = io();
    expect(await codesets(['build', '--from', dir, '--out', out], t.io)).toBe(1);
    const err = t.err.join('\n');
    expect(err).toMatch(/nothing written/);
    const where = new RegExp(
      `${esc(c.file)}:${c.line ?? '\\d+'}: [^\\n]*${c.message?.source ?? ''}`,
    );
    expect(err).toMatch(where);
    expect(snapshot(out)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts at least 25 corrupted folders', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });
});

describe('a release that shrinks or disappears needs --allow-shrink', () => {
  it('refuses to drop a release, then drops it when told', async () => {
    const out = mkdtempSync(join(tmpdir(), 'claimlab-shrink-'));
    expect(await codesets(['build', '--from', fullReferenceCopy(), '--out', out], io().io)).toBe(0);
    const before = snapshot(out);
    const dir = fullReferenceCopy();
    rmSync(join(dir, 'icd10cm', 'fy2029'), { recursive: true });
    const t = io();
    expect(await codesets(['build', '--from', dir, '--out', out], t.io)).toBe(1);
    expect(t.err.join('\n')).toMatch(
      /ICD-10-CM FY2029 \(20 codes, icd10cm-fy2029\.txt\.gz\) is not in this build.*--allow-shrink/,
    );
    expect(snapshot(out)).toEqual(before);
    expect(await codesets(['build', '--from', dir, '--out', out, '--allow-shrink'], io().io)).toBe(
      0,
    );
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(
      m.bundles
        .filter((b: { kind: string }) => b.kind === 'icd10cm')
        .map((b: { id: string }) => b.id),
    ).toEqual(['FY2030']);
  });

  it('refuses an HCPCS file with a third of its codes gone, naming the file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'claimlab-shrink-'));
    expect(await codesets(['build', '--from', fullReferenceCopy(), '--out', out], io().io)).toBe(0);
    const before = snapshot(out);
    const dir = fullReferenceCopy();
    write(dir, HCPCS, lines(dir, HCPCS).slice(0, 5).join('\n') + '\n');
    const t = io();
    expect(await codesets(['build', '--from', dir, '--out', out], t.io)).toBe(1);
    expect(t.err.join('\n')).toMatch(
      /HCPC2030_ANWEB_fixture\.txt: HCPCS 2030 would go from 3 to 2 \(−33\.3%\)/,
    );
    expect(snapshot(out)).toEqual(before);
    expect(await codesets(['build', '--from', dir, '--out', out, '--allow-shrink'], io().io)).toBe(
      0,
    );
  });
});

describe('bundles depend on their inputs only', () => {
  it('two builds from copies in different folders give the same bytes, with no folder names inside', async () => {
    const outs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'claimlab-det-')));
    const refs = [fullReferenceCopy(), fullReferenceCopy()];
    for (const i of [0, 1])
      expect(await codesets(['build', '--from', refs[i]!, '--out', outs[i]!], io().io)).toBe(0);
    const files = readdirSync(outs[0]!).sort();
    expect(readdirSync(outs[1]!).sort()).toEqual(files);
    for (const f of files) {
      const a = read(outs[0]!, f);
      expect(read(outs[1]!, f).equals(a), f).toBe(true);
      const plain = f.endsWith('.gz') ? gunzipSync(a).toString('latin1') : a.toString('latin1');
      for (const p of [...refs, ...outs, tmpdir()])
        expect(plain.includes(p), `${f} holds ${p}`).toBe(false);
    }
    // The index bundle keeps its irregular entry's warning, named relative to the reference folder.
    expect(gunzipSync(read(outs[0]!, 'index-FY2030.json.gz')).toString()).toContain(
      '"path":"icd10cm/fy2030/icd10cm_index_2030.xml:12"',
    );
  });
});

// A few truncations of the real files (slower: they parse megabytes).
const REAL = '../shared/reference';
const real = (f: string) => join(REAL, f);
const hasReal = existsSync(real('icd10cm/fy2026/icd10cm-order-2026.txt'));

describe.skipIf(!hasReal)('truncated real files (../shared/reference)', () => {
  let out: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'claimlab-real-out-'));
    expect(await codesets(['build', '--from', fullReferenceCopy(), '--out', out], io().io)).toBe(0);
    before = snapshot(out);
  });
  const cutLines = (f: string, n: number, eol = '\r\n') =>
    readFileSync(real(f), 'latin1').split(eol).slice(0, n).join(eol) + eol;
  const REAL_CASES: Case[] = [
    {
      // The case: 60,000 codes built instead of 98,186, exit 0.
      name: 'the FY2026 order file cut at line 60,000',
      file: 'icd10cm/fy2026/icd10cm-order-2026.txt',
      line: 60000,
      message: /ends at .* before chapters 21–22/,
      mutate: (d) =>
        write(
          d,
          'icd10cm/fy2026/icd10cm-order-2026.txt',
          cutLines('icd10cm/fy2026/icd10cm-order-2026.txt', 60000),
        ),
    },
    {
      name: 'the FY2026 order file missing its last two codes, against its addenda',
      file: 'icd10cm/fy2026/icd10cm-order-2026.txt',
      message: /74719 billable codes in icd10cm_order_2026\.txt/,
      mutate: (d) => {
        write(
          d,
          'icd10cm/fy2026/icd10cm-order-2026.txt',
          cutLines('icd10cm/fy2026/icd10cm-order-2026.txt', 98184),
        );
        write(
          d,
          'icd10cm/fy2026/icd10cm-codes-addenda-2026.txt',
          readFileSync(real('icd10cm/fy2026/icd10cm-codes-addenda-2026.txt')),
        );
      },
    },
    {
      name: 'the FY2026 order file cut inside its last title',
      file: 'icd10cm/fy2026/icd10cm-order-2026.txt',
      line: 98186,
      message: /no line break/,
      mutate: (d) =>
        write(
          d,
          'icd10cm/fy2026/icd10cm-order-2026.txt',
          readFileSync(real('icd10cm/fy2026/icd10cm-order-2026.txt'), 'latin1')
            .trimEnd()
            .slice(0, -10),
        ),
    },
    {
      name: 'the HCPCS 2026 file cut at line 9,000',
      file: 'hcpcs/2026/HCPC2026_JAN_ANWEB_01122026.txt',
      line: 9000,
      message: /before section V/,
      mutate: (d) =>
        write(
          d,
          'hcpcs/2026/HCPC2026_JAN_ANWEB_01122026.txt',
          cutLines('hcpcs/2026/HCPC2026_JAN_ANWEB_01122026.txt', 9000),
        ),
    },
    {
      name: 'the MCE v37 file cut at line 5,000',
      file: MCE,
      line: 5000,
      message: /ends in section 5/,
      mutate: (d) =>
        write(d, MCE, cutLines('mce/MCE_Simple_Code_Edits_v37_FY2020.txt', 5000, '\n')),
    },
    {
      name: 'the RVU file cut at line 10,000',
      file: 'PPRRVU2025_Oct_no_descriptors.csv',
      line: 10000,
      message: /before section V/,
      mutate: (d) => write(d, RVU, cutLines('mpfs/2025/PPRRVU2025_Oct_no_descriptors.csv', 10000)),
    },
  ];
  it.each(REAL_CASES)('$name: exit 1 naming $file:$line', async (c) => {
    const dir = fullReferenceCopy();
    c.mutate(dir);
    const t = io();
    expect(await codesets(['build', '--from', dir, '--out', out], t.io)).toBe(1);
    const where = new RegExp(
      `${esc(c.file)}:${c.line ?? '\\d+'}: [^\\n]*${c.message?.source ?? ''}`,
    );
    expect(t.err.join('\n')).toMatch(where);
    expect(snapshot(out)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
