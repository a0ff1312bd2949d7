import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import { recordAudit } from '~/modules/audit/audit.server';
import type { Viewer } from '~/modules/auth/viewer';
import { getCarerRecordForViewer } from '~/modules/carers/carers.server';
import type { EmergencyAccessInput } from './schemas';

// Emergency access (DOMAIN.md §1.3): an administrator has no routine access to case content, so each read of an
// approved household's record is asked for with a reason and audited before anything is read. Nothing here writes
// to the record itself.

export const EMERGENCY_ACCESS_ACTION = 'admin.emergencyAccess';

const MEMBERSHIP_ROLE_LABELS: Record<string, string> = { hubHome: 'Hub home carer', satellite: 'Satellite household' };

export async function openEmergencyAccess(viewer: Viewer, input: EmergencyAccessInput, { today, requestId }: { today: string; requestId?: string }) {
  if (viewer.role !== 'administrator') throw new Forbidden('Only administrators can use emergency access');
  const found = await prisma.approval.findFirst({
    where: { household: { reference: input.reference } },
    select: { id: true, councilId: true, householdId: true },
    orderBy: [{ approvedOn: 'desc' }, { id: 'desc' }],
  });
  if (!found) {
    return { ok: false as const, fieldErrors: { reference: 'No approved household has this reference. Check it and try again' } };
  }
  // The reason is the point of the row: whoever reviews emergency access needs to read why it was asked for.
  await recordAudit(prisma, { userId: viewer.userId, role: viewer.role }, {
    action: EMERGENCY_ACCESS_ACTION,
    entity: 'Approval',
    entityId: found.id,
    councilId: found.councilId,
    after: { householdId: found.householdId, reference: input.reference, reason: input.reason },
    requestId,
  });
  const [record, memberships, sgoCases] = await Promise.all([
    getCarerRecordForViewer(viewer, found.id, today),
    prisma.constellationMembership.findMany({
      where: { householdId: found.householdId },
      select: { id: true, role: true, joinedOn: true, leftOn: true, leftReason: true, constellation: { select: { name: true, status: true } } },
      orderBy: [{ joinedOn: 'desc' }, { id: 'asc' }],
      take: 50,
    }),
    prisma.sgoSupportCase.findMany({
      where: { householdId: found.householdId },
      select: { id: true, reference: true, childReference: true, orderDate: true, nextReviewOn: true, status: true },
      orderBy: [{ orderDate: 'desc' }, { id: 'asc' }],
      take: 50,
    }),
  ]);
  return {
    ok: true as const,
    record,
    memberships: memberships.map((membership) => ({
      id: membership.id,
      constellationName: membership.constellation.name,
      constellationClosed: membership.constellation.status === 'closed',
      roleLabel: MEMBERSHIP_ROLE_LABELS[membership.role] ?? membership.role,
      joinedOn: membership.joinedOn,
      leftOn: membership.leftOn,
      leftReason: membership.leftReason,
    })),
    sgoCases,
  };
}

export type EmergencyAccessView = Extract<Awaited<ReturnType<typeof openEmergencyAccess>>, { ok: true }>;
