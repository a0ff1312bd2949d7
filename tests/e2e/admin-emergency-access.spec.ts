import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations, failOnConsoleErrors, signIn } from './support/helpers';

// Emergency access (DOMAIN.md §1.3): the administrator reads one seeded approved household's record, read only,
// after giving a reason. The spec only reads the demo data, so it cannot disturb other specs' records.

const E2E_DATABASE = 'tests/.db/e2e.db';

function firstApprovedHousehold() {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT h.reference AS reference, h.displayName AS displayName FROM Approval a JOIN Household h ON h.id = a.householdId
         WHERE a.status = 'active' ORDER BY h.reference LIMIT 1`,
      )
      .get() as { reference: string; displayName: string };
  } finally {
    db.close();
  }
}

test('an administrator opens a carer record in an emergency, with a reason, and the view is audited', async ({ page }) => {
  failOnConsoleErrors(page);
  const household = firstApprovedHousehold();
  await signIn(page, 'administrator@ffem.example');
  await page.getByRole('link', { name: 'Emergency access' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency access to a carer record' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Household reference').fill(household.reference);
  await page.getByRole('button', { name: 'Open the record' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Enter why you need emergency access to this record' })).toBeVisible();
  await expect(page.getByLabel('Household reference')).toHaveValue(household.reference);
  await expectNoAxeViolations(page);

  await page.getByLabel('Why do you need emergency access?').fill('Council system down; out-of-hours team needs the terms of approval');
  await page.getByRole('button', { name: 'Open the record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Approved household record' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `${household.displayName} (${household.reference})` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Terms of approval and their history' })).toBeVisible();
  // Read only: nothing on the record can be submitted or typed into.
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto(`/admin/audit?action=admin.emergencyAccess`);
  await expect(page.getByText(`"reference":"${household.reference}"`)).toBeVisible();
});
