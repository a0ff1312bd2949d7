// Rows for integration tests. Each test builds what it needs; nothing depends on another test's data.
import { randomUUID } from 'node:crypto';
import { prisma } from '~/lib/db.server';
import { hashPassword } from '~/modules/auth/passwords.server';
import { isCouncilRole, type Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';

export const TEST_PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;

export async function createUser(
  options: { role: Role; councilId?: string | null; email?: string; name?: string; active?: boolean; password?: string },
) {
  const hash =
    options.password === undefined
      ? await (passwordHash ??= hashPassword(TEST_PASSWORD))
      : await hashPassword(options.password);
  return prisma.user.create({
    data: {
      email: options.email ?? `${options.role}-${randomUUID()}@example.test`,
      name: options.name ?? `Test ${options.role}`,
      role: options.role,
      councilId: options.councilId ?? null,
      active: options.active ?? true,
      passwordHash: hash,
    },
  });
}

/** A signed-in person as the modules see them, backed by a real user row. Council roles need a council. */
export async function createViewer(role: Role, councilId: string | null = null, name?: string): Promise<Viewer> {
  const user = await createUser({ role, councilId, name });
  const base = { userId: user.id, name: user.name, email: user.email, sessionId: 'test-session' };
  if (isCouncilRole(role)) {
    if (councilId === null) throw new Error(`A ${role} needs a council`);
    return { ...base, role, councilId };
  }
  return { ...base, role, councilId: null };
}

let referenceCounter = 0;

export async function createHousehold(
  options: {
    councilId?: string | null;
    allocatedCouncilId?: string | null;
    stage?: string;
    route?: 'mainstream' | 'kinship';
    enquiryDate?: string;
    email?: string;
    displayName?: string;
  } = {},
) {
  referenceCounter += 1;
  const { snapshotAtStage, serialiseSnapshot } = await import('~/modules/pipeline/snapshots');
  const { PIPELINE_MACHINE_VERSION } = await import('~/modules/pipeline/machine');
  const route = options.route ?? 'mainstream';
  const stage = options.stage ?? 'enquiry.received';
  const enquiryDate = options.enquiryDate ?? '2026-01-15';
  return prisma.household.create({
    data: {
      reference: `TEST-${process.pid}-${referenceCounter}-${randomUUID().slice(0, 8)}`,
      displayName: options.displayName ?? 'Test household',
      route,
      email: options.email ?? null,
      councilId: options.councilId === undefined ? 'derby-city' : options.councilId,
      residenceCouncilId: options.councilId === undefined ? 'derby-city' : options.councilId,
      allocatedCouncilId: options.allocatedCouncilId ?? null,
      stage,
      pipelineSnapshot: serialiseSnapshot(snapshotAtStage(route, stage)),
      machineVersion: PIPELINE_MACHINE_VERSION,
      enquiryReceivedAt: new Date(`${enquiryDate}T10:00:00Z`),
      enquiryDate,
    },
  });
}
