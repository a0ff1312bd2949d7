import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, failOnConsoleErrors, failToSignIn, signIn } from './support/helpers';

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'on' : 'off';

  test.describe(`with JavaScript ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test('a form with errors puts "Error: " at the start of the one page title, and a good page has none', async ({ page }) => {
      const expectNoConsoleErrors = failOnConsoleErrors(page);
      await test.step('when someone signs in with an address that has no account', async () => {
        // A different address each run, so the per-address back-off never locks a demo account.
        await failToSignIn(page, `nobody.javascript-${mode}@ffem.example`, 'not the password');
      });
      await test.step('then the title starts with "Error: " and there is only one title', async () => {
        await expect(page).toHaveTitle('Error: Sign in – Foster for East Midlands');
        await expect(page.locator('title')).toHaveCount(1);
      });
      await test.step('and after signing in properly from the same page the council home has no prefix', async () => {
        await page.getByLabel('Email address').fill('social.worker@ffem.example');
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page).toHaveURL(/\/council$/);
        await expect(page).toHaveTitle(/^(?!Error: ).*Foster for East Midlands$/);
        await expect(page.locator('title')).toHaveCount(1);
      });
      expectNoConsoleErrors();
    });
  });
}

// Axe runs inside the page, so this one needs JavaScript; the server renders the same page without it.
test('a household that does not exist gets a 404 page inside the council area', async ({ page }) => {
  const expectNoConsoleErrors = failOnConsoleErrors(page);
  await signIn(page, 'social.worker@ffem.example');
  const response = await page.goto('/council/households/no-such-household');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle('Page not found – Foster for East Midlands');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('navigation', { name: 'Council fostering team' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText(/quote reference \S+/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your council’s households' })).toHaveAttribute('href', '/council');
  await expectNoAxeViolations(page);
  expectNoConsoleErrors();
});
