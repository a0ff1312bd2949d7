import { randomUUID } from 'node:crypto';
import type { Resend } from 'resend';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Conflict, Forbidden } from '~/lib/errors';
import type { Viewer } from '~/modules/auth/viewer';
import { drainOutboxOnce, startOutboxDispatcher, stopOutboxDispatcher } from '~/modules/email/dispatcher.server';
import { startLocalResendServer, type LocalResendServer } from '~/modules/email/local-resend-server.server';
import { getOutboxCounts, listOutbox, queueEmail, retryEmail } from '~/modules/email/outbox.server';
import { getLocalResendServer, getResendClient } from '~/modules/email/resend-client.server';
import { InvalidEmailProps } from '~/modules/email/templates';
import { createUser } from '../../support/factories';

const MINUTE = 60 * 1000;
const RESET_PROPS = { resetUrl: 'https://crm.example/reset-password?token=abc', expiresInMinutes: 60 };

let fake: LocalResendServer;
let resend: Resend;

beforeEach(async () => {
  fake = await startLocalResendServer();
  resend = await getResendClient({ baseUrl: fake.url });
  await prisma.outboundEmail.deleteMany();
});

afterEach(async () => {
  await fake.close();
});

function queuePasswordReset(idempotencyKey = `password-reset/${randomUUID()}`, to = 'jo.bloggs@example.com') {
  return prisma.$transaction((tx) => queueEmail(tx, { template: 'password-reset', to, props: RESET_PROPS, idempotencyKey }));
}

function findEmail(id: string) {
  return prisma.outboundEmail.findUniqueOrThrow({ where: { id } });
}

/** Rows default nextAttemptAt to the real clock, so the test clock starts just after it. */
function testClockStart() {
  return new Date(Date.now() + 1000);
}

async function createAdministratorViewer(): Promise<Viewer> {
  const user = await createUser({ role: 'administrator' });
  return { userId: user.id, name: user.name, email: user.email, sessionId: 'test-session', role: 'administrator', councilId: null };
}

describe('queueEmail', () => {
  it('leaves no row when the domain transaction rolls back', async () => {
    const idempotencyKey = `password-reset/${randomUUID()}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, { template: 'password-reset', to: 'jo@example.com', props: RESET_PROPS, idempotencyKey });
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    expect(await prisma.outboundEmail.count({ where: { idempotencyKey } })).toBe(0);
  });

  it('throws on bad props, rolling back the domain change with it', async () => {
    const entityId = randomUUID();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.auditEvent.create({ data: { action: 'test.domainChange', entity: 'Test', entityId } });
        await queueEmail(tx, {
          template: 'password-reset',
          to: 'jo@example.com',
          props: { resetUrl: 'not a url', expiresInMinutes: 60 },
          idempotencyKey: `password-reset/${entityId}`,
        });
      }),
    ).rejects.toThrow(InvalidEmailProps);
    expect(await prisma.auditEvent.count({ where: { entityId } })).toBe(0);
    expect(await prisma.outboundEmail.count()).toBe(0);
  });

  it('rejects a recipient that is not an email address', async () => {
    await expect(queuePasswordReset(undefined, 'not-an-address')).rejects.toThrow(InvalidEmailProps);
  });

  it('returns the existing row for a repeated idempotency key instead of queueing twice', async () => {
    const first = await queuePasswordReset('password-reset/same-cause');
    const second = await queuePasswordReset('password-reset/same-cause');
    expect(second.id).toBe(first.id);
    expect(await prisma.outboundEmail.count({ where: { idempotencyKey: 'password-reset/same-cause' } })).toBe(1);
  });
});

describe('drainOutboxOnce', () => {
  it('sends a queued email once and marks it sent with the id Resend returned', async () => {
    const queued = await queuePasswordReset();
    const now = testClockStart();

    expect(await drainOutboxOnce({ now, resend })).toEqual({ sent: 1, retried: 0, failed: 0 });

    const [message] = fake.messages();
    expect(fake.messages()).toHaveLength(1);
    expect(message.to).toEqual(['jo.bloggs@example.com']);
    expect(message.subject).toBe('Reset your password');
    expect(message.html).toContain('https://crm.example/reset-password?token=abc');
    expect(message.text).toContain('expires in 60 minutes and works once');
    expect(message.idempotencyKey).toBe(queued.idempotencyKey);
    const row = await findEmail(queued.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, resendId: message.id, lockedUntil: null, lastError: null });
    expect(row.sentAt).toEqual(now);

    expect(await drainOutboxOnce({ now: new Date(now.getTime() + MINUTE), resend })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.messages()).toHaveLength(1);
    expect(fake.messages()[0].deliveries).toBe(1);
  });

  it('loses nothing in an outage and sends exactly once when it is over', async () => {
    const queued = await queuePasswordReset();
    const start = testClockStart();
    fake.setOutage(true);

    expect(await drainOutboxOnce({ now: start, resend })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await findEmail(queued.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(row.nextAttemptAt).toEqual(new Date(start.getTime() + 1 * MINUTE));
    expect(row.lastError).toContain('503');
    expect(fake.messages()).toHaveLength(0);

    // Not yet due: the backoff holds it back even though the fake has recovered.
    fake.setOutage(false);
    expect(await drainOutboxOnce({ now: new Date(start.getTime() + 30 * 1000), resend })).toEqual({ sent: 0, retried: 0, failed: 0 });

    const afterBackoff = new Date(start.getTime() + 61 * 1000);
    expect(await drainOutboxOnce({ now: afterBackoff, resend })).toEqual({ sent: 1, retried: 0, failed: 0 });
    row = await findEmail(queued.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    expect(await drainOutboxOnce({ now: new Date(start.getTime() + 24 * 60 * MINUTE), resend })).toEqual({ sent: 0, retried: 0, failed: 0 });
    const received = fake.messages().filter((message) => message.idempotencyKey === queued.idempotencyKey);
    expect(received).toHaveLength(1);
    expect(received[0].deliveries).toBe(1);
    expect(row.resendId).toBe(received[0].id);
  });

  it('treats an unreachable API as transient', async () => {
    const queued = await queuePasswordReset();
    const unreachable = await getResendClient({ baseUrl: 'http://127.0.0.1:1' });
    expect(await drainOutboxOnce({ now: testClockStart(), resend: unreachable })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await findEmail(queued.id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('retries a 429 but fails a 422 at once', async () => {
    const rateLimited = await queuePasswordReset();
    const now = testClockStart();
    fake.failNext(1, 429);
    expect(await drainOutboxOnce({ now, resend })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await findEmail(rateLimited.id)).toMatchObject({ status: 'pending', attempts: 1 });

    await prisma.outboundEmail.deleteMany();
    const invalid = await queuePasswordReset();
    fake.failNext(1, 422);
    expect(await drainOutboxOnce({ now: testClockStart(), resend })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await findEmail(invalid.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
    expect(row.lastError).toContain('422 validation_error');
    expect(fake.messages()).toHaveLength(0);
  });

  it('backs off 1, 5, 30, 120 and 720 minutes, fails after the 6th attempt, and an administrator can retry it', async () => {
    const queued = await queuePasswordReset();
    const start = testClockStart();
    fake.setOutage(true);
    // Each attempt happens when the previous backoff ends: 0, 1, 6, 36, 156 and 876 minutes after the start.
    const expectedNextAttempts = [1, 6, 36, 156, 876];
    let attemptAt = start;
    for (const [index, minutesAfterStart] of expectedNextAttempts.entries()) {
      expect(await drainOutboxOnce({ now: attemptAt, resend })).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await findEmail(queued.id);
      expect(row).toMatchObject({ status: 'pending', attempts: index + 1 });
      expect(row.nextAttemptAt).toEqual(new Date(start.getTime() + minutesAfterStart * MINUTE));
      attemptAt = row.nextAttemptAt;
    }
    expect(await drainOutboxOnce({ now: attemptAt, resend })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await findEmail(queued.id)).toMatchObject({ status: 'failed', attempts: 6 });

    const administrator = await createAdministratorViewer();
    const hubOfficer: Viewer = { ...administrator, role: 'hubOfficer', councilId: null };
    await expect(retryEmail(hubOfficer, queued.id)).rejects.toThrow(Forbidden);

    const retriedAt = new Date(attemptAt.getTime() + MINUTE);
    await retryEmail(administrator, queued.id, retriedAt);
    expect(await findEmail(queued.id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null, nextAttemptAt: retriedAt });
    const audit = await prisma.auditEvent.findMany({ where: { action: 'email.retry', entityId: queued.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: administrator.userId, actorRole: 'administrator', entity: 'OutboundEmail' });
    await expect(retryEmail(administrator, queued.id)).rejects.toThrow(Conflict);

    fake.setOutage(false);
    expect(await drainOutboxOnce({ now: retriedAt, resend })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await findEmail(queued.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('never sends a row twice when two dispatchers drain at the same time', async () => {
    const keys = Array.from({ length: 12 }, (_, index) => `password-reset/concurrent-${index}`);
    for (const key of keys) await queuePasswordReset(key);
    const now = testClockStart();

    const [first, second] = await Promise.all([
      drainOutboxOnce({ now, resend, batchSize: 12 }),
      drainOutboxOnce({ now, resend, batchSize: 12 }),
    ]);

    expect(first.sent + second.sent).toBe(12);
    const received = fake.messages();
    expect(received.map((message) => message.idempotencyKey).sort()).toEqual([...keys].sort());
    expect(received.every((message) => message.deliveries === 1)).toBe(true);
    expect(await prisma.outboundEmail.count({ where: { status: 'sent' } })).toBe(12);
  });

  it('takes over a row whose lease expired, and leaves one whose lease is live', async () => {
    const abandoned = await queuePasswordReset();
    const leased = await queuePasswordReset();
    const now = testClockStart();
    await prisma.outboundEmail.update({ where: { id: abandoned.id }, data: { status: 'sending', lockedUntil: new Date(now.getTime() - 1) } });
    await prisma.outboundEmail.update({ where: { id: leased.id }, data: { status: 'sending', lockedUntil: new Date(now.getTime() + MINUTE) } });

    expect(await drainOutboxOnce({ now, resend })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await findEmail(abandoned.id)).toMatchObject({ status: 'sent' });
    expect(await findEmail(leased.id)).toMatchObject({ status: 'sending', resendId: null });
  });
});

describe('the background dispatcher', () => {
  it('sends on its timer through the default transport (the in-process fake in tests) and stops cleanly', async () => {
    const queued = await queuePasswordReset();
    startOutboxDispatcher();
    await vi.waitFor(async () => expect((await findEmail(queued.id)).status).toBe('sent'), { timeout: 10_000, interval: 100 });
    await stopOutboxDispatcher();

    const localServer = await getLocalResendServer();
    if (!localServer) throw new Error('Without RESEND_API_KEY, tests send through the in-process fake.');
    const received = localServer.messages().filter((message) => message.idempotencyKey === queued.idempotencyKey);
    expect(received).toHaveLength(1);
    expect(fake.messages()).toHaveLength(0);

    // Stopped means stopped: nothing is picked up after the interval (2 seconds by default) has passed.
    const afterStop = await queuePasswordReset();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await findEmail(afterStop.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('the outbox for administrators', () => {
  it('lists newest first with masked addresses, pages with a cursor, filters and counts by status', async () => {
    const first = await queuePasswordReset(undefined, 'alex.smith@example.com');
    const second = await queuePasswordReset(undefined, 'sam@example.org');
    const third = await queuePasswordReset(undefined, 'jo@example.net');
    await prisma.outboundEmail.update({ where: { id: first.id }, data: { createdAt: new Date('2026-01-01T10:00:00Z') } });
    await prisma.outboundEmail.update({ where: { id: second.id }, data: { createdAt: new Date('2026-01-02T10:00:00Z'), status: 'failed' } });
    await prisma.outboundEmail.update({ where: { id: third.id }, data: { createdAt: new Date('2026-01-03T10:00:00Z') } });

    const pageOne = await listOutbox({ take: 2 });
    expect(pageOne.rows.map((row) => row.id)).toEqual([third.id, second.id]);
    expect(pageOne.rows.map((row) => row.to)).toEqual(['j***@example.net', 's***@example.org']);
    expect(pageOne.nextCursor).toBe(second.id);

    const pageTwo = await listOutbox({ take: 2, cursor: pageOne.nextCursor ?? undefined });
    expect(pageTwo.rows.map((row) => row.to)).toEqual(['a***@example.com']);
    expect(pageTwo.nextCursor).toBeNull();

    expect((await listOutbox({ status: 'failed', take: 10 })).rows.map((row) => row.id)).toEqual([second.id]);
    expect(await getOutboxCounts()).toEqual({ pending: 2, sending: 0, sent: 0, failed: 1 });
  });
});
