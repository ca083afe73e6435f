/**
 * A denial (units over the MUE, CO-151) worked by correcting the units, with reloads at the
 * denial and at the statement: the same step and the same entries come back.
 */
import { expect, withBrowser } from '../harness.mjs';
import {
  addDx,
  addLine,
  click,
  dxCodes,
  heading,
  line,
  noPageErrors,
  openStarterCase,
  statusBadge,
} from './steps.mjs';

export async function denialAndReload(run, base) {
  await withBrowser(async (page, errors) => {
    await run.check('codes 99214 with 2 units and reloads while coding', async () => {
      await openStarterCase(page, base);
      await click(page, 'Start coding');
      await addDx(page, 'E11.65', 'E11.65');
      await addDx(page, 'I10', 'I10');
      await addLine(page, 1, '99214', ['E11.65', 'I10'], 2);
      // Keyboard only: move I10 up and back down with Enter, toggle a pointer off and on with Space.
      await page.getByRole('button', { name: 'Move I10 up' }).focus();
      await page.keyboard.press('Enter');
      expect((await dxCodes(page))[0] === 'I10', 'I10 moved up from the keyboard');
      await page.getByRole('button', { name: 'Move I10 down' }).focus();
      await page.keyboard.press('Enter');
      expect((await dxCodes(page))[0] === 'E11.65', 'E11.65 back on top');
      const ptr = line(page, 1).getByRole('checkbox', { name: /I10/ });
      await ptr.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Space');
      expect(await ptr.isChecked(), 'pointer toggled back on from the keyboard');
      await page.waitForTimeout(300);
      await page.reload();
      await heading(page, 'Code the visit');
      expect(
        (await line(page, 1).getByLabel('Units').inputValue()) === '2',
        'units kept after reload',
      );
    });

    await run.check('submits and is denied CO-151 (N362)', async () => {
      await click(page, 'Create claim');
      await click(page, 'Submit claim');
      await heading(page, 'Remittance advice received');
      expect((await statusBadge(page)) === 'Denied', `status ${await statusBadge(page)}`);
      expect(
        await page
          .getByText(/CO-151/)
          .first()
          .isVisible(),
        'CO-151 shown',
      );
      await click(page, 'Post the remittance');
      await heading(page, 'Work the denial');
      await run.shot(page, 'e2e-10-denied');
      await run.axeCheck(page, 'denial');
    });

    await run.check('reload at the denial returns to the denial', async () => {
      await page.waitForTimeout(300);
      await page.reload();
      await heading(page, 'Work the denial');
      expect((await statusBadge(page)) === 'Denied', 'remittance kept');
    });

    await run.check('corrects the units and is paid on the corrected claim', async () => {
      await click(page, 'Correct the claim');
      await heading(page, 'Correct the claim');
      await line(page, 1).getByLabel('Units').fill('1');
      await click(page, 'Resubmit claim');
      await heading(page, 'Remittance advice received');
      expect((await statusBadge(page)) === 'Paid', `status ${await statusBadge(page)}`);
      await click(page, 'Post the remittance');
      await heading(page, 'Payment posted');
      expect(
        (await page.getByRole('table', { name: 'Claims sent' }).getByRole('row').count()) === 3,
        'two claims in the history',
      );
      await click(page, 'Issue patient statement');
      await heading(page, 'Patient statement');
    });

    await run.check('reload at the statement keeps it', async () => {
      const due = await page.locator('.due strong').innerText();
      await page.waitForTimeout(300);
      await page.reload();
      await heading(page, 'Patient statement');
      expect((await page.locator('.due strong').innerText()) === due, 'same amount due');
      noPageErrors(errors);
    });
    await run.check('starting the case over clears the work', async () => {
      await click(page, 'Start this case over');
      await heading(page, 'The encounter');
      await click(page, 'Start coding');
      await heading(page, 'Code the visit');
      // Focus follows the step change to the new screen's heading (for keyboard and screen-reader users).
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      expect(focused === 'Code the visit', `focus on "${focused}"`);
      expect((await dxCodes(page)).length === 0, 'no diagnoses left');
      noPageErrors(errors);
    });
  }, run);
}
