/**
 * Issue 11 ("the command line takes any batch"): a large JSON Lines file is checked and
 * adjudicated on a worker thread with a bounded heap (src/cli/parallel.ts). The public contract
 * is the in-process one, byte for byte: the compiled CLI on a worker prints exactly what `main`
 * prints in process for the same few thousand varied claims (bad JSON, blank lines, a BOM,
 * CRLF, an oversized record, claims over the 837P limits, unknown payers, wrong types,
 * replacements and voids of earlier claims, repeat members), in input order, with the same
 * messages and exit codes when setting up fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { mayCrossMembers } from '../../src/cli/sharded';
import type { Io } from '../../src/cli/io';
import { rng } from '../../src/domain/random/seeded';

const CODES = ['99213', '99214', '99212', '20610', '11055', '36415', '83036', '80061', '93000'];
const PAYERS = ['medicare', 'medicare', 'commercial-ppo', 'medicaid', 'no-such-payer'];
const DX = ['E11.9', 'I10', 'J20.9', 'S52.501A', 'Z00.00', 'E11', 'R05.9'];

/** `n` varied records as JSON Lines, seeded: mostly claims, some deliberately broken. */
function variedJsonl(n: number, seed: number, corrections = true): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.01) {
      rows.push('{"claimId": "cut-' + i); // not JSON
      continue;
    }
    if (roll < 0.02) {
      rows.push(i % 2 ? '' : '   '); // blank lines make no record
      continue;
    }
    if (roll < 0.03) {
      rows.push(JSON.stringify(pick([42, 'text', null, [], { claimId: 7 }, { lines: 'x' }])));
      continue;
    }
    const nLines = roll < 0.04 ? 51 + Math.floor(r() * 20) : 1 + Math.floor(r() * 4);
    const lines = Array.from({ length: nLines }, () => ({
      code: pick(CODES),
      modifiers: r() < 0.2 ? ['25'] : r() < 0.05 ? ['59', 'XX'] : [],
      units: r() < 0.05 ? 0 : 1 + Math.floor(r() * 2),
      dxPointers: r() < 0.03 ? [true] : [1, 2],
      charge: r() < 0.03 ? 12.345 : `${10 + Math.floor(r() * 300)}.00`,
    }));
    const member = `M${Math.floor(r() * (n / 4))}`; // members with several claims
    const replaces = corrections && i > 10 && r() < 0.05;
    const claim: Record<string, unknown> = {
      claimId: `V${i}`,
      payerId: pick(PAYERS),
      frequency: replaces ? pick(['7', '8']) : '1',
      ...(replaces ? { originalClaimId: `V${Math.floor(r() * i)}` } : {}),
      patient: {
        sex: r() < 0.5 ? 'F' : 'M',
        birthDate: r() < 0.02 ? '2030-01-01' : '1954-07-04',
        memberId: r() < 0.02 ? '  ' : member,
      },
      provider: { npi: r() < 0.02 ? '123' : '1234567893', pos: '11', locality: '10112-00' },
      serviceDate: pick(['2026-03-02', '2026-03-03', '2025-12-30', '2026-02-30']),
      submissionDate: '2026-03-05',
      diagnoses: r() < 0.03 ? Array.from({ length: 13 }, () => 'I10') : [pick(DX), pick(DX)],
      lines,
    };
    rows.push(JSON.stringify(claim));
  }
  // One record over the 1 MiB limit of a line, in the middle.
  rows.splice(
    Math.floor(n / 2),
    0,
    JSON.stringify({ claimId: 'huge', pad: 'x'.repeat(1_100_000) }),
  );
  // A byte-order mark on the first line and CRLF line ends.
  return '\uFEFF' + rows.join('\r\n') + '\n';
}

function inProcess(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return main(args, io).then((code) => ({
    code,
    stdout: out.map((l) => l + '\n').join(''),
    stderr: err.map((l) => l + '\n').join(''),
  }));
}

/**
 * The compiled CLI (the package bin), on a worker even for a small file (`threads` 1), on two
 * (2: src/cli/sharded.ts) or on none (0).
 */
function compiled(args: string[], threads: 0 | 1 | 2) {
  const r = spawnSync(process.execPath, ['scripts/claimlab.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CLAIMLAB_THREADS: String(threads), CLAIMLAB_PARALLEL_MIN_BYTES: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'claimlab-parallel-'));
const file = join(dir, 'varied.jsonl');
writeFileSync(file, variedJsonl(3000, 11));
// No replacements or voids: adjudicate shards it by member on two workers (the other file
// names originals, so two threads fall back to one worker that sees every claim).
const plain = join(dir, 'plain.jsonl');
writeFileSync(plain, variedJsonl(3000, 12, false));

describe('check and adjudicate on worker threads print what the in-process path prints', () => {
  for (const [cmd, input] of [
    ['check', file],
    ['adjudicate', file],
    ['adjudicate', plain],
  ] as const) {
    it(`${cmd} ${input === plain ? '(no corrections)' : ''}: on worker threads, byte for byte`, async () => {
      const want = await inProcess([cmd, input]);
      expect(want.code).toBe(0);
      const lines = want.stdout.trimEnd().split('\n');
      // One result per record (blank lines make none), in input order.
      expect(lines.length).toBeGreaterThan(2900);
      expect(lines.map((l) => JSON.parse(l).claimId).slice(0, 3)).toEqual(
        [0, 1, 2].map((i) => JSON.parse(lines[i]!).claimId),
      );
      expect(want.stdout).toMatch(/over the 1\.00 MB limit/);
      expect(want.stdout).toMatch(/not valid JSON/);
      for (const threads of [1, 2, 0] as const) {
        const got = compiled([cmd, input], threads);
        expect(got.code, got.stderr).toBe(0);
        expect(got.stderr).toBe(want.stderr);
        // Not toBe on 5 MB of text (the diff would be unreadable): the first differing line.
        const gotLines = got.stdout.split('\n');
        const first = want.stdout.split('\n').findIndex((l, i) => l !== gotLines[i]);
        expect(first, `threads ${threads}: first different line`).toBe(-1);
        expect(got.stdout.length).toBe(want.stdout.length);
      }
    }, 300_000);
  }

  it('workers start when the CLI is imported by a script run with Node options (-e, --input-type)', async () => {
    const want = await inProcess(['check', file]);
    const bundle = join(process.cwd(), 'dist-cli', 'claimlab.mjs');
    compiled(['--help'], 1); // builds the bundle when stale
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `process.argv = [process.argv[0], 'claimlab', ...process.argv.slice(1)]; await import(${JSON.stringify(`file://${bundle}`)});`,
        'check',
        file,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, CLAIMLAB_THREADS: '1', CLAIMLAB_PARALLEL_MIN_BYTES: '1' },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout === want.stdout).toBe(true);
  }, 300_000);

  it('long result lines and text that is not ASCII cross from the worker byte for byte', async () => {
    // The worker encodes its output lines into 64 KiB blocks of UTF-8 handed to the main thread
    // (src/cli/parallel.ts): lines of two- to four-byte characters, lines longer than a block
    // (a claim of 50 lines with unknown codes, modifiers and pointers), and lines cut at every place
    // around a block's end must come out as the in-process run writes them.
    const rows: string[] = [];
    for (let i = 0; i < 400; i++) {
      const long = i % 97 === 5;
      rows.push(
        JSON.stringify({
          claimId: `Ü-雪-😀-${i}-${'é'.repeat(i % 50)}`,
          payerId: 'medicare',
          frequency: '1',
          patient: { sex: 'F', birthDate: '1954-07-04', memberId: `Mé${i}` },
          provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
          serviceDate: '2026-03-02',
          submissionDate: '2026-03-05',
          diagnoses: ['E11.9', 'I10'],
          lines: Array.from({ length: long ? 50 : 1 + (i % 4) }, (_, j) => ({
            code: long ? `雪${'😀'.repeat(200)}${j}` : j % 2 ? '99213' : `é${i % 13}${j}`,
            units: 1,
            modifiers: long ? ['é1', '😀2', 'XX', 'ZZ'] : [],
            dxPointers: long ? [9] : [1],
            charge: '10.00',
          })),
        }),
      );
    }
    const f = join(dir, 'unicode.jsonl');
    writeFileSync(f, rows.join('\n') + '\n');
    const want = await inProcess(['check', f]);
    expect(want.code).toBe(0);
    expect(Math.max(...want.stdout.split('\n').map((l) => Buffer.byteLength(l)))).toBeGreaterThan(
      64 * 1024,
    );
    const got = compiled(['check', f], 1);
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout === want.stdout).toBe(true);
  }, 300_000);

  it('a setup failure in a worker gives the in-process message and exit code', async () => {
    const missing = join(dir, 'no-history.jsonl');
    const blank = join(dir, 'blank.jsonl');
    writeFileSync(blank, '\n  \n\n');
    for (const args of [
      ['check', file, '--history', missing],
      ['adjudicate', file, '--history', missing],
      ['check', file, '--ncci', join(dir, 'no-ncci')],
      ['adjudicate', plain, '--history', missing],
      // No records at all: the workers' set-up still decides the outcome.
      ['adjudicate', blank, '--history', missing],
    ]) {
      const want = await inProcess(args);
      for (const threads of [1, 2] as const) {
        const got = compiled(args, threads);
        expect(want.code, args.join(' ')).not.toBe(0);
        expect(got.code, args.join(' ')).toBe(want.code);
        expect(got.stderr).toBe(want.stderr);
        expect(got.stdout).toBe(want.stdout);
      }
    }
  }, 300_000);
});

describe('mayCrossMembers: which files adjudicate shards by member', () => {
  it('names a file that may hold a claim naming another claim, and only such a file', () => {
    expect(mayCrossMembers(plain)).toBe(false);
    expect(mayCrossMembers(file)).toBe(true); // replacements name their originals
    const f = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    expect(mayCrossMembers(f('cob.jsonl', '{"otherPayers":[]}\n'))).toBe(true);
    // An escape could spell either field name.
    expect(mayCrossMembers(f('esc.jsonl', '{"original\\u0043laimId":"A"}\n'))).toBe(true);
    // A name cut between two blocks of the reader is still found.
    const pad = 'x'.repeat(1024 * 1024 - 5);
    expect(mayCrossMembers(f('cut.jsonl', `{"p":"${pad}","originalClaimId":"A"}\n`))).toBe(true);
  });
});
