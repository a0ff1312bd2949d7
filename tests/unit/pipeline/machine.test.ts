import type { StateNode } from 'xstate';
import { transition } from 'xstate';
import { describe, expect, test } from 'vitest';
import { ROLES } from '~/modules/auth/roles';
import { pipelineMachine, type PipelineContext, type PipelineEvent, type StageMeta } from '~/modules/pipeline/machine';
import { replayEvents, snapshotAtStage, type PipelineSnapshot } from '~/modules/pipeline/snapshots';
import { stageOf } from '~/modules/pipeline/stages';

const on = '2026-03-02';
const send = (snapshot: PipelineSnapshot, event: PipelineEvent) => transition(pipelineMachine, snapshot, event)[0];

type PipelineStateNode = StateNode<PipelineContext, PipelineEvent, StageMeta>;

function allStateNodes(node: PipelineStateNode = pipelineMachine.root): PipelineStateNode[] {
  const children = Object.values(node.states) as PipelineStateNode[];
  return [node, ...children.flatMap((child) => allStateNodes(child))];
}

describe('state meta', () => {
  const described = allStateNodes().filter(
    (node) => node !== pipelineMachine.root && node.type !== 'history' && !(node.always && node.always.length > 0),
  );

  test('covers every state the machine has, apart from history nodes and the transient routing state', () => {
    // 11 top-level states plus 4 enquiry, 2 application, 3 assessment, 5 kinship, 2 panel and 5 decision stages.
    expect(described).toHaveLength(11 + 4 + 2 + 3 + 5 + 2 + 5);
  });

  test.each(described.map((node) => [node.id, node] as const))('%s has a label, owner role and SLA', (_id, node) => {
    // Read as unknown: the types promise these fields, and this test checks the runtime config keeps the promise.
    const meta: { label?: unknown; ownerRole?: unknown; slaWorkingDays?: unknown } | undefined = node.meta;
    expect(typeof meta?.label).toBe('string');
    expect(String(meta?.label).length).toBeGreaterThan(2);
    expect(ROLES).toContain(meta?.ownerRole);
    expect(meta).toHaveProperty('slaWorkingDays');
    const sla = meta?.slaWorkingDays;
    expect(sla === null || (typeof sla === 'number' && Number.isInteger(sla) && sla > 0)).toBe(true);
  });

  test('statutory clocks are the ones DOMAIN.md §2.1 and §3.2 give', () => {
    const slaOf = (id: string) => pipelineMachine.getStateNodeById(`pipeline.${id}`).meta?.slaWorkingDays;
    expect(slaOf('enquiry.received')).toBe(1);
    expect(slaOf('decision.awaitingAdm')).toBe(7);
    expect(slaOf('kinship.temporaryApproval')).toBe(16 * 5);
    expect(slaOf('kinship.extension')).toBe(8 * 5);
  });
});

describe('routes', () => {
  test('a mainstream case starts at enquiry received, a kinship case at referral', () => {
    expect(stageOf(replayEvents('mainstream', []))).toBe('enquiry.received');
    expect(stageOf(replayEvents('kinship', []))).toBe('kinship.referral');
  });

  test('a kinship case belongs to its council from the start; a mainstream case to nobody until handover', () => {
    expect(replayEvents('kinship', [], { councilId: 'derbyshire' }).context.allocatedCouncilId).toBe('derbyshire');
    expect(replayEvents('mainstream', [], { councilId: 'derbyshire' }).context.allocatedCouncilId).toBeNull();
  });
});

describe('guards', () => {
  test('inviting needs a completed initial visit, or a manager waiver', () => {
    const contacted = snapshotAtStage('mainstream', 'enquiry.contacted');
    expect(contacted.can({ type: 'INVITE', occurredOn: on })).toBe(false);
    const waived = send(contacted, { type: 'INITIAL_VISIT_WAIVED', occurredOn: on, reason: 'Known to the hub already' });
    expect(waived.can({ type: 'INVITE', occurredOn: on })).toBe(true);
    expect(snapshotAtStage('mainstream', 'enquiry.visited').can({ type: 'INVITE', occurredOn: on })).toBe(true);
    const visitUndone = snapshotAtStage('mainstream', 'enquiry.visited', { initialVisitCompletedOn: null });
    expect(visitUndone.can({ type: 'INVITE', occurredOn: on })).toBe(false);
  });

  test('a council can accept only an allocation that was proposed', () => {
    const accept: PipelineEvent = { type: 'ALLOCATION_ACCEPTED', occurredOn: on };
    expect(snapshotAtStage('mainstream', 'application.allocation').can(accept)).toBe(true);
    expect(snapshotAtStage('mainstream', 'application.allocation', { proposedCouncilId: null }).can(accept)).toBe(false);
  });

  test('Stage 1 can proceed only once every check is cleared', () => {
    const stage1 = snapshotAtStage('mainstream', 'assessment.stage1');
    const proceed: PipelineEvent = { type: 'STAGE1_PROCEED', occurredOn: on };
    expect(stage1.can(proceed)).toBe(false);
    const cleared = send(stage1, { type: 'STAGE1_CHECKS_CLEARED', occurredOn: on });
    expect(stageOf(send(cleared, proceed))).toBe('assessment.stage2');
  });

  test('no panel before Stage 1 has proceeded, even with Form F complete alongside', () => {
    const book: PipelineEvent = { type: 'PANEL_BOOKED', occurredOn: on, panelOn: '2026-05-06' };
    let snapshot = snapshotAtStage('mainstream', 'assessment.stage1');
    snapshot = send(snapshot, { type: 'STAGE2_STARTED', occurredOn: on });
    snapshot = send(snapshot, { type: 'FORM_F_COMPLETED', occurredOn: on });
    expect(snapshot.context.formFCompletedOn).toBe(on);
    expect(snapshot.can(book)).toBe(false);

    snapshot = send(snapshot, { type: 'STAGE1_CHECKS_CLEARED', occurredOn: on });
    snapshot = send(snapshot, { type: 'STAGE1_PROCEED', occurredOn: on });
    expect(stageOf(snapshot)).toBe('assessment.readyForPanel');
    expect(stageOf(send(snapshot, book))).toBe('panel.booked');
  });

  test('Form F can be completed during Stage 1 only once Stage 2 has started alongside it', () => {
    const complete: PipelineEvent = { type: 'FORM_F_COMPLETED', occurredOn: on };
    const stage1 = snapshotAtStage('mainstream', 'assessment.stage1');
    expect(stage1.can(complete)).toBe(false);
    expect(send(stage1, { type: 'STAGE2_STARTED', occurredOn: on }).can(complete)).toBe(true);
  });

  test('no panel without a complete Form F, nor without a Stage 1 proceed on record', () => {
    const book: PipelineEvent = { type: 'PANEL_BOOKED', occurredOn: on, panelOn: '2026-05-06' };
    expect(snapshotAtStage('mainstream', 'assessment.stage2').can(book)).toBe(false);
    expect(snapshotAtStage('mainstream', 'assessment.readyForPanel').can(book)).toBe(true);
    expect(snapshotAtStage('mainstream', 'assessment.readyForPanel', { stage1Outcome: null }).can(book)).toBe(false);
    expect(snapshotAtStage('mainstream', 'assessment.readyForPanel', { formFCompletedOn: null }).can(book)).toBe(false);
  });

  test('no ADM decision without a panel recommendation and final minutes', () => {
    const approve: PipelineEvent = {
      type: 'APPROVE',
      occurredOn: on,
      terms: { approvalType: 'mainstream', numberOfChildren: 2, minAge: 0, maxAge: 10, placementKinds: ['shortTerm'], specialisms: [], namedChildren: [] },
    };
    const qd: PipelineEvent = { type: 'PROPOSE_NOT_TO_APPROVE', occurredOn: on, letterOn: on, reason: 'Concerns' };
    expect(snapshotAtStage('mainstream', 'decision.awaitingAdm').can(approve)).toBe(true);
    expect(snapshotAtStage('mainstream', 'decision.awaitingAdm', { panelRecommendation: null }).can(approve)).toBe(false);
    expect(snapshotAtStage('mainstream', 'decision.awaitingAdm', { finalMinutesReceivedOn: null }).can(approve)).toBe(false);
    expect(snapshotAtStage('mainstream', 'decision.awaitingAdm', { panelRecommendation: null }).can(qd)).toBe(false);
    expect(snapshotAtStage('mainstream', 'decision.awaitingMinutes').can(approve)).toBe(false);
  });

  test('a Regulation 25 extension is granted once, and only after temporary approval', () => {
    const extend: PipelineEvent = { type: 'EXTENSION_GRANTED', occurredOn: on, extensionEndsOn: '2026-11-16' };
    const temporary = snapshotAtStage('kinship', 'kinship.temporaryApproval');
    const extended = send(temporary, extend);
    expect(stageOf(extended)).toBe('kinship.extension');
    expect(extended.context.extensionEndsOn).toBe('2026-11-16');
    expect(extended.can(extend)).toBe(false);
    expect(snapshotAtStage('kinship', 'kinship.temporaryApproval', { extensionGrantedOn: '2026-09-01' }).can(extend)).toBe(false);
    expect(snapshotAtStage('kinship', 'kinship.fullAssessment').can(extend)).toBe(false);
    expect(snapshotAtStage('kinship', 'kinship.viability').can(extend)).toBe(false);
  });

  test('a kinship panel needs the connected person report', () => {
    const book: PipelineEvent = { type: 'PANEL_BOOKED', occurredOn: on, panelOn: '2026-05-06' };
    const temporary = snapshotAtStage('kinship', 'kinship.temporaryApproval');
    expect(temporary.can(book)).toBe(false);
    const reported = send(temporary, { type: 'CONNECTED_PERSON_REPORT_COMPLETED', occurredOn: on });
    expect(stageOf(send(reported, book))).toBe('panel.booked');
  });

  test('REALLOCATE moves the case to another council after handover without changing its stage', () => {
    const reallocate: PipelineEvent = { type: 'REALLOCATE', occurredOn: on, toCouncilId: 'nottinghamshire', reason: 'Moved house' };
    expect(snapshotAtStage('mainstream', 'enquiry.received').can(reallocate)).toBe(false);
    expect(snapshotAtStage('mainstream', 'application.allocation').can(reallocate)).toBe(false);
    const moved = send(snapshotAtStage('mainstream', 'assessment.stage2', { allocatedCouncilId: 'derby-city' }), reallocate);
    expect(stageOf(moved)).toBe('assessment.stage2');
    expect(moved.context.allocatedCouncilId).toBe('nottinghamshire');
  });

  test('a transfer in from another agency is flagged once, without changing the stage', () => {
    const flag: PipelineEvent = {
      type: 'TRANSFER_IN_RECORDED',
      occurredOn: on,
      previousProviderKind: 'independentAgency',
      previousProviderName: 'Example Fostering Ltd',
      resignationNoticeOn: '2026-02-20',
    };
    const flagged = send(snapshotAtStage('mainstream', 'enquiry.contacted'), flag);
    expect(stageOf(flagged)).toBe('enquiry.contacted');
    expect(flagged.context.transferIn).toEqual({
      previousProviderKind: 'independentAgency',
      previousProviderName: 'Example Fostering Ltd',
      resignationNoticeOn: '2026-02-20',
    });
    expect(flagged.can(flag)).toBe(false);
  });

  test('RESUME needs a record of where the hold came from', () => {
    const resume: PipelineEvent = { type: 'RESUME', occurredOn: on };
    expect(snapshotAtStage('mainstream', 'onHold').can(resume)).toBe(true);
    expect(snapshotAtStage('mainstream', 'onHold', { heldFrom: null }).can(resume)).toBe(false);
  });

  test('no hold once the case has reached panel', () => {
    const hold: PipelineEvent = { type: 'HOLD', occurredOn: on, reason: 'Illness', expectedResumeOn: '2026-04-01' };
    expect(snapshotAtStage('mainstream', 'assessment.readyForPanel').can(hold)).toBe(true);
    expect(snapshotAtStage('mainstream', 'panel.booked').can(hold)).toBe(false);
    expect(snapshotAtStage('kinship', 'kinship.viability').can(hold)).toBe(false);
  });

  test('approved, closed and transferred out accept nothing further', () => {
    const close: PipelineEvent = { type: 'CLOSE', occurredOn: on, reasonCode: 'SAFEGUARDING' };
    const transferOut: PipelineEvent = { type: 'TRANSFER_OUT', occurredOn: on, receivingServiceKind: 'otherCouncil', receivingServiceName: 'Leicester City Council' };
    for (const stage of ['approved', 'closed', 'transferredOut']) {
      expect(snapshotAtStage('mainstream', stage).can(close), stage).toBe(false);
      expect(snapshotAtStage('mainstream', stage).can(transferOut), stage).toBe(false);
    }
  });
});

describe('context and effects', () => {
  test('a transfer out is its own exit: it records the receiving service, the date and the stage it left from', () => {
    const transferred = send(snapshotAtStage('mainstream', 'assessment.stage2'), {
      type: 'TRANSFER_OUT',
      occurredOn: '2026-04-07',
      receivingServiceKind: 'independentAgency',
      receivingServiceName: 'Midlands Family Fostering',
    });
    expect(stageOf(transferred)).toBe('transferredOut');
    expect(transferred.status).toBe('done');
    expect(transferred.hasTag('closed')).toBe(true);
    expect(transferred.context).toMatchObject({
      closedOn: '2026-04-07',
      closedFromStage: 'assessment.stage2',
      closeReasonCode: null,
      withdrawalAwCode: null,
      transferredOutTo: { kind: 'independentAgency', name: 'Midlands Family Fostering' },
    });
  });

  test('a transfer out declares no email and is accepted from kinship and on-hold cases too', () => {
    const event: PipelineEvent = { type: 'TRANSFER_OUT', occurredOn: on, receivingServiceKind: 'otherCouncil', receivingServiceName: 'Leicester City Council' };
    expect(transition(pipelineMachine, snapshotAtStage('mainstream', 'enquiry.received'), event)[1].filter((action) => action.type === 'queueEmail')).toEqual([]);
    expect(stageOf(send(snapshotAtStage('kinship', 'kinship.viability'), event))).toBe('transferredOut');
    expect(stageOf(send(snapshotAtStage('mainstream', 'onHold'), event))).toBe('transferredOut');
  });

  test('closing records the reason, the date and the stage it closed from', () => {
    const closed = send(snapshotAtStage('mainstream', 'assessment.stage2'), {
      type: 'WITHDRAW',
      occurredOn: '2026-04-07',
      reasonCode: 'FINANCES',
      awCode: 'AW4',
    });
    expect(stageOf(closed)).toBe('closed');
    expect(closed.context).toMatchObject({
      closedOn: '2026-04-07',
      closedFromStage: 'assessment.stage2',
      closeReasonCode: 'FINANCES',
      withdrawalAwCode: 'AW4',
    });
  });

  test('a Stage 1 refusal closes the case with its letter date', () => {
    const refused = send(snapshotAtStage('mainstream', 'assessment.stage1'), {
      type: 'STAGE1_NOT_SUITABLE',
      occurredOn: '2026-04-07',
      letterOn: '2026-04-08',
      reason: 'Unsafe home',
    });
    expect(refused.context).toMatchObject({
      closeReasonCode: 'STAGE1_NOT_SUITABLE',
      stage1Outcome: 'notSuitable',
      stage1DecidedOn: '2026-04-08',
      closedFromStage: 'assessment.stage1',
    });
  });

  test('INVITE declares the invitation email as data, for the writer to put in the outbox', () => {
    const [next, actions] = transition(pipelineMachine, snapshotAtStage('mainstream', 'enquiry.visited'), {
      type: 'INVITE',
      occurredOn: on,
    });
    expect(stageOf(next)).toBe('invited');
    expect(actions.map((action) => ({ type: action.type, params: action.params }))).toEqual([
      { type: 'queueEmail', params: { template: 'invitation-to-apply' } },
    ]);
  });

  test('failed contact attempts are counted without leaving the stage', () => {
    let snapshot = snapshotAtStage('mainstream', 'enquiry.received');
    snapshot = send(snapshot, { type: 'CONTACT_ATTEMPT_FAILED', occurredOn: on });
    snapshot = send(snapshot, { type: 'CONTACT_ATTEMPT_FAILED', occurredOn: on });
    expect(stageOf(snapshot)).toBe('enquiry.received');
    expect(snapshot.context.contactAttempts).toBe(2);
  });

  test('a deferral at panel goes back to booked with the new date', () => {
    const deferred = send(snapshotAtStage('mainstream', 'panel.papersSent'), {
      type: 'PANEL_DEFERRED',
      occurredOn: on,
      nextPanelOn: '2026-04-15',
      reason: 'Medical report missing',
    });
    expect(stageOf(deferred)).toBe('panel.booked');
    expect(deferred.context).toMatchObject({ panelOn: '2026-04-15', panelPapersSentOn: null, panelDeferrals: 1 });
  });
});
