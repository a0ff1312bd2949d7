import type { PipelineRoute } from '~/modules/pipeline/machine';
import { stageOf, stagesForRoute } from '~/modules/pipeline/stages';
import { COUNCIL_DEMO_SHARES, COUNCIL_IDS, COUNCIL_REFERENCE_PREFIX, type CouncilId } from './councils';
import { addDays, daysBetween, londonInstant } from './dates';
import { DEMO_LOGINS, TEST_APPLICANT_LOGINS, type DemoLogin } from './demo-logins';
import { enquiryMoments, type EnquiryMoment } from './enquiry-volume';
import { kinshipProfile, kinshipTerms, mainstreamProfile, mainstreamTerms, type EnquiryProfile } from './enquiry-profile';
import { datePath, pathFor, stepThrough, type Journey, type JourneyDetails, type JourneyPlan, type KinshipVariant } from './journeys';
import { chooseKinshipOutcome, chooseMainstreamOutcome, type Outcome } from './outcomes';
import { COUNCIL_DISTRICTS, OUTSIDE_AREA_DISTRICTS, randomAddress } from './postcodes';
import { randomFor, type Random } from './random';
import { WORKERS } from './staff';

// One plan per case: where it lives, how it arrived, where it is heading and the journey it has taken by asOf.
// Random cases follow the volumes and funnel; "coverage" cases are then placed so that every stage of each route
// has a case resting in it in every council, which the demo and the tests both rely on.

export type CasePlan = {
  key: string;
  route: PipelineRoute;
  councilId: CouncilId | null;
  address: { postcode: string; town: string };
  outsideArea: boolean;
  enquiryDate: string;
  receivedAt: Date;
  profile: EnquiryProfile;
  journeyPlan: JourneyPlan;
  details: JourneyDetails;
  allocationReason: string | null;
  childReferences: string[];
  hubOfficerId: string;
  journey: Journey;
  /** The sign-in whose person is this household's applicant, for the demo's and the browser tests' applicants. */
  applicantLogin: DemoLogin | null;
};

const KINSHIP_SHARE = 0.25;
const OUTSIDE_AREA_SHARE = 0.015;
const NEIGHBOUR_ALLOCATION_SHARE = 0.03;
const NEIGHBOUR: Record<CouncilId, CouncilId> = {
  'derby-city': 'derbyshire',
  derbyshire: 'derby-city',
  'nottingham-city': 'nottinghamshire',
  nottinghamshire: 'nottingham-city',
};

const HELD_FROM_STAGES = ['enquiry.contacted', 'invited', 'application.submitted', 'assessment.stage2'] as const;

export type PlanSeed = {
  key: string;
  route: PipelineRoute;
  councilId: CouncilId | null;
  outcome: Outcome;
  applicantLogin?: DemoLogin;
};

function drawCouncil(random: Random): CouncilId {
  return random.weighted(COUNCIL_DEMO_SHARES);
}

function childReferencesFor(random: Random, councilId: CouncilId | null): string[] {
  if (!councilId) return [];
  const count = random.chance(0.2) ? 2 : 1;
  return Array.from({ length: count }, () => `${COUNCIL_REFERENCE_PREFIX[councilId]}-CHILD-${String(random.int(100, 99_999)).padStart(5, '0')}`);
}

/** Everything about a case except its dates. */
function describeCase(seed: PlanSeed, enquiryDate: string): Omit<CasePlan, 'journey' | 'enquiryDate' | 'receivedAt'> {
  const random = randomFor('case', seed.key);
  const { route, councilId, outcome } = seed;
  const outsideDistrict = councilId === null ? random.pick(OUTSIDE_AREA_DISTRICTS) : null;
  const address = randomAddress(random, outsideDistrict ?? random.pick(COUNCIL_DISTRICTS[councilId ?? 'derby-city']));
  const profile = route === 'kinship' ? kinshipProfile(random) : mainstreamProfile(random, enquiryDate, outcome);
  const childReferences = route === 'kinship' ? childReferencesFor(random, councilId) : [];
  const allocatedElsewhere = councilId !== null && route === 'mainstream' && random.chance(NEIGHBOUR_ALLOCATION_SHARE);
  const kinshipVariant = random.weighted<KinshipVariant>([['temporaryApproval', 55], ['extension', 20], ['fullAssessment', 25]]);
  const failedContactAttempts =
    outcome.closeReasonCode === 'NO_CONTACT' ? random.int(2, 3) : random.weighted([[0, 6], [1, 3], [2, 1]] as const);
  return {
    key: seed.key,
    route,
    councilId,
    address,
    outsideArea: outsideDistrict !== null,
    profile,
    journeyPlan: {
      route,
      councilId,
      outcome,
      heldFromStage: outcome.stage === 'onHold' ? random.pick(HELD_FROM_STAGES) : undefined,
      kinshipVariant: route === 'kinship' ? kinshipVariant : undefined,
      failedContactAttempts: route === 'mainstream' ? failedContactAttempts : 0,
    },
    details: {
      allocationCouncilId: councilId && allocatedElsewhere ? NEIGHBOUR[councilId] : councilId,
      signpostedTo: outsideDistrict?.signpostedTo,
      approvalTerms: route === 'kinship' ? kinshipTerms(random, childReferences) : mainstreamTerms(random, profile.interests),
    },
    allocationReason: allocatedElsewhere
      ? "The applicant works in their home council's children's services, so a neighbouring council assesses to avoid a conflict of interest"
      : null,
    childReferences,
    hubOfficerId: random.chance(0.65) ? WORKERS.hubOfficers[0] : WORKERS.hubOfficers[1],
    applicantLogin: seed.applicantLogin ?? null,
  };
}

function planFromMoment(moment: EnquiryMoment, asOf: string): CasePlan {
  const random = randomFor('destination', moment.key);
  const route: PipelineRoute = random.chance(KINSHIP_SHARE) ? 'kinship' : 'mainstream';
  const outside = route === 'mainstream' && random.chance(OUTSIDE_AREA_SHARE);
  const outcome: Outcome = outside
    ? { stage: 'closed', closedFromStage: 'enquiry.contacted', closeReasonCode: 'OUTSIDE_AREA_SIGNPOSTED' }
    : route === 'kinship'
      ? chooseKinshipOutcome(random)
      : chooseMainstreamOutcome(random);
  const described = describeCase({ key: moment.key, route, councilId: outside ? null : drawCouncil(random), outcome }, moment.date);
  const events = datePath(route, pathFor(described.journeyPlan), moment.date, asOf, randomFor('journey', moment.key), described.details);
  const journey = stepThrough(described.journeyPlan, events);
  return { ...described, enquiryDate: moment.date, receivedAt: moment.receivedAt, journey };
}

const FAR_FUTURE = '9999-12-31';

/**
 * A case whose journey reaches its destination shortly before `restOn`. Dating the path once from an early start
 * measures the journey; moving the start by whole weeks keeps weekdays, so the real dates land where the probe
 * said, give or take a bank holiday, which a further week back absorbs.
 */
export function planRestingAt(seed: PlanSeed, restOn: string, maxDaysSinceLastStep: number): CasePlan {
  const probeStart = addDays(restOn, -7 * 300);
  const described = describeCase(seed, restOn);
  const path = pathFor(described.journeyPlan);
  const datedFrom = (start: string, until: string) =>
    datePath(seed.route, path, start, until, randomFor('journey', seed.key), described.details);
  const probe = datedFrom(probeStart, FAR_FUTURE);
  const lastStep = probe.at(-1)?.occurredOn ?? probeStart;
  const restRandom = randomFor('rest', seed.key);
  const weeks = Math.floor(daysBetween(lastStep, addDays(restOn, -restRandom.int(0, maxDaysSinceLastStep))) / 7);
  for (let weeksBack = 0; weeksBack < 4; weeksBack += 1) {
    const enquiryDate = addDays(probeStart, (weeks - weeksBack) * 7);
    const events = datedFrom(enquiryDate, restOn);
    if (events.length === path.length) {
      const journey = stepThrough(described.journeyPlan, events);
      return { ...described, enquiryDate, receivedAt: londonInstant(enquiryDate, 10, restRandom.int(0, 59)), journey };
    }
  }
  throw new Error(`Seed: could not place a case to rest at ${seed.outcome.stage} by ${restOn}`);
}

const COVERAGE_CLOSURE: Record<PipelineRoute, Outcome> = {
  mainstream: { stage: 'closed', closedFromStage: 'enquiry.contacted', closeReasonCode: 'INFO_ONLY' },
  kinship: { stage: 'closed', closedFromStage: 'kinship.viability', closeReasonCode: 'VIABILITY_NEGATIVE' },
};

function coveragePlans(plans: readonly CasePlan[], asOf: string): CasePlan[] {
  const counts = new Map<string, number>();
  for (const plan of plans) {
    const key = `${plan.route}|${plan.councilId}|${stageOf(plan.journey.snapshot)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const added: CasePlan[] = [];
  for (const route of ['mainstream', 'kinship'] as const) {
    for (const stage of stagesForRoute(route)) {
      for (const councilId of COUNCIL_IDS) {
        if ((counts.get(`${route}|${councilId}|${stage}`) ?? 0) > 0) continue;
        const key = `coverage:${route}:${stage}:${councilId}`;
        const outcome: Outcome = stage === 'closed' ? COVERAGE_CLOSURE[route] : { stage };
        added.push(planRestingAt({ key, route, councilId, outcome }, asOf, stage === 'enquiry.received' ? 1 : 12));
      }
    }
  }
  return added;
}

/** A Derby City household invited to apply in the last few days, whose applicant signs in as `applicantLogin`. */
function planInvitedApplicant(key: string, applicantLogin: DemoLogin, asOf: string): CasePlan {
  return planRestingAt({ key, route: 'mainstream', councilId: 'derby-city', outcome: { stage: 'invited' }, applicantLogin }, asOf, 6);
}

/** Every case from the lead-in before the three-year window up to asOf, oldest enquiry first. */
export function planCases(asOf: string): CasePlan[] {
  const random = enquiryMoments(asOf).map((moment) => planFromMoment(moment, asOf));
  const demoApplicant = DEMO_LOGINS.find((login) => login.role === 'applicant');
  if (!demoApplicant) throw new Error('Seed: the demo logins have no applicant');
  const applicant = planInvitedApplicant('demo-applicant', demoApplicant, asOf);
  const all = [...random, applicant];
  return [...all, ...coveragePlans(all, asOf)].sort(
    (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.key.localeCompare(b.key),
  );
}

/** The browser tests' own applicants (TEST_APPLICANT_LOGINS), in that order. */
export function planTestApplicants(asOf: string): CasePlan[] {
  return TEST_APPLICANT_LOGINS.map((login) => planInvitedApplicant(`test-applicant:${login.email}`, login, asOf));
}
