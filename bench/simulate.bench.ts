/**
 * The simulated practice: 10,000 encounters through the whole lifecycle (claim, appeal and
 * patient-balance machines, the shipped payers adjudicating, the automatic biller) as
 * `claimlab simulate` runs them. Target (issue 15): ≤ 5 s and ≤ 500 MB in Node; prints the time
 * per encounter. Two measurements:
 * - in this process (after a warm-up run): wall, CPU (user + system, all threads: the garbage
 *   collector's helper threads count), RSS after the run and this process's peak RSS (tsx and
 *   the warm-up included);
 * - the real command, `claimlab simulate --seed 1 --encounters N --json`, in a child process
 *   (the compiled CLI, as `npm run -s claimlab` runs it): wall, CPU and peak RSS, start-up and
 *   code-set loading included. There the payer runs on a second thread
 *   (src/cli/commands/simulate-payer.ts); in this process it runs on this one.
 * `SIM_BENCH_N` sets the count; `SIM_BENCH_CLI=0` skips the child process. On a shared machine
 * CPU time is the steadier figure. Runs under `npm run bench -- simulate` or alone:
 * `npx tsx bench/simulate.bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { simulate } from '../src/cli/commands/simulate';
import { cliPayerService } from '../src/cli/commands/payer-service';
import { loadCatalog } from '../src/cli/commands/check';
import type { Io } from '../src/cli/io';
import { buildCli, isStale, OUT_FILE } from '../scripts/build-cli.mjs';

interface Ctx {
  log(line: string): void;
  skip(reason: string): void;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Runs the compiled CLI in a child that reports, on fd 3 as it exits, its peak RSS and CPU. */
const WRAPPED = `import { writeSync } from 'node:fs';
process.on('exit', () => { const u = process.resourceUsage(); writeSync(3, [u.maxRSS, u.userCPUTime, u.systemCPUTime].join(' ')); });
process.argv = [process.argv[0], 'claimlab', ...process.argv.slice(1)];
await import(${JSON.stringify(new URL(`file://${OUT_FILE}`).href)});`;

function cliRun(n: number): { ms: number; cpuS: number; rssMb: number; out: string } {
  const args = ['simulate', '--seed', '1', '--encounters', String(n), '--json'];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', WRAPPED, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`claimlab ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rssKb = 0, user = 0, sys = 0] = String(r.output[3] ?? '')
    .split(' ')
    .map(Number);
  return { ms, cpuS: (user + sys) / 1e6, rssMb: rssKb / 1024, out: String(r.stdout) };
}

export default async function bench(ctx: Ctx): Promise<void> {
  const n = Number(process.env['SIM_BENCH_N'] ?? 10_000);
  // As `claimlab simulate` runs: the official code sets and bundles when built (the world's
  // templates are written against them), else the starter set.
  const io: Io = { out: () => {}, err: (l) => ctx.log(l), readStdin: async () => '' };
  const catalog = await loadCatalog(io);
  const service = cliPayerService(io, { insteadOfMpfs: 'using the pack fee table' });
  // Warm-up on a small run (JIT, memoised dates), then the measured run.
  simulate({ seed: 7, encounters: 200, coderAccuracy: 0.9 }, service, catalog);
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = simulate({ seed: 1, encounters: n, coderAccuracy: 0.9 }, service, catalog);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const rss = process.memoryUsage().rss;
  const peak = process.resourceUsage().maxRSS * 1024;
  ctx.log(
    `simulate ${n} encounters (${r.days} simulated days, ${r.figures.claimsSubmitted} claims): ` +
      `${(ms / 1000).toFixed(2)} s wall, ${cpuS.toFixed(2)} s CPU (target ≤ 5 s), ${((ms * 1000) / n).toFixed(0)} µs per encounter, ` +
      `RSS ${mb(rss)} (before ${mb(rss0)}; this process's peak ${mb(peak)}, tsx and warm-up included; target ≤ 500 MB), ` +
      `${r.figures.balanceCheck.violations} balance violations`,
  );
  if (process.env['SIM_BENCH_CLI'] === '0') return;
  if (isStale()) await buildCli();
  const c = cliRun(n);
  const claims = (JSON.parse(c.out) as { claimsSubmitted?: number }).claimsSubmitted;
  ctx.log(
    `claimlab simulate --seed 1 --encounters ${n} --json (its own process, start-up included): ` +
      `${(c.ms / 1000).toFixed(2)} s wall, ${c.cpuS.toFixed(2)} s CPU, ${((c.ms * 1000) / n).toFixed(0)} µs per encounter, ` +
      `peak RSS ${c.rssMb.toFixed(0)} MB (${claims} claims)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  await bench({ log: (l) => console.log(l), skip: (r) => console.log(`SKIPPED: ${r}`) });
