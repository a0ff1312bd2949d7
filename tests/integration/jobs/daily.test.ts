import { afterEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '~/lib/bank-holidays';
import { requestReference } from '~/modules/checks/references.server';
import { env } from '~/lib/env.server';
import { heldHolidaySet, recomputeDeadlines, reloadHolidaySet, runDailyJobs } from '~/modules/jobs/daily.server';
import type { PipelineContext, PipelineRoute } from '~/modules/pipeline/machine';
import { serialiseSnapshot, snapshotAtStage } from '~/modules/pipeline/snapshots';
import { createHousehold, createUser, createViewer } from '../../support/factories';

// The daily job on Monday 20 April 2026, with due dates counted by hand (DOMAIN.md §2.4). Every test makes its own
// workers, so each digest holds only that test's households even though the database is shared by the file.
const TODAY = '2026-04-20';
const RECENTLY = new Date('2026-04-15T10:00:00Z');

type OwnedHousehold = {
  stage: string;
  route?: PipelineRoute;
  context?: Partial<PipelineContext>;
  lastActivityAt?: Date;
  enquiryDate?: string;
  nextDueOn?: string | null;
  nextDueRule?: string | null;
};

async function ownedHousehold(ownerId: string | null, options: OwnedHousehold) {
  const route = options.route ?? 'mainstream';
  const household = await createHousehold({
    stage: options.stage,
    route,
    allocatedCouncilId: 'derby-city',
    enquiryDate: options.enquiryDate,
  });
  return prisma.household.update({
    where: { id: household.id },
    data: {
      ownerId,
      pipelineSnapshot: serialiseSnapshot(snapshotAtStage(route, options.stage, options.context)),
      lastActivityAt: options.lastActivityAt ?? RECENTLY,
      nextDueOn: options.nextDueOn ?? null,
      nextDueRule: options.nextDueRule ?? null,
    },
  });
}

async function digestsTo(userId: string) {
  return prisma.outboundEmail.findMany({
    where: { template: 'worker-digest', idempotencyKey: { startsWith: `worker-digest/${userId}/` } },
    orderBy: { idempotencyKey: 'asc' },
  });
}

afterEach(async () => {
  await prisma.bankHoliday.deleteMany();
  await reloadHolidaySet();
});

describe('runDailyJobs: the worker digest', () => {
  it('queues one digest per worker with their overdue, due-soon and stalled references, and none on a second run that day', async () => {
    // The stalled dates below assume 20 days without activity.
    expect(env.STALLED_AFTER_DAYS).toBe(20);
    const worker = await createUser({ role: 'socialWorker', councilId: 'derby-city' });
    const colleague = await createUser({ role: 'hubOfficer' });
    const leaver = await createUser({ role: 'socialWorker', councilId: 'derby-city', active: false });

    // Final minutes Tuesday 7 April + 7 working days = Thursday 16 April: overdue on the 20th.
    const overdue = await ownedHousehold(worker.id, { stage: 'decision.awaitingAdm', context: { finalMinutesReceivedOn: '2026-04-07' } });
    // No activity since Sunday 1 March: stalled from Saturday 21 March.
    const stalled = await ownedHousehold(worker.id, { stage: 'invited', lastActivityAt: new Date('2026-03-01T10:00:00Z') });
    // Application 24 August 2025 + 8 months = Friday 24 April: due soon, not overdue.
    const dueSoon = await ownedHousehold(worker.id, { stage: 'assessment.stage2', context: { applicationReceivedOn: '2025-08-24' } });
    // Application 15 January + 8 months = 15 September: on track.
    await ownedHousehold(colleague.id, { stage: 'assessment.stage1', context: { applicationReceivedOn: '2026-01-15' } });
    await ownedHousehold(worker.id, { stage: 'closed', nextDueOn: '2026-01-01', nextDueRule: 'enquiryResponse', lastActivityAt: new Date('2026-01-01T10:00:00Z') });
    await ownedHousehold(leaver.id, { stage: 'invited', lastActivityAt: new Date('2026-03-01T10:00:00Z') });

    await runDailyJobs({ today: TODAY });
    await runDailyJobs({ today: TODAY });

    const digests = await digestsTo(worker.id);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ to: worker.email, idempotencyKey: `worker-digest/${worker.id}/${TODAY}`, householdId: null });
    expect(JSON.parse(digests[0].propsJson)).toEqual({
      overdue: [{ reference: overdue.reference, dueOn: '2026-04-16' }],
      dueSoon: [{ reference: dueSoon.reference, dueOn: '2026-04-24' }],
      stalled: [{ reference: stalled.reference, dueOn: '2026-03-21' }],
      casesUrl: 'http://localhost:3000/council',
    });
    expect(await digestsTo(colleague.id)).toEqual([]);
    expect(await digestsTo(leaver.id)).toEqual([]);

    await runDailyJobs({ today: '2026-04-21' });
    expect((await digestsTo(worker.id)).map((email) => email.idempotencyKey)).toEqual([
      `worker-digest/${worker.id}/${TODAY}`,
      `worker-digest/${worker.id}/2026-04-21`,
    ]);
  });

  it('lists a case that is both overdue and stalled once, as overdue, and links hub staff to the hub', async () => {
    const officer = await createUser({ role: 'hubOfficer' });
    // Enquiry Thursday 2 April + 1 working day (Good Friday and Easter Monday skipped) = Tuesday 7 April.
    const household = await ownedHousehold(officer.id, {
      stage: 'enquiry.received',
      enquiryDate: '2026-04-02',
      lastActivityAt: new Date('2026-03-20T10:00:00Z'),
    });

    await runDailyJobs({ today: TODAY });

    const [digest] = await digestsTo(officer.id);
    expect(JSON.parse(digest.propsJson)).toEqual({
      overdue: [{ reference: household.reference, dueOn: '2026-04-07' }],
      dueSoon: [],
      stalled: [],
      casesUrl: 'http://localhost:3000/hub',
    });
  });
});

describe('runDailyJobs: stored due dates', () => {
  it('fills in due dates never computed, as after seeding', async () => {
    const hold = await ownedHousehold(null, {
      stage: 'onHold',
      context: { applicationReceivedOn: '2026-01-15', heldFrom: 'assessment', heldOn: '2026-03-02' },
    });
    const kinship = await ownedHousehold(null, {
      stage: 'kinship.temporaryApproval',
      route: 'kinship',
      context: { tempApprovalStartOn: '2026-06-01' },
    });

    const result = await runDailyJobs({ today: TODAY });

    expect(result.deadlinesUpdated).toBeGreaterThanOrEqual(2);
    expect(await prisma.household.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({
      nextDueOn: '2026-09-15',
      nextDueRule: 'panelRecommendation',
    });
    expect(await prisma.household.findUniqueOrThrow({ where: { id: kinship.id } })).toMatchObject({
      nextDueOn: '2026-09-21',
      nextDueRule: 'reg24End',
    });
  });

  it('moves a working-day due date when the BankHoliday table changes', async () => {
    const household = await ownedHousehold(null, {
      stage: 'enquiry.received',
      enquiryDate: '2026-04-02',
      nextDueOn: '2026-04-07',
      nextDueRule: 'enquiryResponse',
    });
    // An administrator adds a one-off holiday on Tuesday 7 April: the response is now due on Wednesday 8 April.
    await prisma.bankHoliday.createMany({
      data: [...ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => ({ ...holiday })), { date: '2026-04-07', name: 'One-off holiday' }],
    });

    await runDailyJobs({ today: TODAY });

    expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({
      nextDueOn: '2026-04-08',
      nextDueRule: 'enquiryResponse',
    });
    // The list requests hold is the one the run read, so the pipeline writer's new due dates agree with it.
    expect((await heldHolidaySet()).has('2026-04-07')).toBe(true);
  });

  it('leaves a household alone if the writer changes it between the read and the update', async () => {
    const household = await ownedHousehold(null, { stage: 'enquiry.received', enquiryDate: '2026-04-02' });
    // The writer moves the case on (and stores its own due date) just after the job has read this household.
    const writerChange = () =>
      prisma.household.update({
        where: { id: household.id },
        data: { stage: 'enquiry.contacted', nextDueOn: '2026-04-10', nextDueRule: 'initialVisit', version: { increment: 1 } },
      });
    const households = prisma.household;
    const racingHouseholds = new Proxy(households, {
      get(target, property) {
        if (property !== 'findMany') return Reflect.get(target, property);
        return async (args: Parameters<typeof households.findMany>[0]) => {
          const rows = await target.findMany(args);
          if (rows.some((row) => row.id === household.id)) await writerChange();
          return rows;
        };
      },
    });
    const racingDb = new Proxy(prisma, {
      get: (target, property) => (property === 'household' ? racingHouseholds : Reflect.get(target, property)),
    });

    await recomputeDeadlines(racingDb);

    expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({
      stage: 'enquiry.contacted',
      nextDueOn: '2026-04-10',
      nextDueRule: 'initialVisit',
    });
  });
});

describe('runDailyJobs: Stage 1 reference reminders', () => {
  it('sends each due reminder once, however often it runs', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const household = await ownedHousehold(null, { stage: 'assessment.stage1' });
    // Wednesday 25 March + 10 working days (Good Friday and Easter Monday skipped) = Friday 10 April.
    const { checkId } = await requestReference(
      worker,
      household.id,
      { type: 'employer', refereeName: 'Jo Manager', refereeEmail: 'jo.manager@example.test' },
      { now: new Date('2026-03-25T10:00:00Z') },
    );

    const first = await runDailyJobs({ today: '2026-04-10' });
    const second = await runDailyJobs({ today: '2026-04-10' });

    expect(first.remindersQueued).toBe(1);
    expect(second.remindersQueued).toBe(0);
    const reminders = await prisma.outboundEmail.findMany({ where: { template: 'reference-reminder', idempotencyKey: { contains: checkId } } });
    expect(reminders.map((email) => [email.idempotencyKey, email.to])).toEqual([[`reference-reminder/${checkId}`, 'jo.manager@example.test']]);
  });
});
