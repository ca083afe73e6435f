/** Shared user actions for the scenarios, written the way a trainee works: by labels and roles. */
import { expect } from '../harness.mjs';

export const CASE_LINK = /type 2 diabetes and hypertension/i;

export async function heading(page, name) {
  await page.getByRole('heading', { name }).first().waitFor({ timeout: 10_000 });
}

export async function openStarterCase(page, base) {
  await page.goto(base);
  await page.getByRole('link', { name: CASE_LINK }).click();
  await heading(page, 'The encounter');
}

/** Adds a diagnosis with the encoder: search, choose the result, then "Use <code>". */
export async function addDx(page, query, code) {
  const box = page.getByRole('combobox', { name: /Search ICD-10-CM/ });
  await box.fill(query);
  const hit = page
    .getByRole('listbox', { name: 'Matching codes' })
    .getByRole('option', { name: new RegExp(`^${code.replace('.', '\\.')} `) });
  await hit.first().click();
  await page.getByRole('button', { name: `Use ${code}`, exact: true }).click();
  await dxList(page).getByText(code, { exact: true }).waitFor();
}

/** Types a code and adds it exactly as typed (how a trainee keys a code from memory). */
export async function addDxAsTyped(page, code) {
  const box = page.getByLabel('Or type a diagnosis code');
  await box.fill(code);
  await box.press('Enter');
  await dxList(page).getByText(code, { exact: true }).waitFor();
}

export const dxList = (page) => page.getByRole('list', { name: 'Diagnoses in claim order' });

export async function dxCodes(page) {
  return (await dxList(page).locator('code.code').allInnerTexts()).map((s) => s.trim());
}

export const line = (page, n) => page.getByRole('group', { name: `Line ${n}`, exact: true });

export async function addLine(page, n, code, pointers, units) {
  await page.getByRole('button', { name: 'Add procedure line' }).click();
  const l = line(page, n);
  await l.getByLabel('Procedure code').fill(code);
  if (units !== undefined) await l.getByLabel('Units').fill(String(units));
  for (const dx of pointers)
    await l.getByRole('checkbox', { name: new RegExp(dx.replace('.', '\\.')) }).check();
}

export async function setPointers(page, n, pointers) {
  const l = line(page, n);
  const boxes = l.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const b = boxes.nth(i);
    if (await b.isChecked()) await b.uncheck();
  }
  for (const dx of pointers)
    await l.getByRole('checkbox', { name: new RegExp(dx.replace('.', '\\.')) }).check();
}

export async function click(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
}

export async function statusBadge(page) {
  return (await page.locator('.summary .badge').innerText()).trim();
}

export function noPageErrors(errors) {
  expect(errors.length === 0, `the page logged errors:\n      ${errors.join('\n      ')}`);
}

/** Clicks a download button and returns the saved file's name and text. */
export async function download(page, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), click(page, name)]);
  const { readFileSync } = await import('node:fs');
  return { filename: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}
