import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, signIn } from './support/helpers';

// The case page, end to end: a seeded enquiry goes from first contact to approval through the hands of every role
// that owns a step (DOMAIN.md §2.2), each using only the forms the page offers them.

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Opens the first seeded household waiting for first contact and returns its id. */
async function openNewEnquiry(page: Page): Promise<string> {
  await page.goto('/hub/households?stage=enquiry.received');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/hub\/households\/[^/?]+$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

function eventForm(page: Page, eventType: string): Locator {
  return page.locator(`details#event-${eventType}`);
}

async function openEvent(page: Page, eventType: string): Promise<Locator> {
  const details = eventForm(page, eventType);
  await details.locator('summary').click();
  return details.locator('form');
}

/** Copies the date the form already holds for "Date it happened" (today) into another date input of that form. */
async function fillDateWithToday(form: Locator, eventType: string, field: string) {
  const prefix = `#event-${eventType}`;
  for (const part of ['', '-month', '-year']) {
    const today = await form.locator(`${prefix}-occurredOn${part}`).inputValue();
    await form.locator(`${prefix}-${field}${part}`).fill(today);
  }
}

async function submitEvent(page: Page, eventType: string, fill?: (form: Locator) => Promise<void>) {
  const form = await openEvent(page, eventType);
  if (fill) await fill(form);
  await form.getByRole('button').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Saved. This household is now at' })).toBeVisible();
}

/** Copies today's date, which an event form already holds for "Date it happened", into a Stage 2 date input. */
async function fillStage2DateWithToday(page: Page, form: Locator, inputId: string) {
  for (const part of ['', '-month', '-year']) {
    const today = await page.locator(`#event-FORM_F_COMPLETED-occurredOn${part}`).inputValue();
    await form.locator(`#${inputId}${part}`).fill(today);
  }
}

async function expectStage(page: Page, label: string) {
  await expect(page.getByRole('alert').filter({ hasText: 'Saved.' })).toContainText(`This household is now at ‘${label}’`);
}

test('a seeded enquiry goes from first contact to approval, and another council cannot see it', async ({ browser }) => {
  test.setTimeout(180_000);
  let householdId = '';

  await test.step('the hub officer takes the enquiry to an application', async () => {
    const page = await signedInPage(browser, 'hub.officer@ffem.example');
    const assertNoConsoleErrors = failOnConsoleErrors(page);
    householdId = await openNewEnquiry(page);
    await expect(page.getByRole('heading', { level: 2, name: 'What you can do now' })).toBeVisible();
    await expectNoAxeViolations(page);

    await submitEvent(page, 'CONTACT_MADE');
    await expectStage(page, 'First contact made');

    // A missing visit date comes back as a GOV.UK error, with the date already typed kept.
    let form = await openEvent(page, 'VISIT_BOOKED');
    await form.getByRole('button').click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter the date of the initial visit' })).toHaveAttribute('href', '#event-VISIT_BOOKED-visitOn');
    await expect(eventForm(page, 'VISIT_BOOKED')).toHaveAttribute('open', '');
    await expectNoAxeViolations(page);
    form = eventForm(page, 'VISIT_BOOKED').locator('form');
    await fillDateWithToday(form, 'VISIT_BOOKED', 'visitOn');
    await form.getByRole('button').click();
    await expectStage(page, 'Initial visit booked');

    await submitEvent(page, 'VISIT_COMPLETED');
    await submitEvent(page, 'INVITE');
    await expectStage(page, 'Invited to apply');
    await expect(page.getByRole('heading', { level: 3, name: /Email: Invitation to apply/ })).toBeVisible();

    await submitEvent(page, 'APPLICATION_RECEIVED');
    await expectStage(page, 'Application received');
    await expect(page.getByRole('heading', { level: 3, name: 'Stage changed from Invited to apply to Application received' })).toBeVisible();
    assertNoConsoleErrors();
  });

  await test.step('the hub manager proposes Derby City', async () => {
    const page = await signedInPage(browser, 'hub.manager@ffem.example');
    await page.goto(`/hub/households/${householdId}`);
    await submitEvent(page, 'ALLOCATION_PROPOSED', async (form) => {
      await form.getByLabel('Council').selectOption({ label: 'Derby City Council' });
    });
    await expectStage(page, 'Allocation proposed to a council');
  });

  await test.step('Derby City’s fostering team manager accepts it', async () => {
    const page = await signedInPage(browser, 'fostering.manager@ffem.example');
    // The council home lists what the hub has proposed to the council, so nothing handed over is missed.
    await page.goto('/council');
    const proposals = page.getByRole('region', { name: /^Proposed to Derby City Council/ });
    await expectNoAxeViolations(page);
    await proposals.locator(`a[href="/council/households/${householdId}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/council/households/${householdId}$`));
    await expect(page.getByText('This household has been proposed to your council.')).toBeVisible();
    await expectNoAxeViolations(page);
    await submitEvent(page, 'ALLOCATION_ACCEPTED');
    await expectStage(page, 'Stage 1: checks and references');
  });

  await test.step('the Derby City social worker takes it through Stages 1 and 2', async () => {
    const page = await signedInPage(browser, 'social.worker@ffem.example');
    await page.goto(`/council/households/${householdId}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Stage 1 checks' })).toBeVisible();
    await expectNoAxeViolations(page);
    await submitEvent(page, 'STAGE1_CHECKS_CLEARED');
    await submitEvent(page, 'STAGE2_STARTED');

    // Stage 2 runs alongside Stage 1 here, so its record is open: assessor, buddy, a session and Skills to Foster.
    const stage2 = page.getByRole('region', { name: 'Stage 2 assessment' });
    await stage2.locator('details#stage2Details summary').click();
    let form = stage2.locator('details#stage2Details form');
    await form.getByLabel('Assessing social worker').selectOption({ index: 1 });
    await form.getByLabel('Peer support buddy (optional)').fill('The Khan household, Mickleover');
    await form.getByRole('button').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Stage 2 assessor and peer support buddy saved.' })).toBeVisible();

    await stage2.locator('details#stage2Session summary').click();
    form = stage2.locator('details#stage2Session form');
    await form.getByLabel('Held', { exact: true }).check();
    await form.getByLabel('Note (optional)').fill('First home session');
    await form.getByRole('button').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Assessment session recorded.' })).toBeVisible();

    // Training without a start date comes back as a GOV.UK error, with the answer already given kept.
    await stage2.locator('details#stage2Training summary').click();
    form = stage2.locator('details#stage2Training form');
    await form.getByLabel('Yes', { exact: true }).check();
    await form.getByRole('button').click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter the date the course starts' })).toHaveAttribute('href', '#stage2Training-courseStartOn');
    await expectNoAxeViolations(page);
    form = stage2.locator('details#stage2Training form');
    await expect(form.getByLabel('Yes', { exact: true })).toBeChecked();
    await fillStage2DateWithToday(page, form, 'stage2Training-courseStartOn');
    await fillStage2DateWithToday(page, form, 'stage2Training-completedOn');
    await form.getByRole('button').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Skills to Foster training recorded.' })).toBeVisible();
    await expect(stage2.getByText('The Khan household, Mickleover')).toBeVisible();
    await expect(stage2.getByRole('cell', { name: 'First home session' })).toBeVisible();

    await submitEvent(page, 'FORM_F_COMPLETED');
    await submitEvent(page, 'STAGE1_PROCEED');
    await expectStage(page, 'Assessment complete: panel to book');
    // Once the assessment is complete the Stage 2 record is read-only.
    await expect(stage2.getByRole('cell', { name: 'First home session' })).toBeVisible();
    await expect(stage2.locator('details')).toHaveCount(0);
  });

  await test.step('the panel adviser books the panel and records its outcome', async () => {
    const page = await signedInPage(browser, 'panel.adviser@ffem.example');
    await page.goto(`/council/households/${householdId}`);
    await submitEvent(page, 'PANEL_BOOKED', (form) => fillDateWithToday(form, 'PANEL_BOOKED', 'panelOn'));
    await expectStage(page, 'Panel date booked');
    await submitEvent(page, 'PAPERS_SENT');
    await submitEvent(page, 'PANEL_RECOMMENDED', (form) => form.getByLabel('Approve', { exact: true }).check());
    await expectStage(page, 'Awaiting final panel minutes');
    await submitEvent(page, 'FINAL_MINUTES_RECEIVED');
    await expectStage(page, 'Awaiting the agency decision');
  });

  await test.step('the agency decision maker approves with terms', async () => {
    const page = await signedInPage(browser, 'decision.maker@ffem.example');
    await page.goto(`/council/households/${householdId}`);
    const form = await openEvent(page, 'APPROVE');
    await expectNoAxeViolations(page);
    await form.getByLabel('Number of children').fill('2');
    await form.getByLabel('Youngest age').fill('0');
    await form.getByLabel('Oldest age').fill('11');
    await form.getByLabel('Short-term').check();
    await form.getByLabel('Emergency').check();
    await form.getByRole('button').click();
    await expectStage(page, 'Approved');
    await expect(page.getByRole('heading', { level: 2, name: 'What you can do now' })).toBeVisible();
    await expect(page.getByText('There is nothing for you to record at this stage.')).toBeVisible();
  });

  await test.step('a Nottinghamshire social worker gets 404 on that case', async () => {
    const page = await signedInPage(browser, 'social.worker.nottinghamshire@ffem.example');
    const response = await page.goto(`/council/households/${householdId}`);
    expect(response?.status()).toBe(404);
  });
});

test('an event sent from a page that has gone stale is refused with a clear message and changes nothing', async ({ browser }) => {
  const first = await signedInPage(browser, 'hub.officer@ffem.example');
  const householdId = await openNewEnquiry(first);
  const second = await signedInPage(browser, 'hub.manager@ffem.example');
  await second.goto(`/hub/households/${householdId}`);
  const assertNoConsoleErrors = failOnConsoleErrors(second);

  await submitEvent(first, 'CONTACT_MADE');

  const staleForm = await openEvent(second, 'CONTACT_MADE');
  await staleForm.getByRole('button').click();
  const banner = second.getByRole('region', { name: 'This household has changed' });
  await expect(banner).toContainText('This household has moved to First contact made since you opened the page.');
  await expect(banner).toContainText('Nothing was saved.');
  await expectNoAxeViolations(second);

  await second.reload();
  await expect(second.getByRole('heading', { level: 3, name: /^Stage changed from Enquiry received to First contact made$/ })).toHaveCount(1);
  assertNoConsoleErrors();
});
