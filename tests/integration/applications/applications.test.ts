import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Conflict, NotFound, ValidationFailed } from '~/lib/errors';
import {
  getApplicationForViewer,
  getCheckAnswers,
  getSectionForViewer,
  saveSection,
  submitApplication,
} from '~/modules/applications/applications.server';
import type { Viewer } from '~/modules/auth/viewer';
import { createHousehold, createUser } from '../../support/factories';

// Every test makes its own applicant and household: the database is shared by the whole file.

const NOW = new Date('2026-10-01T09:30:00Z');

async function createApplicant(stage = 'invited') {
  const user = await createUser({ role: 'applicant' });
  const household = await createHousehold({ stage, email: user.email });
  const person = await prisma.person.create({
    data: { householdId: household.id, role: 'applicant', firstName: 'Jo', lastName: 'Bloggs', email: user.email, userId: user.id },
  });
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: `session-${user.id}`, role: 'applicant', councilId: null };
  return { viewer, household, person };
}

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) data.append(name, entry);
  }
  return data;
}

const COMPLETE_ANSWERS: Record<string, Record<string, string | string[]>> = {
  'about-you': { firstName: 'Jo', lastName: 'Bloggs', 'dateOfBirth-day': '2', 'dateOfBirth-month': '5', 'dateOfBirth-year': '1980', phone: '07700 900982' },
  household: { hasPartner: 'no' },
  home: { spareBedrooms: '1', tenure: 'own' },
  children: { hasChildren: 'no' },
  employment: { employmentStatus: 'partTime' },
  health: { healthAffectsCaring: 'no' },
  'previous-fostering': { fosteredBefore: 'no' },
  references: {
    referee1Name: 'Pat Jones', referee1Relationship: 'Friend', referee1Email: 'pat@example.com', referee1Phone: '01632 960001',
    referee2Name: 'Ali Khan', referee2Relationship: 'Neighbour', referee2Email: 'ali@example.com', referee2Phone: '01632 960002',
  },
  'checks-consent': { consentDbs: 'yes', consentLocalAuthority: 'yes', consentMedical: 'yes' },
  'training-availability': { trainingTimes: ['weekdayEvening', 'weekend'] },
};

async function completeEverySection(viewer: Viewer) {
  for (const [section, answers] of Object.entries(COMPLETE_ANSWERS)) {
    expect(await saveSection(viewer, section, form(answers), { now: NOW })).toEqual({ ok: true });
  }
}

describe('the task list', () => {
  it('creates the application on the first visit of an invited applicant, with every section not started', async () => {
    const { viewer, household } = await createApplicant();
    const application = await getApplicationForViewer(viewer);
    expect(application.editable).toBe(true);
    expect(application.sections).toHaveLength(10);
    expect(application.sections.every((section) => section.status === 'notStarted')).toBe(true);
    expect(await prisma.application.count({ where: { householdId: household.id } })).toBe(1);
    await getApplicationForViewer(viewer);
    expect(await prisma.application.count({ where: { householdId: household.id } })).toBe(1);
  });

  it('is not found for a household that has not been invited', async () => {
    const { viewer } = await createApplicant('enquiry.contacted');
    await expect(getApplicationForViewer(viewer)).rejects.toBeInstanceOf(NotFound);
  });
});

describe('saving and resuming', () => {
  it('keeps the answers for the next visit, and marks a valid section complete', async () => {
    const { viewer, person, household } = await createApplicant();
    await saveSection(viewer, 'about-you', form(COMPLETE_ANSWERS['about-you']), { now: NOW });

    // A later "session": nothing carried over but the viewer.
    const again = await getSectionForViewer(viewer, 'about-you');
    expect(again.status).toBe('complete');
    expect(again.answers).toMatchObject({ firstName: 'Jo', 'dateOfBirth-year': '1980' });
    const row = await prisma.applicationSection.findFirstOrThrow({ where: { section: 'about-you', application: { householdId: household.id } }, select: { personKey: true } });
    expect(row.personKey).toBe(person.id);
    const list = await getApplicationForViewer(viewer);
    expect(list.sections.find((section) => section.id === 'about-you')?.status).toBe('complete');
  });

  it('saves what was typed as an in-progress draft when it fails a check, HTML and all', async () => {
    const { viewer } = await createApplicant();
    const typed = { firstName: '<b>Jo</b>', lastName: '', 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2030', phone: '07700 900982' };
    const result = await saveSection(viewer, 'about-you', form(typed), { now: NOW });
    expect(result).toMatchObject({ ok: false, fieldErrors: { lastName: 'Enter your last name', dateOfBirth: 'Date of birth must be in the past' } });

    const draft = await getSectionForViewer(viewer, 'about-you');
    expect(draft.status).toBe('inProgress');
    expect(draft.answers).toEqual(typed);
  });

  it('answers 404 for a section that does not exist', async () => {
    const { viewer } = await createApplicant();
    await expect(saveSection(viewer, 'favourite-colour', form({}), { now: NOW })).rejects.toBeInstanceOf(NotFound);
  });
});

describe('submitting', () => {
  it('refuses an application with a section still to do', async () => {
    const { viewer, household } = await createApplicant();
    await saveSection(viewer, 'about-you', form(COMPLETE_ANSWERS['about-you']), { now: NOW });
    const refusal = await submitApplication(viewer, { now: NOW }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).fieldErrors.references).toBe('Complete the “References” section');
    expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id }, select: { stage: true } })).toEqual({ stage: 'invited' });
  });

  it('moves the case to application received through the writer, stamps the application and queues both emails', async () => {
    const { viewer, household } = await createApplicant();
    await completeEverySection(viewer);
    await submitApplication(viewer, { now: NOW });

    const after = await prisma.household.findUniqueOrThrow({ where: { id: household.id }, select: { stage: true, applicationDate: true } });
    expect(after).toEqual({ stage: 'application.submitted', applicationDate: '2026-10-01' });
    const transitions = await prisma.pipelineTransition.findMany({
      where: { householdId: household.id },
      select: { fromStage: true, toStage: true, event: true, actorId: true },
    });
    expect(transitions).toEqual([{ fromStage: 'invited', toStage: 'application.submitted', event: 'APPLICATION_RECEIVED', actorId: viewer.userId }]);

    const application = await prisma.application.findUniqueOrThrow({ where: { householdId: household.id }, select: { status: true, submittedAt: true, submittedById: true } });
    expect(application).toEqual({ status: 'submitted', submittedAt: NOW, submittedById: viewer.userId });

    const emails = await prisma.outboundEmail.findMany({ where: { householdId: household.id }, select: { template: true, to: true }, orderBy: { template: 'asc' } });
    expect(emails).toEqual([
      { template: 'application-received', to: viewer.email },
      { template: 'hub-application-received', to: 'hub@fosterforeastmidlands.test' },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: 'application.submitted', actorId: viewer.userId } })).toBe(1);

    const copy = await getCheckAnswers(viewer);
    expect(copy.status).toBe('submitted');
    expect(copy.editable).toBe(false);
    expect(copy.sections[0].rows.find((row) => row.name === 'dateOfBirth')?.value).toBe('2 May 1980');
  });

  it('refuses, and audits, a forged save or a second submission once submitted', async () => {
    const { viewer, household } = await createApplicant();
    await completeEverySection(viewer);
    await submitApplication(viewer, { now: NOW });

    await expect(saveSection(viewer, 'home', form({ spareBedrooms: '3', tenure: 'rentPrivate' }), { now: NOW })).rejects.toThrow(
      new Conflict('Your application has been sent, so it can no longer be changed.'),
    );
    await expect(submitApplication(viewer, { now: NOW })).rejects.toBeInstanceOf(Conflict);
    const home = await getSectionForViewer(viewer, 'home');
    expect(home.answers).toEqual({ spareBedrooms: '1', tenure: 'own' });
    expect(await prisma.auditEvent.count({ where: { action: 'application.editRefused', actorId: viewer.userId } })).toBe(2);
    expect(await prisma.pipelineTransition.count({ where: { householdId: household.id } })).toBe(1);
  });
});

describe('scope', () => {
  it('never reaches another applicant’s household', async () => {
    const mine = await createApplicant();
    const theirs = await createApplicant();
    await saveSection(theirs.viewer, 'home', form(COMPLETE_ANSWERS.home), { now: NOW });
    await saveSection(mine.viewer, 'home', form({ spareBedrooms: '2', tenure: 'rentSocial' }), { now: NOW });

    expect((await getSectionForViewer(theirs.viewer, 'home')).answers).toEqual({ spareBedrooms: '1', tenure: 'own' });
    const stranger = await createUser({ role: 'applicant' });
    const strangerViewer: Viewer = { userId: stranger.id, name: stranger.name, email: stranger.email, sessionId: 's', role: 'applicant', councilId: null };
    await expect(getApplicationForViewer(strangerViewer)).rejects.toBeInstanceOf(NotFound);
    await expect(saveSection(strangerViewer, 'home', form(COMPLETE_ANSWERS.home), { now: NOW })).rejects.toBeInstanceOf(NotFound);
  });
});
