/**
 * A case that starts from a remittance (denials-and-appeals): it is labelled in the case list,
 * opens at the payer's answer with the claim as it was sent, and the denial is worked from the
 * keyboard in the denial workbench — a wrong move first (billing the patient for a CO-50
 * medical-necessity denial with no ABN: refused, its consequence shown), then the right one
 * (writing it off), and the score. A second case is won on appeal at level 1 with the corrected
 * code: the payer's revised remittance is posted, then scored. A QMB's claim is billed to Medicaid
 * as secondary and its answer shown, flagged QMB on the remittance and the statement; billing the
 * QMB anyway is a wrong move with its consequence. A secondary named only in the note is answered
 * by the default commercial secondary profile. axe at 1024 and 1440 px on the workbench.
 */
import { expect, withBrowser } from '../harness.mjs';
import { heading, noPageErrors, statusBadge } from './steps.mjs';

/** Chooses a radio by keyboard: focus it and press Space (Playwright's check() clicks). */
async function chooseByKeyboard(page, name) {
  const r = page.getByRole('radio', { name, exact: typeof name === 'string' });
  await r.focus();
  await page.keyboard.press('Space');
  expect(await r.isChecked(), `${name} chosen`);
}

async function pressButton(page, name, exact = true) {
  await page.getByRole('button', { name, exact }).first().focus();
  await page.keyboard.press('Enter');
}

export async function remittanceCaseScenario(run, base) {
  await withBrowser(async (page, errors) => {
    await run.check('the case list labels a case that starts from a remittance', async () => {
      await page.goto(base);
      const card = page
        .getByRole('listitem')
        .filter({ hasText: /CO-50 without an ABN: the provider writes it off/i });
      await card.first().waitFor({ timeout: 15_000 });
      expect(
        await card.first().getByText('Starts from a remittance').isVisible(),
        'label on the card',
      );
    });

    await run.check('opens at the remittance with the claim as sent', async () => {
      await page.goto(`${base}#/case/denials-and-appeals/co50-no-abn-gz-lipid-panel`);
      await heading(page, 'Remittance advice received');
      expect(
        await page
          .getByText(/as it was sent/)
          .first()
          .isVisible(),
        'claim as sent',
      );
      expect((await statusBadge(page)) === 'Partially paid', `status ${await statusBadge(page)}`);
      expect(await page.getByText(/CO-50/).first().isVisible(), 'CO-50 shown');
      expect(
        await page
          .getByText(/Medicare Part B/)
          .first()
          .isVisible(),
        'payer name in words',
      );
      await pressButton(page, 'Post the remittance');
      await heading(page, 'Work the denial');
      for (const width of [1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await run.axeCheck(page, `denial workbench at ${width}`);
      }
      await run.shot(page, 'e2e-remittance-workbench');
    });

    await run.check('a wrong move (billing the patient for CO) shows its consequence', async () => {
      await chooseByKeyboard(page, 'Bill the patient');
      await pressButton(page, 'Take this action');
      const log = page.locator('#work-log');
      await log.getByText('Wrong move').waitFor();
      expect(await log.getByText(/statement is held back/).isVisible(), 'consequence shown');
      await heading(page, 'Work the denial');
    });

    await run.check('the right move (write it off) closes the case and scores it', async () => {
      await chooseByKeyboard(page, 'Write off');
      await page.getByLabel('Write-off reason').selectOption('medical-necessity');
      await pressButton(page, 'Take this action');
      await heading(page, 'Your score');
      // Written off in the end (right) after billing the patient for CO (wrong): partly right.
      const row = page.getByRole('row', { name: /Balance decision/ });
      expect(await row.getByText(/Partly right/).isVisible(), 'one right and one wrong action');
      await run.axeCheck(page, 'remittance case score');
    });

    await run.check(
      'billing the patient sends the statement (balance by line, group and CARC); the case closes once the patient pays',
      async () => {
        await page.goto(`${base}#/case/denials-and-appeals/pr1-pr2-medicare-posting`);
        await heading(page, 'Remittance advice received');
        await pressButton(page, 'Post the remittance');
        await heading(page, 'Payment posted');
        await chooseByKeyboard(page, 'Bill the patient');
        await pressButton(page, 'Take this action');
        await heading(page, 'Patient statement');
        // The statement: each line's share with its group and CARC (PR-1 deductible, PR-2 coinsurance).
        const table = page.getByRole('table');
        expect(await table.getByText('PR-1').first().isVisible(), 'PR-1 on the statement');
        expect(await table.getByText('PR-2').first().isVisible(), 'PR-2 on the statement');
        const account = page.getByRole('region', { name: 'Patient balance' });
        const said = async () => ((await account.textContent()) ?? '').replace(/\s+/g, ' ');
        expect(/after 1 statement/.test(await said()), 'the first statement');
        expect(
          (await page.getByRole('button', { name: 'Close the case and see the score' }).count()) ===
            0,
          'no closing while the balance is open',
        );
        await run.axeCheck(page, 'patient statement and balance');
        // A small-balance write-off of more than $5.00 is refused, with the rule.
        await page.getByLabel('Balance write-off reason').selectOption('small-balance');
        await pressButton(page, 'Write off the balance');
        await page
          .locator('#account-log')
          .getByText(/Refused:/)
          .waitFor();
        await pressButton(page, 'Send the next statement', false);
        await page
          .locator('#account-log')
          .getByText(/Statement 2 \(a reminder\)/)
          .waitFor();
        expect(/after 2 statement/.test(await said()), 'the reminder counted');
        // The patient pays the whole balance: the case closes and is scored.
        const owed = await said();
        const amount = /\$([\d,]+\.\d{2})/.exec(owed)?.[1]?.replace(/,/g, '') ?? '0';
        await page.getByLabel('Payment received from the patient ($)').fill(amount);
        await pressButton(page, 'Record the payment');
        await heading(page, 'Your score');
        const row = page.getByRole('row', { name: /Balance decision/ });
        expect(
          await row.getByText(/Right/).first().isVisible(),
          'billing the patient scored right',
        );
        noPageErrors(errors);
      },
    );

    await run.check('an appeal at level 1 with the corrected code is won', async () => {
      await page.goto(`${base}#/case/denials-and-appeals/co50-redetermination-records`);
      await heading(page, 'Remittance advice received');
      await pressButton(page, 'Post the remittance');
      await heading(page, 'Work the denial');
      await chooseByKeyboard(page, 'Appeal');
      expect(
        await page.getByRole('radio', { name: /Redetermination.*due by 2026-10-26/ }).isVisible(),
        'deadline counted from the remit date',
      );
      await chooseByKeyboard(page, /Level 1:/);
      await page.getByLabel('Evidence sent with the appeal').selectOption('corrected-code');
      await pressButton(page, 'Take this action');
      // The payer reprocesses the claim: its revised remittance takes the first one back.
      await heading(page, 'Remittance advice received');
      expect(
        await page.getByText(/Revised remittance after the appeal \(MA91\)/).isVisible(),
        'revision notice',
      );
      expect(await page.getByText(/Taken back: claim/).isVisible(), 'the original taken back');
      expect((await statusBadge(page)) === 'Paid', `status ${await statusBadge(page)}`);
      await run.axeCheck(page, 'revised remittance after a won appeal');
      await pressButton(page, 'Post the remittance');
      await heading(page, 'Payment posted');
      await chooseByKeyboard(page, 'Post it and take no further action');
      await pressButton(page, 'Take this action');
      await heading(page, 'Your score');
      expect(await page.getByText('100%', { exact: true }).isVisible(), 'full score');
    });

    await run.check('an appeal sent after its deadline is dismissed as late', async () => {
      await page.goto(`${base}#/case/denials-and-appeals/co151-mai3-biopsies-redetermination`);
      await heading(page, 'Remittance advice received');
      await pressButton(page, 'Post the remittance');
      await heading(page, 'Work the denial');
      await chooseByKeyboard(page, 'Appeal');
      await chooseByKeyboard(page, /Level 1:/);
      await page.getByLabel(/Send it on/).fill('2027-03-01');
      await pressButton(page, 'Take this action');
      const log = page.locator('#work-log');
      await log.getByText(/dismissed as late/).waitFor();
      expect(await log.getByText('Wrong move').first().isVisible(), 'judged wrong');
    });

    await run.check(
      'billing the secondary sends a crossover claim to Medicaid and shows its answer',
      async () => {
        await page.goto(`${base}#/case/denials-and-appeals/qmb-cost-sharing-bill-medicaid`);
        await heading(page, 'Remittance advice received');
        await pressButton(page, 'Post the remittance');
        await heading(page, 'Payment posted');
        await chooseByKeyboard(page, 'Bill the secondary payer');
        await pressButton(page, 'Take this action');
        const sec = page.getByRole('region', { name: /Secondary payer: medicaid/ });
        await sec.waitFor({ timeout: 15_000 });
        // The claim went with Medicare's adjudication (COB): each line shows what the primary paid.
        expect(
          await sec
            .getByText(/-001-S$/)
            .first()
            .isVisible(),
          'the secondary claim is named',
        );
        const table = sec.getByRole('table', { name: /Secondary remittance/ });
        expect(
          await table.getByRole('columnheader', { name: 'Primary paid' }).isVisible(),
          'the primary payment per line',
        );
        expect(await sec.getByText(/Left for the patient/).isVisible(), 'the balance left');
        // Medicaid's remittance carries the QMB flag, and so does the patient's statement.
        expect(
          await sec.getByText(/flags the patient a Qualified Medicare/).isVisible(),
          'QMB flag',
        );
        const st = page.getByRole('region', { name: /statement after the secondary/ });
        expect(
          await st.getByText(/Qualified Medicare Beneficiary/).isVisible(),
          'QMB on statement',
        );
        expect(
          (await st.getByRole('row', { name: /Total you owe/ }).textContent())?.includes('$0.00'),
          'the QMB owes nothing',
        );
        await run.axeCheck(page, 'secondary remittance');
        // The wrong move: billing the QMB the Medicare cost sharing anyway.
        await chooseByKeyboard(page, 'Bill the patient');
        await pressButton(page, 'Take this action');
        const log = page.locator('#work-log');
        await log.getByText(/prohibited balance billing/).waitFor();
        expect(await log.getByText('Wrong move').first().isVisible(), 'judged wrong');
        await chooseByKeyboard(page, 'Post it and take no further action');
        await pressButton(page, 'Take this action');
        await heading(page, 'Your score');
        noPageErrors(errors);
      },
    );

    await run.check(
      'a secondary the case names only in the note is answered by the default commercial secondary profile, its COB method named',
      async () => {
        await page.goto(
          `${base}#/case/denials-and-appeals/pr1-commercial-deductible-bill-secondary`,
        );
        await heading(page, 'Remittance advice received');
        await pressButton(page, 'Post the remittance');
        await heading(page, 'Payment posted');
        await chooseByKeyboard(page, 'Bill the secondary payer');
        await pressButton(page, 'Take this action');
        const sec = page.getByRole('region', { name: /Secondary payer: commercial-secondary/ });
        await sec.waitFor({ timeout: 15_000 });
        expect(
          await sec.getByText(/default commercial secondary profile/).isVisible(),
          'where the profile comes from',
        );
        expect(await sec.getByText(/standard COB/).isVisible(), 'the COB method');
        const st = page.getByRole('region', { name: /statement after the secondary/ });
        expect(await st.getByText('Amount due').isVisible(), 'the statement after both payers');
        await run.axeCheck(page, 'default secondary profile');
        noPageErrors(errors);
      },
    );
  });
}
