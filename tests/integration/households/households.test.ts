import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { isCouncilRole, type Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import {
  getApplicantHome,
  getCouncilOverview,
  getHubOverview,
  listHouseholdsForViewer,
} from '~/modules/households/households.server';
import { createHousehold, createUser } from '../../support/factories';

async function createViewer(role: Role, councilId: string | null = null): Promise<Viewer> {
  const user = await createUser({ role, councilId });
  const base = { userId: user.id, name: user.name, email: user.email, sessionId: 'test-session' };
  if (isCouncilRole(role)) {
    if (!councilId) throw new Error('A council role needs a council');
    return { ...base, role, councilId };
  }
  return { ...base, role, councilId: null };
}

async function closeOn(householdId: string, closedDate: string) {
  await prisma.household.update({ where: { id: householdId }, data: { closedDate } });
}

beforeEach(async () => {
  await prisma.household.deleteMany();
});

describe('getHubOverview', () => {
  it('counts open households by stage and council, in SQL, from the rows that exist', async () => {
    await createHousehold({ councilId: 'derby-city', stage: 'enquiry.received' });
    await createHousehold({ councilId: 'derby-city', stage: 'enquiry.received' });
    await createHousehold({ councilId: 'nottingham-city', stage: 'enquiry.received' });
    await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await createHousehold({ councilId: null, stage: 'invited' });
    // Not open: neither appears in the table.
    await createHousehold({ councilId: 'derbyshire', allocatedCouncilId: 'derbyshire', stage: 'approved' });
    await createHousehold({ councilId: 'derbyshire', stage: 'closed' });

    const overview = await getHubOverview(await createViewer('hubOfficer'), '2026-04-07');

    expect(overview.openHouseholds.columns.map((column) => column.name)).toEqual([
      'Derby City Council',
      'Derbyshire County Council',
      'Nottingham City Council',
      'Nottinghamshire County Council',
      'Council not yet known',
    ]);
    expect(overview.openHouseholds.rows).toEqual([
      { stage: 'enquiry.received', label: 'Enquiry received', counts: [2, 0, 1, 0, 0], total: 3 },
      { stage: 'invited', label: 'Invited to apply', counts: [0, 0, 0, 0, 1], total: 1 },
      { stage: 'assessment.stage1', label: 'Stage 1: checks and references', counts: [1, 0, 0, 0, 0], total: 1 },
    ]);
    expect(overview.openHouseholds.columnTotals).toEqual([3, 0, 1, 0, 1]);
    expect(overview.openHouseholds.total).toBe(5);
    expect(overview.awaitingFirstContact).toEqual({ count: 3, stage: 'enquiry.received' });
    // Recent enquiries are the hub's own: the household already with Derby City's assessment team is not one.
    expect(overview.recentEnquiries).toHaveLength(4);
  });

  it('counts households closed in the last 30 days, today included', async () => {
    const today = '2026-04-07';
    const closedToday = await createHousehold({ stage: 'closed' });
    const closed30DaysAgoCountingToday = await createHousehold({ stage: 'closed' });
    const closed31DaysAgoCountingToday = await createHousehold({ stage: 'closed' });
    await closeOn(closedToday.id, today);
    await closeOn(closed30DaysAgoCountingToday.id, '2026-03-09');
    await closeOn(closed31DaysAgoCountingToday.id, '2026-03-08');

    const overview = await getHubOverview(await createViewer('hubManager'), today);

    expect(overview.closedInLast30Days).toBe(2);
    expect(overview.openHouseholds.rows).toEqual([]);
  });

  it('shows the most recent open enquiries first', async () => {
    await createHousehold({ enquiryDate: '2026-02-01', displayName: 'Older household' });
    await createHousehold({ enquiryDate: '2026-03-01', displayName: 'Newer household' });
    await createHousehold({ enquiryDate: '2026-03-15', displayName: 'Closed household', stage: 'closed' });

    const overview = await getHubOverview(await createViewer('hubOfficer'), '2026-04-07');

    expect(overview.recentEnquiries.map((household) => household.displayName)).toEqual(['Newer household', 'Older household']);
    expect(overview.recentEnquiries[0]).toMatchObject({ enquiryDate: '2026-03-01', councilName: 'Derby City Council', stageLabel: 'Enquiry received' });
  });
});

describe('listHouseholdsForViewer', () => {
  it('shows a council viewer only the households allocated to their council', async () => {
    const derbyAllocated = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    const derbyApproved = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'approved' });
    await createHousehold({ councilId: 'derby-city', stage: 'enquiry.received' }); // heading to Derby, not allocated yet
    await createHousehold({ councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', stage: 'assessment.stage2' });

    const page = await listHouseholdsForViewer(await createViewer('socialWorker', 'derby-city'), { take: 25 });

    expect(page.households.map((household) => household.id).sort()).toEqual([derbyAllocated.id, derbyApproved.id].sort());
    expect(page.nextCursor).toBeNull();
    expect(page.previousCursor).toBeNull();
  });

  it('returns only the list columns', async () => {
    await createHousehold({ email: 'sam@example.com' });
    const page = await listHouseholdsForViewer(await createViewer('hubOfficer'), { take: 25 });
    expect(Object.keys(page.households[0]).sort()).toEqual(
      ['councilId', 'councilName', 'displayName', 'enquiryDate', 'id', 'reference', 'stage', 'stageLabel', 'updatedAt'].sort(),
    );
  });

  it('pages forwards and back by cursor, most recently updated first', async () => {
    const names = ['A', 'B', 'C', 'D', 'E'];
    for (const [index, name] of names.entries()) {
      const household = await createHousehold({ displayName: name });
      await prisma.household.update({
        where: { id: household.id },
        data: { updatedAt: new Date(Date.UTC(2026, 0, 10 + index, 12)) },
      });
    }
    const viewer = await createViewer('hubOfficer');
    const namesOf = (page: { households: { displayName: string }[] }) => page.households.map((household) => household.displayName);

    const first = await listHouseholdsForViewer(viewer, { take: 2 });
    expect(namesOf(first)).toEqual(['E', 'D']);
    expect(first.previousCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();

    const second = await listHouseholdsForViewer(viewer, { take: 2, cursor: { direction: 'after', id: first.nextCursor ?? '' } });
    expect(namesOf(second)).toEqual(['C', 'B']);

    const third = await listHouseholdsForViewer(viewer, { take: 2, cursor: { direction: 'after', id: second.nextCursor ?? '' } });
    expect(namesOf(third)).toEqual(['A']);
    expect(third.nextCursor).toBeNull();

    const backToSecond = await listHouseholdsForViewer(viewer, { take: 2, cursor: { direction: 'before', id: third.previousCursor ?? '' } });
    expect(namesOf(backToSecond)).toEqual(['C', 'B']);

    const backToFirst = await listHouseholdsForViewer(viewer, { take: 2, cursor: { direction: 'before', id: backToSecond.previousCursor ?? '' } });
    expect(namesOf(backToFirst)).toEqual(['E', 'D']);
    expect(backToFirst.previousCursor).toBeNull();
    expect(backToFirst.nextCursor).not.toBeNull();
  });

  it('ignores a cursor the viewer may not see', async () => {
    const nottingham = await createHousehold({ councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', stage: 'assessment.stage1' });
    const derby = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    const page = await listHouseholdsForViewer(await createViewer('fosteringManager', 'derby-city'), {
      take: 25,
      cursor: { direction: 'after', id: nottingham.id },
    });
    expect(page.households.map((household) => household.id)).toEqual([derby.id]);
  });

  it('finds households by reference, name, postcode or email address', async () => {
    const okafor = await createHousehold({ displayName: 'Okafor household', email: 'ada.okafor@example.com' });
    const smith = await createHousehold({ displayName: 'Smith household' });
    await prisma.household.update({ where: { id: smith.id }, data: { postcode: 'DE22 1AB' } });
    const viewer = await createViewer('hubOfficer');
    const search = async (q: string) =>
      (await listHouseholdsForViewer(viewer, { q, take: 25 })).households.map((household) => household.displayName);

    expect(await search(okafor.reference)).toEqual(['Okafor household']);
    expect(await search('okafor')).toEqual(['Okafor household']);
    expect(await search('de221ab')).toEqual(['Smith household']);
    expect(await search('DE22')).toEqual(['Smith household']);
    expect(await search('Ada.Okafor@example.com')).toEqual(['Okafor household']);
    expect(await search('nobody')).toEqual([]);
  });

  it('filters by stage', async () => {
    await createHousehold({ displayName: 'New', stage: 'enquiry.received' });
    await createHousehold({ displayName: 'Contacted', stage: 'enquiry.contacted' });
    const page = await listHouseholdsForViewer(await createViewer('hubOfficer'), { stage: 'enquiry.received', take: 25 });
    expect(page.households.map((household) => household.displayName)).toEqual(['New']);
  });
});

describe('getCouncilOverview', () => {
  it('counts the council’s allocated households by stage, and its approved households', async () => {
    await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'approved' });
    await createHousehold({ councilId: 'derby-city', stage: 'enquiry.received' });
    await createHousehold({ councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', stage: 'approved' });

    const overview = await getCouncilOverview(await createViewer('fosteringManager', 'derby-city'));

    expect(overview.council).toEqual({ id: 'derby-city', name: 'Derby City Council' });
    expect(overview.stages).toEqual([
      { stage: 'assessment.stage1', label: 'Stage 1: checks and references', count: 2 },
      { stage: 'approved', label: 'Approved', count: 1 },
    ]);
    expect(overview.total).toBe(3);
    expect(overview.approvedHouseholds).toBe(1);
  });
});

describe('getApplicantHome', () => {
  it('shows the applicant their own household in plain English', async () => {
    const viewer = await createViewer('applicant');
    await createHousehold({ displayName: 'Someone else' });
    const own = await createHousehold({ councilId: 'derbyshire', allocatedCouncilId: 'derbyshire', stage: 'panel.booked', enquiryDate: '2025-11-03' });
    await prisma.person.create({ data: { householdId: own.id, role: 'applicant', firstName: 'Jo', lastName: 'Bloggs', userId: viewer.userId } });

    expect(await getApplicantHome(viewer)).toEqual({
      reference: own.reference,
      stageLabel: 'Panel date booked',
      nextStep: 'Your assessment will go to the fostering panel, and your social worker will tell you the date.',
      enquiryDate: '2025-11-03',
      councilName: 'Derbyshire County Council',
    });
  });

  it('is null for an applicant with no household yet', async () => {
    await createHousehold();
    expect(await getApplicantHome(await createViewer('applicant'))).toBeNull();
  });
});
