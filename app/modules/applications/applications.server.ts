import { z } from 'zod';
import { prisma } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { Conflict, NotFound, ValidationFailed } from '~/lib/errors';
import { parseForm } from '~/lib/forms';
import { todayInLondon } from '~/lib/uk';
import { recordAudit, type AuditActor } from '~/modules/audit/audit.server';
import { householdScope } from '~/modules/auth/access.server';
import { magicLinkUrl } from '~/modules/auth/magic-links.server';
import { createRandomToken, hashToken } from '~/modules/auth/sessions.server';
import type { Viewer } from '~/modules/auth/viewer';
import { queueEmail } from '~/modules/email/outbox.server';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { STAGE_GROUPS, stageInfo, stageLabel } from '~/modules/pipeline/stages';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';
import {
  displayAnswer,
  findSection,
  inputNamesOf,
  SECTIONS,
  sectionSchema,
  type Section,
  type SectionAnswers,
} from './sections';

// The applicant's online application (issue 5; STYLE.md §5 "long forms"): every section is saved on the server as
// it is answered, so nothing lives only in the browser, and a submitted application never changes again.

export type SectionStatus = 'notStarted' | 'inProgress' | 'complete';

const EDITABLE_STAGE = 'invited';
const REFUSED_EDIT_MESSAGE = 'Your application has been sent, so it can no longer be changed.';
const NOT_INVITED_MESSAGE = 'You have not been invited to apply yet.';
// A draft keeps what was typed even when it breaks a rule, but a request far beyond any real answer is not typing.
const MAX_DRAFT_VALUE_LENGTH = 20_000;

// The select stays inline in the read, where the pipeline structure test knows these columns are only read.
async function findApplicantHousehold(viewer: Viewer) {
  return prisma.household.findFirst({
    where: householdScope(viewer),
    select: {
      id: true,
      reference: true,
      route: true,
      stage: true,
      councilId: true,
      pipelineSnapshot: true,
      machineVersion: true,
      people: { where: { userId: viewer.userId }, select: { id: true, role: true }, take: 1 },
      application: { select: { id: true, status: true, submittedAt: true } },
    },
    orderBy: [{ enquiryReceivedAt: 'desc' }, { id: 'desc' }],
  });
}

type ApplicantHousehold = NonNullable<Awaited<ReturnType<typeof findApplicantHousehold>>>;

/** The viewer's household and its application, creating the application on the first visit after the invitation. */
async function loadApplication(viewer: Viewer) {
  const household = await findApplicantHousehold(viewer);
  if (!household) throw new NotFound('We cannot find an application linked to your account.');
  const person = household.people[0];
  if (!person) throw new NotFound('We cannot find an application linked to your account.');
  const personId = person.id;
  let application = household.application;
  if (!application) {
    if (!wasInvited(household)) throw new NotFound(NOT_INVITED_MESSAGE);
    application = await prisma.application.upsert({
      where: { householdId: household.id },
      create: { householdId: household.id },
      update: {},
      select: { id: true, status: true, submittedAt: true },
    });
  }
  const editable = household.stage === EDITABLE_STAGE && application.status !== 'submitted';
  return { household, personId, personRole: person.role, application, editable };
}

/** Invited at some point: the snapshot remembers the invitation even after the case has moved on. */
function wasInvited(household: ApplicantHousehold) {
  return restoreSnapshot(household.pipelineSnapshot, household.machineVersion).context.invitedOn !== null;
}

type LoadedApplication = Awaited<ReturnType<typeof loadApplication>>;

function personKeyFor(section: Section, loaded: LoadedApplication) {
  return section.scope === 'personal' ? loaded.personId : 'household';
}

async function readSections(loaded: LoadedApplication) {
  const rows = await prisma.applicationSection.findMany({
    where: { applicationId: loaded.application.id, personKey: { in: [loaded.personId, 'household'] } },
    select: { section: true, personKey: true, answersJson: true, status: true },
    take: SECTIONS.length * 2,
  });
  return SECTIONS.map((section) => {
    const row = rows.find((candidate) => candidate.section === section.id && candidate.personKey === personKeyFor(section, loaded));
    const status: SectionStatus = !row ? 'notStarted' : row.status === 'complete' ? 'complete' : 'inProgress';
    const answers: SectionAnswers = row ? (JSON.parse(row.answersJson) as SectionAnswers) : {};
    return { section, status, answers };
  });
}

const APPLICANT_ROLES = ['applicant', 'jointApplicant'];
const PERSONAL_SECTION_IDS = SECTIONS.filter((section) => section.scope === 'personal').map((section) => section.id);

/**
 * The other applicants on the household, and whether each has completed their own personal sections. Only one with
 * a portal account (invited online, or signed in) holds the application back: a partner the hub recorded who has
 * never signed in gives their own details at assessment instead.
 */
async function otherApplicants(loaded: LoadedApplication) {
  const people = await prisma.person.findMany({
    where: { householdId: loaded.household.id, role: { in: APPLICANT_ROLES }, id: { not: loaded.personId } },
    select: { id: true, role: true, firstName: true, lastName: true, userId: true },
    orderBy: { createdAt: 'asc' },
    take: 5,
  });
  const completed = await prisma.applicationSection.groupBy({
    by: ['personKey'],
    where: {
      applicationId: loaded.application.id,
      personKey: { in: people.map((person) => person.id) },
      section: { in: PERSONAL_SECTION_IDS },
      status: 'complete',
    },
    _count: { _all: true },
  });
  return people.map((person) => ({
    name: `${person.firstName} ${person.lastName}`.trim(),
    role: person.role,
    hasAccount: person.userId !== null,
    personalComplete: (completed.find((row) => row.personKey === person.id)?._count._all ?? 0) === PERSONAL_SECTION_IDS.length,
  }));
}

function stillToComplete(others: Awaited<ReturnType<typeof otherApplicants>>) {
  return others.filter((other) => other.hasAccount && !other.personalComplete);
}

function summaryOf(loaded: LoadedApplication) {
  return {
    reference: loaded.household.reference,
    status: loaded.application.status === 'submitted' ? ('submitted' as const) : ('inProgress' as const),
    submittedAt: loaded.application.submittedAt,
    editable: loaded.editable,
  };
}

// ---------------------------------------------------------------- reading

/** The task list: each section with its status. */
export async function getApplicationForViewer(viewer: Viewer) {
  const loaded = await loadApplication(viewer);
  const [sections, others] = await Promise.all([readSections(loaded), otherApplicants(loaded)]);
  const ownComplete = sections.every(({ status }) => status === 'complete');
  const waitingFor = stillToComplete(others).map((other) => other.name);
  return {
    ...summaryOf(loaded),
    sections: sections.map(({ section, status }) => ({ id: section.id, title: section.title, status })),
    ownComplete,
    /** Ready to send: this applicant's sections and every other applicant's personal ones. */
    allComplete: ownComplete && waitingFor.length === 0,
    waitingFor,
    /** `signedUp`: invited online or signed in, so the application waits for their sections (decision 008). */
    otherApplicants: others.map(({ name, personalComplete, hasAccount }) => ({ name, personalComplete, signedUp: hasAccount })),
    canInviteJointApplicant: loaded.editable && loaded.personRole === 'applicant' && !others.some((other) => other.role === 'jointApplicant'),
  };
}

/** One section's saved answers, for its page. */
export async function getSectionForViewer(viewer: Viewer, sectionId: string) {
  const section = findSection(sectionId);
  if (!section) throw new NotFound('Page not found');
  const loaded = await loadApplication(viewer);
  const saved = (await readSections(loaded)).find((entry) => entry.section.id === section.id);
  return { sectionId: section.id, answers: saved?.answers ?? {}, status: saved?.status ?? 'notStarted', editable: loaded.editable };
}

/** Every answer in words, section by section: check your answers, and the stamped copy once submitted. */
export async function getCheckAnswers(viewer: Viewer) {
  const loaded = await loadApplication(viewer);
  const [sections, others] = await Promise.all([readSections(loaded), otherApplicants(loaded)]);
  return {
    ...summaryOf(loaded),
    allComplete: sections.every(({ status }) => status === 'complete') && stillToComplete(others).length === 0,
    sections: sections.map(({ section, status, answers }) => ({
      id: section.id,
      title: section.title,
      status,
      rows: section.questions.map((question) => ({ name: question.name, label: question.label, value: displayAnswer(question, answers) })),
    })),
  };
}

// ---------------------------------------------------------------- writing

type WriteOptions = { requestId?: string; now?: Date };

async function refuseEdit(viewer: Viewer, loaded: LoadedApplication, attempted: string, options: WriteOptions) {
  await recordAudit(prisma, actorOf(viewer), {
    action: 'application.editRefused',
    entity: 'Application',
    entityId: loaded.application.id,
    councilId: loaded.household.councilId,
    after: { attempted, status: loaded.application.status, stage: loaded.household.stage },
    requestId: options.requestId,
  });
  throw new Conflict(loaded.application.status === 'submitted' ? REFUSED_EDIT_MESSAGE : `Your application can no longer be changed online: it is at “${stageLabel(loaded.household.stage)}”.`);
}

/**
 * Saves one section. Answers that pass the section's schema mark it complete; answers that do not are still saved,
 * as an in-progress draft, and the errors come back for the page to show. Saving the draft is deliberate: a person
 * who gives up on a page with an error, or whose session ends before they fix it, finds what they typed next time
 * (issue 5: "nothing a person typed is ever thrown away silently").
 */
export async function saveSection(viewer: Viewer, sectionId: string, formData: FormData, options: WriteOptions = {}) {
  const section = findSection(sectionId);
  if (!section) throw new NotFound('Page not found');
  const loaded = await loadApplication(viewer);
  if (!loaded.editable) await refuseEdit(viewer, loaded, `section:${section.id}`, options);

  const answers: SectionAnswers = {};
  for (const name of inputNamesOf(section)) {
    const submitted = formData.getAll(name).filter((entry): entry is string => typeof entry === 'string');
    if (submitted.length > 0) answers[name] = submitted.join(',').slice(0, MAX_DRAFT_VALUE_LENGTH);
  }
  const parsed = parseForm(sectionSchema(section, { today: todayInLondon(options.now) }), formData);
  const status = parsed.ok ? 'complete' : 'inProgress';
  const key = { applicationId: loaded.application.id, section: section.id, personKey: personKeyFor(section, loaded) };
  await prisma.applicationSection.upsert({
    where: { applicationId_section_personKey: key },
    create: { ...key, answersJson: JSON.stringify(answers), status },
    update: { answersJson: JSON.stringify(answers), status },
  });
  return parsed.ok ? ({ ok: true } as const) : ({ ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values } as const);
}

/**
 * Sends the application: every section complete, then the pipeline's single writer moves the case to "Application
 * received" (and queues the applicant's email the machine declares), then the application is stamped and the hub told.
 * The writer runs first because it is the gate (stage, permission, optimistic lock) and owns its own transaction.
 */
export async function submitApplication(viewer: Viewer, options: WriteOptions = {}) {
  const now = options.now ?? new Date();
  const loaded = await loadApplication(viewer);
  if (!loaded.editable) await refuseEdit(viewer, loaded, 'submit', options);
  const incomplete = (await readSections(loaded)).filter(({ status }) => status !== 'complete');
  if (incomplete.length > 0) {
    throw new ValidationFailed(
      'Complete every section before you send your application.',
      Object.fromEntries(incomplete.map(({ section }) => [section.id, `Complete the “${section.title}” section`])),
    );
  }
  // Joint applicants each answer the personal sections for themselves; the application goes only when all have.
  const waitingFor = stillToComplete(await otherApplicants(loaded));
  if (waitingFor.length > 0) {
    throw new ValidationFailed(
      `${waitingFor.map((other) => other.name).join(' and ')} must complete their own sections before the application is sent.`,
      {},
    );
  }

  const receivedOn = todayInLondon(now);
  const { transitionId } = await applyPipelineEvent(
    viewer,
    loaded.household.id,
    { type: 'APPLICATION_RECEIVED', occurredOn: receivedOn },
    { requestId: options.requestId, now },
  );

  await prisma.$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id: loaded.application.id, status: { not: 'submitted' } },
      data: { status: 'submitted', submittedAt: now, submittedById: viewer.userId },
    });
    if (count !== 1) throw new Conflict(REFUSED_EDIT_MESSAGE);
    await queueEmail(tx, {
      template: 'hub-application-received',
      to: env.HUB_INBOX,
      props: {
        reference: loaded.household.reference,
        receivedOn,
        householdUrl: new URL(`/hub/households/${loaded.household.id}`, env.BASE_URL).toString(),
      },
      idempotencyKey: `hub-application-received/${transitionId}`,
      householdId: loaded.household.id,
    });
    await recordAudit(tx, actorOf(viewer), {
      action: 'application.submitted',
      entity: 'Application',
      entityId: loaded.application.id,
      councilId: loaded.household.councilId,
      after: { status: 'submitted', transitionId },
      requestId: options.requestId,
    });
  });
}

const MAX_NAME_LENGTH = 100;

const jointApplicantSchema = z.object({
  firstName: z.string({ error: 'Enter their first name' }).trim().min(1, 'Enter their first name').max(MAX_NAME_LENGTH, `First name must be ${MAX_NAME_LENGTH} characters or fewer`),
  lastName: z.string({ error: 'Enter their last name' }).trim().min(1, 'Enter their last name').max(MAX_NAME_LENGTH, `Last name must be ${MAX_NAME_LENGTH} characters or fewer`),
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter their email address')
    .pipe(z.email('Enter an email address in the correct format, like name@example.com')),
});

/** Long enough to open the invitation on another day; the partner can ask for a fresh link at any time. */
export const JOINT_INVITATION_LIFETIME_DAYS = 7;

/**
 * The first applicant invites a second, who completes their own personal sections (issue 5 "joint applicants";
 * decision 008). In one transaction: the partner joins the household as joint applicant with an applicant account,
 * and their invitation email, carrying their own one-time sign-in link, goes to the outbox. If the address already
 * belongs to a member of staff, they are added but sent no link: staff sign in with their password.
 */
export async function inviteJointApplicant(viewer: Viewer, formData: FormData, options: WriteOptions = {}) {
  const now = options.now ?? new Date();
  const loaded = await loadApplication(viewer);
  if (!loaded.editable) await refuseEdit(viewer, loaded, 'inviteJointApplicant', options);
  if (loaded.personRole !== 'applicant') throw new Conflict('Only the first applicant can invite a second applicant.');
  const parsed = parseForm(jointApplicantSchema, formData);
  if (!parsed.ok) return parsed;
  const { firstName, lastName, email } = parsed.data;
  if (email === viewer.email.trim().toLowerCase()) {
    return { ok: false as const, fieldErrors: { email: 'Enter the second applicant’s own email address, not yours' }, values: parsed.data };
  }
  const invited = await prisma.$transaction(async (tx) => {
    const existing = await tx.person.count({ where: { householdId: loaded.household.id, role: 'jointApplicant' } });
    if (existing > 0) return false;
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name: `${firstName} ${lastName}`, role: 'applicant' },
      update: {},
      select: { id: true, role: true, active: true },
    });
    const mayUseLink = user.role === 'applicant' && user.active;
    const person = await tx.person.create({
      data: { householdId: loaded.household.id, role: 'jointApplicant', firstName, lastName, email, userId: mayUseLink ? user.id : null },
      select: { id: true },
    });
    await recordAudit(tx, actorOf(viewer), {
      action: 'application.jointApplicantInvited',
      entity: 'Person',
      entityId: person.id,
      councilId: loaded.household.councilId,
      requestId: options.requestId,
    });
    if (!mayUseLink) return true;
    const token = createRandomToken();
    const link = await tx.magicLinkToken.create({
      data: {
        email,
        tokenHash: hashToken(token),
        redirectTo: '/apply/application',
        expiresAt: new Date(now.getTime() + JOINT_INVITATION_LIFETIME_DAYS * 24 * 60 * 60_000),
        createdAt: now,
      },
      select: { id: true },
    });
    await queueEmail(tx, {
      template: 'joint-applicant-invitation',
      to: email,
      props: {
        firstName,
        inviterName: viewer.name,
        signInUrl: magicLinkUrl(token),
        expiresInDays: JOINT_INVITATION_LIFETIME_DAYS,
        signInPageUrl: new URL('/apply/sign-in', env.BASE_URL).toString(),
      },
      idempotencyKey: `joint-applicant-invitation/${link.id}`,
      householdId: loaded.household.id,
    });
    return true;
  });
  if (!invited) throw new Conflict('A second applicant has already been invited.');
  return { ok: true as const };
}

function actorOf(viewer: Viewer): AuditActor {
  return { userId: viewer.userId, role: viewer.role };
}

// ---------------------------------------------------------------- the applicant's progress

const MAINSTREAM_TIMELINE = ['enquiry', 'invited', 'application', 'assessment', 'panel', 'decision', 'approved'];
const KINSHIP_TIMELINE = ['kinship', 'panel', 'decision', 'approved'];

export type TimelineStep = { label: string; state: 'done' | 'current' | 'upcoming' };

/**
 * Where the household is, as the parts of the pipeline in order (DOMAIN.md §2.2), and whether there is an application
 * to open. Built here rather than in the page so the machine (xstate) stays out of the browser bundle.
 */
export async function getApplicantProgress(viewer: Viewer) {
  const household = await findApplicantHousehold(viewer);
  if (!household) return null;
  const group = stageInfo(household.stage).group;
  const order = household.route === 'kinship' ? KINSHIP_TIMELINE : MAINSTREAM_TIMELINE;
  const currentIndex = order.indexOf(group);
  const timeline: TimelineStep[] =
    currentIndex === -1
      ? []
      : order.map((id, index) => ({
          label: STAGE_GROUPS.find((candidate) => candidate.id === id)?.label ?? id,
          state: index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming',
        }));
  const application = household.application
    ? { status: household.application.status === 'submitted' ? ('submitted' as const) : ('inProgress' as const) }
    : wasInvited(household)
      ? { status: 'notStarted' as const }
      : null;
  return { timeline, application, canEdit: household.stage === EDITABLE_STAGE && application?.status !== 'submitted' };
}
