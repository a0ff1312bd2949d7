import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, signIn, signOut } from './support/helpers';

// The managers' dashboard, trends, comparison, costs and the board pack. The figures themselves are proved in
// tests/integration/reporting; here: the pages work for each persona, the CSV says what the screen says, the board
// pack hides small numbers, and every page passes axe.

async function rowCells(page: Page, tableName: RegExp, rowName: string) {
  const row = page.getByRole('table', { name: tableName }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) });
  return row.getByRole('cell').allInnerTexts();
}

test('a fostering manager reads the dashboard, changes the period and downloads the same figures', async ({ page }) => {
  const checkConsole = failOnConsoleErrors(page);

  await test.step('given a fostering manager opens the dashboard', async () => {
    await signIn(page, 'fostering.manager@ffem.example');
    await page.goto('/reports/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Recruitment dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Derby City');
    await expect(page.getByRole('table', { name: /Funnel/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Resignation rate: households in a constellation/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /Resignations|retention|resignations/i }).first()).toContainText('12%');
    await expectNoAxeViolations(page);
  });

  await test.step('when they change the period to 2024/25 and the route to mainstream', async () => {
    await page.getByText('Change the period, council or route').click();
    await page.getByRole('group', { name: 'Start date' }).getByLabel('Year').fill('2024');
    await page.getByRole('group', { name: 'End date' }).getByLabel('Year').fill('2025');
    await page.getByLabel('Route').selectOption('mainstream');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page.getByText('From 1 April 2024 to 31 March 2025')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('mainstream');
  });

  await test.step('then the funnel CSV holds the figures on the screen', async () => {
    const onScreen = await rowCells(page, /Funnel/, 'Enquiries');
    const download = page.waitForEvent('download');
    await page.getByRole('region', { name: /Funnel/ }).getByRole('link', { name: /Download this table as CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('funnel-derby-city-2024-04-01-to-2025-03-31.csv');
    const csv = await readFile(await file.path(), 'utf8');
    const line = csv.split('\r\n').find((entry) => entry.startsWith('Enquiries,'));
    expect(line).toBe(`Enquiries,${onScreen.map((text) => text.replace(/,/g, '')).join(',')}`);
  });

  await test.step('and another council’s figures are refused', async () => {
    const response = await page.goto('/reports/dashboard?council=nottingham-city');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot see this page');
  });

  await test.step('and a period that ends before it starts gets a message, not figures', async () => {
    await page.goto('/reports/dashboard?from-day=1&from-month=4&from-year=2025&to-day=31&to-month=3&to-year=2025');
    await expect(page.getByRole('link', { name: 'The end date must be the same as or after the start date' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Funnel/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  await test.step('and the trends, comparison and cost pages pass axe', async () => {
    await page.goto('/reports/trends');
    await expect(page.getByRole('img', { name: /Applications, approvals and deregistrations a month/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/reports/councils');
    await expect(page.getByRole('columnheader', { name: 'Derby City Council' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Derbyshire County Council' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto('/reports/costs');
    await expectNoAxeViolations(page);
  });

  await test.step('and they set their council’s in-house weekly cost, after a mistake is pointed out', async () => {
    await page.getByLabel('In-house fostering, average weekly cost').check();
    await page.getByLabel('Weekly cost in pounds').fill('lots');
    await page.getByRole('button', { name: 'Save cost' }).click();
    await expect(page.getByRole('link', { name: 'Enter the weekly cost in pounds, like 634 or 634.50' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Weekly cost in pounds').fill('610');
    const applies = page.getByRole('group', { name: 'Applies from' });
    await applies.getByLabel('Day').fill('1');
    await applies.getByLabel('Month').fill('4');
    await applies.getByLabel('Year').fill('2024');
    await page.getByLabel('Where the figure comes from').fill('Derby City budget 2024/25');
    await page.getByRole('button', { name: 'Save cost' }).click();
    await expect(page.getByText('Cost assumption saved.')).toBeVisible();
    await expect(page.getByRole('table', { name: /Weekly cost assumptions/ })).toContainText('£610');
    await signOut(page);
  });
  checkConsole();
});

test('the hub manager changes council, and the board pack hides small numbers', async ({ page }) => {
  const checkConsole = failOnConsoleErrors(page);

  await test.step('given the hub manager chooses Derbyshire on the dashboard', async () => {
    await signIn(page, 'hub.manager@ffem.example');
    await page.goto('/reports/dashboard');
    await page.getByText('Change the period, council or route').click();
    await page.getByLabel('Council').selectOption('derbyshire');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Derbyshire County Council');
    await signOut(page);
  });

  await test.step('when the regional viewer opens the board pack', async () => {
    await signIn(page, 'regional.viewer@ffem.example');
    await page.goto('/reports/board-pack');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Regional board pack');
  });

  await test.step('then numbers from 1 to 10 show as x, and the page passes axe', async () => {
    await expect(page.getByText('numbers from 1 to 10 are shown as x')).toBeVisible();
    await expect(page.getByRole('table', { name: /The councils side by side/ })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'x', exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
  checkConsole();
});
