import { prisma, type Tx } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { recordAudit } from '~/modules/audit/audit.server';
import { hashPassword } from '~/modules/auth/passwords.server';
import { HOME_PATH, isRole } from '~/modules/auth/roles';
import { normaliseEmail } from '~/modules/auth/schemas';
import { createRandomToken, createSession, hashToken } from '~/modules/auth/sessions.server';
import { queueEmail } from '~/modules/email/outbox.server';

// One-time links for choosing a password: "forgot password" and the first password of an invited member of
// staff share the PasswordResetToken table and the /reset-password/<token> page. Only the token's sha256 is stored.
export const RESET_LINK_LIFETIME_MINUTES = 60;
// An invitation may sit in an inbox over a weekend; an expired one is recovered through "forgot your password".
export const INVITATION_LINK_LIFETIME_HOURS = 72;
// Enough for "I didn't get it, send another", not enough to flood someone's inbox from the public form.
export const MAX_RESET_LINKS_PER_LIFETIME = 3;

/**
 * Emails a reset link when the address belongs to an active member of staff, and otherwise does nothing: the
 * page says the same thing either way, so nobody can test which addresses have accounts.
 */
export async function requestPasswordReset(email: string, now = new Date()) {
  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, role: true, active: true },
  });
  // Applicants sign in by magic link and have no password to reset.
  if (!user || !user.active || user.role === 'applicant') return;
  const windowStart = new Date(now.getTime() - RESET_LINK_LIFETIME_MINUTES * 60_000);
  const recentLinks = await prisma.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: windowStart } } });
  if (recentLinks >= MAX_RESET_LINKS_PER_LIFETIME) return;

  await prisma.$transaction(async (tx) => {
    const { token, tokenId } = await issuePasswordToken(tx, user.id, RESET_LINK_LIFETIME_MINUTES * 60_000, now);
    await queueEmailForReset(tx, { to: user.email, token, tokenId });
    await recordAudit(tx, null, { action: 'auth.passwordResetRequested', entity: 'User', entityId: user.id });
  });
}

/** Creates a one-time password link inside the caller's transaction and returns the token for the email. */
export async function issuePasswordToken(tx: Tx, userId: string, lifetimeMs: number, now = new Date()) {
  const token = createRandomToken();
  const row = await tx.passwordResetToken.create({
    data: { userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + lifetimeMs), createdAt: now },
    select: { id: true },
  });
  return { token, tokenId: row.id };
}

export function passwordLinkUrl(token: string) {
  return new URL(`/reset-password/${token}`, env.BASE_URL).toString();
}

/** For the page shown before the form is sent: the link is still unused, in date and for an active account. */
export async function isPasswordTokenUsable(token: string, now = new Date()) {
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  return Boolean(row && row.usedAt === null && row.expiresAt > now && row.user.active);
}

export type PasswordResetResult = { ok: true; setCookie: string; redirectTo: string } | { ok: false };

/**
 * Sets the new password and signs the person in. Every other session of theirs ends, so whoever knew the old
 * password is out, and the link cannot be used again.
 */
export async function resetPasswordWithToken(
  token: string,
  password: string,
  userAgent: string | null,
  now = new Date(),
): Promise<PasswordResetResult> {
  const tokenHash = hashToken(token);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    // One conditional write decides who wins when the same link is sent twice at once.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { is: { active: true } } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false };

    const { user } = await tx.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { user: { select: { id: true, email: true, role: true } } },
    });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, lastSignInAt: now } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.signInThrottle.deleteMany({ where: { key: user.email } });
    await recordAudit(tx, { userId: user.id, role: user.role }, { action: 'auth.passwordReset', entity: 'User', entityId: user.id });
    const setCookie = await createSession(tx, user.id, userAgent);
    return { ok: true, setCookie, redirectTo: isRole(user.role) ? HOME_PATH[user.role] : '/' };
  });
}

async function queueEmailForReset(tx: Tx, email: { to: string; token: string; tokenId: string }) {
  await queueEmail(tx, {
    template: 'password-reset',
    to: email.to,
    props: { resetUrl: passwordLinkUrl(email.token), expiresInMinutes: RESET_LINK_LIFETIME_MINUTES },
    idempotencyKey: `password-reset/${email.tokenId}`,
  });
}
