/**
 * Synthetic world: a practice (createWorld) and 10,000 encounters from the practice-templates
 * pack (answer key + SOAP note each), the time per encounter and the heap after. The issue's
 * budget for the whole simulation is 10,000 encounters ≤ 5 s; generating them should take a
 * small share of it (target well under 1 s).
 * Runs under `npm run bench -- world` (bench/run.ts) or alone: `npx tsx bench/world.bench.ts`.
 */
import { readPackPath } from '../src/scenarios/format/read-node';
import { caseTemplateSchema } from '../src/scenarios/format/v2';
import { createWorld, encounterSource, templateEntries } from '../src/domain/world/index';

interface Ctx {
  log(line: string): void;
  skip(reason: string): void;
}

const N = 10_000;

export default async function run(ctx: Ctx): Promise<void> {
  const a = readPackPath('scenarios/practice-templates');
  const raw = (a.raw as { templates?: unknown[] } | undefined)?.templates ?? [];
  const templates = raw.map((t) => caseTemplateSchema.parse(t));
  ctx.log(`${templates.length} templates (scenarios/practice-templates)`);
  for (const seed of [1, 2, 3]) {
    const t0 = performance.now();
    const world = createWorld(seed, { patients: 1000 });
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const src = encounterSource(world, templateEntries('practice-templates', templates));
    let n = 0;
    let chars = 0;
    let last = '';
    for (let e = src.next(); e && n < N; e = src.next()) {
      n++;
      chars += e.note.reduce((s, x) => s + x.text.length, 0);
      last = e.serviceDate;
    }
    const ms = performance.now() - t1;
    const cpu = process.cpuUsage(c1);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    ctx.log(
      `seed ${seed}: world (1,000 patients) ${(t1 - t0).toFixed(1)} ms; ${n.toLocaleString('en-US')} encounters in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU = ${((cpuMs * 1000) / n).toFixed(1)} µs CPU per encounter (notes ${Math.round(chars / n)} chars on average; last date ${last}); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await run({ log: (l) => console.log(l), skip: (r) => console.log(`SKIPPED: ${r}`) });
