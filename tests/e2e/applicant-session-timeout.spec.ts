import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, linkIn } from './support/helpers';

// The demo applicant's session ends while they are typing a section; saving sends them to sign in, and they come
// back to the same page with what they typed. Run on its own: the demo applicant is re-seeded for every run.

test.use({ viewport: { width: 375, height: 667 } });

const EMAIL = 'applicant@ffem.example';
const SIGN_IN_SUBJECT = /sign-in link/i;

function mailboxEntries(page: Page) {
  return page.locator('li').filter({ hasText: `To ${EMAIL}` }).filter({ hasText: SIGN_IN_SUBJECT });
}

/** Asks for a link on the sign-in page already open, and follows the new one when it arrives. */
async function requestAndFollowLink(page: Page) {
  const signInUrl = page.url();
  await page.goto('/dev/mailbox');
  const before = await mailboxEntries(page).count();
  await page.goto(signInUrl);
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect
    .poll(async () => {
      await page.goto('/dev/mailbox');
      return mailboxEntries(page).count();
    }, { timeout: 15_000, message: 'a new sign-in email' })
    .toBeGreaterThan(before);
  await mailboxEntries(page).first().getByRole('link').click();
  await page.goto(linkIn(await page.locator('pre').innerText(), /\/login\/verify/));
  await page.getByRole('button', { name: 'Continue to your application' }).click();
}

test('answers typed when the session ended come back on the same page after signing in again', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);

  await test.step('given the applicant is signed in and typing the "About you" section', async () => {
    await page.goto('/apply/sign-in');
    await requestAndFollowLink(page);
    await expect(page).toHaveURL(/\/apply$/);
    await page.goto('/apply/application/about-you');
    await page.getByLabel('First name').fill('Lucinda');
    await page.getByLabel('Phone number').fill('07700 900456');
  });

  await test.step('when their session has ended and they save', async () => {
    await page.context().clearCookies({ name: '__session' });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page).toHaveURL(/\/apply\/sign-in\?redirectTo=%2Fapply%2Fapplication%2Fabout-you$/);
  });

  await test.step('then after signing in again they are back on the page with their answers', async () => {
    await requestAndFollowLink(page);
    await expect(page).toHaveURL(/\/apply\/application\/about-you$/);
    await expect(page.getByText('Your answers are not saved yet')).toBeVisible();
    await expect(page.getByLabel('First name')).toHaveValue('Lucinda');
    await expect(page.getByLabel('Phone number')).toHaveValue('07700 900456');
    await expectNoAxeViolations(page);
  });

  await test.step('and the answers are offered only once', async () => {
    await page.reload();
    await expect(page.getByText('Your answers are not saved yet')).toHaveCount(0);
  });
  assertNoConsoleErrors();
});
