import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { TransitionRejected } from '~/lib/errors';
import {
  awCodeFor,
  closureReasonLabel,
  isPersonsChoiceCode,
  type ClosureReasonCode,
} from '~/modules/codes/closure-reasons';
import { eventSchemaFor, payloadFactsOf, type PipelineEventType } from './events';
import {
  pipelineMachine,
  type PipelineContext,
  type PipelineEvent,
  type PipelineRoute,
} from './machine';
import { migratePersistedSnapshot, type PersistedPipelineSnapshot } from './migrations';
import { stageOf, stagesForRoute } from './stages';

// Building, replaying, storing and restoring pipeline snapshots. Pure: no database, no clock.

export type PipelineSnapshot = SnapshotFrom<typeof pipelineMachine>;
type RouteOptions = { councilId?: string | null };

export function initialSnapshot(route: PipelineRoute, options: RouteOptions = {}): PipelineSnapshot {
  return initialTransition(pipelineMachine, { route, councilId: options.councilId ?? null })[0];
}

/** Applies events in order with XState's pure `transition`; throws at the first event the machine does not accept. */
export function replayEvents(route: PipelineRoute, events: readonly PipelineEvent[], options: RouteOptions = {}) {
  let snapshot = initialSnapshot(route, options);
  events.forEach((event, index) => {
    if (!snapshot.can(event)) {
      throw new TransitionRejected(`Event ${index + 1} (${event.type}) is not accepted at ${stageOf(snapshot)}.`);
    }
    [snapshot] = transition(pipelineMachine, snapshot, event);
  });
  return snapshot;
}

// ---------------------------------------------------------------- realistic paths

const DEMO_COUNCIL_ID = 'derby-city';
/** Stands in for dates nobody supplied: path finding, and snapshotAtStage's context before it is patched. */
const PLACEHOLDER_DATE = '2026-01-05';

function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

type EventDraft = { type: PipelineEventType; [field: string]: unknown };
type DraftMaker = (on: string, context: PipelineContext, councilId: string) => EventDraft;

// The forward steps a typical case takes, in order of preference. Shortcuts (visit waivers, concurrent Stage 2,
// deferrals, reallocations, holds) are left out so that every path reads like a real case.
const FORWARD_STEPS: readonly DraftMaker[] = [
  () => ({ type: 'CONTACT_MADE' }),
  (on) => ({ type: 'VISIT_BOOKED', visitOn: on }),
  () => ({ type: 'VISIT_COMPLETED' }),
  () => ({ type: 'INVITE' }),
  () => ({ type: 'APPLICATION_RECEIVED' }),
  (_on, _context, councilId) => ({ type: 'ALLOCATION_PROPOSED', councilId }),
  () => ({ type: 'ALLOCATION_ACCEPTED' }),
  () => ({ type: 'STAGE1_CHECKS_CLEARED' }),
  () => ({ type: 'STAGE1_PROCEED' }),
  () => ({ type: 'FORM_F_COMPLETED' }),
  () => ({ type: 'VIABILITY_STARTED' }),
  () => ({ type: 'TEMPORARY_APPROVAL_GRANTED' }),
  () => ({ type: 'FULL_ASSESSMENT_STARTED' }),
  () => ({ type: 'CONNECTED_PERSON_REPORT_COMPLETED' }),
  // Regulations 24 and 25: 16 weeks from temporary approval, then up to 8 more (DOMAIN.md §3.2).
  (on, context) => ({ type: 'EXTENSION_GRANTED', extensionEndsOn: addDays(context.tempApprovalStartOn ?? on, 24 * 7) }),
  (on) => ({ type: 'PANEL_BOOKED', panelOn: on }),
  () => ({ type: 'PAPERS_SENT' }),
  () => ({ type: 'PANEL_RECOMMENDED', recommendation: 'approve' }),
  () => ({ type: 'FINAL_MINUTES_RECEIVED' }),
  (_on, context) => ({
    type: 'APPROVE',
    terms: context.route === 'kinship'
      ? { approvalType: 'kinship', numberOfChildren: 1, minAge: 0, maxAge: 18, placementKinds: ['longTerm'], namedChildren: ['CHILD-REF-1'] }
      : { approvalType: 'mainstream', numberOfChildren: 2, minAge: 0, maxAge: 18, placementKinds: ['shortTerm', 'longTerm'] },
  }),
  (on) => ({ type: 'PROPOSE_NOT_TO_APPROVE', letterOn: on, reason: 'The panel had concerns about capacity to care' }),
  () => ({ type: 'REPRESENTATIONS_MADE' }),
  () => ({ type: 'QD_WINDOW_CLOSED' }),
];

const holdDraft = (on: string): EventDraft => ({ type: 'HOLD', reason: 'Family circumstances', expectedResumeOn: addDays(on, 28) });
const transferOutDraft = (): EventDraft => ({
  type: 'TRANSFER_OUT',
  receivingServiceKind: 'otherCouncil',
  receivingServiceName: 'Leicestershire County Council',
});

/** Validates a draft against its payload schema for the household's facts, so paths never carry an invalid event. */
function toEvent(draft: EventDraft, occurredOn: string, context: PipelineContext): PipelineEvent {
  const parsed = eventSchemaFor(draft.type, payloadFactsOf(context)).safeParse({ ...draft, occurredOn });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Cannot build a ${draft.type} event here (${problems})`);
  }
  return parsed.data;
}

/** Breadth-first over forward steps: the shortest realistic step list (indexes into FORWARD_STEPS) to every stage. */
function findForwardPaths(route: PipelineRoute): ReadonlyMap<string, readonly number[]> {
  const paths = new Map<string, number[]>();
  const seen = new Set<string>();
  const queue: { snapshot: PipelineSnapshot; steps: number[] }[] = [{ snapshot: initialSnapshot(route), steps: [] }];
  for (let next = 0; next < queue.length; next += 1) {
    const { snapshot, steps } = queue[next];
    const key = JSON.stringify([snapshot.value, snapshot.context]);
    if (seen.has(key)) continue;
    seen.add(key);
    const stage = stageOf(snapshot);
    if (!paths.has(stage)) paths.set(stage, steps);
    FORWARD_STEPS.forEach((makeDraft, index) => {
      const event = toEvent(makeDraft(PLACEHOLDER_DATE, snapshot.context, DEMO_COUNCIL_ID), PLACEHOLDER_DATE, snapshot.context);
      if (snapshot.can(event)) queue.push({ snapshot: transition(pipelineMachine, snapshot, event)[0], steps: [...steps, index] });
    });
  }
  return paths;
}

const forwardPathCache = new Map<PipelineRoute, ReadonlyMap<string, readonly number[]>>();
function forwardPathTo(route: PipelineRoute, stage: string): readonly number[] {
  let paths = forwardPathCache.get(route);
  if (!paths) {
    paths = findForwardPaths(route);
    forwardPathCache.set(route, paths);
  }
  const steps = paths.get(stage);
  if (!steps) throw new Error(`No forward path to ${stage} on the ${route} route`);
  return steps;
}

function closingDraft(code: ClosureReasonCode, context: PipelineContext, on: string): EventDraft {
  if (code === 'STAGE1_NOT_SUITABLE') return { type: 'STAGE1_NOT_SUITABLE', letterOn: on, reason: closureReasonLabel(code) };
  if (code === 'NOT_APPROVED') return { type: 'CONFIRM_NOT_APPROVED', reason: closureReasonLabel(code) };
  if (isPersonsChoiceCode(code)) {
    return { type: 'WITHDRAW', reasonCode: code, awCode: context.applicationReceivedOn === null ? undefined : awCodeFor(code) };
  }
  return {
    type: 'CLOSE',
    reasonCode: code,
    reason: closureReasonLabel(code),
    signpostedTo: code === 'OUTSIDE_AREA_SIGNPOSTED' ? "Their own council's fostering service" : undefined,
  };
}

const DEFAULT_CLOSED_FROM: Partial<Record<ClosureReasonCode, string>> = {
  STAGE1_NOT_SUITABLE: 'assessment.stage1',
  NOT_APPROVED: 'decision.qdFinal',
};

export type BuildEventsOptions = {
  route: PipelineRoute;
  stage: string;
  /** occurredOn for each event in order; the last date repeats when there are more events than dates. */
  dates: readonly string[];
  closeReasonCode?: ClosureReasonCode;
  /** For 'closed' and 'transferredOut': the stage the case left from (default: the route's first stage, or where the code applies). */
  closedFromStage?: string;
  /** For 'onHold': the stage the case was held from (default: the route's first stage). */
  heldFromStage?: string;
  councilId?: string;
};

/** A realistic event path from the route's start to `stage`, for seeding and tests. */
export function buildEventsToStage(options: BuildEventsOptions): PipelineEvent[] {
  const { route, stage, dates } = options;
  if (dates.length === 0) throw new Error('buildEventsToStage needs at least one date');
  if (!stagesForRoute(route).includes(stage)) throw new Error(`${stage} is not a stage of the ${route} route`);
  const councilId = options.councilId ?? DEMO_COUNCIL_ID;
  const firstStage = stageOf(initialSnapshot(route));
  const closeReasonCode = options.closeReasonCode ?? 'NOT_NOW';

  let finalStep: ((on: string, context: PipelineContext) => EventDraft) | null = null;
  let forwardStage = stage;
  if (stage === 'closed') {
    forwardStage = options.closedFromStage ?? DEFAULT_CLOSED_FROM[closeReasonCode] ?? firstStage;
    finalStep = (on, context) => closingDraft(closeReasonCode, context, on);
  } else if (stage === 'transferredOut') {
    forwardStage = options.closedFromStage ?? firstStage;
    finalStep = transferOutDraft;
  } else if (stage === 'onHold') {
    forwardStage = options.heldFromStage ?? firstStage;
    finalStep = holdDraft;
  }

  const makers = forwardPathTo(route, forwardStage).map((index) => FORWARD_STEPS[index]);
  let snapshot = initialSnapshot(route, { councilId });
  const events: PipelineEvent[] = [];
  const step = (makeDraft: (on: string, context: PipelineContext) => EventDraft) => {
    const on = dates[Math.min(events.length, dates.length - 1)];
    const event = toEvent(makeDraft(on, snapshot.context), on, snapshot.context);
    if (!snapshot.can(event)) throw new Error(`${event.type} is not accepted at ${stageOf(snapshot)}`);
    snapshot = transition(pipelineMachine, snapshot, event)[0];
    events.push(event);
  };
  makers.forEach((makeDraft) => step((on, context) => makeDraft(on, context, councilId)));
  if (finalStep) step(finalStep);
  return events;
}

// ---------------------------------------------------------------- fast construction for bulk import

const snapshotCache = new Map<string, PipelineSnapshot>();

/**
 * A snapshot resting at `stage`, built once per stage by replay and then copied with `contextPatch` applied: fast
 * enough for a bulk import. Dates in the context are placeholders; patch the ones you know.
 */
export function snapshotAtStage(
  route: PipelineRoute,
  stage: string,
  contextPatch: Partial<PipelineContext> = {},
  path: Pick<BuildEventsOptions, 'closedFromStage' | 'heldFromStage' | 'closeReasonCode'> = {},
): PipelineSnapshot {
  const key = JSON.stringify([route, stage, path.closedFromStage, path.heldFromStage, path.closeReasonCode]);
  let cached = snapshotCache.get(key);
  if (!cached) {
    const events = buildEventsToStage({ route, stage, dates: [PLACEHOLDER_DATE], ...path });
    cached = replayEvents(route, events, { councilId: DEMO_COUNCIL_ID });
    snapshotCache.set(key, cached);
  }
  return { ...cached, context: { ...cached.context, ...contextPatch } };
}

// ---------------------------------------------------------------- persistence

/** The JSON stored in Household.pipelineSnapshot. */
export function serialiseSnapshot(snapshot: PipelineSnapshot): string {
  return JSON.stringify(pipelineMachine.getPersistedSnapshot(snapshot));
}

function assertKnownStateIds(persisted: PersistedPipelineSnapshot) {
  // resolveState throws on an unknown state value; history ids are checked by hand because XState drops them silently.
  pipelineMachine.resolveState({ value: persisted.value as never, context: persisted.context as PipelineContext });
  for (const [historyId, entries] of Object.entries(persisted.historyValue ?? {})) {
    pipelineMachine.getStateNodeById(historyId);
    entries.forEach((entry) => pipelineMachine.getStateNodeById(entry.id));
  }
}

/** Migrates a stored snapshot to the current machine and revives it without starting an actor (STYLE.md §3.4). */
export function restoreSnapshot(json: string, machineVersion: number): PipelineSnapshot {
  const persisted = migratePersistedSnapshot(JSON.parse(json) as PersistedPipelineSnapshot, machineVersion);
  assertKnownStateIds(persisted);
  const route = (persisted.context as PipelineContext).route;
  return createActor(pipelineMachine, { snapshot: persisted, input: { route } }).getSnapshot();
}
