import { transition } from 'xstate';
import { PIPELINE_EVENT_SCHEMAS } from '~/modules/pipeline/events';
import { pipelineMachine, type PipelineEvent, type PipelineRoute } from '~/modules/pipeline/machine';
import { buildEventsToStage, initialSnapshot, type BuildEventsOptions, type PipelineSnapshot } from '~/modules/pipeline/snapshots';
import { stageOf } from '~/modules/pipeline/stages';
import { addDays, maxDate, nextWorkingDay } from './dates';
import type { Outcome } from './outcomes';
import type { Random } from './random';

// A case's history: the pipeline's own realistic path to its destination (buildEventsToStage), given dates that
// work forward from the enquiry, then stepped through the machine's pure transition one event at a time and cut at
// asOf. Every dated payload is parsed with its event's schema, so the seed stores only what the app would accept.

/** How a kinship assessment runs before its report: Regulation 24 temporary approval, with or without the
 * Regulation 25 extension, or a full assessment with the child placed elsewhere (DOMAIN.md §3.2). */
export type KinshipVariant = 'temporaryApproval' | 'extension' | 'fullAssessment';

export type JourneyPlan = {
  route: PipelineRoute;
  councilId: string | null;
  outcome: Outcome;
  heldFromStage?: string;
  kinshipVariant?: KinshipVariant;
  failedContactAttempts: number;
};

export type JourneyDetails = {
  /** The council a mainstream application is allocated to (usually the council of residence). */
  allocationCouncilId: string | null;
  signpostedTo?: string;
  approvalTerms: ApprovalTermsPayload;
};

export type ApprovalTermsPayload = {
  approvalType: 'mainstream' | 'kinship' | 'shortBreaks' | 'contractCare';
  numberOfChildren: number;
  minAge: number;
  maxAge: number;
  placementKinds: string[];
  specialisms: string[];
  namedChildren: string[];
};

export type JourneyStep = { event: PipelineEvent; fromStage: string; toStage: string };

export type Journey = { steps: JourneyStep[]; snapshot: PipelineSnapshot };

const KINSHIP_REPORT = 'CONNECTED_PERSON_REPORT_COMPLETED';

// The pipeline validates every event it builds, which is too slow to repeat for 3,000 cases; a path's shape depends
// only on where it goes, so each distinct destination is built once and its council-specific payloads are patched
// when it is dated.
const pathCache = new Map<string, readonly PipelineEvent[]>();
const UNDATED = '2000-01-01';

function cachedPath(route: PipelineRoute, stage: string, extra: Omit<BuildEventsOptions, 'route' | 'stage' | 'dates'>) {
  const key = JSON.stringify([route, stage, extra.closedFromStage, extra.closeReasonCode, extra.heldFromStage]);
  let path = pathCache.get(key);
  if (!path) {
    path = buildEventsToStage({ route, stage, dates: [UNDATED], ...extra });
    pathCache.set(key, path);
  }
  return path;
}

/** The undated event path: the pipeline's path to the destination, with the seed's variations spliced in. */
export function pathFor(plan: JourneyPlan): PipelineEvent[] {
  const { route, outcome } = plan;
  let events = [
    ...cachedPath(route, outcome.stage, {
      closedFromStage: outcome.closedFromStage,
      closeReasonCode: outcome.closeReasonCode,
      heldFromStage: plan.heldFromStage,
    }),
  ];

  // The pipeline's shortest kinship path is always temporary approval; vary it where the case passes the report.
  const reportIndex = events.findIndex((event) => event.type === KINSHIP_REPORT);
  if (route === 'kinship' && reportIndex >= 0 && plan.kinshipVariant && plan.kinshipVariant !== 'temporaryApproval') {
    events = [...cachedPath(route, `kinship.${plan.kinshipVariant}`, {}), ...events.slice(reportIndex)];
  }

  if (route === 'mainstream' && plan.failedContactAttempts > 0) {
    const attempts = Array.from({ length: plan.failedContactAttempts }, (): PipelineEvent => ({
      type: 'CONTACT_ATTEMPT_FAILED',
      occurredOn: UNDATED,
    }));
    events = [...attempts, ...events];
  }
  return events;
}

type DatingState = {
  previous: string;
  visitOn?: string;
  panelOn?: string;
  letterOn?: string;
  tempApprovalStartOn?: string;
  extensionEndsOn?: string;
  challenged: boolean;
  route: PipelineRoute;
};

const workingDayAfter = (date: string, days: number) => nextWorkingDay(addDays(date, days));

/** When this event happens, and any payload dates that must agree with it. */
function dateEvent(
  event: PipelineEvent,
  state: DatingState,
  random: Random,
  details: JourneyDetails,
): { on: string; patch: Record<string, unknown> } {
  const after = (min: number, max: number) => workingDayAfter(state.previous, random.int(min, max));
  switch (event.type) {
    case 'CONTACT_ATTEMPT_FAILED':
      return { on: after(0, 3), patch: {} };
    case 'CONTACT_MADE':
      return { on: after(0, 3), patch: {} };
    case 'VISIT_BOOKED': {
      const on = after(0, 3);
      return { on, patch: { visitOn: workingDayAfter(on, random.int(3, 12)) } };
    }
    case 'VISIT_COMPLETED':
      return { on: state.visitOn ?? after(3, 12), patch: {} };
    case 'INVITE':
      return { on: after(0, 4), patch: {} };
    case 'APPLICATION_RECEIVED':
      return { on: addDays(state.previous, random.int(10, 70)), patch: {} };
    case 'ALLOCATION_PROPOSED':
      return { on: after(1, 6), patch: { councilId: details.allocationCouncilId } };
    case 'ALLOCATION_ACCEPTED':
      return { on: after(2, 12), patch: {} };
    case 'STAGE1_CHECKS_CLEARED':
      return { on: after(35, 75), patch: {} };
    case 'STAGE1_PROCEED':
      return { on: after(1, 9), patch: {} };
    case 'FORM_F_COMPLETED':
      return { on: after(70, 130), patch: {} };
    // Kinship panels are fitted in before temporary approval runs out (DOMAIN.md §3.2).
    case 'PANEL_BOOKED': {
      const on = state.route === 'kinship' ? after(1, 5) : after(1, 10);
      return { on, patch: { panelOn: workingDayAfter(on, state.route === 'kinship' ? random.int(7, 14) : random.int(10, 28)) } };
    }
    case 'PAPERS_SENT':
      return { on: maxDate(state.previous, nextWorkingDay(addDays(state.panelOn ?? state.previous, -random.int(7, 9)))), patch: {} };
    case 'PANEL_RECOMMENDED':
      return { on: state.panelOn ?? after(5, 10), patch: {} };
    case 'FINAL_MINUTES_RECEIVED':
      return { on: state.route === 'kinship' ? after(3, 7) : after(5, 14), patch: {} };
    case 'APPROVE':
      return { on: state.route === 'kinship' ? after(1, 4) : after(1, 7), patch: { terms: details.approvalTerms } };
    case 'PROPOSE_NOT_TO_APPROVE': {
      const on = after(2, 7);
      return { on, patch: { letterOn: on } };
    }
    case 'REPRESENTATIONS_MADE':
    case 'IRM_APPLIED':
      return { on: after(7, 25), patch: {} };
    // The 28 days run from the letter (DOMAIN.md §2.4), so the window has closed the day after the 28th.
    case 'QD_WINDOW_CLOSED':
      return { on: addDays(state.letterOn ?? state.previous, 29), patch: {} };
    case 'CONFIRM_NOT_APPROVED':
      // After representations or an IRM review (about four months, DOMAIN.md §2.2), or at once if none came.
      return { on: state.challenged ? after(40, 120) : after(1, 7), patch: {} };
    case 'STAGE1_NOT_SUITABLE': {
      const on = after(40, 80);
      return { on, patch: { letterOn: on } };
    }
    case 'HOLD': {
      const on = after(5, 40);
      return { on, patch: { expectedResumeOn: addDays(on, random.int(28, 90)) } };
    }
    case 'CLOSE':
    case 'WITHDRAW':
      return { on: closureDate(event.reasonCode, state, random), patch: details.signpostedTo ? { signpostedTo: details.signpostedTo } : {} };
    case 'VIABILITY_STARTED':
      return { on: after(0, 4), patch: {} };
    case 'TEMPORARY_APPROVAL_GRANTED':
      return { on: after(2, 12), patch: {} };
    case 'FULL_ASSESSMENT_STARTED':
      return { on: after(5, 20), patch: {} };
    // Regulation 25: asked for before the 16 weeks run out, for up to 8 more weeks (DOMAIN.md §3.2).
    case 'EXTENSION_GRANTED': {
      const start = state.tempApprovalStartOn ?? state.previous;
      const on = maxDate(state.previous, nextWorkingDay(addDays(start, random.int(88, 104))));
      return { on, patch: { extensionEndsOn: addDays(start, 112 + random.int(28, 56)) } };
    }
    case 'CONNECTED_PERSON_REPORT_COMPLETED':
      return { on: kinshipReportDate(state, random), patch: {} };
    default:
      return { on: after(1, 7), patch: {} };
  }
}

// Reports land early enough for panel to sit before temporary approval (or its extension) runs out.
function kinshipReportDate(state: DatingState, random: Random): string {
  if (state.extensionEndsOn) return maxDate(state.previous, nextWorkingDay(addDays(state.extensionEndsOn, -random.int(38, 45))));
  if (state.tempApprovalStartOn) return maxDate(state.previous, nextWorkingDay(addDays(state.tempApprovalStartOn, random.int(45, 65))));
  return workingDayAfter(state.previous, random.int(60, 110));
}

function closureDate(reasonCode: string, state: DatingState, random: Random): string {
  const after = (min: number, max: number) => workingDayAfter(state.previous, random.int(min, max));
  switch (reasonCode) {
    case 'NO_CONTACT':
      return after(7, 12);
    case 'OUTSIDE_AREA_SIGNPOSTED':
    case 'DUPLICATE':
    case 'INFO_ONLY':
      return after(0, 4);
    case 'NO_RESPONSE':
      return after(28, 60);
    default:
      return state.route === 'kinship' ? after(10, 60) : after(3, 35);
  }
}

// The patched payload goes back through its event's schema. (The stage-dependent refinements were already met when
// the pipeline built the path, and dating changes only dates, councils and terms.)
function parseEvent(type: PipelineEvent['type'], payload: Record<string, unknown>): PipelineEvent {
  return PIPELINE_EVENT_SCHEMAS[type].parse(payload);
}

// Snapshots are immutable values (transition returns new ones), so one start per route and council can be shared.
const startCache = new Map<string, PipelineSnapshot>();
function startingSnapshot(route: PipelineRoute, councilId: string | null): PipelineSnapshot {
  const key = `${route}|${councilId}`;
  let snapshot = startCache.get(key);
  if (!snapshot) {
    snapshot = initialSnapshot(route, { councilId });
    startCache.set(key, snapshot);
  }
  return snapshot;
}

/**
 * Dates the path forward from `startDate` and stops before the first event that would fall after `until`: a case
 * cut short is still open where its last event left it. Pure date arithmetic, so it is cheap enough to use as a
 * probe when placing a case.
 */
export function datePath(
  route: PipelineRoute,
  path: readonly PipelineEvent[],
  startDate: string,
  until: string,
  random: Random,
  details: JourneyDetails,
): PipelineEvent[] {
  const state: DatingState = { previous: startDate, challenged: false, route };
  const dated: PipelineEvent[] = [];
  for (const draft of path) {
    const { on, patch } = dateEvent(draft, state, random, details);
    if (on > until) break;
    const event = parseEvent(draft.type, { ...draft, ...patch, occurredOn: on });
    dated.push(event);
    state.previous = on;
    if (event.type === 'VISIT_BOOKED') state.visitOn = event.visitOn;
    if (event.type === 'PANEL_BOOKED') state.panelOn = event.panelOn;
    if (event.type === 'PROPOSE_NOT_TO_APPROVE') state.letterOn = event.letterOn;
    if (event.type === 'REPRESENTATIONS_MADE' || event.type === 'IRM_APPLIED') state.challenged = true;
    if (event.type === 'TEMPORARY_APPROVAL_GRANTED') state.tempApprovalStartOn = on;
    if (event.type === 'EXTENSION_GRANTED') state.extensionEndsOn = event.extensionEndsOn;
  }
  return dated;
}

/** Steps dated events through the machine's pure transition, recording the stage before and after each. */
export function stepThrough(plan: JourneyPlan, events: readonly PipelineEvent[]): Journey {
  let snapshot = startingSnapshot(plan.route, plan.councilId);
  const steps: JourneyStep[] = [];
  for (const event of events) {
    const fromStage = stageOf(snapshot);
    const [next] = transition(pipelineMachine, snapshot, event);
    // XState hands back the very same snapshot when no transition is enabled, which costs half of asking can() first.
    if (next === snapshot) throw new Error(`Seed journey: ${event.type} is not accepted at ${fromStage}`);
    snapshot = next;
    steps.push({ event, fromStage, toStage: stageOf(snapshot) });
  }
  return { steps, snapshot };
}
