import type { Prisma } from '~/generated/prisma/client';
import type { PipelineContext, PipelineEvent } from '~/modules/pipeline/machine';
import { applicationDateOf, PIPELINE_MACHINE_VERSION } from '~/modules/pipeline/machine';
import { serialiseSnapshot } from '~/modules/pipeline/snapshots';
import { stageHasTag, stageOf } from '~/modules/pipeline/stages';
import type { CasePlan } from './case-plans';
import type { CouncilId } from './councils';
import { londonInstant } from './dates';
import type { ApprovalTermsPayload, JourneyStep } from './journeys';
import { buildIdentity } from './people';
import { randomFor, type Random } from './random';
import { userIdFor, WORKERS } from './staff';

// Household, Person, HouseholdInterest and PipelineTransition rows for every planned case, with the pipeline's
// columns (stage, snapshot, machine version) and the denormalised dates taken from the final snapshot's context.

export type SeededHousehold = {
  id: string;
  route: 'mainstream' | 'kinship';
  /** The council that owns the case after handover (kinship: from the start). */
  allocatedCouncilId: CouncilId | null;
  displayName: string;
  stage: string;
  context: PipelineContext;
  steps: readonly TimedStep[];
  approvalTerms: ApprovalTermsPayload;
  childReferences: readonly string[];
  ownerId: string;
  hubOfficerId: string;
  receivedAt: Date;
  lastActivityAt: Date;
  row: Prisma.HouseholdCreateManyInput;
  people: Prisma.PersonCreateManyInput[];
  interests: Prisma.HouseholdInterestCreateManyInput[];
  transitions: Prisma.PipelineTransitionCreateManyInput[];
};

export type TimedStep = JourneyStep & { occurredAt: Date; actorId: string };

// Ofcom's drama range is small (names.ts), so not every household gives a phone number.
const PHONE_SHARE = { mainstream: 0.7, kinship: 0.3 } as const;

const householdId = (number: number) => `seed-hh-${String(number).padStart(6, '0')}`;

/** The worker who would have recorded this event. */
function actorFor(event: PipelineEvent, fromStage: string, plan: CasePlan, councilId: CouncilId | null): string {
  if (councilId === null || (plan.route === 'mainstream' && stageHasTag(fromStage, 'hubOwned'))) {
    if (event.type === 'ALLOCATION_PROPOSED') return WORKERS.hubManager;
    if (event.type === 'ALLOCATION_ACCEPTED' && councilId) return WORKERS.fosteringManager(councilId);
    return plan.hubOfficerId;
  }
  switch (event.type) {
    case 'PANEL_BOOKED':
    case 'PAPERS_SENT':
    case 'PANEL_RECOMMENDED':
    case 'FINAL_MINUTES_RECEIVED':
      return WORKERS.panelAdviser(councilId);
    case 'APPROVE':
    case 'PROPOSE_NOT_TO_APPROVE':
    case 'CONFIRM_NOT_APPROVED':
      return WORKERS.decisionMaker(councilId);
    // A nominated officer approves temporary approval and its extension (DOMAIN.md §3.2).
    case 'TEMPORARY_APPROVAL_GRANTED':
    case 'EXTENSION_GRANTED':
      return WORKERS.fosteringManager(councilId);
    default:
      return WORKERS.socialWorker(councilId);
  }
}

/** Office-hours times, strictly increasing through a household's history. */
function timeSteps(
  steps: readonly JourneyStep[],
  receivedAt: Date,
  asOf: string,
  random: Random,
  actorOf: (step: JourneyStep) => string,
): TimedStep[] {
  let previous = receivedAt;
  return steps.map((step) => {
    // Steps on asOf itself happen first thing, so that when asOf is today nothing is dated later than the seed run.
    const hour = step.event.occurredOn === asOf ? 8 : random.int(9, 16);
    let occurredAt = londonInstant(step.event.occurredOn, hour, random.int(0, 59));
    if (occurredAt <= previous) occurredAt = new Date(previous.getTime() + random.int(5, 90) * 60_000);
    previous = occurredAt;
    return { ...step, occurredAt, actorId: actorOf(step) };
  });
}

// As the pipeline writer records them (transition.server.ts): the free-text reason, the closure code on the step
// into 'closed', and the whole event as its payload.
function reasonOf(event: PipelineEvent): string | null {
  return 'reason' in event && typeof event.reason === 'string' ? event.reason : null;
}

function seedHousehold(plan: CasePlan, number: number, phone: string | null, asOf: string): SeededHousehold {
  const id = householdId(number);
  const random = randomFor('household-rows', plan.key);
  const { snapshot } = plan.journey;
  const context = snapshot.context;
  const stage = stageOf(snapshot);
  const handedOver = plan.route === 'kinship' || context.handoverOn !== null;
  const allocatedCouncilId = (handedOver ? context.allocatedCouncilId : null) as CouncilId | null;
  const councilId = allocatedCouncilId ?? plan.councilId;
  const ownerId = handedOver && allocatedCouncilId ? WORKERS.socialWorker(allocatedCouncilId) : plan.hubOfficerId;
  const identity = buildIdentity(random, {
    householdId: id,
    householdNumber: number,
    enquiryDate: plan.enquiryDate,
    phone,
    kinship: plan.route === 'kinship',
    createdAt: plan.receivedAt,
    fixed: plan.applicantLogin
      ? {
          firstName: plan.applicantLogin.name.split(' ')[0],
          surname: plan.applicantLogin.name.split(' ')[1],
          email: plan.applicantLogin.email,
          userId: userIdFor(plan.applicantLogin.email),
        }
      : undefined,
  });
  const steps = timeSteps(plan.journey.steps, plan.receivedAt, asOf, random, (step) =>
    actorFor(step.event, step.fromStage, plan, (step.event.type === 'ALLOCATION_ACCEPTED' ? context.allocatedCouncilId : councilId) as CouncilId | null),
  );
  const lastActivityAt = steps.at(-1)?.occurredAt ?? plan.receivedAt;
  const displayName = `${identity.surname} household`;

  const row: Prisma.HouseholdCreateManyInput = {
    id,
    reference: '', // numbered per year once every household is known
    displayName,
    route: plan.route,
    channel: plan.profile.channel,
    source: plan.profile.source,
    origin: 'seed',
    email: identity.email,
    phone,
    preferredContactTime: identity.preferredContactTime,
    addressLine1: identity.addressLine1,
    town: plan.address.town,
    postcode: plan.address.postcode,
    spareBedrooms: plan.profile.spareBedrooms,
    outsideArea: plan.outsideArea,
    councilId,
    residenceCouncilId: plan.councilId,
    allocatedCouncilId,
    allocationReason: allocatedCouncilId && allocatedCouncilId !== plan.councilId ? plan.allocationReason : null,
    ownerId,
    stage,
    pipelineSnapshot: serialiseSnapshot(snapshot),
    machineVersion: PIPELINE_MACHINE_VERSION,
    enquiryReceivedAt: plan.receivedAt,
    enquiryDate: plan.enquiryDate,
    initialVisitDate: context.initialVisitCompletedOn,
    applicationDate: applicationDateOf(context),
    handoverDate: context.handoverOn,
    panelDate: context.panelOn,
    approvalDate: context.approvedOn,
    closedDate: context.closedOn,
    closedReason: context.closeReasonCode,
    withdrawalAwCode: context.withdrawalAwCode,
    onHoldSince: stage === 'onHold' ? context.heldOn : null,
    nextDueOn: null,
    lastActivityAt,
    createdAt: plan.receivedAt,
    updatedAt: lastActivityAt,
  };

  const transitions = steps.map((step, index): Prisma.PipelineTransitionCreateManyInput => ({
    id: `seed-tr-${String(number).padStart(6, '0')}-${String(index + 1).padStart(2, '0')}`,
    householdId: id,
    fromStage: step.fromStage,
    toStage: step.toStage,
    event: step.event.type,
    actorId: step.actorId,
    reason: reasonOf(step.event),
    reasonCode: step.toStage === 'closed' ? context.closeReasonCode : null,
    payloadJson: JSON.stringify(step.event),
    occurredOn: step.event.occurredOn,
    occurredAt: step.occurredAt,
    recordedAt: step.occurredAt,
    machineVersion: PIPELINE_MACHINE_VERSION,
  }));

  return {
    id,
    route: plan.route,
    allocatedCouncilId,
    displayName,
    stage,
    context,
    steps,
    approvalTerms: plan.details.approvalTerms,
    childReferences: plan.childReferences,
    ownerId,
    hubOfficerId: plan.hubOfficerId,
    receivedAt: plan.receivedAt,
    lastActivityAt,
    row,
    people: identity.people,
    interests: plan.profile.interests.map((interest) => ({ householdId: id, interest })),
    transitions,
  };
}

export type PhonePool = { take(): string | null };

/**
 * Rows for every planned case, numbered from `firstNumber` in plan order; `referenceFor` names each case from its
 * plan and its place in that year's series.
 */
export function seedHouseholds(
  plans: readonly CasePlan[],
  options: {
    firstNumber: number;
    asOf: string;
    phones: PhonePool;
    referenceFor: (plan: CasePlan, sequenceInYear: number) => string;
  },
): SeededHousehold[] {
  const perYear = new Map<string, number>();
  return plans.map((plan, index) => {
    const wantsPhone = plan.applicantLogin !== null || randomFor('phone', plan.key).chance(PHONE_SHARE[plan.route]);
    const seeded = seedHousehold(plan, options.firstNumber + index, wantsPhone ? options.phones.take() : null, options.asOf);
    const year = plan.enquiryDate.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    seeded.row.reference = options.referenceFor(plan, sequence);
    return seeded;
  });
}
