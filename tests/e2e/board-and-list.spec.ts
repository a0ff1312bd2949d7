import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, signIn } from './support/helpers';

const CSV_HEADER =
  'Reference,Household,Route,Stage,Council,Allocated council,Worker,Enquiry date,How the enquiry arrived,' +
  'How they heard about fostering,Interested in,Initial visit date,Application date,Handover date,Panel date,' +
  'Approval date,Closed date,Reason for closing,Next deadline,Next deadline date,Last activity date,Last updated date';

test('a hub manager filters the household list, downloads it as CSV and opens the pipeline board', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);

  await test.step('given the hub manager on the household list, which passes axe', async () => {
    await signIn(page, 'hub.manager@ffem.example');
    await page.getByRole('link', { name: 'Households', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Households' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('when they filter by Derby City, every household listed is Derby City’s', async () => {
    await page.getByLabel('Council').selectOption({ label: 'Derby City Council' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]council=derby-city(&|$)/);
    await expect(page.getByRole('heading', { level: 2, name: /households? match these filters/ })).toBeVisible();
    const councilCells = page.getByRole('table').getByRole('row').locator('td:nth-of-type(3)');
    await expect(councilCells.first()).toBeVisible();
    for (const text of await councilCells.allInnerTexts()) expect(text).toBe('Derby City Council');
  });

  await test.step('and they also ask for overdue households only', async () => {
    await page.getByLabel('Overdue: the next deadline has passed').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]council=derby-city&.*overdue=1/);
    await expect(page.getByLabel('Council')).toHaveValue('derby-city');
    await expect(page.getByLabel('Overdue: the next deadline has passed')).toBeChecked();
    await expectNoAxeViolations(page);
  });

  await test.step('then the CSV download of that filter starts with the plain-English header row', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download as CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^households-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(new URL(download.url()).search).toContain('council=derby-city');
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(CSV_HEADER);
  });

  await test.step('and the pipeline board shows a column per open stage group, which passes axe', async () => {
    await page.getByRole('link', { name: 'Board', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pipeline board' })).toBeVisible();
    const columns = page.getByRole('region', { name: 'Board columns' });
    await expect(columns.getByRole('heading', { level: 2, name: /^Enquiry \(\d[\d,]*\)$/ })).toBeVisible();
    await expect(columns.getByRole('heading', { level: 2, name: /^Assessment \(\d[\d,]*\)$/ })).toBeVisible();
    await expect(columns.getByRole('heading', { level: 2, name: /^Approved/ })).toHaveCount(0);
    await expect(columns.getByRole('listitem').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('and the board keeps the filter when narrowed to Derby City', async () => {
    await page.getByLabel('Council').selectOption({ label: 'Derby City Council' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/hub\/board\?.*\bcouncil=derby-city(&|$)/);
    await expect(page.getByLabel('Council')).toHaveValue('derby-city');
  });

  assertNoConsoleErrors();
});
