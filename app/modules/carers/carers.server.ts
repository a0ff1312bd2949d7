import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { dueDate } from '~/lib/deadlines';
import { NotFound } from '~/lib/errors';
import { approvalScope, assertCan, can } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { approvalSpecialismLabel, approvalTypeLabel, placementKindLabel } from '~/modules/codes/approval';
import { deregistrationReasonLabel } from '~/modules/codes/deregistration-reasons';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { isOpenStage, stageLabel } from '~/modules/pipeline/stages';
import { isKinshipApproval } from './record.server';
import { SUPERVISING_ROLES } from './reviews.server';
import { dueSoonUntil, dueState, resignationEffectiveOn, temporaryApprovalBefore, type TemporaryApproval } from './rules';
import { councilRouteLabel, exitInterviewLabel, reviewOutcomeLabel } from './schemas';

// Reading approved households (DOMAIN.md §4) for the council's list and the record page, always through
// approvalScope: a record outside it is not found.

const PAGE_SIZE = 50;
const DUE_LIST_LIMIT = 100;

const ROW_SELECT = {
  id: true,
  approvedOn: true,
  approvalType: true,
  nextReviewDueOn: true,
  tsdDueOn: true,
  tsdMetOn: true,
  supervisingWorkerId: true,
  household: { select: { reference: true, displayName: true } },
  council: { select: { name: true } },
  deregistration: { select: { effectiveOn: true } },
} satisfies Prisma.ApprovalSelect;

type Row = Prisma.ApprovalGetPayload<{ select: typeof ROW_SELECT }>;

async function workerNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

function toListRow(row: Row, names: Map<string, string>, today: string) {
  return {
    id: row.id,
    reference: row.household.reference,
    displayName: row.household.displayName,
    councilName: row.council.name,
    approvalTypeLabel: approvalTypeLabel(row.approvalType),
    approvedOn: row.approvedOn,
    supervisingWorker: row.supervisingWorkerId ? (names.get(row.supervisingWorkerId) ?? null) : null,
    nextReviewDueOn: row.nextReviewDueOn,
    reviewState: row.nextReviewDueOn ? dueState(row.nextReviewDueOn, today) : null,
    tsdDueOn: row.tsdMetOn ? null : row.tsdDueOn,
    tsdState: row.tsdMetOn || !row.tsdDueOn ? null : dueState(row.tsdDueOn, today),
    leavingOn: row.deregistration?.effectiveOn ?? null,
  };
}

export type CarerListRow = ReturnType<typeof toListRow>;

/** The council's approved households: reviews and TSD overdue or due within 28 days, then every active household. */
export async function listApprovedHouseholdsForViewer(viewer: Viewer, { today, after }: { today: string; after?: string | null }) {
  // Roles with no access to approval records (the Mockingbird liaison, panel members) are refused the page itself.
  assertCan(viewer, 'carers.view', { councilId: viewer.councilId ?? '' });
  const active: Prisma.ApprovalWhereInput = { AND: [approvalScope(viewer), { status: 'active' }] };
  const until = dueSoonUntil(today);
  const reviewsWhere: Prisma.ApprovalWhereInput = { AND: [active, { nextReviewDueOn: { lte: until } }] };
  const tsdWhere: Prisma.ApprovalWhereInput = { AND: [active, { tsdMetOn: null, tsdDueOn: { lte: until } }] };
  const [reviews, tsd, page, counts] = await Promise.all([
    prisma.approval.findMany({ where: reviewsWhere, select: ROW_SELECT, orderBy: [{ nextReviewDueOn: 'asc' }, { id: 'asc' }], take: DUE_LIST_LIMIT }),
    prisma.approval.findMany({ where: tsdWhere, select: ROW_SELECT, orderBy: [{ tsdDueOn: 'asc' }, { id: 'asc' }], take: DUE_LIST_LIMIT }),
    prisma.approval.findMany({
      where: active,
      select: ROW_SELECT,
      orderBy: [{ approvedOn: 'desc' }, { id: 'desc' }],
      take: PAGE_SIZE + 1,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    }),
    Promise.all([
      prisma.approval.count({ where: active }),
      prisma.approval.count({ where: { AND: [active, { nextReviewDueOn: { lt: today } }] } }),
      prisma.approval.count({ where: reviewsWhere }),
      prisma.approval.count({ where: { AND: [active, { tsdMetOn: null, tsdDueOn: { lt: today } }] } }),
      prisma.approval.count({ where: tsdWhere }),
    ]),
  ]);
  const names = await workerNames([...reviews, ...tsd, ...page].map((row) => row.supervisingWorkerId));
  const [activeCount, reviewsOverdue, reviewsDue, tsdOverdue, tsdDue] = counts;
  const hasMore = page.length > PAGE_SIZE;
  const shown = page.slice(0, PAGE_SIZE);
  return {
    today,
    counts: { active: activeCount, reviewsOverdue, reviewsDueSoon: reviewsDue - reviewsOverdue, tsdOverdue, tsdDueSoon: tsdDue - tsdOverdue },
    reviewsDue: reviews.map((row) => toListRow(row, names, today)),
    tsdDue: tsd.map((row) => toListRow(row, names, today)),
    households: shown.map((row) => toListRow(row, names, today)),
    nextCursor: hasMore ? shown[shown.length - 1].id : null,
    showCouncil: viewer.councilId === null,
  };
}


// ---------------------------------------------------------------- the record page

const RECORD_SELECT = {
  id: true,
  householdId: true,
  councilId: true,
  approvalType: true,
  approvedOn: true,
  status: true,
  endedOn: true,
  version: true,
  supervisingWorkerId: true,
  firstReviewDueOn: true,
  nextReviewDueOn: true,
  tsdDueOn: true,
  tsdMetOn: true,
  council: { select: { name: true } },
  household: {
    select: {
      id: true,
      reference: true,
      displayName: true,
      route: true,
      pipelineSnapshot: true,
      machineVersion: true,
      kinship: { select: { tempApprovalStartOn: true, extensionEndOn: true } },
      previousHousehold: { select: { id: true, reference: true, approvals: { select: { id: true, approvedOn: true, endedOn: true }, orderBy: { approvedOn: 'desc' }, take: 1 } } },
      laterHouseholds: { select: { id: true, reference: true, enquiryDate: true, stage: true }, orderBy: { enquiryDate: 'desc' } },
      stayingPut: { select: { id: true, youngPersonReference: true, startOn: true, endOn: true }, orderBy: [{ startOn: 'desc' }, { id: 'asc' }], take: 50 },
    },
  },
  terms: {
    select: { id: true, effectiveFrom: true, numberOfChildren: true, minAge: true, maxAge: true, placementKinds: true, specialisms: true, namedChildren: true, reason: true, createdAt: true },
    orderBy: [{ effectiveFrom: 'desc' }, { createdAt: 'desc' }],
    take: 50,
  },
  reviews: {
    select: { id: true, dueOn: true, heldOn: true, toPanel: true, outcome: true, notes: true },
    orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
    take: 50,
  },
  placements: { select: { id: true, startOn: true, endOn: true, numberOfChildren: true }, orderBy: [{ startOn: 'desc' }, { id: 'asc' }], take: 100 },
  deregistration: {
    select: {
      noticeReceivedOn: true,
      effectiveOn: true,
      primaryReason: true,
      reasonGroup: true,
      details: true,
      exitInterview: true,
      exitInterviewJson: true,
      qdLetterOn: true,
      councilRoute: true,
    },
  },
} satisfies Prisma.ApprovalSelect;

const splitCodes = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

type ExitAnswers = { heldOn: string; reasons: string[]; wouldReturn: boolean; wouldRecommend: boolean; comments: string | null };

function parseExitAnswers(json: string | null): ExitAnswers | null {
  if (!json) return null;
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || !('heldOn' in parsed) || typeof parsed.heldOn !== 'string') return null;
  const read = parsed as Partial<ExitAnswers>;
  return {
    heldOn: parsed.heldOn,
    reasons: Array.isArray(read.reasons) ? read.reasons.filter((code): code is string => typeof code === 'string') : [],
    wouldReturn: read.wouldReturn === true,
    wouldRecommend: read.wouldRecommend === true,
    comments: typeof read.comments === 'string' ? read.comments : null,
  };
}

/**
 * The pipeline keeps the Reg 24/25 dates in its snapshot; KinshipDetails holds them for households keyed in before the
 * pipeline recorded them. Null when the household went straight to full approval.
 */
function temporaryApprovalOf(
  approvedOn: string,
  household: { pipelineSnapshot: string; machineVersion: number; kinship: { tempApprovalStartOn: string | null; extensionEndOn: string | null } | null },
): TemporaryApproval | null {
  const { context } = restoreSnapshot(household.pipelineSnapshot, household.machineVersion);
  const startOn = context.tempApprovalStartOn ?? household.kinship?.tempApprovalStartOn ?? null;
  if (startOn === null) return null;
  const extensionEndOn = context.tempApprovalStartOn !== null ? context.extensionEndsOn : (household.kinship?.extensionEndOn ?? null);
  return temporaryApprovalBefore(approvedOn, startOn, extensionEndOn);
}

/** Everything the record page shows, with what this viewer may do; NotFound outside their scope. */
export async function getCarerRecordForViewer(viewer: Viewer, approvalId: string, today: string) {
  const approval = await prisma.approval.findFirst({ where: { AND: [approvalScope(viewer), { id: approvalId }] }, select: RECORD_SELECT });
  if (!approval) throw new NotFound('Approved household not found');
  const council = { councilId: approval.councilId };
  const active = approval.status === 'active';
  const permissions = {
    manage: can(viewer, 'carers.manage', council),
    assignSupervisor: can(viewer, 'carers.assignSupervisor', council) && active,
    endApproval: can(viewer, 'carers.endApproval', council),
  };
  const staff = permissions.assignSupervisor
    ? await prisma.user.findMany({
        where: { councilId: approval.councilId, active: true, role: { in: [...SUPERVISING_ROLES] } },
        select: { id: true, name: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: 200,
      })
    : [];
  const names = await workerNames([approval.supervisingWorkerId]);
  const kinship = isKinshipApproval(approval);
  const heldReviews = approval.reviews.filter((review) => review.heldOn !== null);
  const nextReviewDueOn = approval.nextReviewDueOn ?? (active ? dueDate('firstReview', approval.approvedOn) : null);
  const ending = approval.deregistration;
  const temporaryApproval = kinship ? temporaryApprovalOf(approval.approvedOn, approval.household) : null;
  return {
    today,
    version: approval.version,
    approval: {
      id: approval.id,
      councilName: approval.council.name,
      approvalTypeLabel: approvalTypeLabel(approval.approvalType),
      approvedOn: approval.approvedOn,
      status: approval.status,
      endedOn: approval.endedOn,
      kinship,
      supervisingWorkerId: approval.supervisingWorkerId,
      supervisingWorker: approval.supervisingWorkerId ? (names.get(approval.supervisingWorkerId) ?? null) : null,
      tsdDueOn: approval.tsdDueOn,
      tsdMetOn: approval.tsdMetOn,
      tsdState: approval.tsdMetOn || !approval.tsdDueOn || !active ? null : dueState(approval.tsdDueOn, today),
      temporaryApproval,
    },
    household: {
      id: approval.household.id,
      reference: approval.household.reference,
      displayName: approval.household.displayName,
      previous: approval.household.previousHousehold
        ? {
            reference: approval.household.previousHousehold.reference,
            approvalId: approval.household.previousHousehold.approvals[0]?.id ?? null,
            approvedOn: approval.household.previousHousehold.approvals[0]?.approvedOn ?? null,
            endedOn: approval.household.previousHousehold.approvals[0]?.endedOn ?? null,
          }
        : null,
      returns: approval.household.laterHouseholds.map((later) => ({
        id: later.id,
        reference: later.reference,
        enquiryDate: later.enquiryDate,
        stageLabel: stageLabel(later.stage),
        open: isOpenStage(later.stage),
      })),
    },
    review: {
      nextDueOn: active ? nextReviewDueOn : null,
      state: active && nextReviewDueOn ? dueState(nextReviewDueOn, today) : null,
      nextGoesToPanel: heldReviews.length === 0 && nextReviewDueOn === (approval.firstReviewDueOn ?? dueDate('firstReview', approval.approvedOn)),
    },
    terms: approval.terms.map((terms, index) => ({
      id: terms.id,
      current: index === 0,
      effectiveFrom: terms.effectiveFrom,
      numberOfChildren: terms.numberOfChildren,
      minAge: terms.minAge,
      maxAge: terms.maxAge,
      placementKinds: splitCodes(terms.placementKinds),
      placementKindLabels: splitCodes(terms.placementKinds).map(placementKindLabel),
      specialisms: splitCodes(terms.specialisms),
      specialismLabels: splitCodes(terms.specialisms).map(approvalSpecialismLabel),
      namedChildren: splitCodes(terms.namedChildren),
      reason: terms.reason,
    })),
    reviews: approval.reviews.map((review) => ({
      id: review.id,
      dueOn: review.dueOn,
      heldOn: review.heldOn,
      toPanel: review.toPanel,
      outcome: review.outcome,
      outcomeLabel: review.outcome ? reviewOutcomeLabel(review.outcome) : null,
      notes: review.notes,
    })),
    terminationReviews: approval.reviews
      .filter((review) => review.outcome === 'terminate' && review.heldOn !== null)
      .map((review) => ({ id: review.id, heldOn: review.heldOn ?? '' })),
    placements: approval.placements,
    stayingPut: approval.household.stayingPut,
    ending: ending
      ? {
          noticeReceivedOn: ending.noticeReceivedOn,
          effectiveOn: ending.effectiveOn,
          reasonLabel: deregistrationReasonLabel(ending.primaryReason),
          reasonGroup: ending.reasonGroup,
          details: ending.details,
          qdLetterOn: ending.qdLetterOn,
          councilRouteLabel: ending.councilRoute ? councilRouteLabel(ending.councilRoute) : null,
          exitInterview: ending.exitInterview,
          exitInterviewLabel: exitInterviewLabel(ending.exitInterview),
          exitAnswers: parseExitAnswers(ending.exitInterviewJson),
        }
      : null,
    noticeExample: { receivedOn: today, effectiveOn: resignationEffectiveOn(today) },
    permissions,
    staff: staff.map((member) => ({ value: member.id, label: member.name })),
  };
}

export type CarerRecord = Awaited<ReturnType<typeof getCarerRecordForViewer>>;
