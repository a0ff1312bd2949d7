import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { fitUnsavedAnswers, UNSAVED_ANSWERS_BUDGET_BYTES } from '~/modules/applications/unsaved-answers.server';
import { createSession } from '~/modules/auth/sessions.server';
import { action, loader } from '~/routes/apply.application.$section';
import { createHousehold, createUser } from '../../support/factories';

// A section posted after the session ended: the answers survive the sign-in and come back on the same page, once,
// and only to the person whose session it was.

const NINE_HOURS_MS = 9 * 60 * 60 * 1000; // past the eight-hour idle timeout

async function createApplicant() {
  const user = await createUser({ role: 'applicant' });
  const household = await createHousehold({ stage: 'invited', email: user.email });
  await prisma.person.create({
    data: { householdId: household.id, role: 'applicant', firstName: 'Jo', lastName: 'Bloggs', email: user.email, userId: user.id },
  });
  const sessionCookie = (await createSession(prisma, user.id, 'vitest')).split(';')[0];
  return { user, sessionCookie };
}

async function expireSessionsOf(userId: string) {
  await prisma.session.updateMany({ where: { userId }, data: { lastSeenAt: new Date(Date.now() - NINE_HOURS_MS) } });
}

function aboutYouForm(overrides: Record<string, string> = {}) {
  const body = new URLSearchParams({
    firstName: 'Jo',
    lastName: 'Bloggs',
    'dateOfBirth-day': '2',
    'dateOfBirth-month': '5',
    'dateOfBirth-year': '1980',
    phone: '07700 900982',
    intent: 'continue',
    ...overrides,
  });
  return body;
}

async function postSection(cookie: string | null, body: URLSearchParams) {
  const request = new Request('http://localhost/apply/application/about-you', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  });
  return settle(() => action({ request, params: { section: 'about-you' }, context: {} } as ActionFunctionArgs));
}

async function getSection(cookie: string) {
  const request = new Request('http://localhost/apply/application/about-you', { headers: { Cookie: cookie } });
  return settle(() => loader({ request, params: { section: 'about-you' }, context: {} } as LoaderFunctionArgs));
}

/** A route's answer whether returned or thrown. */
async function settle(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

function asResponse(value: unknown): Response {
  if (!(value instanceof Response)) throw new Error(`Expected a Response, got ${JSON.stringify(value)}`);
  return value;
}

type LoaderData = { data: { answers: Record<string, string>; restored: boolean; droppedLabels: string[] }; init: ResponseInit | null };

function asLoaderData(value: unknown): LoaderData {
  if (typeof value !== 'object' || value === null || !('data' in value)) throw new Error(`Expected data(), got ${String(value)}`);
  return value as LoaderData;
}

function unsavedCookieFrom(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair.startsWith('ffem_unsaved_answers='));
  if (!cookie) throw new Error('No unsaved-answers cookie was set');
  return cookie;
}

describe('a section posted after the session ended', () => {
  it('sends the person to sign in, back to the same section, with the answers in a cookie scoped to /apply', async () => {
    const { user, sessionCookie } = await createApplicant();
    await expireSessionsOf(user.id);
    const response = asResponse(await postSection(sessionCookie, aboutYouForm({ firstName: 'Josephine' })));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/apply/sign-in?redirectTo=%2Fapply%2Fapplication%2Fabout-you');
    const header = response.headers.getSetCookie().find((value) => value.startsWith('ffem_unsaved_answers='));
    expect(header).toMatch(/Path=\/apply/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Max-Age=3600/);
    expect(await prisma.applicationSection.count({ where: { application: { household: { people: { some: { userId: user.id } } } } } })).toBe(0);
  });

  it('pre-fills the section after signing in again, once, and the cookie is cleared', async () => {
    const { user, sessionCookie } = await createApplicant();
    await expireSessionsOf(user.id);
    const unsaved = unsavedCookieFrom(asResponse(await postSection(sessionCookie, aboutYouForm({ firstName: 'Josephine' }))));

    const freshSession = (await createSession(prisma, user.id, 'vitest')).split(';')[0];
    const first = asLoaderData(await getSection(`${freshSession}; ${unsaved}`));
    expect(first.data.restored).toBe(true);
    expect(first.data.answers).toMatchObject({ firstName: 'Josephine', lastName: 'Bloggs', 'dateOfBirth-year': '1980' });
    expect(first.data.droppedLabels).toEqual([]);
    expect(new Headers(first.init?.headers).get('Set-Cookie')).toMatch(/^ffem_unsaved_answers=;.*Max-Age=0/);

    const later = asLoaderData(await getSection(freshSession));
    expect(later.data.restored).toBe(false);
    expect(later.data.answers).toEqual({});
  });

  it('does not show the answers to somebody else who signs in on the same browser', async () => {
    const first = await createApplicant();
    await expireSessionsOf(first.user.id);
    const unsaved = unsavedCookieFrom(asResponse(await postSection(first.sessionCookie, aboutYouForm({ firstName: 'Josephine' }))));

    const second = await createApplicant();
    const page = asLoaderData(await getSection(`${second.sessionCookie}; ${unsaved}`));
    expect(page.data.restored).toBe(true);
    expect(page.data.answers).toEqual({});
  });

  it('does not show answers whose session was already deleted, since nobody can say whose they were', async () => {
    const first = await createApplicant();
    await prisma.session.deleteMany({ where: { userId: first.user.id } });
    const unsaved = unsavedCookieFrom(asResponse(await postSection(first.sessionCookie, aboutYouForm({ firstName: 'Josephine' }))));

    const second = await createApplicant();
    const page = asLoaderData(await getSection(`${second.sessionCookie}; ${unsaved}`));
    expect(page.data.answers).toEqual({});
  });

  it('drops the longest answers to fit, naming them on the page', async () => {
    const { user, sessionCookie } = await createApplicant();
    await expireSessionsOf(user.id);
    const long = 'a'.repeat(3_000);
    const unsaved = unsavedCookieFrom(asResponse(await postSection(sessionCookie, aboutYouForm({ lastName: long }))));
    const freshSession = (await createSession(prisma, user.id, 'vitest')).split(';')[0];
    const page = asLoaderData(await getSection(`${freshSession}; ${unsaved}`));
    expect(page.data.answers.firstName).toBe('Jo');
    expect(page.data.answers.lastName).toBeUndefined();
    expect(page.data.droppedLabels).toEqual(['Last name']);
  });

  it('keeps only the section’s own fields, within the budget', () => {
    const form = new FormData();
    form.append('firstName', 'Jo');
    form.append('notAQuestion', 'x'.repeat(500));
    for (const name of ['lastName', 'phone']) form.append(name, 'b'.repeat(2_000));
    const kept = fitUnsavedAnswers('about-you', null, form);
    expect(kept?.answers).toEqual({ firstName: 'Jo', phone: 'b'.repeat(2_000) });
    expect(kept?.dropped).toEqual(['lastName']);
    expect(new TextEncoder().encode(JSON.stringify(kept)).length).toBeLessThanOrEqual(UNSAVED_ANSWERS_BUDGET_BYTES);
    expect(fitUnsavedAnswers('no-such-section', null, form)).toBeNull();
  });
});
