/**
 * The commercial PPO case: the plan pays an E/M with modifier 25 only when the E/M points to a
 * diagnosis the procedure does not. Coded with the E/M pointing to the lesion only, it is denied
 * CO-4; the correction goes as a frequency 7 replacement naming the payer claim number, and the
 * remittance takes the original back (CLP02 22 in the 835) before paying the corrected claim.
 */
import { expect, withBrowser } from '../harness.mjs';
import {
  addDxAsTyped,
  addLine,
  click,
  download,
  heading,
  line,
  noPageErrors,
  setPointers,
  statusBadge,
} from './steps.mjs';

export async function commercialReplacement(run, base) {
  await withBrowser(async (page, errors) => {
    await run.check(
      'codes the commercial case with the E/M pointing to the lesion only',
      async () => {
        await page.goto(base);
        await page.getByRole('link', { name: /actinic keratosis/i }).click();
        await heading(page, 'The encounter');
        await click(page, 'Start coding');
        await heading(page, 'Code the visit');
        await addDxAsTyped(page, 'I10');
        await addDxAsTyped(page, 'L57.0');
        await addLine(page, 1, '99214', ['L57.0']);
        await line(page, 1).getByLabel('Line 1 modifier 1').fill('25');
        await addLine(page, 2, '17000', ['L57.0']);
      },
    );

    let icn = '';
    await run.check('the plan denies the E/M CO-4 (no distinct diagnosis)', async () => {
      await click(page, 'Create claim');
      await click(page, 'Submit claim');
      await heading(page, 'Remittance advice received');
      expect((await statusBadge(page)) === 'Partially paid', `status ${await statusBadge(page)}`);
      expect(await page.getByText(/CO-4/).first().isVisible(), 'CO-4 shown');
      icn = (await page.locator('.summary code').nth(1).innerText()).trim();
      expect(/^C\d+$/.test(icn), `payer claim number ${icn}`);
      await click(page, 'Post the remittance');
      await heading(page, 'Work the denial');
    });

    await run.check('the correction goes as a frequency 7 replacement of that claim', async () => {
      await click(page, 'Correct the claim');
      await heading(page, 'Correct the claim');
      expect(
        await page.getByText(/goes as\s+frequency 7\s+replacing\s+claim/).isVisible(),
        'explains the replacement',
      );
      expect(await page.getByText(icn, { exact: true }).first().isVisible(), 'names the ICN');
      await setPointers(page, 1, ['I10']);
      await click(page, 'Resubmit claim');
      await heading(page, 'Remittance advice received');
      expect((await statusBadge(page)) === 'Paid', `status ${await statusBadge(page)}`);
      expect(
        await page
          .getByRole('table', { name: /Taken back: claim AK-HTN-COMMERCIAL-001/ })
          .isVisible(),
        'the original is taken back',
      );
      expect(await page.getByText(/PR-3/).first().isVisible(), 'office-visit copay PR-3');
      await run.shot(page, 'e2e-16-replacement-paid');
      await run.axeCheck(page, 'replacement remittance');
    });

    await run.check('the 835 carries the reversal and the corrected claim', async () => {
      const f = await download(page, 'Download the 835 (X12 005010X221A1)');
      expect(
        f.text.includes(`CLP*AK-HTN-COMMERCIAL-002*22*-285*`),
        'reversal CLP02 22 with the original billed amount negated',
      );
      expect(f.text.includes('REF*F8*AK-HTN-COMMERCIAL-001'), 'REF*F8 names the original');
      expect(/CLP\*AK-HTN-COMMERCIAL-002\*1\*285\*/.test(f.text), 'the corrected claim CLP');
      await click(page, 'Post the remittance');
      await heading(page, 'Payment posted');
      await click(page, 'Issue patient statement');
      await heading(page, 'Patient statement');
      noPageErrors(errors);
    });
  }, run);
}
