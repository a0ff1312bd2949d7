import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, requestApplicantSignInLink } from './support/helpers';

test('an applicant signs in with an emailed link, which works only once', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);
  // Seeded for this spec alone (prisma/seed/demo-logins.ts), so it runs on its own or in any order.
  const email = 'applicant.magic.link@ffem.example';
  let link = '';

  await test.step('given the applicant asks for a sign-in link, which arrives through the outbox and the fake Resend server', async () => {
    link = await requestApplicantSignInLink(page, email);
  });
  await test.step('then following it and continuing lands on their application', async () => {
    await page.goto(link);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue to your application' }).click();
    await expect(page).toHaveURL(/\/apply$/);
    await expectNoAxeViolations(page);
  });
  await test.step('and the same link cannot be used again', async () => {
    await page.context().clearCookies();
    const response = await page.goto(link);
    const button = page.getByRole('button', { name: 'Continue to your application' });
    if (await button.count()) await button.click();
    await expect(page.getByText(/(already been used|expired)/i).first()).toBeVisible();
    expect([200, 410]).toContain(response?.status());
    await expectNoAxeViolations(page);
  });
  assertNoConsoleErrors();
});
