import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { listTimelineForViewer } from '~/modules/households/timeline.server';
import { createHousehold, createViewer } from '../../support/factories';

const at = (iso: string) => new Date(iso);

/** One of each kind, at known instants, so the expected order can be written out by hand. */
async function seedTimeline(householdId: string, authorId: string) {
  await prisma.pipelineTransition.create({
    data: {
      householdId,
      fromStage: 'enquiry.received',
      toStage: 'enquiry.contacted',
      event: 'CONTACT_MADE',
      actorId: authorId,
      reason: 'Spoke on the phone',
      occurredOn: '2026-04-01',
      occurredAt: at('2026-04-01T09:00:00Z'),
      machineVersion: 1,
    },
  });
  await prisma.contactAttempt.create({
    data: { householdId, occurredAt: at('2026-03-31T15:00:00Z'), channel: 'phone', outcome: 'noAnswer', summary: 'Tried at tea time', byId: authorId },
  });
  await prisma.note.create({ data: { householdId, body: 'Prefers evenings', authorId, createdAt: at('2026-04-02T10:00:00Z') } });
  await prisma.note.create({
    data: { householdId, body: 'Safeguarding: see the council record', restricted: true, authorId, createdAt: at('2026-04-03T10:00:00Z') },
  });
  await prisma.note.create({
    data: { householdId, body: 'Matched with a peer buddy', peerSupport: true, authorId, createdAt: at('2026-04-04T10:00:00Z') },
  });
  await prisma.outboundEmail.create({
    data: {
      householdId,
      template: 'invitation-to-apply',
      to: 'applicant@example.test',
      propsJson: '{}',
      idempotencyKey: `invitation-to-apply/${householdId}`,
      status: 'sent',
      createdAt: at('2026-04-01T09:00:01Z'),
      sentAt: at('2026-04-01T09:00:05Z'),
    },
  });
}

beforeEach(async () => {
  await prisma.household.deleteMany();
  await prisma.outboundEmail.deleteMany();
});

describe('listTimelineForViewer', () => {
  it('merges stage changes, contact attempts, notes and emails, newest first, for the hub before handover', async () => {
    const hub = await createViewer('hubOfficer', null, 'Rosie Fernleigh');
    const household = await createHousehold({ stage: 'enquiry.contacted' });
    await seedTimeline(household.id, hub.userId);

    const timeline = await listTimelineForViewer(hub, household);

    // 4 Apr peer note, 2 Apr note, 1 Apr 09:00:01 email, 1 Apr 09:00 stage change, 31 Mar contact; the restricted
    // note of 3 Apr is for council assessment roles only.
    expect(timeline.map((entry) => entry.kind)).toEqual(['note', 'note', 'email', 'stageChange', 'contact']);
    const [peerNote, note, email, stageChange, contact] = timeline;
    expect(peerNote).toMatchObject({ body: 'Matched with a peer buddy', peerSupport: true, byName: 'Rosie Fernleigh' });
    expect(note).toMatchObject({ body: 'Prefers evenings', restricted: false });
    expect(email).toEqual({
      kind: 'email',
      id: expect.any(String),
      at: at('2026-04-01T09:00:01Z'),
      templateLabel: 'Invitation to apply',
      status: 'sent',
      sentAt: at('2026-04-01T09:00:05Z'),
    });
    expect(JSON.stringify(timeline)).not.toContain('applicant@example.test');
    expect(stageChange).toMatchObject({
      fromLabel: 'Enquiry received',
      toLabel: 'First contact made',
      occurredOn: '2026-04-01',
      byName: 'Rosie Fernleigh',
      reason: 'Spoke on the phone',
    });
    expect(contact).toMatchObject({ channelLabel: 'Phone', outcomeLabel: 'No answer', summary: 'Tried at tea time' });
  });

  it('shows restricted notes to the allocated council’s assessment roles', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const household = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await seedTimeline(household.id, worker.userId);

    const timeline = await listTimelineForViewer(worker, household);

    expect(timeline.map((entry) => entry.kind)).toEqual(['note', 'note', 'note', 'email', 'stageChange', 'contact']);
    expect(timeline[1]).toMatchObject({ kind: 'note', restricted: true, body: 'Safeguarding: see the council record' });
  });

  it('keeps only stage changes and peer-support notes for the hub after handover, without reasons', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const hub = await createViewer('hubManager');
    const household = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await seedTimeline(household.id, worker.userId);

    const timeline = await listTimelineForViewer(hub, household);

    expect(timeline.map((entry) => entry.kind)).toEqual(['note', 'stageChange']);
    expect(timeline[0]).toMatchObject({ peerSupport: true });
    expect(timeline[1]).toMatchObject({ kind: 'stageChange', reason: null });
  });

  it('gives nothing for a household outside the viewer’s scope', async () => {
    const nottingham = await createViewer('socialWorker', 'nottingham-city');
    const household = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await seedTimeline(household.id, nottingham.userId);

    expect(await listTimelineForViewer(nottingham, household)).toEqual([]);
  });

  it('keeps the newest entries when there are more than asked for', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold();
    await seedTimeline(household.id, hub.userId);

    const timeline = await listTimelineForViewer(hub, household, 2);

    expect(timeline.map((entry) => (entry.kind === 'note' ? entry.body : entry.kind))).toEqual(['Matched with a peer buddy', 'Prefers evenings']);
  });
});
