import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, signIn } from './support/helpers';

// A kinship case nearing the end of its Regulation 24 temporary approval (DOMAIN.md §3.2): the Derby City social worker
// refers the connected person, the fostering team manager records temporary approval granted 13 weeks ago, and the
// case page warns that it ends in 3 weeks (16 - 13).

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's London calendar date, shifted by whole days, as UTC noon so no clock change moves it. */
function londonDay(offsetDays: number): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + offsetDays * DAY_MS);
}

const dateParts = (date: Date) => ({ day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) });
const withWeekday = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(date)
    .replace(',', '');

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function submitEventOn(page: Page, eventType: string, occurredOn: Date) {
  const details = page.locator(`details#event-${eventType}`);
  await details.locator('summary').click();
  const { day, month, year } = dateParts(occurredOn);
  await details.locator(`#event-${eventType}-occurredOn`).fill(day);
  await details.locator(`#event-${eventType}-occurredOn-month`).fill(month);
  await details.locator(`#event-${eventType}-occurredOn-year`).fill(year);
  await details.locator('form').getByRole('button').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Saved. This household is now at' })).toBeVisible();
}

test('a kinship case warns the social worker as its Regulation 24 temporary approval nears its end', async ({ browser }) => {
  test.setTimeout(120_000);
  const grantedOn = londonDay(-13 * 7);
  const endsOn = londonDay(3 * 7);
  let householdId = '';

  await test.step('given the Derby City social worker refers a kinship carer and starts the viability assessment', async () => {
    const page = await signedInPage(browser, 'social.worker@ffem.example');
    await page.goto('/council/kinship/new');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Mensah');
    await page.getByLabel('Email address').fill(`grace.mensah.${Date.now()}@example.test`);
    await page.getByLabel('Relationship to the child').fill('grandmother');
    await page.getByLabel('Child’s reference').fill('DY-CHILD-04521');
    await page.getByRole('button', { name: 'Save referral' }).click();
    await expect(page).toHaveURL(/\/council\/households\/[^/?]+$/);
    householdId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await submitEventOn(page, 'VIABILITY_STARTED', londonDay(-14 * 7));
  });

  await test.step('and the fostering team manager records temporary approval granted 13 weeks ago', async () => {
    const page = await signedInPage(browser, 'fostering.manager@ffem.example');
    await page.goto(`/council/households/${householdId}`);
    await submitEventOn(page, 'TEMPORARY_APPROVAL_GRANTED', grantedOn);
  });

  await test.step('when the social worker opens the case, then the warning names the rule, the date and the time left', async () => {
    const page = await signedInPage(browser, 'social.worker@ffem.example');
    const assertNoConsoleErrors = failOnConsoleErrors(page);
    await page.goto(`/council/households/${householdId}`);
    const warning = page.getByRole('region', { name: 'Temporary approval is running out' });
    await expect(warning).toContainText(`Temporary approval under Regulation 24 ends on ${withWeekday(endsOn)}: 3 weeks left.`);
    await expect(warning).toContainText('If it lapses the child must move.');
    await expect(page.getByRole('heading', { level: 2, name: 'References' })).toBeVisible();
    await expectNoAxeViolations(page);
    assertNoConsoleErrors();
  });
});
