// Helpers shared by the auth integration tests.
import { prisma } from '~/lib/db.server';
import { createSession } from '~/modules/auth/sessions.server';

export const BASE = 'http://localhost:3000';

/** `__session=<value>` from a Set-Cookie header, ready for a Cookie header. */
export function cookiePairFrom(setCookie: string) {
  return setCookie.split(';')[0];
}

export async function sessionCookieFor(userId: string) {
  return cookiePairFrom(await createSession(prisma, userId, 'vitest'));
}

export function requestWithCookie(path: string, cookie: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('Cookie', cookie);
  return new Request(`${BASE}${path}`, { ...init, headers });
}

export function postForm(path: string, fields: Record<string, string>, cookie: string | null = null) {
  return requestWithCookie(path, cookie, { method: 'POST', body: new URLSearchParams(fields) });
}

/** Runs something expected to throw a Response (redirect or error status) and returns that Response. */
export async function thrownResponse(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error('Expected a Response to be thrown, but nothing was thrown');
}

export async function auditActions() {
  const rows = await prisma.auditEvent.findMany({ select: { action: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return rows.map((row) => row.action);
}

export type RouteResult = { status: number; headers: Headers; body: unknown };

/** A loader's or action's answer, whether a Response (redirects) or Remix `data(…, { status })`, in one shape. */
export function routeResult(value: unknown): RouteResult {
  if (value instanceof Response) return { status: value.status, headers: value.headers, body: null };
  if (typeof value === 'object' && value !== null && 'data' in value && 'init' in value) {
    const init = (value.init ?? {}) as ResponseInit;
    return { status: init.status ?? 200, headers: new Headers(init.headers), body: value.data };
  }
  return { status: 200, headers: new Headers(), body: value };
}
