import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { DEADLINE_RULES, deadlineStatus, type DeadlineRuleName } from '~/lib/deadlines';
import { Conflict, NotFound, TransitionRejected, ValidationFailed } from '~/lib/errors';
import { FORM_ERROR_KEY, parseForm } from '~/lib/forms';
import { formatDate, todayInLondon } from '~/lib/uk';
import type { HolidaySet } from '~/lib/working-days';
import { heldHolidaySet } from '~/modules/jobs/daily.server';
import {
  addSkillsToFosterTraining,
  addStage2Session,
  getStage2ForCasePage,
  saveStage2Details,
  STAGE2_NOTICES,
} from '~/modules/assessment/stage2.server';
import { skillsToFosterSchema, stage2DetailsSchema, stage2SessionSchema } from '~/modules/assessment/stage2';
import { recordAudit } from '~/modules/audit/audit.server';
import { can, householdScope, seesEveryHousehold } from '~/modules/auth/access.server';
import { REFERENCE_TYPES } from '~/modules/checks/references.server';
import { isCouncilRole } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import {
  isReferenceIntent,
  listReferencesForCasePage,
  REFERENCE_FORM_SCHEMAS,
  REFERENCE_NOTICES,
  referenceFormKey,
  submitReferenceAnswer,
  submitReferenceRequest,
  submitRefereeEmailCorrection,
  type ReferenceIntent,
} from '~/modules/checks/reference-page.server';
import { enquiryChannelLabel, enquiryInterestLabel, enquirySourceLabel } from '~/modules/codes/enquiry';
import {
  assignWorkerSchema,
  completeTaskSchema,
  contactAttemptSchema,
  noteSchema,
  taskSchema,
} from '~/modules/households/casework';
import {
  addNote,
  addTask,
  assignWorker,
  completeTask,
  listCaseStaff,
  logContactAttempt,
} from '~/modules/households/casework.server';
import { temporaryApprovalWarningFor } from '~/modules/households/temporary-approval-warning';
import { listTimelineForViewer } from '~/modules/households/timeline.server';
import { availableEventsAt } from '~/modules/pipeline/available-events.server';
import { asksForCouncil, eventFormFields, eventFromForm, formValues, type EventFormContext } from '~/modules/pipeline/event-form';
import { isPipelineEventType, maySendEvent } from '~/modules/pipeline/event-permissions';
import { NO_CONTACT_MIN_ATTEMPTS, payloadFactsOf } from '~/modules/pipeline/events';
import { nextDeadlineFor } from '~/modules/pipeline/next-deadline';
import { restoreSnapshot, type PipelineSnapshot } from '~/modules/pipeline/snapshots';
import { isOpenStage, stageLabel } from '~/modules/pipeline/stages';
import { applyPipelineEvent, applyPipelineEventFrom } from '~/modules/pipeline/transition.server';

// The case page (issue 4): one read that decides what this viewer may see of a household, and one entry point for
// everything the page posts. Hub and council pages share both; access decides what is shown (DOMAIN.md §1.4).

/**
 * - casework: the team that owns the case now (the hub before handover, the allocated council after).
 * - summary: the hub after handover: stage, key dates, council and peer-support notes only.
 * - proposal: the fostering team manager of the council a case has been proposed to, before it accepts.
 * - contactOnly: the Mockingbird liaison worker: contact details only.
 */
export type CaseView = 'casework' | 'summary' | 'proposal' | 'contactOnly';

const ALLOCATION_STAGE = 'application.allocation';
const AWAITING_FIRST_CONTACT_STAGE = 'enquiry.received';

const CASE_SELECT = {
  id: true,
  reference: true,
  displayName: true,
  route: true,
  channel: true,
  source: true,
  email: true,
  phone: true,
  preferredContactTime: true,
  addressLine1: true,
  town: true,
  postcode: true,
  spareBedrooms: true,
  stage: true,
  councilId: true,
  allocatedCouncilId: true,
  nextDueOn: true,
  nextDueRule: true,
  enquiryDate: true,
  initialVisitDate: true,
  applicationDate: true,
  handoverDate: true,
  panelDate: true,
  approvalDate: true,
  closedDate: true,
  council: { select: { name: true } },
  allocatedCouncil: { select: { name: true } },
  owner: { select: { name: true } },
  interests: { select: { interest: true }, orderBy: { interest: 'asc' } },
  people: {
    select: { id: true, role: true, firstName: true, lastName: true, email: true, phone: true, preferredLanguage: true, interpreterNeeded: true, bslNeeded: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  },
  previousHousehold: { select: { id: true, reference: true } },
  approvals: { select: { id: true, councilId: true, approvedOn: true, status: true }, orderBy: { approvedOn: 'desc' }, take: 5 },
  sgoSupportCases: { select: { id: true, councilId: true, reference: true }, take: 5 },
} satisfies Prisma.HouseholdSelect;

type CaseHousehold = Prisma.HouseholdGetPayload<{ select: typeof CASE_SELECT }>;

/** The case columns plus the pipeline's own, which this module reads and never writes. */
function caseSelect() {
  return { select: { ...CASE_SELECT, pipelineSnapshot: true, machineVersion: true } } as const;
}

const PERSON_ROLE_LABELS: Record<string, string> = {
  applicant: 'Applicant',
  jointApplicant: 'Joint applicant',
  adult: 'Other adult in the household',
  child: 'Child in the household',
};

const KEY_DATES = [
  ['enquiryDate', 'Enquiry received'],
  ['initialVisitDate', 'Initial visit'],
  ['applicationDate', 'Application received'],
  ['handoverDate', 'Handed over to the council'],
  ['panelDate', 'Fostering panel'],
  ['approvalDate', 'Approved'],
  ['closedDate', 'Closed'],
] as const;

const CHECK_TYPE_LABELS: Record<string, string> = {
  dbs: 'DBS check',
  localAuthority: 'Local authority check',
  medical: 'Medical',
  personalReference: 'Personal reference',
  formerPartner: 'Former partner',
  employer: 'Employer',
  previousService: 'Previous fostering service',
  homeSafety: 'Home safety check',
  other: 'Other',
};

const CHECK_OUTCOME_LABELS: Record<string, string> = {
  clear: 'Clear',
  informationToConsider: 'Information to consider',
  concern: 'Concern',
};

// ---------------------------------------------------------------- reading

type PipelineColumns = { allocatedCouncilId: string | null; pipelineSnapshot: string; machineVersion: number };

/**
 * A household this viewer may see, read by `read` with the where it is given, and whether it is only the proposal
 * made to their council; NotFound outside their scope.
 */
async function findVisible<Row extends PipelineColumns>(
  viewer: Viewer,
  householdId: string,
  read: (where: Prisma.HouseholdWhereInput) => Promise<Row | null>,
) {
  const scoped = await read({ AND: [householdScope(viewer), { id: householdId }] });
  if (scoped) return { household: scoped, snapshot: restoreSnapshot(scoped.pipelineSnapshot, scoped.machineVersion), proposal: false };
  // Before handover a council sees only the proposal made to it, and only the manager who may answer it (as the
  // pipeline writer allows the answer).
  if (isCouncilRole(viewer.role)) {
    const offered = await read({ id: householdId, stage: ALLOCATION_STAGE, allocatedCouncilId: null });
    if (offered) {
      const snapshot = restoreSnapshot(offered.pipelineSnapshot, offered.machineVersion);
      if (maySendEvent(viewer, 'ALLOCATION_ACCEPTED', snapshot.context)) return { household: offered, snapshot, proposal: true };
    }
  }
  throw new NotFound('Household not found');
}

/** The household as this viewer may see it, and which view of it; NotFound outside their scope. */
async function findCaseForViewer(viewer: Viewer, householdId: string) {
  const found = await findVisible(viewer, householdId, (where) => prisma.household.findFirst({ where, ...caseSelect() }));
  const view: CaseView = found.proposal ? 'proposal' : viewOf(viewer, found.household);
  return { household: found.household, snapshot: found.snapshot, view };
}

function viewOf(viewer: Viewer, household: { allocatedCouncilId: string | null }): CaseView {
  if (can(viewer, 'household.casework', household)) return 'casework';
  if (viewer.role === 'mockingbirdLiaison') return 'contactOnly';
  return 'summary';
}

function isDeadlineRule(rule: string): rule is DeadlineRuleName {
  return Object.hasOwn(DEADLINE_RULES, rule);
}

function deadlineOf(household: CaseHousehold, today: string, holidays: HolidaySet) {
  if (!household.nextDueOn) return null;
  const rule = household.nextDueRule;
  return {
    dueOn: household.nextDueOn,
    label: rule && isDeadlineRule(rule) ? DEADLINE_RULES[rule].label : null,
    ...deadlineStatus(household.nextDueOn, today, holidays),
  };
}

async function eventFormContext(
  household: { allocatedCouncilId: string | null },
  snapshot: PipelineSnapshot,
  needsCouncils: boolean,
): Promise<EventFormContext> {
  const councils = needsCouncils
    ? await prisma.council.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } })
    : [];
  return {
    facts: payloadFactsOf(snapshot.context),
    councils: councils.map((council) => ({ value: council.id, label: council.name })),
    allocatedCouncilId: household.allocatedCouncilId,
  };
}

function describeHousehold(household: CaseHousehold, view: CaseView) {
  const showContact = view === 'casework' || view === 'contactOnly';
  return {
    id: household.id,
    reference: household.reference,
    displayName: household.displayName,
    routeLabel: household.route === 'kinship' ? 'Kinship' : 'Mainstream fostering',
    stageLabel: stageLabel(household.stage),
    councilName: household.council?.name ?? null,
    allocatedCouncilName: household.allocatedCouncil?.name ?? null,
    ownerName: household.owner?.name ?? null,
    channelLabel: enquiryChannelLabel(household.channel),
    sourceLabel: household.source ? enquirySourceLabel(household.source) : null,
    interests: household.interests.map((row) => enquiryInterestLabel(row.interest)),
    contact: showContact
      ? {
          email: household.email,
          phone: household.phone,
          preferredContactTime: household.preferredContactTime,
          address: [household.addressLine1, household.town, household.postcode].filter(Boolean).join(', ') || null,
          spareBedrooms: household.spareBedrooms,
        }
      : null,
    people: household.people.map((person) => ({
      id: person.id,
      name: `${person.firstName} ${person.lastName}`,
      roleLabel: PERSON_ROLE_LABELS[person.role] ?? person.role,
      contact: showContact
        ? {
            email: person.email,
            phone: person.phone,
            preferredLanguage: person.preferredLanguage,
            interpreterNeeded: person.interpreterNeeded,
            bslNeeded: person.bslNeeded,
          }
        : null,
    })),
    keyDates: KEY_DATES.flatMap(([field, label]) => {
      const date = household[field];
      return date ? [{ label, date }] : [];
    }),
  };
}

async function listOpenTasks(householdId: string) {
  const tasks = await prisma.task.findMany({
    where: { householdId, status: 'open' },
    select: { id: true, title: true, dueOn: true, owner: { select: { name: true } } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
  });
  return tasks.map((task) => ({ id: task.id, title: task.title, dueOn: task.dueOn, ownerName: task.owner?.name ?? null }));
}

/** The statutory checks other than references, which have their own section with requests and reminders. */
async function listStage1Checks(householdId: string) {
  const checks = await prisma.stage1Check.findMany({
    where: { householdId, type: { notIn: [...REFERENCE_TYPES] } },
    select: {
      id: true,
      type: true,
      refereeName: true,
      requestedOn: true,
      receivedOn: true,
      outcome: true,
      person: { select: { firstName: true, lastName: true } },
    },
    orderBy: [{ type: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return checks.map((check) => ({
    id: check.id,
    typeLabel: CHECK_TYPE_LABELS[check.type] ?? check.type,
    about: check.person ? `${check.person.firstName} ${check.person.lastName}` : null,
    refereeName: check.refereeName,
    requestedOn: check.requestedOn,
    receivedOn: check.receivedOn,
    outcomeLabel: check.outcome ? (CHECK_OUTCOME_LABELS[check.outcome] ?? check.outcome) : null,
  }));
}

const CASEWORK_NOTICES: Record<string, string> = {
  note: 'Note added.',
  contact: 'Contact attempt logged.',
  task: 'Task added.',
  taskDone: 'Task marked as done.',
  assign: 'Worker assigned.',
};

function noticeFor(done: string | null, stage: string): string | null {
  if (!done) return null;
  if (isPipelineEventType(done)) return `Saved. This household is now at ‘${stageLabel(stage)}’.`;
  return CASEWORK_NOTICES[done] ?? STAGE2_NOTICES[done] ?? null;
}

/** Everything the case page shows this viewer, and nothing it may not see. */
export type RelatedRecord = { href: string; label: string };

/**
 * Where this household's story goes on: its approval records and SGO support cases (for council staff who may see
 * them), the way to open an SGO support case from a kinship household, and a returning carer's earlier or later case.
 */
function relatedRecordsFor(
  viewer: Viewer,
  household: CaseHousehold,
  view: CaseView,
  laterHouseholds: readonly { id: string; reference: string }[],
): RelatedRecord[] {
  if (view !== 'casework' && view !== 'summary') return [];
  const casePath = (id: string) => `/${isCouncilRole(viewer.role) ? 'council' : 'hub'}/households/${id}`;
  return [
    ...household.approvals
      .filter((approval) => can(viewer, 'carers.view', approval))
      .map((approval) => ({
        href: `/council/carers/${approval.id}`,
        label: `Approved carer record, approved ${formatDate(approval.approvedOn)}${approval.status === 'ended' ? ' (ended)' : ''}`,
      })),
    ...household.sgoSupportCases
      .filter((supportCase) => can(viewer, 'sgo.view', supportCase))
      .map((supportCase) => ({ href: `/council/sgo/${supportCase.id}`, label: `SGO support case ${supportCase.reference}` })),
    ...(view === 'casework' &&
    household.route === 'kinship' &&
    household.sgoSupportCases.length === 0 &&
    household.allocatedCouncilId !== null &&
    can(viewer, 'sgo.manage', { councilId: household.allocatedCouncilId })
      ? [{ href: `/council/sgo/new?householdId=${household.id}`, label: 'Open an SGO support case for this household' }]
      : []),
    ...(household.previousHousehold
      ? [{ href: casePath(household.previousHousehold.id), label: `Their earlier case, ${household.previousHousehold.reference}` }]
      : []),
    ...laterHouseholds.map((later) => ({ href: casePath(later.id), label: `Their return, ${later.reference}` })),
  ];
}

/**
 * A returning carer's later cases. Nearly every household has no earlier case, so SQLite's statistics make the index
 * on previousHouseholdId look useless and it would read every household; INDEXED BY keeps it to this one's few.
 */
function listLaterHouseholds(householdId: string) {
  return prisma.$queryRaw<{ id: string; reference: string }[]>`
    SELECT id, reference FROM Household INDEXED BY Household_previousHouseholdId_idx
    WHERE previousHouseholdId = ${householdId}
    ORDER BY enquiryDate, id`;
}

export async function getCasePageForViewer(
  viewer: Viewer,
  householdId: string,
  options: { done?: string | null; today?: string; now?: Date; requestId?: string } = {},
) {
  const now = options.now ?? new Date();
  const today = options.today ?? todayInLondon(now);
  const { household, snapshot, view } = await findCaseForViewer(viewer, householdId);
  const canWork = view === 'casework';
  const seesAssessment = canWork && can(viewer, 'household.viewAssessment', household);

  // A failed attempt is logged with the contact form, which sends it through the pipeline with its channel and
  // outcome (casework.server.ts), so the page offers no separate button for it.
  const available = (view === 'casework' || view === 'proposal' ? availableEventsAt(viewer, snapshot, today) : []).filter(
    (event) => event.type !== 'CONTACT_ATTEMPT_FAILED',
  );
  const needsCouncils = available.some((event) => asksForCouncil(event.type));
  const [holidays, context, timeline, tasks, staff, checks, references, stage2, laterHouseholds] = await Promise.all([
    heldHolidaySet(),
    eventFormContext(household, snapshot, needsCouncils),
    canWork || view === 'summary' ? listTimelineForViewer(viewer, household) : null,
    canWork ? listOpenTasks(household.id) : null,
    canWork ? listCaseStaff(household) : null,
    seesAssessment ? listStage1Checks(household.id) : null,
    seesAssessment
      ? listReferencesForCasePage(viewer, household.id, { now, canRequest: isOpenStage(household.stage), requestId: options.requestId })
      : null,
    seesAssessment ? getStage2ForCasePage(household, snapshot.context.stage2StartedOn) : null,
    view === 'casework' || view === 'summary' ? listLaterHouseholds(household.id) : [],
  ]);
  // From the snapshot rather than the stored columns, so the warning never waits for the daily job.
  const nextDeadline = nextDeadlineFor({ stage: household.stage, context: snapshot.context, householdDates: { enquiryDate: household.enquiryDate }, holidays });

  // Safeguarding notes and check results are protected fields: every read of them is audited (DOMAIN.md §1.4).
  const restrictedNotesShown = timeline?.some((entry) => entry.kind === 'note' && entry.restricted) ?? false;
  if (restrictedNotesShown || (checks !== null && checks.length > 0)) {
    await recordAudit(prisma, { userId: viewer.userId, role: viewer.role }, {
      action: 'household.viewAssessment',
      entity: 'Household',
      entityId: household.id,
      councilId: household.councilId,
      after: { restrictedNotes: restrictedNotesShown, stage1Checks: checks?.length ?? 0 },
    });
  }

  return {
    view,
    today,
    notice: noticeFor(options.done ?? null, household.stage) ?? (options.done ? (REFERENCE_NOTICES[options.done] ?? null) : null),
    household: describeHousehold(household, view),
    deadline: view === 'contactOnly' ? null : deadlineOf(household, today, holidays),
    firstContact:
      canWork && household.stage === AWAITING_FIRST_CONTACT_STAGE
        ? { failedAttempts: snapshot.context.contactAttempts, neededToClose: NO_CONTACT_MIN_ATTEMPTS }
        : null,
    temporaryApprovalWarning: view === 'contactOnly' ? null : temporaryApprovalWarningFor(nextDeadline, today, holidays),
    events: available.map((event) => ({ type: event.type, label: event.label, fields: eventFormFields(event.type, context) })),
    timeline,
    tasks,
    staff: staff?.map((user) => ({ value: user.id, label: user.name })) ?? null,
    checks,
    references,
    stage2,
    relatedRecords: relatedRecordsFor(viewer, household, view, laterHouseholds),
    permissions: {
      casework: canWork,
      assignWorker: canWork && can(viewer, 'household.assignWorker', household),
      restrictedNotes: seesAssessment,
    },
  };
}

export type CasePageData = Awaited<ReturnType<typeof getCasePageForViewer>>;

// ---------------------------------------------------------------- posting

/** Which of the page's forms failed, with its errors keyed by input name and what the person typed. */
export type CaseFormFailure = {
  form: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** A 409: the case moved on, or someone else changed it, since the page was opened. */
  conflict: string | null;
};

export type CaseFormOutcome =
  | { ok: true; done: string; stillVisible: boolean }
  | { ok: false; status: 400 | 409; failure: CaseFormFailure };

type SubmitOptions = { requestId?: string; now?: Date };

const invalid = (form: string, fieldErrors: Record<string, string>, values: Record<string, string>): CaseFormOutcome => ({
  ok: false,
  status: 400,
  failure: { form, fieldErrors, values, conflict: null },
});

/** One of the case page's forms, by its `intent`. Domain refusals come back as outcomes so the page can re-render. */
export async function submitCaseForm(viewer: Viewer, householdId: string, formData: FormData, options: SubmitOptions = {}): Promise<CaseFormOutcome> {
  const intent = formData.get('intent');
  const checkId = formData.get('checkId');
  const form =
    intent === 'event' ? `event-${String(formData.get('eventType') ?? '')}`
    : isReferenceIntent(intent) ? referenceFormKey(intent, typeof checkId === 'string' ? checkId : null)
    : String(intent ?? '');
  const values = formValues(formData);
  try {
    const done = await runIntent(viewer, householdId, formData, options);
    if (typeof done !== 'string') return done;
    return { ok: true, done, stillVisible: await isStillVisible(viewer, householdId) };
  } catch (error) {
    if (error instanceof ValidationFailed) return invalid(form, error.fieldErrors, values);
    if (error instanceof TransitionRejected || error instanceof Conflict) {
      return { ok: false, status: 409, failure: { form, fieldErrors: {}, values, conflict: error.message } };
    }
    throw error;
  }
}

async function runIntent(viewer: Viewer, householdId: string, formData: FormData, options: SubmitOptions): Promise<string | CaseFormOutcome> {
  const intent = formData.get('intent');
  switch (intent) {
    case 'event':
      return submitEvent(viewer, householdId, formData, options);
    case 'note': {
      const parsed = parseForm(noteSchema, formData);
      if (!parsed.ok) return invalid('note', parsed.fieldErrors, parsed.values);
      await addNote(viewer, householdId, parsed.data, options);
      return 'note';
    }
    case 'contact': {
      const parsed = parseForm(contactAttemptSchema, formData);
      if (!parsed.ok) return invalid('contact', parsed.fieldErrors, parsed.values);
      await logContactAttempt(viewer, householdId, parsed.data, options);
      return 'contact';
    }
    case 'task': {
      const parsed = parseForm(taskSchema, formData);
      if (!parsed.ok) return invalid('task', parsed.fieldErrors, parsed.values);
      await addTask(viewer, householdId, parsed.data, options);
      return 'task';
    }
    case 'completeTask': {
      const parsed = parseForm(completeTaskSchema, formData);
      if (!parsed.ok) return invalid('completeTask', parsed.fieldErrors, parsed.values);
      await completeTask(viewer, householdId, parsed.data.taskId, options);
      return 'taskDone';
    }
    case 'assign': {
      const parsed = parseForm(assignWorkerSchema, formData);
      if (!parsed.ok) return invalid('assign', parsed.fieldErrors, parsed.values);
      await assignWorker(viewer, householdId, parsed.data.ownerId, options);
      return 'assign';
    }
    case 'stage2Details': {
      const parsed = parseForm(stage2DetailsSchema, formData);
      if (!parsed.ok) return invalid('stage2Details', parsed.fieldErrors, parsed.values);
      await saveStage2Details(viewer, householdId, parsed.data, options);
      return 'stage2Details';
    }
    case 'stage2Session': {
      const parsed = parseForm(stage2SessionSchema(todayInLondon(options.now)), formData);
      if (!parsed.ok) return invalid('stage2Session', parsed.fieldErrors, parsed.values);
      await addStage2Session(viewer, householdId, parsed.data, options);
      return 'stage2Session';
    }
    case 'stage2Training': {
      const parsed = parseForm(skillsToFosterSchema(todayInLondon(options.now)), formData);
      if (!parsed.ok) return invalid('stage2Training', parsed.fieldErrors, parsed.values);
      await addSkillsToFosterTraining(viewer, householdId, parsed.data, options);
      return 'stage2Training';
    }
    case 'requestReference':
    case 'correctRefereeEmail':
    case 'recordReference':
      return submitReferenceForm(viewer, householdId, intent, formData, options);
    default:
      return invalid('page', { [FORM_ERROR_KEY]: 'Choose something to do on this page' }, {});
  }
}

async function submitReferenceForm(
  viewer: Viewer,
  householdId: string,
  intent: ReferenceIntent,
  formData: FormData,
  options: SubmitOptions,
): Promise<string | CaseFormOutcome> {
  const checkId = formData.get('checkId');
  const form = referenceFormKey(intent, typeof checkId === 'string' ? checkId : null);
  switch (intent) {
    case 'requestReference': {
      const parsed = parseForm(REFERENCE_FORM_SCHEMAS.requestReference, formData);
      if (!parsed.ok) return invalid(form, parsed.fieldErrors, parsed.values);
      return submitReferenceRequest(viewer, householdId, parsed.data, options);
    }
    case 'correctRefereeEmail': {
      const parsed = parseForm(REFERENCE_FORM_SCHEMAS.correctRefereeEmail, formData);
      if (!parsed.ok) return invalid(form, parsed.fieldErrors, parsed.values);
      return submitRefereeEmailCorrection(viewer, householdId, parsed.data, options);
    }
    case 'recordReference': {
      const parsed = parseForm(REFERENCE_FORM_SCHEMAS.recordReference, formData);
      if (!parsed.ok) return invalid(form, parsed.fieldErrors, parsed.values);
      return submitReferenceAnswer(viewer, householdId, parsed.data, options);
    }
  }
}

async function submitEvent(viewer: Viewer, householdId: string, formData: FormData, options: SubmitOptions): Promise<string | CaseFormOutcome> {
  const eventType = formData.get('eventType');
  // A type no page offers goes to the writer as it is, which refuses it like a stale page and audits the attempt.
  if (!isPipelineEventType(eventType)) {
    await applyPipelineEvent(viewer, householdId, { type: typeof eventType === 'string' ? eventType : null }, options);
    throw new TransitionRejected('That is not something you can do to this household.');
  }
  await applyPipelineEventFrom(
    viewer,
    householdId,
    eventType,
    async ({ snapshot, allocatedCouncilId }) => {
      const parsed = eventFromForm(eventType, formData, await eventFormContext({ allocatedCouncilId }, snapshot, asksForCouncil(eventType)));
      if (!parsed.ok) throw new ValidationFailed('Check the details you entered.', parsed.fieldErrors);
      return parsed.event;
    },
    options,
  );
  return eventType;
}

/** After declining a proposal, say, the household is no longer this viewer's to see. */
async function isStillVisible(viewer: Viewer, householdId: string): Promise<boolean> {
  // Households are never deleted, so whoever sees every household still sees this one.
  if (seesEveryHousehold(viewer)) return true;
  // Nearly always still in scope: one indexed read, before the full read that also finds a proposal.
  const inScope = await prisma.household.findFirst({ where: { AND: [householdScope(viewer), { id: householdId }] }, select: { id: true } });
  if (inScope) return true;
  try {
    await findCaseForViewer(viewer, householdId);
    return true;
  } catch (error) {
    if (error instanceof NotFound) return false;
    throw error;
  }
}
