import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import type { Viewer } from '~/modules/auth/viewer';
import {
  addSatellite,
  appointHubHome,
  closeConstellation,
  endMembership,
  endMembershipsOfHousehold,
  getConstellationPage,
  getMockingbirdOverview,
  logActivity,
  recordHubCarerResignation,
  setLiaisonWorker,
} from '~/modules/mockingbird/constellations.server';
import { createViewer } from '../../support/factories';
import { createApprovedHousehold, createConstellation, currentSatellites } from './support';

// DOMAIN.md §5: one hub home and at most ten satellites, a liaison worker from the same council, dates on every
// join and leave, and nothing lost when the hub carer resigns or the constellation closes.

const NOW = new Date('2026-11-23T12:00:00Z'); // a Monday; London date 2026-11-23

let liaison: Viewer;
let manager: Viewer;
let socialWorker: Viewer;

beforeAll(async () => {
  liaison = await createViewer('mockingbirdLiaison', 'derby-city', 'Derby liaison');
  manager = await createViewer('fosteringManager', 'derby-city');
  socialWorker = await createViewer('socialWorker', 'derby-city');
});

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationFailed);
  return (error as ValidationFailed).fieldErrors;
}

const join = (householdId: string, joinedOn = '2026-11-02') => ({ householdId, householdType: 'foster' as const, joinedOn });

describe('the satellite limit', () => {
  it('takes a tenth satellite and refuses an eleventh with a field error, saving nothing', async () => {
    const constellation = await createConstellation({ satellites: 9 });
    const tenth = await createApprovedHousehold();
    const eleventh = await createApprovedHousehold();

    await addSatellite(liaison, constellation.id, join(tenth.id), { now: NOW });
    expect(await currentSatellites(constellation.id)).toBe(10);

    const errors = await fieldErrorsOf(addSatellite(liaison, constellation.id, join(eleventh.id), { now: NOW }));
    expect(errors.householdId).toMatch(/already has 10 satellite households/);
    expect(await currentSatellites(constellation.id)).toBe(10);
    expect(await prisma.constellationMembership.count({ where: { householdId: eleventh.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: 'mockingbird.memberJoined', entityId: { not: null }, afterJson: { contains: eleventh.id } } })).toBe(0);
  });

  it('lets exactly one of two concurrent joins for the last place through', async () => {
    const constellation = await createConstellation({ satellites: 9 });
    const first = await createApprovedHousehold();
    const second = await createApprovedHousehold();

    const results = await Promise.allSettled([
      addSatellite(liaison, constellation.id, join(first.id), { now: NOW }),
      addSatellite(manager, constellation.id, join(second.id), { now: NOW }),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ValidationFailed);
    expect(await currentSatellites(constellation.id)).toBe(10);
  });

  it('counts only current satellites: a place freed by a leaver can be filled', async () => {
    const constellation = await createConstellation({ satellites: 10 });
    const leaving = await prisma.constellationMembership.findFirstOrThrow({
      where: { constellationId: constellation.id, householdId: constellation.satelliteIds[0] },
      select: { id: true },
    });
    await endMembership(liaison, constellation.id, { membershipId: leaving.id, leftOn: '2026-11-01', leftReason: 'Moved away' }, { now: NOW });
    const newcomer = await createApprovedHousehold();
    await addSatellite(liaison, constellation.id, join(newcomer.id), { now: NOW });
    expect(await currentSatellites(constellation.id)).toBe(10);
    expect(await prisma.constellationMembership.count({ where: { constellationId: constellation.id, role: 'satellite' } })).toBe(11);
  });
});

describe('bad input saves nothing', () => {
  it('refuses a leave date before the join date', async () => {
    const constellation = await createConstellation({ satellites: 1 });
    const membership = await prisma.constellationMembership.findFirstOrThrow({
      where: { constellationId: constellation.id, role: 'satellite' },
      select: { id: true },
    });
    const errors = await fieldErrorsOf(
      endMembership(liaison, constellation.id, { membershipId: membership.id, leftOn: '2024-02-29', leftReason: 'Moved away' }, { now: NOW }),
    );
    expect(errors.leftOn).toBe('The date the household left must be on or after the date it joined');
    expect(await prisma.constellationMembership.findUniqueOrThrow({ where: { id: membership.id }, select: { leftOn: true } })).toEqual({ leftOn: null });
  });

  it('refuses a liaison worker from another council, and takes one from the same council', async () => {
    const constellation = await createConstellation();
    const elsewhere = await createViewer('mockingbirdLiaison', 'nottinghamshire');
    const errors = await fieldErrorsOf(setLiaisonWorker(manager, constellation.id, elsewhere.userId, { now: NOW }));
    expect(errors.liaisonWorkerId).toBe('Select a Mockingbird liaison worker from this council');
    expect(await prisma.constellation.findUniqueOrThrow({ where: { id: constellation.id }, select: { liaisonWorkerId: true } })).toEqual({ liaisonWorkerId: null });

    await setLiaisonWorker(manager, constellation.id, liaison.userId, { now: NOW });
    expect(await prisma.constellation.findUniqueOrThrow({ where: { id: constellation.id }, select: { liaisonWorkerId: true } })).toEqual({
      liaisonWorkerId: liaison.userId,
    });
  });

  it('refuses a household of another council, one already in a constellation, and a future join date', async () => {
    const constellation = await createConstellation({ satellites: 1 });
    const nottingham = await createApprovedHousehold('nottinghamshire');
    expect((await fieldErrorsOf(addSatellite(liaison, constellation.id, join(nottingham.id), { now: NOW }))).householdId).toBe(
      'Select an approved household in this council',
    );
    expect((await fieldErrorsOf(addSatellite(liaison, constellation.id, join(constellation.satelliteIds[0]), { now: NOW }))).householdId).toBe(
      'This household is already in a constellation',
    );
    const fresh = await createApprovedHousehold();
    expect((await fieldErrorsOf(addSatellite(liaison, constellation.id, join(fresh.id, '2026-11-24'), { now: NOW }))).joinedOn).toBe(
      'The date must be today or in the past',
    );
    expect(await currentSatellites(constellation.id)).toBe(1);
  });

  it('refuses an activity with a household that was not a member on the day', async () => {
    const constellation = await createConstellation({ satellites: 1 });
    const outsider = await createApprovedHousehold();
    const errors = await fieldErrorsOf(
      logActivity(
        liaison,
        constellation.id,
        { type: 'plannedSleepover', occurredOn: '2026-11-20', nights: 2, householdIds: [constellation.hub.id, outsider.id] },
        { now: NOW },
      ),
    );
    expect(errors.householdIds).toBe('Select only households that were in the constellation on that date');
    expect(await prisma.mockingbirdActivity.count({ where: { constellationId: constellation.id } })).toBe(0);
  });
});

describe('activities', () => {
  it('logs a sleepover with its nights and households, and counts it in the last quarter', async () => {
    const constellation = await createConstellation({ satellites: 2 });
    await logActivity(
      liaison,
      constellation.id,
      { type: 'emergencySleepover', occurredOn: '2026-11-20', nights: 3, householdIds: [constellation.hub.id, constellation.satelliteIds[1]] },
      { now: NOW },
    );
    // Outside the last quarter (24 August to 23 November 2026): not counted there, still listed.
    await logActivity(liaison, constellation.id, { type: 'meeting', occurredOn: '2026-08-23', nights: null, householdIds: [constellation.hub.id] }, { now: NOW });

    const page = await getConstellationPage(liaison, constellation.id, { now: NOW });
    expect(page.quarter).toMatchObject({ from: '2026-08-24', to: '2026-11-23', activities: 1, sleepovers: 1, nights: 3 });
    expect(page.activities[0]).toMatchObject({ typeLabel: 'Emergency sleepover', occurredOn: '2026-11-20', nights: 3, households: ['Hub home household', 'Satellite 2'] });
    expect(page.activities).toHaveLength(2);
  });
});

describe('history is kept', () => {
  it('keeps the satellites when the hub home carer resigns, and a satellite can become the new hub home', async () => {
    const constellation = await createConstellation({ satellites: 3 });
    const ending = await recordHubCarerResignation(
      liaison,
      constellation.id,
      { noticeReceivedOn: '2026-11-16', primaryReason: 'RETIREMENT_AGE', details: undefined },
      { now: NOW },
    );
    // Reg 28(13): approval ends 28 days after the notice is received.
    expect(ending.effectiveOn).toBe('2026-12-14');
    const deregistration = await prisma.deregistration.findFirstOrThrow({
      where: { approval: { householdId: constellation.hub.id } },
      select: { reasonGroup: true, effectiveOn: true },
    });
    expect(deregistration).toEqual({ reasonGroup: 'resigned', effectiveOn: '2026-12-14' });
    const hubMembership = await prisma.constellationMembership.findFirstOrThrow({
      where: { constellationId: constellation.id, role: 'hubHome' },
      select: { leftOn: true, leftReason: true },
    });
    expect(hubMembership).toEqual({ leftOn: '2026-11-16', leftReason: 'Hub home carer resigned: retired because of age' });
    expect(await currentSatellites(constellation.id)).toBe(3);

    const page = await getConstellationPage(liaison, constellation.id, { now: NOW });
    expect(page.hasHubHome).toBe(false);
    expect(page.past.map((member) => member.displayName)).toEqual(['Hub home household']);

    await appointHubHome(liaison, constellation.id, { householdId: constellation.satelliteIds[0], joinedOn: '2026-11-20' }, { now: NOW });
    const memberships = await prisma.constellationMembership.findMany({
      where: { householdId: constellation.satelliteIds[0] },
      select: { role: true, leftOn: true, leftReason: true },
      orderBy: { role: 'asc' },
    });
    expect(memberships).toEqual([
      { role: 'hubHome', leftOn: null, leftReason: null },
      { role: 'satellite', leftOn: '2026-11-20', leftReason: 'Became the hub home' },
    ]);
    expect(await currentSatellites(constellation.id)).toBe(2);
  });

  it('refuses a second hub home', async () => {
    const constellation = await createConstellation();
    const other = await createApprovedHousehold();
    const errors = await fieldErrorsOf(appointHubHome(liaison, constellation.id, { householdId: other.id, joinedOn: '2026-11-20' }, { now: NOW }));
    expect(errors.householdId).toMatch(/already has a hub home/);
  });

  it('closing ends every membership with the reason and deletes nothing; a closed constellation takes no one', async () => {
    const constellation = await createConstellation({ satellites: 4 });
    await logActivity(liaison, constellation.id, { type: 'social', occurredOn: '2026-10-01', nights: null, householdIds: [constellation.hub.id] }, { now: NOW });
    await closeConstellation(manager, constellation.id, { closedOn: '2026-11-20', closedReason: 'Funding ended' }, { now: NOW });

    const memberships = await prisma.constellationMembership.findMany({ where: { constellationId: constellation.id }, select: { leftOn: true, leftReason: true } });
    expect(memberships).toHaveLength(5);
    expect(memberships.every((member) => member.leftOn === '2026-11-20' && member.leftReason === 'Constellation closed: Funding ended')).toBe(true);
    expect(await prisma.mockingbirdActivity.count({ where: { constellationId: constellation.id } })).toBe(1);
    expect(await prisma.constellation.findUniqueOrThrow({ where: { id: constellation.id }, select: { status: true, closedOn: true } })).toEqual({
      status: 'closed',
      closedOn: '2026-11-20',
    });

    const newcomer = await createApprovedHousehold();
    expect((await fieldErrorsOf(addSatellite(liaison, constellation.id, join(newcomer.id), { now: NOW }))).form).toBe('This constellation has closed');
  });

  it('ends only the leaving household’s memberships when the carers module ends its approval', async () => {
    const constellation = await createConstellation({ satellites: 2 });
    const ended = await prisma.$transaction((tx) =>
      endMembershipsOfHousehold(tx, { householdId: constellation.satelliteIds[0], leftOn: '2026-11-10', leftReason: 'Approval ended' }),
    );
    expect(ended).toBe(1);
    expect(await currentSatellites(constellation.id)).toBe(1);
    expect(await prisma.constellationMembership.count({ where: { constellationId: constellation.id, role: 'hubHome', leftOn: null } })).toBe(1);
  });
});

describe('access by role and council', () => {
  it('lets council staff read and only the liaison worker and manager change; refuses a liaison worker of another council', async () => {
    const constellation = await createConstellation({ satellites: 1 });
    expect((await getConstellationPage(socialWorker, constellation.id, { now: NOW })).mayManage).toBe(false);
    expect((await getConstellationPage(liaison, constellation.id, { now: NOW })).mayManage).toBe(true);

    const newcomer = await createApprovedHousehold();
    await expect(addSatellite(socialWorker, constellation.id, join(newcomer.id), { now: NOW })).rejects.toBeInstanceOf(Forbidden);

    const otherLiaison = await createViewer('mockingbirdLiaison', 'nottinghamshire');
    await expect(getConstellationPage(otherLiaison, constellation.id, { now: NOW })).rejects.toBeInstanceOf(NotFound);
    await expect(addSatellite(otherLiaison, constellation.id, join(newcomer.id), { now: NOW })).rejects.toBeInstanceOf(NotFound);

    for (const role of ['panelMember'] as const) {
      await expect(getConstellationPage(await createViewer(role, 'derby-city'), constellation.id, { now: NOW })).rejects.toBeInstanceOf(Forbidden);
    }
    for (const role of ['hubManager', 'regionalViewer', 'administrator'] as const) {
      await expect(getMockingbirdOverview(await createViewer(role), { now: NOW })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await currentSatellites(constellation.id)).toBe(1);
  });

  it('shows each council its own constellations only, with vacancies', async () => {
    const ours = await createConstellation({ satellites: 7 });
    await createConstellation({ councilId: 'nottinghamshire', satellites: 2 });
    const overview = await getMockingbirdOverview(liaison, { now: NOW });
    const row = overview.constellations.find((constellation) => constellation.id === ours.id);
    expect(row).toMatchObject({ satellites: 7, vacancies: 3, hubHomeName: 'Hub home household', advice: null });
    expect(overview.constellations.every((constellation) => constellation.name.endsWith('derby-city'))).toBe(true);
  });
});
