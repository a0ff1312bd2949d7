import type { Prisma } from '~/generated/prisma/client';
import type { CouncilId } from './councils';
import { COLLEAGUE_LOGINS, DEMO_LOGINS, TEST_APPLICANT_LOGINS, type DemoLogin } from './demo-logins';

/** 'hub.officer.2@ffem.example' → 'seed-user-hub-officer-2'. */
export function userIdFor(email: string): string {
  return `seed-user-${email.split('@')[0].replace(/\./g, '-')}`;
}

function loginFor(role: DemoLogin['role'], councilId: CouncilId | null): DemoLogin {
  const login = [...DEMO_LOGINS, ...COLLEAGUE_LOGINS].find((entry) => entry.role === role && entry.councilId === councilId);
  if (!login) throw new Error(`No seeded ${role} for ${councilId ?? 'the hub'}`);
  return login;
}

/** The seeded people who own and act on cases. */
export const WORKERS = {
  hubOfficers: [userIdFor(loginFor('hubOfficer', null).email), userIdFor(COLLEAGUE_LOGINS[0].email)],
  hubManager: userIdFor(loginFor('hubManager', null).email),
  socialWorker: (councilId: CouncilId) => userIdFor(loginFor('socialWorker', councilId).email),
  fosteringManager: (councilId: CouncilId) => userIdFor(loginFor('fosteringManager', councilId).email),
  liaison: (councilId: CouncilId) => userIdFor(loginFor('mockingbirdLiaison', councilId).email),
  // Derby City has the only seeded panel adviser and decision maker; elsewhere the fostering manager stands in.
  panelAdviser: (councilId: CouncilId) =>
    councilId === 'derby-city' ? userIdFor(loginFor('panelAdviser', councilId).email) : WORKERS.fosteringManager(councilId),
  decisionMaker: (councilId: CouncilId) =>
    councilId === 'derby-city' ? userIdFor(loginFor('decisionMaker', councilId).email) : WORKERS.fosteringManager(councilId),
};

/** Every seeded user. Staff share one password hash (argon2id is slow, so it is made once); applicants have none. */
export function buildUsers(staffPasswordHash: string, createdAt: Date): Prisma.UserCreateManyInput[] {
  return [...DEMO_LOGINS, ...COLLEAGUE_LOGINS, ...TEST_APPLICANT_LOGINS].map((login) => ({
    id: userIdFor(login.email),
    email: login.email,
    name: login.name,
    role: login.role,
    councilId: login.councilId,
    passwordHash: login.password === null ? null : staffPasswordHash,
    createdAt,
    updatedAt: createdAt,
  }));
}
