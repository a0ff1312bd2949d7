import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { requireStaff, requireViewer, type Area } from '~/modules/auth/access.server';
import { isCouncilRole, ROLES, type Role } from '~/modules/auth/roles';
import { createUser } from '../../support/factories';
import { requestWithCookie, sessionCookieFor, thrownResponse } from './support';

// Which role may use which area, written out by hand from DOMAIN.md §1.3 (200 = allowed, 403 = wrong area).
// The administrator configures the system and is not given reports; only applicants use /apply.
const AREA_TABLE: Record<Role, Record<Area, 200 | 403>> = {
  //                   hub  council reports admin apply
  hubOfficer:         { hub: 200, council: 403, reports: 403, admin: 403, apply: 403 },
  hubManager:         { hub: 200, council: 403, reports: 200, admin: 403, apply: 403 },
  socialWorker:       { hub: 403, council: 200, reports: 403, admin: 403, apply: 403 },
  fosteringManager:   { hub: 403, council: 200, reports: 200, admin: 403, apply: 403 },
  decisionMaker:      { hub: 403, council: 200, reports: 403, admin: 403, apply: 403 },
  panelAdviser:       { hub: 403, council: 200, reports: 403, admin: 403, apply: 403 },
  mockingbirdLiaison: { hub: 403, council: 200, reports: 403, admin: 403, apply: 403 },
  panelMember:        { hub: 403, council: 200, reports: 403, admin: 403, apply: 403 },
  regionalViewer:     { hub: 403, council: 403, reports: 200, admin: 403, apply: 403 },
  administrator:      { hub: 403, council: 403, reports: 403, admin: 200, apply: 403 },
  applicant:          { hub: 403, council: 403, reports: 403, admin: 403, apply: 200 },
};
const AREAS: Area[] = ['hub', 'council', 'reports', 'admin', 'apply'];

const cookies = new Map<Role, string>();

beforeAll(async () => {
  for (const role of ROLES) {
    const user = await createUser({ role, councilId: isCouncilRole(role) ? 'derby-city' : null });
    cookies.set(role, await sessionCookieFor(user.id));
  }
});

async function statusFor(role: Role, area: Area) {
  const request = requestWithCookie(`/${area}/somewhere`, cookies.get(role) ?? null);
  try {
    await requireViewer(request, { area });
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe('requireViewer area rules', () => {
  for (const role of ROLES) {
    it(`${role}: ${AREAS.map((area) => `${area} ${AREA_TABLE[role][area]}`).join(', ')}`, async () => {
      const actual = Object.fromEntries(await Promise.all(AREAS.map(async (area) => [area, await statusFor(role, area)])));
      expect(actual).toEqual(AREA_TABLE[role]);
    });
  }

  it('sends a signed-out visitor to staff sign-in, keeping where they were going', async () => {
    for (const area of ['hub', 'council', 'reports', 'admin'] as const) {
      const response = await thrownResponse(() => requireViewer(requestWithCookie(`/${area}/x?page=2`, null), { area }));
      expect(response.status).toBe(302);
      expect(response.headers.get('Location')).toBe(`/login?redirectTo=%2F${area}%2Fx%3Fpage%3D2`);
    }
  });

  it('sends a signed-out applicant to the magic-link sign-in', async () => {
    const response = await thrownResponse(() => requireViewer(requestWithCookie('/apply/household', null), { area: 'apply' }));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/apply/sign-in?redirectTo=%2Fapply%2Fhousehold');
  });

  it('returns the viewer with the user’s current role, so a role change applies on the next request', async () => {
    const user = await createUser({ role: 'hubOfficer' });
    const cookie = await sessionCookieFor(user.id);
    expect((await requireViewer(requestWithCookie('/hub', cookie), { area: 'hub' })).role).toBe('hubOfficer');
    await prisma.user.update({ where: { id: user.id }, data: { role: 'fosteringManager', councilId: 'derbyshire' } });
    const viewer = await requireViewer(requestWithCookie('/council', cookie), { area: 'council' });
    expect(viewer).toMatchObject({ role: 'fosteringManager', councilId: 'derbyshire' });
  });
});

describe('requireStaff', () => {
  it('lets every staff role in and refuses applicants with 403', async () => {
    for (const role of ROLES) {
      const request = requestWithCookie('/shared', cookies.get(role) ?? null);
      if (role === 'applicant') {
        expect((await thrownResponse(() => requireStaff(request))).status).toBe(403);
      } else {
        expect((await requireStaff(request)).role).toBe(role);
      }
    }
  });

  it('sends a signed-out visitor to sign in', async () => {
    const response = await thrownResponse(() => requireStaff(requestWithCookie('/shared', null)));
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fshared');
  });
});
