/** The encoder and code-set routes render, work from the keyboard and pass axe. */
import { withBrowser } from '../harness.mjs';
import { CASE_LINK, heading, noPageErrors } from './steps.mjs';

export async function otherScreens(run, base) {
  await withBrowser(async (page, errors) => {
    await run.check('encoder route finds a code', async () => {
      await page.goto(`${base}#/encoder`);
      await heading(page, 'Encoder');
      await page.getByRole('combobox', { name: /Search ICD-10-CM/ }).fill('hypertension');
      await page
        .getByRole('listbox', { name: 'Matching codes' })
        .getByRole('option', { name: /^I10 / })
        .click();
      await page.getByRole('button', { name: 'Use I10', exact: true }).click();
      await page.getByText('Chosen code: I10').waitFor();
      await run.shot(page, 'e2e-11-encoder');
      await run.axeCheck(page, 'encoder');
      noPageErrors(errors);
    });
    await run.check('a corrupt saved record is kept aside with a clear message', async () => {
      await page.goto(base);
      await heading(page, 'Cases');
      // Write a broken record straight into the app's IndexedDB store (localforage "claimlab"/"records").
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const req = indexedDB.open('claimlab');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const tx = req.result.transaction('records', 'readwrite');
              tx.objectStore('records').put(
                { format: 1, kind: 'case-progress', step: 'paid' },
                'claimlab/progress/starter/dm2-htn-established',
              );
              tx.oncomplete = () => resolve(undefined);
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.getByRole('link', { name: CASE_LINK }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
      await alert.waitFor();
      await heading(page, 'The encounter');
      await run.shot(page, 'e2e-13-corrupt-record');
      await run.axeCheck(page, 'corrupt record notice');
    });
    await run.check('code sets route shows the loaded release', async () => {
      await page.getByRole('link', { name: 'Code sets' }).click();
      await heading(page, 'Code sets');
      await page
        .getByRole('heading', { name: 'ICD-10-CM releases' })
        .or(page.getByRole('table', { name: 'ICD-10-CM releases' }))
        .or(page.getByText(/starter code set/i).first())
        .first()
        .waitFor();
      await run.shot(page, 'e2e-12-code-sets');
      await run.axeCheck(page, 'code sets');
      noPageErrors(errors);
    });
  }, run);
}
