import { expect, test, type Page } from '@playwright/test';
import { choose, openSection, saveAndContinue, statusOf } from './support/application-form';
import { expectNoAxeViolations, failOnConsoleErrors, requestApplicantSignInLink, signOut } from './support/helpers';

// An applicant seeded for this spec alone at "Invited to apply" (prisma/seed/demo-logins.ts) fills in the online
// application over two sign-ins on a phone, sends it, and sees where it is up to.

test.use({ viewport: { width: 375, height: 667 } });

const EMAIL = 'applicant.application@ffem.example';

/** Asks for a new link and follows it. */
async function signInByLink(page: Page) {
  await page.goto(await requestApplicantSignInLink(page, EMAIL));
  await page.getByRole('button', { name: 'Continue to your application' }).click();
  await expect(page).toHaveURL(/\/apply$/);
}

test('an invited applicant fills in the application over two sign-ins, sends it and sees it received', async ({ page }) => {
  const assertNoConsoleErrors = failOnConsoleErrors(page);

  await test.step('given the applicant signs in from an emailed link and opens the form', async () => {
    await signInByLink(page);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Start your application' }).click();
    await expect(page.getByRole('heading', { name: 'Your application form' })).toBeVisible();
    await expect(statusOf(page, 'About you')).toContainText('Not started');
    await expectNoAxeViolations(page);
  });

  await test.step('when they give a date of birth in the future, the page says so and keeps what they typed', async () => {
    await openSection(page, 'About you');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Pilcherwood');
    const dateOfBirth = page.getByRole('group', { name: 'Date of birth' });
    await dateOfBirth.getByLabel('Day').fill('14');
    await dateOfBirth.getByLabel('Month').fill('6');
    await dateOfBirth.getByLabel('Year').fill('2099');
    await page.getByLabel('Phone number').fill('07700 900982');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Date of birth must be in the past' })).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByLabel('First name')).toHaveValue('Grace');
    await expectNoAxeViolations(page);
  });

  await test.step('and they correct it and fill in a second section', async () => {
    await page.getByRole('group', { name: 'Date of birth' }).getByLabel('Year').fill('1984');
    await saveAndContinue(page);
    await expect(statusOf(page, 'About you')).toContainText('Completed');
    await openSection(page, 'Your home');
    await page.getByLabel('How many spare bedrooms do you have?').fill('2');
    await choose(page, 'Do you own or rent your home?', 'We own it (with or without a mortgage)');
    await page.getByLabel('Tell us about any pets (optional)').fill('A cat called <b>Biscuit</b>');
    await saveAndContinue(page);
    await signOut(page);
  });

  await test.step('then after signing in again with a new link, their answers are still there', async () => {
    await signInByLink(page);
    await page.getByRole('link', { name: 'Continue your application' }).click();
    await expect(statusOf(page, 'About you')).toContainText('Completed');
    await expect(statusOf(page, 'Your home')).toContainText('Completed');
    await openSection(page, 'Your home');
    await expect(page.getByLabel('How many spare bedrooms do you have?')).toHaveValue('2');
    await expect(page.getByLabel('Tell us about any pets (optional)')).toHaveValue('A cat called <b>Biscuit</b>');
    await page.getByRole('link', { name: 'Back to your application form' }).click();
  });

  await test.step('when they complete every other section', async () => {
    await openSection(page, 'Your household and other adults');
    await choose(page, 'Do you have a partner who lives with you?', 'No');
    await saveAndContinue(page);

    await openSection(page, 'Children in the family');
    await choose(page, 'Do you have any children, living with you or not?', 'No');
    await saveAndContinue(page);

    await openSection(page, 'Employment');
    await choose(page, 'What is your work situation?', 'Employed part time');
    await saveAndContinue(page);

    await openSection(page, 'Health');
    await choose(page, 'Is there anything about your health that might affect your ability to care for a child?', 'No');
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

    await openSection(page, 'Checks consent');
    await choose(page, 'I agree to an enhanced DBS check', 'Yes, I agree');
    await choose(page, 'I agree to checks with local authorities where I have lived', 'Yes, I agree');
    await choose(page, 'I agree to a medical and for my GP to share a report', 'Yes, I agree');
    await saveAndContinue(page);

    await openSection(page, 'Training and availability');
    await choose(page, 'When could you go to preparation training?', 'Weekday evenings');
    await saveAndContinue(page);
  });

  await test.step('then they check their answers and send the application', async () => {
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await expect(page.getByRole('heading', { name: 'Check your answers before sending your application' })).toBeVisible();
    await expect(page.getByText('14 June 1984')).toBeVisible();
    await expect(page.getByText('A cat called <b>Biscuit</b>')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Accept and send' }).click();
    await expect(page).toHaveURL(/\/apply\/application\/submitted$/);
    await expect(page.getByText(/Submitted .*: read only/)).toBeVisible();
    await expect(page.getByText('Pat Jones')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('and their status page says the application was received', async () => {
    await page.getByRole('link', { name: 'See where your application is up to' }).click();
    await expect(page).toHaveURL(/\/apply$/);
    await expect(page.getByText('Application received')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'you are here' })).toContainText('Application');
    await expectNoAxeViolations(page);
  });

  assertNoConsoleErrors();
});
