/**
 * Scrub throughput: 10,000 varied claims (seeded) through every edit family, on the starter set
 * and on the official code sets when built. Target (issue 4): ≤ 1 s for 10,000 claims in Node.
 * Run with `npm run bench -- edits` or standalone `npx tsx bench/edits.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { BenchContext } from './run';
import { starterCatalog } from '../src/codesets/starter';
import { loadNodeCatalog } from '../src/codesets/load-node';
import { curatedNcci } from '../src/codesets/ncci/curated';
import { parseClaim } from '../src/domain/claim/parse';
import type { Claim } from '../src/domain/claim/claim';
import type { CodeCatalog } from '../src/domain/codes/catalog';
import { scrub, type EditContext, type PayerPolicy } from '../src/domain/edits/index';
import { loadMpfsBundle } from '../src/codesets/mpfs/bundle';
import { starterFees } from '../src/services/shipped';
import { globalDaysFrom } from '../src/domain/edits/global-days';
import { rng } from '../src/domain/random/seeded';

const N = 10_000;

const DX = [
  'E11.9',
  'E11.65',
  'E11.22',
  'I10',
  'E78.5',
  'Z79.84',
  'N18.30',
  'R73.9',
  'E10.9',
  'F02.80',
  'G30.9',
  'J45.909',
  'J44.9',
  'M17.11',
  'N40.0',
  'Z00.129',
  'Z34.00',
  'W21.89A',
  'S52.521',
  'E11',
  'E11.99',
  'E11.A',
  'R05.1',
  'F32.A',
  'K21.9',
  'M54.50',
  'I12.9',
];
const PROCS: [string, string[]][] = [
  ['99213', []],
  ['99214', ['25']],
  ['99212', []],
  ['99203', []],
  ['20610', ['RT']],
  ['20610', []],
  ['11055', []],
  ['17000', []],
  ['36415', []],
  ['83036', []],
  ['80053', []],
  ['93000', []],
  ['96372', []],
  ['G2211', []],
  ['99999', []],
  ['99213', ['59']],
  ['69210', ['ZZ']],
];

export function makeClaims(seed = 42, n = N): Claim[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Claim[] = [];
  for (let i = 0; i < n; i++) {
    const dx = Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(DX));
    const lines = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
      const [code, modifiers] = pick(PROCS);
      return {
        code,
        modifiers,
        units: r() < 0.1 ? 2 : 1,
        dxPointers: [1 + Math.floor(r() * dx.length)],
        charge: '100.00',
      };
    });
    const y = r() < 0.7 ? 2026 : 2021;
    out.push(
      parseClaim({
        claimId: `B${i}`,
        payerId: 'medicare',
        patient: {
          sex: r() < 0.5 ? 'F' : 'M',
          birthDate: `${1940 + Math.floor(r() * 80)}-0${1 + Math.floor(r() * 9)}-15`,
          memberId: `M${i % 500}`,
        },
        provider: { npi: '1234567893', pos: '11' },
        serviceDate: `${y}-03-02`,
        submissionDate: r() < 0.05 ? `${y + 2}-01-01` : `${y}-03-05`,
        diagnoses: dx,
        lines,
      }).claim,
    );
  }
  return out;
}

const POLICY: PayerPolicy = {
  payerId: 'medicare',
  name: 'Medicare (bench policy)',
  coverage: [
    {
      procedures: ['83036'],
      diagnoses: ['E08-E13', 'R73'],
      title: 'HbA1c',
      effective: '2020-01-01',
      terminated: null,
      source: 'bench',
    },
  ],
  priorAuth: [
    {
      procedures: ['70551'],
      title: 'MRI',
      effective: '2020-01-01',
      terminated: null,
      source: 'bench',
    },
  ],
  timelyFiling: [
    { months: 12, effective: '2010-03-23', terminated: null, source: '42 CFR 424.44' },
  ],
};

/** One warm-up pass (lazy bundle decoding, JIT), then the median of three timed passes. */
function timeScrub(ctx: EditContext, claims: Claim[]) {
  for (const c of claims) scrub(c, ctx);
  const runs: number[] = [];
  let findings = 0;
  const cpu: number[] = [];
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    findings = 0;
    for (const c of claims) findings += scrub(c, ctx).length;
    runs.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { ms: runs[1]!, cpuMs: cpu[1]!, findings, runs };
}

export default async function bench(ctx: BenchContext): Promise<void> {
  const claims = makeClaims();
  const history = claims.slice(0, 200);
  const catalogs: [string, CodeCatalog][] = [['starter', starterCatalog()]];
  const node = await loadNodeCatalog();
  if (node !== starterCatalog()) catalogs.push(['official', node]);
  else
    ctx.log(
      'official code sets not built: starter set only (npm run -s claimlab -- codesets build)',
    );
  // Global surgery periods from the MPFS bundle (else the pack table), as the CLI scrubs.
  const mpfs = loadMpfsBundle();
  const globalDays = globalDaysFrom(starterFees(mpfs.ok ? (mpfs.value ?? undefined) : undefined));
  for (const [name, catalog] of catalogs) {
    const { ms, cpuMs, findings, runs } = timeScrub(
      {
        catalog,
        ncci: curatedNcci(),
        policy: POLICY,
        history,
        ...(globalDays ? { globalDays } : {}),
      },
      claims,
    );
    // CPU time is reported beside wall time: on a shared machine the wall clock includes waiting.
    ctx.log(
      `scrub ${N} claims (${name} catalog): median wall ${ms.toFixed(0)} ms of [${runs.map((r) => r.toFixed(0)).join(', ')}], CPU ${cpuMs.toFixed(0)} ms, ` +
        `${(N / (ms / 1000)).toFixed(0)} claims/s, ${findings} findings ${ms <= 1000 ? '(within the 1 s target)' : '(OVER the 1 s target)'}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  void bench({ log: (l) => console.log(l), skip: (r) => console.log(`skipped: ${r}`) });
