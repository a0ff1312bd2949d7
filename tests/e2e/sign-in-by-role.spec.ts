import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, failToSignIn, signIn, signOut } from './support/helpers';

// One demo login per staff role (README), each landing on its role's home page with real data.
const STAFF = [
  { email: 'hub.officer@ffem.example', home: '/hub', heading: 'Hub overview' },
  { email: 'hub.manager@ffem.example', home: '/hub', heading: 'Hub overview' },
  { email: 'social.worker@ffem.example', home: '/council', heading: /Derby City/ },
  { email: 'fostering.manager@ffem.example', home: '/council', heading: /Derby City/ },
  { email: 'decision.maker@ffem.example', home: '/council', heading: /Derby City/ },
  { email: 'panel.adviser@ffem.example', home: '/council', heading: /Derby City/ },
  { email: 'mockingbird.liaison@ffem.example', home: '/council', heading: /Derby City/ },
  { email: 'panel.member@ffem.example', home: '/council/panels', heading: 'Fostering panels' },
  { email: 'regional.viewer@ffem.example', home: '/reports', heading: /./ },
  { email: 'administrator@ffem.example', home: '/admin', heading: /./ },
];

for (const person of STAFF) {
  test(`${person.email} signs in and lands on ${person.home}`, async ({ page }) => {
    const assertNoConsoleErrors = failOnConsoleErrors(page);
    await test.step('given the sign-in page, which passes axe', async () => {
      await page.goto('/login');
      await expectNoAxeViolations(page);
    });
    await test.step('when they sign in with the demo password', async () => {
      await signIn(page, person.email);
    });
    await test.step('then they see their home page, which passes axe', async () => {
      await expect(page).toHaveURL(new RegExp(`${person.home}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(person.heading);
      await expectNoAxeViolations(page);
    });
    await test.step('and signing out ends the session', async () => {
      await signOut(page);
      await page.goto(person.home);
      await expect(page).toHaveURL(/\/login\?redirectTo=/);
    });
    assertNoConsoleErrors();
  });
}

test('the hub home shows open households in all four councils', async ({ page }) => {
  await signIn(page, 'hub.officer@ffem.example');
  const table = page.getByRole('table').first();
  for (const council of ['Derby City', 'Derbyshire', 'Nottingham City', 'Nottinghamshire']) {
    await expect(table.getByRole('columnheader', { name: new RegExp(council) })).toBeVisible();
  }
  const totalRow = table.getByRole('row').filter({ hasText: /^Total/ });
  const totals = (await totalRow.getByRole('cell').allInnerTexts()).map((text) => Number(text.replace(/,/g, '')));
  expect(totals.length).toBeGreaterThanOrEqual(5);
  for (const total of totals) expect(total).toBeGreaterThan(0);
});

test('a wrong password shows the error summary and keeps the email', async ({ page }) => {
  await failToSignIn(page, 'hub.officer@ffem.example', 'not the right password');
  await expect(page.getByLabel('Email address')).toHaveValue('hub.officer@ffem.example');
  await expectNoAxeViolations(page);
});

test('an unknown page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
  await expectNoAxeViolations(page);
});
