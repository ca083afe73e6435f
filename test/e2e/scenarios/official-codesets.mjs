/**
 * The official code sets in the app (issues 3, 4, 5): with the built bundles served, the case
 * workspace's encoder, Scrub and the payer run in the code-set worker. Searches "dm2
 * hyperglycemia" and gets E11.65 from official FY2026, scrubs official-only findings (the 7th
 * character with the X placeholder, an Excludes1 pair) next to their diagnoses, and the status
 * line names FY2026 official. Skips (says so) when codesets/build has no bundles.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, withBrowser } from '../harness.mjs';
import { addDxAsTyped, addLine, click, heading, noPageErrors, openStarterCase } from './steps.mjs';

const BUILD = resolve(import.meta.dirname, '../../../codesets/build');

export async function officialCodesets(run, base) {
  if (!existsSync(resolve(BUILD, 'icd10cm-fy2026.txt.gz'))) {
    console.log(
      '  (skipped: codesets/build has no official bundles; get ../shared/reference and run `npm run -s claimlab -- codesets build`)',
    );
    return;
  }
  await withBrowser(async (page, errors) => {
    const status = page.getByRole('contentinfo', { name: 'Code set status' }).getByRole('status');
    let loadMs = 0;
    await run.check('the workspace loads official FY2026 for the date of service', async () => {
      await openStarterCase(page, base);
      const t = Date.now();
      await click(page, 'Start coding');
      await heading(page, 'Code the visit');
      await status
        .getByText(/ICD-10-CM FY2026 \(official, 98,186 codes\)/)
        .waitFor({ timeout: 30_000 });
      loadMs = Date.now() - t;
      const line = (await status.innerText()).replace(/\s+/g, ' ');
      expect(/Official code sets:/.test(line), `status line: ${line}`);
      expect(/MPFS 2025/.test(line), `status line names MPFS: ${line}`);
      const timings = await status.getAttribute('data-load-ms');
      console.log(`    status line: ${line}`);
      console.log(`    worker load (ms): ${timings}; visible after ${loadMs} ms`);
    });

    await run.check(
      'the encoder finds E11.65 for "dm2 hyperglycemia" in official FY2026',
      async () => {
        await page
          .getByRole('region', { name: 'Encoder' })
          .getByText(/FY2026 \(official, 98186 codes\)/)
          .waitFor();
        const t = Date.now();
        await page.getByRole('combobox', { name: /Search ICD-10-CM/ }).fill('dm2 hyperglycemia');
        const hit = page
          .getByRole('listbox', { name: 'Matching codes' })
          .getByRole('option', { name: /^E11\.65 / });
        await hit.first().waitFor();
        console.log(`    search answered in ${Date.now() - t} ms (round trip through the worker)`);
        await hit.first().click();
        await page.getByRole('button', { name: 'Use E11.65', exact: true }).waitFor();
      },
    );

    await run.check('scrub shows official-only findings next to their diagnoses', async () => {
      for (const code of ['W21.89A', 'E11.9', 'R73.9']) await addDxAsTyped(page, code);
      await addLine(page, 1, '99213', ['W21.89A', 'E11.9', 'R73.9']);
      await click(page, 'Scrub');
      const w21 = page.getByRole('list', { name: 'Findings for diagnosis W21.89A' });
      await w21.waitFor({ timeout: 30_000 });
      expect(await w21.getByText('code.seventh-character').isVisible(), '7th-character finding');
      expect(
        (await w21.innerText()).includes('W21.89XA'),
        `suggests W21.89XA: ${await w21.innerText()}`,
      );
      const ex = page.getByRole('list', { name: /Findings for diagnosis (E11\.9|R73\.9)/ });
      expect(
        (await ex.getByText('icd10cm.excludes1').count()) > 0,
        'Excludes1 finding next to E11.9 or R73.9',
      );
      await run.shot(page, 'e2e-12-official-scrub');
    });

    await run.check('the encoder is one click away: opens the suggested W21.89XA', async () => {
      await page
        .getByRole('list', { name: 'Findings for diagnosis W21.89A' })
        .getByRole('button', { name: 'Open W21.89XA in the encoder' })
        .first()
        .click();
      await page.getByRole('button', { name: 'Use W21.89XA', exact: true }).click();
      await page
        .getByRole('list', { name: 'Diagnoses in claim order' })
        .getByText('W21.89XA', { exact: true })
        .waitFor();
    });
    await run.check('axe: workspace on the official code sets', () =>
      run.axeCheck(page, 'workspace (official code sets)'),
    );
    await run.check('no page errors', async () => noPageErrors(errors));
  }, run);
}
