import type { Prisma } from '~/generated/prisma/client';
import { prisma, type Tx } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import { todayInLondon } from '~/lib/uk';
import { recordAudit, type AuditActor } from '~/modules/audit/audit.server';
import { can, householdScope } from '~/modules/auth/access.server';
import type { Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import type { ContactAttemptInput, NoteInput, TaskInput } from '~/modules/households/casework';
import { recordContactAttempt } from '~/modules/households/contact-attempts.server';
import { maySendEvent } from '~/modules/pipeline/event-permissions';
import type { PipelineEvent } from '~/modules/pipeline/events';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';

// Notes, contact attempts, tasks and the case's worker. Each write reads the household through the viewer's scope
// (outside it: NotFound), checks who may do it, and writes its row, an audit row and the household's
// lastActivityAt in one transaction.

type CaseworkOptions = { requestId?: string; now?: Date };
type HouseholdOwnership = { id: string; allocatedCouncilId: string | null; councilId: string | null };

const FORBIDDEN_MESSAGE = 'You do not have permission to do that';

// Who may be given the case: hub staff before handover, the allocated council's assessing roles after it.
const HUB_STAFF: readonly Role[] = ['hubOfficer', 'hubManager'];
const COUNCIL_CASEWORKERS: readonly Role[] = ['socialWorker', 'fosteringManager', 'decisionMaker', 'panelAdviser'];

/** Staff who can see and work this household now: hub staff before handover, the allocated council's after. */
function caseStaffWhere(household: { allocatedCouncilId: string | null }): Prisma.UserWhereInput {
  return household.allocatedCouncilId === null
    ? { active: true, role: { in: [...HUB_STAFF] } }
    : { active: true, role: { in: [...COUNCIL_CASEWORKERS] }, councilId: household.allocatedCouncilId };
}

export async function listCaseStaff(household: { allocatedCouncilId: string | null }) {
  return prisma.user.findMany({
    where: caseStaffWhere(household),
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

async function findHouseholdToWork(viewer: Viewer, householdId: string): Promise<HouseholdOwnership> {
  const household = await prisma.household.findFirst({
    where: { AND: [householdScope(viewer), { id: householdId }] },
    select: { id: true, allocatedCouncilId: true, councilId: true },
  });
  if (!household) throw new NotFound('Household not found');
  if (!can(viewer, 'household.casework', household)) throw new Forbidden(FORBIDDEN_MESSAGE);
  return household;
}

async function assertCaseStaff(household: HouseholdOwnership, userId: string, field: string, message: string) {
  const user = await prisma.user.findFirst({ where: { AND: [caseStaffWhere(household), { id: userId }] }, select: { id: true } });
  if (!user) throw new ValidationFailed('Check the details you entered.', { [field]: message });
}

const actorOf = (viewer: Viewer): AuditActor => ({ userId: viewer.userId, role: viewer.role });

export async function touchHousehold(tx: Tx, householdId: string, now: Date) {
  await tx.household.update({ where: { id: householdId }, data: { lastActivityAt: now } });
}

/** A restricted (safeguarding) note is written and read only by the council's assessment roles (DOMAIN.md §1.4). */
export async function addNote(viewer: Viewer, householdId: string, input: NoteInput, options: CaseworkOptions = {}) {
  const now = options.now ?? new Date();
  const household = await findHouseholdToWork(viewer, householdId);
  if (input.restricted && !can(viewer, 'household.viewAssessment', household)) throw new Forbidden(FORBIDDEN_MESSAGE);
  return prisma.$transaction(async (tx) => {
    const note = await tx.note.create({
      data: { householdId, body: input.body, restricted: input.restricted, peerSupport: input.peerSupport, authorId: viewer.userId, createdAt: now },
      select: { id: true },
    });
    await touchHousehold(tx, householdId, now);
    // The note itself is free text and stays out of the audit log.
    await recordAudit(tx, actorOf(viewer), {
      action: 'household.noteAdded',
      entity: 'Household',
      entityId: householdId,
      councilId: household.councilId,
      after: { noteId: note.id, restricted: input.restricted, peerSupport: input.peerSupport },
      requestId: options.requestId,
    });
    return note;
  });
}


/**
 * Logs a contact attempt. While the enquiry awaits first contact, the attempt is a pipeline event, applied by the
 * one writer with the contact row in its transaction: a failed attempt counts towards closing for no contact, and
 * speaking to them is first contact made. Any other contact is a plain row.
 */
export async function logContactAttempt(viewer: Viewer, householdId: string, input: ContactAttemptInput, options: CaseworkOptions = {}) {
  const now = options.now ?? new Date();
  const household = await findHouseholdToWork(viewer, householdId);
  if (input.occurredOn > todayInLondon(now)) {
    throw new ValidationFailed('Check the details you entered.', { occurredOn: 'The date of the contact attempt must be today or in the past' });
  }
  const event = await pipelineEventForContact(viewer, householdId, input);
  if (event) {
    const applied = await applyPipelineEvent(viewer, householdId, event, options);
    if (!applied.contactAttemptId) throw new Error('The pipeline writer did not log the contact attempt');
    return { id: applied.contactAttemptId };
  }
  return prisma.$transaction(async (tx) => {
    const id = await recordContactAttempt(tx, { householdId, occurredOn: input.occurredOn, channel: input.channel, outcome: input.outcome, summary: input.summary, byId: viewer.userId, now });
    await touchHousehold(tx, householdId, now);
    await recordAudit(tx, actorOf(viewer), {
      action: 'household.contactLogged',
      entity: 'Household',
      entityId: householdId,
      councilId: household.councilId,
      after: { contactAttemptId: id, channel: input.channel, outcome: input.outcome },
      requestId: options.requestId,
    });
    return { id };
  });
}

/** The first-contact event this attempt is, if the viewer may send it and the machine accepts it now. */
async function pipelineEventForContact(viewer: Viewer, householdId: string, input: ContactAttemptInput): Promise<PipelineEvent | null> {
  const { pipelineSnapshot, machineVersion } = await prisma.household.findUniqueOrThrow({
    where: { id: householdId },
    select: { pipelineSnapshot: true, machineVersion: true },
  });
  const snapshot = restoreSnapshot(pipelineSnapshot, machineVersion);
  const summary = input.summary ?? undefined;
  const event: PipelineEvent =
    input.outcome === 'spokeTo'
      ? { type: 'CONTACT_MADE', occurredOn: input.occurredOn, channel: input.channel, summary }
      : { type: 'CONTACT_ATTEMPT_FAILED', occurredOn: input.occurredOn, channel: input.channel, outcome: input.outcome, summary };
  return maySendEvent(viewer, event.type, snapshot.context) && snapshot.can(event) ? event : null;
}

export async function addTask(viewer: Viewer, householdId: string, input: TaskInput, options: CaseworkOptions = {}) {
  const now = options.now ?? new Date();
  const household = await findHouseholdToWork(viewer, householdId);
  if (input.dueOn < todayInLondon(now)) {
    throw new ValidationFailed('Check the details you entered.', { dueOn: 'The due date must be today or in the future' });
  }
  await assertCaseStaff(household, input.ownerId, 'ownerId', 'Choose someone who works on this household');
  return prisma.$transaction(async (tx) => {
    const task = await tx.task.create({
      data: { householdId, title: input.title, dueOn: input.dueOn, ownerId: input.ownerId, createdById: viewer.userId, createdAt: now },
      select: { id: true },
    });
    await touchHousehold(tx, householdId, now);
    await recordAudit(tx, actorOf(viewer), {
      action: 'task.created',
      entity: 'Task',
      entityId: task.id,
      councilId: household.councilId,
      after: { householdId, dueOn: input.dueOn, ownerId: input.ownerId },
      requestId: options.requestId,
    });
    return task;
  });
}

export async function completeTask(viewer: Viewer, householdId: string, taskId: string, options: CaseworkOptions = {}) {
  const now = options.now ?? new Date();
  const household = await findHouseholdToWork(viewer, householdId);
  return prisma.$transaction(async (tx) => {
    // The household in the where keeps a task id from another case from being closed through this one.
    const { count } = await tx.task.updateMany({
      where: { id: taskId, householdId, status: 'open' },
      data: { status: 'done', completedAt: now },
    });
    if (count !== 1) throw new NotFound('Task not found');
    await touchHousehold(tx, householdId, now);
    await recordAudit(tx, actorOf(viewer), {
      action: 'task.completed',
      entity: 'Task',
      entityId: taskId,
      councilId: household.councilId,
      after: { householdId, status: 'done' },
      requestId: options.requestId,
    });
  });
}

export async function assignWorker(viewer: Viewer, householdId: string, ownerId: string, options: CaseworkOptions = {}) {
  const now = options.now ?? new Date();
  const household = await prisma.household.findFirst({
    where: { AND: [householdScope(viewer), { id: householdId }] },
    select: { id: true, allocatedCouncilId: true, councilId: true, ownerId: true },
  });
  if (!household) throw new NotFound('Household not found');
  if (!can(viewer, 'household.assignWorker', household)) throw new Forbidden(FORBIDDEN_MESSAGE);
  await assertCaseStaff(household, ownerId, 'ownerId', 'Choose someone who works on this household');
  await prisma.$transaction(async (tx) => {
    await tx.household.update({ where: { id: householdId }, data: { ownerId, lastActivityAt: now } });
    await recordAudit(tx, actorOf(viewer), {
      action: 'household.workerAssigned',
      entity: 'Household',
      entityId: householdId,
      councilId: household.councilId,
      before: { ownerId: household.ownerId },
      after: { ownerId },
      requestId: options.requestId,
    });
  });
}
