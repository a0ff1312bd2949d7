import { prisma } from '~/lib/db.server';
import { Conflict, NotFound } from '~/lib/errors';
import { recordAudit } from '~/modules/audit/audit.server';
import { assertCan } from '~/modules/auth/access.server';
import { INVITATION_LINK_LIFETIME_HOURS, issuePasswordToken, passwordLinkUrl } from '~/modules/auth/password-reset.server';
import { isRole, ROLE_LABELS, STAFF_ROLES } from '~/modules/auth/roles';
import type { ChangeRoleInput, InviteUserInput } from '~/modules/auth/schemas';
import type { Viewer } from '~/modules/auth/viewer';
import { queueEmail } from '~/modules/email/outbox.server';

// Staff accounts, managed by administrators. Applicant accounts are made by magic-link sign-in and are not listed
// here: the administrator has no routine access to case content (DOMAIN.md §1.3).
export const USERS_PAGE_SIZE = 25;

const staffOnly = { role: { in: [...STAFF_ROLES] } };

const userSummarySelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  councilId: true,
  active: true,
  lastSignInAt: true,
  passwordHash: true,
  council: { select: { name: true } },
} as const;

type UserRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  councilId: string | null;
  active: boolean;
  lastSignInAt: Date | null;
  passwordHash: string | null;
  council: { name: string } | null;
};

function toUserSummary({ passwordHash, council, ...user }: UserRow) {
  return {
    ...user,
    roleLabel: isRole(user.role) ? ROLE_LABELS[user.role] : user.role,
    councilName: council?.name ?? null,
    // An invited member of staff who has not yet chosen a password.
    invitationPending: passwordHash === null,
  };
}

export type UserSummary = ReturnType<typeof toUserSummary>;

export type UserListFilters = { q?: string; role?: string; councilId?: string; cursor?: string };

export async function listUsersForAdmin(viewer: Viewer, query: UserListFilters) {
  assertCan(viewer, 'user.manage');
  const search = query.q;
  const rows = await prisma.user.findMany({
    where: {
      AND: [
        staffOnly,
        search ? { OR: [{ name: { contains: search } }, { email: { contains: search.toLowerCase() } }] } : {},
        query.role ? { role: query.role } : {},
        query.councilId ? { councilId: query.councilId } : {},
      ],
    },
    select: userSummarySelect,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: USERS_PAGE_SIZE + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, USERS_PAGE_SIZE).map(toUserSummary);
  return { users: page, nextCursor: rows.length > USERS_PAGE_SIZE ? page[page.length - 1].id : null };
}

export async function getUserForAdmin(viewer: Viewer, userId: string) {
  assertCan(viewer, 'user.manage');
  const user = await prisma.user.findFirst({ where: { id: userId, ...staffOnly }, select: userSummarySelect });
  if (!user) throw new NotFound('There is no member of staff with that id');
  const isSelf = user.id === viewer.userId;
  return { user: toUserSummary(user), canChangeRole: !isSelf, canDeactivate: !isSelf && user.active };
}

export async function listCouncilOptions() {
  const councils = await prisma.council.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 20 });
  return councils.map((council) => ({ value: council.id, label: council.name }));
}

export const STAFF_ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

type FieldResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Creates the account without a password and emails a link to /reset-password/<token>, where the new member of
 * staff chooses one. The link lasts INVITATION_LINK_LIFETIME_HOURS; after that, "Forgot your password?" works.
 */
export async function inviteStaffUser(viewer: Viewer, input: InviteUserInput): Promise<FieldResult<{ userId: string }>> {
  assertCan(viewer, 'user.manage');
  const problems = await findCouncilProblems(input);
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    problems.email = 'There is already an account with this email address';
  }
  if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };

  const userId = await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, role: input.role, councilId: input.councilId, invitedById: viewer.userId },
      select: { id: true },
    });
    const { token, tokenId } = await issuePasswordToken(tx, user.id, INVITATION_LINK_LIFETIME_HOURS * 3_600_000);
    await queueEmail(tx, {
      template: 'staff-invitation',
      to: input.email,
      props: {
        name: input.name,
        roleLabel: ROLE_LABELS[input.role],
        setPasswordUrl: passwordLinkUrl(token),
        expiresInHours: INVITATION_LINK_LIFETIME_HOURS,
      },
      idempotencyKey: `staff-invitation/${tokenId}`,
    });
    await recordAudit(tx, auditActor(viewer), {
      action: 'user.invite',
      entity: 'User',
      entityId: user.id,
      councilId: input.councilId,
      after: { role: input.role, councilId: input.councilId },
    });
    return user.id;
  });
  return { ok: true, data: { userId } };
}

/** Takes effect on the person's next request: the viewer is read from the User row every time. */
export async function changeUserRole(viewer: Viewer, userId: string, input: ChangeRoleInput): Promise<FieldResult<null>> {
  const { user } = await getUserForAdmin(viewer, userId);
  // An administrator who demoted themselves could leave nobody able to manage accounts.
  if (user.id === viewer.userId) throw new Conflict('You cannot change your own role. Ask another administrator.');
  const problems = await findCouncilProblems(input);
  if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };

  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role: input.role, councilId: input.councilId } });
    await recordAudit(tx, auditActor(viewer), {
      action: 'user.changeRole',
      entity: 'User',
      entityId: userId,
      councilId: input.councilId,
      before: { role: user.role, councilId: user.councilId },
      after: { role: input.role, councilId: input.councilId },
    });
  });
  return { ok: true, data: null };
}

/** Ends every session at once; requireViewer also refuses a deactivated account on its next request. */
export async function deactivateUser(viewer: Viewer, userId: string, now = new Date()) {
  const { user } = await getUserForAdmin(viewer, userId);
  if (user.id === viewer.userId) throw new Conflict('You cannot deactivate your own account. Ask another administrator.');
  if (!user.active) return;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active: false, deactivatedAt: now } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, auditActor(viewer), {
      action: 'user.deactivate',
      entity: 'User',
      entityId: userId,
      councilId: user.councilId,
      before: { active: true },
      after: { active: false },
    });
  });
}

export async function reactivateUser(viewer: Viewer, userId: string) {
  const { user } = await getUserForAdmin(viewer, userId);
  if (user.active) return;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active: true, deactivatedAt: null } });
    await recordAudit(tx, auditActor(viewer), {
      action: 'user.reactivate',
      entity: 'User',
      entityId: userId,
      councilId: user.councilId,
      before: { active: false },
      after: { active: true },
    });
  });
}

async function findCouncilProblems(input: { councilId: string | null }) {
  const problems: Record<string, string> = {};
  if (input.councilId) {
    const council = await prisma.council.findUnique({ where: { id: input.councilId }, select: { id: true } });
    if (!council) problems.councilId = 'Select a council from the list';
  }
  return problems;
}

function auditActor(viewer: Viewer) {
  return { userId: viewer.userId, role: viewer.role };
}
