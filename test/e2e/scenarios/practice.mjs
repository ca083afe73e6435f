/**
 * The practice (#/practice, issue 15): start a seeded practice, run it for two simulated weeks
 * (code each visit with the suggested coding, post each remittance, advance a day), reload
 * mid-way and find the queues, the clock and the decisions as they were, then work a denial
 * through a first-level appeal to the payer's decision. axe on every screen; keyboard for the
 * main actions; CSP violations and page errors fail the run.
 */
import { expect, withBrowser } from '../harness.mjs';
import { heading, noPageErrors } from './steps.mjs';

const SEED = '3';

const queue = (page, title) => page.getByRole('list', { name: new RegExp(`^${title}`) });
const today = async (page) =>
  (await page.getByRole('heading', { name: /^Today is / }).innerText()).replace('Today is ', '');

/** Each queue's items as the trainee reads them. */
async function queues(page) {
  const out = {};
  for (const t of [
    'Visits to code',
    'Rejections to fix',
    'Remittances to post',
    'Denials to work',
    'Appeals',
    'Paid',
    'Patient balances',
  ]) {
    const l = queue(page, t);
    out[t] = (await l.count()) ? await l.getByRole('button').allInnerTexts() : [];
  }
  return out;
}

async function workDay(page) {
  for (let n = 0; n < 40; n++) {
    const item = queue(page, 'Visits to code').getByRole('button').first();
    if (!(await item.count())) break;
    await item.click();
    await page.getByRole('button', { name: 'Accept the suggested coding and send' }).click();
  }
  for (let n = 0; n < 40; n++) {
    const item = queue(page, 'Remittances to post').getByRole('button').first();
    if (!(await item.count())) break;
    await item.click();
    await page.getByRole('button', { name: 'Post as the 835 says' }).click();
  }
}

async function advance(page, label) {
  const before = await today(page);
  await page.getByRole('button', { name: label, disabled: false }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: label }).click();
  // A week of payer work takes longer on a loaded CI machine than the default step timeout.
  await page.waitForFunction(
    (b) => !document.querySelector('#clock-heading')?.textContent?.includes(b),
    before,
    { timeout: 30_000 },
  );
}

export async function practiceScenario(run, base) {
  await withBrowser(async (page, errors) => {
    await run.check('practice: open from the navigation and start a seeded practice', async () => {
      await page.goto(base);
      await heading(page, 'Cases');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Practice' })
        .click();
      await heading(page, 'The practice');
      await heading(page, 'Start a practice');
      noPageErrors(errors);
      await run.axeCheck(page, 'practice: start');
      await page.getByLabel(/^Seed/).fill(SEED);
      await page.getByLabel('Weeks of visits').fill('2');
      expect(await page.getByLabel(/Guided/).isChecked(), 'guided by default');
      await page.getByRole('button', { name: 'Start the practice' }).focus();
      await page.keyboard.press('Enter');
      const h = page.getByRole('heading', { name: /^Today is \d{4}-\d{2}-\d{2}$/ });
      await h.waitFor({ timeout: 20_000 });
      expect(await h.evaluate((el) => el === document.activeElement), 'focus moves to the clock');
      expect((await queues(page))['Visits to code'].length > 0, 'visits to code on day one');
      noPageErrors(errors);
    });

    await run.check('practice: a visit shows its SOAP note and the coding form', async () => {
      await queue(page, 'Visits to code').getByRole('button').first().click();
      const work = page.getByRole('heading', { name: /^enc-\d+: / });
      await work.waitFor();
      expect(await work.evaluate((el) => el === document.activeElement), 'focus moves to the item');
      await heading(page, 'SOAP note');
      await page.getByLabel(/^Diagnoses/).waitFor();
      await page.getByRole('link', { name: 'Open the encoder in a new tab' }).waitFor();
      await run.axeCheck(page, 'practice: visit to code');
    });

    let mid = null;
    await run.check(
      'practice: two simulated weeks, reloading mid-way with the queues intact',
      async () => {
        const start = await today(page);
        for (let d = 0; d < 14; d++) {
          await workDay(page);
          // Keyboard: the clock moves with Enter on the focused button (once the last action
          // has finished: the clock buttons are disabled while one runs).
          await page
            .getByRole('button', { name: 'Advance a day', disabled: false })
            .waitFor({ timeout: 30_000 });
          await page.getByRole('button', { name: 'Advance a day' }).focus();
          const before = await today(page);
          await page.keyboard.press('Enter');
          // A day's work (scrub, payer, saving) takes longer on a loaded CI machine.
          await page.waitForFunction(
            (b) => !document.querySelector('#clock-heading')?.textContent?.includes(b),
            before,
            { timeout: 30_000 },
          );
          if (d === 6) {
            mid = { today: await today(page), queues: await queues(page) };
            const decisions = await page.getByText(/^\d+ decisions, /).innerText();
            await page.waitForTimeout(300); // the save is queued after the action
            await page.reload();
            await page.getByRole('heading', { name: /^Today is / }).waitFor({ timeout: 15_000 });
            expect((await today(page)) === mid.today, `same day after reload (${mid.today})`);
            const after = await queues(page);
            expect(
              JSON.stringify(after) === JSON.stringify(mid.queues),
              `queues intact after reload:\n${JSON.stringify(mid.queues)}\n${JSON.stringify(after)}`,
            );
            expect(
              (await page.getByText(/^\d+ decisions, /).innerText()) === decisions,
              'decision log intact after reload',
            );
          }
        }
        const end = await today(page);
        expect(end > start, `the clock moved (${start} → ${end})`);
        await page
          .getByRole('table', { name: /Each decision/ })
          .getByRole('cell', { name: 'Right' })
          .first()
          .waitFor();
        await heading(page, 'Clean claims, denials and collections');
        await page
          .getByRole('table', { name: /Clean claims, denials and collections \(data\)/ })
          .getByRole('rowheader', { name: 'Clean-claim rate' })
          .waitFor();
        await run.shot(page, 'e2e-30-practice-two-weeks');
        await run.axeCheck(page, 'practice: after two weeks');
      },
    );

    let denied = '';
    await run.check('practice: a denial worked with a first-level appeal', async () => {
      for (
        let d = 0;
        d < 30 && !(await queue(page, 'Denials to work').getByRole('button').count());
        d++
      ) {
        await workDay(page);
        await advance(page, 'Advance a day');
      }
      const item = queue(page, 'Denials to work').getByRole('button').first();
      denied = (await item.innerText()).split(' · ')[0];
      await item.click();
      await heading(page, 'Denial');
      await run.axeCheck(page, 'practice: denial');
      await page.getByRole('radio', { name: 'Appeal (first level)' }).check();
      await page.getByLabel('Evidence').selectOption('records');
      await page.getByRole('button', { name: 'Take this action' }).click();
      await queue(page, 'Appeals')
        .getByRole('button', { name: new RegExp(`^${denied} `) })
        .waitFor();
      await page.getByText(/in review; the decision is due \d{4}-\d{2}-\d{2}/).waitFor();
      await run.axeCheck(page, 'practice: appeal in review');
    });

    await run.check(
      'practice: reload during the appeal keeps it; the payer decides on its day',
      async () => {
        await page.reload();
        await page.getByRole('heading', { name: /^Today is / }).waitFor({ timeout: 15_000 });
        const inQueue = queue(page, 'Appeals').getByRole('button', {
          name: new RegExp(`^${denied} `),
        });
        await inQueue.waitFor();
        await inQueue.click();
        let decided = false;
        for (let w = 0; w < 14 && !decided; w++) {
          await advance(page, 'Advance a week');
          const history = page.getByRole('table', { name: 'Appeal history' });
          const cells = (await history.count())
            ? await history.getByRole('cell').allInnerTexts()
            : [];
          decided =
            cells.includes('lost') ||
            cells.includes('won') ||
            !(await queue(page, 'Appeals')
              .getByRole('button', { name: new RegExp(`^${denied} `) })
              .count());
        }
        expect(decided, `the payer decided the appeal of ${denied}`);
        await page
          .getByRole('table', { name: /Each decision/ })
          .getByRole('cell', { name: /^appeal$/ })
          .first()
          .waitFor();
        await run.shot(page, 'e2e-31-practice-appeal-decided');
        await run.axeCheck(page, 'practice: appeal decided');
        noPageErrors(errors);
      },
    );
  }, run);
}
