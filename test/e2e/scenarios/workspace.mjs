/**
 * The case workspace (issue 13): the starter case coded right, the claim shown as a CMS-1500
 * form and printed to a one-page letter PDF with only the form on it, the workspace at 1024,
 * 1280, 1440 and 1920 px (screenshots, no overlapping panes, axe at 1024 and 1440 px).
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { expect, RESULTS, withBrowser } from '../harness.mjs';
import { addDx, click, heading, line, noPageErrors, openStarterCase } from './steps.mjs';

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
      });

      await run.check('removing a diagnosis keeps focus in the list', async () => {
        await page.getByRole('button', { name: 'Remove Z79.84' }).click();
        const focused = await page.evaluate(() =>
          document.activeElement?.getAttribute('aria-label'),
        );
        expect(focused === 'Remove E78.5', `focus on ${focused}`);
        await addDx(page, 'Z79.84', 'Z79.84');
      });

      await run.check('after "Add procedure line" focus is on the new line\'s code', async () => {
        await click(page, 'Add procedure line');
        const focused = await page.evaluate(() => document.activeElement?.id);
        expect(focused === 'line-1-code', `focus on ${focused}`);
        await page.keyboard.type('99214');
        for (const dx of ['E11.65', 'I10', 'E78.5', 'Z79.84'])
          await line(page, 1)
            .getByRole('checkbox', { name: new RegExp(dx.replace('.', '\\.')) })
            .check();
      });

      await run.check('procedure search finds codes by words and number, adds a line', async () => {
        const box = page.getByLabel(/Find a CPT\/HCPCS code/);
        await box.fill('office visit established');
        const hits = page.getByRole('list', { name: 'Matching procedure codes and modifiers' });
        await hits.getByText('99214', { exact: true }).waitFor();
        await box.fill('25');
        await hits.getByText('Modifier', { exact: true }).first().waitFor();
        await box.fill('G2211');
        expect(await hits.getByText('$30.00').isVisible(), 'charge-master charge shown');
        await page.getByRole('button', { name: 'Add G2211 as a line' }).click();
        const l2 = line(page, 2);
        expect((await l2.getByLabel('Procedure code').inputValue()) === 'G2211', 'line 2 code');
        expect((await l2.getByLabel('Charge ($)').inputValue()) === '30.00', 'line 2 charge');
        const focused = await page.evaluate(() => document.activeElement?.id);
        expect(focused === 'line-2-code', `focus on ${focused}`);
        for (const dx of ['E11.65', 'I10'])
          await l2.getByRole('checkbox', { name: new RegExp(dx.replace('.', '\\.')) }).check();
        await run.shot(page, 'e2e-ws-procedure-search');
      });

      for (const width of WIDTHS)
        await run.check(`coding workspace at ${width} px: panes do not overlap`, async () => {
          await page.setViewportSize({ width, height: 900 });
          const results = page.getByRole('listbox', { name: 'Matching codes' });
          await page.getByRole('combobox', { name: /Search ICD-10-CM/ }).fill('S52.521');
          await results
            .getByRole('option', { name: /^S52\.521 / })
            .first()
            .click();
          const detail = page.getByRole('region', { name: /^S52\.521 / });
          await detail.waitFor();
          const chapter = page.getByLabel('Chapter');
          const billable = page.getByLabel('Billable only');
          for (const [name, other] of [
            ['results', results],
            ['chapter filter', chapter],
            ['billable-only checkbox', billable],
          ])
            expect(!(await overlaps(detail, other)), `code detail overlaps the ${name}`);
          // The label sits beside its checkbox (same line, to its right).
          const [cb, lab] = [
            await billable.boundingBox(),
            await page.getByText('Billable only').boundingBox(),
          ];
          expect(
            Math.abs(cb.y + cb.height / 2 - (lab.y + lab.height / 2)) < 6 &&
              lab.height < 2 * cb.height &&
              lab.x + lab.width > cb.x + cb.width + 20,
            `"Billable only" is not beside its checkbox at ${width} px`,
          );
          // The 7th-character builder: radios in one column, the "Use" button reachable on top.
          const radios = detail.getByRole('radio');
          const xs = new Set();
          for (let i = 0; i < (await radios.count()); i++)
            xs.add(Math.round((await radios.nth(i).boundingBox()).x));
          expect(xs.size === 1, `7th-character radios not aligned: x = ${[...xs]}`);
          await detail.getByRole('radio', { name: /^A\b/ }).check();
          const use = detail.getByRole('button', { name: 'Use S52.521A' });
          await use.scrollIntoViewIfNeeded();
          const box = await use.boundingBox();
          const hit = await page.evaluate(
            ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? '',
            [box.x + box.width / 2, box.y + box.height / 2],
          );
          expect(hit.trim() === 'Use S52.521A', `"Use" is covered at ${width} px (hit: ${hit})`);
          await detail.scrollIntoViewIfNeeded();
          await run.shot(page, `e2e-ws-coding-${width}`);
          await page
            .getByRole('region', { name: 'Encoder' })
            .screenshot({ path: join(RESULTS, `e2e-ws-encoder-${width}.png`) });
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

/** Presses Tab until the focused element's name (label, aria-label or text) matches. */
async function tabTo(page, name, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const got = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e) return '';
      const label = e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : '';
      return (
        e.getAttribute('aria-label') ||
        e.closest('label')?.textContent ||
        label ||
        e.textContent ||
        ''
      ).trim();
    });
    if (typeof name === 'string' ? got === name : name.test(got)) return;
  }
  throw new Error(`no focusable element named ${name} within ${max} Tab presses`);
}

/** The starter case from the case list to the score with the keyboard alone. */
export async function keyboardOnly(run, base) {
  await withBrowser(
    async (page, errors) => {
      await run.check('keyboard only: opens the case and codes the diagnoses', async () => {
        await page.goto(base);
        await heading(page, 'Cases');
        await tabTo(page, /type 2 diabetes and hypertension/i);
        await page.keyboard.press('Enter');
        await heading(page, 'The encounter');
        await tabTo(page, 'Start coding');
        await page.keyboard.press('Enter');
        await heading(page, 'Code the visit');
        for (const [q, code] of [
          ['diabetes hyperglycemia', 'E11.65'],
          ['essential hypertension', 'I10'],
          ['E78.5', 'E78.5'],
          ['Z79.84', 'Z79.84'],
        ]) {
          await page.keyboard.press('Alt+Shift+KeyD');
          await page.keyboard.press('Control+A');
          await page.keyboard.type(q);
          const opt = page
            .getByRole('listbox', { name: 'Matching codes' })
            .getByRole('option', { name: new RegExp(`^${code.replace('.', '\\.')} `) });
          await opt.first().waitFor();
          for (
            let i = 0;
            i < 12 && (await opt.first().getAttribute('aria-selected')) !== 'true';
            i++
          )
            await page.keyboard.press('ArrowDown');
          await page.keyboard.press('Enter');
          await page.getByRole('button', { name: `Use ${code}`, exact: true }).waitFor();
          await tabTo(page, `Use ${code}`);
          await page.keyboard.press('Enter');
          await page
            .getByRole('list', { name: 'Diagnoses in claim order' })
            .getByText(code, { exact: true })
            .waitFor();
        }
      });

      await run.check('keyboard only: adds the lines and their pointers', async () => {
        for (const [code, dxs] of [
          ['99214', ['E11.65', 'I10', 'E78.5', 'Z79.84']],
          ['G2211', ['E11.65', 'I10']],
        ]) {
          await page.keyboard.press('Alt+Shift+KeyP');
          await page.keyboard.type(code);
          await tabTo(page, `Add ${code} as a line`);
          await page.keyboard.press('Enter');
          await page.waitForFunction(() =>
            /^line-\d+-code$/.test(document.activeElement?.id ?? ''),
          );
          for (const dx of dxs) {
            await tabTo(page, new RegExp(`^[A-L] ${dx.replace('.', '\\.')}$`));
            await page.keyboard.press('Space');
          }
        }
        const l2 = line(page, 2);
        expect(await l2.getByRole('checkbox', { name: /I10/ }).isChecked(), 'line 2 points to I10');
      });

      await run.check('keyboard only: scrub, claim, payment, statement and score', async () => {
        await page.keyboard.press('Alt+Shift+KeyS');
        await page.getByText('Scrub found no problems.').waitFor();
        for (const [button, next] of [
          ['Create claim', 'Review the claim'],
          ['Submit claim', 'Remittance advice received'],
          ['Post the remittance', /Payment posted|Work the denial/],
        ]) {
          await tabTo(page, button);
          await page.keyboard.press('Enter');
          await heading(page, next);
        }
        const denied = await page.getByRole('heading', { name: 'Work the denial' }).count();
        await tabTo(
          page,
          denied ? 'Accept and issue patient statement' : 'Issue patient statement',
        );
        await page.keyboard.press('Enter');
        await heading(page, 'Patient statement');
        await tabTo(page, 'Close the case and see the score');
        await page.keyboard.press('Enter');
        await heading(page, 'Your score');
        const pct = await page.locator('.percent strong').innerText();
        expect(pct.trim() === '100%', `score ${pct}`);
        await run.shot(page, 'e2e-ws-keyboard-score');
        noPageErrors(errors);
      });
    },
    run,
    { starterOnly: true },
  );
}
