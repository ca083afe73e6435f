/**
 * The instructor studio (#/studio, issue 14): create a pack and a case with the form editor
 * (a code from the encoder), see a validation error live and fix it, preview the case as a
 * trainee (nothing saved), bump the version with a changelog entry and see the diff, export the
 * pack, delete it, import it back, and play the case as a trainee. A documentation note with
 * XSS payloads renders inert: the scenario fails on any dialog, page error or CSP violation.
 * axe on every studio screen.
 */
import { readFileSync } from 'node:fs';
import { expect, withBrowser } from '../harness.mjs';
import { addDxAsTyped, addLine, click, heading, noPageErrors } from './steps.mjs';

const XSS = [
  '## Assessment',
  '',
  'Essential hypertension, controlled. <img src=x onerror="alert(1)"> <script>alert(2)</script>',
  '',
  '[click me](javascript:alert(3)) and [cms](https://www.cms.gov/)',
  '',
  '## Plan',
  '',
  '- Continue **lisinopril** 10 mg',
].join('\n');

export async function studioScenario(run, base) {
  await withBrowser(async (page, errors) => {
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    let exported = null;

    await run.check('studio: list packs, create a pack', async () => {
      await page.goto(`${base}#/studio`);
      await heading(page, 'Studio');
      await page
        .getByRole('table', { name: 'Scenario packs' })
        .getByText('starter', { exact: true })
        .waitFor();
      await run.axeCheck(page, 'studio: pack list');
      await click(page, 'New pack');
      await heading(page, /New scenario pack/);
      await page.getByText(/All changes saved/).waitFor();
      await run.axeCheck(page, 'studio: pack editor');
      noPageErrors(errors);
    });

    await run.check(
      'studio: add a case, see a code problem live, fix it with the encoder',
      async () => {
        await click(page, 'Add case');
        await heading(page, /^Case: New case/);
        await page.getByLabel('Title', { exact: true }).fill('Studio hypertension visit');
        const dx = page.getByLabel('Diagnosis 1 code');
        await dx.fill('I1');
        await page.getByText('must be an ICD-10-CM code').first().waitFor();
        expect(
          (await page.getByText('cases[0].answer.diagnoses[0].code', { exact: true }).count()) > 0,
          'the problem names its path',
        );
        await page.getByRole('button', { name: 'Find diagnosis 1 in the encoder' }).click();
        const dlg = page.getByRole('dialog', { name: 'Encoder: diagnosis 1' });
        await dlg
          .getByRole('combobox', { name: /Search ICD-10-CM/ })
          .fill('essential hypertension');
        await dlg
          .getByRole('listbox', { name: 'Matching codes' })
          .getByRole('option', { name: /^I10 / })
          .first()
          .click();
        await dlg.getByRole('button', { name: 'Use I10', exact: true }).click();
        await dlg.waitFor({ state: 'hidden' });
        expect((await dx.inputValue()) === 'I10', 'the encoder filled the code');
        await page.getByText('must be an ICD-10-CM code').waitFor({ state: 'detached' });
        // A procedure field's encoder searches CPT/HCPCS numbers and words (not ICD-10-CM).
        const proc = page.getByLabel('Line 1 procedure code');
        await page.getByRole('button', { name: 'Find line 1 procedure in the encoder' }).click();
        const pdlg = page.getByRole('dialog', { name: 'Encoder: line 1 procedure' });
        await pdlg.getByLabel(/Find a CPT\/HCPCS code or modifier/).fill('99213');
        await pdlg.getByRole('button', { name: 'Use 99213', exact: true }).click();
        await pdlg.waitFor({ state: 'hidden' });
        expect((await proc.inputValue()) === '99213', 'the procedure search filled the code');
        await page.getByLabel(/Note in Markdown/).fill(XSS);
        const preview = page.getByRole('region', { name: 'Note preview' });
        await preview.getByText('<script>alert(2)</script>', { exact: false }).waitFor();
        expect((await preview.locator('img, script').count()) === 0, 'no element from the payload');
        expect(
          (await preview.locator('a[href^="javascript"]').count()) === 0,
          'no javascript: link',
        );
        await preview.getByRole('link', { name: 'cms' }).waitFor();
        await page.getByText(/All changes saved/).waitFor();
        await page.getByText(/Structure: no problems/).waitFor();
        await page.getByText(/Full check against/).waitFor({ timeout: 60_000 });
        await run.axeCheck(page, 'studio: case form editor');
        noPageErrors(errors);
      },
    );

    await run.check(
      'studio: undo and redo within the session; the pack survives a reload',
      async () => {
        await page.getByLabel('Title', { exact: true }).fill('Studio hypertension visit X');
        await page.getByText(/All changes saved/).waitFor();
        await click(page, 'Undo');
        expect(
          (await page.getByLabel('Title', { exact: true }).inputValue()) ===
            'Studio hypertension visit',
          'undo restores the title',
        );
        await click(page, 'Redo');
        await click(page, 'Undo');
        await page.getByText(/All changes saved/).waitFor();
        await page.reload();
        await heading(page, /^Case: Studio hypertension visit$/);
        expect(
          (await page.getByLabel('Diagnosis 1 code').inputValue()) === 'I10',
          'kept over reload',
        );
      },
    );

    await run.check('studio: preview as a trainee (the note renders inert)', async () => {
      await page.getByRole('link', { name: 'Preview as a trainee' }).first().click();
      await heading(page, 'Studio hypertension visit');
      await page
        .getByText(/Preview as a trainee: this is the case exactly as a student sees it/)
        .waitFor();
      await heading(page, 'The encounter');
      await page.getByRole('heading', { name: 'Assessment' }).waitFor();
      await page.getByText('<img src=x onerror="alert(1)">', { exact: false }).waitFor();
      expect((await page.locator('main a[href^="javascript"]').count()) === 0, 'no script link');
      await run.axeCheck(page, 'studio: preview as a trainee');
      noPageErrors(errors);
      await page.goBack();
      await page.goBack();
      await heading(page, /New scenario pack/);
    });

    await run.check(
      'studio: bump the version with a changelog entry and see the diff',
      async () => {
        await page.getByLabel('Version step').selectOption('minor');
        await page.getByLabel(/What it touches/).fill('case:new-case');
        await page.getByLabel('What changed').fill('Added the hypertension visit for new coders.');
        await page.getByLabel(/^Why/).fill('Instructors asked for an introductory chapter 9 case.');
        await page.getByLabel('Reference').fill('ICD-10-CM Official Guidelines I.C.9.a');
        await click(page, 'Create version with this changelog entry');
        await heading(page, /my-pack 0\.2\.0/);
        await page.getByRole('heading', { name: 'Changes since 0.1.0' }).waitFor();
        await page
          .getByText('Added the hypertension visit for new coders.', { exact: false })
          .first()
          .waitFor();
        await run.axeCheck(page, 'studio: versions and diff');
        noPageErrors(errors);
      },
    );

    await run.check('studio: assign the case as an exam (title, time limit, cases)', async () => {
      await page.getByLabel('Exam title').fill('Chapter 9 quick check');
      await page.getByLabel('Time limit (minutes)').fill('20');
      await page.getByRole('checkbox', { name: /Studio hypertension visit/ }).check();
      await click(page, 'Assign as exam');
      await page.getByText(/Exam “Chapter 9 quick check” assigned: 1 case, 20 minutes/).waitFor();
      await run.axeCheck(page, 'studio: exams');
      noPageErrors(errors);
    });

    await run.check('studio: export the pack after the synthetic-content attestation', async () => {
      const btn = page.getByRole('button', { name: /^Export my-pack-0\.2\.0/ });
      expect(await btn.isDisabled(), 'export waits for the attestation');
      await page.getByLabel(/I confirm every patient/).check();
      const [d] = await Promise.all([page.waitForEvent('download'), btn.click()]);
      exported = { name: d.suggestedFilename(), path: await d.path() };
      const json = JSON.parse(readFileSync(exported.path, 'utf8'));
      expect(json.id === 'my-pack' && json.version === '0.2.0', 'the file is the pack');
      expect(
        json.changelog[0].changes[0].reference === 'ICD-10-CM Official Guidelines I.C.9.a',
        'with its changelog',
      );
      expect(json.exams?.[0]?.minutes === 20, 'with the exam assigned');
    });

    await run.check('studio: delete it, import it back', async () => {
      await page.getByRole('link', { name: 'Studio', exact: true }).first().click();
      await heading(page, 'Studio');
      await page.getByRole('button', { name: 'Delete my-pack 0.2.0' }).click();
      await page
        .getByRole('dialog', { name: 'Delete this pack?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await page.getByText('Deleted my-pack 0.2.0.').waitFor();
      expect(
        (await page.getByRole('button', { name: 'Delete my-pack 0.2.0' }).count()) === 0,
        'gone',
      );
      await page.getByLabel(/Import a pack file/).setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"schemaVersion":2,"id":"Bad Id","cases":[{"__proto__":{}}]}'),
      });
      await page.getByText(/Nothing was imported: the file has \d+ problems?/).waitFor();
      await page.getByText('broken.json: id', { exact: true }).waitFor();
      await page.getByText('broken.json: cases[0]', { exact: true }).first().waitFor();
      await run.axeCheck(page, 'studio: import problems');
      await page.getByLabel(/Import a pack file/).setInputFiles(exported.path);
      await heading(page, /my-pack 0\.2\.0/);
      noPageErrors(errors);
    });

    await run.check('studio: play the imported case as a trainee', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Cases' })
        .click();
      await heading(page, 'Cases');
      await page.getByRole('link', { name: /Studio hypertension visit/ }).click();
      await heading(page, 'The encounter');
      await click(page, 'Start coding');
      await heading(page, 'Code the visit');
      await addDxAsTyped(page, 'I10');
      await addLine(page, 1, '99213', ['I10']);
      await click(page, 'Create claim');
      await heading(page, 'Review the claim');
      expect(dialogs.length === 0, `no dialog opened: ${dialogs.join(', ')}`);
      noPageErrors(errors);
    });

    await run.check('studio: the assigned exam is offered to trainees', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Exam' })
        .click();
      await page.getByText('Chapter 9 quick check').first().waitFor();
      noPageErrors(errors);
    });
  }, run);
}
