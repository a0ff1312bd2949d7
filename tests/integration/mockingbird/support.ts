import { prisma } from '~/lib/db.server';
import { createHousehold } from '../../support/factories';

// Approved households and constellations for the Mockingbird tests, built row by row.

export async function createApprovedHousehold(councilId = 'derby-city', approvedOn = '2023-05-10', displayName = 'Approved household') {
  const household = await createHousehold({ councilId, allocatedCouncilId: councilId, stage: 'approved', displayName });
  const approval = await prisma.approval.create({
    data: { householdId: household.id, councilId, approvalType: 'mainstream', approvedOn },
    select: { id: true },
  });
  return { id: household.id, approvalId: approval.id };
}

export async function createConstellation(
  { councilId = 'derby-city', launchedOn = '2024-01-08', satellites = 0, liaisonWorkerId = null as string | null } = {},
) {
  const constellation = await prisma.constellation.create({
    data: { councilId, name: `Test constellation ${councilId}`, launchedOn, liaisonWorkerId },
    select: { id: true },
  });
  const hub = await createApprovedHousehold(councilId, '2020-02-03', 'Hub home household');
  await prisma.constellationMembership.create({
    data: { constellationId: constellation.id, householdId: hub.id, role: 'hubHome', joinedOn: launchedOn },
  });
  const satelliteIds: string[] = [];
  for (let index = 0; index < satellites; index += 1) {
    const satellite = await createApprovedHousehold(councilId, '2023-05-10', `Satellite ${index + 1}`);
    await prisma.constellationMembership.create({
      data: { constellationId: constellation.id, householdId: satellite.id, role: 'satellite', joinedOn: '2024-03-01' },
    });
    satelliteIds.push(satellite.id);
  }
  return { id: constellation.id, hub, satelliteIds };
}

export function currentSatellites(constellationId: string) {
  return prisma.constellationMembership.count({ where: { constellationId, role: 'satellite', leftOn: null } });
}
