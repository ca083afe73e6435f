/**
 * Issue 13 in Chromium: an exam-mode case (no scrubber, no score until the exam is submitted,
 * locked after), a quiz with its review and self-assessment, and the progress dashboard after
 * those attempts (charts with data tables, history you can reopen, export and import). axe runs
 * on each screen at 1024 and 1440 px.
 */
import { expect, withBrowser } from '../harness.mjs';
import { addDxAsTyped, addLine, click, heading, noPageErrors } from './steps.mjs';

async function axeBoth(run, page, screen) {
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await run.axeCheck(page, `${screen} at ${width} px`);
  }
}

async function takeQuiz(page, answerFirst) {
  // From the review of the last quiz: "Another quiz" goes back to the setup.
  await click(page, 'Another quiz');
  await heading(page, 'Choose your quiz');
  await page.getByLabel('Number of questions').fill('4');
  await click(page, 'Start the quiz');
  await heading(page, /Question 1 of 4/);
  if (answerFirst) {
    // Answer whatever the first question is, the way its kind asks.
    // A code-entry box (not a choice whose label happens to name a modifier).
    const code = page.getByRole('textbox', { name: /ICD-10-CM code|CPT or HCPCS code|Modifier/ });
    if (await code.count()) await code.fill('E11.65');
    else {
      const radio = page.getByRole('radio').first();
      if (await radio.count()) await radio.check();
      else {
        const box = page.getByRole('checkbox').first();
        if (await box.count()) await box.check();
      }
    }
  }
  await click(page, 'Submit the quiz');
  await heading(page, 'Quiz review');
}

export async function traineeScreens(run, base) {
  await withBrowser(async (page, errors) => {
    await run.check('exam: starts a timed sitting with the pack’s cases', async () => {
      await page.goto(`${base}#/exam`);
      await heading(page, 'Exams from the loaded packs');
      await axeBoth(run, page, 'exam list');
      await click(page, 'Start Office visits exam');
      await page.getByRole('timer').waitFor();
      expect(/Time left: (39|40):\d\d/.test(await page.getByRole('timer').innerText()), 'timer');
      await run.shot(page, 'e2e-20-exam-started');
    });

    await run.check('exam: a case in exam mode has no scrubber and no restart', async () => {
      await page.getByRole('button', { name: /type 2 diabetes and hypertension/i }).click();
      await heading(page, 'The encounter');
      expect(
        (await page.getByRole('button', { name: 'Start this case over' }).count()) === 0,
        'no restart in an exam',
      );
      await click(page, 'Start coding');
      await heading(page, 'Code the visit');
      await addDxAsTyped(page, 'E11.65');
      await addDxAsTyped(page, 'I10');
      await addLine(page, 1, '99214', ['E11.65', 'I10']);
      expect((await page.getByRole('button', { name: 'Scrub' }).count()) === 0, 'no Scrub button');
      await page.waitForTimeout(300); // let the save land
      await axeBoth(run, page, 'exam case workspace');
      await run.shot(page, 'e2e-21-exam-case');
    });

    await run.check('exam: submitted, scored at the end and locked', async () => {
      await click(page, 'Submit the exam');
      await page.getByRole('dialog', { name: 'Submit the exam?' }).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();
      await heading(page, 'Submitted exams');
      const table = page.getByRole('table', { name: /Office visits exam, submitted/ });
      await table.waitFor();
      expect(/\d+%/.test(await table.innerText()), 'a score per case');
      expect(
        (await page.getByRole('button', { name: 'Submit the exam' }).count()) === 0,
        'the sitting is closed',
      );
      await axeBoth(run, page, 'exam results');
      await run.shot(page, 'e2e-22-exam-results');
    });

    await run.check('quiz: draws, answers, reviews with rationales and references', async () => {
      await page.goto(`${base}#/quiz`);
      await heading(page, 'Choose your quiz');
      await axeBoth(run, page, 'quiz setup');
      await page.getByLabel('Number of questions').fill('3');
      await click(page, 'Start the quiz');
      await heading(page, /Question 1 of 3/);
      await axeBoth(run, page, 'quiz question');
      await click(page, 'Next');
      await heading(page, /Question 2 of 3/);
      await click(page, 'Submit the quiz');
      await heading(page, 'Quiz review');
      expect(await page.getByText('Reference').first().isVisible(), 'references shown');
      await heading(page, 'Self-assessment');
      expect(
        await page.getByRole('table', { name: 'By topic and ICD-10-CM chapter' }).isVisible(),
        'areas table',
      );
      await axeBoth(run, page, 'quiz review');
      await run.shot(page, 'e2e-23-quiz-review');
    });

    await run.check('quiz: two more quizzes for the history', async () => {
      await takeQuiz(page, true);
      await takeQuiz(page, false);
    });

    await run.check('progress: dashboard after several attempts', async () => {
      await page.getByRole('link', { name: 'Progress', exact: true }).click();
      await heading(page, 'Dashboard');
      const lead = await page.locator('.lead').innerText();
      expect(/1 case attempt and 3 quizzes/.test(lead), `summary: ${lead}`);
      for (const t of ['Accuracy over time', 'Accuracy by topic', 'Claim outcomes'])
        await page.getByRole('heading', { name: t }).waitFor();
      await page.getByRole('img', { name: /Accuracy over time: 4 scored attempt/ }).waitFor();
      expect(
        (await page.locator('canvas').count()) >= 5,
        `charts drawn: ${await page.locator('canvas').count()}`,
      );
      expect(
        await page.getByRole('table', { name: 'Accuracy over time: data' }).isVisible(),
        'data table beside the chart',
      );
      await page.getByRole('button', { name: /Reopen .*exam/ }).click();
      await page.getByRole('table', { name: 'Score items of this attempt' }).waitFor();
      await axeBoth(run, page, 'progress dashboard');
      await run.shot(page, 'e2e-24-progress');
    });

    await run.check(
      'progress: export, re-import (nothing to replace), bad file named by path',
      async () => {
        const [d] = await Promise.all([
          page.waitForEvent('download'),
          click(page, 'Export all progress'),
        ]);
        const { readFileSync, writeFileSync } = await import('node:fs');
        const file = await d.path();
        const json = JSON.parse(readFileSync(file, 'utf8'));
        expect(
          Object.keys(json.records).some((k) => k.startsWith('claimlab/quiz/')),
          'quizzes exported',
        );
        await page.getByLabel('Import progress from a file').setInputFiles(file);
        await page.getByText(/Imported 0 records/).waitFor();
        const key = Object.keys(json.records).find((k) => k.startsWith('claimlab/quiz/'));
        json.records[key].percent = 'high';
        const bad = `${file}-bad.json`;
        writeFileSync(bad, JSON.stringify(json));
        await page.getByLabel('Import progress from a file').setInputFiles(bad);
        const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
        await alert.waitFor();
        expect((await alert.innerText()).includes(`records["${key}"].percent`), 'problem path');
        noPageErrors(errors);
      },
    );

    await run.check('a score row opens its code in the encoder', async () => {
      await page
        .getByRole('table', { name: 'Score items of this attempt' })
        .getByRole('link', { name: 'E11.65' })
        .first()
        .click();
      await heading(page, 'Encoder');
      await page.waitForURL(/#\/encoder\?code=E11\.65/);
      const box = page.getByRole('combobox', { name: /Search ICD-10-CM/ });
      await page.waitForFunction((el) => el && el.value === 'E11.65', await box.elementHandle());
      noPageErrors(errors);
    });
  }, run);
}
