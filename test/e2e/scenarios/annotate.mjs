/**
 * Highlights on the visit note (issue 13, "Documentation you can highlight and annotate"): words
 * selected with Shift+arrow keys in the read-only note text, highlighted with Alt+Shift+H, a
 * note added, the highlight found again after a reload; a repeat and a selection outside the
 * note refused with a message; axe at 1024 and 1440 px with highlights on screen; a mouse
 * highlight kept, read-only, with the attempt when the case is started over.
 */
import { expect, withBrowser } from '../harness.mjs';
import { heading, noPageErrors, openStarterCase } from './steps.mjs';

/** Tabs until the focused element's accessible label is `name`. */
async function tabTo(page, name, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const got = await page.evaluate(() => {
      const e = document.activeElement;
      return (e?.getAttribute('aria-label') || e?.textContent || '').trim();
    });
    if (typeof name === 'string' ? got === name : name.test(got)) return;
  }
  throw new Error(`no focusable element named ${name} within ${max} Tab presses`);
}

const focusedLabel = (page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

export async function annotateScenario(run, base) {
  await withBrowser(
    async (page, errors) => {
      const list = () => page.getByRole('region', { name: /Your highlights/ });
      const status = () => page.getByRole('group', { name: 'Highlighter' }).getByRole('status');

      await run.check('highlights words with the keyboard and adds a note', async () => {
        await page.setViewportSize({ width: 1024, height: 900 });
        await openStarterCase(page, base);
        await page.getByRole('button', { name: 'Start coding' }).click();
        await heading(page, 'Code the visit');
        await page.getByRole('heading', { name: 'Code the visit' }).focus();
        await tabTo(page, 'Visit note text');
        // The caret to the start of the chief complaint's text, then 11 characters selected.
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Home');
        for (let i = 0; i < 'Three-month'.length; i++)
          await page.keyboard.press('Shift+ArrowRight');
        await page.getByText('Selected: “Three-month”.').waitFor();
        await page.keyboard.press('Alt+Shift+KeyH');
        await status().getByText('Highlighted “Three-month” as diagnosis.').waitFor();
        expect(
          (await focusedLabel(page)) === 'Note on “Three-month”',
          `focus on ${await focusedLabel(page)} after highlighting`,
        );
        await page.keyboard.type('interval since the last visit');
        const mark = page.locator('mark', { hasText: 'Three-month' });
        expect((await mark.count()) === 1, 'one mark on the note text');
        await run.shot(page, 'e2e-annotate-1024');
        await run.axeCheck(page, 'visit note with a highlight at 1024');
      });

      await run.check('refuses a repeat and a selection outside the note', async () => {
        // Escape in the note field goes back to the highlight in the note (its words selected).
        await page.keyboard.press('Escape');
        expect((await focusedLabel(page)) === 'Visit note text', 'focus back on the note text');
        // The highlight's words are selected once focus is back (a frame later under load).
        await page.waitForFunction(() => (window.getSelection()?.toString() ?? '').trim() !== '');
        await page.keyboard.press('Alt+Shift+KeyH');
        await status().getByText('That text is already highlighted as diagnosis.').waitFor();
        await page.getByRole('heading', { name: 'Code the visit' }).click({ clickCount: 3 });
        await page.getByRole('button', { name: 'Highlight', exact: true }).click();
        await status()
          .getByText(/outside the visit note/)
          .waitFor();
      });

      await run.check('the highlight and its note survive a reload', async () => {
        await page.reload();
        await heading(page, 'Code the visit');
        const item = list().getByRole('listitem');
        await item.first().waitFor();
        expect((await item.count()) === 1, 'one highlight listed');
        const note = page.getByRole('textbox', { name: 'Note on “Three-month”' });
        expect(
          (await note.inputValue()) === 'interval since the last visit',
          `note ${await note.inputValue()}`,
        );
        await page.locator('mark', { hasText: 'Three-month' }).waitFor();
        await page.setViewportSize({ width: 1440, height: 900 });
        await run.shot(page, 'e2e-annotate-1440');
        await run.axeCheck(page, 'visit note with a highlight at 1440');
      });

      await run.check('"Search codes" fills the diagnosis search with the words', async () => {
        await page
          .getByRole('button', { name: 'Search codes for “Three-month” (diagnosis search)' })
          .click();
        const box = page.getByRole('combobox', { name: /Search ICD-10-CM/ });
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('role') === 'combobox',
        );
        expect((await box.inputValue()) === 'Three-month', `search box: ${await box.inputValue()}`);
      });

      await run.check('removing it by keyboard keeps focus in the list', async () => {
        await page.getByRole('textbox', { name: 'Note on “Three-month”' }).focus();
        await tabTo(page, 'Remove the highlight “Three-month”');
        await page.keyboard.press('Enter');
        await list().getByText('None yet').waitFor();
        expect(
          (await page.evaluate(() => document.activeElement?.id)) === 'hl-heading',
          'focus on the list heading',
        );
        expect((await page.locator('mark').count()) === 0, 'no mark left');
      });

      await run.check(
        'a mouse highlight goes into the history, read-only, on starting over',
        async () => {
          const text = page.getByRole('textbox', { name: 'Visit note text' });
          await text.locator('span[data-off]', { hasText: /^Three-month follow-up/ }).dblclick({
            position: { x: 8, y: 8 },
          });
          await page.getByRole('button', { name: 'Highlight', exact: true }).click();
          await status()
            .getByText(/^Highlighted “Three/)
            .waitFor();
          await page.getByRole('button', { name: 'Start this case over' }).click();
          await page.getByRole('button', { name: 'Start over', exact: true }).click();
          await page.getByText('Your highlights in attempt 1 (1, read-only)').waitFor();
          expect((await page.locator('mark').count()) === 0, 'the new attempt starts unmarked');
          noPageErrors(errors);
        },
      );
    },
    run,
    { starterOnly: true },
  );
}
