import { prisma, type Tx } from '~/lib/db.server';
import { recordAudit } from '~/modules/audit/audit.server';
import { safeRedirectTo } from '~/modules/auth/access.server';
import { verifyAgainstDecoy, verifyPassword } from '~/modules/auth/passwords.server';
import { HOME_PATH, isRole } from '~/modules/auth/roles';
import { normaliseEmail } from '~/modules/auth/schemas';
import { clearSessionCookie, createSession, lookUpSession } from '~/modules/auth/sessions.server';

// Back-off (STYLE.md §5, public forms): five wrong passwords within fifteen minutes lock the email address for
// fifteen minutes. The key is the address typed, whether or not an account has it, so the answer is the same
// for addresses we do not know.
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

export const SIGN_IN_MESSAGES = {
  invalid: 'Enter a correct email address and password',
  locked: 'There have been too many attempts to sign in with this email address. Wait 15 minutes, then try again, or reset your password.',
  deactivated: 'This account has been deactivated. Contact your administrator.',
} as const;

export type SignInResult =
  | { ok: true; userId: string; setCookie: string; redirectTo: string }
  | { ok: false; reason: keyof typeof SIGN_IN_MESSAGES; message: string };

type SignInAttempt = {
  email: string;
  password: string;
  redirectTo?: string;
  userAgent: string | null;
  requestId?: string;
};

export async function signInWithPassword(attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
  const key = normaliseEmail(attempt.email);
  const user = await prisma.user.findUnique({
    where: { email: key },
    select: { id: true, role: true, passwordHash: true, active: true },
  });
  // Never the email address: an audit row names the account only when one exists.
  const about = { ...(user ? { entity: 'User', entityId: user.id } : {}), requestId: attempt.requestId };

  const throttle = await prisma.signInThrottle.findUnique({ where: { key } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    await recordAudit(prisma, null, { action: 'auth.lockedOut', ...about, summary: 'Attempt while locked' });
    return failure('locked');
  }

  // Applicants sign in by magic link only; a password on their row (there should be none) is never accepted.
  const passwordMatches =
    user?.passwordHash && user.role !== 'applicant'
      ? await verifyPassword(user.passwordHash, attempt.password)
      : await verifyAgainstDecoy(attempt.password);

  if (!user || !passwordMatches) {
    return prisma.$transaction(async (tx) => {
      const lockedNow = await countFailure(tx, key, now);
      await recordAudit(tx, null, {
        action: lockedNow ? 'auth.lockedOut' : 'auth.signInFailed',
        ...about,
        summary: lockedNow ? `Locked after ${MAX_FAILURES} failures` : 'Wrong email address or password',
      });
      return failure(lockedNow ? 'locked' : 'invalid');
    });
  }

  if (!user.active) {
    await recordAudit(prisma, null, { action: 'auth.signInFailed', ...about, summary: 'Account deactivated' });
    return failure('deactivated');
  }

  const setCookie = await prisma.$transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { key } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, { userId: user.id, role: user.role }, { action: 'auth.signIn', ...about, summary: 'Password' });
    return createSession(tx, user.id, attempt.userAgent);
  });
  const home = isRole(user.role) ? HOME_PATH[user.role] : '/';
  return { ok: true, userId: user.id, setCookie, redirectTo: safeRedirectTo(attempt.redirectTo, home) };
}

/** Records one failure and says whether it has just locked the address. */
async function countFailure(tx: Tx, key: string, now: Date) {
  const throttle = await tx.signInThrottle.findUnique({ where: { key } });
  const withinWindow = throttle?.lastFailedAt && now.getTime() - throttle.lastFailedAt.getTime() < FAILURE_WINDOW_MS;
  const failures = withinWindow ? throttle.failures + 1 : 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS) : null;
  await tx.signInThrottle.upsert({
    where: { key },
    create: { key, failures, lastFailedAt: now, lockedUntil },
    update: { failures, lastFailedAt: now, lockedUntil },
  });
  return lockedUntil !== null;
}

function failure(reason: keyof typeof SIGN_IN_MESSAGES): SignInResult {
  return { ok: false, reason, message: SIGN_IN_MESSAGES[reason] };
}

/** Ends this browser's session (the row, not just the cookie) and returns the Set-Cookie header that clears it. */
export async function signOut(request: Request) {
  const session = await lookUpSession(request);
  if (session.status === 'active') {
    const { user } = session;
    await prisma.$transaction(async (tx) => {
      await tx.session.deleteMany({ where: { id: session.sessionId } });
      await recordAudit(tx, { userId: user.id, role: user.role }, { action: 'auth.signOut', entity: 'User', entityId: user.id });
    });
  }
  return clearSessionCookie();
}
