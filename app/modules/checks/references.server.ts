import { z } from 'zod';
import type { Prisma } from '~/generated/prisma/client';
import { prisma, type Tx } from '~/lib/db.server';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import { FORM_ERROR_KEY } from '~/lib/forms';
import { todayInLondon } from '~/lib/uk';
import { addCalendarDays, addWorkingDays, DEFAULT_HOLIDAY_SET, type HolidaySet } from '~/lib/working-days';
import { recordAudit, type AuditActor } from '~/modules/audit/audit.server';
import { can, householdScope } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { queueEmail } from '~/modules/email/outbox.server';
import { OPEN_STAGES } from '~/modules/pipeline/stages';

// Stage 1 references (DOMAIN.md §2.2 step 7), modelled on DfE's teacher-training service: each request is emailed
// through the outbox, gets one automatic reminder, can be corrected and resent, and shows one status. References are
// assessment content, so only the allocated council's assessment roles see or change them (DOMAIN.md §1.4).
//
// Stage1Check has no referee email or decline columns: the referee's email is kept in `refereeContact`, and a
// decline is the outcome 'declined' with no received date.

export const REFERENCE_TYPES = ['personalReference', 'formerPartner', 'employer', 'previousService'] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

export const REFERENCE_OUTCOMES = ['clear', 'informationToConsider', 'concern'] as const;
const DECLINED = 'declined';

/** One automatic reminder once this many working days pass without a reference. */
export const REMINDER_AFTER_WORKING_DAYS = 10;
/** A reference is due this many working days after it was requested; reg 32(6) sets 15 for records (DOMAIN.md §2.4). */
export const REFERENCE_DUE_WORKING_DAYS = 15;

export type ReferenceStatus = 'requested' | 'reminded' | 'received' | 'declined' | 'overdue';

type ReferenceDates = { requestedOn: string; remindedOn: string | null; receivedOn: string | null; outcome: string | null };

/** The one status a request shows today. Due on the 15th working day after the request; overdue after it. */
export function referenceStatus(check: ReferenceDates, today: string, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): ReferenceStatus {
  if (check.outcome === DECLINED) return 'declined';
  if (check.receivedOn !== null) return 'received';
  if (today > referenceDueOn(check.requestedOn, holidays)) return 'overdue';
  return check.remindedOn === null ? 'requested' : 'reminded';
}

export function referenceDueOn(requestedOn: string, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): string {
  return addWorkingDays(requestedOn, REFERENCE_DUE_WORKING_DAYS, holidays);
}

// ---------------------------------------------------------------- input

const refereeEmail = z.email('Enter an email address in the correct format, like name@example.com');
const calendarDate = z.iso.date('Enter a real date');

const requestSchema = z.object({
  type: z.enum(REFERENCE_TYPES, 'Choose the kind of reference'),
  refereeName: z.string().trim().min(1, "Enter the referee's name").max(200, 'Name must be 200 characters or fewer'),
  refereeEmail,
});
export type ReferenceRequestInput = z.input<typeof requestSchema>;

const receivedSchema = z.object({ receivedOn: calendarDate, outcome: z.enum(REFERENCE_OUTCOMES, 'Choose an outcome') });
export type ReferenceOutcomeInput = z.input<typeof receivedSchema> | { declined: true };

/** A decline carries nothing else; anything else is a received reference, so its fields get their own errors. */
function parseOutcome(input: ReferenceOutcomeInput): z.output<typeof receivedSchema> | { declined: true } {
  return 'declined' in input && input.declined === true ? { declined: true } : parseOrThrow(receivedSchema, input);
}

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join('.') || FORM_ERROR_KEY] ??= issue.message;
  throw new ValidationFailed('Check the details you entered.', fieldErrors);
}

export type ReferenceCommandOptions = { now?: Date; requestId?: string; holidays?: HolidaySet };

// ---------------------------------------------------------------- reads

const householdForReferences = {
  id: true,
  allocatedCouncilId: true,
  displayName: true,
  allocatedCouncil: { select: { name: true } },
  people: {
    where: { role: { in: ['applicant', 'jointApplicant'] } },
    orderBy: { createdAt: 'asc' },
    select: { firstName: true, lastName: true },
  },
} satisfies Prisma.HouseholdSelect;
type HouseholdForReferences = Prisma.HouseholdGetPayload<{ select: typeof householdForReferences }>;

const checkSelect = {
  id: true,
  householdId: true,
  type: true,
  refereeName: true,
  refereeContact: true,
  requestedOn: true,
  remindedOn: true,
  receivedOn: true,
  outcome: true,
} satisfies Prisma.Stage1CheckSelect;

async function findHouseholdForViewer(viewer: Viewer, householdId: string): Promise<HouseholdForReferences> {
  const household = await prisma.household.findFirst({
    where: { AND: [householdScope(viewer), { id: householdId }] },
    select: householdForReferences,
  });
  if (!household) throw new NotFound('Household not found');
  if (!can(viewer, 'household.viewAssessment', household)) throw new Forbidden('You do not have permission to do that');
  return household;
}

/** A reference request the viewer may work on; anyone else is told it does not exist. */
async function findReferenceForViewer(viewer: Viewer, checkId: string) {
  const check = await prisma.stage1Check.findFirst({
    where: { id: checkId, type: { in: [...REFERENCE_TYPES] }, household: householdScope(viewer) },
    select: { ...checkSelect, household: { select: householdForReferences } },
  });
  if (!check || !can(viewer, 'household.viewAssessment', check.household)) throw new NotFound('Reference not found');
  return check;
}

/** The references of one household with today's status, for the case page's Stage 1 tracker. */
export async function listReferenceRequests(viewer: Viewer, householdId: string, options: ReferenceCommandOptions = {}) {
  const household = await findHouseholdForViewer(viewer, householdId);
  const today = todayInLondon(options.now);
  const checks = await prisma.stage1Check.findMany({
    where: { householdId: household.id, type: { in: [...REFERENCE_TYPES] } },
    select: checkSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 100,
  });
  // Reads of reference content are audited (STYLE.md §4).
  await recordAudit(prisma, actorOf(viewer), {
    action: 'reference.viewed',
    entity: 'Household',
    entityId: household.id,
    councilId: household.allocatedCouncilId,
    requestId: options.requestId,
  });
  return checks.map(({ refereeContact, ...check }) => ({
    ...check,
    refereeEmail: refereeContact,
    status: check.requestedOn === null ? null : referenceStatus({ ...check, requestedOn: check.requestedOn }, today, options.holidays),
  }));
}

// ---------------------------------------------------------------- commands

function actorOf(viewer: Viewer): AuditActor {
  return { userId: viewer.userId, role: viewer.role };
}

function applicantNameOf(household: HouseholdForReferences): string {
  const names = household.people.map((person) => `${person.firstName} ${person.lastName}`);
  if (names.length === 0) return household.displayName;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

type Sender = { name: string; email: string };

function referenceEmailProps(household: HouseholdForReferences, refereeName: string, sender: Sender, requestedOn: string, holidays: HolidaySet) {
  if (!household.allocatedCouncil) throw new Conflict('This household has not been allocated to a council yet.');
  return {
    refereeName,
    applicantName: applicantNameOf(household),
    councilName: household.allocatedCouncil.name,
    contactName: sender.name,
    contactEmail: sender.email,
    respondBy: referenceDueOn(requestedOn, holidays),
  };
}

const requestKeyPrefix = (checkId: string) => `reference-request/${checkId}`;
/** The audit actions of a request being sent: the first and each resend. */
const REQUEST_ACTIONS = ['reference.requested', 'reference.emailCorrected'] as const;

/** How many times this reference has been requested: the first request and each resend after a correction. */
async function requestCount(tx: Tx, checkId: string): Promise<number> {
  return tx.outboundEmail.count({
    where: { OR: [{ idempotencyKey: requestKeyPrefix(checkId) }, { idempotencyKey: { startsWith: `${requestKeyPrefix(checkId)}/` } }] },
  });
}

/** Creates the Stage 1 check for one referee and queues the request to them, in one transaction. */
export async function requestReference(
  viewer: Viewer,
  householdId: string,
  input: ReferenceRequestInput,
  options: ReferenceCommandOptions = {},
): Promise<{ checkId: string }> {
  const household = await findHouseholdForViewer(viewer, householdId);
  const data = parseOrThrow(requestSchema, input);
  const today = todayInLondon(options.now);
  const props = referenceEmailProps(household, data.refereeName, viewer, today, options.holidays ?? DEFAULT_HOLIDAY_SET);

  return prisma.$transaction(async (tx) => {
    const check = await tx.stage1Check.create({
      data: {
        householdId: household.id,
        type: data.type,
        refereeName: data.refereeName,
        refereeContact: data.refereeEmail,
        requestedOn: today,
      },
      select: { id: true },
    });
    await queueEmail(tx, {
      template: 'reference-request',
      to: data.refereeEmail,
      props,
      idempotencyKey: requestKeyPrefix(check.id),
      householdId: household.id,
    });
    await recordAudit(tx, actorOf(viewer), {
      action: 'reference.requested',
      entity: 'Stage1Check',
      entityId: check.id,
      councilId: household.allocatedCouncilId,
      after: { householdId: household.id, type: data.type, requestedOn: today },
      requestId: options.requestId,
    });
    return { checkId: check.id };
  });
}

/** A wrong address: store the new one and send the request again, which restarts the reminder and due dates. */
export async function correctRefereeEmail(
  viewer: Viewer,
  checkId: string,
  email: string,
  options: ReferenceCommandOptions = {},
): Promise<{ checkId: string }> {
  const check = await findReferenceForViewer(viewer, checkId);
  const { refereeEmail: corrected } = parseOrThrow(z.object({ refereeEmail }), { refereeEmail: email });
  if (check.receivedOn !== null || check.outcome === DECLINED) {
    throw new Conflict('This referee has already answered, so the request cannot be sent again.');
  }
  const today = todayInLondon(options.now);
  const props = referenceEmailProps(check.household, check.refereeName ?? 'referee', viewer, today, options.holidays ?? DEFAULT_HOLIDAY_SET);

  return prisma.$transaction(async (tx) => {
    const { count } = await tx.stage1Check.updateMany({
      where: { id: check.id, receivedOn: null, remindedOn: check.remindedOn, requestedOn: check.requestedOn },
      data: { refereeContact: corrected, requestedOn: today, remindedOn: null },
    });
    if (count !== 1) throw new Conflict('Someone else changed this reference. Reload the page to see the latest.');
    const sends = await requestCount(tx, check.id);
    await queueEmail(tx, {
      template: 'reference-request',
      to: corrected,
      props,
      idempotencyKey: `${requestKeyPrefix(check.id)}/${sends + 1}`,
      householdId: check.householdId,
    });
    await recordAudit(tx, actorOf(viewer), {
      action: 'reference.emailCorrected',
      entity: 'Stage1Check',
      entityId: check.id,
      councilId: check.household.allocatedCouncilId,
      before: { requestedOn: check.requestedOn, remindedOn: check.remindedOn },
      after: { requestedOn: today, remindedOn: null, request: sends + 1 },
      requestId: options.requestId,
    });
    return { checkId: check.id };
  });
}

/** The referee answered (with the reference's outcome) or declined. Recorded once. */
export async function recordReferenceOutcome(
  viewer: Viewer,
  checkId: string,
  input: ReferenceOutcomeInput,
  options: ReferenceCommandOptions = {},
): Promise<{ checkId: string; status: ReferenceStatus }> {
  const check = await findReferenceForViewer(viewer, checkId);
  const data = parseOutcome(input);
  const today = todayInLondon(options.now);
  if ('receivedOn' in data) {
    if (data.receivedOn > today) throw new ValidationFailed('Check the details you entered.', { receivedOn: 'The date must be today or in the past' });
    if (check.requestedOn !== null && data.receivedOn < check.requestedOn) {
      throw new ValidationFailed('Check the details you entered.', { receivedOn: 'The date must be on or after the date the reference was requested' });
    }
  }
  const update = 'receivedOn' in data ? { receivedOn: data.receivedOn, outcome: data.outcome } : { receivedOn: null, outcome: DECLINED };

  await prisma.$transaction(async (tx) => {
    const { count } = await tx.stage1Check.updateMany({
      where: { id: check.id, receivedOn: null, OR: [{ outcome: null }, { outcome: { not: DECLINED } }] },
      data: update,
    });
    if (count !== 1) throw new Conflict('The answer to this reference has already been recorded.');
    await recordAudit(tx, actorOf(viewer), {
      action: 'reference.outcomeRecorded',
      entity: 'Stage1Check',
      entityId: check.id,
      councilId: check.household.allocatedCouncilId,
      after: update,
      requestId: options.requestId,
    });
  });
  return { checkId: check.id, status: 'receivedOn' in data ? 'received' : 'declined' };
}

// ---------------------------------------------------------------- the daily reminder

const REMINDER_BATCH_SIZE = 200;
/** Ten working days span at least fourteen calendar days, so nothing requested after this can be due a reminder. */
const MIN_CALENDAR_DAYS_TO_REMINDER = 14;

/**
 * Queues the one automatic reminder for every open request that has waited 10 working days without an answer.
 * Idempotent: a reminded request is skipped, and the outbox key stops a second email if two runs overlap.
 */
export async function sendDueReferenceReminders({
  today,
  holidays = DEFAULT_HOLIDAY_SET,
}: {
  today: string;
  holidays?: HolidaySet;
}): Promise<{ remindersQueued: number }> {
  let remindersQueued = 0;
  let after: string | undefined;
  for (;;) {
    const candidates = await prisma.stage1Check.findMany({
      where: {
        type: { in: [...REFERENCE_TYPES] },
        remindedOn: null,
        receivedOn: null,
        outcome: null,
        refereeContact: { not: null },
        requestedOn: { lte: addCalendarDays(today, -MIN_CALENDAR_DAYS_TO_REMINDER) },
        household: { stage: { in: [...OPEN_STAGES] }, allocatedCouncilId: { not: null } },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { ...checkSelect, household: { select: householdForReferences } },
      orderBy: { id: 'asc' },
      take: REMINDER_BATCH_SIZE,
    });
    if (candidates.length === 0) return { remindersQueued };
    after = candidates[candidates.length - 1].id;
    for (const check of candidates) {
      if (check.requestedOn === null || check.refereeContact === null) continue;
      if (addWorkingDays(check.requestedOn, REMINDER_AFTER_WORKING_DAYS, holidays) > today) continue;
      if (await queueReminder(check, check.requestedOn, check.refereeContact, today, holidays)) remindersQueued += 1;
    }
  }
}

type CheckForReminder = Prisma.Stage1CheckGetPayload<{ select: typeof checkSelect & { household: { select: typeof householdForReferences } } }>;

async function queueReminder(check: CheckForReminder, requestedOn: string, to: string, today: string, holidays: HolidaySet) {
  // The reminder names the social worker who sent the latest request, so the referee knows whom to contact.
  const sender = await latestRequestSender(check.id);
  if (!sender) return false;
  const props = referenceEmailProps(check.household, check.refereeName ?? 'referee', sender, requestedOn, holidays);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.stage1Check.updateMany({
      where: { id: check.id, remindedOn: null, requestedOn },
      data: { remindedOn: today },
    });
    if (count !== 1) return false;
    const sends = await requestCount(tx, check.id);
    await queueEmail(tx, {
      template: 'reference-reminder',
      to,
      props,
      // One reminder per request: a corrected and resent request earns its own.
      idempotencyKey: sends <= 1 ? `reference-reminder/${check.id}` : `reference-reminder/${check.id}/${sends}`,
      householdId: check.householdId,
    });
    await recordAudit(tx, null, {
      action: 'reference.reminded',
      entity: 'Stage1Check',
      entityId: check.id,
      councilId: check.household.allocatedCouncilId,
      after: { remindedOn: today },
    });
    return true;
  });
}

/** The social worker who sent the latest request, from its audit row. */
async function latestRequestSender(checkId: string): Promise<Sender | null> {
  const requested = await prisma.auditEvent.findFirst({
    where: { entity: 'Stage1Check', entityId: checkId, action: { in: [...REQUEST_ACTIONS] } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { actorId: true },
  });
  if (!requested?.actorId) return null;
  return prisma.user.findUnique({ where: { id: requested.actorId }, select: { name: true, email: true } });
}
