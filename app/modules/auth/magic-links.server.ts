import { prisma } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { recordAudit } from '~/modules/audit/audit.server';
import { safeRedirectTo } from '~/modules/auth/access.server';
import { HOME_PATH } from '~/modules/auth/roles';
import { normaliseEmail } from '~/modules/auth/schemas';
import { createRandomToken, createSession, hashToken } from '~/modules/auth/sessions.server';
import { queueEmail } from '~/modules/email/outbox.server';

// Applicants sign in with a one-time link sent to the address on their application: no password to forget, and
// only someone who reads that inbox gets in. Only the token's sha256 is stored.
export const MAGIC_LINK_LIFETIME_MINUTES = 20;

type ApplicantPerson = { id: string; userId: string | null; firstName: string; lastName: string };

/**
 * Sends a sign-in link when the address belongs to an applicant or joint applicant on a household, creating
 * their portal account on first use. Otherwise does nothing: the page gives the same answer either way.
 */
export async function requestApplicantMagicLink(request: { email: string; redirectTo?: string }, now = new Date()) {
  const email = normaliseEmail(request.email);
  // Addresses on Person rows are stored as typed, so compare them case-insensitively.
  const people = await prisma.$queryRaw<ApplicantPerson[]>`
    SELECT id, userId, firstName, lastName FROM Person
    WHERE lower(trim(email)) = ${email} AND role IN ('applicant', 'jointApplicant')`;
  if (people.length === 0) return;

  const windowStart = new Date(now.getTime() - MAGIC_LINK_LIFETIME_MINUTES * 60_000);
  const recentLinks = await prisma.magicLinkToken.count({ where: { email, createdAt: { gt: windowStart } } });
  // Enough for "I didn't get it, send another", not enough to flood someone's inbox from the public form.
  if (recentLinks >= env.MAGIC_LINK_LIMIT) return;

  await prisma.$transaction(async (tx) => {
    const [first] = people;
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name: `${first.firstName} ${first.lastName}`.trim(), role: 'applicant' },
      update: {},
      select: { id: true, role: true, active: true },
    });
    // A member of staff who is also named on an application still signs in with their password.
    if (user.role !== 'applicant' || !user.active) return;

    const unlinked = people.filter((person) => person.userId === null).map((person) => person.id);
    if (unlinked.length > 0) {
      await tx.person.updateMany({ where: { id: { in: unlinked }, userId: null }, data: { userId: user.id } });
    }

    const token = createRandomToken();
    const link = await tx.magicLinkToken.create({
      data: {
        email,
        tokenHash: hashToken(token),
        redirectTo: safeRedirectTo(request.redirectTo, HOME_PATH.applicant),
        expiresAt: new Date(now.getTime() + MAGIC_LINK_LIFETIME_MINUTES * 60_000),
        createdAt: now,
      },
      select: { id: true },
    });
    await queueEmail(tx, {
      template: 'applicant-magic-link',
      to: email,
      props: { signInUrl: magicLinkUrl(token), expiresInMinutes: MAGIC_LINK_LIFETIME_MINUTES },
      idempotencyKey: `applicant-magic-link/${link.id}`,
    });
    await recordAudit(tx, null, { action: 'auth.magicLinkRequested', entity: 'User', entityId: user.id });
  });
}

export function magicLinkUrl(token: string) {
  const url = new URL('/login/verify', env.BASE_URL);
  url.searchParams.set('token', token);
  return url.toString();
}

/** For the landing page's GET, which must not use the link up: mail scanners open links too. */
export async function isMagicLinkUsable(token: string, now = new Date()) {
  const link = await prisma.magicLinkToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(link && link.usedAt === null && link.expiresAt > now);
}

export type MagicLinkResult = { ok: true; setCookie: string; redirectTo: string } | { ok: false };

export async function signInWithMagicLink(token: string, userAgent: string | null, now = new Date()): Promise<MagicLinkResult> {
  const tokenHash = hashToken(token);
  return prisma.$transaction(async (tx) => {
    // One conditional write: of two clicks at once, exactly one signs in.
    const claimed = await tx.magicLinkToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false };

    const link = await tx.magicLinkToken.findUniqueOrThrow({ where: { tokenHash }, select: { email: true, redirectTo: true } });
    const user = await tx.user.findUnique({ where: { email: link.email }, select: { id: true, role: true, active: true } });
    if (!user || user.role !== 'applicant' || !user.active) return { ok: false };

    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, { userId: user.id, role: user.role }, {
      action: 'auth.signIn',
      entity: 'User',
      entityId: user.id,
      summary: 'Magic link',
    });
    const setCookie = await createSession(tx, user.id, userAgent);
    return { ok: true, setCookie, redirectTo: safeRedirectTo(link.redirectTo, HOME_PATH.applicant) };
  });
}
