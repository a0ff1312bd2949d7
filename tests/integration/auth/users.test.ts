import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Conflict, Forbidden, NotFound } from '~/lib/errors';
import { requireViewer } from '~/modules/auth/access.server';
import { resetPasswordWithToken } from '~/modules/auth/password-reset.server';
import {
  changeUserRole, deactivateUser, getUserForAdmin, inviteStaffUser, listUsersForAdmin, reactivateUser, USERS_PAGE_SIZE,
} from '~/modules/auth/users.server';
import type { Viewer } from '~/modules/auth/viewer';
import { createUser } from '../../support/factories';
import { requestWithCookie, sessionCookieFor, thrownResponse } from './support';

let admin: Viewer;

beforeEach(async () => {
  await prisma.outboundEmail.deleteMany();
  await prisma.auditEvent.deleteMany();
  await prisma.passwordResetToken.deleteMany();
  await prisma.session.deleteMany();
  await prisma.user.deleteMany();
  const user = await createUser({ role: 'administrator', name: 'Ada Admin' });
  admin = { userId: user.id, name: user.name, email: user.email, role: 'administrator', councilId: null, sessionId: 's' };
});

describe('inviting a member of staff', () => {
  it('creates the account without a password and emails a 72-hour link that sets the first password', async () => {
    const result = await inviteStaffUser(admin, { name: 'Sam Patel', email: 'sam@example.test', role: 'socialWorker', councilId: 'derbyshire' });
    if (!result.ok) throw new Error('invitation refused');
    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.data.userId } });
    expect(user).toMatchObject({ role: 'socialWorker', councilId: 'derbyshire', passwordHash: null, invitedById: admin.userId });

    const [email] = await prisma.outboundEmail.findMany({ where: { template: 'staff-invitation' } });
    const props = JSON.parse(email.propsJson);
    expect(email.to).toBe('sam@example.test');
    expect(props).toMatchObject({ name: 'Sam Patel', roleLabel: 'Council social worker', expiresInHours: 72 });
    const token = props.setPasswordUrl.split('/reset-password/')[1];

    const reset = await resetPasswordWithToken(token, 'my first proper passphrase', null);
    expect(reset).toMatchObject({ ok: true, redirectTo: '/council' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^\$argon2id\$/);

    const audit = await prisma.auditEvent.findMany({ where: { action: 'user.invite' } });
    expect(audit.map((row) => [row.actorId, row.entityId, row.afterJson])).toEqual([
      [admin.userId, user.id, '{"role":"socialWorker","councilId":"derbyshire"}'],
    ]);
  });

  it('refuses an address that already has an account, and an unknown council', async () => {
    await createUser({ role: 'hubOfficer', email: 'taken@example.test' });
    const result = await inviteStaffUser(admin, { name: 'X', email: 'taken@example.test', role: 'socialWorker', councilId: 'atlantis' });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { email: 'There is already an account with this email address', councilId: 'Select a council from the list' },
    });
    expect(await prisma.outboundEmail.count()).toBe(0);
  });

  it('is for administrators only', async () => {
    const manager = await createUser({ role: 'hubManager' });
    const viewer: Viewer = { userId: manager.id, name: 'M', email: manager.email, role: 'hubManager', councilId: null, sessionId: 's' };
    await expect(inviteStaffUser(viewer, { name: 'X', email: 'x@example.test', role: 'hubOfficer', councilId: null })).rejects.toThrow(Forbidden);
    await expect(listUsersForAdmin(viewer, {})).rejects.toThrow(Forbidden);
  });
});

describe('changing and ending accounts', () => {
  it('changes role and council, with before and after in the audit log', async () => {
    const user = await createUser({ role: 'socialWorker', councilId: 'derby-city' });
    expect(await changeUserRole(admin, user.id, { role: 'fosteringManager', councilId: 'derby-city' })).toEqual({ ok: true, data: null });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: 'fosteringManager', councilId: 'derby-city' });
    const [row] = await prisma.auditEvent.findMany({ where: { action: 'user.changeRole' } });
    expect([row.beforeJson, row.afterJson]).toEqual([
      '{"role":"socialWorker","councilId":"derby-city"}',
      '{"role":"fosteringManager","councilId":"derby-city"}',
    ]);
  });

  it('deactivates: every session ends at once and sign-in is refused; reactivating lets them back', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    await deactivateUser(admin, user.id);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const response = await thrownResponse(() => requireViewer(requestWithCookie('/hub', cookie), { area: 'hub' }));
    expect(response.status).toBe(302);

    await reactivateUser(admin, user.id);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ active: true, deactivatedAt: null });
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: user.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })).map((row) => row.action);
    expect(actions).toEqual(['user.deactivate', 'user.reactivate']);
  });

  it('will not let an administrator deactivate themselves or change their own role', async () => {
    await expect(deactivateUser(admin, admin.userId)).rejects.toThrow(Conflict);
    await expect(changeUserRole(admin, admin.userId, { role: 'hubOfficer', councilId: null })).rejects.toThrow(Conflict);
    expect(await getUserForAdmin(admin, admin.userId)).toMatchObject({ canDeactivate: false, canChangeRole: false });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).toMatchObject({ active: true, role: 'administrator' });
  });

  it('does not show applicant accounts to administrators', async () => {
    const applicant = await createUser({ role: 'applicant' });
    await expect(getUserForAdmin(admin, applicant.id)).rejects.toThrow(NotFound);
  });
});

describe('listing staff', () => {
  it('searches by name or email, filters by role and council, and pages by cursor', async () => {
    await createUser({ role: 'socialWorker', councilId: 'derbyshire', name: 'Bea Jones', email: 'bea@derbyshire.example' });
    await createUser({ role: 'socialWorker', councilId: 'nottinghamshire', name: 'Cal Jones', email: 'cal@notts.example' });
    await createUser({ role: 'hubOfficer', name: 'Dee Smith', email: 'dee@hub.example' });
    await createUser({ role: 'applicant', name: 'Eve Jones', email: 'eve@example.test' });

    const names = async (query: Parameters<typeof listUsersForAdmin>[1]) => (await listUsersForAdmin(admin, query)).users.map((user) => user.name);
    expect(await names({ q: 'jones' })).toEqual(['Bea Jones', 'Cal Jones']);
    expect(await names({ q: 'NOTTS' })).toEqual(['Cal Jones']);
    expect(await names({ role: 'socialWorker', councilId: 'derbyshire' })).toEqual(['Bea Jones']);
    expect(await names({})).toEqual(['Ada Admin', 'Bea Jones', 'Cal Jones', 'Dee Smith']);

    for (let i = 0; i < USERS_PAGE_SIZE; i += 1) {
      await createUser({ role: 'hubOfficer', name: `Zed ${String(i).padStart(2, '0')}` });
    }
    const first = await listUsersForAdmin(admin, {});
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listUsersForAdmin(admin, { cursor: first.nextCursor ?? undefined });
    // 4 + 25 staff = 29: 25 on the first page, the last 4 Zeds on the second.
    expect(second.users.map((user) => user.name)).toEqual(['Zed 21', 'Zed 22', 'Zed 23', 'Zed 24']);
    expect(second.nextCursor).toBeNull();
  });
});
