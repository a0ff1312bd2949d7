import { prisma, type Tx } from '~/lib/db.server';
import { Conflict, NotFound } from '~/lib/errors';
import { formatDate } from '~/lib/uk';
import { recordAudit, type AuditActor } from '~/modules/audit/audit.server';
import type { Viewer } from '~/modules/auth/viewer';
import { deregistrationGroupOf, type DeregistrationReasonCode } from '~/modules/codes/deregistration-reasons';
import { endMembershipsOfHousehold } from '~/modules/mockingbird/constellations.server';
import { earliestCouncilEndingOn, latestDateAhead, resignationEffectiveOn } from './rules';
import type { CouncilEndingInput, ExitInterviewInput, NoticeInput } from './schemas';
import { assertNoFieldErrors, CHANGED_WHILE_EDITING, writeApprovalRecord, type WriteOptions } from './record.server';

// Endings of approval (DOMAIN.md §4.6–4.7). A carer's notice ends approval 28 days after the council receives it
// (reg 28(13)); a council ending follows a review and a qualifying determination with its 28-day window. Either way
// the Deregistration row is written at once with its effective date (the reports count endings by that date), the
// household stays approved until then, and on the effective date the approval's status becomes 'ended' (here if the
// date has already come, otherwise in the daily job). The record itself is kept (retention, §4.8).

type DeregistrationRecord = {
  endedBy: 'carer' | 'council';
  /** Resignation only: the day the council received the notice. */
  noticeReceivedOn: string | null;
  effectiveOn: string;
  primaryReason: DeregistrationReasonCode;
  details: string | null;
  reviewId?: string | null;
  qdLetterOn?: string | null;
  councilRoute?: string | null;
};

const BATCH_SIZE = 500;

type EndingApproval = { id: string; householdId: string; councilId: string; approvedOn: string; nextReviewDueOn: string | null };

/** The rows of an ending, inside the caller's transaction; returns what the approval's own columns become. */
async function writeEnding(tx: Tx, approval: EndingApproval, ending: DeregistrationRecord, recordedById: string | null, today: string) {
  const existing = await tx.deregistration.findUnique({ where: { approvalId: approval.id }, select: { effectiveOn: true } });
  assertNoFieldErrors({
    form: existing ? `An ending is already recorded for this household, from ${formatDate(existing.effectiveOn)}` : null,
  });
  const row = await tx.deregistration.create({
    data: {
      approvalId: approval.id,
      councilId: approval.councilId,
      noticeReceivedOn: ending.noticeReceivedOn,
      effectiveOn: ending.effectiveOn,
      primaryReason: ending.primaryReason,
      reasonGroup: deregistrationGroupOf(ending.primaryReason),
      details: ending.details,
      endedBy: ending.endedBy,
      reviewId: ending.reviewId ?? null,
      qdLetterOn: ending.qdLetterOn ?? null,
      councilRoute: ending.councilRoute ?? null,
      exitInterview: 'notOffered',
      recordedById,
    },
    select: { id: true },
  });
  const endsNow = ending.effectiveOn <= today;
  if (endsNow) await leaveConstellations(tx, approval.householdId, ending.effectiveOn);
  return {
    deregistrationId: row.id,
    approval: endsNow ? { status: 'ended', endedOn: ending.effectiveOn, nextReviewDueOn: null } : {},
    audit: {
      deregistrationId: row.id,
      endedBy: ending.endedBy,
      primaryReason: ending.primaryReason,
      noticeReceivedOn: ending.noticeReceivedOn,
      effectiveOn: ending.effectiveOn,
      status: endsNow ? 'ended' : 'active',
    },
  };
}

/** A carer's written notice (reg 28(13)): approval ends 28 days after it is received and cannot be refused. */
export async function giveNotice(viewer: Viewer, approvalId: string, input: NoticeInput, options: WriteOptions) {
  return writeApprovalRecord(viewer, { approvalId, expectedVersion: input.version, permission: 'carers.manage' }, options, async (tx, approval) => {
    assertNoFieldErrors({ noticeReceivedOn: noticeDateProblem(input.noticeReceivedOn, approval.approvedOn, options.today) });
    const effectiveOn = resignationEffectiveOn(input.noticeReceivedOn);
    const ending = await writeEnding(
      tx,
      approval,
      { endedBy: 'carer', noticeReceivedOn: input.noticeReceivedOn, effectiveOn, primaryReason: input.primaryReason, details: input.details },
      viewer.userId,
      options.today,
    );
    return {
      approval: ending.approval,
      audit: { action: 'carers.noticeGiven', after: ending.audit },
      result: { deregistrationId: ending.deregistrationId, effectiveOn },
    };
  });
}

function noticeDateProblem(noticeReceivedOn: string, approvedOn: string, today: string): string | null {
  if (noticeReceivedOn < approvedOn) return `The notice date must be on or after the approval date, ${formatDate(approvedOn)}`;
  const latest = latestDateAhead(today);
  if (noticeReceivedOn > latest) return `The notice date must be no later than ${formatDate(latest)}, 3 months from today`;
  return null;
}

/**
 * The council ends approval (reg 28, DOMAIN.md §4.6). A termination needs the review that proposed it, the
 * qualifying determination letter and how its 28-day window closed: unless the carer agreed, approval cannot end
 * before the window does. Other endings the council records (an order made, a death) need only the date.
 */
export async function endApprovalByCouncil(viewer: Viewer, approvalId: string, input: CouncilEndingInput, options: WriteOptions) {
  return writeApprovalRecord(viewer, { approvalId, expectedVersion: input.version, permission: 'carers.endApproval' }, options, async (tx, approval) => {
    const termination = input.primaryReason === 'TERMINATED_BY_SERVICE';
    const review = input.reviewId
      ? await tx.approvalReview.findFirst({ where: { id: input.reviewId, approvalId, outcome: 'terminate' }, select: { id: true, heldOn: true } })
      : null;
    const latest = latestDateAhead(options.today);
    const qdProblem = !termination
      ? null
      : !input.qdLetterOn
        ? 'Enter the date of the qualifying determination letter'
        : input.qdLetterOn < approval.approvedOn
          ? `The letter date must be on or after the approval date, ${formatDate(approval.approvedOn)}`
          : input.qdLetterOn > options.today
            ? 'The letter date must be today or in the past'
            : null;
    const earliest = termination && input.qdLetterOn && input.councilRoute ? earliestCouncilEndingOn(input.qdLetterOn, input.councilRoute === 'carerAgreed') : approval.approvedOn;
    assertNoFieldErrors({
      reviewId: termination && !review ? 'Choose the review that proposed ending approval' : null,
      qdLetterOn: qdProblem,
      councilRoute: termination && !input.councilRoute ? 'Choose how the 28-day window closed' : null,
      effectiveOn:
        input.effectiveOn < earliest
          ? earliest === approval.approvedOn
            ? `The date approval ends must be on or after the approval date, ${formatDate(approval.approvedOn)}`
            : `Approval cannot end before ${formatDate(earliest)}, when the 28-day window for representations or an IRM application closes`
          : input.effectiveOn > latest
            ? `The date approval ends must be no later than ${formatDate(latest)}, 3 months from today`
            : null,
    });
    const ending = await writeEnding(
      tx,
      approval,
      {
        endedBy: 'council',
        noticeReceivedOn: null,
        effectiveOn: input.effectiveOn,
        primaryReason: input.primaryReason,
        details: input.details,
        reviewId: termination ? (review?.id ?? null) : null,
        qdLetterOn: termination ? input.qdLetterOn : null,
        councilRoute: termination ? input.councilRoute : null,
      },
      viewer.userId,
      options.today,
    );
    return {
      approval: ending.approval,
      audit: { action: 'carers.approvalEnded', after: { ...ending.audit, councilRoute: termination ? input.councilRoute : null } },
      result: { deregistrationId: ending.deregistrationId, effectiveOn: input.effectiveOn },
    };
  });
}

/**
 * For other modules that have already checked their own permission (a Mockingbird hub home carer who resigns):
 * records the carer's notice inside the caller's transaction, claiming the approval's version so that a form open
 * on the carer's record is told it changed. Throws ValidationFailed (nothing saved) for a bad date or a second ending.
 */
export async function recordDeregistration(
  tx: Tx,
  actor: AuditActor,
  input: { approvalId: string; noticeReceivedOn: string; primaryReason: DeregistrationReasonCode; details: string | null; today: string; requestId?: string },
): Promise<{ deregistrationId: string; effectiveOn: string }> {
  const approval = await tx.approval.findUnique({
    where: { id: input.approvalId },
    select: { id: true, householdId: true, councilId: true, approvedOn: true, nextReviewDueOn: true, status: true, version: true },
  });
  if (!approval) throw new NotFound('Approved household not found');
  assertNoFieldErrors({
    form: approval.status === 'ended' ? 'Approval has ended, so this record can no longer be changed' : null,
    noticeReceivedOn: noticeDateProblem(input.noticeReceivedOn, approval.approvedOn, input.today),
  });
  const effectiveOn = resignationEffectiveOn(input.noticeReceivedOn);
  const ending = await writeEnding(
    tx,
    approval,
    { endedBy: 'carer', noticeReceivedOn: input.noticeReceivedOn, effectiveOn, primaryReason: input.primaryReason, details: input.details },
    actor?.userId ?? null,
    input.today,
  );
  const { count } = await tx.approval.updateMany({
    where: { id: approval.id, version: approval.version },
    data: { ...ending.approval, version: { increment: 1 } },
  });
  if (count !== 1) throw new Conflict(CHANGED_WHILE_EDITING);
  await recordAudit(tx, actor, {
    action: 'carers.noticeGiven',
    entity: 'Approval',
    entityId: approval.id,
    councilId: approval.councilId,
    before: { version: approval.version },
    after: { version: approval.version + 1, ...ending.audit },
    requestId: input.requestId,
  });
  return { deregistrationId: ending.deregistrationId, effectiveOn };
}

/** DOMAIN.md §4.7: every leaving household is offered an exit interview; its answers are structured. */
export async function recordExitInterview(viewer: Viewer, approvalId: string, input: ExitInterviewInput, options: WriteOptions) {
  return writeApprovalRecord(
    viewer,
    { approvalId, expectedVersion: input.version, permission: 'carers.manage', whileEnded: true },
    options,
    async (tx, approval) => {
      const ending = await tx.deregistration.findUnique({ where: { approvalId }, select: { id: true, noticeReceivedOn: true, exitInterview: true } });
      if (!ending) throw new NotFound('No ending has been recorded for this household');
      const from = ending.noticeReceivedOn ?? approval.approvedOn;
      const heldOn = input.answers?.heldOn ?? null;
      assertNoFieldErrors({
        heldOn:
          heldOn === null
            ? null
            : heldOn < from
              ? `The interview date must be on or after ${formatDate(from)}`
              : heldOn > options.today
                ? 'The interview date must be today or in the past'
                : null,
      });
      await tx.deregistration.update({
        where: { id: ending.id },
        data: { exitInterview: input.exitInterview, exitInterviewJson: input.answers ? JSON.stringify(input.answers) : null },
      });
      return {
        audit: {
          action: 'carers.exitInterviewRecorded',
          before: { exitInterview: ending.exitInterview },
          after: { exitInterview: input.exitInterview, reasons: input.answers?.reasons ?? [] },
        },
        result: { exitInterview: input.exitInterview },
      };
    },
  );
}

/**
 * The daily job's part: approvals whose ending has taken effect leave the active list. Idempotent; each approval
 * claims its version, so an edit in flight is told the record changed.
 */
export async function endApprovalsDue(today: string): Promise<number> {
  let ended = 0;
  let after: string | undefined;
  for (;;) {
    const due = await prisma.approval.findMany({
      where: { status: 'active', deregistration: { effectiveOn: { lte: today } }, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, householdId: true, councilId: true, version: true, deregistration: { select: { effectiveOn: true } } },
      orderBy: { id: 'asc' },
      take: BATCH_SIZE,
    });
    if (due.length === 0) return ended;
    after = due[due.length - 1].id;
    ended += await prisma.$transaction(async (tx) => {
      let count = 0;
      for (const approval of due) {
        const effectiveOn = approval.deregistration?.effectiveOn;
        if (!effectiveOn) continue;
        const claimed = await tx.approval.updateMany({
          where: { id: approval.id, version: approval.version, status: 'active' },
          data: { status: 'ended', endedOn: effectiveOn, nextReviewDueOn: null, version: { increment: 1 } },
        });
        if (claimed.count !== 1) continue;
        count += 1;
        await leaveConstellations(tx, approval.householdId, effectiveOn);
        await recordAudit(tx, null, {
          action: 'carers.approvalEndedOnEffectiveDate',
          entity: 'Approval',
          entityId: approval.id,
          councilId: approval.councilId,
          after: { status: 'ended', endedOn: effectiveOn, version: approval.version + 1 },
        });
      }
      return count;
    });
  }
}

/** A household whose approval has ended leaves its Mockingbird constellation that day; the others stay members. */
async function leaveConstellations(tx: Tx, householdId: string, endedOn: string) {
  await endMembershipsOfHousehold(tx, { householdId, leftOn: endedOn, leftReason: 'Approval ended' });
}
