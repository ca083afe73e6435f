/**
 * The browser path (issue 9 "A lean first load"): builds the production app, serves it on
 * 127.0.0.1 the way a static host would (text gzipped on the fly, the *.gz bundles as they are),
 * opens a case in Debian Chromium (playwright-core, /usr/bin/chromium; never a downloaded
 * browser) and prints:
 * - initial JS: the gzip bytes of the scripts index.html loads (entry and its static imports);
 * - bytes before the encoder is ready: everything the server sent on a cold load of the case
 *   (fresh profile, so no cache) until the status line names the official release;
 * - ready time: from opening the case (a click in the case list, the app already loaded) to the
 *   status line naming the release, and on a cold load of the case's URL from navigation start.
 * Each figure is the median of RUNS runs (BENCH_RUNS, default 5). `BENCH_DIST=dir` measures an
 * existing build instead of building. Targets: initial JS <= 150 KB, <= 2 MB before ready,
 * ready <= 1 s after the case opens. The "app loaded" figure waits for network idle on the case
 * list, so it includes the list's idle warm-up of the encoder (src/state/warm-up.ts); the cold
 * figure (a case opened at once) shows the time without it. Skips without Chromium.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from './run';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const CASE_LINK = /type 2 diabetes and hypertension/i;
/** The status line once the release for the date of service (and its search index) is loaded. */
const READY = 'ICD-10-CM FY\\d{4} \\(official, [\\d,]+ codes\\)';
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.gz': 'application/octet-stream',
};

interface Sent {
  path: string;
  bytes: number;
}

/** A static server for dist/: gzips text (level 6, as most hosts), logs the bytes it sends. */
function serve(dir: string): Promise<{ server: Server; base: string; log: Sent[] }> {
  const log: Sent[] = [];
  const gz = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!.split('#')[0]!);
    let file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      // A static host answers unknown paths with the app (the worker treats HTML as missing).
      file = join(dir, 'index.html');
    }
    const ext = extname(file);
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    let body: Buffer = readFileSync(file);
    if (ext !== '.gz') {
      let z = gz.get(file);
      if (!z) gz.set(file, (z = gzipSync(body, { level: 6 })));
      body = z;
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.setHeader('Content-Length', body.length);
    res.end(body, () => log.push({ path, bytes: body.length }));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      ok({ server, base: `http://127.0.0.1:${port}/`, log });
    }),
  );
}

/** The scripts index.html loads before anything runs: its module entry and modulepreloads. */
function initialScripts(dir: string): { file: string; gzip: number }[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(/^\.?\//, ''));
  return [...new Set(srcs)].map((f) => ({
    file: f,
    gzip: gzipSync(readFileSync(join(dir, f)), { level: 6 }).length,
  }));
}

/** Installed before the app runs: records performance.now() when the status line is ready. */
const WATCH = `(() => {
  const re = new RegExp(${JSON.stringify(READY)});
  const check = () => {
    if (window.__ready !== undefined) return;
    const el = document.querySelector('footer[aria-label="Code set status"] [role=status]');
    if (el && re.test(el.textContent || '')) window.__ready = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

export default async function browserBench(ctx: BenchContext): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    ctx.skip(`Chromium not found at ${CHROMIUM}: apt-get install chromium (no browser download)`);
    return;
  }
  const root = resolve(import.meta.dirname, '..');
  if (!existsSync(join(root, 'codesets/build/manifest.json'))) {
    ctx.skip('codesets/build has no official bundles: run `npm run -s claimlab -- codesets build`');
    return;
  }
  let dist = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : '';
  if (!dist) {
    dist = join(root, 'test-results/bench-dist');
    const { build } = await import('vite');
    const t = performance.now();
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    ctx.log(`built ${dist} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const scripts = initialScripts(dist);
  const initial = scripts.reduce((n, s) => n + s.gzip, 0);
  ctx.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs; ${RUNS} runs, medians`,
  );
  ctx.log(
    `initial JS: ${KB(initial)} gzip (target <= 150 KB) in ${scripts.length} file(s): ${scripts.map((s) => `${s.file} ${KB(s.gzip)}`).join(', ')}`,
  );

  const { chromium } = await import('playwright-core');
  const { server, base, log } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const cold: { ms: number; bytes: number; files: Sent[] }[] = [];
  const opened: number[] = [];
  let timings = '';
  try {
    for (let r = 0; r < RUNS; r++) {
      // Cold: a fresh context (empty cache) loads the list, then opens the case at once.
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.addInitScript(WATCH);
        log.length = 0;
        await page.goto(base);
        await page.getByRole('link', { name: CASE_LINK }).click();
        await page.waitForFunction(() => (window as { __ready?: number }).__ready !== undefined, {
          timeout: 60_000,
          polling: 20,
        });
        const files = [...log];
        const ms = await page.evaluate(() => (window as { __ready?: number }).__ready!);
        cold.push({ ms, bytes: files.reduce((n, f) => n + f.bytes, 0), files });
        await context.close();
      }
      // Opening a case from the list, the app loaded and idle.
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.addInitScript(WATCH);
        await page.goto(base);
        await page.getByRole('link', { name: CASE_LINK }).waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const t0 = await page.evaluate(() => performance.now());
        await page.getByRole('link', { name: CASE_LINK }).click();
        await page.waitForFunction(() => (window as { __ready?: number }).__ready !== undefined, {
          timeout: 60_000,
          polling: 20,
        });
        const t1 = await page.evaluate(() => (window as { __ready?: number }).__ready!);
        opened.push(t1 - t0);
        timings =
          (await page
            .getByRole('contentinfo', { name: 'Code set status' })
            .getByRole('status')
            .getAttribute('data-load-ms')) ?? '';
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const bytes = median(cold.map((c) => c.bytes));
  const last = cold.at(-1)!;
  const perFile = new Map<string, number>();
  for (const f of last.files) perFile.set(f.path, (perFile.get(f.path) ?? 0) + f.bytes);
  ctx.log(
    `downloaded before the encoder is ready (cold, list then case): ${MB(bytes)} (target <= 2 MB): ` +
      [...perFile]
        .sort((a, b) => b[1] - a[1])
        .map(([p, n]) => `${p} ${KB(n)}`)
        .join(', '),
  );
  ctx.log(
    `encoder ready after the case opens (app loaded): ${median(opened).toFixed(0)} ms (target <= 1000 ms; runs ${opened.map((x) => x.toFixed(0)).join(', ')})`,
  );
  ctx.log(`worker load times of the last run (ms): ${timings}`);
  ctx.log(
    `encoder ready on a cold load (from navigation start): ${median(cold.map((c) => c.ms)).toFixed(0)} ms (runs ${cold.map((c) => c.ms.toFixed(0)).join(', ')})`,
  );
}
