import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { formatTime, londonDateOf } from '~/lib/uk';
import { assertCan } from '~/modules/auth/access.server';
import { isRole, ROLE_LABELS } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';

// Reading the audit log. This module deliberately has no update or delete: the log is append-only
// (recordAudit in audit.server.ts) and nobody, administrators included, may edit it (DOMAIN.md §1.4).
export const AUDIT_PAGE_SIZE = 50;

export type AuditEventFilters = {
  /** Matches the start of the action: 'auth.' finds every sign-in event. */
  action?: string;
  actorId?: string;
  entity?: string;
  entityId?: string;
  /** London calendar days, inclusive: 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
  cursor?: string;
};

export async function listAuditEvents(viewer: Viewer, filters: AuditEventFilters) {
  assertCan(viewer, 'audit.view');
  const where: Prisma.AuditEventWhereInput = {
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from || filters.to
      ? {
          at: {
            ...(filters.from ? { gte: startOfLondonDay(filters.from) } : {}),
            ...(filters.to ? { lt: startOfLondonDay(nextDay(filters.to)) } : {}),
          },
        }
      : {}),
  };
  const rows = await prisma.auditEvent.findMany({
    where,
    select: {
      id: true,
      at: true,
      actorId: true,
      actorRole: true,
      action: true,
      entity: true,
      entityId: true,
      councilId: true,
      summary: true,
      beforeJson: true,
      afterJson: true,
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const actorNames = await findActorNames(page.map((row) => row.actorId));
  return {
    events: page.map((row) => ({
      ...row,
      actorName: row.actorId ? (actorNames.get(row.actorId) ?? null) : null,
      actorRoleLabel: row.actorRole && isRole(row.actorRole) ? ROLE_LABELS[row.actorRole] : row.actorRole,
    })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id : null,
  };
}

async function findActorNames(actorIds: (string | null)[]) {
  const ids = [...new Set(actorIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, take: ids.length });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** The instant a London calendar day begins: midnight GMT in winter, 23:00 UTC the evening before in summer. */
export function startOfLondonDay(day: string) {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(utcMidnight.getTime() - offsetHours * 3_600_000);
    if (londonDateOf(candidate) === day && formatTime(candidate) === '00:00') return candidate;
  }
  throw new RangeError(`No London midnight found for ${day}`);
}

function nextDay(day: string) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
