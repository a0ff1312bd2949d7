import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { getViewer, requireViewer } from '~/modules/auth/access.server';
import { hashToken, lookUpSession, SESSION_IDLE_TIMEOUT_MS } from '~/modules/auth/sessions.server';
import { action as logoutAction, loader as logoutLoader } from '~/routes/logout';
import { createUser } from '../../support/factories';
import { auditActions, requestWithCookie, sessionCookieFor, thrownResponse } from './support';

beforeEach(async () => {
  await prisma.auditEvent.deleteMany();
  await prisma.session.deleteMany();
  await prisma.user.deleteMany();
});

function sessionIdOf(cookie: string) {
  const signedValue = decodeURIComponent(cookie.slice('__session='.length));
  const token: string = JSON.parse(Buffer.from(signedValue.slice(0, signedValue.lastIndexOf('.')), 'base64').toString('utf8'));
  return hashToken(token);
}

describe('reading the session cookie', () => {
  it('gives the viewer for a good cookie, with council roles carrying their council', async () => {
    const user = await createUser({ role: 'socialWorker', councilId: 'nottingham-city', name: 'Ada Worker' });
    const cookie = await sessionCookieFor(user.id);
    const viewer = await requireViewer(requestWithCookie('/council', cookie), { area: 'council' });
    expect(viewer).toMatchObject({ userId: user.id, role: 'socialWorker', councilId: 'nottingham-city', name: 'Ada Worker' });
  });

  it('reads the session with its user exactly as stored', async () => {
    const user = await createUser({ role: 'fosteringManager', councilId: 'derbyshire', name: 'Bea Manager' });
    const cookie = await sessionCookieFor(user.id);

    expect(await lookUpSession(requestWithCookie('/council', cookie))).toEqual({
      status: 'active',
      sessionId: sessionIdOf(cookie),
      user: { id: user.id, email: user.email, name: 'Bea Manager', role: 'fosteringManager', councilId: 'derbyshire', active: true },
    });
  });

  it('treats a tampered cookie as signed out, clears it and records it', async () => {
    const user = await createUser({ role: 'hubManager' });
    const cookie = await sessionCookieFor(user.id);
    // Change the first character of the signed value (the token, not the signature): the signature no longer matches.
    const valueStart = '__session='.length;
    const tampered = `${cookie.slice(0, valueStart)}${cookie[valueStart] === 'I' ? 'J' : 'I'}${cookie.slice(valueStart + 1)}`;

    expect(await getViewer(requestWithCookie('/hub', tampered))).toBeNull();
    const response = await thrownResponse(() => requireViewer(requestWithCookie('/hub/households', tampered), { area: 'hub' }));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fhub%2Fhouseholds');
    expect(response.headers.get('Set-Cookie')).toMatch(/^__session=;.*Max-Age=0/);
    expect(await auditActions()).toEqual(['auth.tamperedCookie', 'auth.tamperedCookie']);
  });

  it('treats a cookie signed with another secret as tampered', async () => {
    const { createCookie } = await import('@remix-run/node');
    const forged = createCookie('__session', { secrets: ['another-secret-that-is-long-enough-0123456789'] });
    const cookie = (await forged.serialize('any-token')).split(';')[0];
    expect(await lookUpSession(requestWithCookie('/hub', cookie))).toEqual({ status: 'tampered' });
  });

  it('signs out a user deactivated mid-session on their next request, with an audit row', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    await requireViewer(requestWithCookie('/hub', cookie), { area: 'hub' });

    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    const response = await thrownResponse(() => requireViewer(requestWithCookie('/hub', cookie), { area: 'hub' }));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fhub');
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditActions()).toEqual(['auth.sessionEnded']);
  });

  it('ends a session after 8 hours without a request', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    const now = new Date();
    await prisma.session.updateMany({ data: { lastSeenAt: new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS - 1000) } });
    expect(await lookUpSession(requestWithCookie('/hub', cookie), now)).toEqual({ status: 'expired' });
    expect(await prisma.session.count()).toBe(0);
  });

  it('ends a session at its absolute expiry however busy it is', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    await prisma.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookUpSession(requestWithCookie('/hub', cookie))).toEqual({ status: 'expired' });
    const response = await thrownResponse(() => requireViewer(requestWithCookie('/hub', cookie), { area: 'hub' }));
    expect(response.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
  });

  it('writes lastSeenAt at most once a minute', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    const id = sessionIdOf(cookie);
    const created = (await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt;

    await lookUpSession(requestWithCookie('/hub', cookie), new Date(created.getTime() + 59_000));
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(created);

    const later = new Date(created.getTime() + 61_000);
    await lookUpSession(requestWithCookie('/hub', cookie), later);
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(later);
  });
});

describe('signing out', () => {
  it('deletes the session row and clears the cookie on POST', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    const other = await sessionCookieFor(user.id);

    const response = await logoutAction({ request: requestWithCookie('/logout', cookie, { method: 'POST' }), params: {}, context: {} });
    expect(response.status).toBe(302);
    expect(response.headers.get('Set-Cookie')).toMatch(/^__session=;.*Max-Age=0/);
    expect(await prisma.session.findUnique({ where: { id: sessionIdOf(cookie) } })).toBeNull();
    // Only this browser is signed out.
    expect(await prisma.session.findUnique({ where: { id: sessionIdOf(other) } })).not.toBeNull();
    expect(await auditActions()).toEqual(['auth.signOut']);
  });

  it('does nothing on GET', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    const response = logoutLoader();
    expect(response.status).toBe(302);
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(await prisma.session.count({ where: { id: sessionIdOf(cookie) } })).toBe(1);
  });
});
