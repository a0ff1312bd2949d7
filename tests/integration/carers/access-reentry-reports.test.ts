import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound } from '~/lib/errors';
import type { Role } from '~/modules/auth/roles';
import { getCarerRecordForViewer, listApprovedHouseholdsForViewer } from '~/modules/carers/carers.server';
import { submitCarerForm } from '~/modules/carers/page.server';
import { recordDeregistration } from '~/modules/carers/resignations.server';
import { runDailyJobs } from '~/modules/jobs/daily.server';
import { resignations } from '~/modules/reporting/definitions.server';
import { createUser, createViewer } from '../../support/factories';
import { createApprovedHousehold, formOf } from './support';

const TODAY = '2026-11-23';
const options = { today: TODAY };

describe('access by role and council (DOMAIN.md §1.3–1.4)', () => {
  // For a Derby City approval: [may read it, may record a review, may end approval, may change the supervising
  // worker], for a viewer in Derby City. Another council's staff never find it. Written out by hand.
  const EXPECTED: Record<Exclude<Role, 'applicant'>, [boolean, boolean, boolean, boolean]> = {
    socialWorker: [true, true, false, false],
    fosteringManager: [true, true, true, true],
    decisionMaker: [true, true, true, false],
    panelAdviser: [true, false, false, false],
    mockingbirdLiaison: [false, false, false, false],
    panelMember: [false, false, false, false],
    hubOfficer: [false, false, false, false],
    hubManager: [false, false, false, false],
    regionalViewer: [false, false, false, false],
    administrator: [true, true, true, true],
  };

  for (const [role, [read, review, end, assign]] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, [boolean, boolean, boolean, boolean]][]) {
    it(`${role}`, async () => {
      const councilRole = !['hubOfficer', 'hubManager', 'regionalViewer', 'administrator'].includes(role);
      const viewer = await createViewer(role, councilRole ? 'derby-city' : null);
      const { approvalId } = await createApprovedHousehold({ approvedOn: '2025-06-01' });
      const reading = getCarerRecordForViewer(viewer, approvalId, TODAY);
      if (!read) {
        await expect(reading).rejects.toThrow(NotFound);
        await expect(submitCarerForm(viewer, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-01', outcome: 'continue' }), options)).rejects.toThrow(NotFound);
        return;
      }
      expect((await reading).permissions).toEqual({ manage: review, assignSupervisor: assign, endApproval: end });
      const reviewing = submitCarerForm(viewer, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-01', outcome: 'continue' }), options);
      if (review) expect(await reviewing).toEqual({ ok: true, done: 'review' });
      else await expect(reviewing).rejects.toThrow(Forbidden);
    });
  }

  it('another council’s staff do not find the record, and the list refuses roles without access', async () => {
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2025-06-01' });
    for (const role of ['socialWorker', 'fosteringManager', 'decisionMaker', 'panelAdviser'] as const) {
      const viewer = await createViewer(role, 'nottingham-city');
      await expect(getCarerRecordForViewer(viewer, approvalId, TODAY)).rejects.toThrow(NotFound);
      await expect(submitCarerForm(viewer, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-01', outcome: 'continue' }), options)).rejects.toThrow(NotFound);
    }
    await expect(listApprovedHouseholdsForViewer(await createViewer('mockingbirdLiaison', 'derby-city'), { today: TODAY })).rejects.toThrow(Forbidden);
    await expect(listApprovedHouseholdsForViewer(await createViewer('hubManager'), { today: TODAY })).rejects.toThrow(Forbidden);
  });

  it('only a worker of the same council can become the supervising social worker', async () => {
    const manager = await createViewer('fosteringManager', 'derby-city');
    const colleague = await createUser({ role: 'socialWorker', councilId: 'derby-city' });
    const outsider = await createUser({ role: 'socialWorker', councilId: 'derbyshire' });
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2025-06-01' });
    const refused = await submitCarerForm(manager, approvalId, formOf({ intent: 'supervisor', version: '0', supervisingWorkerId: outsider.id }), options);
    expect(refused).toMatchObject({ ok: false, failure: { fieldErrors: { supervisingWorkerId: 'Choose a social worker or manager from this council' } } });
    expect(await submitCarerForm(manager, approvalId, formOf({ intent: 'supervisor', version: '0', supervisingWorkerId: colleague.id }), options)).toEqual({ ok: true, done: 'supervisor' });
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: approvalId } })).supervisingWorkerId).toBe(colleague.id);
  });
});

describe('a resigned carer who comes back', () => {
  it('re-enters the pipeline as a new enquiry linked to the earlier household, shown on both records', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId, householdId } = await createApprovedHousehold({ approvedOn: '2019-04-01' });
    const tooEarly = await submitCarerForm(worker, approvalId, formOf({ intent: 'reentry', version: '0' }), options);
    expect(tooEarly).toMatchObject({ ok: false, failure: { fieldErrors: { form: expect.stringContaining('still approved') } } });

    // Notice on 1 October 2026: approval ended on 29 October.
    await submitCarerForm(worker, approvalId, formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2026-10-01', primaryReason: 'WORK_FINANCES' }), options);
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: approvalId } })).endedOn).toBe('2026-10-29');

    expect(await submitCarerForm(worker, approvalId, formOf({ intent: 'reentry', version: '1' }), options)).toEqual({ ok: true, done: 'reentry' });
    const returned = await prisma.household.findFirstOrThrow({ where: { previousHouseholdId: householdId } });
    expect(returned).toMatchObject({ stage: 'enquiry.received', route: 'mainstream', enquiryDate: TODAY, allocatedCouncilId: null, councilId: 'derby-city' });
    expect(await prisma.person.findMany({ where: { householdId: returned.id }, select: { firstName: true, lastName: true } })).toEqual([{ firstName: 'Ada', lastName: 'Okafor' }]);
    expect(await prisma.outboundEmail.count({ where: { householdId: returned.id, template: 'hub-new-enquiry' } })).toBe(1);
    expect(await prisma.note.findMany({ where: { householdId: returned.id }, select: { body: true, peerSupport: true } })).toEqual([
      {
        body: 'Returning carer: previously approved by Derby City Council, approval ended 29 October 2026. Contact its fostering team manager for the earlier record.',
        peerSupport: true,
      },
    ]);
    expect((await getCarerRecordForViewer(worker, approvalId, TODAY)).household.returns).toMatchObject([{ reference: returned.reference, open: true }]);

    // Only once while that enquiry is open.
    const again = await submitCarerForm(worker, approvalId, formOf({ intent: 'reentry', version: '1' }), options);
    expect(again).toMatchObject({ ok: false, failure: { fieldErrors: { form: `This household has already come back as enquiry ${returned.reference}` } } });

    // When the returning household is approved again, its new record links back to the earlier approval.
    const newApproval = await prisma.approval.create({ data: { householdId: returned.id, councilId: 'derby-city', approvalType: 'mainstream', approvedOn: TODAY }, select: { id: true } });
    expect((await getCarerRecordForViewer(worker, newApproval.id, TODAY)).household.previous).toEqual({
      reference: (await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).reference,
      approvalId,
      approvedOn: '2019-04-01',
      endedOn: '2026-10-29',
    });
  });
});

describe('the reports after a resignation recorded here', () => {
  it('resignations() counts the ending on its effective date, in the resigned group', async () => {
    // Nottinghamshire, 1 to 31 December 2026, so other tests' households (Derby City, Derbyshire) do not count.
    const filter = { from: '2026-12-01', to: '2026-12-31', councilId: 'nottinghamshire', route: null, asAt: '2026-12-31' } as const;
    const manager = await createViewer('fosteringManager', 'nottinghamshire');
    const adm = await createViewer('decisionMaker', 'nottinghamshire');
    const resigning = await createApprovedHousehold({ councilId: 'nottinghamshire', approvedOn: '2022-02-01' });
    const ending = await createApprovedHousehold({ councilId: 'nottinghamshire', approvedOn: '2023-02-01' });
    await createApprovedHousehold({ councilId: 'nottinghamshire', approvedOn: '2024-02-01' });
    const before = await resignations(filter);
    expect(before).toMatchObject({ households_at_start: 3, deregistrations: 0, resignations: 0, other_endings: 0 });

    // Notice received 23 November: effective 21 December, inside December.
    await submitCarerForm(manager, resigning.approvalId, formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2026-11-23', primaryReason: 'BURNOUT_WELLBEING' }), options);
    // An order ends the other approval on 15 December: another ending, not a resignation.
    await submitCarerForm(adm, ending.approvalId, formOf({ intent: 'councilEnding', version: '0', primaryReason: 'SGO_GRANTED', effectiveOn: '2026-12-15' }), options);

    // 3 at the start; 2 endings, 1 a resignation: 1 ÷ 3 = 33.3%, 2 ÷ 3 = 66.7%; net change 0 − 2 = −2.
    expect(await resignations(filter)).toEqual({
      households_at_start: 3,
      approvals: 0,
      deregistrations: 2,
      resignations: 1,
      other_endings: 1,
      resignation_rate_pct: 33.3,
      deregistration_rate_pct: 66.7,
      net_change: -2,
    });
    // November is untouched: the notice date is not the ending.
    expect(await resignations({ ...filter, from: '2026-11-01', to: '2026-11-30', asAt: '2026-11-30' })).toMatchObject({ deregistrations: 0 });
  });
});

describe('recordDeregistration, for other modules (a Mockingbird hub home carer who resigns)', () => {
  it('records the notice in the caller’s transaction and claims the version, so an open form is told', async () => {
    const actor = await createUser({ role: 'mockingbirdLiaison', councilId: 'derby-city' });
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2020-01-06' });
    const result = await prisma.$transaction((tx) =>
      recordDeregistration(tx, { userId: actor.id, role: actor.role }, { approvalId, noticeReceivedOn: '2026-11-16', primaryReason: 'HEALTH', details: null, today: TODAY }),
    );
    expect(result.effectiveOn).toBe('2026-12-14');
    const stale = await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-01', outcome: 'continue' }), options);
    expect(stale).toMatchObject({ ok: false, status: 409 });
    await expect(
      prisma.$transaction((tx) => recordDeregistration(tx, null, { approvalId, noticeReceivedOn: '2026-11-16', primaryReason: 'HEALTH', details: null, today: TODAY })),
    ).rejects.toThrow('Check the details you entered.');
  });
});

describe('the worker digest', () => {
  it('lists the reviews due soon and overdue for the households a worker supervises', async () => {
    const supervisor = await createUser({ role: 'socialWorker', councilId: 'derby-city' });
    // First reviews due 1 December 2026 (8 days ahead) and 1 November 2026 (overdue); 22 December is 29 days away.
    const soon = await createApprovedHousehold({ approvedOn: '2025-12-01', supervisingWorkerId: supervisor.id });
    const late = await createApprovedHousehold({ approvedOn: '2025-11-01', supervisingWorkerId: supervisor.id });
    await createApprovedHousehold({ approvedOn: '2025-12-22', supervisingWorkerId: supervisor.id });
    await runDailyJobs({ today: TODAY });
    const digest = await prisma.outboundEmail.findUniqueOrThrow({ where: { idempotencyKey: `worker-digest/${supervisor.id}/${TODAY}` } });
    const reference = async (approvalId: string) =>
      (await prisma.approval.findUniqueOrThrow({ where: { id: approvalId }, select: { household: { select: { reference: true } } } })).household.reference;
    expect(JSON.parse(digest.propsJson)).toEqual({
      overdue: [],
      dueSoon: [],
      stalled: [],
      reviewsOverdue: [{ reference: await reference(late.approvalId), dueOn: '2026-11-01' }],
      reviewsDueSoon: [{ reference: await reference(soon.approvalId), dueOn: '2026-12-01' }],
      casesUrl: 'http://localhost:3000/council',
    });
  });
});
