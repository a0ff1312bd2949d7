import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, signIn, signOut } from './support/helpers';

// The seed puts the demo panel member on Derby City's next panel that has cases.

test('a panel member lands on their panels and reads a case on the agenda, with nothing to change', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);
  await test.step('given the panel member signs in', async () => {
    await signIn(page, 'panel.member@ffem.example');
  });
  await test.step('then they land on their panels, which pass axe', async () => {
    await expect(page).toHaveURL(/\/council\/panels$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fostering panels');
    await expect(page.getByRole('row')).toHaveCount(2);
    await expectNoAxeViolations(page);
  });
  await test.step('when they open the panel, its agenda passes axe', async () => {
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/council\/panels\/[^/]+$/);
    await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
  await test.step('and a case on it opens read-only', async () => {
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/council\/households\/[^/]+$/);
    await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
  await signOut(page);
  assertNoConsoleErrors();
});

test('the panel adviser chooses who sits on a panel', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);
  await signIn(page, 'panel.adviser@ffem.example');
  await page.getByRole('link', { name: 'Panels' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fostering panels');
  await page.getByRole('table').getByRole('link').last().click();
  const member = page.getByRole('checkbox', { name: 'Olusegun Thistlecombe' });
  await expect(member).toBeVisible();
  await expectNoAxeViolations(page);
  await member.check();
  await page.getByRole('button', { name: 'Save panel members' }).click();
  await expect(page.getByRole('checkbox', { name: 'Olusegun Thistlecombe' })).toBeChecked();
  await signOut(page);
  assertNoConsoleErrors();
});

test('the panel adviser looks back at earlier panel dates, with what each recorded', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);
  await signIn(page, 'panel.adviser@ffem.example');
  await page.goto('/council/panels');
  await page.getByRole('link', { name: 'Earlier panel dates' }).click();
  await expect(page).toHaveURL(/\/council\/panels\?view=past$/);
  const table = page.getByRole('table', { name: 'Past panels, most recent first' });
  await expect(table.getByRole('columnheader', { name: 'Recommendations recorded' })).toBeVisible();
  // The seeded Derby City panels before today, newest first.
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Coming up' }).click();
  await expect(page).toHaveURL(/\/council\/panels$/);
  await signOut(page);
  assertNoConsoleErrors();
});
