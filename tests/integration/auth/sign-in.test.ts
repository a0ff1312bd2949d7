import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { hashToken } from '~/modules/auth/sessions.server';
import { signInWithPassword } from '~/modules/auth/sign-in.server';
import { action as loginAction, loader as loginLoader } from '~/routes/login';
import { createUser, TEST_PASSWORD } from '../../support/factories';
import { postForm, requestWithCookie, routeResult, sessionCookieFor, thrownResponse } from './support';

const WRONG = 'not the right password at all';
const INVALID = 'Enter a correct email address and password';
const LOCKED =
  'There have been too many attempts to sign in with this email address. Wait 15 minutes, then try again, or reset your password.';

beforeEach(async () => {
  await prisma.auditEvent.deleteMany();
  await prisma.signInThrottle.deleteMany();
  await prisma.session.deleteMany();
  await prisma.user.deleteMany();
});

async function postSignIn(fields: Record<string, string>) {
  return routeResult(await loginAction({ request: postForm('/login', fields), params: {}, context: {} }));
}

function attempt(email: string, password: string, now: Date) {
  return signInWithPassword({ email, password, userAgent: null }, now);
}

describe('password sign-in', () => {
  it('creates a session row and sets a signed, HttpOnly, SameSite=Lax cookie, then goes to the role’s home', async () => {
    const user = await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    const response = await postSignIn({ email: 'Officer@Example.test ', password: TEST_PASSWORD });

    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/hub');
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/^__session=[^;]+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=604800/); // 7 days

    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    // The cookie value is "<token>.<signature>" in base64 JSON; the table holds only the token's sha256.
    const signedValue = decodeURIComponent(setCookie.split(';')[0].slice('__session='.length));
    const token = JSON.parse(Buffer.from(signedValue.slice(0, signedValue.lastIndexOf('.')), 'base64').toString('utf8'));
    expect(sessions[0].id).toBe(hashToken(token));
    expect(sessions[0].id).not.toContain(token);

    const audit = await prisma.auditEvent.findMany({ select: { action: true, actorId: true, entityId: true, summary: true } });
    expect(audit).toEqual([{ action: 'auth.signIn', actorId: user.id, entityId: user.id, summary: 'Password' }]);
  });

  it('goes to a safe redirectTo, and ignores one that leaves the site', async () => {
    await createUser({ role: 'fosteringManager', councilId: 'derbyshire', email: 'manager@example.test' });
    const inside = await postSignIn({ email: 'manager@example.test', password: TEST_PASSWORD, redirectTo: '/council/households?x=1' });
    expect(inside.headers.get('Location')).toBe('/council/households?x=1');
    const outside = await postSignIn({ email: 'manager@example.test', password: TEST_PASSWORD, redirectTo: '//evil.example' });
    expect(outside.headers.get('Location')).toBe('/council');
  });

  it('refuses a wrong password with a 400, no session and an audit row that names no email or password', async () => {
    const user = await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    const response = await postSignIn({ email: 'officer@example.test', password: WRONG });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ fieldErrors: { email: INVALID }, values: { email: 'officer@example.test' } });
    expect(await prisma.session.count()).toBe(0);
    const audit = await prisma.auditEvent.findMany();
    expect(audit.map((row) => [row.action, row.entityId, row.actorId])).toEqual([['auth.signInFailed', user.id, null]]);
    const everything = JSON.stringify(audit);
    expect(everything).not.toContain('officer@example.test');
    expect(everything).not.toContain(WRONG);
  });

  it('gives an unknown email address exactly the same answer as a wrong password', async () => {
    const response = await postSignIn({ email: 'nobody@example.test', password: WRONG });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ fieldErrors: { email: INVALID }, values: { email: 'nobody@example.test' } });
    const audit = await prisma.auditEvent.findMany();
    expect(audit.map((row) => [row.action, row.entityId])).toEqual([['auth.signInFailed', null]]);
    expect(JSON.stringify(audit)).not.toContain('nobody@example.test');
  });

  it('asks for missing answers without trying to sign in', async () => {
    const response = await postSignIn({ email: '', password: '' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      fieldErrors: { email: 'Enter your email address', password: 'Enter your password' },
      values: { email: '' },
    });
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it('refuses a deactivated account with the right password, saying so', async () => {
    await createUser({ role: 'hubOfficer', email: 'gone@example.test', active: false });
    const response = await postSignIn({ email: 'gone@example.test', password: TEST_PASSWORD });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ fieldErrors: { email: 'This account has been deactivated. Contact your administrator.' } });
    expect(await prisma.session.count()).toBe(0);
  });

  it('redirects someone already signed in away from the sign-in page', async () => {
    const user = await createUser({ role: 'administrator' });
    const cookie = await sessionCookieFor(user.id);
    const response = await thrownResponse(() => loginLoader({ request: requestWithCookie('/login', cookie), params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/admin');
  });
});

describe('back-off and lock-out', () => {
  const start = new Date('2026-03-02T09:00:00Z');
  const minutesLater = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

  it('locks after 5 failures within 15 minutes, even for the right password, and unlocks 15 minutes later', async () => {
    await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    for (let minute = 0; minute < 4; minute += 1) {
      expect(await attempt('officer@example.test', WRONG, minutesLater(minute))).toMatchObject({ ok: false, message: INVALID });
    }
    expect(await attempt('officer@example.test', WRONG, minutesLater(4))).toMatchObject({ ok: false, message: LOCKED });
    expect(await attempt('officer@example.test', TEST_PASSWORD, minutesLater(10))).toMatchObject({ ok: false, message: LOCKED });
    expect(await attempt('officer@example.test', TEST_PASSWORD, minutesLater(18.9))).toMatchObject({ ok: false, message: LOCKED });
    // Locked at minute 4 for 15 minutes: free again from minute 19.
    expect(await attempt('officer@example.test', TEST_PASSWORD, minutesLater(19))).toMatchObject({ ok: true });
    expect(await prisma.session.count()).toBe(1);

    const actions = (await prisma.auditEvent.findMany({ orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { action: true } })).map((row) => row.action);
    expect(actions).toEqual([
      'auth.signInFailed', 'auth.signInFailed', 'auth.signInFailed', 'auth.signInFailed',
      'auth.lockedOut', 'auth.lockedOut', 'auth.lockedOut', 'auth.signIn',
    ]);
  });

  it('locks an unknown address the same way, with the same message', async () => {
    for (let minute = 0; minute < 4; minute += 1) {
      expect(await attempt('nobody@example.test', WRONG, minutesLater(minute))).toMatchObject({ message: INVALID });
    }
    expect(await attempt('nobody@example.test', WRONG, minutesLater(4))).toMatchObject({ message: LOCKED });
    expect(await attempt('Nobody@example.test', WRONG, minutesLater(5))).toMatchObject({ message: LOCKED });
  });

  it('counts only failures within the last 15 minutes', async () => {
    await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    for (const minute of [0, 5, 10, 14]) await attempt('officer@example.test', WRONG, minutesLater(minute));
    // The fifth failure comes more than 15 minutes after the fourth, so the count starts again.
    expect(await attempt('officer@example.test', WRONG, minutesLater(30))).toMatchObject({ message: INVALID });
    expect(await attempt('officer@example.test', TEST_PASSWORD, minutesLater(31))).toMatchObject({ ok: true });
  });

  it('starts the count again after a successful sign-in', async () => {
    await createUser({ role: 'hubOfficer', email: 'officer@example.test' });
    for (let minute = 0; minute < 4; minute += 1) await attempt('officer@example.test', WRONG, minutesLater(minute));
    expect(await attempt('officer@example.test', TEST_PASSWORD, minutesLater(5))).toMatchObject({ ok: true });
    expect(await prisma.signInThrottle.count()).toBe(0);
    expect(await attempt('officer@example.test', WRONG, minutesLater(6))).toMatchObject({ message: INVALID });
  });
});
