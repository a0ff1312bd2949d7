import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'FosterDemo2026!';

export async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`)).toEqual([]);
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function failToSignIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page.getByText('There is a problem')).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$|\/login/);
}

/** The /dev/mailbox entries sent to exactly `to`: a substring match would also take another address's mail. */
function mailboxEntriesTo(page: Page, to: string) {
  return page.locator('li').filter({ has: page.getByText(`To ${to}`, { exact: true }) });
}

/** Waits for an email to reach the local fake Resend server and returns its plain text, read from /dev/mailbox. */
export async function readLatestEmail(page: Page, to: string, subject: RegExp): Promise<string> {
  const entry = () => mailboxEntriesTo(page, to).filter({ hasText: subject }).first();
  await expect
    .poll(
      async () => {
        await page.goto('/dev/mailbox');
        return entry().count();
      },
      { timeout: 15_000, message: `an email to ${to} matching ${subject}` },
    )
    .toBeGreaterThan(0);
  await entry().getByRole('link').click();
  return page.locator('pre').innerText();
}

export function linkIn(text: string, path: RegExp): string {
  const match = text.match(new RegExp(`https?://[^\\s)]+${path.source}[^\\s)]*`));
  if (!match) throw new Error(`No link matching ${path} in:\n${text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

/** Console errors fail a test, except the browser's own note about a deliberate 4xx page. */
export function failOnConsoleErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    // axe injects itself into every frame; the development mailbox's email preview is sandboxed without scripts.
    if (message.text().startsWith("Blocked script execution in 'about:srcdoc'")) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return () => expect(errors).toEqual([]);
}

/**
 * Asks for an applicant sign-in link and returns its path, waiting for a link newer than any already in the
 * mailbox: a spec that signs in twice must not follow its first link, which is already used.
 */
export async function requestApplicantSignInLink(page: Page, email: string): Promise<string> {
  const entries = () => mailboxEntriesTo(page, email).filter({ hasText: /sign-in link/i });
  await page.goto('/dev/mailbox');
  const before = await entries().count();
  await page.goto('/apply/sign-in');
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.goto('/dev/mailbox');
        return entries().count();
      },
      { timeout: 15_000, message: `a new sign-in email to ${email}` },
    )
    .toBeGreaterThan(before);
  await entries().first().getByRole('link').click();
  return linkIn(await page.locator('pre').innerText(), /\/login\/verify/);
}
