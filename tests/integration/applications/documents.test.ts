import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { getDocumentsAndTraining } from '~/modules/applications/documents.server';
import type { Viewer } from '~/modules/auth/viewer';
import { createHousehold, createUser } from '../../support/factories';

// The documents and training part of the applicant's own page. Every test makes its own applicant and household:
// the database is shared by the whole file.

async function createApplicant(stage = 'invited') {
  const user = await createUser({ role: 'applicant' });
  const household = await createHousehold({ stage, email: user.email });
  await prisma.person.create({
    data: { householdId: household.id, role: 'applicant', firstName: 'Jo', lastName: 'Bloggs', email: user.email, userId: user.id },
  });
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: `session-${user.id}`, role: 'applicant', councilId: null };
  return { viewer, household };
}

describe('documents and training dates', () => {
  it('starts empty: nothing asked for, form not sent, no training times, no standards', async () => {
    const { viewer } = await createApplicant();
    const page = await getDocumentsAndTraining(viewer);
    expect(page).toMatchObject({ applicationSentOn: null, training: { availableTimes: [], standards: null } });
    expect(page?.documents.every((item) => item.progress.state === 'notYet')).toBe(true);
  });

  it('shows how far its own checks have got, never what they found, and nothing of another household', async () => {
    const { viewer, household } = await createApplicant('assessment.stage1');
    const other = await createApplicant('assessment.stage1');
    await prisma.stage1Check.createMany({
      data: [
        { householdId: household.id, type: 'dbs', requestedOn: '2026-03-02', receivedOn: '2026-03-30', outcome: 'concern', restrictedNotes: 'Secret note' },
        { householdId: household.id, type: 'personalReference', refereeName: 'Pat Jones', requestedOn: '2026-03-04' },
        { householdId: household.id, type: 'personalReference', refereeName: 'Ali Khan', requestedOn: '2026-03-03', receivedOn: '2026-03-18' },
        { householdId: other.household.id, type: 'medical', requestedOn: '2026-03-01', receivedOn: '2026-03-09' },
      ],
    });

    const page = await getDocumentsAndTraining(viewer);
    const byId = Object.fromEntries((page?.documents ?? []).map((item) => [item.id, item.progress]));
    expect(byId).toEqual({
      dbs: { state: 'received', receivedOn: '2026-03-30', total: 1 },
      medical: { state: 'notYet' },
      localAuthority: { state: 'notYet' },
      personalReference: { state: 'requested', requestedOn: '2026-03-04', received: 1, total: 2 },
      homeSafety: { state: 'notYet' },
    });
    expect(JSON.stringify(page)).not.toMatch(/concern|Secret note|Pat Jones/);
  });

  it('gives the training times from the application and the date it was sent', async () => {
    const { viewer, household } = await createApplicant('application.submitted');
    const submittedAt = new Date('2026-04-02T18:45:00Z');
    await prisma.application.create({
      data: {
        householdId: household.id,
        status: 'submitted',
        submittedAt,
        sections: {
          create: {
            section: 'training-availability',
            personKey: 'household',
            status: 'complete',
            answersJson: JSON.stringify({ trainingTimes: 'weekdayEvening,weekend' }),
          },
        },
      },
    });
    expect(await getDocumentsAndTraining(viewer)).toMatchObject({
      applicationSentOn: submittedAt,
      training: { availableTimes: ['Weekday evenings', 'Weekends'], standards: null },
    });
  });

  it('gives the training standards dates once approved', async () => {
    const { viewer, household } = await createApplicant('approved');
    await prisma.approval.create({
      data: { householdId: household.id, councilId: 'derby-city', approvalType: 'mainstream', approvedOn: '2026-03-10', tsdDueOn: '2027-03-10' },
    });
    expect((await getDocumentsAndTraining(viewer))?.training.standards).toEqual({ dueOn: '2027-03-10', metOn: null });
  });

  it('has nothing for an applicant without a household', async () => {
    const user = await createUser({ role: 'applicant' });
    const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: 's', role: 'applicant', councilId: null };
    expect(await getDocumentsAndTraining(viewer)).toBeNull();
  });
});
