import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { isPasswordTokenUsable, requestPasswordReset, resetPasswordWithToken } from '~/modules/auth/password-reset.server';
import { signInWithPassword } from '~/modules/auth/sign-in.server';
import { action as forgotAction } from '~/routes/forgot-password';
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password.$token';
import { createUser, TEST_PASSWORD } from '../../support/factories';
import { postForm, requestWithCookie, routeResult, sessionCookieFor } from './support';

const NEW_PASSWORD = 'a brand new passphrase';

beforeEach(async () => {
  await prisma.outboundEmail.deleteMany();
  await prisma.auditEvent.deleteMany();
  await prisma.passwordResetToken.deleteMany();
  await prisma.session.deleteMany();
  await prisma.user.deleteMany();
});

async function resetEmails() {
  const emails = await prisma.outboundEmail.findMany({ where: { template: 'password-reset' }, orderBy: { createdAt: 'asc' } });
  return emails.map((email) => {
    const props = JSON.parse(email.propsJson) as { resetUrl: string; expiresInMinutes: number };
    return { to: email.to, props, token: props.resetUrl.split('/reset-password/')[1] };
  });
}

async function postForgot(email: string) {
  const response = await forgotAction({ request: postForm('/forgot-password', { email }), params: {}, context: {} });
  if (!(response instanceof Response)) throw new Error('Expected a redirect');
  return { status: response.status, location: response.headers.get('Location') };
}

async function postReset(token: string, password: string, confirmPassword = password) {
  const result = routeResult(
    await resetAction({ request: postForm(`/reset-password/${token}`, { password, confirmPassword }), params: { token }, context: {} }),
  );
  return { ...result, location: result.headers.get('Location'), setCookie: result.headers.get('Set-Cookie') };
}

describe('asking for a reset link', () => {
  it('queues one password-reset email with a 60-minute link and stores only the hash of the token', async () => {
    const user = await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    expect(await postForgot('Officer@example.test')).toEqual({ status: 302, location: '/forgot-password?sent' });

    const emails = await resetEmails();
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe('officer@example.test');
    expect(emails[0].props.expiresInMinutes).toBe(60);
    expect(emails[0].props.resetUrl).toMatch(/^http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const tokens = await prisma.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    // Only the hash is stored.
    expect(tokens[0].tokenHash).not.toBe(emails[0].token);
    const minutes = (tokens[0].expiresAt.getTime() - tokens[0].createdAt.getTime()) / 60_000;
    expect(minutes).toBe(60);
  });

  it('gives the same answer for an unknown, deactivated or applicant address, and sends nothing', async () => {
    await createUser({ role: 'hubOfficer', email: 'gone@example.test', active: false });
    await createUser({ role: 'applicant', email: 'applicant@example.test' });
    for (const email of ['nobody@example.test', 'gone@example.test', 'applicant@example.test']) {
      expect(await postForgot(email)).toEqual({ status: 302, location: '/forgot-password?sent' });
    }
    expect(await prisma.outboundEmail.count()).toBe(0);
    expect(await prisma.passwordResetToken.count()).toBe(0);
  });

  it('sends at most 3 links an hour to one account', async () => {
    await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    for (let i = 0; i < 5; i += 1) await requestPasswordReset('officer@example.test');
    expect(await resetEmails()).toHaveLength(3);
  });
});

describe('using a reset link', () => {
  it('sets the password, signs in, ends every other session and works only once', async () => {
    const user = await createUser({ role: 'fosteringManager', councilId: 'derbyshire', email: 'manager@example.test' });
    const oldSession = await sessionCookieFor(user.id);
    await requestPasswordReset('manager@example.test');
    const [{ token }] = await resetEmails();

    const shown = await resetLoader({ request: requestWithCookie(`/reset-password/${token}`, null), params: { token }, context: {} });
    expect(shown.init?.status).toBe(200);
    expect(shown.data).toEqual({ usable: true });

    const reset = await postReset(token, NEW_PASSWORD);
    expect(reset.status).toBe(302);
    expect(reset.location).toBe('/council');
    expect(reset.setCookie).toMatch(/^__session=[^;]+;/);
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(oldSession).not.toContain(sessions[0].id);

    expect(await signInWithPassword({ email: 'manager@example.test', password: TEST_PASSWORD, userAgent: null })).toMatchObject({ ok: false });
    expect(await signInWithPassword({ email: 'manager@example.test', password: NEW_PASSWORD, userAgent: null })).toMatchObject({ ok: true });

    const again = await postReset(token, 'yet another passphrase');
    expect(again.status).toBe(410);
    const shownAgain = await resetLoader({ request: requestWithCookie(`/reset-password/${token}`, null), params: { token }, context: {} });
    expect(shownAgain.init?.status).toBe(410);
  });

  it('refuses a link after 60 minutes', async () => {
    await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    const issuedAt = new Date('2026-03-02T09:00:00Z');
    await requestPasswordReset('officer@example.test', issuedAt);
    const [{ token }] = await resetEmails();

    const justBefore = new Date(issuedAt.getTime() + 59 * 60_000);
    const justAfter = new Date(issuedAt.getTime() + 60 * 60_000);
    expect(await isPasswordTokenUsable(token, justBefore)).toBe(true);
    expect(await isPasswordTokenUsable(token, justAfter)).toBe(false);
    expect(await resetPasswordWithToken(token, NEW_PASSWORD, null, justAfter)).toEqual({ ok: false });
    expect(await prisma.passwordResetToken.count({ where: { usedAt: { not: null } } })).toBe(0);
  });

  it('refuses a made-up token', async () => {
    expect((await postReset('made-up-token', NEW_PASSWORD)).status).toBe(410);
  });

  it('asks for 12 characters or more and leaves the link unused', async () => {
    await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    await requestPasswordReset('officer@example.test');
    const [{ token }] = await resetEmails();
    const response = await postReset(token, 'too short', 'too short');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ fieldErrors: { password: 'Password must be 12 characters or more' } });
    expect(await isPasswordTokenUsable(token)).toBe(true);
  });
});
