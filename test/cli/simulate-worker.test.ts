/**
 * `claimlab simulate` with the payer on a worker thread (src/cli/commands/simulate-payer.ts, the
 * compiled CLI's runs of 1,000 visits or more) prints what the one-thread run prints, byte for
 * byte: the worker adjudicates the claims in the order the practice sends them, and the practice
 * reads each answer when it is due. Compared with `CLAIMLAB_THREADS=0` (everything on one
 * thread, the path test/cli/simulate-golden.test.ts guards in process).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function compiled(args: string[], threads?: 0) {
  const r = spawnSync(process.execPath, ['scripts/claimlab.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      ...(threads === 0 ? { CLAIMLAB_THREADS: '0' } : { CLAIMLAB_THREADS: '' }),
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The synthetic world's templates need the official code sets (as in the golden test).
describe.skipIf(!existsSync(new URL('../../codesets/build/', import.meta.url)))(
  'simulate with the payer on a worker thread',
  () => {
    it('prints the one-thread output, byte for byte', () => {
      const args = ['simulate', '--seed', '21', '--encounters', '1000', '--json'];
      const worker = compiled(args);
      const one = compiled(args, 0);
      expect(worker.code, worker.stderr).toBe(0);
      expect(one.code, one.stderr).toBe(0);
      expect(worker.stdout === one.stdout).toBe(true);
      expect(worker.stderr).toBe(one.stderr);
      expect(JSON.parse(worker.stdout)).toMatchObject({ encounters: 1000, closed: 1000 });
    }, 300_000);

    it('the text output and --check-postings too', () => {
      const args = [
        'simulate',
        '--seed',
        '5',
        '--encounters',
        '1200',
        '--coder-accuracy',
        '0.6',
        '--check-postings',
      ];
      const worker = compiled(args);
      const one = compiled(args, 0);
      expect(worker.code, worker.stderr).toBe(0);
      expect(worker.stdout).toBe(one.stdout);
      expect(worker.stdout).toMatch(/postings checked/);
    }, 300_000);
  },
);
