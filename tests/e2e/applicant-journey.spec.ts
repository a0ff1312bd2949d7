import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  failOnConsoleErrors,
  linkIn,
  readLatestEmail,
  requestApplicantSignInLink,
  signIn,
  signOut,
} from './support/helpers';
import { choose, openSection, saveAndContinue, statusOf } from './support/application-form';

// Issue 5's whole journey on a phone, on records this spec makes itself: a person enquires and gets the
// acknowledgement, the hub invites them, they sign in from the invitation, start the application and invite their
// partner, who signs in from their own invitation email and fills in their personal sections; then the first applicant
// signs in a second time, finishes, sends it and sees their status page with documents and training.

const PHONE = { width: 375, height: 667 };
test.use({ viewport: PHONE });

async function newPage(browser: Browser, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

// ---------------------------------------------------------------- the hub's case page

async function submitEvent(page: Page, eventType: string, fill?: (form: Locator) => Promise<void>) {
  const details = page.locator(`details#event-${eventType}`);
  await details.locator('summary').click();
  const form = details.locator('form');
  if (fill) await fill(form);
  await form.getByRole('button').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Saved. This household is now at' })).toBeVisible();
}

/** Copies the form's own "Date it happened" (today) into another of its date inputs. */
async function fillDateWithToday(form: Locator, eventType: string, field: string) {
  const prefix = `#event-${eventType}`;
  for (const part of ['', '-month', '-year']) {
    await form.locator(`${prefix}-${field}${part}`).fill(await form.locator(`${prefix}-occurredOn${part}`).inputValue());
  }
}

// ---------------------------------------------------------------- the application form

/** The four sections each applicant answers for themselves. */
async function fillPersonalSections(page: Page, person: { firstName: string; lastName: string; birthYear: string }) {
  await openSection(page, 'About you');
  await page.getByLabel('First name').fill(person.firstName);
  await page.getByLabel('Last name').fill(person.lastName);
  const dateOfBirth = page.getByRole('group', { name: 'Date of birth' });
  await dateOfBirth.getByLabel('Day').fill('3');
  await dateOfBirth.getByLabel('Month').fill('9');
  await dateOfBirth.getByLabel('Year').fill(person.birthYear);
  await page.getByLabel('Phone number').fill('07700 900982');
  await saveAndContinue(page);

  await openSection(page, 'Employment');
  await choose(page, 'What is your work situation?', 'Employed part time');
  await saveAndContinue(page);

  await openSection(page, 'Health');
  await choose(page, 'Is there anything about your health that might affect your ability to care for a child?', 'No');
  await saveAndContinue(page);

  await openSection(page, 'Checks consent');
  await choose(page, 'I agree to an enhanced DBS check', 'Yes, I agree');
  await choose(page, 'I agree to checks with local authorities where I have lived', 'Yes, I agree');
  await choose(page, 'I agree to a medical and for my GP to share a report', 'Yes, I agree');
  await saveAndContinue(page);
}

test('enquiry to submitted application on a phone, with a joint applicant invited by email', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const assertNoConsoleErrors = failOnConsoleErrors(page);
  const stamp = Date.now();
  const email = `journey-${stamp}@example.test`;
  const partnerEmail = `journey-partner-${stamp}@example.test`;
  let reference = '';

  await test.step('a person on a phone sends an enquiry and gets the acknowledgement in the mailbox', async () => {
    await page.goto('/enquire');
    await expectNoAxeViolations(page);
    await page.getByLabel('Your first name').fill('Nadia');
    await page.getByLabel('Your last name').fill(`Okoro${stamp}`);
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Your postcode').fill('de1 2fs');
    await page.getByLabel('Any kind of fostering').check();
    await page.getByLabel('Where did you hear about us?').selectOption('wordOfMouth');
    await page.getByLabel('I agree to Foster for East Midlands contacting me about fostering').check();
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enquiry sent');
    reference = (await page.getByText(/^FFEM-\d{4}-\d{6}$/).innerText()).trim();
    await expectNoAxeViolations(page);
    expect(await readLatestEmail(page, email, /We have received your enquiry/)).toContain(reference);
  });

  await test.step('the hub officer finds the enquiry and invites them to apply', async () => {
    const hub = await newPage(browser, { width: 1280, height: 800 });
    await signIn(hub, 'hub.officer@ffem.example');
    await hub.goto(`/hub/households?q=${reference}`);
    await hub.getByRole('table').getByRole('link').first().click();
    await expect(hub).toHaveURL(/\/hub\/households\/[^/?]+$/);
    await expect(hub.getByText(reference).first()).toBeVisible();
    await expect(hub.locator('details#event-CONTACT_MADE')).toHaveCount(1);
    await submitEvent(hub, 'CONTACT_MADE');
    await submitEvent(hub, 'VISIT_BOOKED', (form) => fillDateWithToday(form, 'VISIT_BOOKED', 'visitOn'));
    await submitEvent(hub, 'VISIT_COMPLETED');
    await submitEvent(hub, 'INVITE');
    await expect(hub.getByRole('alert').filter({ hasText: 'Saved.' })).toContainText('Invited to apply');
    await hub.context().close();
  });

  await test.step('the applicant follows the invitation email, signs in and starts the application', async () => {
    const invitation = await readLatestEmail(page, email, /You are invited to apply to foster(?! together)/);
    await page.goto(linkIn(invitation, /\/apply/));
    await expect(page).toHaveURL(/\/apply\/sign-in/);
    await page.goto(await requestApplicantSignInLink(page, email));
    await page.getByRole('button', { name: 'Continue to your application' }).click();
    await expect(page).toHaveURL(/\/apply$/);
    await expect(page.getByRole('heading', { name: 'Documents and checks' })).toBeVisible();
    await expect(page.getByText('We have not asked you for any documents yet.')).toBeVisible();
    await expect(page.getByText('We do not have dates for your Skills to Foster preparation course yet.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Start your application' }).click();
    await expect(page.getByRole('heading', { name: 'Your application form' })).toBeVisible();
    await expectNoAxeViolations(page);

    await openSection(page, 'Your home');
    await page.getByLabel('How many spare bedrooms do you have?').fill('1');
    await choose(page, 'Do you own or rent your home?', 'We rent it privately');
    await saveAndContinue(page);
  });

  await test.step('and invites their partner from the task list', async () => {
    await page.getByLabel('Their first name').fill('Femi');
    await page.getByLabel('Their last name').fill(`Okoro${stamp}`);
    await page.getByLabel('Their email address').fill(partnerEmail);
    await page.getByRole('button', { name: 'Invite the second applicant' }).click();
    await expect(page.getByText('We have emailed them a link to sign in and fill in their own sections.')).toBeVisible();
    await expect(page.getByText(`Femi Okoro${stamp} has not completed their own sections yet. The application can be sent once they have.`)).toBeVisible();
    await expectNoAxeViolations(page);
    await signOut(page);
  });

  await test.step('the partner signs in from their own invitation email and completes their personal sections', async () => {
    const partner = await newPage(browser);
    const checkPartnerConsole = failOnConsoleErrors(partner);
    const text = await readLatestEmail(partner, partnerEmail, /invited to apply to foster together/);
    expect(text).toContain('Dear Femi');
    await partner.goto(linkIn(text, /\/login\/verify/));
    await expectNoAxeViolations(partner);
    await partner.getByRole('button', { name: 'Continue to your application' }).click();
    await expect(partner).toHaveURL(/\/apply\/application$/);
    await expect(statusOf(partner, 'Your home')).toContainText('Completed');
    await expect(statusOf(partner, 'About you')).toContainText('Not started');
    await expect(partner.getByRole('button', { name: 'Invite the second applicant' })).toHaveCount(0);
    await expectNoAxeViolations(partner);

    await fillPersonalSections(partner, { firstName: 'Femi', lastName: `Okoro${stamp}`, birthYear: '1981' });
    for (const title of ['About you', 'Employment', 'Health', 'Checks consent']) {
      await expect(statusOf(partner, title)).toContainText('Completed');
    }
    checkPartnerConsole();
    await partner.context().close();
  });

  await test.step('the first applicant signs in a second time and finishes every section', async () => {
    await page.goto(await requestApplicantSignInLink(page, email));
    await page.getByRole('button', { name: 'Continue to your application' }).click();
    await page.getByRole('link', { name: 'Continue your application' }).click();
    await expect(statusOf(page, 'Your home')).toContainText('Completed');
    await expect(page.getByText(`Femi Okoro${stamp} has completed their own sections.`)).toBeVisible();

    await fillPersonalSections(page, { firstName: 'Nadia', lastName: `Okoro${stamp}`, birthYear: '1983' });

    await openSection(page, 'Your household and other adults');
    await choose(page, 'Do you have a partner who lives with you?', 'Yes');
    await page.getByLabel('Your partner’s full name').fill(`Femi Okoro${stamp}`);
    await saveAndContinue(page);

    await openSection(page, 'Children in the family');
    await choose(page, 'Do you have any children, living with you or not?', 'No');
    await saveAndContinue(page);

    await openSection(page, 'Previous fostering or adoption');
    await choose(page, 'Have you fostered, adopted or applied to do either before?', 'No');
    await saveAndContinue(page);

    await openSection(page, 'References');
    await page.getByLabel('First referee’s full name').fill('Pat Jones');
    await page.getByLabel('How does your first referee know you?').fill('Friend for ten years');
    await page.getByLabel('First referee’s email address').fill('pat.jones@example.com');
    await page.getByLabel('First referee’s phone number').fill('01632 960001');
    await page.getByLabel('Second referee’s full name').fill('Ali Khan');
    await page.getByLabel('How does your second referee know you?').fill('Neighbour');
    await page.getByLabel('Second referee’s email address').fill('ali.khan@example.com');
    await page.getByLabel('Second referee’s phone number').fill('01632 960002');
    await saveAndContinue(page);

    await openSection(page, 'Training and availability');
    await choose(page, 'When could you go to preparation training?', 'Weekday evenings');
    await choose(page, 'When could you go to preparation training?', 'Weekends');
    await saveAndContinue(page);
  });

  await test.step('then checks the answers, sends the application and sees the status page', async () => {
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await expect(page.getByRole('heading', { name: 'Check your answers before sending your application' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Accept and send' }).click();
    await expect(page).toHaveURL(/\/apply\/application\/submitted$/);
    await expect(page.getByText(/Submitted .*: read only/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'See where your application is up to' }).click();
    await expect(page).toHaveURL(/\/apply$/);
    await expect(page.getByText('Application received')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'you are here' })).toContainText('Application');
    await expect(page.getByText(/Your application form: you sent it on \d{1,2} \w+ \d{4}\./)).toBeVisible();
    await expect(page.getByText('You told us you could go to training at these times: weekday evenings, weekends.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  assertNoConsoleErrors();
});
