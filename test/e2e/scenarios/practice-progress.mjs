/**
 * Issue 13 "Progress" in Chromium: a practice session is an attempt in the history. Start a
 * short seeded practice, take a few judged decisions (code visits with the suggested coding,
 * post remittances), then find the session in #/progress beside the other attempts, reopen it
 * (its decisions with their day, mark, rationale and rule) and see it counted on the dashboard
 * and in the export. axe at 1024 and 1440 px.
 */
import { expect, withBrowser } from '../harness.mjs';
import { heading, noPageErrors } from './steps.mjs';

const queue = (page, title) => page.getByRole('list', { name: new RegExp(`^${title}`) });
const today = async (page) =>
  (await page.getByRole('heading', { name: /^Today is / }).innerText()).replace('Today is ', '');

async function workDay(page) {
  for (const [title, action] of [
    ['Visits to code', 'Accept the suggested coding and send'],
    ['Remittances to post', 'Post as the 835 says'],
  ])
    for (let n = 0; n < 20; n++) {
      const item = queue(page, title).getByRole('button').first();
      if (!(await item.count())) break;
      await item.click();
      await page.getByRole('button', { name: action }).click();
    }
  const before = await today(page);
  await page
    .getByRole('button', { name: 'Advance a day', disabled: false })
    .waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Advance a day' }).click();
  await page.waitForFunction(
    (b) => !document.querySelector('#clock-heading')?.textContent?.includes(b),
    before,
    { timeout: 30_000 },
  );
}

async function axeBoth(run, page, screen) {
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await run.axeCheck(page, `${screen} at ${width} px`);
  }
}

export async function practiceInProgress(run, base) {
  await withBrowser(async (page, errors) => {
    let decisions = 0;
    await run.check('practice session: a few judged decisions in a short practice', async () => {
      await page.goto(`${base}#/practice`);
      await heading(page, 'Start a practice');
      await page.getByLabel(/^Seed/).fill('5');
      await page.getByLabel('Weeks of visits').fill('1');
      await page.getByRole('button', { name: 'Start the practice' }).click();
      await page
        .getByRole('heading', { name: /^Today is \d{4}-\d{2}-\d{2}$/ })
        .waitFor({ timeout: 20_000 });
      for (let d = 0; d < 4; d++) await workDay(page);
      const log = await page.getByText(/^\d+ decisions, /).innerText();
      decisions = Number(log.split(' ')[0]);
      expect(decisions > 0, `decisions taken: ${log}`);
      noPageErrors(errors);
    });

    await run.check('practice session: listed in #/progress history and reopened', async () => {
      await page.waitForTimeout(300); // the session is written with the practice's save
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Progress', exact: true })
        .click();
      await heading(page, 'Dashboard');
      const lead = await page.locator('.lead').innerText();
      expect(/^1 practice session, 0 case attempts and 0 quizzes/.test(lead), `summary: ${lead}`);
      await page.getByRole('img', { name: /Accuracy over time: 1 scored attempt/ }).waitFor();
      await page.getByRole('heading', { name: 'Most common errors: practice decisions' }).waitFor();
      await page.getByRole('button', { name: /Reopen Practice session \(seed 5, 1 week/ }).click();
      const table = page.getByRole('table', { name: 'Decisions of this practice session' });
      await table.waitFor();
      const rows = await table.getByRole('row').count();
      expect(rows === decisions + 1, `one row per decision (${rows - 1} of ${decisions})`);
      await table
        .getByRole('rowheader', { name: /^coding/ })
        .first()
        .waitFor();
      await table.getByRole('cell', { name: 'Right', exact: true }).first().waitFor();
      await page.getByRole('link', { name: 'Open the practice' }).waitFor();
      await axeBoth(run, page, 'progress: practice session reopened');
      await run.shot(page, 'e2e-32-progress-practice-session');
      noPageErrors(errors);
    });

    await run.check('practice session: in the progress export', async () => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export all progress' }).click(),
      ]);
      const { readFileSync } = await import('node:fs');
      const json = JSON.parse(readFileSync(await d.path(), 'utf8'));
      const rec = json.records['claimlab/practice-sessions/0001'];
      expect(rec?.kind === 'practice-session', 'the session is exported');
      expect(rec.items.length === decisions, `with its ${decisions} items`);
    });
  }, run);
}
