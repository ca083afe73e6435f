/**
 * The browser never loses work: a fresh profile opens without storage warnings, a failed write
 * (quota exceeded) is shown and saving resumes once space is back, two tabs on one case see each
 * other's changes instead of erasing them, "Start this case over" asks first and keeps the
 * closed attempt with its score, and Settings says whether storage is persistent.
 */
import { expect, watchPage, withBrowser } from '../harness.mjs';
import { addDx, click, dxCodes, dxList, heading, noPageErrors, openStarterCase } from './steps.mjs';

/** Makes every IndexedDB write throw QuotaExceededError while window.__failWrites is true. */
function failWritesOnDemand() {
  const wrap = (name) => {
    const orig = IDBObjectStore.prototype[name];
    IDBObjectStore.prototype[name] = function (...args) {
      if (window.__failWrites)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return orig.apply(this, args);
    };
  };
  wrap('put');
  wrap('add');
}

export async function storageFaults(run, base) {
  await withBrowser(async (page, errors, context) => {
    await context.addInitScript(failWritesOnDemand);

    await run.check('a fresh profile opens a case with no storage warning', async () => {
      await openStarterCase(page, base);
      await click(page, 'Start coding');
      await heading(page, 'Code the visit');
      noPageErrors(errors);
    });

    await run.check('a failed write is shown, and saving resumes once space is back', async () => {
      await page.evaluate(() => (window.__failWrites = true));
      await addDx(page, 'E11.65', 'E11.65');
      const alert = page.getByRole('alert').filter({ hasText: /could not be saved/ });
      await alert.waitFor();
      expect(/QuotaExceededError/.test(await alert.innerText()), 'the alert names the error');
      await run.axeCheck(page, 'save failed notice');
      await page.evaluate(() => (window.__failWrites = false));
      // The retry (1 s after the first failure) writes the diagnosis; the alert goes away.
      await alert.waitFor({ state: 'detached', timeout: 10_000 });
      await addDx(page, 'I10', 'I10');
      await page.waitForTimeout(300);
      await page.reload();
      await heading(page, 'Code the visit');
      const codes = await dxCodes(page);
      expect(codes.join(',') === 'E11.65,I10', `after reload the diagnoses are ${codes.join(',')}`);
    });

    await run.check(
      'two tabs on one case: each sees the other’s change, none is lost',
      async () => {
        const tabErrors = [];
        const b = await context.newPage();
        watchPage(b, tabErrors);
        await b.goto(page.url());
        await heading(b, 'Code the visit');
        // Tab A adds a diagnosis: tab B, with nothing unsaved, shows it.
        await addDx(page, 'J06.9', 'J06.9');
        await dxList(b).getByText('J06.9', { exact: true }).waitFor({ timeout: 10_000 });
        await b
          .getByText(/changed in another tab/)
          .first()
          .waitFor();
        // Tab B removes it again: tab A shows that.
        await b.getByRole('button', { name: 'Remove J06.9' }).click();
        await dxList(page).getByText('J06.9', { exact: true }).waitFor({ state: 'detached' });
        const a = await dxCodes(page);
        const bb = await dxCodes(b);
        expect(a.join() === 'E11.65,I10' && bb.join() === a.join(), `A ${a} / B ${bb}`);
        await run.axeCheck(b, 'case updated from another tab');
        noPageErrors(tabErrors);
        await b.close();
      },
    );

    await run.check('"Start this case over" asks first and keeps the closed attempt', async () => {
      await page.reload();
      await heading(page, 'Code the visit');
      await click(page, 'Start this case over');
      const dialog = page.getByRole('dialog', { name: 'Start this case over?' });
      await dialog.waitFor();
      await run.axeCheck(page, 'start over dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await dxCodes(page)).length === 2, 'cancel keeps the work');
      await click(page, 'Start this case over');
      await dialog.getByRole('button', { name: 'Start over' }).click();
      await heading(page, 'The encounter');
      const table = page.getByRole('table', { name: /Closed attempts/ });
      await table.waitFor();
      const row = await table.getByRole('row').nth(1).innerText();
      expect(/\d+% \(\d+(\.\d+)? of \d+\)/.test(row), `attempt row: ${row}`);
      await page.reload();
      await table.waitFor();
      expect((await table.getByRole('row').count()) === 2, 'one attempt kept after reload');
    });

    await run.check('Settings says whether saved work is persistent', async () => {
      await page.goto(`${base}#/settings`);
      const p = page.getByTestId('durability');
      await p.waitFor();
      expect(
        /Persistent storage (granted|not granted)|cannot keep/.test(await p.innerText()),
        await p.innerText(),
      );
      noPageErrors(errors);
    });
  });
}
