/**
 * The case workspace (issue 13): the starter case coded right, the claim shown as a CMS-1500
 * form and printed to a one-page letter PDF with only the form on it, the workspace at 1024,
 * 1280, 1440 and 1920 px (screenshots, no overlapping panes, axe at 1024 and 1440 px).
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { expect, RESULTS, withBrowser } from '../harness.mjs';
import { addDx, addLine, click, heading, noPageErrors, openStarterCase } from './steps.mjs';

const WIDTHS = [1024, 1280, 1440, 1920];

/** Pages in a PDF: page objects are written as "/Type /Page" (the tree as "/Type /Pages"). */
export const pdfPages = (buf) =>
  (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** Boxes of two locators overlap (both visible). */
async function overlaps(a, b) {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) return false;
  return !(
    x.x + x.width <= y.x ||
    y.x + y.width <= x.x ||
    x.y + x.height <= y.y ||
    y.y + y.height <= x.y
  );
}

export async function workspaceScenario(run, base) {
  await withBrowser(
    async (page, errors) => {
      await run.check('codes the starter case', async () => {
        await openStarterCase(page, base);
        await click(page, 'Start coding');
        await heading(page, 'Code the visit');
        await addDx(page, 'diabetes hyperglycemia', 'E11.65');
        await addDx(page, 'essential hypertension', 'I10');
        await addDx(page, 'E78.5', 'E78.5');
        await addDx(page, 'Z79.84', 'Z79.84');
        await addLine(page, 1, '99214', ['E11.65', 'I10', 'E78.5', 'Z79.84']);
        await addLine(page, 2, 'G2211', ['E11.65', 'I10']);
      });

      for (const width of WIDTHS)
        await run.check(`coding workspace at ${width} px: panes do not overlap`, async () => {
          await page.setViewportSize({ width, height: 900 });
          await page.getByRole('combobox', { name: /Search ICD-10-CM/ }).fill('hypertension');
          await page
            .getByRole('listbox', { name: 'Matching codes' })
            .getByRole('option')
            .first()
            .click();
          const use = page.getByRole('button', { name: /^Use / }).first();
          await use.waitFor();
          const detail = page.getByRole('region', { name: /code detail/i }).first();
          const results = page.getByRole('listbox', { name: 'Matching codes' });
          if (await detail.count())
            expect(!(await overlaps(detail, results)), 'code detail overlaps the results');
          await use.scrollIntoViewIfNeeded();
          // The "Use" button is the topmost element where it is drawn (nothing runs over it).
          const box = await use.boundingBox();
          const hit = await page.evaluate(
            ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? '',
            [box.x + box.width / 2, box.y + box.height / 2],
          );
          expect(/^Use /.test(hit.trim()), `"Use" is covered at ${width} px (hit: ${hit})`);
          await run.shot(page, `e2e-ws-coding-${width}`);
          if (width === 1024 || width === 1440) await run.axeCheck(page, `coding at ${width}`);
        });

      await run.check('claim review shows the CMS-1500 form', async () => {
        await page.setViewportSize({ width: 1440, height: 900 });
        await click(page, 'Scrub');
        await click(page, 'Create claim');
        await heading(page, 'Review the claim');
        await click(page, 'Show the CMS-1500 form');
        const form = page.getByRole('region', { name: 'CMS-1500 form' });
        await form.waitFor();
        const text = await form.innerText();
        for (const want of ['E1165', 'I10', 'E785', 'Z7984', '99214', 'G2211', 'Training use only'])
          expect(text.includes(want), `form shows ${want}`);
        await run.shot(page, 'e2e-ws-cms1500');
        await run.axeCheck(page, 'claim review with CMS-1500 at 1440');
        await page.setViewportSize({ width: 1024, height: 900 });
        await run.axeCheck(page, 'claim review with CMS-1500 at 1024');
      });

      await run.check('the CMS-1500 prints to one letter page with only the form', async () => {
        await page.emulateMedia({ media: 'print' });
        const visible = await page.evaluate(
          () =>
            [...document.querySelectorAll('h1, h2, nav, button')].filter(
              (e) => e.getClientRects().length > 0,
            ).length,
        );
        expect(visible === 0, `${visible} headings, buttons or nav still visible in print`);
        // page.pdf() lays out with print media unless screen media is being emulated.
        await page.emulateMedia({ media: null });
        const pdf = await page.pdf({ format: 'Letter', preferCSSPageSize: true });
        writeFileSync(join(RESULTS, 'e2e-ws-cms1500.pdf'), pdf);
        const n = pdfPages(pdf);
        expect(n === 1, `the PDF has ${n} pages`);
      });

      await run.check('no page errors', async () => noPageErrors(errors));
    },
    run,
    { starterOnly: true },
  );
}
