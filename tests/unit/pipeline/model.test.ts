import { getShortestPaths } from '@xstate/graph';
import { describe, expect, test } from 'vitest';
import { payloadFactsOf } from '~/modules/pipeline/events';
import { pipelineMachine, type PipelineEvent, type PipelineRoute } from '~/modules/pipeline/machine';
import { stageOf, stagesForRoute } from '~/modules/pipeline/stages';

// Model-based: walk the machine itself with one sample of each event (STYLE.md §3.5). Counting events (failed
// contact attempts, panel deferrals) are left out so the walk ends.
const on = '2026-04-07';
const SAMPLE_EVENTS: PipelineEvent[] = [
  { type: 'CONTACT_MADE', occurredOn: on },
  { type: 'VISIT_BOOKED', occurredOn: on, visitOn: on },
  { type: 'VISIT_COMPLETED', occurredOn: on },
  { type: 'INITIAL_VISIT_WAIVED', occurredOn: on, reason: 'Returning carer' },
  { type: 'INVITE', occurredOn: on },
  { type: 'APPLICATION_RECEIVED', occurredOn: on },
  { type: 'ALLOCATION_PROPOSED', occurredOn: on, councilId: 'derbyshire' },
  { type: 'ALLOCATION_DECLINED', occurredOn: on, reason: 'No capacity' },
  { type: 'ALLOCATION_ACCEPTED', occurredOn: on },
  { type: 'REALLOCATE', occurredOn: on, toCouncilId: 'nottinghamshire', reason: 'Moved house' },
  { type: 'STAGE1_CHECKS_CLEARED', occurredOn: on },
  { type: 'STAGE1_PROCEED', occurredOn: on },
  { type: 'STAGE1_NOT_SUITABLE', occurredOn: on, letterOn: on, reason: 'Concerns' },
  { type: 'STAGE2_STARTED', occurredOn: on },
  { type: 'FORM_F_COMPLETED', occurredOn: on },
  { type: 'PANEL_BOOKED', occurredOn: on, panelOn: on },
  { type: 'PAPERS_SENT', occurredOn: on },
  { type: 'PANEL_RECOMMENDED', occurredOn: on, recommendation: 'notApprove' },
  { type: 'FINAL_MINUTES_RECEIVED', occurredOn: on },
  {
    type: 'APPROVE',
    occurredOn: on,
    terms: { approvalType: 'mainstream', numberOfChildren: 1, minAge: 0, maxAge: 5, placementKinds: ['emergency'], specialisms: [], namedChildren: [] },
  },
  { type: 'PROPOSE_NOT_TO_APPROVE', occurredOn: on, letterOn: on, reason: 'Concerns' },
  { type: 'IRM_APPLIED', occurredOn: on },
  { type: 'QD_WINDOW_CLOSED', occurredOn: on },
  { type: 'CONFIRM_NOT_APPROVED', occurredOn: on, reason: 'Upheld' },
  { type: 'HOLD', occurredOn: on, reason: 'Illness', expectedResumeOn: on },
  { type: 'RESUME', occurredOn: on },
  { type: 'CLOSE', occurredOn: on, reasonCode: 'SAFEGUARDING' },
  { type: 'TRANSFER_OUT', occurredOn: on, receivingServiceKind: 'otherCouncil', receivingServiceName: 'Leicester City Council' },
  { type: 'VIABILITY_STARTED', occurredOn: on },
  { type: 'TEMPORARY_APPROVAL_GRANTED', occurredOn: on },
  { type: 'FULL_ASSESSMENT_STARTED', occurredOn: on },
  { type: 'EXTENSION_GRANTED', occurredOn: on, extensionEndsOn: on },
  { type: 'CONNECTED_PERSON_REPORT_COMPLETED', occurredOn: on },
];

describe.each<PipelineRoute>(['mainstream', 'kinship'])('the %s route, walked from the model', (route) => {
  const paths = getShortestPaths(pipelineMachine, { events: SAMPLE_EVENTS, input: { route } });

  test('reaches every stage of the route and no other', () => {
    expect(new Set(paths.map((path) => stageOf(path.state)))).toEqual(new Set(stagesForRoute(route)));
  });

  test('every open state on the way can still be closed', () => {
    const open = paths.filter((path) => path.state.hasTag('open'));
    expect(open.length).toBeGreaterThan(0);
    for (const path of open) {
      const applicationMade = payloadFactsOf(path.state.context).applicationMade;
      const withdraw: PipelineEvent = { type: 'WITHDRAW', occurredOn: on, reasonCode: 'PROCESS', awCode: applicationMade ? 'AW2' : undefined };
      expect(path.state.can(withdraw)).toBe(true);
      expect(path.state.can({ type: 'CLOSE', occurredOn: on, reasonCode: 'SAFEGUARDING' })).toBe(true);
    }
  });

  test('every open state can be transferred out, and only open states can', () => {
    const transferOut = SAMPLE_EVENTS.find((event) => event.type === 'TRANSFER_OUT') as PipelineEvent;
    for (const path of paths) expect(path.state.can(transferOut), stageOf(path.state)).toBe(path.state.hasTag('open'));
    expect(paths.some((path) => stageOf(path.state) === 'transferredOut')).toBe(true);
  });

  test('only open states are held by the open tag; approved and closed are final', () => {
    for (const path of paths) {
      expect(path.state.hasTag('open')).toBe(path.state.status === 'active');
    }
  });
});

// Every reachable state × every event: where the machine accepts an event, the facts its rule needs must hold
// (DOMAIN.md §2.6 guards). Each rule must also be exercised at least once, so none can pass by never applying.
const GUARD_RULES: { name: string; event: PipelineEvent['type']; holds: (state: { context: Record<string, unknown> }) => boolean }[] = [
  {
    name: 'no invitation without a completed (or waived) initial visit',
    event: 'INVITE',
    holds: ({ context }) => context.initialVisitCompletedOn !== null || context.initialVisitWaived === true,
  },
  {
    name: 'no panel before Stage 1 proceeds and Form F is complete (or, for kinship, the connected person report)',
    event: 'PANEL_BOOKED',
    holds: ({ context }) =>
      context.route === 'kinship'
        ? context.connectedPersonReportCompletedOn !== null
        : context.stage1Outcome === 'proceed' && context.formFCompletedOn !== null,
  },
  {
    name: 'no approval without a panel recommendation and final minutes',
    event: 'APPROVE',
    holds: ({ context }) => context.panelRecommendation !== null && context.finalMinutesReceivedOn !== null,
  },
  {
    name: 'the Regulation 25 extension only after temporary approval, and only once',
    event: 'EXTENSION_GRANTED',
    holds: ({ context }) => context.tempApprovalStartOn !== null && context.extensionGrantedOn === null,
  },
  {
    name: 'a council can accept only an allocation proposed to it',
    event: 'ALLOCATION_ACCEPTED',
    holds: ({ context }) => context.proposedCouncilId !== null,
  },
];

describe.each<PipelineRoute>(['mainstream', 'kinship'])('guards on the %s route, for every reachable state and event', (route) => {
  const paths = getShortestPaths(pipelineMachine, { events: SAMPLE_EVENTS, input: { route } });
  const relevant = GUARD_RULES.filter((rule) => SAMPLE_EVENTS.some((event) => event.type === rule.event));

  for (const rule of relevant) {
    test(rule.name, () => {
      const sample = SAMPLE_EVENTS.find((event) => event.type === rule.event) as PipelineEvent;
      const accepting = paths.filter((path) => path.state.can(sample));
      for (const path of accepting) expect(rule.holds(path.state as { context: Record<string, unknown> }), stageOf(path.state)).toBe(true);
      const acceptedSomewhere = accepting.length > 0;
      const appliesToRoute = !(route === 'kinship' && ['INVITE', 'ALLOCATION_ACCEPTED'].includes(rule.event)) &&
        !(route === 'mainstream' && rule.event === 'EXTENSION_GRANTED');
      expect(acceptedSomewhere).toBe(appliesToRoute);
    });
  }

  test('approved, closed and transferred out accept no event at all', () => {
    const finals = paths.filter((path) => path.state.status === 'done');
    expect(finals.length).toBeGreaterThan(0);
    for (const path of finals) {
      for (const event of SAMPLE_EVENTS) expect(path.state.can(event), `${stageOf(path.state)} ${event.type}`).toBe(false);
    }
  });
});
