import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, linkIn, readLatestEmail, signIn, signOut } from './support/helpers';

test('an administrator invites a social worker, who sets a password and signs in', async ({ page }) => {
  const email = `new.worker.${Date.now()}@ffem.example`;
  const password = 'a long new password 2026';

  await test.step('given the administrator invites a Nottinghamshire social worker', async () => {
    await signIn(page, 'administrator@ffem.example');
    await page.goto('/admin/users/new');
    await expectNoAxeViolations(page);
    await page.getByLabel('Full name').fill('Nadia Testwell');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Role').selectOption({ label: 'Council social worker' });
    await page.getByLabel('Council').selectOption({ label: 'Nottinghamshire County Council' });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(email).first()).toBeVisible();
    await signOut(page);
  });
  await test.step('when the invitation arrives and they choose a password', async () => {
    const text = await readLatestEmail(page, email, /./);
    await page.goto(linkIn(text, /\/reset-password\//));
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Type the password again').fill(password);
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
  });
  await test.step('then they land on the council home of Nottinghamshire', async () => {
    await expect(page).toHaveURL(/\/council$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Nottinghamshire');
  });
  await test.step('and the audit log shows the invitation to the administrator', async () => {
    await signOut(page);
    await signIn(page, 'administrator@ffem.example');
    await page.goto('/admin/audit');
    await expect(page.getByRole('table')).toContainText(/user\.invite/);
    await expectNoAxeViolations(page);
  });
});
