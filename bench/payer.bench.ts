/**
 * Adjudication throughput: 100,000 seeded claims (1–4 lines, three payers, some denials and
 * secondary claims) through `adjudicate` with precomputed findings (target ≤ 2 s in Node), and
 * a 10,000-claim run with the edit engine (scrub) called per claim for comparison.
 * Runs under `npm run bench` (bench/run.ts) or alone: `npx tsx bench/payer.bench.ts`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Claim } from '../src/domain/claim/claim';
import type { Finding } from '../src/domain/findings';
import { cents } from '../src/domain/money';
import { adjudicate } from '../src/domain/payer/adjudicate';
import { rng } from '../src/domain/random/seeded';
import { starterFees, starterPayers } from '../src/services/shipped';
import { loadMpfsBundle } from '../src/codesets/mpfs/bundle';
import { scrub } from '../src/domain/edits/index';
import { starterCatalog } from '../src/codesets/starter';
import { curatedNcci } from '../src/codesets/ncci/curated';

interface Ctx {
  log(line: string): void;
  skip(reason: string): void;
}

const CODES = [
  '99213',
  '99214',
  '99212',
  '20610',
  '11055',
  '36415',
  '83036',
  '80061',
  '93000',
  'G0439',
  'G2211',
  '17000',
];
const PAYERS = ['medicare', 'medicare', 'commercial-ppo', 'medicaid'];

function makeClaims(n: number, seed: number): { claim: Claim; findings: Finding[] }[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const lines = Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({
      code: pick(CODES),
      modifiers: r() < 0.2 ? ['25'] : r() < 0.1 ? ['RT'] : [],
      units: r() < 0.9 ? 1 : 2,
      dxPointers: [1, ...(r() < 0.5 ? [2] : [])],
      charge: cents(1000 + Math.floor(r() * 30000)),
    }));
    const claim: Claim = {
      claimId: `B${i}`,
      payerId: pick(PAYERS),
      frequency: '1',
      originalClaimId: null,
      patient: { sex: r() < 0.5 ? 'F' : 'M', birthDate: '1954-07-04', memberId: `M${i}` },
      provider: {
        npi: '1234567893',
        pos: r() < 0.8 ? '11' : '22',
        locality: pick(['10112-00', '01112-05', '13202-01', '']),
      },
      serviceDate: '2026-03-02',
      submissionDate: r() < 0.02 ? '2027-05-01' : '2026-03-05',
      diagnoses: ['E11.9', 'I10'],
      lines,
      priorAuthNumber: null,
      accumulators: { deductibleMet: cents(Math.floor(r() * 30000)), outOfPocketMet: cents(0) },
    };
    const findings: Finding[] =
      r() < 0.15
        ? [
            {
              id: pick(['ncci.ptp', 'ncci.mue', 'coverage.medical-necessity'] as const),
              severity: 'error',
              line: 1,
              codes: [],
              message: 'bench',
              reference: 'bench',
            },
          ]
        : [];
    return { claim, findings };
  });
}

export default async function bench(ctx: Ctx): Promise<void> {
  const mpfs = loadMpfsBundle();
  const tables = mpfs.ok ? (mpfs.value ?? undefined) : undefined;
  const fees = starterFees(tables);
  const payers = starterPayers();
  const N = 100_000;
  const claims = makeClaims(N, 2026);
  ctx.log(
    `pricing: ${tables ? 'imported MPFS CY2025 bundle' : 'pack national fee table (MPFS bundle not built)'}`,
  );
  // Warm-up so the JIT has compiled the hot paths before timing.
  for (const { claim, findings } of claims.slice(0, 20_000))
    adjudicate(claim, { payer: payers.get(claim.payerId)!, fees, findings });
  // Collect the 100,000 generated claims' garbage before timing, so the clock measures
  // adjudication and not the collector finishing the generator's work.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (() => void) | undefined)?.();
  const counts: Record<string, number> = {};
  let secondary = 0;
  // Three timed passes over the same claims: the best is the figure least disturbed by other
  // processes on a shared machine; all three are printed.
  const runs: { wall: number; cpu: number }[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const { claim, findings } of claims) {
      const r = adjudicate(claim, { payer: payers.get(claim.payerId)!, fees, findings });
      if (pass === 0) counts[r.status] = (counts[r.status] ?? 0) + 1;
      if (claim.payerId === 'medicare' && claim.claimId.endsWith('7')) {
        adjudicate(claim, {
          payer: payers.get('medicaid')!,
          fees,
          findings: [],
          cob: { primary: r },
        });
        if (pass === 0) secondary++;
      }
    }
    const cpu = process.cpuUsage(c0);
    runs.push({ wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 });
  }
  const best = runs.reduce((a, b) => (b.wall < a.wall ? b : a));
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  ctx.log(
    `adjudicate: ${N.toLocaleString('en-US')} claims (+${secondary} secondary) best ${s(best.wall)} wall (${s(best.cpu)} CPU) = ${Math.round(N / (best.wall / 1000)).toLocaleString('en-US')} claims/s; target ≤ 2 s: ${best.wall <= 2000 ? 'OK' : 'OVER'}`,
  );
  ctx.log(`  passes: ${runs.map((r) => `${s(r.wall)} wall / ${s(r.cpu)} CPU`).join('; ')}`);
  ctx.log(
    `  statuses: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  const editCtx = { catalog: starterCatalog(), ncci: curatedNcci() };
  const M = 10_000;
  const t1 = performance.now();
  for (const { claim } of claims.slice(0, M))
    adjudicate(claim, {
      payer: payers.get(claim.payerId)!,
      fees,
      edits: (c, policy) => scrub(c, { ...editCtx, policy }),
    });
  const ms2 = performance.now() - t1;
  ctx.log(
    `adjudicate with the edit engine per claim: ${M.toLocaleString('en-US')} claims in ${(ms2 / 1000).toFixed(2)} s (${Math.round(M / (ms2 / 1000)).toLocaleString('en-US')} claims/s)`,
  );
}

const isEntry = process.argv[1] && /payer\.bench\.ts$/.test(process.argv[1]);
if (isEntry) await bench({ log: (l) => console.log(l), skip: (r) => console.log(`skipped: ${r}`) });
