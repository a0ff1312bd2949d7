import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { prisma } from '~/lib/db.server';
import { STAFF_ROLES } from '~/modules/auth/roles';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { stageOf, stagesForRoute } from '~/modules/pipeline/stages';
import { seedDemoData } from '../../../prisma/seed/index';

const AS_OF = '2026-11-23';
const COUNCIL_IDS = ['derby-city', 'derbyshire', 'nottingham-city', 'nottinghamshire'];

async function householdDigest() {
  const rows = await prisma.household.findMany({
    select: { id: true, reference: true, stage: true, enquiryDate: true },
    orderBy: { id: 'asc' },
  });
  return { count: rows.length, digest: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
}

let firstRun: { count: number; digest: string };

beforeAll(async () => {
  const summary = await seedDemoData(prisma, { asOf: AS_OF, force: true });
  expect(summary.seeded).toBe(true);
  firstRun = await householdDigest();
}, 90_000);

describe('demo seed', () => {
  test('leaves a database that already has councils alone unless forced', async () => {
    const summary = await seedDemoData(prisma, { asOf: AS_OF });
    expect(summary.seeded).toBe(false);
    expect(await prisma.household.count()).toBe(firstRun.count);
  });

  test('seeds about three thousand enquiries in the three years to asOf, plus the existing carers', async () => {
    const inWindow = await prisma.household.count({ where: { enquiryDate: { gte: '2023-11-24', lte: AS_OF } } });
    expect(inWindow).toBeGreaterThan(2_700);
    expect(inWindow).toBeLessThan(3_300);
    expect(await prisma.household.count({ where: { enquiryDate: { gt: AS_OF } } })).toBe(0);
    const approvedBeforeWindow = await prisma.approval.count({ where: { approvedOn: { lt: '2023-11-24' } } });
    expect(approvedBeforeWindow).toBeGreaterThan(500);
  });

  test('every stage of each route has a few households', async () => {
    const groups = await prisma.household.groupBy({ by: ['route', 'stage'], _count: { _all: true } });
    const countOf = (route: string, stage: string) =>
      groups.find((group) => group.route === route && group.stage === stage)?._count._all ?? 0;
    for (const route of ['mainstream', 'kinship'] as const) {
      for (const stage of stagesForRoute(route)) {
        expect(countOf(route, stage), `${route} households at ${stage}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  test("every household's stage is the stage of its stored pipeline snapshot", async () => {
    const households = await prisma.household.findMany({
      select: { id: true, stage: true, pipelineSnapshot: true, machineVersion: true },
    });
    const mismatched = households.filter(
      (household) => stageOf(restoreSnapshot(household.pipelineSnapshot, household.machineVersion)) !== household.stage,
    );
    expect(mismatched.map((household) => household.id)).toEqual([]);
  });

  test('roughly a quarter of mature mainstream enquiries reach application, and about half of those approval', async () => {
    // Enquiries made between three years and eighteen months before asOf have had time to run their course.
    const cohort = { route: 'mainstream', enquiryDate: { gte: '2023-11-24', lt: '2025-05-23' } };
    const enquiries = await prisma.household.count({ where: cohort });
    const applications = await prisma.household.count({ where: { ...cohort, applicationDate: { not: null } } });
    const approvals = await prisma.household.count({ where: { ...cohort, approvalDate: { not: null } } });
    expect(applications / enquiries).toBeGreaterThan(0.2);
    expect(applications / enquiries).toBeLessThan(0.32);
    expect(approvals / applications).toBeGreaterThan(0.4);
    expect(approvals / applications).toBeLessThan(0.65);
  });

  test('each council has households and exactly one active constellation of at most ten satellites', async () => {
    for (const councilId of COUNCIL_IDS) {
      expect(await prisma.household.count({ where: { councilId } }), councilId).toBeGreaterThan(100);
      const constellations = await prisma.constellation.findMany({
        where: { councilId, status: 'active' },
        select: { memberships: { where: { role: 'satellite', leftOn: null }, select: { id: true } } },
      });
      expect(constellations, councilId).toHaveLength(1);
      expect(constellations[0].memberships.length, councilId).toBeGreaterThanOrEqual(6);
      expect(constellations[0].memberships.length, councilId).toBeLessThanOrEqual(10);
    }
  });

  test('there is a user for every staff role, and the demo applicant belongs to a household invited to apply', async () => {
    for (const role of STAFF_ROLES) {
      expect(await prisma.user.count({ where: { role, active: true } }), role).toBeGreaterThanOrEqual(1);
    }
    const applicant = await prisma.user.findUniqueOrThrow({
      where: { email: 'applicant@ffem.example' },
      select: { role: true, passwordHash: true, applicantPeople: { select: { role: true, household: { select: { stage: true } } } } },
    });
    expect(applicant.role).toBe('applicant');
    expect(applicant.passwordHash).toBeNull();
    expect(applicant.applicantPeople).toEqual([{ role: 'applicant', household: { stage: 'invited' } }]);
  });

  test('gives each applicant browser test its own Derby City household invited to apply, numbered after every other case', async () => {
    const emails = ['applicant.application@ffem.example', 'applicant.magic.link@ffem.example', 'applicant.withdraw@ffem.example'];
    const users = await prisma.user.findMany({
      where: { email: { in: emails } },
      select: {
        email: true,
        role: true,
        passwordHash: true,
        applicantPeople: { select: { role: true, email: true, household: { select: { id: true, stage: true, councilId: true, email: true } } } },
      },
      orderBy: { email: 'asc' },
    });
    expect(users.map((user) => user.email)).toEqual(emails);
    for (const user of users) {
      expect(user.role, user.email).toBe('applicant');
      expect(user.passwordHash, user.email).toBeNull();
      expect(user.applicantPeople, user.email).toHaveLength(1);
      const [person] = user.applicantPeople;
      expect({ role: person.role, email: person.email, stage: person.household.stage, councilId: person.household.councilId }, user.email).toEqual({
        role: 'applicant',
        email: user.email,
        stage: 'invited',
        councilId: 'derby-city',
      });
      expect(person.household.email, user.email).toBe(user.email);
    }
    const testHouseholdIds = users.map((user) => user.applicantPeople[0].household.id);
    expect(new Set(testHouseholdIds).size).toBe(3);
    // Existing carers are numbered from 900001; every other case comes before the test applicants, so adding them
    // renumbered nothing.
    const lastOtherCase = await prisma.household.findFirstOrThrow({
      where: { id: { notIn: testHouseholdIds, lt: 'seed-hh-900001' } },
      orderBy: { id: 'desc' },
      select: { id: true },
    });
    for (const id of testHouseholdIds) expect(id > lastOtherCase.id, id).toBe(true);
  });

  test('puts every case at panel or decision on its council’s panel, and the demo panel member on a Derby City panel', async () => {
    const atPanel = await prisma.household.count({
      where: { OR: [{ stage: { startsWith: 'panel.' } }, { stage: { startsWith: 'decision.' } }], panelDate: { not: null } },
    });
    expect(atPanel).toBeGreaterThan(0);
    expect(await prisma.panelItem.count()).toBe(atPanel);
    const items = await prisma.panelItem.findMany({
      select: { panel: { select: { councilId: true, panelOn: true } }, household: { select: { allocatedCouncilId: true, panelDate: true } } },
    });
    for (const item of items) {
      expect(item.panel).toEqual({ councilId: item.household.allocatedCouncilId, panelOn: item.household.panelDate });
    }

    const sitsOn = await prisma.panelMember.findMany({
      where: { user: { email: 'panel.member@ffem.example' } },
      select: { panel: { select: { councilId: true, _count: { select: { items: true } } } } },
    });
    expect(sitsOn).toHaveLength(1);
    expect(sitsOn[0].panel.councilId).toBe('derby-city');
    expect(sitsOn[0].panel._count.items).toBeGreaterThan(0);
  });

  test('stores the two FfEM targets with their labels exactly as the source words them', async () => {
    const enquiryTarget = await prisma.target.findFirst({
      where: { label: 'Conversion target for enquires to applications 25%' },
      select: { valuePercent: true, councilId: true, source: true },
    });
    expect(enquiryTarget).toEqual({ valuePercent: 25, councilId: null, source: 'seeds/000_76db6c204226d38a.txt:445' });
    const approvalTarget = await prisma.target.findFirst({
      where: { label: 'The foster for east midlands conversion target for applications to  approvals is 13%' },
      select: { valuePercent: true, note: true },
    });
    expect(approvalTarget).toEqual({ valuePercent: 13, note: 'meaning of target unconfirmed' });
  });

  test('gives Derby City approved households with reviews overdue or due within 28 days, and their held reviews', async () => {
    // 23 November 2026 + 28 days = 21 December 2026.
    const due = await prisma.approval.count({ where: { councilId: 'derby-city', status: 'active', nextReviewDueOn: { lte: '2026-12-21' } } });
    expect(due).toBeGreaterThanOrEqual(5);
    // Only the first review of an approval goes to panel, a year after approval.
    const firstReviews = await prisma.approvalReview.findMany({ where: { toPanel: true }, select: { dueOn: true, approval: { select: { firstReviewDueOn: true } } }, take: 200 });
    expect(firstReviews.length).toBeGreaterThan(0);
    for (const review of firstReviews) expect(review.dueOn).toBe(review.approval.firstReviewDueOn);
    expect(await prisma.approvalReview.count({ where: { heldOn: { gt: AS_OF } } })).toBe(0);
  });

  test('seeding again with the same asOf writes identical households', async () => {
    const summary = await seedDemoData(prisma, { asOf: AS_OF, force: true });
    expect(summary.seeded).toBe(true);
    expect(await householdDigest()).toEqual(firstRun);
  }, 90_000);
});
