import type { Prisma } from '~/generated/prisma/client';
import type { SeededApproval } from './approvals';
import { COUNCIL_IDS, COUNCIL_REFERENCE_PREFIX } from './councils';
import { addDays, addMonths, minDate } from './dates';
import type { SeededHousehold } from './households';
import { INVENTED_SURNAMES } from './names';
import { randomFor } from './random';

// Kinship details for every kinship case, and each council's special guardianship support caseload
// (DOMAIN.md §3.2, §3.3).

const RELATIONSHIPS = [
  ['Grandparent', 45],
  ['Aunt or uncle', 25],
  ['Family friend', 12],
  ['Older brother or sister', 8],
  ['Cousin', 5],
  ['Former step-parent', 5],
] as const;

// Regulation 24: temporary approval for up to 16 weeks (DOMAIN.md §3.2); the app's convention counts start as day 0.
const REG_24_DAYS = 16 * 7;

export function buildKinshipDetails(households: readonly SeededHousehold[]): Prisma.KinshipDetailsCreateManyInput[] {
  return households
    .filter((household) => household.route === 'kinship' && household.childReferences.length > 0)
    .map((household) => {
      const random = randomFor('kinship', household.id);
      const { context } = household;
      const start = context.tempApprovalStartOn;
      const assessed = context.fullAssessmentStartedOn ?? start ?? context.viabilityStartedOn;
      return {
        id: household.id.replace('seed-hh-', 'seed-kinship-'),
        householdId: household.id,
        childReference: household.childReferences[0],
        relationship: random.weighted(RELATIONSHIPS),
        viabilityOn: context.viabilityStartedOn,
        tempApprovalStartOn: start,
        tempApprovalEndOn: start ? addDays(start, REG_24_DAYS) : null,
        extensionEndOn: context.extensionEndsOn,
        irmStay: false,
        // Form K has been piloted since 2024 as Form C's replacement (DOMAIN.md §3.2).
        assessmentForm: assessed ? (assessed >= '2024-06-01' && random.chance(0.2) ? 'Form K (2024 pilot)' : 'Form C') : null,
      };
    });
}

const SGO_CASES_PER_COUNCIL = 10;
const LINKED_CASES_PER_COUNCIL = 6;

/**
 * Ten SGO support cases per council: the most recent special guardianship orders made for our own carers (a kinship
 * case that ended in an order, or an approval that ended with SGO_GRANTED), the rest opened directly.
 */
export function buildSgoSupportCases(
  households: readonly SeededHousehold[],
  approvals: readonly SeededApproval[],
  asOf: string,
): Prisma.SgoSupportCaseCreateManyInput[] {
  const orders = [
    ...households
      .filter((household) => household.context.closeReasonCode === 'SGO_GRANTED' && household.context.closedOn)
      .map((household) => ({ household, orderDate: household.context.closedOn as string })),
    ...approvals
      .filter((approval) => approval.reason === 'SGO_GRANTED' && approval.endedOn)
      .map((approval) => ({ household: approval.household, orderDate: approval.endedOn as string })),
  ].sort((a, b) => b.orderDate.localeCompare(a.orderDate) || a.household.id.localeCompare(b.household.id));

  return COUNCIL_IDS.flatMap((councilId) => {
    const random = randomFor('sgo', councilId);
    const linked = orders.filter((order) => order.household.allocatedCouncilId === councilId).slice(0, LINKED_CASES_PER_COUNCIL);
    const direct = Array.from({ length: SGO_CASES_PER_COUNCIL - linked.length }, () => ({
      household: null,
      orderDate: addDays(asOf, -random.int(60, 1500)),
    }));
    return [...linked, ...direct].map(({ household, orderDate }, index) => {
      // DOMAIN.md §3.3: allowances averaged £4,000 to £7,000 a year (2016/17), paid weekly here.
      const weeklyAllowancePence = Math.round((random.int(4_000, 7_000) * 100) / 52 / 10) * 10;
      const closed = random.chance(0.15);
      let nextReviewOn = addMonths(orderDate, 12);
      while (nextReviewOn < addDays(asOf, -random.int(0, 30))) nextReviewOn = addMonths(nextReviewOn, 12);
      return {
        id: `seed-sgo-${councilId}-${String(index + 1).padStart(2, '0')}`,
        councilId,
        householdId: household?.id ?? null,
        reference: `SGO-${COUNCIL_REFERENCE_PREFIX[councilId]}-${String(index + 1).padStart(4, '0')}`,
        guardianDisplayName: household?.displayName ?? `${random.pick(INVENTED_SURNAMES)} household`,
        childReference:
          household?.childReferences[0] ??
          `${COUNCIL_REFERENCE_PREFIX[councilId]}-CHILD-${String(random.int(100, 99_999)).padStart(5, '0')}`,
        orderDate,
        formerCarerStatus: household ? (household.route === 'kinship' ? 'ourKinshipCarer' : 'ourFosterCarer') : 'none',
        supportPlan: 'Support needs assessed under reg 13; allowance reviewed yearly; therapeutic support through the support fund.',
        weeklyAllowancePence,
        allowanceStartOn: orderDate,
        allowanceEndOn: closed ? minDate(asOf, addMonths(orderDate, random.int(6, 30))) : null,
        nextReviewOn: closed ? null : nextReviewOn,
        status: closed ? 'closed' : 'open',
        createdAt: new Date(`${orderDate}T12:00:00Z`),
        updatedAt: new Date(`${orderDate}T12:00:00Z`),
      };
    });
  });
}
