import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transition } from 'xstate';
import { describe, expect, test } from 'vitest';
import { eventSchemaFor, payloadFactsOf } from '~/modules/pipeline/events';
import { PIPELINE_MACHINE_VERSION, pipelineMachine, type PipelineEvent, type PipelineRoute } from '~/modules/pipeline/machine';
import { UnknownMachineVersion } from '~/modules/pipeline/migrations';
import {
  buildEventsToStage,
  initialSnapshot,
  replayEvents,
  restoreSnapshot,
  serialiseSnapshot,
  snapshotAtStage,
} from '~/modules/pipeline/snapshots';
import { isOpenStage, stageOf, stagesForRoute } from '~/modules/pipeline/stages';

const ROUTES: PipelineRoute[] = ['mainstream', 'kinship'];
const DATES = ['2026-01-05', '2026-01-07', '2026-01-12', '2026-01-19', '2026-02-02', '2026-03-02', '2026-04-06'];
const routeStages = ROUTES.flatMap((route) => stagesForRoute(route).map((stage) => [route, stage] as const));
const roundTrip = <T extends Parameters<typeof serialiseSnapshot>[0]>(snapshot: T) =>
  restoreSnapshot(serialiseSnapshot(snapshot), PIPELINE_MACHINE_VERSION);

describe('buildEventsToStage + replayEvents', () => {
  test.each(routeStages)('%s reaches %s', (route, stage) => {
    const events = buildEventsToStage({ route, stage, dates: DATES });
    expect(stageOf(replayEvents(route, events))).toBe(stage);
  });

  test.each(routeStages)('%s path to %s carries only events that pass their schemas', (route, stage) => {
    let snapshot = initialSnapshot(route);
    for (const event of buildEventsToStage({ route, stage, dates: DATES })) {
      expect(eventSchemaFor(event.type, payloadFactsOf(snapshot.context)).safeParse(event).success).toBe(true);
      snapshot = transition(pipelineMachine, snapshot, event)[0];
    }
  });

  test('uses the dates in order and repeats the last one', () => {
    const events = buildEventsToStage({ route: 'mainstream', stage: 'invited', dates: ['2026-01-05', '2026-01-07'] });
    expect(events.map((event) => [event.type, event.occurredOn])).toEqual([
      ['CONTACT_MADE', '2026-01-05'],
      ['VISIT_BOOKED', '2026-01-07'],
      ['VISIT_COMPLETED', '2026-01-07'],
      ['INVITE', '2026-01-07'],
    ]);
  });

  test('closes from the requested stage with the requested reason', () => {
    const events = buildEventsToStage({
      route: 'mainstream', stage: 'closed', dates: DATES, closeReasonCode: 'HOUSEHOLD_CHANGE', closedFromStage: 'assessment.stage2',
    });
    expect(events.at(-1)).toMatchObject({ type: 'WITHDRAW', reasonCode: 'HOUSEHOLD_CHANGE', awCode: 'AW3' });
    expect(replayEvents('mainstream', events).context).toMatchObject({
      closeReasonCode: 'HOUSEHOLD_CHANGE', withdrawalAwCode: 'AW3', closedFromStage: 'assessment.stage2',
    });
  });

  test('a withdrawal before application carries no AW code', () => {
    const events = buildEventsToStage({ route: 'mainstream', stage: 'closed', dates: DATES, closeReasonCode: 'NOT_NOW', closedFromStage: 'invited' });
    expect(replayEvents('mainstream', events).context).toMatchObject({ closeReasonCode: 'NOT_NOW', withdrawalAwCode: null, closedFromStage: 'invited' });
  });

  test('service decisions use their own events and default stages', () => {
    const stage1 = buildEventsToStage({ route: 'mainstream', stage: 'closed', dates: DATES, closeReasonCode: 'STAGE1_NOT_SUITABLE' });
    expect(stage1.at(-1)?.type).toBe('STAGE1_NOT_SUITABLE');
    expect(replayEvents('mainstream', stage1).context.closedFromStage).toBe('assessment.stage1');
    const refused = buildEventsToStage({ route: 'mainstream', stage: 'closed', dates: DATES, closeReasonCode: 'NOT_APPROVED' });
    expect(replayEvents('mainstream', refused).context).toMatchObject({ closeReasonCode: 'NOT_APPROVED', closedFromStage: 'decision.qdFinal' });
  });

  test('a kinship case can end with a special guardianship order', () => {
    const events = buildEventsToStage({
      route: 'kinship', stage: 'closed', dates: DATES, closeReasonCode: 'SGO_GRANTED', closedFromStage: 'kinship.temporaryApproval',
    });
    expect(events.at(-1)).toMatchObject({ type: 'CLOSE', reasonCode: 'SGO_GRANTED' });
    expect(replayEvents('kinship', events).context.closedFromStage).toBe('kinship.temporaryApproval');
  });

  test('holds from the requested stage', () => {
    const events = buildEventsToStage({ route: 'mainstream', stage: 'onHold', dates: DATES, heldFromStage: 'application.submitted' });
    expect(replayEvents('mainstream', events).context.heldFrom).toBe('application');
  });

  test('refuses a reason that does not fit the stage, a stage from the other route, and no dates', () => {
    expect(() =>
      buildEventsToStage({ route: 'mainstream', stage: 'closed', dates: DATES, closeReasonCode: 'NO_CONTACT', closedFromStage: 'assessment.stage1' }),
    ).toThrow('Cannot build a CLOSE event');
    expect(() => buildEventsToStage({ route: 'kinship', stage: 'enquiry.received', dates: DATES })).toThrow('not a stage of the kinship route');
    expect(() => buildEventsToStage({ route: 'mainstream', stage: 'invited', dates: [] })).toThrow('at least one date');
  });

  test('replayEvents throws at the first event the machine refuses', () => {
    expect(() => replayEvents('mainstream', [{ type: 'INVITE', occurredOn: '2026-01-05' }])).toThrow(
      'Event 1 (INVITE) is not accepted at enquiry.received.',
    );
  });
});

describe('every open stage can be closed', () => {
  const openStages = routeStages.filter(([, stage]) => isOpenStage(stage));

  test.each(openStages)('%s %s: by withdrawal and by the service', (route, stage) => {
    const snapshot = snapshotAtStage(route, stage);
    const applicationMade = payloadFactsOf(snapshot.context).applicationMade;
    const withdraw: PipelineEvent = { type: 'WITHDRAW', occurredOn: '2026-05-01', reasonCode: 'NOT_NOW', awCode: applicationMade ? 'AW0' : undefined };
    const close: PipelineEvent = { type: 'CLOSE', occurredOn: '2026-05-01', reasonCode: 'SAFEGUARDING' };
    for (const event of [withdraw, close]) {
      expect(eventSchemaFor(event.type, payloadFactsOf(snapshot.context)).safeParse(event).success).toBe(true);
      const closed = transition(pipelineMachine, snapshot, event)[0];
      expect(stageOf(closed)).toBe('closed');
      expect(closed.context.closedFromStage).toBe(stage);
    }
  });
});

describe('snapshotAtStage', () => {
  test.each(routeStages)('%s %s: stageOf matches, and it survives serialise and restore', (route, stage) => {
    const snapshot = snapshotAtStage(route, stage);
    expect(stageOf(snapshot)).toBe(stage);
    expect(stageOf(roundTrip(snapshot))).toBe(stage);
  });

  test('applies the context patch to a copy, never to the cached snapshot', () => {
    const patched = snapshotAtStage('mainstream', 'assessment.stage1', { applicationReceivedOn: '2025-11-03', allocatedCouncilId: 'nottinghamshire' });
    expect(patched.context.applicationReceivedOn).toBe('2025-11-03');
    expect(roundTrip(patched).context.allocatedCouncilId).toBe('nottinghamshire');
    expect(snapshotAtStage('mainstream', 'assessment.stage1').context.applicationReceivedOn).toBe('2026-01-05');
  });

  test('builds holds and closures from the stage given', () => {
    const held = snapshotAtStage('mainstream', 'onHold', {}, { heldFromStage: 'assessment.stage1' });
    expect(stageOf(transition(pipelineMachine, roundTrip(held), { type: 'RESUME', occurredOn: '2026-05-01' })[0])).toBe('assessment.stage1');
    const closed = snapshotAtStage('mainstream', 'closed', {}, { closedFromStage: 'panel.booked', closeReasonCode: 'ALLEGATIONS_RISK' });
    expect(closed.context).toMatchObject({ closedFromStage: 'panel.booked', closeReasonCode: 'ALLEGATIONS_RISK', withdrawalAwCode: 'AW5' });
  });

  test('builds each stage once and copies it afterwards, so a bulk import never replays', () => {
    const first = snapshotAtStage('mainstream', 'decision.qdWindow', { qdLetterOn: '2026-03-02' });
    const second = snapshotAtStage('mainstream', 'decision.qdWindow', { qdLetterOn: '2026-03-09' });
    expect(second).not.toBe(first);
    expect(second.value).toBe(first.value);
    expect([first.context.qdLetterOn, second.context.qdLetterOn]).toEqual(['2026-03-02', '2026-03-09']);
  });
});

describe('on hold', () => {
  const HOLDABLE = [
    'enquiry.received', 'enquiry.contacted', 'enquiry.visitBooked', 'enquiry.visited', 'invited',
    'application.submitted', 'application.allocation', 'assessment.stage1', 'assessment.stage2', 'assessment.readyForPanel',
  ];

  test.each(HOLDABLE)('held at %s, stored as JSON, restored and resumed, it is back at %s exactly', (stage) => {
    const held = transition(pipelineMachine, snapshotAtStage('mainstream', stage), {
      type: 'HOLD', occurredOn: '2026-05-01', reason: 'Bereavement', expectedResumeOn: '2026-08-01',
    })[0];
    const restored = roundTrip(held);
    expect(stageOf(restored)).toBe('onHold');
    expect(restored.context.expectedResumeOn).toBe('2026-08-01');
    const resumed = transition(pipelineMachine, restored, { type: 'RESUME', occurredOn: '2026-08-01' })[0];
    expect(stageOf(resumed)).toBe(stage);
    expect(resumed.context).toMatchObject({ heldFrom: null, heldOn: null, expectedResumeOn: null });
  });
});

describe('restoreSnapshot', () => {
  const fixtureRoot = join(import.meta.dirname, '../../fixtures/pipeline-snapshots');
  const fixtures = readdirSync(fixtureRoot).flatMap((version) =>
    readdirSync(join(fixtureRoot, version)).filter((name) => name.endsWith('.json')).map((name) => `${version}/${name}`),
  );
  const readFixture = (name: string) => JSON.parse(readFileSync(join(fixtureRoot, name), 'utf8')) as {
    machineVersion: number; stage: string; resumesTo?: string; pipelineSnapshot: { context: Record<string, unknown> };
  };

  test('there are fixtures for every machine version, including one on hold and one transferred out', () => {
    for (let version = 1; version <= PIPELINE_MACHINE_VERSION; version += 1) {
      expect(fixtures.some((name) => name.startsWith(`v${version}/`)), `v${version}`).toBe(true);
    }
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    expect(fixtures.some((name) => name.includes('/on-hold'))).toBe(true);
    expect(fixtures.some((name) => readFixture(name).stage === 'transferredOut')).toBe(true);
  });

  test.each(fixtures.filter((name) => name.startsWith('v1/')))('version 1 fixture %s has no transferredOutTo until migrated', (name) => {
    const fixture = readFixture(name);
    expect(fixture.machineVersion).toBe(1);
    expect('transferredOutTo' in fixture.pipelineSnapshot.context).toBe(false);
    expect(restoreSnapshot(JSON.stringify(fixture.pipelineSnapshot), 1).context.transferredOutTo).toBeNull();
  });

  test.each(fixtures)('fixture %s restores at its stage and resolves', (name) => {
    const fixture = JSON.parse(readFileSync(join(fixtureRoot, name), 'utf8')) as {
      machineVersion: number; stage: string; resumesTo?: string; pipelineSnapshot: unknown;
    };
    const restored = restoreSnapshot(JSON.stringify(fixture.pipelineSnapshot), fixture.machineVersion);
    expect(stageOf(restored)).toBe(fixture.stage);
    expect(stageOf(pipelineMachine.resolveState({ value: restored.value, context: restored.context }))).toBe(fixture.stage);
    if (fixture.resumesTo) {
      expect(stageOf(transition(pipelineMachine, restored, { type: 'RESUME', occurredOn: '2026-07-01' })[0])).toBe(fixture.resumesTo);
    }
  });

  test('throws on an unknown machine version rather than guessing', () => {
    const json = serialiseSnapshot(snapshotAtStage('mainstream', 'invited'));
    expect(() => restoreSnapshot(json, PIPELINE_MACHINE_VERSION + 1)).toThrow(UnknownMachineVersion);
    expect(() => restoreSnapshot(json, 0)).toThrow(UnknownMachineVersion);
  });

  test('throws on a state id the machine does not have, in the value or in the history', () => {
    const persisted = JSON.parse(serialiseSnapshot(snapshotAtStage('mainstream', 'onHold', {}, { heldFromStage: 'enquiry.contacted' })));
    expect(() => restoreSnapshot(JSON.stringify({ ...persisted, value: { enquiry: 'lost' } }), 1)).toThrow();
    const badHistory = { ...persisted, historyValue: { 'pipeline.enquiry.hist': [{ id: 'pipeline.enquiry.lost' }] } };
    expect(() => restoreSnapshot(JSON.stringify(badHistory), 1)).toThrow();
  });
});
