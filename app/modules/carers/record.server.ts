import type { Prisma } from '~/generated/prisma/client';
import { prisma, type Tx } from '~/lib/db.server';
import { Conflict, NotFound, ValidationFailed } from '~/lib/errors';
import { recordAudit, type AuditActor } from '~/modules/audit/audit.server';
import { approvalScope, assertCan } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';

// The one writer for approved households, the sibling of the pipeline writer (STYLE.md §3.2): every change to an
// approval record (reviews, terms, supervising worker, placements, TSD, Staying Put, endings) goes through
// `writeApprovalRecord`, which finds the record in the viewer's scope, checks the permission, and in one transaction
// claims the record's version (optimistic lock), makes the change and writes the audit row.

export const CHANGED_WHILE_EDITING = 'This record changed while you were editing. Reload the page to see the latest, then try again.';
const INVALID_INPUT = 'Check the details you entered.';

const LOCKED_SELECT = {
  id: true,
  householdId: true,
  councilId: true,
  approvalType: true,
  approvedOn: true,
  status: true,
  endedOn: true,
  version: true,
  firstReviewDueOn: true,
  nextReviewDueOn: true,
  household: { select: { route: true } },
} satisfies Prisma.ApprovalSelect;

export type LockedApproval = Prisma.ApprovalGetPayload<{ select: typeof LOCKED_SELECT }>;

export type WriteOptions = { requestId?: string; today: string };

type Permission = 'carers.manage' | 'carers.assignSupervisor' | 'carers.endApproval';

export type ApprovalChange<T> = {
  /** Columns of Approval to set with the version claim. */
  approval?: Prisma.ApprovalUpdateManyMutationInput;
  audit: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown> };
  result: T;
};

export function actorOf(viewer: Viewer): AuditActor {
  return { userId: viewer.userId, role: viewer.role };
}

/** The approval as this viewer may see it; NotFound outside their scope (decision 004). */
export async function findApprovalInScope(viewer: Viewer, approvalId: string): Promise<LockedApproval> {
  const approval = await prisma.approval.findFirst({ where: { AND: [approvalScope(viewer), { id: approvalId }] }, select: LOCKED_SELECT });
  if (!approval) throw new NotFound('Approved household not found');
  return approval;
}

export function isKinshipApproval(approval: Pick<LockedApproval, 'approvalType' | 'household'>): boolean {
  return approval.approvalType === 'kinship' || approval.household.route === 'kinship';
}

export async function writeApprovalRecord<T>(
  viewer: Viewer,
  target: { approvalId: string; expectedVersion: number; permission: Permission; whileEnded?: boolean },
  options: WriteOptions,
  change: (tx: Tx, approval: LockedApproval) => Promise<ApprovalChange<T>>,
): Promise<T> {
  const approval = await findApprovalInScope(viewer, target.approvalId);
  assertCan(viewer, target.permission, { councilId: approval.councilId });
  if (approval.version !== target.expectedVersion) throw new Conflict(CHANGED_WHILE_EDITING);
  if (approval.status === 'ended' && !target.whileEnded) {
    throw new ValidationFailed(INVALID_INPUT, { form: 'Approval has ended, so this record can no longer be changed' });
  }
  return prisma.$transaction(async (tx) => {
    const made = await change(tx, approval);
    const { count } = await tx.approval.updateMany({
      where: { id: approval.id, version: approval.version },
      data: { ...made.approval, version: { increment: 1 } },
    });
    if (count !== 1) throw new Conflict(CHANGED_WHILE_EDITING);
    await recordAudit(tx, actorOf(viewer), {
      action: made.audit.action,
      entity: 'Approval',
      entityId: approval.id,
      councilId: approval.councilId,
      before: { version: approval.version, ...made.audit.before },
      after: { version: approval.version + 1, ...made.audit.after },
      requestId: options.requestId,
    });
    return made.result;
  });
}

/** Field errors for dates that the record makes wrong: thrown inside the transaction, so nothing is saved. */
export function assertNoFieldErrors(fieldErrors: Record<string, string | null>) {
  const errors = Object.fromEntries(Object.entries(fieldErrors).filter((entry): entry is [string, string] => entry[1] !== null));
  if (Object.keys(errors).length > 0) throw new ValidationFailed(INVALID_INPUT, errors);
}
