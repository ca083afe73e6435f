/**
 * The practice (#/practice, issue 15): start a seeded practice, run it for two simulated weeks
 * (code each visit with the suggested coding, post each remittance, advance a day), reload
 * mid-way and find the queues, the clock and the decisions as they were, post one remittance by
 * hand line by line (a posting that does not balance is refused; one with patient responsibility
 * written off is posted and shown as an error), then work a denial through a first-level appeal
 * to the payer's decision, and correct a denial with a replacement claim whose revised remittance
 * is posted as a take-back and a re-payment.
 * axe on every screen; keyboard for the
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

    await run.check(
      'practice: a remittance posted by hand, line by line; the wrong posting is shown',
      async () => {
        for (
          let d = 0;
          d < 20 && !(await queue(page, 'Remittances to post').getByRole('button').count());
          d++
        )
          await advance(page, 'Advance a day');
        const item = queue(page, 'Remittances to post').getByRole('button').first();
        const id = (await item.innerText()).split(' · ')[0];
        await item.click();
        await page.getByRole('heading', { name: /^Post the remittance/ }).waitFor();
        await run.axeCheck(page, 'practice: post a remittance');
        // Blank: nothing balances; refused, with the line named.
        await page.getByRole('button', { name: 'Post these lines' }).click();
        await page
          .getByRole('alert')
          .getByText(/Line 1 \(\w+\) does not balance/)
          .waitFor();
        const rows = await page
          .getByRole('table', { name: 'The 835, line by line' })
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? '')),
          );
        const money = (t) => Math.round(Number(t.replace(/[$,]/g, '')) * 100);
        const fmt = (c) => (c / 100).toFixed(2);
        const qmb = (await page.getByText(/The patient is a QMB/).count()) > 0;
        const posts = rows.map(([head, billed, allowed, paid, adjustments]) => {
          const adj =
            adjustments === 'none'
              ? []
              : adjustments.split(', ').map((a) => {
                  const [code, amount] = a.split(' ');
                  const [group, carc] = code.split('-');
                  return { group, carc, amount: money(amount) };
                });
          const sum = (f) => adj.filter(f).reduce((x, a) => x + a.amount, 0);
          const nonDenial = ['1', '2', '3', '45', '253', '23', '100'];
          const deniedLine = money(allowed) === 0 && adj.some((a) => !nonDenial.includes(a.carc));
          const v = { n: head.split(':')[0], pay: money(paid), co: 0, d: 0, ci: 0, cp: 0 };
          Object.assign(v, { other: 0, parked: 0, denied: deniedLine });
          if (deniedLine) v.parked = money(billed) - v.pay;
          else {
            v.co = sum((a) => a.group !== 'PR');
            const pr = (c) => sum((a) => a.group === 'PR' && a.carc === c);
            [v.d, v.ci, v.cp] = qmb ? [0, 0, 0] : [pr('1'), pr('2'), pr('3')];
            if (qmb) v.co += pr('1') + pr('2') + pr('3');
            v.other = sum((a) => a.group === 'PR' && !['1', '2', '3'].includes(a.carc));
          }
          return v;
        });
        // The one wrong move: patient responsibility written off; else a contractual amount
        // moved to the patient; else a denial written off at posting.
        const withPr = posts.find((v) => v.d + v.ci + v.cp > 0);
        const withCo = posts.find((v) => !v.denied && v.co > 0);
        const withDenial = posts.find((v) => v.parked > 0);
        let expectError;
        if (withPr) {
          withPr.co += withPr.d + withPr.ci + withPr.cp;
          withPr.d = withPr.ci = withPr.cp = 0;
          expectError = /^Error: .*loses revenue/;
        } else if (withCo) {
          withCo.other += withCo.co;
          withCo.co = 0;
          expectError = /^Error: .*overbills them/;
        } else {
          withDenial.co += withDenial.parked;
          withDenial.parked = 0;
          expectError = /^Error: .*written off at posting/;
        }
        for (const v of posts) {
          const g = page.getByRole('group', { name: new RegExp(`^Line ${v.n}:`) });
          await g.getByLabel(/^Payment/).fill(fmt(v.pay));
          await g.getByLabel(/^Contractual adjustment/).fill(fmt(v.co));
          await g.getByLabel(/^Deductible/).fill(fmt(v.d));
          await g.getByLabel(/^Coinsurance/).fill(fmt(v.ci));
          await g.getByLabel(/^Copay/).fill(fmt(v.cp));
          await g.getByLabel(/^Other patient responsibility/).fill(fmt(v.other));
          await g.getByLabel(/^Denied, parked/).fill(fmt(v.parked));
        }
        await page.getByRole('button', { name: 'Post these lines' }).click();
        const ledger = page.getByRole('table', { name: /Each posting/ });
        await ledger.getByRole('cell', { name: id.toUpperCase(), exact: false }).first().waitFor();
        const verdict = await ledger.locator('tbody tr').first().locator('td').last().innerText();
        expect(expectError.test(verdict), `the ledger shows the error: ${verdict}`);
        const log = page
          .getByRole('table', { name: /Each decision/ })
          .locator('tbody tr')
          .first();
        const logged = await log.innerText();
        expect(
          logged.includes('posting') && logged.includes('Wrong'),
          `the decision log carries the wrong posting: ${logged}`,
        );
        await run.shot(page, 'e2e-32-practice-posted-by-hand');
        await run.axeCheck(page, 'practice: posted by hand');
        noPageErrors(errors);
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
      await page.getByRole('radio', { name: 'Appeal (choose the level)' }).check();
      await page.getByLabel('Appeal level').selectOption({ index: 0 });
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

    await run.check(
      'practice: a corrected claim’s revised remittance is posted as a take-back and a re-payment in the ledger',
      async () => {
        // A commercial denial is corrected with a replacement claim (frequency 7): the payer
        // reverses its first decision and decides the claim again (835 reversal, CLP02 22).
        let item = queue(page, 'Denials to work')
          .getByRole('button')
          .filter({ hasText: 'commercial-ppo' });
        for (let d = 0; d < 30 && !(await item.count()); d++) {
          await workDay(page);
          await advance(page, 'Advance a day');
        }
        const id = (await item.first().innerText()).split(' · ')[0];
        await item.first().click();
        await heading(page, 'Denial');
        await page
          .getByRole('radio', { name: 'Corrected claim (frequency 7, replacement)' })
          .check();
        // The form starts from the claim as it was sent: send it again as the replacement.
        await page
          .getByRole('button', { name: /^(Send the corrected claim|Send anyway)$/ })
          .click();
        item = queue(page, 'Remittances to post').getByRole('button', {
          name: new RegExp(`^${id} `),
        });
        for (let d = 0; d < 40 && !(await item.count()); d++) await advance(page, 'Advance a day');
        await item.click();
        await page
          .getByRole('table', { name: /Revised remittance after a corrected claim/ })
          .waitFor();
        await run.axeCheck(page, 'practice: revised remittance to post');
        await page.getByRole('button', { name: 'Post as the 835 says' }).click();
        const ledger = page.getByRole('table', { name: /Each posting/ });
        await ledger
          .getByRole('cell', { name: /^Take-back of / })
          .first()
          .waitFor();
        expect(
          await ledger
            .getByRole('cell', { name: /^Re-payment after a corrected claim/ })
            .first()
            .isVisible(),
          'the re-payment row',
        );
        noPageErrors(errors);
      },
    );
  }, run);
}
