import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { requestApplicantMagicLink, signInWithMagicLink } from '~/modules/auth/magic-links.server';
import { action as requestAction } from '~/routes/apply_.sign-in';
import { action as verifyAction, loader as verifyLoader } from '~/routes/login_.verify';
import { createHousehold, createUser } from '../../support/factories';
import { postForm, requestWithCookie, routeResult } from './support';

beforeEach(async () => {
  await prisma.outboundEmail.deleteMany();
  await prisma.auditEvent.deleteMany();
  await prisma.magicLinkToken.deleteMany();
  await prisma.session.deleteMany();
  await prisma.person.deleteMany();
  await prisma.household.deleteMany();
  await prisma.user.deleteMany();
});

async function addPerson(email: string, role = 'applicant') {
  const household = await createHousehold({ councilId: 'derbyshire' });
  return prisma.person.create({ data: { householdId: household.id, role, firstName: 'Ama', lastName: 'Owusu', email } });
}

async function linkEmails() {
  const emails = await prisma.outboundEmail.findMany({ where: { template: 'applicant-magic-link' }, orderBy: { createdAt: 'asc' } });
  return emails.map((email) => {
    const props = JSON.parse(email.propsJson) as { signInUrl: string; expiresInMinutes: number };
    return { to: email.to, props, token: new URL(props.signInUrl).searchParams.get('token') ?? '' };
  });
}

async function postRequest(email: string) {
  const response = await requestAction({ request: postForm('/apply/sign-in', { email }), params: {}, context: {} });
  if (!(response instanceof Response)) throw new Error('Expected a redirect');
  return { status: response.status, location: response.headers.get('Location') };
}

async function postVerify(token: string) {
  const result = routeResult(await verifyAction({ request: postForm('/login/verify', { token }), params: {}, context: {} }));
  return { status: result.status, location: result.headers.get('Location'), setCookie: result.headers.get('Set-Cookie') };
}

describe('asking for a sign-in link', () => {
  it('creates the applicant’s account on first use, links their Person row and queues a 20-minute link', async () => {
    const person = await addPerson('Ama.Owusu@Example.test');
    expect(await postRequest('ama.owusu@example.test')).toEqual({ status: 302, location: '/apply/sign-in?sent' });

    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'ama.owusu@example.test' } });
    expect(user).toMatchObject({ role: 'applicant', name: 'Ama Owusu', passwordHash: null, councilId: null });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).userId).toBe(user.id);

    const emails = await linkEmails();
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe('ama.owusu@example.test');
    expect(emails[0].props.expiresInMinutes).toBe(20);
    expect(emails[0].props.signInUrl.startsWith('http://localhost:3000/login/verify?token=')).toBe(true);
    const [link] = await prisma.magicLinkToken.findMany();
    expect((link.expiresAt.getTime() - link.createdAt.getTime()) / 60_000).toBe(20);
    expect(link.tokenHash).not.toBe(emails[0].token);
  });

  it('gives an unknown address, an adult who is not an applicant and a member of staff the same answer, and sends nothing', async () => {
    await addPerson('adult@example.test', 'adult');
    await addPerson('staff@example.test', 'jointApplicant');
    await createUser({ role: 'hubOfficer', email: 'staff@example.test' });
    for (const email of ['nobody@example.test', 'adult@example.test', 'staff@example.test']) {
      expect(await postRequest(email)).toEqual({ status: 302, location: '/apply/sign-in?sent' });
    }
    expect(await prisma.outboundEmail.count()).toBe(0);
    expect(await prisma.magicLinkToken.count()).toBe(0);
    expect(await prisma.user.count({ where: { role: 'applicant' } })).toBe(0);
  });

  it('sends at most 3 links in 20 minutes to one address', async () => {
    await addPerson('ama@example.test');
    for (let i = 0; i < 5; i += 1) await requestApplicantMagicLink({ email: 'ama@example.test' });
    expect(await linkEmails()).toHaveLength(3);
  });
});

describe('using a sign-in link', () => {
  it('shows a button on GET without using the link, then signs in on POST, once', async () => {
    await addPerson('ama@example.test');
    await requestApplicantMagicLink({ email: 'ama@example.test' });
    const [{ token }] = await linkEmails();

    // A mail scanner following the link twice changes nothing.
    for (let i = 0; i < 2; i += 1) {
      const shown = await verifyLoader({ request: requestWithCookie(`/login/verify?token=${token}`, null), params: {}, context: {} });
      expect(shown.init?.status).toBe(200);
      expect(shown.data).toEqual({ usable: true, token });
    }
    expect(await prisma.magicLinkToken.count({ where: { usedAt: null } })).toBe(1);

    const first = await postVerify(token);
    expect(first.status).toBe(302);
    expect(first.location).toBe('/apply');
    expect(first.setCookie).toMatch(/^__session=[^;]+;.*HttpOnly/i);
    expect(await prisma.session.count()).toBe(1);

    expect((await postVerify(token)).status).toBe(410);
    const shownAfter = await verifyLoader({ request: requestWithCookie(`/login/verify?token=${token}`, null), params: {}, context: {} });
    expect(shownAfter.init?.status).toBe(410);
    expect(await prisma.session.count()).toBe(1);
  });

  it('lets exactly one of two simultaneous uses through', async () => {
    await addPerson('ama@example.test');
    await requestApplicantMagicLink({ email: 'ama@example.test' });
    const [{ token }] = await linkEmails();
    const results = await Promise.all([signInWithMagicLink(token, null), signInWithMagicLink(token, null)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('refuses a link after 20 minutes', async () => {
    await addPerson('ama@example.test');
    const issuedAt = new Date('2026-03-02T09:00:00Z');
    await requestApplicantMagicLink({ email: 'ama@example.test' }, issuedAt);
    const [{ token }] = await linkEmails();
    expect(await signInWithMagicLink(token, null, new Date(issuedAt.getTime() + 20 * 60_000))).toEqual({ ok: false });
    expect(await signInWithMagicLink(token, null, new Date(issuedAt.getTime() + 19 * 60_000))).toMatchObject({ ok: true });
  });

  it('returns to a safe page asked for before sign-in, never off-site', async () => {
    await addPerson('ama@example.test');
    await requestApplicantMagicLink({ email: 'ama@example.test', redirectTo: '/apply/household' });
    await requestApplicantMagicLink({ email: 'ama@example.test', redirectTo: '//evil.example' });
    const [inside, outside] = await linkEmails();
    expect((await postVerify(inside.token)).location).toBe('/apply/household');
    expect((await postVerify(outside.token)).location).toBe('/apply');
  });

  it('answers 410 for a missing or made-up token', async () => {
    const missing = await verifyLoader({ request: requestWithCookie('/login/verify', null), params: {}, context: {} });
    expect(missing.init?.status).toBe(410);
    expect((await postVerify('made-up')).status).toBe(410);
  });
});
