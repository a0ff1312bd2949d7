import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

// Steps on the applicant's online application (/apply/application), shared by the specs that fill it in.

/** Opens a section from the task list; each section page must pass axe. */
export async function openSection(page: Page, title: string) {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoAxeViolations(page);
}

export async function choose(page: Page, question: string, answer: string) {
  await page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
}

export async function saveAndContinue(page: Page) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/\/apply\/application$/);
}

/** A section's row on the task list, which carries its status. */
export function statusOf(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}
