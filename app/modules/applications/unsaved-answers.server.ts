import { createCookie, redirect } from '@remix-run/node';
import { prisma } from '~/lib/db.server';
import { env, isProduction } from '~/lib/env.server';
import { requireViewer } from '~/modules/auth/access.server';
import { hashToken, sessionCookie } from '~/modules/auth/sessions.server';
import type { Viewer } from '~/modules/auth/viewer';
import { findSection, inputNamesOf } from './sections';

// Issue 5: "on a timeout the person is sent back to the same page with their input kept". A section posted after
// the session ended cannot be saved (nobody is signed in), so its answers ride in a short-lived signed cookie through
// the sign-in and come back on the page they were typed on.

const unsavedAnswersCookie = createCookie('ffem_unsaved_answers', {
  secrets: [env.SESSION_SECRET],
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  path: '/apply',
  maxAge: 60 * 60,
});

/**
 * Browsers refuse a cookie over 4 KB, and the cookie's value is base64 (a third bigger) plus a signature; answers
 * whose JSON is over this budget are dropped, longest first, and named on the page so nothing is lost silently.
 */
export const UNSAVED_ANSWERS_BUDGET_BYTES = 2_800;

type UnsavedAnswers = {
  sectionId: string;
  /** Whose session ended, when the server still knew: the answers go back only to them. */
  userId: string | null;
  answers: Record<string, string>;
  dropped: string[];
};

function isUnsavedAnswers(value: unknown): value is UnsavedAnswers {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.sectionId === 'string' &&
    (candidate.userId === null || typeof candidate.userId === 'string') &&
    typeof candidate.answers === 'object' &&
    candidate.answers !== null &&
    Object.values(candidate.answers).every((answer) => typeof answer === 'string') &&
    Array.isArray(candidate.dropped) &&
    candidate.dropped.every((name) => typeof name === 'string')
  );
}

const byteLength = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Keeps the section's own answers, dropping the longest until the whole fits the budget. */
export function fitUnsavedAnswers(sectionId: string, userId: string | null, formData: FormData): UnsavedAnswers | null {
  const section = findSection(sectionId);
  if (!section) return null;
  const kept: UnsavedAnswers = { sectionId: section.id, userId, answers: {}, dropped: [] };
  for (const name of inputNamesOf(section)) {
    const submitted = formData.getAll(name).filter((entry): entry is string => typeof entry === 'string');
    if (submitted.length > 0) kept.answers[name] = submitted.join(',');
  }
  while (byteLength(kept) > UNSAVED_ANSWERS_BUDGET_BYTES) {
    const [longest] = Object.entries(kept.answers).sort(([, a], [, b]) => b.length - a.length);
    if (!longest) break;
    delete kept.answers[longest[0]];
    kept.dropped.push(longest[0]);
  }
  return kept;
}

/** The user whose session cookie this is, read before requireViewer deletes an expired session. */
async function sessionOwnerOf(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  if (typeof token !== 'string' || token === '') return null;
  const session = await prisma.session.findUnique({ where: { id: hashToken(token) }, select: { userId: true } });
  return session?.userId ?? null;
}

function isSignInRedirect(thrown: unknown): thrown is Response {
  return thrown instanceof Response && thrown.status >= 300 && thrown.status < 400 && (thrown.headers.get('Location') ?? '').startsWith('/apply/sign-in');
}

/**
 * requireViewer for a section's "save": when the session has ended, the redirect to sign in also carries the posted
 * answers, and brings the person back to the same section afterwards.
 */
export async function requireApplicantKeepingAnswers(request: Request, sectionId: string, formData: FormData): Promise<Viewer> {
  const ownerBeforeExpiry = await sessionOwnerOf(request);
  try {
    return await requireViewer(request, { area: 'apply' });
  } catch (thrown) {
    if (!isSignInRedirect(thrown)) throw thrown;
    const kept = fitUnsavedAnswers(sectionId, ownerBeforeExpiry, formData);
    if (!kept) throw thrown;
    const headers = new Headers();
    const clearSession = thrown.headers.get('Set-Cookie');
    if (clearSession) headers.append('Set-Cookie', clearSession);
    headers.append('Set-Cookie', await unsavedAnswersCookie.serialize(kept));
    throw redirect(`/apply/sign-in?${new URLSearchParams({ redirectTo: `/apply/application/${kept.sectionId}` })}`, { headers });
  }
}

export type RestoredAnswers = { answers: Record<string, string>; droppedLabels: string[]; setCookie: string };

/**
 * The answers kept for this section through a sign-in, once, and the header that forgets them. Null when there are
 * none for this section. Answers are shown only to the person whose session they came from: kept from someone
 * else's session, or from a session already gone (its owner unknown, as on a shared computer), they are forgotten.
 */
export async function takeUnsavedAnswers(request: Request, viewer: Viewer, sectionId: string): Promise<RestoredAnswers | null> {
  const kept: unknown = await unsavedAnswersCookie.parse(request.headers.get('Cookie'));
  if (!isUnsavedAnswers(kept) || kept.sectionId !== sectionId) return null;
  const setCookie = await unsavedAnswersCookie.serialize('', { maxAge: 0, expires: new Date(0) });
  if (kept.userId !== viewer.userId) return { answers: {}, droppedLabels: [], setCookie };
  const section = findSection(sectionId);
  const droppedLabels = kept.dropped.map(
    (name) => section?.questions.find((question) => name === question.name || name.startsWith(`${question.name}-`))?.label ?? name,
  );
  return { answers: kept.answers, droppedLabels: [...new Set(droppedLabels)], setCookie };
}
