import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, linkIn, readLatestEmail } from './support/helpers';

test('an applicant signs in with an emailed link, which works only once', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);
  const email = 'applicant@ffem.example';
  let link = '';

  await test.step('given the applicant asks for a sign-in link', async () => {
    await page.goto('/apply/sign-in');
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  });
  await test.step('when the email arrives through the outbox and the fake Resend server', async () => {
    const text = await readLatestEmail(page, email, /sign-in link/i);
    link = linkIn(text, /\/login\/verify/);
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
  });
  assertNoConsoleErrors();
});
