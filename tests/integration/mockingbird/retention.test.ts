import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { recordDeregistration } from '~/modules/carers/resignations.server';
import { endMembershipsOfHousehold } from '~/modules/mockingbird/constellations.server';
import { resignations } from '~/modules/reporting/definitions.server';
import { mockingbirdRetention } from '~/modules/reporting/mockingbird-retention.server';
import { createApprovedHousehold, createConstellation } from './support';

// The retention comparison (DOMAIN.md §5, §6.5) uses resignations()'s definition split by membership, so the two
// groups add up to the resignations report. Period: 1 April to 30 November 2026 in Derby City.
//
// Stock at the start (approved before 1 April 2026, not ended before it):
//   members     = the hub home + 3 satellites                           = 4
//   non-members = 3 households outside, + 1 satellite and 1 hub home who joined a new constellation on 1 December,
//                 after the period                                      = 5
// (a Nottinghamshire household and one approved in the period are in neither.)

const FILTER = { from: '2026-04-01', to: '2026-11-30', councilId: 'derby-city' } as const;
const TODAY = '2026-11-23';

let constellation: Awaited<ReturnType<typeof createConstellation>>;
let nonMembers: { id: string; approvalId: string }[];

beforeAll(async () => {
  constellation = await createConstellation({ satellites: 3 });
  nonMembers = [await createApprovedHousehold(), await createApprovedHousehold(), await createApprovedHousehold()];
  const joinsLater = await createApprovedHousehold();
  const other = await createConstellation({ councilId: 'derby-city', launchedOn: '2026-12-01' });
  await prisma.constellationMembership.create({
    data: { constellationId: other.id, householdId: joinsLater.id, role: 'satellite', joinedOn: '2026-12-01' },
  });
  await createApprovedHousehold('nottinghamshire');
  await createApprovedHousehold('derby-city', '2026-06-01');
});

async function resign(householdId: string, noticeReceivedOn: string, primaryReason: 'HEALTH' | 'SGO_GRANTED') {
  const approval = await prisma.approval.findFirstOrThrow({ where: { householdId }, select: { id: true } });
  await prisma.$transaction(async (tx) => {
    const ending = await recordDeregistration(tx, null, { approvalId: approval.id, noticeReceivedOn, primaryReason, details: null, today: TODAY });
    await endMembershipsOfHousehold(tx, { householdId, leftOn: ending.effectiveOn, leftReason: 'Approval ended' });
  });
}

describe('mockingbirdRetention', () => {
  it('starts with no resignations in either group', async () => {
    expect(await mockingbirdRetention(FILTER)).toEqual({
      members: { households_at_start: 4, resignations: 0, resignation_rate_pct: 0 },
      nonMembers: { households_at_start: 5, resignations: 0, resignation_rate_pct: 0 },
    });
  });

  it('counts a member household that resigns against members, and still agrees with the resignations report', async () => {
    await resign(constellation.satelliteIds[0], '2026-09-01', 'HEALTH'); // effective 29 September 2026

    const retention = await mockingbirdRetention(FILTER);
    expect(retention.members).toEqual({ households_at_start: 4, resignations: 1, resignation_rate_pct: 25 });
    expect(retention.nonMembers).toEqual({ households_at_start: 5, resignations: 0, resignation_rate_pct: 0 });

    const report = await resignations({ ...FILTER, route: null, asAt: TODAY });
    expect(retention.members.households_at_start + retention.nonMembers.households_at_start).toBe(report.households_at_start);
    expect(retention.members.resignations + retention.nonMembers.resignations).toBe(report.resignations);
  });

  it('leaves a good outcome (an SGO) out of the resignations, and counts a non-member’s resignation against non-members', async () => {
    await resign(constellation.satelliteIds[1], '2026-09-01', 'SGO_GRANTED');
    await resign(nonMembers[0].id, '2026-10-01', 'HEALTH'); // effective 29 October 2026
    await resign(nonMembers[1].id, '2026-11-20', 'HEALTH'); // effective 18 December 2026: after the period

    const retention = await mockingbirdRetention(FILTER);
    expect(retention.members).toEqual({ households_at_start: 4, resignations: 1, resignation_rate_pct: 25 });
    // 1 of 5 = 20.0%
    expect(retention.nonMembers).toEqual({ households_at_start: 5, resignations: 1, resignation_rate_pct: 20 });
  });

  it('answers for one council only, and for all councils together', async () => {
    const nottinghamshire = await mockingbirdRetention({ ...FILTER, councilId: 'nottinghamshire' });
    expect(nottinghamshire).toEqual({
      members: { households_at_start: 0, resignations: 0, resignation_rate_pct: null },
      nonMembers: { households_at_start: 1, resignations: 0, resignation_rate_pct: 0 },
    });
    const everywhere = await mockingbirdRetention({ ...FILTER, councilId: null });
    expect(everywhere.nonMembers.households_at_start).toBe(6);
  });
});
