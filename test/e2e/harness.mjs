/**
 * A very small test harness for the Chromium end-to-end scenarios: named steps, axe checks,
 * screenshots into test-results/, and a pass/fail tally. No browser download ever: Chromium
 * comes from the system (/usr/bin/chromium).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const RESULTS = join(process.cwd(), 'test-results');

export class AssertionError extends Error {}
/** Thrown after a failed step: later steps of the scenario depend on it, so the scenario stops. */
export class ScenarioStopped extends Error {}
export function expect(cond, message) {
  if (!cond) throw new AssertionError(message);
}

/**
 * One browser profile per scenario: a fresh user-data-dir, removed afterwards. With
 * `{ starterOnly: true }` the served official code sets (/codesets/*) answer 404, so the app runs
 * on the starter set as it does where no bundles were built.
 */
export async function withBrowser(fn, run, opts = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'claimlab-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
  });
  try {
    if (opts.starterOnly)
      await context.route('**/codesets/**', (r) =>
        r.fulfill({ status: 404, contentType: 'text/plain', body: 'no code sets' }),
      );
    // Every Content-Security-Policy violation is logged as an error, so noPageErrors fails on it.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
    });
    const errors = [];
    const page = context.pages()[0] ?? (await context.newPage());
    watchPage(page, errors);
    if (run) run.page = page;
    return await fn(page, errors, context);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Collects a page's errors: uncaught exceptions, console errors (CSP violations among them), and
 * the storage warnings a user would never see but that mean lost or unreadable data (IndexedDB's
 * "can't be downgraded" on a fresh profile).
 */
export function watchPage(page, errors) {
  page.setDefaultTimeout(8_000);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    else if (m.type() === 'warning' && /downgraded|Content.Security.Policy/i.test(m.text()))
      errors.push(`warning: ${m.text()}`);
  });
}

export class Run {
  passed = 0;
  failed = 0;
  axe = [];
  shots = [];
  /** The page of the scenario in progress, for a screenshot when a step fails. */
  page = null;

  constructor() {
    mkdirSync(RESULTS, { recursive: true });
    // Screenshots from an earlier run would mislead: start clean.
    for (const f of readdirSync(RESULTS))
      if (/^(e2e|fail)-.*\.png$/.test(f)) rmSync(join(RESULTS, f));
  }

  async check(name, fn) {
    const t = Date.now();
    try {
      await fn();
      this.passed++;
      console.log(`  ✓ ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      this.failed++;
      if (this.page) {
        const slug = name
          .replace(/[^a-z0-9]+/gi, '-')
          .toLowerCase()
          .slice(0, 60);
        await this.page
          .screenshot({ path: join(RESULTS, `fail-${slug}.png`), fullPage: true })
          .catch(() => {});
        console.log(`    screenshot: test-results/fail-${slug}.png`);
      }
      console.log(
        `  ✗ ${name}\n    ${String(e?.stack ?? e)
          .split('\n')
          .slice(0, 8)
          .join('\n    ')}`,
      );
      throw new ScenarioStopped(name);
    }
  }

  async shot(page, name) {
    const path = join(RESULTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    this.shots.push(path);
    return path;
  }

  /** Runs axe on the page; the check fails with each violation's id, impact and first targets. */
  async axeCheck(page, screen) {
    const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const v = result.violations;
    this.axe.push({ screen, violations: v.length, passes: result.passes.length });
    const detail = v
      .map(
        (x) =>
          `${x.id} (${x.impact}): ${x.help} at ${x.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      )
      .join('\n      ');
    expect(v.length === 0, `axe found ${v.length} violation(s) on "${screen}":\n      ${detail}`);
  }
}
