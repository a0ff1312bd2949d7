import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { householdScope } from '~/modules/auth/access.server';
import { isCouncilRole, ROLES, type Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { createHousehold, createUser } from '../../support/factories';

// Households in two councils, one of each kind a scope must tell apart:
//   derbyAllocated        allocated to Derby City
//   nottsAllocated        allocated to Nottinghamshire
//   unallocated           a hub case before handover (residence Derby City, no allocation)
//   derbyConstellation    allocated to Nottinghamshire but a member of Derby City's Mockingbird constellation
//   applicantsOwn         the signed-in applicant's household (allocated to Nottinghamshire)
// derbyAllocated is also on a Derby City panel the panel member sits on; nottsAllocated on a Nottinghamshire panel
// they do not.
const ids: Record<string, string> = {};
const viewers = new Map<Role, Viewer>();

beforeAll(async () => {
  ids.derbyAllocated = (await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city' })).id;
  ids.nottsAllocated = (await createHousehold({ councilId: 'nottinghamshire', allocatedCouncilId: 'nottinghamshire' })).id;
  ids.unallocated = (await createHousehold({ councilId: 'derby-city', allocatedCouncilId: null })).id;
  ids.derbyConstellation = (await createHousehold({ councilId: 'nottinghamshire', allocatedCouncilId: 'nottinghamshire' })).id;
  ids.applicantsOwn = (await createHousehold({ councilId: 'nottinghamshire', allocatedCouncilId: 'nottinghamshire' })).id;

  const constellation = await prisma.constellation.create({ data: { councilId: 'derby-city', name: 'Derby hub home', launchedOn: '2025-01-01' } });
  await prisma.constellationMembership.create({
    data: { constellationId: constellation.id, householdId: ids.derbyConstellation, role: 'satellite', joinedOn: '2025-02-01' },
  });

  for (const role of ROLES) {
    const user = await createUser({ role, councilId: isCouncilRole(role) ? 'derby-city' : null });
    const base = { userId: user.id, name: user.name, email: user.email, sessionId: 'unused' };
    viewers.set(role, isCouncilRole(role) ? { ...base, role, councilId: 'derby-city' } : { ...base, role, councilId: null });
    if (role === 'applicant') {
      await prisma.person.create({
        data: { householdId: ids.applicantsOwn, role: 'applicant', firstName: 'Ama', lastName: 'Owusu', userId: user.id },
      });
    }
    if (role === 'panelMember') {
      await prisma.panel.create({
        data: {
          councilId: 'derby-city',
          panelOn: '2026-12-02',
          members: { create: { userId: user.id } },
          items: { create: { householdId: ids.derbyAllocated } },
        },
      });
    }
  }
  await prisma.panel.create({
    data: { councilId: 'nottinghamshire', panelOn: '2026-12-02', items: { create: { householdId: ids.nottsAllocated } } },
  });
});

// Expected households per role (viewer in Derby City where the role has a council), by hand from DOMAIN.md §1.4.
const EXPECTED: Record<Role, string[]> = {
  hubOfficer: ['derbyAllocated', 'nottsAllocated', 'unallocated', 'derbyConstellation', 'applicantsOwn'],
  hubManager: ['derbyAllocated', 'nottsAllocated', 'unallocated', 'derbyConstellation', 'applicantsOwn'],
  socialWorker: ['derbyAllocated'],
  fosteringManager: ['derbyAllocated'],
  decisionMaker: ['derbyAllocated'],
  panelAdviser: ['derbyAllocated'],
  mockingbirdLiaison: ['derbyConstellation'],
  panelMember: ['derbyAllocated'],
  regionalViewer: [],
  administrator: [],
  applicant: ['applicantsOwn'],
};

describe('householdScope', () => {
  for (const role of ROLES) {
    it(`${role} sees ${EXPECTED[role].join(', ') || 'nothing'}`, async () => {
      const viewer = viewers.get(role);
      if (!viewer) throw new Error(`No viewer for ${role}`);
      const found = await prisma.household.findMany({ where: householdScope(viewer), select: { id: true } });
      const names = Object.entries(ids).filter(([, id]) => found.some((row) => row.id === id)).map(([name]) => name);
      expect(names.sort()).toEqual([...EXPECTED[role]].sort());
      expect(found).toHaveLength(EXPECTED[role].length);
    });
  }
});
