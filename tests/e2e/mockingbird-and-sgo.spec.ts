import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations, failOnConsoleErrors, signIn } from './support/helpers';

// After approval (issue 7): the Derby City Mockingbird liaison worker fills the constellation's last satellite place
// (the seed leaves nine of ten, prisma/seed/mockingbird.ts), logs a sleepover and is refused an eleventh household;
// then the fostering team manager turns a kinship household into a special guardianship support case.

const E2E_DATABASE = 'tests/.db/e2e.db';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's London calendar date, shifted by whole days, as UTC noon so no clock change moves it. */
function londonDay(offsetDays: number): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + offsetDays * DAY_MS);
}

async function fillDate(scope: Locator | Page, id: string, date: Date) {
  await scope.locator(`#${id}`).fill(String(date.getUTCDate()));
  await scope.locator(`#${id}-month`).fill(String(date.getUTCMonth() + 1));
  await scope.locator(`#${id}-year`).fill(String(date.getUTCFullYear()));
}

async function signedInPage(browser: Browser, email: string): Promise<{ page: Page; noConsoleErrors: () => void }> {
  const page = await (await browser.newContext()).newPage();
  const noConsoleErrors = failOnConsoleErrors(page);
  await signIn(page, email);
  return { page, noConsoleErrors };
}

function readDatabase<T>(query: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

async function openDisclosure(page: Page, id: string): Promise<Locator> {
  const details = page.locator(`details#${id}`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

test('the liaison worker fills the last satellite place, logs a sleepover and is refused an eleventh household', async ({ browser }) => {
  test.setTimeout(120_000);
  const today = londonDay(0);
  const { page, noConsoleErrors } = await signedInPage(browser, 'mockingbird.liaison@ffem.example');
  let constellationId = '';
  let newSatelliteId = '';

  await test.step('given the Derby City constellation has nine satellite households of ten', async () => {
    await page.getByRole('link', { name: 'Mockingbird' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mockingbird' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Derby City Mockingbird constellation' }).click();
    await page.waitForURL(/\/council\/mockingbird\/[^/?]+$/);
    constellationId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect(page.getByText('9 of 10')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('when the liaison worker adds a tenth household', async () => {
    const form = await openDisclosure(page, 'addSatellite');
    const select = form.getByLabel('Household', { exact: true });
    newSatelliteId = (await select.locator('option').nth(1).getAttribute('value')) ?? '';
    await select.selectOption(newSatelliteId);
    await fillDate(form, 'addSatellite-joinedOn', today);
    await form.getByRole('button', { name: 'Add satellite' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Satellite household added.' })).toBeVisible();
    await expect(page.getByText('10 of 10')).toBeVisible();
  });

  await test.step('and logs a two-night planned sleepover at the hub home', async () => {
    const form = await openDisclosure(page, 'logActivity');
    await form.getByLabel('Activity').selectOption('plannedSleepover');
    await fillDate(form, 'logActivity-occurredOn', today);
    await form.getByLabel('Nights').fill('2');
    await form.locator('input[name="householdIds"]').first().check(); // the hub home is listed first
    await form.locator(`input[name="householdIds"][value="${newSatelliteId}"]`).check();
    await form.getByRole('button', { name: 'Log activity' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Activity logged.' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Planned sleepover' }).first()).toContainText('2');
    await expectNoAxeViolations(page);
  });

  await test.step('then an eleventh household is refused with a clear error and nothing is saved', async () => {
    const form = await openDisclosure(page, 'addSatellite');
    const select = form.getByLabel('Household', { exact: true });
    await select.selectOption({ index: 1 });
    await fillDate(form, 'addSatellite-joinedOn', today);
    await form.getByRole('button', { name: 'Add satellite' }).click();
    await expect(page.getByText('There is a problem')).toBeVisible();
    await expect(page.getByRole('link', { name: /already has 10 satellite households/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`/council/mockingbird/${constellationId}`);
    await expect(page.getByText('10 of 10')).toBeVisible();
  });

  await test.step('and the database holds ten current satellites and the sleepover', () => {
    const counts = readDatabase((db) => ({
      satellites: db
        .prepare("SELECT COUNT(*) AS n FROM ConstellationMembership WHERE constellationId = ? AND role = 'satellite' AND leftOn IS NULL")
        .get(constellationId) as { n: number },
      sleepover: db
        .prepare("SELECT nights, householdIdsJson FROM MockingbirdActivity WHERE constellationId = ? AND type = 'plannedSleepover' AND householdIdsJson LIKE ?")
        .get(constellationId, `%${newSatelliteId}%`) as { nights: number } | undefined,
    }));
    expect(counts.satellites.n).toBe(10);
    expect(counts.sleepover?.nights).toBe(2);
  });
  noConsoleErrors();
});

test('a kinship household becomes a special guardianship support case', async ({ browser }) => {
  test.setTimeout(120_000);
  const orderDate = londonDay(-7);
  const { page, noConsoleErrors } = await signedInPage(browser, 'fostering.manager@ffem.example');
  let householdId = '';

  await test.step('given the fostering team manager starts from a kinship household', async () => {
    await page.getByRole('link', { name: 'SGO support' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Special guardianship support' })).toBeVisible();
    await expectNoAxeViolations(page);
    const select = page.getByLabel('Start from a kinship household');
    householdId = (await select.locator('option').nth(1).getAttribute('value')) ?? '';
    await select.selectOption(householdId);
    await page.getByRole('button', { name: 'Start from this household' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Open a support case/ })).toBeVisible();
    await expect(page.getByText(/Starting from kinship household/)).toBeVisible();
    await expect(page.getByLabel('Our kinship carer')).toBeChecked();
    await expectNoAxeViolations(page);
  });

  await test.step('when a negative allowance is entered, the page says so and saves nothing', async () => {
    await fillDate(page, 'orderDate', orderDate);
    await page.getByLabel('Weekly allowance in pounds (optional)').fill('-96.15');
    await fillDate(page, 'allowanceStartOn', orderDate);
    await page.getByRole('button', { name: 'Open support case' }).click();
    await expect(page.getByText('There is a problem')).toBeVisible();
    await expect(page.getByRole('link', { name: 'The weekly allowance cannot be negative' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(readDatabase((db) => db.prepare('SELECT COUNT(*) AS n FROM SgoSupportCase WHERE householdId = ?').get(householdId) as { n: number }).n).toBe(0);
  });

  await test.step('then, with the allowance in pounds, the case opens linked to the household', async () => {
    await page.getByLabel('Weekly allowance in pounds (optional)').fill('96.15');
    await page.getByRole('button', { name: 'Open support case' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Support case opened.' })).toBeVisible();
    await expect(page.getByText('£96.15 a week')).toBeVisible();
    await expect(page.getByText('On track')).toBeVisible();
    await expectNoAxeViolations(page);
    const saved = readDatabase(
      (db) =>
        db.prepare("SELECT weeklyAllowancePence, formerCarerStatus, status FROM SgoSupportCase WHERE householdId = ? AND status = 'open'").get(householdId) as
          | { weeklyAllowancePence: number; formerCarerStatus: string; status: string }
          | undefined,
    );
    expect(saved).toEqual({ weeklyAllowancePence: 9615, formerCarerStatus: 'ourKinshipCarer', status: 'open' });
  });
  noConsoleErrors();
});
