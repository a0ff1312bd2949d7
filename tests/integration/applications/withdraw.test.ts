import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { NotFound, TransitionRejected } from '~/lib/errors';
import { getApplicantStatus, getWithdrawal, withdrawApplication } from '~/modules/applications/status.server';
import type { Viewer } from '~/modules/auth/viewer';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';
import { createHousehold, createUser } from '../../support/factories';

// Every test makes its own applicant and household: the database is shared by the whole file.

const NOW = new Date('2026-10-01T09:30:00Z'); // a Thursday; 10:30 in London, so the London date is 2026-10-01

async function createApplicant(stage = 'invited') {
  const user = await createUser({ role: 'applicant' });
  const household = await createHousehold({ stage, email: user.email });
  await prisma.person.create({
    data: { householdId: household.id, role: 'applicant', firstName: 'Jo', lastName: 'Bloggs', email: user.email, userId: user.id },
  });
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: `session-${user.id}`, role: 'applicant', councilId: null };
  return { viewer, household };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('the status page', () => {
  it('names the worker who holds the case, or none yet', async () => {
    const { viewer, household } = await createApplicant();
    expect(await getApplicantStatus(viewer, { now: NOW })).toEqual({ workerName: null, closure: null, canWithdraw: true });

    const worker = await createUser({ role: 'hubOfficer' });
    await prisma.household.update({ where: { id: household.id }, data: { ownerId: worker.id } });
    expect((await getApplicantStatus(viewer, { now: NOW }))?.workerName).toBe(worker.name);
  });

  it('tells an applicant whose case moved to another fostering service that it has ended', async () => {
    const { viewer, household } = await createApplicant('invited');
    const manager = await createUser({ role: 'hubManager' });
    await applyPipelineEvent(
      { userId: manager.id, name: manager.name, email: manager.email, sessionId: 's', role: 'hubManager', councilId: null },
      household.id,
      { type: 'TRANSFER_OUT', occurredOn: '2026-09-30', receivingServiceKind: 'independentAgency', receivingServiceName: 'Fostering People' },
      { now: NOW },
    );
    expect(await getApplicantStatus(viewer, { now: NOW })).toMatchObject({
      closure: { closedOn: '2026-09-30', reasonLabel: 'Your application moved to another fostering service' },
      canWithdraw: false,
    });
  });

  it('has nothing to show for an applicant without a household', async () => {
    const user = await createUser({ role: 'applicant' });
    const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: 's', role: 'applicant', councilId: null };
    expect(await getApplicantStatus(viewer)).toBeNull();
    await expect(getWithdrawal(viewer)).rejects.toBeInstanceOf(NotFound);
  });
});

describe('withdrawing', () => {
  it('before an application, closes the case with the reason, no Ofsted code, and queues the confirmation email', async () => {
    const { viewer, household } = await createApplicant('invited');
    const result = await withdrawApplication(viewer, form({ reasonCode: 'NOT_NOW', reason: 'A new baby is due <soon>' }), { now: NOW });
    expect(result).toEqual({ ok: true });

    const after = await prisma.household.findUniqueOrThrow({ where: { id: household.id } });
    expect(after.stage).toBe('closed');
    expect(after.closedReason).toBe('NOT_NOW');
    expect(after.closedDate).toBe('2026-10-01');
    expect(after.withdrawalAwCode).toBeNull();

    const transition = await prisma.pipelineTransition.findFirstOrThrow({ where: { householdId: household.id, event: 'WITHDRAW' } });
    expect(transition).toMatchObject({ fromStage: 'invited', toStage: 'closed', reasonCode: 'NOT_NOW', reason: 'A new baby is due <soon>', actorId: viewer.userId });

    const emails = await prisma.outboundEmail.findMany({ where: { householdId: household.id, template: 'withdrawal-confirmation' } });
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe(viewer.email);

    const page = await getWithdrawal(viewer, { now: NOW });
    expect(page.closure).toEqual({ closedOn: '2026-10-01', reasonLabel: 'Not the right time' });
    expect(page.canWithdraw).toBe(false);
    expect(await getApplicantStatus(viewer, { now: NOW })).toMatchObject({ closure: { reasonLabel: 'Not the right time' }, canWithdraw: false });
  });

  it('after an application, records the Ofsted AW code the reason maps to', async () => {
    const { viewer, household } = await createApplicant('application.submitted');
    await withdrawApplication(viewer, form({ reasonCode: 'FINANCES' }), { now: NOW });
    const after = await prisma.household.findUniqueOrThrow({ where: { id: household.id } });
    expect(after.stage).toBe('closed');
    expect(after.closedReason).toBe('FINANCES');
    expect(after.withdrawalAwCode).toBe('AW4');
  });

  it('asks for a reason, and refuses one that is not the person’s own choice, changing nothing', async () => {
    const { viewer, household } = await createApplicant();
    const missing = await withdrawApplication(viewer, form({ reason: 'just because' }), { now: NOW });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { reasonCode: 'Select why you are withdrawing' }, values: { reason: 'just because' } });
    const staffOnly = await withdrawApplication(viewer, form({ reasonCode: 'SAFEGUARDING' }), { now: NOW });
    expect(staffOnly).toMatchObject({ ok: false, fieldErrors: { reasonCode: 'Select why you are withdrawing' } });
    const tooLong = await withdrawApplication(viewer, form({ reasonCode: 'NOT_NOW', reason: 'x'.repeat(2_001) }), { now: NOW });
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { reason: 'Tell us in 2,000 characters or fewer' } });
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).stage).toBe('invited');
  });

  it('cannot withdraw twice', async () => {
    const { viewer } = await createApplicant();
    await withdrawApplication(viewer, form({ reasonCode: 'HEALTH' }), { now: NOW });
    await expect(withdrawApplication(viewer, form({ reasonCode: 'HEALTH' }), { now: NOW })).rejects.toBeInstanceOf(TransitionRejected);
  });
});

describe('another household', () => {
  it('is not found for an applicant, and is left untouched', async () => {
    const { viewer } = await createApplicant();
    const other = await createApplicant();
    await expect(
      applyPipelineEvent(viewer, other.household.id, { type: 'WITHDRAW', occurredOn: '2026-10-01', reasonCode: 'NOT_NOW' }, { now: NOW }),
    ).rejects.toBeInstanceOf(NotFound);
    const untouched = await prisma.household.findUniqueOrThrow({ where: { id: other.household.id } });
    expect(untouched.stage).toBe('invited');
    expect(await prisma.outboundEmail.count({ where: { householdId: other.household.id } })).toBe(0);
  });

  it('withdrawing touches only the applicant’s own household', async () => {
    const { viewer, household } = await createApplicant();
    const other = await createApplicant();
    await withdrawApplication(viewer, form({ reasonCode: 'PROCESS' }), { now: NOW });
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).stage).toBe('closed');
    expect((await prisma.household.findUniqueOrThrow({ where: { id: other.household.id } })).stage).toBe('invited');
  });
});
