import { beforeEach, describe, expect, test } from 'vitest';
import { prisma } from '~/lib/db.server';
import { action, loader } from '~/routes/admin.import';
import { createUser } from '../../support/factories';
import { requestWithCookie, routeResult, sessionCookieFor, thrownResponse } from '../auth/support';

const GOOD_FILE = 'reference,council,enquiry_date,application_date\nUP-1,derby-city,2024-01-05,2024-02-01\nUP-2,derbyshire,05/01/2024,\n';

function upload(cookie: string, file: File | null, dryRun = false) {
  const form = new FormData();
  if (file) form.append('file', file);
  if (dryRun) form.append('dryRun', 'yes');
  return requestWithCookie('/admin/import', cookie, { method: 'POST', body: form });
}

const csvFile = (content: BlobPart, name = 'history.csv') => new File([content], name, { type: 'text/csv' });

async function administratorCookie() {
  return sessionCookieFor((await createUser({ role: 'administrator' })).id);
}

beforeEach(async () => {
  await prisma.household.deleteMany();
});

describe('/admin/import', () => {
  test('imports an uploaded file and reports the counts', async () => {
    const result = routeResult(await action({ request: upload(await administratorCookie(), csvFile(GOOD_FILE)), params: {}, context: {} }));
    expect(result).toMatchObject({
      status: 200,
      body: { outcome: 'done', dryRun: false, counts: { rows: 2, created: 2, updated: 0, unchanged: 0 } },
    });
    expect(await prisma.household.count()).toBe(2);
  });

  test('a dry run checks the file and writes nothing', async () => {
    const result = routeResult(await action({ request: upload(await administratorCookie(), csvFile(GOOD_FILE), true), params: {}, context: {} }));
    expect(result.body).toEqual({ outcome: 'done', dryRun: true, counts: { rows: 2, created: 2, updated: 0, unchanged: 0 } });
    expect(await prisma.household.count()).toBe(0);
  });

  test('a file with problems answers 400 with each problem by line and column', async () => {
    const bad = 'reference,council,enquiry_date\nUP-1,derby,2024-01-05\nUP-2,derbyshire,31/02/2024\n';
    const result = routeResult(await action({ request: upload(await administratorCookie(), csvFile(bad)), params: {}, context: {} }));
    expect(result).toEqual({
      status: 400,
      headers: expect.any(Headers),
      body: {
        outcome: 'refused',
        errorCount: 2,
        errors: [
          { line: 2, column: 'council', message: 'derby is not a council id; use one of derby-city, derbyshire, nottingham-city, nottinghamshire' },
          { line: 3, column: 'enquiry_date', message: '31/02/2024 is not a real date: check the day and month of the enquiry date' },
        ],
      },
    });
  });

  test('refuses a missing file, a file over 20 MB and a file that is not UTF-8', async () => {
    const cookie = await administratorCookie();
    const missing = routeResult(await action({ request: upload(cookie, null), params: {}, context: {} }));
    expect(missing).toMatchObject({ status: 400, body: { outcome: 'badFile', message: 'Select a CSV file to import' } });

    const huge = csvFile(`${GOOD_FILE}${'x'.repeat(20 * 1024 * 1024)}`);
    const tooLarge = routeResult(await action({ request: upload(cookie, huge), params: {}, context: {} }));
    expect(tooLarge).toMatchObject({
      status: 400,
      body: { outcome: 'badFile', message: 'The file must be smaller than 20 MB. Split it into smaller files and import each one' },
    });

    const latin1 = csvFile(new Uint8Array([...new TextEncoder().encode('reference,council,enquiry_date\nA-'), 0xa3, 0x0a]));
    const notUtf8 = routeResult(await action({ request: upload(cookie, latin1), params: {}, context: {} }));
    expect(notUtf8).toMatchObject({ status: 400, body: { outcome: 'badFile', message: expect.stringContaining('not saved as UTF-8') } });
    expect(await prisma.household.count()).toBe(0);
  });

  test('is for administrators only', async () => {
    const cookie = await sessionCookieFor((await createUser({ role: 'hubManager' })).id);
    const page = await thrownResponse(() => loader({ request: requestWithCookie('/admin/import', cookie), params: {}, context: {} }));
    expect(page.status).toBe(403);
    const post = await thrownResponse(() => action({ request: upload(cookie, csvFile(GOOD_FILE)), params: {}, context: {} }));
    expect(post.status).toBe(403);
    expect(await prisma.household.count()).toBe(0);
  });
});
