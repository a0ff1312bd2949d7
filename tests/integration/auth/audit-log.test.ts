import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import * as auditLog from '~/modules/audit/audit-log.server';
import { AUDIT_PAGE_SIZE, listAuditEvents, startOfLondonDay } from '~/modules/audit/audit-log.server';
import type { Viewer } from '~/modules/auth/viewer';
import { createUser } from '../../support/factories';

let admin: Viewer;

beforeEach(async () => {
  await prisma.auditEvent.deleteMany();
  await prisma.user.deleteMany();
  const user = await createUser({ role: 'administrator', name: 'Ada Admin' });
  admin = { userId: user.id, name: user.name, email: user.email, role: 'administrator', councilId: null, sessionId: 's' };
});

async function addEvent(at: string, action: string, extra: { actorId?: string; entity?: string; entityId?: string } = {}) {
  return prisma.auditEvent.create({ data: { at: new Date(at), action, ...extra } });
}

describe('listAuditEvents', () => {
  it('filters by action prefix, actor and record, newest first, naming the actor', async () => {
    await addEvent('2026-03-01T10:00:00Z', 'auth.signIn', { actorId: admin.userId, entity: 'User', entityId: admin.userId });
    await addEvent('2026-03-01T11:00:00Z', 'auth.signInFailed');
    await addEvent('2026-03-01T12:00:00Z', 'user.invite', { actorId: admin.userId, entity: 'User', entityId: 'someone' });

    const actionsOf = async (filters: auditLog.AuditEventFilters) => (await listAuditEvents(admin, filters)).events.map((event) => event.action);
    expect(await actionsOf({ action: 'auth.' })).toEqual(['auth.signInFailed', 'auth.signIn']);
    expect(await actionsOf({ actorId: admin.userId })).toEqual(['user.invite', 'auth.signIn']);
    expect(await actionsOf({ entity: 'User', entityId: 'someone' })).toEqual(['user.invite']);
    const [newest] = (await listAuditEvents(admin, {})).events;
    expect(newest).toMatchObject({ action: 'user.invite', actorName: 'Ada Admin', actorRoleLabel: null });
  });

  it('takes London calendar days, inclusive, across the change to summer time', async () => {
    // 29 March 2026 is the day the clocks go forward: London midnight on 30 March is 23:00 UTC on 29 March.
    await addEvent('2026-03-28T23:30:00Z', 'a.gmt-28th-late');        // 28 March, 23:30 GMT
    await addEvent('2026-03-29T23:30:00Z', 'b.bst-30th-early');       // 30 March, 00:30 BST
    await addEvent('2026-03-30T22:59:00Z', 'c.bst-30th-late');        // 30 March, 23:59 BST
    await addEvent('2026-03-30T23:00:00Z', 'd.bst-31st-midnight');    // 31 March, 00:00 BST
    const actions = async (from?: string, to?: string) => (await listAuditEvents(admin, { from, to })).events.map((event) => event.action).sort();
    expect(await actions('2026-03-30', '2026-03-30')).toEqual(['b.bst-30th-early', 'c.bst-30th-late']);
    expect(await actions(undefined, '2026-03-28')).toEqual(['a.gmt-28th-late']);
    expect(await actions('2026-03-31')).toEqual(['d.bst-31st-midnight']);
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfLondonDay('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
  });

  it('pages by cursor with nothing lost or repeated', async () => {
    const total = AUDIT_PAGE_SIZE + 7;
    for (let i = 0; i < total; i += 1) {
      await addEvent(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), `test.${String(i).padStart(3, '0')}`);
    }
    const first = await listAuditEvents(admin, {});
    const second = await listAuditEvents(admin, { cursor: first.nextCursor ?? undefined });
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.events).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.events, ...second.events].map((event) => event.action);
    expect(new Set(seen).size).toBe(total);
    expect(seen[0]).toBe(`test.${String(total - 1).padStart(3, '0')}`);
    expect(seen[total - 1]).toBe('test.000');
  });

  it('is for administrators only, and offers no way to change a row', async () => {
    const manager = await createUser({ role: 'hubManager' });
    const viewer: Viewer = { userId: manager.id, name: 'M', email: manager.email, role: 'hubManager', councilId: null, sessionId: 's' };
    await expect(listAuditEvents(viewer, {})).rejects.toThrow(Forbidden);
    expect(Object.keys(auditLog).sort()).toEqual(['AUDIT_PAGE_SIZE', 'listAuditEvents', 'startOfLondonDay']);
  });
});
