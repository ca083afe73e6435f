/**
 * `npm run test:e2e`: builds the app (unless E2E_SKIP_BUILD=1 and dist/ exists), serves it with
 * `vite preview` on a free localhost port, runs the scenarios in Debian Chromium through
 * playwright-core, and prints `N passed, N failed`. Exit code 1 on any failure.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { CHROMIUM, Run, ScenarioStopped } from './harness.mjs';
import { starterCaseEndToEnd } from './scenarios/starter-case.mjs';
import { denialAndReload } from './scenarios/denial-and-reload.mjs';
import { otherScreens } from './scenarios/other-screens.mjs';
import { officialCodesets } from './scenarios/official-codesets.mjs';
import { commercialReplacement } from './scenarios/commercial-replacement.mjs';
import { storageFaults } from './scenarios/storage-faults.mjs';
import { refresherScenario } from './scenarios/refresher.mjs';
import { traineeScreens } from './scenarios/trainee.mjs';
import { studioScenario } from './scenarios/studio.mjs';
import { practiceScenario } from './scenarios/practice.mjs';
import { practiceInProgress } from './scenarios/practice-progress.mjs';
import { keyboardOnly, workspaceScenario } from './scenarios/workspace.mjs';
import { remittanceCaseScenario } from './scenarios/remittance-case.mjs';
import { annotateScenario } from './scenarios/annotate.mjs';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, 'test-results/e2e-dist');
// The refresher scenario's two versions of one pack, served in the e2e build only
// (src/scenarios/vite-plugin.ts); the shipped scenarios/ folder is served as always.
process.env.CLAIMLAB_EXTRA_PACKS ??= ['refresher-v1', 'refresher-v2']
  .map((d) => resolve(root, 'test/fixtures/packs', d))
  .join(',');

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.log(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium).`,
    );
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const t0 = Date.now();
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync(resolve(outDir, 'index.html')))) {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  }
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const base = `http://127.0.0.1:${port}/`;
  console.log(`Serving ${outDir} at ${base} (build ${Date.now() - t0} ms)`);

  const run = new Run();
  try {
    for (const [name, scenario] of [
      ['starter case end to end with a rejection and correction', starterCaseEndToEnd],
      ['denial, correction and reload mid-case', denialAndReload],
      ['commercial plan: denial corrected by a replacement claim', commercialReplacement],
      ['encoder and code-set screens', otherScreens],
      ['official code sets in the workspace (worker)', officialCodesets],
      ['storage faults: failed writes, two tabs, starting over', storageFaults],
      ['refresher: two versions of a pack, changes, quiz and score', refresherScenario],
      ['exam mode, quizzes and the progress dashboard', traineeScreens],
      ['studio: author, check, preview, version, share and play a pack', studioScenario],
      [
        'practice: two simulated weeks, reload, a denial through a first-level appeal',
        practiceScenario,
      ],
      ['practice session in the progress history, reopened', practiceInProgress],
      ['case workspace: CMS-1500 print, layouts, focus', workspaceScenario],
      ['case workspace: the starter case by keyboard alone', keyboardOnly],
      ['case workspace: a case that starts from a remittance', remittanceCaseScenario],
      ['case workspace: highlight and annotate the visit note', annotateScenario],
    ]) {
      // E2E_ONLY=<regex> runs the scenarios whose name matches (for working on one of them).
      if (process.env.E2E_ONLY && !new RegExp(process.env.E2E_ONLY, 'i').test(name)) continue;
      console.log(`\n${name}`);
      const t = Date.now();
      try {
        await scenario(run, base);
      } catch (e) {
        if (e instanceof ScenarioStopped) {
          console.log('  (scenario stopped after the failed step)');
          continue;
        }
        run.failed++;
        console.log(
          `  ✗ scenario stopped: ${String(e?.stack ?? e)
            .split('\n')
            .slice(0, 6)
            .join('\n    ')}`,
        );
      }
      console.log(`  (${Date.now() - t} ms)`);
    }
  } finally {
    await new Promise((r) => server.httpServer.close(r));
  }
  console.log('\naxe (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa):');
  for (const a of run.axe)
    console.log(`  ${a.screen}: ${a.violations} violations, ${a.passes} rules passed`);
  console.log(`screenshots: ${run.shots.length} in test-results/`);
  console.log(`total ${Date.now() - t0} ms`);
  console.log(`${run.passed} passed, ${run.failed} failed`);
  process.exit(run.failed === 0 && run.passed > 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
