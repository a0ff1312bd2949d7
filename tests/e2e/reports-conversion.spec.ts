import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, signIn, signOut } from './support/helpers';

// The conversion dashboard: a fostering manager sees exact figures for their own council and can download them;
// the regional viewer sees the suppression notice. Figures themselves are proved in tests/integration/reporting.

test('a fostering manager and the regional viewer open the conversion dashboard', async ({ page }) => {
  failOnConsoleErrors(page);

  await test.step('given a fostering manager opens the dashboard for 2024/25', async () => {
    await signIn(page, 'fostering.manager@ffem.example');
    await page.goto('/reports/conversion?from-day=1&from-month=4&from-year=2024&to-day=31&to-month=3&to-year=2025');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Conversion and retention');
    await expect(page.getByText('From 1 April 2024 to 31 March 2025')).toBeVisible();
    await expect(page.getByRole('table', { name: /Cohort conversion rates against targets/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /Resignation and deregistration rates/ })).toContainText('12%');
    await expectNoAxeViolations(page);
  });

  await test.step('then the CSV link downloads the same tables', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download these tables as CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^conversion-.*-2024-04-01-to-2025-03-31\.csv$/);
    await signOut(page);
  });

  await test.step('and the regional viewer is told small numbers are hidden', async () => {
    await signIn(page, 'regional.viewer@ffem.example');
    await page.goto('/reports/conversion');
    await expect(page.getByText('numbers from 1 to 10 are shown as x')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
