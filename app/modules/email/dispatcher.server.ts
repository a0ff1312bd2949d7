import type { Resend } from 'resend';
import { prisma } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { logError } from '~/lib/log.server';
import { getResendClient } from '~/modules/email/resend-client.server';
import { isEmailTemplate, renderStoredEmail } from '~/modules/email/templates';

// Sends what the outbox holds (STYLE.md §6). Claiming is a short transaction; the network call happens outside
// any transaction, and each row carries a lease so two dispatchers (the server's timer and `npm run outbox:drain`)
// never send the same row. Resend also deduplicates by our idempotency key for 24 hours, which covers a crash
// between its answer and our update; after that, only our `sent` status stops a second send.

/** Minutes to wait after the 1st, 2nd … 5th failed attempt. The 6th failure is final. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
/** Long enough for a slow send; short enough that a crashed dispatcher's rows are picked up again soon. */
const LEASE_MS = 2 * 60 * 1000;
const MAX_ERROR_LENGTH = 500;

type ClaimedEmail = { id: string; template: string; to: string; propsJson: string; idempotencyKey: string; attempts: number; lockedUntil: Date };
type SendOutcome = { kind: 'sent'; resendId: string } | { kind: 'transient' | 'permanent'; error: string };
export type DrainResult = { sent: number; retried: number; failed: number };

async function claimDueEmails(now: Date, batchSize: number): Promise<ClaimedEmail[]> {
  const lockedUntil = new Date(now.getTime() + LEASE_MS);
  return prisma.$transaction(async (tx) => {
    const candidates = await tx.outboundEmail.findMany({
      where: {
        OR: [
          { status: 'pending', nextAttemptAt: { lte: now } },
          { status: 'sending', lockedUntil: { lt: now } },
        ],
      },
      select: { id: true, status: true, lockedUntil: true },
      orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
    });
    const claimedIds: string[] = [];
    for (const candidate of candidates) {
      // The where repeats what we read: if another dispatcher claimed the row in between, nothing matches.
      const { count } = await tx.outboundEmail.updateMany({
        where: { id: candidate.id, status: candidate.status, lockedUntil: candidate.lockedUntil },
        data: { status: 'sending', lockedUntil },
      });
      if (count === 1) claimedIds.push(candidate.id);
    }
    const rows = await tx.outboundEmail.findMany({
      where: { id: { in: claimedIds } },
      select: { id: true, template: true, to: true, propsJson: true, idempotencyKey: true, attempts: true },
    });
    return rows.map((row) => ({ ...row, lockedUntil }));
  });
}

function describeError(error: { statusCode: number | null; name: string; message: string }) {
  return `${error.statusCode ?? 'no response'} ${error.name}: ${error.message}`;
}

// The SDK answers a network failure with statusCode null rather than throwing. 429 and 5xx are Resend asking us to
// come back later; a 409 for a concurrent request with the same key means our earlier attempt is still in flight.
// Any other 4xx means the request itself is wrong, and sending it again cannot help.
function isTransient(error: { statusCode: number | null; name: string }) {
  if (error.statusCode === null || error.statusCode === 429 || error.statusCode >= 500) return true;
  return error.name === 'concurrent_idempotent_requests' || error.name === 'rate_limit_exceeded';
}

async function sendEmail(resend: Resend, email: ClaimedEmail): Promise<SendOutcome> {
  let message: { subject: string; html: string; text: string };
  try {
    if (!isEmailTemplate(email.template)) throw new Error(`Unknown template ${email.template}`);
    message = await renderStoredEmail(email.template, JSON.parse(email.propsJson));
  } catch (error) {
    return { kind: 'permanent', error: `Could not render: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const { data, error } = await resend.emails.send(
      { from: env.EMAIL_FROM, to: email.to, ...message },
      { idempotencyKey: email.idempotencyKey },
    );
    if (error) return { kind: isTransient(error) ? 'transient' : 'permanent', error: describeError(error) };
    return { kind: 'sent', resendId: data.id };
  } catch (error) {
    return { kind: 'transient', error: `Network error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function recordOutcome(email: ClaimedEmail, outcome: SendOutcome, now: Date): Promise<keyof DrainResult> {
  const attempts = email.attempts + 1;
  const ownLease = { id: email.id, status: 'sending', lockedUntil: email.lockedUntil };
  if (outcome.kind === 'sent') {
    await prisma.outboundEmail.updateMany({
      where: ownLease,
      data: { status: 'sent', attempts, sentAt: now, resendId: outcome.resendId, lockedUntil: null, lastError: null },
    });
    return 'sent';
  }
  const lastError = outcome.error.slice(0, MAX_ERROR_LENGTH);
  if (outcome.kind === 'transient' && attempts < MAX_ATTEMPTS) {
    const nextAttemptAt = new Date(now.getTime() + BACKOFF_MINUTES[attempts - 1] * 60 * 1000);
    await prisma.outboundEmail.updateMany({
      where: ownLease,
      data: { status: 'pending', attempts, nextAttemptAt, lockedUntil: null, lastError },
    });
    return 'retried';
  }
  await prisma.outboundEmail.updateMany({ where: ownLease, data: { status: 'failed', attempts, lockedUntil: null, lastError } });
  return 'failed';
}

/** One pass: claims up to `batchSize` due rows and sends them one by one. `resend` lets tests aim at their fake. */
export async function drainOutboxOnce({
  now = new Date(),
  batchSize = 20,
  resend,
}: { now?: Date; batchSize?: number; resend?: Resend } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  const claimed = await claimDueEmails(now, batchSize);
  if (claimed.length === 0) return result;
  const client = resend ?? (await getResendClient());
  for (const email of claimed) {
    const outcome = await sendEmail(client, email);
    result[await recordOutcome(email, outcome, now)] += 1;
  }
  return result;
}

let timer: NodeJS.Timeout | undefined;
let inFlight: Promise<unknown> | undefined;
let running = false;

function scheduleNextDrain() {
  if (!running) return;
  // A timeout set after each pass, rather than an interval, so a slow pass never overlaps the next one.
  timer = setTimeout(() => {
    inFlight = drainOutboxOnce()
      .catch((error: unknown) => logError('outbox.drain_failed', error))
      .finally(() => {
        inFlight = undefined;
        scheduleNextDrain();
      });
  }, env.OUTBOX_INTERVAL_MS);
  // The timer alone never keeps the process alive: shutdown does not wait for the next tick.
  timer.unref();
}

export function startOutboxDispatcher() {
  if (running) return;
  running = true;
  scheduleNextDrain();
}

/** For graceful shutdown: no new passes, and the pass under way finishes its sends and updates. */
export async function stopOutboxDispatcher() {
  running = false;
  clearTimeout(timer);
  timer = undefined;
  await inFlight;
}
