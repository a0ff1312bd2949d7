import { awCodeFor, type AwCode, type ClosureReasonCode, type PersonsChoiceCode } from '~/modules/codes/closure-reasons';
import type { Random } from './random';

// Where each case is heading if nothing stops it first: approval, or a closure from a given stage with a reason.
// The journey is then dated forward from the enquiry and cut at asOf, so recent cases are still open part-way along. The rates give roughly a quarter of mainstream enquiries reaching application and
// about half of applications reaching approval (DOMAIN.md §6.7: LA enquiry → application 12%, FfEM's target 25%,
// Foster with North East 23.1%; national application → approval about 51%).

export type Outcome = {
  stage: string;
  closedFromStage?: string;
  closeReasonCode?: ClosureReasonCode;
  awCode?: AwCode;
};

type Weighted<T> = readonly (readonly [T, number])[];

const closeFrom = (closedFromStage: string, closeReasonCode: ClosureReasonCode, awCode?: AwCode): Outcome => ({
  stage: 'closed',
  closedFromStage,
  closeReasonCode,
  ...(awCode ? { awCode } : {}),
});

const withdrawAfterApplication = (random: Random, fromStage: string): Outcome => {
  const reason = random.weighted<PersonsChoiceCode>([
    ['HOUSEHOLD_CHANGE', 5],
    ['NOT_AS_EXPECTED', 3],
    ['PROCESS', 2],
    ['FINANCES', 3],
    ['ALLEGATIONS_RISK', 1],
    ['WORK_AVAILABILITY', 3],
    ['HEALTH', 2],
    ['NOT_NOW', 2],
    ['OTHER_PROVIDER', 2],
  ]);
  return closeFrom(fromStage, reason, awCodeFor(reason));
};

const ENQUIRY_CONTACTED_CLOSURES: Weighted<ClosureReasonCode> = [
  ['INFO_ONLY', 30],
  ['NOT_NOW', 20],
  ['NO_SPARE_ROOM', 15],
  ['HOUSING', 8],
  ['ADOPTION_SIGNPOSTED', 6],
  ['SUPPORTED_LODGINGS_REFERRED', 5],
  ['KINSHIP_REFERRED', 4],
  ['WORK_AVAILABILITY', 6],
  ['FINANCES', 3],
  ['DUPLICATE', 3],
];

/** A mainstream enquiry's destination. Outside-area enquiries are chosen before this. */
export function chooseMainstreamOutcome(random: Random): Outcome {
  if (random.chance(0.15)) return closeFrom('enquiry.received', 'NO_CONTACT');
  if (random.chance(0.38)) return closeFrom('enquiry.contacted', random.weighted(ENQUIRY_CONTACTED_CLOSURES));
  if (random.chance(0.06)) return closeFrom('enquiry.visitBooked', random.pick(['NOT_NOW', 'NO_RESPONSE'] as const));
  if (random.chance(0.25)) {
    return closeFrom(
      'enquiry.visited',
      random.weighted<ClosureReasonCode>([['NOT_PROGRESSED', 4], ['COUNSELLED_OUT', 3], ['NOT_NOW', 2], ['HOUSEHOLD_CHANGE', 1]]),
    );
  }
  if (random.chance(0.35)) {
    return closeFrom('invited', random.weighted<ClosureReasonCode>([['NO_RESPONSE', 5], ['NOT_NOW', 3], ['FINANCES', 1], ['WORK_AVAILABILITY', 1], ['OTHER_PROVIDER', 1]]));
  }
  if (random.chance(0.05)) return withdrawAfterApplication(random, 'application.submitted');
  if (random.chance(0.02)) return withdrawAfterApplication(random, 'application.allocation');
  if (random.chance(0.08)) return closeFrom('assessment.stage1', 'STAGE1_NOT_SUITABLE');
  if (random.chance(0.14)) return withdrawAfterApplication(random, 'assessment.stage1');
  if (random.chance(0.2)) return withdrawAfterApplication(random, 'assessment.stage2');
  if (random.chance(0.01)) return withdrawAfterApplication(random, 'assessment.readyForPanel');
  if (random.chance(0.02)) return closeFrom(random.pick(['decision.qdFinal', 'decision.qdReview'] as const), 'NOT_APPROVED');
  return { stage: 'approved' };
}

/** A kinship referral's destination (DOMAIN.md §3.2): about half of connected people are approved for the named child. */
export function chooseKinshipOutcome(random: Random): Outcome {
  if (random.chance(0.03)) return closeFrom('kinship.referral', random.pick(['CHILD_RETURNED_HOME', 'DUPLICATE'] as const));
  if (random.chance(0.33)) {
    return closeFrom('kinship.viability', random.weighted<ClosureReasonCode>([['VIABILITY_NEGATIVE', 8], ['CHILD_RETURNED_HOME', 2], ['NOT_NOW', 1]]));
  }
  const assessmentStage = random.chance(0.65) ? 'kinship.temporaryApproval' : 'kinship.fullAssessment';
  if (random.chance(0.2)) {
    return closeFrom(
      assessmentStage,
      random.weighted<ClosureReasonCode>([['PLACEMENT_ENDED', 4], ['CHILD_RETURNED_HOME', 2], ['SGO_GRANTED', 3], ['CAO_GRANTED', 1], ['HOUSEHOLD_CHANGE', 1]]),
    );
  }
  if (random.chance(0.02)) return closeFrom('decision.qdFinal', 'NOT_APPROVED');
  return { stage: 'approved' };
}
