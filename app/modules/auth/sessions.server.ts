import { createHash, randomBytes } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { prisma, type Tx } from '~/lib/db.server';
import { env } from '~/lib/env.server';

// Sessions live in the Session table so they can be revoked (sign-out, password reset, deactivation). The cookie
// holds a random token signed with SESSION_SECRET; the table holds only its sha256, so a copy of the database
// holds no live session.
export const SESSION_IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
// Writing lastSeenAt on every request would turn every page view into a write; once a minute is precise enough
// for an eight-hour idle timeout.
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

const COOKIE_NAME = '__session';

export const sessionCookie = createCookie(COOKIE_NAME, {
  httpOnly: true,
  sameSite: 'lax',
  secure: env.APP_ENV === 'production',
  path: '/',
  secrets: [env.SESSION_SECRET],
  maxAge: SESSION_ABSOLUTE_LIFETIME_MS / 1000,
});

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export function createRandomToken() {
  return randomBytes(32).toString('base64url');
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  councilId: string | null;
  active: boolean;
};

export type SessionLookup =
  | { status: 'none' }
  | { status: 'tampered' }
  | { status: 'expired' }
  | { status: 'active'; sessionId: string; user: SessionUser };

/** Starts a session for a user who has just proved who they are, and returns the Set-Cookie header to send. */
export async function createSession(tx: Tx, userId: string, userAgent: string | null) {
  const token = createRandomToken();
  const now = new Date();
  await tx.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie.serialize(token);
}

export function clearSessionCookie() {
  return sessionCookie.serialize('', { maxAge: 0, expires: new Date(0) });
}

/**
 * Finds the session the request's cookie points at. A cookie that is present but fails its signature check is
 * reported as tampered rather than absent, so the caller can record it.
 */
export async function lookUpSession(request: Request, now = new Date()): Promise<SessionLookup> {
  const cookieHeader = request.headers.get('Cookie');
  if (!hasCookieValue(cookieHeader)) return { status: 'none' };
  const token: unknown = await sessionCookie.parse(cookieHeader);
  if (typeof token !== 'string' || token === '') return { status: 'tampered' };

  // One joined statement: every signed-in request starts here, and Prisma would read the user with a second query.
  const [row] = await prisma.$queryRaw<(SessionUser & { sessionId: string; lastSeenAt: Date; expiresAt: Date })[]>`
    SELECT s."id" AS "sessionId", s."lastSeenAt", s."expiresAt",
           u."id", u."email", u."name", u."role", u."councilId", u."active"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${hashToken(token)}`;
  if (!row) return { status: 'expired' };
  const { sessionId, lastSeenAt, expiresAt, ...user } = row;
  const session = { id: sessionId, lastSeenAt, expiresAt, user };

  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince > SESSION_IDLE_TIMEOUT_MS) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return { status: 'expired' };
  }
  if (idleSince >= LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { status: 'active', sessionId: session.id, user: session.user };
}

function hasCookieValue(cookieHeader: string | null) {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => {
    const [name, ...value] = part.trim().split('=');
    return name === COOKIE_NAME && value.join('=') !== '';
  });
}
