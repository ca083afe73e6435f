/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or those whose name contains one of
 * the arguments) one after another and prints what each reports. A bench module exports
 * `default async function (ctx: BenchContext): Promise<void>`; it prints through ctx.log and
 * may call ctx.skip(reason) when its inputs (e.g. ../shared/reference) are absent.
 * Benchmarks are measurements, not tests: nothing here fails a build on timings.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchContext {
  log(line: string): void;
  skip(reason: string): void;
}

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort();

if (!files.length)
  console.log(`no bench/*.bench.ts${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  let skipped: string | undefined;
  const ctx: BenchContext = { log: (l) => console.log(l), skip: (r) => void (skipped = r) };
  const t0 = performance.now();
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as {
      default?: (c: BenchContext) => Promise<void>;
    };
    if (typeof mod.default !== 'function')
      throw new Error('no default export function (ctx) => Promise<void>');
    await mod.default(ctx);
    console.log(
      skipped
        ? `SKIPPED ${f}: ${skipped}`
        : `done ${f} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    failed++;
    console.log(`FAILED ${f}: ${(e as Error).stack ?? String(e)}`);
  }
}
process.exit(failed ? 1 : 0);
