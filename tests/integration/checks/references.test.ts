import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import {
  correctRefereeEmail,
  listReferenceRequests,
  recordReferenceOutcome,
  referenceStatus,
  requestReference,
  type ReferenceOutcomeInput,
  sendDueReferenceReminders,
} from '~/modules/checks/references.server';
import { createHousehold, createViewer } from '../../support/factories';

// Dates are worked by hand (DOMAIN.md §2.4): the start day is day 0 and working days skip weekends and bank holidays.
// Wednesday 25 March 2026 + 10 working days = Friday 10 April (Good Friday 3 April and Easter Monday 6 April skipped);
// + 15 working days = Friday 17 April.
const REQUESTED_AT = new Date('2026-03-25T10:00:00Z');
const REQUESTED_ON = '2026-03-25';

async function derbyHouseholdInStage1() {
  const household = await createHousehold({ stage: 'assessment.stage1', allocatedCouncilId: 'derby-city' });
  await prisma.person.createMany({
    data: [
      { householdId: household.id, role: 'applicant', firstName: 'Amara', lastName: 'Okafor' },
      { householdId: household.id, role: 'jointApplicant', firstName: 'Sam', lastName: 'Okafor' },
    ],
  });
  return household;
}

const personalReference = { type: 'personalReference', refereeName: 'Pat Jones', refereeEmail: 'pat.jones@example.test' } as const;

async function emailsFor(checkId: string) {
  return prisma.outboundEmail.findMany({
    where: { idempotencyKey: { contains: checkId } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

async function catchError(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected an error, but the call succeeded');
}

describe('requestReference', () => {
  it('creates the check and queues the request to the referee, with no assessment detail', async () => {
    const worker = await createViewer('socialWorker', 'derby-city', 'Alex Worker');
    const household = await derbyHouseholdInStage1();

    const { checkId } = await requestReference(worker, household.id, personalReference, { now: REQUESTED_AT });

    expect(await prisma.stage1Check.findUniqueOrThrow({ where: { id: checkId } })).toMatchObject({
      householdId: household.id,
      type: 'personalReference',
      refereeName: 'Pat Jones',
      refereeContact: 'pat.jones@example.test',
      requestedOn: REQUESTED_ON,
      remindedOn: null,
      receivedOn: null,
      outcome: null,
    });
    const emails = await emailsFor(checkId);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      template: 'reference-request',
      to: 'pat.jones@example.test',
      idempotencyKey: `reference-request/${checkId}`,
      householdId: household.id,
      status: 'pending',
    });
    expect(JSON.parse(emails[0].propsJson)).toEqual({
      refereeName: 'Pat Jones',
      applicantName: 'Amara Okafor and Sam Okafor',
      councilName: 'Derby City Council',
      contactName: 'Alex Worker',
      contactEmail: worker.email,
      respondBy: '2026-04-17',
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: checkId } });
    expect(audit).toMatchObject({ action: 'reference.requested', actorId: worker.userId, councilId: 'derby-city' });
    expect(audit.afterJson).not.toContain('pat.jones');
  });

  it('refuses a bad address or a missing name with field errors, and writes nothing', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const household = await derbyHouseholdInStage1();

    const error = await catchError(() =>
      requestReference(worker, household.id, { type: 'employer', refereeName: ' ', refereeEmail: 'not an email' }, { now: REQUESTED_AT }),
    );

    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys((error as ValidationFailed).fieldErrors).sort()).toEqual(['refereeEmail', 'refereeName']);
    expect(await prisma.stage1Check.count({ where: { householdId: household.id } })).toBe(0);
  });

  it('answers NotFound to another council and Forbidden to the hub, which sees the case but not its references', async () => {
    const nottinghamWorker = await createViewer('socialWorker', 'nottingham-city');
    const hubOfficer = await createViewer('hubOfficer');
    const household = await derbyHouseholdInStage1();

    expect(await catchError(() => requestReference(nottinghamWorker, household.id, personalReference))).toBeInstanceOf(NotFound);
    expect(await catchError(() => requestReference(hubOfficer, household.id, personalReference))).toBeInstanceOf(Forbidden);
    expect(await catchError(() => listReferenceRequests(nottinghamWorker, household.id))).toBeInstanceOf(NotFound);
    expect(await prisma.stage1Check.count({ where: { householdId: household.id } })).toBe(0);
  });
});

describe('the one automatic reminder', () => {
  it('is queued on the 10th working day without an answer, and only once', async () => {
    const worker = await createViewer('socialWorker', 'derby-city', 'Alex Worker');
    const household = await derbyHouseholdInStage1();
    const { checkId } = await requestReference(worker, household.id, personalReference, { now: REQUESTED_AT });

    await sendDueReferenceReminders({ today: '2026-04-09' });
    expect((await emailsFor(checkId)).map((email) => email.template)).toEqual(['reference-request']);

    await sendDueReferenceReminders({ today: '2026-04-10' });
    await sendDueReferenceReminders({ today: '2026-04-10' });
    await sendDueReferenceReminders({ today: '2026-04-13' });

    const emails = await emailsFor(checkId);
    expect(emails.map((email) => [email.template, email.idempotencyKey, email.to])).toEqual([
      ['reference-request', `reference-request/${checkId}`, 'pat.jones@example.test'],
      ['reference-reminder', `reference-reminder/${checkId}`, 'pat.jones@example.test'],
    ]);
    expect(JSON.parse(emails[1].propsJson)).toMatchObject({ contactName: 'Alex Worker', respondBy: '2026-04-17' });
    expect(await prisma.stage1Check.findUniqueOrThrow({ where: { id: checkId } })).toMatchObject({ remindedOn: '2026-04-10' });
    expect(await prisma.auditEvent.count({ where: { entityId: checkId, action: 'reference.reminded' } })).toBe(1);
  });

  it('is not sent once the reference is in, or when the case has closed', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const answered = await derbyHouseholdInStage1();
    const { checkId: answeredCheck } = await requestReference(worker, answered.id, personalReference, { now: REQUESTED_AT });
    await recordReferenceOutcome(worker, answeredCheck, { receivedOn: '2026-04-01', outcome: 'clear' }, { now: new Date('2026-04-01T12:00:00Z') });
    const closing = await derbyHouseholdInStage1();
    const { checkId: closedCheck } = await requestReference(worker, closing.id, personalReference, { now: REQUESTED_AT });
    await prisma.household.update({ where: { id: closing.id }, data: { stage: 'closed' } });

    await sendDueReferenceReminders({ today: '2026-04-20' });

    expect((await emailsFor(answeredCheck)).map((email) => email.template)).toEqual(['reference-request']);
    expect((await emailsFor(closedCheck)).map((email) => email.template)).toEqual(['reference-request']);
  });
});

describe('correctRefereeEmail', () => {
  it('stores the new address and sends the request again, which earns its own reminder', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const household = await derbyHouseholdInStage1();
    const { checkId } = await requestReference(worker, household.id, personalReference, { now: REQUESTED_AT });
    await sendDueReferenceReminders({ today: '2026-04-10' });

    // Monday 13 April: the request starts again, so its reminder is due on Monday 27 April (10 working days).
    await correctRefereeEmail(worker, checkId, 'pat.jones@example.org', { now: new Date('2026-04-13T09:00:00Z') });

    expect(await prisma.stage1Check.findUniqueOrThrow({ where: { id: checkId } })).toMatchObject({
      refereeContact: 'pat.jones@example.org',
      requestedOn: '2026-04-13',
      remindedOn: null,
    });
    await sendDueReferenceReminders({ today: '2026-04-24' });
    await sendDueReferenceReminders({ today: '2026-04-27' });
    await correctRefereeEmail(worker, checkId, 'pat@example.net', { now: new Date('2026-04-28T09:00:00Z') });

    const emails = await emailsFor(checkId);
    expect(emails.map((email) => [email.idempotencyKey, email.to])).toEqual([
      [`reference-request/${checkId}`, 'pat.jones@example.test'],
      [`reference-reminder/${checkId}`, 'pat.jones@example.test'],
      [`reference-request/${checkId}/2`, 'pat.jones@example.org'],
      [`reference-reminder/${checkId}/2`, 'pat.jones@example.org'],
      [`reference-request/${checkId}/3`, 'pat@example.net'],
    ]);
    // 13 April + 15 working days: 14–17 (4), 20–24 (9), 27 April–1 May (14), Monday 4 May is a bank holiday, Tuesday 5 May.
    expect(JSON.parse(emails[2].propsJson)).toMatchObject({ respondBy: '2026-05-05' });
    const actions = await prisma.auditEvent.findMany({ where: { entityId: checkId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(actions.map((audit) => audit.action)).toEqual([
      'reference.requested',
      'reference.reminded',
      'reference.emailCorrected',
      'reference.reminded',
      'reference.emailCorrected',
    ]);
  });

  it('refuses a bad address, a check in another council, and a referee who has already answered', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const nottinghamManager = await createViewer('fosteringManager', 'nottingham-city');
    const hubManager = await createViewer('hubManager');
    const household = await derbyHouseholdInStage1();
    const { checkId } = await requestReference(worker, household.id, personalReference, { now: REQUESTED_AT });

    const bad = await catchError(() => correctRefereeEmail(worker, checkId, 'pat.jones'));
    expect((bad as ValidationFailed).fieldErrors).toHaveProperty('refereeEmail');
    expect(await catchError(() => correctRefereeEmail(nottinghamManager, checkId, 'pat@example.org'))).toBeInstanceOf(NotFound);
    expect(await catchError(() => correctRefereeEmail(hubManager, checkId, 'pat@example.org'))).toBeInstanceOf(NotFound);

    await recordReferenceOutcome(worker, checkId, { declined: true }, { now: new Date('2026-03-30T09:00:00Z') });
    expect(await catchError(() => correctRefereeEmail(worker, checkId, 'pat@example.org'))).toBeInstanceOf(Conflict);
    expect(await emailsFor(checkId)).toHaveLength(1);
  });
});

describe('recordReferenceOutcome and statuses', () => {
  it('records a received reference once, and a decline', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const nottinghamWorker = await createViewer('socialWorker', 'nottingham-city');
    const household = await derbyHouseholdInStage1();
    const received = await requestReference(worker, household.id, personalReference, { now: REQUESTED_AT });
    const declined = await requestReference(worker, household.id, { ...personalReference, type: 'formerPartner' }, { now: REQUESTED_AT });
    const waiting = await requestReference(worker, household.id, { ...personalReference, type: 'employer' }, { now: REQUESTED_AT });
    const now = new Date('2026-04-20T09:00:00Z');

    const future = await catchError(() => recordReferenceOutcome(worker, received.checkId, { receivedOn: '2026-04-21', outcome: 'clear' }, { now }));
    expect((future as ValidationFailed).fieldErrors).toEqual({ receivedOn: 'The date must be today or in the past' });
    const early = await catchError(() => recordReferenceOutcome(worker, received.checkId, { receivedOn: '2026-03-24', outcome: 'clear' }, { now }));
    expect((early as ValidationFailed).fieldErrors).toHaveProperty('receivedOn');
    const noOutcome = await catchError(() =>
      recordReferenceOutcome(worker, received.checkId, { receivedOn: '2026-04-08' } as unknown as ReferenceOutcomeInput, { now }),
    );
    expect(Object.keys((noOutcome as ValidationFailed).fieldErrors)).toEqual(['outcome']);
    expect(await catchError(() => recordReferenceOutcome(nottinghamWorker, received.checkId, { declined: true }, { now }))).toBeInstanceOf(NotFound);

    expect(await recordReferenceOutcome(worker, received.checkId, { receivedOn: '2026-04-08', outcome: 'informationToConsider' }, { now })).toEqual({
      checkId: received.checkId,
      status: 'received',
    });
    expect(await recordReferenceOutcome(worker, declined.checkId, { declined: true }, { now })).toEqual({ checkId: declined.checkId, status: 'declined' });
    expect(await catchError(() => recordReferenceOutcome(worker, received.checkId, { declined: true }, { now }))).toBeInstanceOf(Conflict);

    expect(await prisma.stage1Check.findUniqueOrThrow({ where: { id: declined.checkId } })).toMatchObject({ outcome: 'declined', receivedOn: null });
    // Monday 20 April is after the due date, Friday 17 April, so the unanswered request is overdue.
    const listed = await listReferenceRequests(worker, household.id, { now });
    expect(listed.map((check) => [check.id, check.status])).toEqual([
      [received.checkId, 'received'],
      [declined.checkId, 'declined'],
      [waiting.checkId, 'overdue'],
    ]);
    expect(await prisma.auditEvent.count({ where: { entityId: household.id, action: 'reference.viewed' } })).toBe(1);
  });

  it('derives requested, reminded, received, declined and overdue by hand-counted dates', () => {
    const requested = { requestedOn: REQUESTED_ON, remindedOn: null, receivedOn: null, outcome: null };
    const reminded = { ...requested, remindedOn: '2026-04-10' };
    expect(referenceStatus(requested, '2026-04-09')).toBe('requested');
    expect(referenceStatus(reminded, '2026-04-10')).toBe('reminded');
    // Due on Friday 17 April; overdue from the next day.
    expect(referenceStatus(reminded, '2026-04-17')).toBe('reminded');
    expect(referenceStatus(reminded, '2026-04-18')).toBe('overdue');
    expect(referenceStatus(requested, '2026-04-18')).toBe('overdue');
    expect(referenceStatus({ ...reminded, receivedOn: '2026-04-30', outcome: 'clear' }, '2026-05-01')).toBe('received');
    expect(referenceStatus({ ...requested, outcome: 'declined' }, '2026-05-01')).toBe('declined');
  });
});
