/**
 * The refresher (#/refresher, issue 12): choose two versions of a pack, read the changes in
 * plain words, take the quiz and get a score with rationales; then "since I last studied"
 * remembers the version, and a code-set release pair lists ICD-10-CM changes (official bundles)
 * or says the official sets are needed. axe on every step; keyboard for the main actions.
 * Driven by the fixture pair test/fixtures/packs/refresher-v1 and -v2 (pack id
 * refresher-fixture), which run.mjs serves in the e2e build only (CLAIMLAB_EXTRA_PACKS).
 */
import { expect, withBrowser } from '../harness.mjs';
import { heading, noPageErrors } from './steps.mjs';

export const REFRESHER_PACK = 'refresher-fixture';

export async function refresherScenario(run, base) {
  await withBrowser(async (page, errors) => {
    await run.check('refresher: choose two versions of a pack from the navigation', async () => {
      await page.goto(base);
      await heading(page, 'Cases');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Refresher' })
        .click();
      await heading(page, 'Refresher');
      await page.getByRole('radio', { name: 'Two versions of a pack' }).waitFor();
      expect(
        await page.getByRole('radio', { name: 'Two versions of a pack' }).isChecked(),
        'versions mode by default',
      );
      await page.getByRole('combobox', { name: /^Pack/ }).selectOption(REFRESHER_PACK);
      await page.getByLabel('From version').selectOption('1.0.0');
      await page.getByLabel('To version').selectOption('2.0.0');
      await run.axeCheck(page, 'refresher: choose versions');
      // Keyboard: focus the button and press Enter.
      await page.getByRole('button', { name: 'Show the changes' }).focus();
      await page.keyboard.press('Enter');
      const h = page.getByRole('heading', {
        name: `What changed: ${REFRESHER_PACK} 1.0.0 → 2.0.0`,
      });
      await h.waitFor();
      expect(await h.evaluate((el) => el === document.activeElement), 'focus moves to the changes');
    });

    await run.check(
      'refresher: the changes in plain words with why, reference and cases',
      async () => {
        const change = page.getByRole('listitem').filter({
          has: page.getByRole('heading', { name: /Timely filing \(plan fixture-gold\)/ }),
        });
        await change.getByText('Claims must reach the plan within 90 days').waitFor();
        await change.getByText('The 2026 contract amendment shortened the filing limit.').waitFor();
        await change.getByText('Fixture provider contract amendment 3 (synthetic)').waitFor();
        const pa = page.getByRole('listitem').filter({
          has: page.getByRole('heading', { name: /Prior authorization \(plan fixture-gold\)/ }),
        });
        await pa
          .getByRole('link', { name: /Lesion destruction after the prior-authorization change/ })
          .waitFor();
        await run.shot(page, 'e2e-20-refresher-changes');
        await run.axeCheck(page, 'refresher: changes');
      },
    );

    await run.check('refresher: take the quiz and get a score with rationales', async () => {
      await heading(page, /^Quiz: \d+ questions$/);
      const groups = page
        .getByRole('group')
        .filter({ has: page.locator('legend', { hasText: /^Question \d+\./ }) });
      const n = await groups.count();
      expect(n >= 7, `at least one question per change (got ${n})`);
      for (let i = 0; i < n; i++) {
        const g = groups.nth(i);
        const code = g.getByLabel('Code');
        if (await code.count()) await code.fill('E11.A');
        else await g.getByRole('radio').first().check();
      }
      await run.axeCheck(page, 'refresher: quiz');
      await page.getByRole('button', { name: 'Submit answers' }).focus();
      await page.keyboard.press('Enter');
      const score = page.getByRole('heading', {
        name: new RegExp(`^Your score: \\d+ of ${n} \\(\\d+%\\)$`),
      });
      await score.waitFor();
      expect(
        await score.evaluate((el) => el === document.activeElement),
        'focus moves to the score',
      );
      const text = await score.innerText();
      expect(!/^Your score: 0 of/.test(text), `the code answer E11.A scores (${text})`);
      await page
        .getByText('FY2026 added E11.A for type 2 diabetes without complications in remission')
        .first()
        .waitFor();
      await page.getByText('Fixture plan bulletin 2026-07 §2 (synthetic)').first().waitFor();
      await run.shot(page, 'e2e-21-refresher-score');
      await run.axeCheck(page, 'refresher: score');
    });

    await run.check(
      'refresher: "since I last studied" remembers the version; a change opens its case',
      async () => {
        await page.getByRole('radio', { name: 'What changed since I last studied' }).check();
        await page.getByRole('combobox', { name: /^Pack/ }).selectOption(REFRESHER_PACK);
        await page.getByText('You last refreshed on version 2.0.0; the newest is 2.0.0.').waitFor();
        await page.getByRole('button', { name: 'Show the changes' }).click();
        await page.getByText('Nothing changed since you last refreshed').waitFor();
        await run.axeCheck(page, 'refresher: since last studied');
        await page.getByRole('radio', { name: 'Two versions of a pack' }).check();
        await page.getByRole('combobox', { name: /^Pack/ }).selectOption(REFRESHER_PACK);
        await page.getByRole('button', { name: 'Show the changes' }).click();
        await page
          .getByRole('link', { name: /Lesion destruction after the prior-authorization change/ })
          .first()
          .click();
        await heading(page, 'The encounter');
        expect(
          page.url().includes(`#/case/${REFRESHER_PACK}/ak-pa-fixture`),
          `case route ${page.url()}`,
        );
        noPageErrors(errors);
      },
    );

    await run.check(
      'refresher: a code-set release pair (or the official sets are needed)',
      async () => {
        await page.goto(`${base}#/refresher`);
        await heading(page, 'Refresher');
        await page.getByRole('radio', { name: /code-set release pair/ }).check();
        const form = page.getByRole('button', { name: 'Compare the releases' });
        const starter = page.getByText(/needs the official ICD-10-CM files/);
        await form.or(starter).first().waitFor({ timeout: 30_000 });
        if (await form.count()) {
          await page.getByLabel('From release').selectOption('FY2021');
          await page.getByLabel('To release').selectOption('FY2026');
          await page.getByLabel('Show').selectOption('added');
          await page.getByLabel('Code or words').fill('E11.A');
          await form.click();
          await heading(page, 'ICD-10-CM FY2021 → FY2026');
          await page.getByRole('cell', { name: 'E11.A' }).waitFor({ timeout: 60_000 });
        }
        await run.shot(page, 'e2e-22-refresher-releases');
        await run.axeCheck(page, 'refresher: release pair');
        noPageErrors(errors);
      },
    );
  }, run);
}
