import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { NotFound } from '~/lib/errors';
import { getCasePageForViewer, submitCaseForm } from '~/modules/households/case-page.server';
import { createHousehold, createUser, createViewer } from '../../support/factories';

// Tuesday 7 April 2026, 13:30 in London (BST).
const NOW = new Date('2026-04-07T12:30:00Z');

function form(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

const dateFields = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

const inStage2 = () => createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage2' });

beforeEach(async () => {
  await prisma.household.deleteMany();
  await prisma.auditEvent.deleteMany();
});

describe('Stage 2 assessment on the council case page', () => {
  it('records the assessor, buddy, a session and training, each audited, and shows them', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const assessor = await createUser({ role: 'socialWorker', councilId: 'derby-city', name: 'Asha Assessor' });
    const household = await inStage2();

    const details = await submitCaseForm(worker, household.id, form({ intent: 'stage2Details', version: '0', assessorId: assessor.id, peerBuddy: 'The Patel household' }), { now: NOW });
    expect(details).toEqual({ ok: true, done: 'stage2Details', stillVisible: true });
    const session = await submitCaseForm(worker, household.id, form({ intent: 'stage2Session', version: '1', ...dateFields('sessionOn', '6', '4', '2026'), status: 'held', note: 'Motivation' }), { now: NOW });
    expect(session).toMatchObject({ ok: true, done: 'stage2Session' });
    const training = await submitCaseForm(worker, household.id, form({ intent: 'stage2Training', version: '2', ...dateFields('courseStartOn', '10', '3', '2026'), attended: 'yes', ...dateFields('completedOn', '21', '3', '2026') }), { now: NOW });
    expect(training).toMatchObject({ ok: true, done: 'stage2Training' });

    const page = await getCasePageForViewer(worker, household.id, { now: NOW, done: 'stage2Training' });
    expect(page.notice).toBe('Skills to Foster training recorded.');
    expect(page.stage2).toMatchObject({
      editable: true,
      version: 3,
      assessorId: assessor.id,
      assessorName: 'Asha Assessor',
      peerBuddy: 'The Patel household',
      sessions: [expect.objectContaining({ sessionOn: '2026-04-06', status: 'held', statusLabel: 'Held', note: 'Motivation' })],
      training: [expect.objectContaining({ courseStartOn: '2026-03-10', attended: true, completedOn: '2026-03-21' })],
    });
    expect(page.stage2?.assessors.map((option) => option.label)).toContain('Asha Assessor');

    const audit = await prisma.auditEvent.findMany({ where: { entityId: household.id, action: { startsWith: 'assessment.' } }, select: { action: true, actorId: true, afterJson: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(audit.map((row) => row.action)).toEqual(['assessment.stage2DetailsSaved', 'assessment.stage2SessionRecorded', 'assessment.skillsToFosterRecorded']);
    expect(audit.every((row) => row.actorId === worker.userId)).toBe(true);
    expect(audit[0]?.afterJson).toBe(JSON.stringify({ assessorId: assessor.id, peerBuddyRecorded: true }));
    expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).lastActivityAt).toEqual(NOW);
  });

  it('refuses an assessor from another council with a field error and keeps what was typed', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const elsewhere = await createUser({ role: 'socialWorker', councilId: 'derbyshire' });
    const household = await inStage2();

    const outcome = await submitCaseForm(worker, household.id, form({ intent: 'stage2Details', version: '0', assessorId: elsewhere.id, peerBuddy: 'The Khan household' }), { now: NOW });

    expect(outcome).toEqual({
      ok: false,
      status: 400,
      failure: {
        form: 'stage2Details',
        fieldErrors: { assessorId: 'Choose a social worker from your council' },
        values: { intent: 'stage2Details', version: '0', assessorId: elsewhere.id, peerBuddy: 'The Khan household' },
        conflict: null,
      },
    });
    expect(await prisma.stage2Assessment.count()).toBe(0);
  });

  it('refuses a held session dated tomorrow as a field error', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const household = await inStage2();

    const outcome = await submitCaseForm(worker, household.id, form({ intent: 'stage2Session', version: '0', ...dateFields('sessionOn', '8', '4', '2026'), status: 'held' }), { now: NOW });

    expect(outcome).toMatchObject({ ok: false, status: 400, failure: { form: 'stage2Session', fieldErrors: { sessionOn: 'The date of a session that was held must be today or in the past' } } });
    expect(await prisma.stage2Session.count()).toBe(0);
  });

  it('lets one of two workers win when both edit from the same version; the other changes nothing', async () => {
    const first = await createViewer('socialWorker', 'derby-city');
    const second = await createViewer('fosteringManager', 'derby-city');
    const household = await inStage2();
    await submitCaseForm(first, household.id, form({ intent: 'stage2Details', version: '0', peerBuddy: 'The Patel household' }), { now: NOW });

    const [a, b] = await Promise.all([
      submitCaseForm(first, household.id, form({ intent: 'stage2Session', version: '1', ...dateFields('sessionOn', '6', '4', '2026'), status: 'held' }), { now: NOW }),
      submitCaseForm(second, household.id, form({ intent: 'stage2Details', version: '1', peerBuddy: 'The Jones household' }), { now: NOW }),
    ]);

    const outcomes = [a, b].map((outcome) => outcome.ok);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const loser = [a, b].find((outcome) => !outcome.ok);
    expect(loser).toMatchObject({ status: 409, failure: { conflict: expect.stringContaining('This record changed while you were editing. Reload') } });
    const record = await prisma.stage2Assessment.findUniqueOrThrow({ where: { householdId: household.id }, select: { version: true, peerBuddy: true, sessions: { select: { id: true } } } });
    expect(record.version).toBe(2);
    // Either the session was written or the buddy changed, never both and never half.
    expect(record.sessions.length === 1).toBe(record.peerBuddy === 'The Patel household');
    expect(await prisma.auditEvent.count({ where: { entityId: household.id, action: { startsWith: 'assessment.' } } })).toBe(2);
  });

  it('refuses a first edit from a page that saw a record that is not there (stale version)', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const household = await inStage2();

    const outcome = await submitCaseForm(worker, household.id, form({ intent: 'stage2Details', version: '3', peerBuddy: 'The Patel household' }), { now: NOW });

    expect(outcome).toMatchObject({ ok: false, status: 409 });
    expect(await prisma.stage2Assessment.count()).toBe(0);
  });

  it('shows the record read-only once the assessment is complete, and refuses edits', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const household = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.readyForPanel' });
    await prisma.stage2Assessment.create({ data: { householdId: household.id, peerBuddy: 'The Patel household', version: 4 } });

    const page = await getCasePageForViewer(worker, household.id, { now: NOW });
    expect(page.stage2).toMatchObject({ editable: false, peerBuddy: 'The Patel household', assessors: [] });

    const outcome = await submitCaseForm(worker, household.id, form({ intent: 'stage2Details', version: '4', peerBuddy: 'Someone else' }), { now: NOW });
    expect(outcome).toMatchObject({ ok: false, status: 409, failure: { conflict: expect.stringContaining('Stage 2 is not under way') } });
    expect((await prisma.stage2Assessment.findUniqueOrThrow({ where: { householdId: household.id } })).peerBuddy).toBe('The Patel household');
  });

  it('shows nothing in Stage 1 before Stage 2 starts, and nothing to the hub after handover', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const hub = await createViewer('hubManager');
    const stage1 = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    const stage2 = await inStage2();

    expect((await getCasePageForViewer(worker, stage1.id, { now: NOW })).stage2).toBeNull();
    expect((await getCasePageForViewer(hub, stage2.id, { now: NOW })).stage2).toBeNull();
  });

  it('answers 404 to a social worker of another council', async () => {
    const outsider = await createViewer('socialWorker', 'nottingham-city');
    const household = await inStage2();

    await expect(submitCaseForm(outsider, household.id, form({ intent: 'stage2Details', version: '0', peerBuddy: 'x' }), { now: NOW })).rejects.toBeInstanceOf(NotFound);
    expect(await prisma.stage2Assessment.count()).toBe(0);
  });
});
