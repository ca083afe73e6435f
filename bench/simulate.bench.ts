/**
 * The simulated practice: 10,000 encounters through the whole lifecycle (claim, appeal and
 * patient-balance machines, the shipped payers adjudicating, the automatic biller) as
 * `claimlab simulate` runs them. Target (issue 15): ≤ 5 s and ≤ 500 MB in Node; prints the time
 * per encounter. `SIM_BENCH_N` sets the count. Runs under `npm run bench -- simulate` or alone:
 * `npx tsx bench/simulate.bench.ts`.
 */
import { simulate } from '../src/cli/commands/simulate';
import { cliPayerService } from '../src/cli/commands/payer-service';
import { loadCatalog } from '../src/cli/commands/check';
import type { Io } from '../src/cli/io';

interface Ctx {
  log(line: string): void;
  skip(reason: string): void;
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
  ctx.log(
    `simulate ${n} encounters (${r.days} simulated days, ${r.figures.claimsSubmitted} claims): ` +
      `${(ms / 1000).toFixed(2)} s wall, ${cpuS.toFixed(2)} s CPU (target ≤ 5 s), ${((ms * 1000) / n).toFixed(0)} µs per encounter, ` +
      `RSS ${(rss / 2 ** 20).toFixed(0)} MB (before ${(rss0 / 2 ** 20).toFixed(0)} MB; target ≤ 500 MB), ` +
      `${r.figures.balanceCheck.violations} balance violations`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  await bench({ log: (l) => console.log(l), skip: (r) => console.log(`SKIPPED: ${r}`) });
