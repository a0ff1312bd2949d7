import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, readLatestEmail, requestApplicantSignInLink } from './support/helpers';

// An applicant withdraws on a phone. Withdrawing closes the case, so the applicant is seeded for this spec alone
// (prisma/seed/demo-logins.ts), invited to apply, and no other spec depends on what happens here.

test.use({ viewport: { width: 375, height: 667 } });

const EMAIL = 'applicant.withdraw@ffem.example';

test('an applicant withdraws with a reason, confirms, and sees their application closed', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);

  await test.step('given the applicant signs in from an emailed link', async () => {
    await page.goto(await requestApplicantSignInLink(page, EMAIL));
    await page.getByRole('button', { name: 'Continue to your application' }).click();
    await expect(page).toHaveURL(/\/apply$/);
  });

  await test.step('their home page says who their worker is and offers a way to withdraw', async () => {
    await expect(page.getByText('Your worker', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Withdraw your application' }).click();
    await expect(page.getByRole('heading', { name: 'Withdraw your application' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('continuing without a reason shows an error next to the question', async () => {
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Select why you are withdrawing' })).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeViolations(page);
  });

  await test.step('when they choose a reason, they are asked to confirm it', async () => {
    await page.getByLabel('Work or availability').check();
    await page.getByLabel('Anything else you would like to tell us (optional)').fill('My hours have changed at work.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Are you sure you want to withdraw?' })).toBeVisible();
    await expect(page.getByText('My hours have changed at work.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('then confirming withdraws and shows the confirmation', async () => {
    await page.getByRole('button', { name: 'Yes, withdraw my application' }).click();
    await expect(page.getByRole('heading', { name: 'Your application has been withdrawn' })).toBeVisible();
    await expect(page.getByText('Work or availability')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('and their home page shows the application closed, with no way to withdraw again', async () => {
    await page.getByRole('link', { name: 'Go to your application' }).click();
    await expect(page.getByText('Your application is closed')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Withdraw your application' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  await test.step('and the withdrawal email arrives', async () => {
    const text = await readLatestEmail(page, EMAIL, /withdrawn from fostering/i);
    expect(text).toContain('sorry to see you go');
  });
  assertNoConsoleErrors();
});
