import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, failOnConsoleErrors, readLatestEmail } from './support/helpers';

// A member of the public on a phone asks about fostering: from the home page to the form, a first try with nothing
// filled in, then a real enquiry, its confirmation and the acknowledgement email. Then again with JavaScript off.

const PHONE = { width: 375, height: 667 };
const TOPIC_SLUGS = ['derby-city', 'derbyshire', 'nottingham-city', 'nottinghamshire', 'training-and-support', 'mockingbird', 'kinship-carers', 'faq'];

test.use({ viewport: PHONE });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** axe runs in the page's own JavaScript, so it can only check the pages when JavaScript is on. */
async function enquireFromHomePage(page: Page, email: string, { withAxe }: { withAxe: boolean }) {
  const checkAccessibility = async () => {
    if (withAxe) await expectNoAxeViolations(page);
  };
  await test.step('given someone opens the home page on their phone', async () => {
    await page.goto('/');
    await checkAccessibility();
  });
  await test.step('when they follow the link to ask about fostering', async () => {
    await page.getByRole('link', { name: 'Ask about fostering' }).first().click();
    await expect(page).toHaveURL(/\/enquire$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask about fostering');
    await checkAccessibility();
  });
  await test.step('and send it with nothing filled in, then they see what to put right', async () => {
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByRole('link', { name: 'Enter a postcode, like DE1 2AA' })).toBeVisible();
    await checkAccessibility();
  });
  await test.step('when they fill it in and send it', async () => {
    await page.getByLabel('Your first name').fill('Grace');
    await page.getByLabel('Your last name').fill('Adeyemi <b>test</b>');
    await page.getByLabel('How many children live with you?').fill('1');
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Best time to call you (optional)').selectOption('evening');
    await page.getByLabel('Your postcode').fill('de1 2fs');
    await page.getByLabel('Teenagers and older children').check();
    await page.getByLabel('Where did you hear about us?').selectOption('socialMedia');
    await page.getByLabel('I agree to Foster for East Midlands contacting me about fostering').check();
    await page.getByRole('button', { name: 'Send enquiry' }).click();
  });
  let reference = '';
  await test.step('then they see the confirmation with their reference', async () => {
    await expect(page).toHaveURL(/\/enquire\/received$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enquiry sent');
    reference = (await page.getByText(/^FFEM-\d{4}-\d{6}$/).innerText()).trim();
    await expect(page.getByText('Your postcode is outside our four councils')).toHaveCount(0);
    await checkAccessibility();
  });
  await test.step('and the acknowledgement email quotes the same reference', async () => {
    const text = await readLatestEmail(page, email, /We have received your enquiry/);
    expect(text).toContain(reference);
    expect(text).toContain('Dear Grace');
  });
}

test.describe('with JavaScript', () => {
  test('a person on a phone sends an enquiry and gets the acknowledgement', async ({ page }) => {
    const checkConsole = failOnConsoleErrors(page);
    await enquireFromHomePage(page, `enquiry-js-${Date.now()}@example.test`, { withAxe: true });
    checkConsole();
  });

  test('every public page passes axe, and fits a 320 pixel wide screen', async ({ page }) => {
    for (const width of [PHONE.width, 320]) {
      await page.setViewportSize({ width, height: 640 });
      for (const path of ['/', '/enquire', ...TOPIC_SLUGS.map((slug) => `/fostering/${slug}`)]) {
        await test.step(`${path} at ${width} pixels`, async () => {
          await page.goto(path);
          await expectNoHorizontalScroll(page);
          if (width === PHONE.width) await expectNoAxeViolations(page);
          if (path.startsWith('/fostering/')) await expect(page.getByRole('link', { name: 'Ask about fostering' })).toBeVisible();
        });
      }
    }
  });

  test('an enquiry from outside the four councils is confirmed with a note of who to contact instead', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/enquire');
    await page.getByLabel('Your first name').fill('Sam');
    await page.getByLabel('Your last name').fill('Border');
    await page.getByLabel('Phone number').fill('07700 900982');
    await page.getByLabel('Your postcode').fill('SW1A 1AA');
    await page.getByLabel('Any kind of fostering').check();
    await page.getByLabel('Where did you hear about us?').selectOption('searchEngine');
    await page.getByLabel('I agree to Foster for East Midlands contacting me about fostering').check();
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enquiry sent');
    await expect(page.getByText('Your postcode is outside our four councils')).toBeVisible();
    await expect(page.getByText(/your own local council.s fostering service/)).toBeVisible();
    await expect(page.getByText('We will still read your enquiry.', { exact: false })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  test('an unknown topic is a 404', async ({ page }) => {
    const response = await page.goto('/fostering/no-such-topic');
    expect(response?.status()).toBe(404);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same enquiry works with JavaScript turned off', async ({ page }) => {
    await enquireFromHomePage(page, `enquiry-nojs-${Date.now()}@example.test`, { withAxe: false });
  });
});
