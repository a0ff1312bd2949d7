import { dueDate } from '~/lib/deadlines';
import type { Tx } from '~/lib/db.server';
import { formatDate } from '~/lib/uk';
import type { Viewer } from '~/modules/auth/viewer';
import { nextReviewDueAfter } from './rules';
import type { PlacementInput, ReviewInput, StayingPutInput, TermsInput } from './schemas';
import { assertNoFieldErrors, writeApprovalRecord, type LockedApproval, type WriteOptions } from './record.server';

// Reviews of approval and the everyday record of an approved household (DOMAIN.md §4.1–4.5), each a change through
// the approval writer. Dates are checked against the record inside the transaction, so a refused form saves nothing.

const notBefore = (date: string, earliest: string, message: string) => (date < earliest ? message : null);
const notAfter = (date: string, latest: string, message: string) => (date > latest ? message : null);

function notBeforeApproval(date: string, approval: LockedApproval, what: string) {
  return notBefore(date, approval.approvedOn, `${what} must be on or after the approval date, ${formatDate(approval.approvedOn)}`);
}

/**
 * Reg 28 (DOMAIN.md §4.3): a review within 12 months of approval, then at most 12 months after the previous one. The
 * first review goes to the fostering panel. Recording it sets the next due date from the day it was held.
 */
export async function recordReview(viewer: Viewer, approvalId: string, input: ReviewInput, options: WriteOptions) {
  return writeApprovalRecord(viewer, { approvalId, expectedVersion: input.version, permission: 'carers.manage' }, options, async (tx, approval) => {
    const previous = await tx.approvalReview.findFirst({
      where: { approvalId, heldOn: { not: null } },
      orderBy: { heldOn: 'desc' },
      select: { heldOn: true },
    });
    assertNoFieldErrors({
      heldOn:
        notBeforeApproval(input.heldOn, approval, 'The review date') ??
        (previous?.heldOn ? notBefore(input.heldOn, previous.heldOn, `The review date must be after the last review, ${formatDate(previous.heldOn)}`) : null) ??
        notAfter(input.heldOn, options.today, 'The review date must be today or in the past'),
    });
    const firstDueOn = approval.firstReviewDueOn ?? dueDate('firstReview', approval.approvedOn);
    const dueOn = approval.nextReviewDueOn ?? firstDueOn;
    // Only the first review goes to panel (reg 28(3)); households approved before the system kept their reviews
    // elsewhere, so "first" means the review due a year after approval, not merely the first one recorded here.
    const toPanel = previous === null && dueOn === firstDueOn;
    const nextReviewDueOn = nextReviewDueAfter(input.heldOn);
    const review = await tx.approvalReview.create({
      data: { approvalId, dueOn, heldOn: input.heldOn, toPanel, outcome: input.outcome, notes: input.notes, recordedById: viewer.userId },
      select: { id: true },
    });
    return {
      approval: { nextReviewDueOn },
      audit: {
        action: 'carers.reviewRecorded',
        before: { nextReviewDueOn: approval.nextReviewDueOn },
        after: { reviewId: review.id, heldOn: input.heldOn, outcome: input.outcome, toPanel, nextReviewDueOn },
      },
      result: { reviewId: review.id, nextReviewDueOn, toPanel },
    };
  });
}

/** A new row of terms, never an edit of the old one: changes of terms can be challenged (DOMAIN.md §4.1, §4.6). */
export async function changeTerms(viewer: Viewer, approvalId: string, input: TermsInput, options: WriteOptions) {
  return writeApprovalRecord(viewer, { approvalId, expectedVersion: input.version, permission: 'carers.manage' }, options, async (tx, approval) => {
    const current = await tx.approvalTerms.findFirst({
      where: { approvalId },
      orderBy: [{ effectiveFrom: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, effectiveFrom: true, namedChildren: true },
    });
    assertNoFieldErrors({
      effectiveFrom:
        notBeforeApproval(input.effectiveFrom, approval, 'The date the new terms start') ??
        (current ? notBefore(input.effectiveFrom, current.effectiveFrom, `The new terms must start on or after the current terms, ${formatDate(current.effectiveFrom)}`) : null) ??
        notAfter(input.effectiveFrom, options.today, 'The date the new terms start must be today or in the past'),
    });
    const terms = await tx.approvalTerms.create({
      data: {
        approvalId,
        effectiveFrom: input.effectiveFrom,
        numberOfChildren: input.numberOfChildren,
        minAge: input.minAge,
        maxAge: input.maxAge,
        placementKinds: input.placementKinds.join(','),
        specialisms: input.specialisms.length > 0 ? input.specialisms.join(',') : null,
        namedChildren: current?.namedChildren ?? null,
        reason: input.reason,
        createdById: viewer.userId,
      },
      select: { id: true },
    });
    return {
      audit: {
        action: 'carers.termsChanged',
        before: { termsId: current?.id ?? null },
        after: { termsId: terms.id, effectiveFrom: input.effectiveFrom, numberOfChildren: input.numberOfChildren, minAge: input.minAge, maxAge: input.maxAge },
      },
      result: { termsId: terms.id },
    };
  });
}

/** Every approved household has a supervising social worker (NMS 21, DOMAIN.md §4.2), from its own council. */
export async function assignSupervisingWorker(
  viewer: Viewer,
  approvalId: string,
  input: { version: number; supervisingWorkerId: string },
  options: WriteOptions,
) {
  return writeApprovalRecord(
    viewer,
    { approvalId, expectedVersion: input.version, permission: 'carers.assignSupervisor' },
    options,
    async (tx, approval) => {
      const worker = await supervisingWorkerCandidate(tx, approval.councilId, input.supervisingWorkerId);
      assertNoFieldErrors({ supervisingWorkerId: worker ? null : 'Choose a social worker or manager from this council' });
      const before = await tx.approval.findUniqueOrThrow({ where: { id: approvalId }, select: { supervisingWorkerId: true } });
      return {
        approval: { supervisingWorkerId: input.supervisingWorkerId },
        audit: { action: 'carers.supervisorAssigned', before: { supervisingWorkerId: before.supervisingWorkerId }, after: { supervisingWorkerId: input.supervisingWorkerId } },
        result: { supervisingWorkerId: input.supervisingWorkerId },
      };
    },
  );
}

export const SUPERVISING_ROLES = ['socialWorker', 'fosteringManager'] as const;

function supervisingWorkerCandidate(tx: Tx, councilId: string, userId: string) {
  return tx.user.findFirst({ where: { id: userId, councilId, active: true, role: { in: [...SUPERVISING_ROLES] } }, select: { id: true } });
}

/** NMS 20 (DOMAIN.md §4.4): the day the TSD Standards were signed off. */
export async function recordTsdMet(viewer: Viewer, approvalId: string, input: { version: number; tsdMetOn: string }, options: WriteOptions) {
  return writeApprovalRecord(viewer, { approvalId, expectedVersion: input.version, permission: 'carers.manage' }, options, async (_tx, approval) => {
    assertNoFieldErrors({
      tsdMetOn:
        notBeforeApproval(input.tsdMetOn, approval, 'The sign-off date') ??
        notAfter(input.tsdMetOn, options.today, 'The sign-off date must be today or in the past'),
    });
    return {
      approval: { tsdMetOn: input.tsdMetOn },
      audit: { action: 'carers.tsdMet', after: { tsdMetOn: input.tsdMetOn } },
      result: { tsdMetOn: input.tsdMetOn },
    };
  });
}

/** Placements in summary only (dates and a count): this is not a children's case system. */
export async function addPlacement(viewer: Viewer, approvalId: string, input: PlacementInput, options: WriteOptions) {
  return writeApprovalRecord(viewer, { approvalId, expectedVersion: input.version, permission: 'carers.manage' }, options, async (tx, approval) => {
    const terms = await tx.approvalTerms.findFirst({
      where: { approvalId, effectiveFrom: { lte: input.startOn } },
      orderBy: [{ effectiveFrom: 'desc' }, { createdAt: 'desc' }],
      select: { numberOfChildren: true },
    });
    const approvedFor = terms?.numberOfChildren ?? null;
    assertNoFieldErrors({
      startOn:
        notBeforeApproval(input.startOn, approval, 'The start date') ??
        notAfter(input.startOn, options.today, 'The start date must be today or in the past'),
      endOn: input.endOn ? notAfter(input.endOn, options.today, 'The end date must be today or in the past') : null,
      numberOfChildren:
        approvedFor !== null && input.numberOfChildren > approvedFor
          ? `This household is approved for ${approvedFor} ${approvedFor === 1 ? 'child' : 'children'} at a time`
          : null,
    });
    const placement = await tx.placementSummary.create({
      data: { approvalId, startOn: input.startOn, endOn: input.endOn ?? null, numberOfChildren: input.numberOfChildren },
      select: { id: true },
    });
    return {
      audit: { action: 'carers.placementAdded', after: { placementId: placement.id, startOn: input.startOn, endOn: input.endOn ?? null, numberOfChildren: input.numberOfChildren } },
      result: { placementId: placement.id },
    };
  });
}

/** Staying Put (DOMAIN.md §4.5): counted apart from placements, and kept whether or not the carers stay approved. */
export async function addStayingPut(viewer: Viewer, approvalId: string, input: StayingPutInput, options: WriteOptions) {
  return writeApprovalRecord(
    viewer,
    { approvalId, expectedVersion: input.version, permission: 'carers.manage', whileEnded: true },
    options,
    async (tx, approval) => {
      assertNoFieldErrors({
        startOn: notAfter(input.startOn, options.today, 'The start date must be today or in the past'),
        endOn: input.endOn ? notAfter(input.endOn, options.today, 'The end date must be today or in the past') : null,
      });
      const arrangement = await tx.stayingPutArrangement.create({
        data: { householdId: approval.householdId, youngPersonReference: input.youngPersonReference, startOn: input.startOn, endOn: input.endOn ?? null },
        select: { id: true },
      });
      return {
        audit: { action: 'carers.stayingPutAdded', after: { stayingPutId: arrangement.id, startOn: input.startOn, endOn: input.endOn ?? null } },
        result: { stayingPutId: arrangement.id },
      };
    },
  );
}

/** A continuing placement ends: on or after its start, and not in the future. */
export async function endPlacement(viewer: Viewer, approvalId: string, input: { version: number; placementId: string; endOn: string }, options: WriteOptions) {
  return writeApprovalRecord(viewer, { approvalId, expectedVersion: input.version, permission: 'carers.manage' }, options, async (tx) => {
    const placement = await tx.placementSummary.findFirst({ where: { id: input.placementId, approvalId, endOn: null }, select: { id: true, startOn: true } });
    assertNoFieldErrors({
      placementId: placement ? null : 'Choose a continuing placement of this household',
      endOn: placement
        ? (notBefore(input.endOn, placement.startOn, `The end date must be on or after the start, ${formatDate(placement.startOn)}`) ??
          notAfter(input.endOn, options.today, 'The end date must be today or in the past'))
        : null,
    });
    await tx.placementSummary.update({ where: { id: input.placementId }, data: { endOn: input.endOn } });
    return { audit: { action: 'carers.placementEnded', after: { placementId: input.placementId, endOn: input.endOn } }, result: { placementId: input.placementId } };
  });
}

/** A Staying Put arrangement ends; allowed after approval has ended too (DOMAIN.md §4.5). */
export async function endStayingPut(viewer: Viewer, approvalId: string, input: { version: number; stayingPutId: string; endOn: string }, options: WriteOptions) {
  return writeApprovalRecord(
    viewer,
    { approvalId, expectedVersion: input.version, permission: 'carers.manage', whileEnded: true },
    options,
    async (tx, approval) => {
      const arrangement = await tx.stayingPutArrangement.findFirst({
        where: { id: input.stayingPutId, householdId: approval.householdId, endOn: null },
        select: { id: true, startOn: true },
      });
      assertNoFieldErrors({
        stayingPutId: arrangement ? null : 'Choose a continuing arrangement of this household',
        endOn: arrangement
          ? (notBefore(input.endOn, arrangement.startOn, `The end date must be on or after the start, ${formatDate(arrangement.startOn)}`) ??
            notAfter(input.endOn, options.today, 'The end date must be today or in the past'))
          : null,
      });
      await tx.stayingPutArrangement.update({ where: { id: input.stayingPutId }, data: { endOn: input.endOn } });
      return { audit: { action: 'carers.stayingPutEnded', after: { stayingPutId: input.stayingPutId, endOn: input.endOn } }, result: { stayingPutId: input.stayingPutId } };
    },
  );
}
