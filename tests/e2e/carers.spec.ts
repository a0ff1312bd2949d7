import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations, failOnConsoleErrors, signIn } from './support/helpers';

// After approval (issue 7, part A): the Derby City supervising social worker records an annual review and a change of
// terms for one seeded approved household, then a resignation with its reason and exit interview for another.
// Both households come from the seed (prisma/seed/approvals.ts); constellation members are left to the Mockingbird
// journey, so neither spec changes the other's records.

const E2E_DATABASE = 'tests/.db/e2e.db';
const DAY_MS = 24 * 60 * 60 * 1000;

function londonDay(offsetDays: number): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + offsetDays * DAY_MS);
}
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const longDate = (date: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(date);

function readDatabase<T>(query: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

async function fillDate(scope: Locator, id: string, date: Date) {
  await scope.locator(`#${id}`).fill(String(date.getUTCDate()));
  await scope.locator(`#${id}-month`).fill(String(date.getUTCMonth() + 1));
  await scope.locator(`#${id}-year`).fill(String(date.getUTCFullYear()));
}

async function openDisclosure(page: Page, id: string): Promise<Locator> {
  const details = page.locator(`details#${id}`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

async function signedInPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  const noConsoleErrors = failOnConsoleErrors(page);
  await signIn(page, email);
  return { page, noConsoleErrors };
}

type SeededApproval = { id: string; displayName: string; approvedOn: string };

/** Derby City's active, mainstream approvals supervised by the demo social worker, outside any constellation. */
function derbyApprovals(): { reviewDue: SeededApproval; leaving: SeededApproval } {
  return readDatabase((db) => {
    const rows = db
      .prepare(
        `SELECT a.id, h.displayName, a.approvedOn, a.nextReviewDueOn FROM Approval a
         JOIN Household h ON h.id = a.householdId
         JOIN User u ON u.id = a.supervisingWorkerId
         WHERE a.councilId = 'derby-city' AND a.status = 'active' AND a.approvalType = 'mainstream' AND a.nextReviewDueOn IS NOT NULL
           AND u.email = 'social.worker@ffem.example'
           AND NOT EXISTS (SELECT 1 FROM Deregistration d WHERE d.approvalId = a.id)
           AND NOT EXISTS (SELECT 1 FROM ConstellationMembership m WHERE m.householdId = a.householdId)
         ORDER BY a.nextReviewDueOn ASC, a.id DESC`,
      )
      .all() as (SeededApproval & { nextReviewDueOn: string })[];
    if (rows.length < 2) throw new Error('The seed has too few approved Derby City households');
    return { reviewDue: rows[0], leaving: rows[rows.length - 1] };
  });
}

test('a supervising social worker records an annual review and a change of terms, then a carer’s resignation and exit interview', async ({ browser }) => {
  test.setTimeout(180_000);
  const today = londonDay(0);
  const { reviewDue, leaving } = derbyApprovals();
  const { page, noConsoleErrors } = await signedInPage(browser, 'social.worker@ffem.example');

  await test.step('given the Derby City social worker opens the approved carers list, with reviews due', async () => {
    await page.getByRole('link', { name: 'Approved carers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Approved carers' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Reviews overdue or due soon' })).toBeVisible();
    await expect(page.locator(`a[href="/council/carers/${reviewDue.id}"]`).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('when a review dated before approval is entered, then it is refused and nothing is saved', async () => {
    const reviewsBefore = readDatabase((db) => db.prepare('SELECT COUNT(*) AS n FROM ApprovalReview WHERE approvalId = ?').get(reviewDue.id));
    await page.goto(`/council/carers/${reviewDue.id}`);
    await expect(page.getByRole('heading', { level: 1, name: reviewDue.displayName })).toBeVisible();
    await expectNoAxeViolations(page);
    const form = await openDisclosure(page, 'review');
    await fillDate(form, 'review-heldOn', new Date(Date.parse(`${reviewDue.approvedOn}T12:00:00Z`) - DAY_MS));
    await form.getByLabel('Continue approval on the same terms').check();
    await form.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByText('There is a problem')).toBeVisible();
    await expect(page.getByRole('link', { name: /The review date must be on or after the approval date/ })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(readDatabase((db) => db.prepare('SELECT COUNT(*) AS n FROM ApprovalReview WHERE approvalId = ?').get(reviewDue.id))).toEqual(reviewsBefore);
  });

  await test.step('when the review is recorded for today, then the next review falls due a year later', async () => {
    const form = await openDisclosure(page, 'review');
    await fillDate(form, 'review-heldOn', today);
    await form.getByLabel('Change the terms of approval').check();
    await form.getByLabel('Notes (optional)').fill('Carers would like to focus on teenagers.');
    await form.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByText('Review recorded. The next review date has been updated.')).toBeVisible();
    const nextYear = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate(), 12));
    const row = readDatabase((db) => db.prepare('SELECT nextReviewDueOn FROM Approval WHERE id = ?').get(reviewDue.id)) as { nextReviewDueOn: string };
    expect(row.nextReviewDueOn).toBe(isoDate(nextYear));
    await expect(page.getByText(longDate(nextYear)).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('and a change of terms is saved as new terms with its reason', async () => {
    const form = await openDisclosure(page, 'terms');
    await form.getByLabel('Number of children').fill('1');
    await form.getByLabel('Youngest age').fill('11');
    await form.getByLabel('Oldest age').fill('17');
    await form.getByLabel('Long-term or permanent').check();
    await form.getByLabel('Reason for the change').fill('The annual review recommended teenagers only.');
    await form.getByRole('button', { name: 'Save new terms' }).click();
    await expect(page.getByText('New terms of approval recorded.')).toBeVisible();
    await expect(page.getByText('11 to 17').first()).toBeVisible();
    const terms = readDatabase((db) =>
      db.prepare('SELECT numberOfChildren, minAge, maxAge, reason FROM ApprovalTerms WHERE approvalId = ? ORDER BY effectiveFrom DESC, createdAt DESC').all(reviewDue.id),
    );
    expect(terms.length).toBeGreaterThanOrEqual(2);
    expect(terms[0]).toEqual({ numberOfChildren: 1, minAge: 11, maxAge: 17, reason: 'The annual review recommended teenagers only.' });
    await expectNoAxeViolations(page);
  });

  await test.step('when another carer resigns with a reason, then approval ends 28 days after the notice', async () => {
    await page.goto(`/council/carers/${leaving.id}`);
    const form = await openDisclosure(page, 'notice');
    await form.getByRole('button', { name: 'Record resignation' }).click();
    await expect(page.getByRole('link', { name: 'Choose the main reason for leaving' })).toBeVisible();
    await expectNoAxeViolations(page);
    const retry = await openDisclosure(page, 'notice');
    await fillDate(retry, 'notice-noticeReceivedOn', today);
    await retry.getByLabel('Main reason for leaving').selectOption({ label: 'Lack of support from the service' });
    await retry.getByLabel('More about the reason (optional)').fill('Wanted more respite.');
    await retry.getByRole('button', { name: 'Record resignation' }).click();
    await expect(page.getByText('Resignation recorded.')).toBeVisible();
    const endsOn = londonDay(28);
    await expect(page.getByText(`Approved until ${longDate(endsOn)}`)).toBeVisible();
    const ending = readDatabase((db) => db.prepare('SELECT noticeReceivedOn, effectiveOn, primaryReason, reasonGroup FROM Deregistration WHERE approvalId = ?').get(leaving.id));
    expect(ending).toEqual({ noticeReceivedOn: isoDate(today), effectiveOn: isoDate(endsOn), primaryReason: 'LACK_OF_SUPPORT', reasonGroup: 'resigned' });
  });

  await test.step('and the exit interview is recorded with its answers', async () => {
    const form = await openDisclosure(page, 'exitInterview');
    await form.getByLabel('Completed').check();
    await fillDate(form, 'exitInterview-heldOn', today);
    await form.getByLabel('Lack of support from the service').check();
    await form.getByLabel('Burnout or wellbeing').check();
    await form.locator('#exitInterview-wouldReturn-2').check();
    await form.locator('#exitInterview-wouldRecommend').check();
    await form.getByRole('button', { name: 'Save exit interview' }).click();
    await expect(page.getByText('Exit interview recorded.')).toBeVisible();
    await expect(page.getByText('Lack of support from the service, Burnout or wellbeing')).toBeVisible();
    const row = readDatabase((db) => db.prepare('SELECT exitInterview, exitInterviewJson FROM Deregistration WHERE approvalId = ?').get(leaving.id)) as {
      exitInterview: string;
      exitInterviewJson: string;
    };
    expect(row.exitInterview).toBe('completed');
    expect(JSON.parse(row.exitInterviewJson)).toEqual({
      heldOn: isoDate(today),
      reasons: ['LACK_OF_SUPPORT', 'BURNOUT_WELLBEING'],
      wouldReturn: false,
      wouldRecommend: true,
      comments: null,
    });
    await expectNoAxeViolations(page);
  });
  noConsoleErrors();
});
