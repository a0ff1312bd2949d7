import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import { getCasePageForViewer, submitCaseForm } from '~/modules/households/case-page.server';
import { addNote, addTask, assignWorker, completeTask, logContactAttempt } from '~/modules/households/casework.server';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { createHousehold, createViewer } from '../../support/factories';

// Tuesday 7 April 2026, 13:30 in London (BST).
const NOW = new Date('2026-04-07T12:30:00Z');

async function auditRowsFor(entityId: string) {
  return prisma.auditEvent.findMany({
    where: { entityId },
    select: { action: true, actorId: true, beforeJson: true, afterJson: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

const derbyAllocated = () => createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });

function form(fields: Record<string, string | string[]>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) formData.append(name, entry);
  }
  return formData;
}

beforeEach(async () => {
  await prisma.household.deleteMany();
  await prisma.auditEvent.deleteMany();
});

describe('notes', () => {
  it('adds a note, bumps lastActivityAt and writes an audit row without the note text', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold();

    const note = await addNote(hub, household.id, { body: 'Prefers evenings', restricted: false, peerSupport: true }, { now: NOW });

    expect(await prisma.note.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      householdId: household.id,
      body: 'Prefers evenings',
      peerSupport: true,
      restricted: false,
      authorId: hub.userId,
    });
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).lastActivityAt).toEqual(NOW);
    const audit = await auditRowsFor(household.id);
    expect(audit).toEqual([
      {
        action: 'household.noteAdded',
        actorId: hub.userId,
        beforeJson: null,
        afterJson: JSON.stringify({ noteId: note.id, restricted: false, peerSupport: true }),
      },
    ]);
  });

  it('lets only the council’s assessment roles write a restricted note', async () => {
    const hub = await createViewer('hubManager');
    const worker = await createViewer('socialWorker', 'derby-city');
    const beforeHandover = await createHousehold();
    const allocated = await derbyAllocated();

    await expect(addNote(hub, beforeHandover.id, { body: 'Concern', restricted: true, peerSupport: false })).rejects.toBeInstanceOf(Forbidden);
    await addNote(worker, allocated.id, { body: 'Concern', restricted: true, peerSupport: false });

    expect(await prisma.note.count({ where: { restricted: true } })).toBe(1);
  });

  it('refuses a household outside the scope with NotFound, and the hub after handover with Forbidden', async () => {
    const nottingham = await createViewer('socialWorker', 'nottingham-city');
    const hub = await createViewer('hubOfficer');
    const allocated = await derbyAllocated();

    await expect(addNote(nottingham, allocated.id, { body: 'x', restricted: false, peerSupport: false })).rejects.toBeInstanceOf(NotFound);
    await expect(addNote(hub, allocated.id, { body: 'x', restricted: false, peerSupport: false })).rejects.toBeInstanceOf(Forbidden);
    expect(await prisma.note.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it('hides restricted notes from hub roles on the case page', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold();
    await prisma.note.create({ data: { householdId: household.id, body: 'Safeguarding concern', restricted: true } });
    await prisma.note.create({ data: { householdId: household.id, body: 'Call after 5pm' } });

    const page = await getCasePageForViewer(hub, household.id, { today: '2026-04-07' });

    const notes = page.timeline?.filter((entry) => entry.kind === 'note') ?? [];
    expect(notes.map((entry) => (entry.kind === 'note' ? entry.body : null))).toEqual(['Call after 5pm']);
    expect(page.checks).toBeNull();
    expect(page.permissions.restrictedNotes).toBe(false);
  });
});

describe('contact attempts', () => {
  it('logs an attempt today at the moment it was keyed in, and a back-dated one at noon UTC', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold();

    const today = await logContactAttempt(hub, household.id, { occurredOn: '2026-04-07', channel: 'phone', outcome: 'noAnswer', summary: null }, { now: NOW });
    const earlier = await logContactAttempt(hub, household.id, { occurredOn: '2026-04-03', channel: 'email', outcome: 'emailSent', summary: 'Sent the pack' }, { now: NOW });

    expect(await prisma.contactAttempt.findUniqueOrThrow({ where: { id: today.id } })).toMatchObject({ occurredAt: NOW, channel: 'phone', byId: hub.userId });
    expect(await prisma.contactAttempt.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({
      occurredAt: new Date('2026-04-03T12:00:00Z'),
      summary: 'Sent the pack',
    });
    // Both failed while the enquiry awaited first contact: each is a pipeline step, counted by the machine.
    expect((await auditRowsFor(household.id)).map((row) => row.action)).toEqual(['pipeline.CONTACT_ATTEMPT_FAILED', 'pipeline.CONTACT_ATTEMPT_FAILED']);
    const row = await prisma.household.findUniqueOrThrow({ where: { id: household.id } });
    expect(restoreSnapshot(row.pipelineSnapshot, row.machineVersion).context.contactAttempts).toBe(2);
    expect(row.stage).toBe('enquiry.received');
  });

  it('makes speaking to them first contact, and logs later contact without moving the pipeline', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold();

    await logContactAttempt(hub, household.id, { occurredOn: '2026-04-06', channel: 'phone', outcome: 'spokeTo', summary: 'Talked it through' }, { now: NOW });
    expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({ stage: 'enquiry.contacted', version: 1 });
    const made = await prisma.pipelineTransition.findMany({ where: { householdId: household.id }, select: { event: true, fromStage: true, toStage: true } });
    expect(made).toEqual([{ event: 'CONTACT_MADE', fromStage: 'enquiry.received', toStage: 'enquiry.contacted' }]);

    await logContactAttempt(hub, household.id, { occurredOn: '2026-04-07', channel: 'text', outcome: 'noAnswer', summary: null }, { now: NOW });
    expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({ stage: 'enquiry.contacted', version: 1 });
    expect(await prisma.pipelineTransition.count({ where: { householdId: household.id } })).toBe(1);
    const contacts = await prisma.contactAttempt.findMany({ where: { householdId: household.id }, orderBy: { occurredAt: 'asc' }, select: { outcome: true } });
    expect(contacts).toEqual([{ outcome: 'spokeTo' }, { outcome: 'noAnswer' }]);
    expect((await auditRowsFor(household.id)).map((audit) => audit.action)).toEqual(['pipeline.CONTACT_MADE', 'household.contactLogged']);
  });

  it('refuses a date in the future, and a household outside the scope', async () => {
    const hub = await createViewer('hubOfficer');
    const derbyManager = await createViewer('fosteringManager', 'derby-city');
    const household = await createHousehold();
    const attempt = { occurredOn: '2026-04-08', channel: 'phone', outcome: 'noAnswer', summary: null } as const;

    await expect(logContactAttempt(hub, household.id, attempt, { now: NOW })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(logContactAttempt(derbyManager, household.id, { ...attempt, occurredOn: '2026-04-07' }, { now: NOW })).rejects.toBeInstanceOf(NotFound);
    expect(await prisma.contactAttempt.count()).toBe(0);
  });
});

describe('tasks', () => {
  it('adds a task for hub staff before handover, refuses a council owner, and marks it done', async () => {
    const hub = await createViewer('hubOfficer');
    const derbyWorker = await createViewer('socialWorker', 'derby-city');
    const household = await createHousehold();

    await expect(
      addTask(hub, household.id, { title: 'Call back', dueOn: '2026-04-09', ownerId: derbyWorker.userId }, { now: NOW }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    const task = await addTask(hub, household.id, { title: 'Call back', dueOn: '2026-04-09', ownerId: hub.userId }, { now: NOW });
    await completeTask(hub, household.id, task.id, { now: NOW });

    expect(await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: 'Call back',
      dueOn: '2026-04-09',
      ownerId: hub.userId,
      status: 'done',
      completedAt: NOW,
    });
    expect((await auditRowsFor(task.id)).map((row) => row.action)).toEqual(['task.created', 'task.completed']);
  });

  it('offers the allocated council’s staff after handover, and will not close another household’s task', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const nottinghamWorker = await createViewer('socialWorker', 'nottingham-city');
    const household = await derbyAllocated();
    const other = await derbyAllocated();

    await expect(
      addTask(worker, household.id, { title: 'DBS', dueOn: '2026-04-10', ownerId: nottinghamWorker.userId }, { now: NOW }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    const task = await addTask(worker, household.id, { title: 'DBS', dueOn: '2026-04-10', ownerId: worker.userId }, { now: NOW });

    await expect(completeTask(worker, other.id, task.id)).rejects.toBeInstanceOf(NotFound);
    await expect(completeTask(nottinghamWorker, household.id, task.id)).rejects.toBeInstanceOf(NotFound);
    expect((await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('open');
  });

  it('refuses a due date in the past', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold();

    await expect(addTask(hub, household.id, { title: 'Late', dueOn: '2026-04-06', ownerId: hub.userId }, { now: NOW })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
  });
});

describe('assigning a worker', () => {
  it('lets a hub manager assign before handover, not a hub officer', async () => {
    const manager = await createViewer('hubManager');
    const officer = await createViewer('hubOfficer');
    const household = await createHousehold();

    await expect(assignWorker(officer, household.id, officer.userId)).rejects.toBeInstanceOf(Forbidden);
    await assignWorker(manager, household.id, officer.userId, { now: NOW });

    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).ownerId).toBe(officer.userId);
    expect(await auditRowsFor(household.id)).toEqual([
      {
        action: 'household.workerAssigned',
        actorId: manager.userId,
        beforeJson: JSON.stringify({ ownerId: null }),
        afterJson: JSON.stringify({ ownerId: officer.userId }),
      },
    ]);
  });

  it('after handover: the allocated council’s fostering manager only; another council gets NotFound', async () => {
    const derbyManager = await createViewer('fosteringManager', 'derby-city');
    const derbyWorker = await createViewer('socialWorker', 'derby-city');
    const hubManager = await createViewer('hubManager');
    const nottinghamManager = await createViewer('fosteringManager', 'nottingham-city');
    const household = await derbyAllocated();

    await expect(assignWorker(hubManager, household.id, derbyWorker.userId)).rejects.toBeInstanceOf(Forbidden);
    await expect(assignWorker(derbyWorker, household.id, derbyWorker.userId)).rejects.toBeInstanceOf(Forbidden);
    await expect(assignWorker(nottinghamManager, household.id, derbyWorker.userId)).rejects.toBeInstanceOf(NotFound);
    await expect(assignWorker(derbyManager, household.id, hubManager.userId)).rejects.toBeInstanceOf(ValidationFailed);
    await assignWorker(derbyManager, household.id, derbyWorker.userId);

    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).ownerId).toBe(derbyWorker.userId);
    expect((await auditRowsFor(household.id)).map((row) => row.action)).toEqual(['household.workerAssigned']);
  });
});

describe('the case page’s forms', () => {
  it('turns a GOV.UK date into the event and moves the household on', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold({ stage: 'enquiry.contacted' });

    const outcome = await submitCaseForm(
      hub,
      household.id,
      form({
        intent: 'event',
        eventType: 'VISIT_BOOKED',
        'occurredOn-day': '6',
        'occurredOn-month': '4',
        'occurredOn-year': '2026',
        'visitOn-day': '14',
        'visitOn-month': 'Apr',
        'visitOn-year': '2026',
      }),
      { now: NOW },
    );

    expect(outcome).toEqual({ ok: true, done: 'VISIT_BOOKED', stillVisible: true });
    expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({ stage: 'enquiry.visitBooked' });
    const transition = await prisma.pipelineTransition.findFirstOrThrow({ where: { householdId: household.id } });
    expect(transition).toMatchObject({ event: 'VISIT_BOOKED', occurredOn: '2026-04-06' });
    expect(JSON.parse(transition.payloadJson ?? '')).toEqual({ type: 'VISIT_BOOKED', occurredOn: '2026-04-06', visitOn: '2026-04-14' });
  });

  it('answers 400 with field errors and the typed values for that event’s form, changing nothing', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold({ stage: 'enquiry.contacted' });

    const outcome = await submitCaseForm(
      hub,
      household.id,
      form({ intent: 'event', eventType: 'VISIT_BOOKED', 'occurredOn-day': '31', 'occurredOn-month': '2', 'occurredOn-year': '2026' }),
      { now: NOW },
    );

    expect(outcome).toEqual({
      ok: false,
      status: 400,
      failure: {
        form: 'event-VISIT_BOOKED',
        fieldErrors: {
          occurredOn: 'The date it happened must be a real date',
          visitOn: 'Enter the date of the initial visit',
        },
        values: { intent: 'event', eventType: 'VISIT_BOOKED', 'occurredOn-day': '31', 'occurredOn-month': '2', 'occurredOn-year': '2026' },
        conflict: null,
      },
    });
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).stage).toBe('enquiry.contacted');
  });

  it('answers 409 for an event the machine no longer accepts, and refuses a forged event type with an audit row', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold({ stage: 'enquiry.visitBooked' });
    const today = { 'occurredOn-day': '7', 'occurredOn-month': '4', 'occurredOn-year': '2026' };

    const stale = await submitCaseForm(hub, household.id, form({ intent: 'event', eventType: 'CONTACT_MADE', ...today }), { now: NOW });
    const forged = await submitCaseForm(hub, household.id, form({ intent: 'event', eventType: 'DELETE_EVERYTHING', ...today }), { now: NOW });

    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      failure: { form: 'event-CONTACT_MADE', conflict: 'This household has moved to Initial visit booked since you opened the page.' },
    });
    expect(forged).toMatchObject({ ok: false, status: 409, failure: { form: 'event-DELETE_EVERYTHING' } });
    const refusals = await prisma.auditEvent.findMany({ where: { entityId: household.id }, select: { action: true, afterJson: true } });
    expect(refusals.map((row) => [row.action, JSON.parse(row.afterJson ?? '{}').outcome])).toEqual([
      ['pipeline.rejected', 'notAccepted'],
      ['pipeline.rejected', 'unknownEvent'],
    ]);
    expect(await prisma.pipelineTransition.count({ where: { householdId: household.id } })).toBe(0);
  });

  it('keeps a note form’s input on a 400', async () => {
    const hub = await createViewer('hubOfficer');
    const household = await createHousehold();

    const outcome = await submitCaseForm(hub, household.id, form({ intent: 'note', body: '   ', flags: 'peerSupport' }));

    expect(outcome).toEqual({
      ok: false,
      status: 400,
      failure: { form: 'note', fieldErrors: { body: 'Enter the note' }, values: { intent: 'note', body: '   ', flags: 'peerSupport' }, conflict: null },
    });
  });
});
