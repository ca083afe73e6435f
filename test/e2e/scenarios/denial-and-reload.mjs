/**
 * A denial (units over the MUE, CO-151) worked through Medicare reopenings: one that adds a
 * service is refused (the denial stands), one that corrects the units is granted (the original
 * is taken back and the corrected claim paid); reloads at the denial and at the statement bring
 * back the same step and the same entries.
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

    await run.check('a reopening that adds a service is refused; the denial stands', async () => {
      await click(page, 'Correct the claim');
      await heading(page, 'Correct the claim');
      expect(
        await page.getByText(/goes as a\s+reopening\s+request\s+\(clerical\s+error\)/).isVisible(),
        'explains the Medicare reopening',
      );
      await line(page, 1).getByLabel('Units').fill('1');
      await addLine(page, 2, 'G2211', ['E11.65']);
      await click(page, 'Request reopening');
      await heading(page, 'Work the denial');
      expect(
        await page.getByText(/The reopening request was\s+refused/).isVisible(),
        'refusal shown',
      );
      expect(
        await page.getByText(/Line 2 was not on claim .* new claim/).isVisible(),
        'says why: a service never billed goes on a new claim',
      );
      expect((await statusBadge(page)) === 'Denied', 'the original denial stands');
      await run.shot(page, 'e2e-14-reopening-refused');
      await run.axeCheck(page, 'reopening refused');
    });

    await run.check('a clerical reopening of the units is granted and paid', async () => {
      await click(page, 'Correct the claim');
      await heading(page, 'Correct the claim');
      // The draft still holds the refused request's extra line: that service goes on a new claim.
      await click(page, 'Remove line 2');
      expect((await line(page, 1).getByLabel('Units').inputValue()) === '1', 'units still 1');
      await click(page, 'Request reopening');
      await heading(page, 'Remittance advice received');
      expect((await statusBadge(page)) === 'Paid', `status ${await statusBadge(page)}`);
      expect(
        await page.getByText(/the contractor\s+revised\s+its\s+decision/).isVisible(),
        'reopening explained',
      );
      expect(await page.getByText('line 1: units 2 -> 1').isVisible(), 'the change listed');
      expect(
        await page
          .getByRole('table', { name: /Taken back: claim DM2-HTN-ESTABLISHED-001/ })
          .isVisible(),
        'the original is taken back',
      );
      await run.shot(page, 'e2e-15-reopening-granted');
      await run.axeCheck(page, 'reopening granted');
      await click(page, 'Post the remittance');
      await heading(page, 'Payment posted');
      expect(
        (await page.getByRole('table', { name: 'Claims sent' }).getByRole('row').count()) === 4,
        'the claim, the refused request and the reopening in the history',
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
      // It asks first (the closed attempt is kept in the history).
      await page
        .getByRole('dialog', { name: 'Start this case over?' })
        .getByRole('button', { name: 'Start over' })
        .click();
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
