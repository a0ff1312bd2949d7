import type { Prisma } from '~/generated/prisma/client';
import {
  deregistrationGroupOf,
  deregistrationReasonLabel,
  type DeregistrationReasonCode,
} from '~/modules/codes/deregistration-reasons';
import { COUNCIL_REFERENCE_PREFIX, type CouncilId } from './councils';
import { addDays, addMonths, daysBetween, maxDate, minDate, nextWorkingDay } from './dates';
import type { SeededHousehold } from './households';
import { randomFor, type Random } from './random';
import { WORKERS } from './staff';

// Approval episodes, their terms and placements, and the endings: about one approved household in nine stops each
// year (DOMAIN.md §6.5: TFN's national 12%), kinship approvals more often because the named child's care usually
// moves on to an order or back home (§3.3, §4.7).

export type SeededApproval = {
  household: SeededHousehold;
  approvalId: string;
  councilId: CouncilId;
  approvedOn: string;
  endedOn: string | null;
  reason: DeregistrationReasonCode | null;
};

export type ApprovalRows = {
  approvals: Prisma.ApprovalCreateManyInput[];
  terms: Prisma.ApprovalTermsCreateManyInput[];
  placements: Prisma.PlacementSummaryCreateManyInput[];
  deregistrations: Prisma.DeregistrationCreateManyInput[];
  stayingPut: Prisma.StayingPutArrangementCreateManyInput[];
  reviews: Prisma.ApprovalReviewCreateManyInput[];
  seeded: SeededApproval[];
};

/** Reviews older than the last few were held before the system, so only these are seeded. */
const REVIEWS_KEPT = 3;

/**
 * The reviews already held (reg 28, DOMAIN.md §4.3): one on each anniversary before the next one due (or before
 * approval ended), the first at panel. No random draws, so the rest of the seed is unchanged by them.
 */
function reviewsFor(approvalId: string, approvedOn: string, heldBefore: string, recordedById: string): Prisma.ApprovalReviewCreateManyInput[] {
  const held: Prisma.ApprovalReviewCreateManyInput[] = [];
  for (let year = 1, dueOn = addMonths(approvedOn, 12); dueOn < heldBefore; year += 1, dueOn = addMonths(approvedOn, 12 * year)) {
    held.push({
      id: `${approvalId.replace('seed-approval-', 'seed-review-')}-${year}`,
      approvalId,
      dueOn,
      heldOn: dueOn,
      toPanel: year === 1,
      outcome: 'continue',
      recordedById,
      createdAt: new Date(`${dueOn}T12:00:00Z`),
    });
  }
  return held.slice(-REVIEWS_KEPT);
}

const ANNUAL_ENDING_RATE = { mainstream: 0.085, kinship: 0.16 } as const;

const MAINSTREAM_ENDINGS: readonly (readonly [DeregistrationReasonCode, number])[] = [
  ['RETIREMENT_AGE', 20],
  ['HEALTH', 12],
  ['FAMILY_CIRCUMSTANCES', 14],
  ['WORK_FINANCES', 10],
  ['LACK_OF_SUPPORT', 8],
  ['BURNOUT_WELLBEING', 9],
  ['AFTER_ALLEGATION', 3],
  ['MOVED_AWAY', 6],
  ['TRANSFERRED_TO_IFA', 10],
  ['TRANSFERRED_TO_OTHER_LA', 3],
  ['SGO_GRANTED', 6],
  ['CAO_GRANTED', 1],
  ['ADOPTED_CHILD', 3],
  ['STAYING_PUT_ONLY', 6],
  ['TERMINATED_BY_SERVICE', 4],
  ['DECEASED', 1],
  ['OTHER_UNKNOWN', 2],
];

const KINSHIP_ENDINGS: readonly (readonly [DeregistrationReasonCode, number])[] = [
  ['SGO_GRANTED', 35],
  ['CAO_GRANTED', 10],
  ['KINSHIP_CHILD_LEFT', 25],
  ['STAYING_PUT_ONLY', 5],
  ['HEALTH', 6],
  ['FAMILY_CIRCUMSTANCES', 8],
  ['RETIREMENT_AGE', 4],
  ['TERMINATED_BY_SERVICE', 4],
  ['OTHER_UNKNOWN', 3],
];

const RESIGNATION_REASONS = MAINSTREAM_ENDINGS.map(([code]) => code).filter((code) => deregistrationGroupOf(code) === 'resigned');

/** When approval ends, if it ends by asOf: an exponential wait from the start of exposure. */
function endingDate(random: Random, route: 'mainstream' | 'kinship', exposedFrom: string, asOf: string): string | null {
  const dailyRate = -Math.log(1 - ANNUAL_ENDING_RATE[route]) / 365;
  const waitDays = Math.ceil(-Math.log(1 - random.next()) / dailyRate);
  const endsOn = addDays(exposedFrom, waitDays);
  return endsOn <= asOf ? endsOn : null;
}

function exitInterview(random: Random, reason: DeregistrationReasonCode, effectiveOn: string, asOf: string) {
  if (reason === 'DECEASED') return { exitInterview: 'notOffered', exitInterviewJson: null };
  const resigned = deregistrationGroupOf(reason) === 'resigned';
  const recent = daysBetween(effectiveOn, asOf) < 45;
  const status = recent
    ? random.weighted([['offered', 3], ['declined', 1], ['completed', 1]] as const)
    : random.weighted(
        resigned
          ? ([['completed', 45], ['declined', 25], ['offered', 10], ['notOffered', 10]] as const)
          : ([['completed', 25], ['declined', 10], ['offered', 10], ['notOffered', 50]] as const),
      );
  if (status !== 'completed') return { exitInterview: status, exitInterviewJson: null };
  return {
    exitInterview: status,
    exitInterviewJson: JSON.stringify({
      heldOn: minDate(asOf, nextWorkingDay(addDays(effectiveOn, random.int(3, 30)))),
      reasons: [reason],
      wouldReturn: random.chance(resigned ? 0.25 : 0.5),
      wouldRecommend: random.chance(resigned ? 0.55 : 0.8),
    }),
  };
}

function placementsFor(random: Random, approvalId: string, household: SeededHousehold, approvedOn: string, until: string) {
  const rows: Prisma.PlacementSummaryCreateManyInput[] = [];
  const maxChildren = household.approvalTerms.numberOfChildren;
  // A kinship household already cares for the named child, usually from temporary approval onwards.
  let startOn = household.route === 'kinship' ? (household.context.tempApprovalStartOn ?? approvedOn) : addDays(approvedOn, random.int(7, 90));
  while (startOn < until && rows.length < 4) {
    const lastsDays = household.route === 'kinship' ? random.int(400, 2500) : random.weighted([[random.int(3, 40), 3], [random.int(60, 400), 4], [random.int(500, 2500), 3]] as const);
    const endOn = addDays(startOn, lastsDays);
    rows.push({
      id: `${approvalId.replace('seed-approval-', 'seed-placement-')}-${rows.length + 1}`,
      approvalId,
      startOn,
      endOn: endOn < until ? endOn : null,
      numberOfChildren: household.route === 'kinship' ? household.childReferences.length : random.int(1, maxChildren),
    });
    if (endOn >= until || household.route === 'kinship') break;
    startOn = addDays(endOn, random.int(5, 120));
  }
  return rows;
}

export function buildApprovals(households: readonly SeededHousehold[], windowStart: string, asOf: string): ApprovalRows {
  const rows: ApprovalRows = { approvals: [], terms: [], placements: [], deregistrations: [], stayingPut: [], reviews: [], seeded: [] };
  for (const household of households) {
    const approvedOn = household.context.approvedOn;
    const councilId = household.allocatedCouncilId;
    if (!approvedOn || !councilId) continue;
    const random = randomFor('approval', household.id);
    const number = household.id.replace('seed-hh-', '');
    const approvalId = `seed-approval-${number}`;
    const terms = household.approvalTerms;
    const kinship = household.route === 'kinship';

    const endsOn = endingDate(random, household.route, maxDate(approvedOn, windowStart), asOf);
    const reason = endsOn ? random.weighted(kinship ? KINSHIP_ENDINGS : MAINSTREAM_ENDINGS) : null;
    const resigned = reason !== null && deregistrationGroupOf(reason) === 'resigned';
    // Resignation takes effect 28 days after the notice is received (reg 28(13), DOMAIN.md §4.6).
    const effectiveOn = endsOn && resigned ? maxDate(endsOn, addDays(approvedOn, 28)) : endsOn;
    const supervisingWorkerId = WORKERS.socialWorker(councilId);

    // Reviews fall due yearly (reg 28, DOMAIN.md §4.3); a few are a little overdue, for the dashboards to show.
    let nextReviewDueOn = addMonths(approvedOn, 12);
    while (nextReviewDueOn < asOf) nextReviewDueOn = addMonths(nextReviewDueOn, 12);
    const previousDueOn = addMonths(nextReviewDueOn, -12);
    if (previousDueOn > approvedOn && daysBetween(previousDueOn, asOf) <= 75 && random.chance(0.5)) nextReviewDueOn = previousDueOn;
    const tsdDueOn = addMonths(approvedOn, kinship ? 18 : 12);
    const tsdMet = tsdDueOn <= asOf ? random.chance(0.92) : random.chance(0.3) && daysBetween(approvedOn, asOf) > 120;

    rows.approvals.push({
      id: approvalId,
      householdId: household.id,
      councilId,
      approvalType: terms.approvalType,
      approvedOn,
      status: effectiveOn ? 'ended' : 'active',
      endedOn: effectiveOn,
      supervisingWorkerId,
      firstReviewDueOn: addMonths(approvedOn, 12),
      nextReviewDueOn: effectiveOn ? null : nextReviewDueOn,
      tsdDueOn,
      tsdMetOn: tsdMet ? minDate(asOf, addDays(approvedOn, random.int(90, daysBetween(approvedOn, tsdDueOn)))) : null,
      createdAt: household.lastActivityAt,
      updatedAt: household.lastActivityAt,
    });
    rows.terms.push({
      id: `seed-terms-${number}-1`,
      approvalId,
      effectiveFrom: approvedOn,
      numberOfChildren: terms.numberOfChildren,
      minAge: terms.minAge,
      maxAge: terms.maxAge,
      placementKinds: terms.placementKinds.join(','),
      specialisms: terms.specialisms.length > 0 ? terms.specialisms.join(',') : null,
      namedChildren: terms.namedChildren.length > 0 ? terms.namedChildren.join(',') : null,
      createdById: WORKERS.decisionMaker(councilId),
      createdAt: household.lastActivityAt,
    });
    rows.placements.push(...placementsFor(random, approvalId, household, approvedOn, effectiveOn ?? asOf));
    rows.reviews.push(...reviewsFor(approvalId, approvedOn, effectiveOn ?? nextReviewDueOn, supervisingWorkerId));

    if (effectiveOn && reason) {
      rows.deregistrations.push({
        id: `seed-deregistration-${number}`,
        approvalId,
        councilId,
        noticeReceivedOn: resigned ? addDays(effectiveOn, -28) : null,
        endedBy: resigned ? 'carer' : 'council',
        effectiveOn,
        primaryReason: reason,
        reasonGroup: deregistrationGroupOf(reason),
        secondaryReasons: resigned && random.chance(0.2) ? random.pick(RESIGNATION_REASONS.filter((code) => code !== reason)) : null,
        details: random.chance(0.4) ? `${deregistrationReasonLabel(reason)}: discussed with the supervising social worker.` : null,
        ...exitInterview(random, reason, effectiveOn, asOf),
        recordedById: supervisingWorkerId,
        createdAt: new Date(`${effectiveOn}T12:00:00Z`),
      });
    }
    // Staying Put (DOMAIN.md §4.5): some carers give up approval for it, others stay approved alongside it.
    const stayingPutFrom = reason === 'STAYING_PUT_ONLY' ? effectiveOn : !kinship && !effectiveOn && random.chance(0.04) ? minDate(asOf, addDays(approvedOn, random.int(400, 3000))) : null;
    if (stayingPutFrom) {
      const endOn = addDays(stayingPutFrom, random.int(120, 1100));
      rows.stayingPut.push({
        id: `seed-staying-put-${number}`,
        householdId: household.id,
        youngPersonReference: `${COUNCIL_REFERENCE_PREFIX[councilId]}-YP-${number.slice(-5)}`,
        startOn: stayingPutFrom,
        endOn: endOn <= asOf ? endOn : null,
      });
    }
    rows.seeded.push({ household, approvalId, councilId, approvedOn, endedOn: effectiveOn, reason });
  }
  return rows;
}
