/**
 * The command line end to end (issue 11): N seeded claims (default 100,000; `CLI_BENCH_N`; best
 * of `CLI_BENCH_RUNS`, default 2) as a
 * JSON Lines file through the compiled CLI (`check` and `adjudicate`, as separate processes),
 * against the time Node needs just to parse and re-serialize the same file line by line. Prints
 * wall time, CPU time (user + system, all threads), peak RSS and both ratios to the baseline,
 * wall and CPU (target ≤ 4×), and the start-up time of one claim. The CLI may use two threads, so
 * its wall time can be below its CPU time; on a shared machine CPU time is the steadier figure.
 * Runs under `npm run bench -- cli` or alone: `npx tsx bench/cli.bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rng } from '../src/domain/random/seeded';
import { buildCli, isStale, OUT_FILE } from '../scripts/build-cli.mjs';

interface Ctx {
  log(line: string): void;
  skip(reason: string): void;
}

const CODES = ['99213', '99214', '99212', '20610', '11055', '36415', '83036', '80061', '93000'];
const PAYERS = ['medicare', 'medicare', 'commercial-ppo', 'medicaid'];

/** N claims, one JSON object per line: 1–4 lines, three payers, one member each. */
export function claimsJsonl(n: number, seed = 2026): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const lines = Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({
      code: pick(CODES),
      modifiers: r() < 0.2 ? ['25'] : [],
      units: 1,
      dxPointers: [1, 2],
      charge: `${10 + Math.floor(r() * 300)}.00`,
    }));
    out.push(
      JSON.stringify({
        claimId: `B${i}`,
        payerId: pick(PAYERS),
        frequency: '1',
        patient: { sex: r() < 0.5 ? 'F' : 'M', birthDate: '1954-07-04', memberId: `M${i}` },
        provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
        serviceDate: '2026-03-02',
        submissionDate: '2026-03-05',
        diagnoses: ['E11.9', 'I10'],
        lines,
      }),
    );
  }
  return out.join('\n') + '\n';
}

/** Node alone: read the file line by line, JSON.parse and JSON.stringify each, write it out. */
const BASELINE = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
const rl = createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity });
let buf = '';
for await (const line of rl) {
  buf += JSON.stringify(JSON.parse(line)) + '\\n';
  if (buf.length > 65536) { if (!process.stdout.write(buf)) await new Promise((r) => process.stdout.once('drain', r)); buf = ''; }
}
process.stdout.write(buf);`;

/** Reports, on fd 3 when the process exits: peak RSS (KB), user and system CPU (µs, all threads). */
const USAGE = `import { writeSync } from 'node:fs';
process.on('exit', () => { const u = process.resourceUsage(); writeSync(3, [u.maxRSS, u.userCPUTime, u.systemCPUTime].join(' ')); });`;

/** Runs the compiled CLI in a child that reports its usage (USAGE) when it exits. */
const WRAPPED = `
${USAGE}
process.argv = [process.argv[0], 'claimlab', ...process.argv.slice(1)];
await import(${JSON.stringify(new URL(`file://${OUT_FILE}`).href)});`;

function timed(args: string[]): {
  ms: number;
  cpuMs: number;
  rssMb: number;
  status: number | null;
} {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const [rssKb = 0, user = 0, sys = 0] = String(r.output[3] ?? '')
    .split(' ')
    .map(Number);
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpuMs: (user + sys) / 1000, rssMb: rssKb / 1024, status: r.status };
}

export default async function bench(ctx: Ctx): Promise<void> {
  if (isStale()) await buildCli();
  const n = Number(process.env.CLI_BENCH_N ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'claimlab-cli-bench-'));
  const file = join(dir, 'claims.jsonl');
  const one = join(dir, 'one.jsonl');
  try {
    const text = claimsJsonl(n);
    writeFileSync(file, text);
    writeFileSync(one, text.slice(0, text.indexOf('\n') + 1));
    ctx.log(`input: ${n.toLocaleString('en-US')} claims, ${(text.length / 1e6).toFixed(1)} MB`);
    const wrapBase = `${USAGE}\n${BASELINE}`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    // Best of two for each: the machine is shared, the lower figure is the less disturbed one.
    const runs = Number(process.env.CLI_BENCH_RUNS ?? 2);
    const best = (args: string[]) =>
      Array.from({ length: Math.max(1, runs) }, () => timed(args)).sort((a, b) => a.ms - b.ms)[0]!;
    const base = best(['--input-type=module', '-e', wrapBase, file]);
    ctx.log(
      `node parse + re-serialize: ${s(base.ms)}, CPU ${s(base.cpuMs)}, peak RSS ${base.rssMb.toFixed(0)} MB`,
    );
    const start = best(['--input-type=module', '-e', WRAPPED, 'check', one]);
    ctx.log(
      `start-up (check, 1 claim): ${s(start.ms)}, CPU ${s(start.cpuMs)}, peak RSS ${start.rssMb.toFixed(0)} MB`,
    );
    for (const cmd of ['check', 'adjudicate']) {
      const r = best(['--input-type=module', '-e', WRAPPED, cmd, file]);
      const wall = r.ms / base.ms;
      const cpu = r.cpuMs / base.cpuMs;
      const verdict = (x: number) => (x <= 4 ? 'OK' : 'OVER');
      ctx.log(
        `${cmd}: ${s(r.ms)} wall (${Math.round(n / (r.ms / 1000)).toLocaleString('en-US')} claims/s), CPU ${s(r.cpuMs)}, peak RSS ${r.rssMb.toFixed(0)} MB; ratio to the baseline: wall ${wall.toFixed(1)}× (target ≤ 4×: ${verdict(wall)}), CPU ${cpu.toFixed(1)}× (${verdict(cpu)}); RSS target ≤ 300 MB: ${r.rssMb <= 300 ? 'OK' : 'OVER'}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isEntry = process.argv[1] && /cli\.bench\.ts$/.test(process.argv[1]);
if (isEntry) await bench({ log: (l) => console.log(l), skip: (r) => console.log(`skipped: ${r}`) });
