import { transition } from 'xstate';
import type { Prisma } from '~/generated/prisma/client';
import { insertRow, newRowId } from '~/lib/bulk-insert.server';
import { prisma, type Tx } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { Conflict, Forbidden, NotFound, TransitionRejected, ValidationFailed } from '~/lib/errors';
import { FORM_ERROR_KEY } from '~/lib/forms';
import { instantOnLondonDate, todayInLondon } from '~/lib/uk';
import { recordAudit, type AuditActor } from '~/modules/audit/audit.server';
import { householdScope } from '~/modules/auth/access.server';
import { isCouncilRole } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { queueEmail } from '~/modules/email/outbox.server';
import { recordApproval } from '~/modules/carers/approvals.server';
import { TRANSFERRED_OUT_REASON } from '~/modules/codes/closure-reasons';
import { heldHolidaySet } from '~/modules/jobs/daily.server';
import { recordContactAttempt } from '~/modules/households/contact-attempts.server';
import { recordPanelEvent } from '~/modules/panels/panels.server';
import { eventSchemaFor, liveEventProblems, payloadFactsOf, type PipelineEvent, type PipelineEventType } from './events';
import { isPipelineEventType, maySendEvent } from './event-permissions';
import { applicationDateOf, PIPELINE_MACHINE_VERSION, pipelineMachine } from './machine';
import { nextDeadlineFor } from './next-deadline';
import { restoreSnapshot, serialiseSnapshot, type PipelineSnapshot } from './snapshots';
import { isStageEmailTemplate, stageEmailFor, type StageEmailTemplate } from './stage-emails';
import { stageHasTag, stageLabel, stageOf } from './stages';

// The one writer of a household's stage (STYLE.md §3.2). Nothing else writes `stage`, `pipelineSnapshot` or
// `machineVersion`; tests/integration/pipeline/structure.test.ts searches the source to keep it so.

export type ApplyPipelineEventOptions = {
  /** Why, when the event's own payload has no reason field; an event's `reason` wins. */
  reason?: string;
  requestId?: string;
  /** When the event was keyed in. */
  now?: Date;
};

/** `contactAttemptId`: the contact attempt a first-contact event logged on the timeline, if it carried one. */
export type AppliedPipelineEvent = { from: string; to: string; transitionId: string; contactAttemptId: string | null };

const householdSelect = {
  id: true,
  stage: true,
  pipelineSnapshot: true,
  machineVersion: true,
  version: true,
  councilId: true,
  allocatedCouncilId: true,
  email: true,
  reference: true,
  displayName: true,
  enquiryDate: true,
  route: true,
  ownerId: true,
  nextDueOn: true,
  nextDueRule: true,
} satisfies Prisma.HouseholdSelect;

type HouseholdForEvent = Prisma.HouseholdGetPayload<{ select: typeof householdSelect }>;

const NOT_FOUND_MESSAGE = 'Household not found';
const FORBIDDEN_MESSAGE = 'You do not have permission to do that';
const CONFLICT_MESSAGE = 'Someone else changed this household. Reload the page to see the latest.';

/** The stage where a proposed council answers; its fostering team manager cannot see the case through the usual scope yet. */
const ALLOCATION_STAGE = 'application.allocation';
const ALLOCATION_ANSWERS: readonly string[] = ['ALLOCATION_ACCEPTED', 'ALLOCATION_DECLINED'] satisfies PipelineEventType[];

/** The household as the writer found it, for reading a form's answers into an event. */
export type EventFacts = { snapshot: PipelineSnapshot; allocatedCouncilId: string | null };

/**
 * Applies one pipeline event for the viewer: scoped read, permission, payload, machine, then one transaction with
 * an optimistic lock that writes the snapshot, the transition row, the audit row and any emails the machine declared.
 */
export function applyPipelineEvent(
  viewer: Viewer,
  householdId: string,
  rawEvent: unknown,
  options: ApplyPipelineEventOptions = {},
): Promise<AppliedPipelineEvent> {
  return applyPipelineEventFrom(viewer, householdId, typeOfRawEvent(rawEvent), () => rawEvent, options);
}

/**
 * As applyPipelineEvent, with the raw event built from the household the writer has just read: a form is read
 * against the same snapshot the machine then checks, and the household is read once. `buildEvent` runs after the
 * permission check and may throw ValidationFailed with the form's field errors.
 */
export async function applyPipelineEventFrom(
  viewer: Viewer,
  householdId: string,
  requestedType: string | null,
  buildEvent: (facts: EventFacts) => unknown,
  options: ApplyPipelineEventOptions = {},
): Promise<AppliedPipelineEvent> {
  const now = options.now ?? new Date();
  const actor: AuditActor = { userId: viewer.userId, role: viewer.role };

  const { household, snapshot } = await findHouseholdForEvent(viewer, householdId, requestedType);
  const from = stageOf(snapshot);
  const refuse = async (outcome: 'unknownEvent' | 'forbidden' | 'notAccepted') => {
    await recordAudit(prisma, actor, {
      action: 'pipeline.rejected',
      entity: 'Household',
      entityId: household.id,
      councilId: household.councilId,
      before: { stage: from, version: household.version },
      after: { event: requestedType?.slice(0, 50) ?? null, outcome },
      requestId: options.requestId,
    });
  };
  const staleMessage = `This household has moved to ${stageLabel(from)} since you opened the page.`;

  // A type no page ever offers is a forged request: refused like a stale page, and audited.
  if (!isPipelineEventType(requestedType)) {
    await refuse('unknownEvent');
    throw new TransitionRejected(staleMessage);
  }
  if (!maySendEvent(viewer, requestedType, snapshot.context)) {
    await refuse('forbidden');
    throw new Forbidden(FORBIDDEN_MESSAGE);
  }

  const rawEvent = await buildEvent({ snapshot, allocatedCouncilId: household.allocatedCouncilId });
  const event = parseEvent(requestedType, rawEvent, snapshot, now);
  await assertCouncilChoice(event, household);
  if (!snapshot.can(event)) {
    await refuse('notAccepted');
    throw new TransitionRejected(staleMessage);
  }
  const problems = liveEventProblems(event, snapshot.context);
  if (Object.keys(problems).length > 0) throw new ValidationFailed('Check the details you entered.', problems);

  const [next, actions] = transition(pipelineMachine, snapshot, event);
  const to = stageOf(next);
  const columns = denormalisedColumns(event, from, to, next);
  // The same bank holidays as the daily job: the BankHoliday table, seeded from the maintained list in
  // lib/bank-holidays.ts, so a due date stored here is the one the job would store.
  const holidays = await heldHolidaySet();
  const deadline = nextDeadlineFor({ stage: to, context: next.context, householdDates: { enquiryDate: household.enquiryDate }, holidays });
  const councilIdAfter = columns.councilId ?? household.councilId;

  return prisma.$transaction(async (tx) => {
    const { count } = await tx.household.updateMany({
      where: { id: household.id, version: household.version },
      data: {
        ...columns,
        ...onlyChanged(household, {
          stage: to,
          machineVersion: PIPELINE_MACHINE_VERSION,
          nextDueOn: deadline?.dueOn ?? null,
          nextDueRule: deadline?.rule ?? null,
        }),
        pipelineSnapshot: serialiseSnapshot(next),
        version: { increment: 1 },
        lastActivityAt: now,
      },
    });
    if (count !== 1) throw new Conflict(CONFLICT_MESSAGE);

    const transitionId = newRowId();
    await insertRow(tx, 'PipelineTransition', {
      id: transitionId,
      householdId: household.id,
      fromStage: from,
      toStage: to,
      event: event.type,
      actorId: viewer.userId,
      reason: reasonOf(event) ?? options.reason ?? null,
      reasonCode: stageHasTag(to, 'closed') ? next.context.closeReasonCode : null,
      payloadJson: JSON.stringify(event),
      occurredOn: event.occurredOn,
      occurredAt: instantOnLondonDate(event.occurredOn, now),
      recordedAt: now,
      machineVersion: PIPELINE_MACHINE_VERSION,
    });

    // Codes and stages only: reasons are free text and stay on the transition row.
    await recordAudit(tx, actor, {
      action: `pipeline.${event.type}`,
      entity: 'Household',
      entityId: household.id,
      councilId: councilIdAfter,
      before: { stage: from, version: household.version },
      after: { stage: to, version: household.version + 1, transitionId },
      requestId: options.requestId,
    });

    const contact = contactLoggedBy(event);
    const contactAttemptId = contact
      ? await recordContactAttempt(tx, { householdId: household.id, occurredOn: event.occurredOn, byId: viewer.userId, now, ...contact })
      : null;

    await recordPanelEvent(tx, { id: household.id, allocatedCouncilId: household.allocatedCouncilId, councilId: councilIdAfter }, event);
    if (event.type === 'APPROVE') {
      // The machine accepts APPROVE only after hand-over, so the approving council is the allocated one.
      if (!household.allocatedCouncilId) throw new Error(`Household ${household.id} was approved without an allocated council`);
      await recordApproval(tx, {
        householdId: household.id,
        councilId: household.allocatedCouncilId,
        approvedOn: event.occurredOn,
        route: household.route,
        supervisingWorkerId: household.ownerId,
        terms: event.terms,
        decidedById: viewer.userId,
      });
    }

    const templates = emailsDeclaredBy(actions);
    // Most steps write to nobody, so the applicant is read only for those that do.
    const applicant =
      templates.length === 0
        ? null
        : await tx.person.findFirst({
            where: { householdId: household.id, role: 'applicant' },
            orderBy: { createdAt: 'asc' },
            select: { firstName: true, email: true },
          });
    for (const template of templates) {
      await queueApplicantEmail(tx, template, household, applicant, { event, to, transitionId });
    }
    return { from, to, transitionId, contactAttemptId };
  });
}

// ---------------------------------------------------------------- reading

function typeOfRawEvent(rawEvent: unknown): string | null {
  if (typeof rawEvent !== 'object' || rawEvent === null || !('type' in rawEvent)) return null;
  return typeof rawEvent.type === 'string' ? rawEvent.type : null;
}

async function findHouseholdForEvent(viewer: Viewer, householdId: string, requestedType: string | null) {
  const scoped = await prisma.household.findFirst({
    where: { AND: [householdScope(viewer), { id: householdId }] },
    select: householdSelect,
  });
  if (scoped) return { household: scoped, snapshot: restore(scoped) };

  // Before handover a council sees only the proposal made to it, and only by the manager who may answer it.
  if (isCouncilRole(viewer.role) && isPipelineEventType(requestedType) && ALLOCATION_ANSWERS.includes(requestedType)) {
    const offered = await prisma.household.findFirst({
      where: { id: householdId, stage: ALLOCATION_STAGE, allocatedCouncilId: null },
      select: householdSelect,
    });
    if (offered) {
      const snapshot = restore(offered);
      if (maySendEvent(viewer, requestedType, snapshot.context)) return { household: offered, snapshot };
    }
  }
  throw new NotFound(NOT_FOUND_MESSAGE);
}

function restore(household: HouseholdForEvent): PipelineSnapshot {
  return restoreSnapshot(household.pipelineSnapshot, household.machineVersion);
}

// ---------------------------------------------------------------- the payload

function parseEvent(type: PipelineEventType, rawEvent: unknown, snapshot: PipelineSnapshot, now: Date): PipelineEvent {
  const parsed = eventSchemaFor(type, payloadFactsOf(snapshot.context)).safeParse(rawEvent);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      fieldErrors[issue.path.map(String).join('.') || FORM_ERROR_KEY] ??= issue.message;
    }
    throw new ValidationFailed('Check the details you entered.', fieldErrors);
  }
  // The clock is the writer's, not the schema's: events record what has already happened.
  if (parsed.data.occurredOn > todayInLondon(now)) {
    throw new ValidationFailed('Check the details you entered.', { occurredOn: 'The date must be today or in the past' });
  }
  return parsed.data;
}

async function assertCouncilChoice(event: PipelineEvent, household: HouseholdForEvent) {
  const choice =
    event.type === 'ALLOCATION_PROPOSED' ? { field: 'councilId', councilId: event.councilId }
    : event.type === 'REALLOCATE' ? { field: 'toCouncilId', councilId: event.toCouncilId }
    : null;
  if (!choice) return;
  if (event.type === 'REALLOCATE' && choice.councilId === household.allocatedCouncilId) {
    throw new ValidationFailed('Check the details you entered.', { [choice.field]: 'Choose a different council' });
  }
  const council = await prisma.council.findUnique({ where: { id: choice.councilId }, select: { id: true } });
  if (!council) throw new ValidationFailed('Check the details you entered.', { [choice.field]: 'Choose a council' });
}

/** The contact attempt a first-contact event records, so the timeline and the machine's attempt count agree. */
function contactLoggedBy(event: PipelineEvent): { channel: string; outcome: string; summary: string | null } | null {
  if (event.type === 'CONTACT_ATTEMPT_FAILED' && event.channel && event.outcome) {
    return { channel: event.channel, outcome: event.outcome, summary: event.summary || null };
  }
  if (event.type === 'CONTACT_MADE' && event.channel) return { channel: event.channel, outcome: 'spokeTo', summary: event.summary || null };
  return null;
}

function reasonOf(event: PipelineEvent): string | null {
  return 'reason' in event && typeof event.reason === 'string' ? event.reason : null;
}


// ---------------------------------------------------------------- the columns that mirror the snapshot

type DenormalisedColumns = Pick<
  Prisma.HouseholdUncheckedUpdateManyInput,
  | 'initialVisitDate'
  | 'applicationDate'
  | 'handoverDate'
  | 'panelDate'
  | 'approvalDate'
  | 'closedDate'
  | 'closedReason'
  | 'withdrawalAwCode'
  | 'onHoldSince'
> & { allocatedCouncilId?: string | null; councilId?: string | null };

/** Dates and owners that lists and reports read from columns rather than from the snapshot JSON. */
function denormalisedColumns(event: PipelineEvent, from: string, to: string, next: PipelineSnapshot): DenormalisedColumns {
  const columns: DenormalisedColumns = {};
  switch (event.type) {
    case 'VISIT_COMPLETED':
      columns.initialVisitDate = event.occurredOn;
      break;
    case 'APPLICATION_RECEIVED':
    case 'VIABILITY_STARTED':
      columns.applicationDate = applicationDateOf(next.context);
      break;
    case 'ALLOCATION_ACCEPTED':
      // At handover the case starts counting for, and belongs to, the council that accepted it (DOMAIN.md §2.2).
      columns.handoverDate = event.occurredOn;
      columns.allocatedCouncilId = next.context.allocatedCouncilId;
      columns.councilId = next.context.allocatedCouncilId;
      break;
    case 'REALLOCATE':
      columns.allocatedCouncilId = event.toCouncilId;
      columns.councilId = event.toCouncilId;
      break;
    case 'PANEL_BOOKED':
      columns.panelDate = event.panelOn;
      break;
    case 'PANEL_DEFERRED':
      columns.panelDate = event.nextPanelOn;
      break;
    case 'APPROVE':
      columns.approvalDate = event.occurredOn;
      break;
    default:
      break;
  }
  if (stageHasTag(to, 'closed')) {
    columns.closedDate = next.context.closedOn;
    columns.closedReason = to === 'transferredOut' ? TRANSFERRED_OUT_REASON.code : next.context.closeReasonCode;
    columns.withdrawalAwCode = next.context.withdrawalAwCode;
  }
  if (to === 'onHold' && from !== 'onHold') columns.onHoldSince = event.occurredOn;
  if (from === 'onHold' && to !== 'onHold') columns.onHoldSince = null;
  return columns;
}

/**
 * The columns whose value differs from the household's. SQLite rewrites the index entries of every indexed column an
 * UPDATE names, changed or not, and the household has a dozen indexes on its stage and due date: naming only what
 * changes halves the update and commit of a step that keeps its stage, such as a failed contact attempt (decision 019).
 */
function onlyChanged<Columns extends Record<string, unknown>>(household: HouseholdForEvent, after: Columns): Partial<Columns> {
  const before: Record<string, unknown> = household;
  return Object.fromEntries(Object.entries(after).filter(([column, value]) => before[column] !== value)) as Partial<Columns>;
}

// ---------------------------------------------------------------- emails

/** The templates of the `queueEmail` actions the machine declared for this step, in order. */
function emailsDeclaredBy(actions: readonly { type: string; params?: unknown }[]): StageEmailTemplate[] {
  return actions.flatMap((action) => {
    if (action.type !== 'queueEmail') return [];
    const template = (action.params as { template?: unknown } | undefined)?.template;
    if (typeof template !== 'string' || !isStageEmailTemplate(template)) {
      throw new Error(`The pipeline declared an email with no known template: ${String(template)}`);
    }
    return [template];
  });
}

async function queueApplicantEmail(
  tx: Tx,
  template: StageEmailTemplate,
  household: HouseholdForEvent,
  applicant: { firstName: string; email: string | null } | null,
  step: { event: PipelineEvent; to: string; transitionId: string },
) {
  const to = household.email ?? applicant?.email ?? null;
  if (!to) return; // Nobody to write to: the case page still shows the new stage.
  const facts = { firstName: applicant?.firstName ?? household.displayName, toStage: step.to, baseUrl: env.BASE_URL };
  await queueEmail(tx, {
    ...stageEmailFor(template, step.event, facts),
    to,
    householdId: household.id,
    idempotencyKey: `${template}/${step.transitionId}`,
  });
}
