import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Conflict, ValidationFailed } from '~/lib/errors';
import { getApplicationForViewer, inviteJointApplicant, saveSection, submitApplication } from '~/modules/applications/applications.server';
import { signInWithMagicLink } from '~/modules/auth/magic-links.server';
import type { Viewer } from '~/modules/auth/viewer';
import { createHousehold, createUser } from '../../support/factories';

// Every test makes its own household: the database is shared by the whole file.

const NOW = new Date('2026-10-01T09:30:00Z');
let counter = 0;

async function createApplicant() {
  const user = await createUser({ role: 'applicant' });
  const household = await createHousehold({ stage: 'invited', email: user.email });
  await prisma.person.create({
    data: { householdId: household.id, role: 'applicant', firstName: 'Jo', lastName: 'Bloggs', email: user.email, userId: user.id },
  });
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: `session-${user.id}`, role: 'applicant', councilId: null };
  return { viewer, household };
}

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) data.append(name, entry);
  }
  return data;
}

function partnerEmail() {
  counter += 1;
  return `sam.partner.${process.pid}.${counter}@example.com`;
}

/** Invites a partner and signs them in as the user the magic-link request created. */
async function invitePartner(first: Viewer) {
  const email = partnerEmail();
  expect(await inviteJointApplicant(first, form({ firstName: 'Sam', lastName: 'Bloggs', email: email.toUpperCase() }), { now: NOW })).toEqual({ ok: true });
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: `session-${user.id}`, role: 'applicant', councilId: null };
  return { email, viewer };
}

const PERSONAL_ANSWERS: Record<string, Record<string, string | string[]>> = {
  'about-you': { firstName: 'Sam', lastName: 'Bloggs', 'dateOfBirth-day': '9', 'dateOfBirth-month': '11', 'dateOfBirth-year': '1978', phone: '07700 900123' },
  employment: { employmentStatus: 'partTime' },
  health: { healthAffectsCaring: 'no' },
  'checks-consent': { consentDbs: 'yes', consentLocalAuthority: 'yes', consentMedical: 'yes' },
};

const HOUSEHOLD_ANSWERS: Record<string, Record<string, string | string[]>> = {
  household: { hasPartner: 'yes', partnerName: 'Sam Bloggs' },
  home: { spareBedrooms: '1', tenure: 'own' },
  children: { hasChildren: 'no' },
  'previous-fostering': { fosteredBefore: 'no' },
  references: {
    referee1Name: 'Pat Jones', referee1Relationship: 'Friend', referee1Email: 'pat@example.com', referee1Phone: '01632 960001',
    referee2Name: 'Ali Khan', referee2Relationship: 'Neighbour', referee2Email: 'ali@example.com', referee2Phone: '01632 960002',
  },
  'training-availability': { trainingTimes: ['weekdayEvening', 'weekend'] },
};

async function save(viewer: Viewer, answers: Record<string, Record<string, string | string[]>>) {
  for (const [section, fields] of Object.entries(answers)) {
    expect(await saveSection(viewer, section, form(fields), { now: NOW })).toEqual({ ok: true });
  }
}

describe('inviting a second applicant', () => {
  it('adds them to the household as a joint applicant and emails them a sign-in link', async () => {
    const { viewer, household } = await createApplicant();
    expect((await getApplicationForViewer(viewer)).canInviteJointApplicant).toBe(true);
    const { email, viewer: partner } = await invitePartner(viewer);

    const person = await prisma.person.findFirstOrThrow({ where: { householdId: household.id, role: 'jointApplicant' } });
    expect(person).toMatchObject({ firstName: 'Sam', lastName: 'Bloggs', email, userId: partner.userId });
    const emails = await prisma.outboundEmail.findMany({ where: { to: email }, select: { template: true, propsJson: true, householdId: true } });
    expect(emails.map(({ template, householdId }) => ({ template, householdId }))).toEqual([
      { template: 'joint-applicant-invitation', householdId: household.id },
    ]);
    const props = JSON.parse(emails[0].propsJson) as Record<string, unknown>;
    expect(props).toMatchObject({ firstName: 'Sam', inviterName: viewer.name, expiresInDays: 7 });
    const link = await prisma.magicLinkToken.findFirstOrThrow({ where: { email } });
    expect(link.redirectTo).toBe('/apply/application');
    // Seven days from NOW (2026-10-01 09:30 UTC), so the partner can open it another day.
    expect(link.expiresAt.toISOString()).toBe('2026-10-08T09:30:00.000Z');

    const token = new URL(String(props.signInUrl)).searchParams.get('token') ?? '';
    const signedIn = await signInWithMagicLink(token, null, new Date('2026-10-07T20:00:00Z'));
    expect(signedIn).toMatchObject({ ok: true, redirectTo: '/apply/application' });
    expect(await signInWithMagicLink(token, null, new Date('2026-10-07T20:01:00Z'))).toEqual({ ok: false });

    const afterwards = await getApplicationForViewer(viewer);
    expect(afterwards.canInviteJointApplicant).toBe(false);
    expect(afterwards.otherApplicants).toEqual([{ name: 'Sam Bloggs', personalComplete: false, signedUp: true }]);
  });

  it('checks the details, refuses the inviter’s own address, a second invitation, and an invitation from the joint applicant', async () => {
    const { viewer } = await createApplicant();
    expect(await inviteJointApplicant(viewer, form({ firstName: '', lastName: 'Bloggs', email: 'not-an-email' }))).toMatchObject({
      ok: false,
      fieldErrors: { firstName: 'Enter their first name', email: 'Enter an email address in the correct format, like name@example.com' },
    });
    expect(await inviteJointApplicant(viewer, form({ firstName: 'Sam', lastName: 'Bloggs', email: viewer.email }))).toMatchObject({
      ok: false,
      fieldErrors: { email: 'Enter the second applicant’s own email address, not yours' },
    });
    const { viewer: partner } = await invitePartner(viewer);
    await expect(inviteJointApplicant(viewer, form({ firstName: 'Alex', lastName: 'Smith', email: partnerEmail() }))).rejects.toBeInstanceOf(Conflict);
    await expect(inviteJointApplicant(partner, form({ firstName: 'Alex', lastName: 'Smith', email: partnerEmail() }))).rejects.toBeInstanceOf(Conflict);
  });
});

describe('the joint applicant’s own sections', () => {
  it('shares the household sections but keeps personal ones apart, and the application goes only when both are done', async () => {
    const { viewer: first, household } = await createApplicant();
    const { viewer: partner } = await invitePartner(first);
    await save(first, { ...HOUSEHOLD_ANSWERS, ...PERSONAL_ANSWERS });

    const partnerList = await getApplicationForViewer(partner);
    const statusOf = (id: string) => partnerList.sections.find((section) => section.id === id)?.status;
    expect(statusOf('home')).toBe('complete');
    expect(statusOf('about-you')).toBe('notStarted');
    expect(statusOf('health')).toBe('notStarted');
    expect(partnerList.canInviteJointApplicant).toBe(false);

    const firstList = await getApplicationForViewer(first);
    expect(firstList).toMatchObject({ ownComplete: true, allComplete: false, waitingFor: ['Sam Bloggs'] });
    await expect(submitApplication(first, { now: NOW })).rejects.toBeInstanceOf(ValidationFailed);
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).stage).toBe('invited');

    await save(partner, PERSONAL_ANSWERS);
    expect(await prisma.applicationSection.count({ where: { application: { householdId: household.id } } })).toBe(6 + 4 + 4);
    expect(await getApplicationForViewer(partner)).toMatchObject({ ownComplete: true, allComplete: true, waitingFor: [] });

    await submitApplication(partner, { now: NOW });
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).stage).toBe('application.submitted');
  });
});

describe('a partner the hub recorded, who has no account', () => {
  it('does not hold the application back, and no second invitation is offered', async () => {
    const { viewer, household } = await createApplicant();
    await prisma.person.create({ data: { householdId: household.id, role: 'jointApplicant', firstName: 'Chris', lastName: 'Bloggs', email: partnerEmail() } });
    await save(viewer, { ...HOUSEHOLD_ANSWERS, ...PERSONAL_ANSWERS });
    expect(await getApplicationForViewer(viewer)).toMatchObject({
      allComplete: true,
      waitingFor: [],
      canInviteJointApplicant: false,
      otherApplicants: [{ name: 'Chris Bloggs', personalComplete: false, signedUp: false }],
    });
    await submitApplication(viewer, { now: NOW });
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).stage).toBe('application.submitted');
  });
});
