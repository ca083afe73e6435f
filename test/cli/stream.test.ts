/**
 * Issue 11, "the command line takes any batch": input read as a stream one record at a time,
 * an oversized record reported and skipped, a claim over the 837P limits answered with one
 * finding, and the exit codes README "The command line" documents (0 done, 1 unreadable input,
 * 2 usage), in process and through the compiled CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { openRecords, splitLines, type InputRecord, type Io } from '../../src/cli/io';
import { basePatient, claimInput, lineInput } from '../factories';

function fakeIo(chunks: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readStdin: async () => chunks.join(''),
    stdin: async function* () {
      yield* chunks;
    },
  };
  return { io, out, err };
}

const claim = (over: Record<string, unknown> = {}) =>
  claimInput({
    claimId: 'c1',
    patient: { ...basePatient(), birthDate: '1953-04-18' },
    submissionDate: undefined,
    diagnoses: ['E11.65', 'I10'],
    lines: [lineInput('99214', '175.00', { dxPointers: [1, 2] })],
    ...over,
  });

const dir = mkdtempSync(join(tmpdir(), 'claimlab-stream-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rows = (out: string[]) => out.map((l) => JSON.parse(l) as Record<string, unknown>);
const messages = (r: Record<string, unknown>) =>
  (r.findings as { message: string }[]).map((f) => f.message).join(' | ');

describe('reading a batch as a stream', () => {
  it('cuts lines across chunk boundaries, with CRLF, and never holds an oversized line', async () => {
    const big = 'x'.repeat(5000);
    async function* chunks() {
      yield Buffer.from('{"a":1}\r\n{"b"');
      yield Buffer.from(':2}\n' + big.slice(0, 2000));
      yield Buffer.from(big.slice(2000) + '\n{"c":3}');
    }
    const got = [];
    for await (const l of splitLines(chunks(), 1000)) got.push(l);
    expect(got).toEqual([
      { kind: 'line', text: '{"a":1}', number: 1 },
      { kind: 'line', text: '{"b":2}', number: 2 },
      { kind: 'long', bytes: 5000, limit: 1000, number: 3 },
      { kind: 'line', text: '{"c":3}', number: 4 },
    ]);
  });

  it('reports a JSON Lines record over the size limit by its line number and goes on', async () => {
    const huge = JSON.stringify(claim({ claimId: 'huge', pad: 'x'.repeat(1_100_000) }));
    const p = file(
      'big.jsonl',
      [claim({ claimId: 'a' }), null, claim({ claimId: 'b' })]
        .map((c) => (c ? JSON.stringify(c) : huge))
        .join('\n'),
    );
    for (const cmd of ['check', 'adjudicate']) {
      const { io, out } = fakeIo();
      expect(await main([cmd, p], io)).toBe(0);
      const r = rows(out);
      expect(r.map((x) => x.claimId)).toEqual(['a', 'claim-2', 'b']);
      expect(messages(r[1]!)).toMatch(
        /big\.jsonl:2: line 2 is 1\.0[5-9] MB, over the 1\.00 MB limit/,
      );
    }
  });

  it('streams stdin chunk by chunk: records split anywhere come out whole and in order', async () => {
    const text = [1, 2, 3, 4, 5].map((i) => JSON.stringify(claim({ claimId: `s${i}` }))).join('\n');
    const chunks = text.match(/[\s\S]{1,37}/g)!;
    const { io, out } = fakeIo(chunks);
    expect(await main(['check', '-'], io)).toBe(0);
    expect(rows(out).map((r) => r.claimId)).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('still reads a pretty-printed document or an array on stdin', async () => {
    const pretty = JSON.stringify([claim({ claimId: 'p1' }), claim({ claimId: 'p2' })], null, 2);
    const { io, out } = fakeIo([pretty]);
    expect(await main(['check', '-'], io)).toBe(0);
    expect(rows(out).map((r) => r.claimId)).toEqual(['p1', 'p2']);
  });

  it('answers a 10,000-line claim with one finding naming the limit, and keeps the batch', async () => {
    const lines = Array.from({ length: 10_000 }, () => claim().lines[0]);
    const p = file(
      'wide.jsonl',
      [claim({ claimId: 'w', lines }), claim({ claimId: 'after' })]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    for (const cmd of ['check', 'adjudicate']) {
      const { io, out } = fakeIo();
      const t0 = performance.now();
      expect(await main([cmd, p], io)).toBe(0);
      expect(performance.now() - t0).toBeLessThan(5000);
      const r = rows(out);
      expect(r.map((x) => x.claimId)).toEqual(['w', 'after']);
      expect(r[0]!.findings).toHaveLength(1);
      expect(messages(r[0]!)).toMatch(/at most 50 service lines.*found 10000/);
      if (cmd === 'adjudicate') expect(r[0]!.status).toBe('rejected');
    }
  });

  it('refuses a .json document over the size limit with exit 1 and says to use JSON Lines', async () => {
    const p = file('many.json', JSON.stringify([claim(), claim()]));
    const limits = { maxRecordBytes: 1024, maxDocumentBytes: 100 };
    expect(() => openRecords(p, fakeIo().io, limits)).toThrow(/at most .* \.jsonl file/);
    try {
      openRecords(p, fakeIo().io, limits);
    } catch (e) {
      expect((e as { exitCode: number }).exitCode).toBe(1);
    }
    const all: InputRecord[] = [];
    for await (const r of openRecords(p, fakeIo().io)) all.push(r);
    expect(all.map((r) => r.where)).toEqual([`${p}[0]`, `${p}[1]`]);
  });
});

describe('exit codes (README "The command line")', () => {
  it('1 when the input cannot be read: no such file, a folder; 2 for usage errors', async () => {
    const folder = join(dir, 'folder.jsonl');
    mkdirSync(folder, { recursive: true });
    for (const [args, code, msg] of [
      [['check', join(dir, 'nope.jsonl')], 1, /cannot read .*nope\.jsonl: no such file/],
      [['adjudicate', folder], 1, /cannot read .*folder\.jsonl: it is a folder/],
      [['reopen', join(dir, 'nope.jsonl')], 1, /no such file/],
      [['check'], 2, /missing input/],
      [['adjudicate', '-', '--seed', 'x'], 2, /--seed/],
      [['frobnicate'], 2, /unknown command/],
    ] as const) {
      const { io, out, err } = fakeIo();
      expect(await main([...args], io), args.join(' ')).toBe(code);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(msg);
      expect(err.join('\n')).not.toMatch(/\n\s+at /);
    }
  });

  it('the compiled CLI (scripts/claimlab.mjs, the package bin) gives the same codes', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['scripts/claimlab.mjs', ...args], {
        encoding: 'utf8',
        input: `${JSON.stringify(claim({ claimId: 'bin' }))}\n`,
      });
    const ok = run(['check', '-']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout.trim()).claimId).toBe('bin');
    const missing = run(['check', join(dir, 'nope.jsonl')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    expect(run(['frobnicate']).status).toBe(2);
  }, 60_000);
});
