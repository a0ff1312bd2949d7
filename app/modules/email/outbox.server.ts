import { z } from 'zod';
import { insertRows, newRowId, readInstantFormat } from '~/lib/bulk-insert.server';
import { prisma, type Tx } from '~/lib/db.server';
import { Conflict, Forbidden, NotFound } from '~/lib/errors';
import { recordAudit } from '~/modules/audit/audit.server';
import type { Viewer } from '~/modules/auth/viewer';
import { InvalidEmailProps, validateEmailProps, type EmailProps, type EmailTemplate } from '~/modules/email/templates';

// The outbox (STYLE.md §6): modules never send email. They queue it inside their own transaction, so an email
// exists exactly when the change that caused it committed; the dispatcher sends it later, outside any transaction.

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export function isOutboxStatus(value: string): value is OutboxStatus {
  return (OUTBOX_STATUSES as readonly string[]).includes(value);
}

const recipientSchema = z.email();

type QueueEmailInput<T extends EmailTemplate> = {
  template: T;
  to: string;
  props: EmailProps<T>;
  /** Deterministic per cause, like `invitation-to-apply/<transitionId>`, so a repeated command queues nothing new. */
  idempotencyKey: string;
  householdId?: string;
};

const queuedEmailSelect = { id: true, template: true, status: true, idempotencyKey: true, createdAt: true } as const;

/**
 * Validates synchronously with the caller's transaction still open, so bad props throw and roll the whole domain
 * change back. A key already in the outbox returns the existing row: queueing is idempotent.
 */
export async function queueEmail<T extends EmailTemplate>(tx: Tx, input: QueueEmailInput<T>) {
  const props = validateEmailProps(input.template, input.props);
  if (!recipientSchema.safeParse(input.to).success) throw new InvalidEmailProps(['to: not an email address']);

  const existing = await tx.outboundEmail.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: queuedEmailSelect,
  });
  if (existing) return existing;
  return tx.outboundEmail.create({
    data: {
      template: input.template,
      to: input.to,
      propsJson: JSON.stringify(props),
      idempotencyKey: input.idempotencyKey,
      householdId: input.householdId ?? null,
    },
    select: queuedEmailSelect,
  });
}

/** Any template with its own props: what `queueEmails` takes. */
export type AnyQueueEmailInput = { [T in EmailTemplate]: QueueEmailInput<T> }[EmailTemplate];

/**
 * Several emails at once, each as `queueEmail` queues it (props validated, a key already in the outbox skipped), with
 * one lookup for them all: for work that writes many records in one transaction.
 */
export async function queueEmails(tx: Tx, inputs: readonly AnyQueueEmailInput[], now = new Date()) {
  type Row = { id: string; template: string; to: string; propsJson: string; idempotencyKey: string; householdId: string | null; nextAttemptAt: Date; createdAt: Date };
  const rows = new Map<string, Row>();
  for (const input of inputs) {
    const props = validateEmailProps(input.template, input.props);
    if (!recipientSchema.safeParse(input.to).success) throw new InvalidEmailProps(['to: not an email address']);
    if (rows.has(input.idempotencyKey)) continue;
    rows.set(input.idempotencyKey, {
      id: newRowId(),
      template: input.template,
      to: input.to,
      propsJson: JSON.stringify(props),
      idempotencyKey: input.idempotencyKey,
      householdId: input.householdId ?? null,
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  if (rows.size === 0) return;
  const existing = await tx.outboundEmail.findMany({ where: { idempotencyKey: { in: [...rows.keys()] } }, select: { idempotencyKey: true } });
  for (const { idempotencyKey } of existing) rows.delete(idempotencyKey);
  await insertRows(tx, 'OutboundEmail', [...rows.values()], await readInstantFormat(tx));
}

/** `jo.bloggs@example.com` → `j***@example.com`: enough to tell rows apart without showing the address. */
function maskEmailAddress(address: string) {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

const MAX_PAGE_SIZE = 100;

export async function listOutbox({ status, cursor, take = 50 }: { status?: OutboxStatus; cursor?: string; take?: number }) {
  const pageSize = Math.min(Math.max(Math.trunc(take), 1), MAX_PAGE_SIZE);
  const rows = await prisma.outboundEmail.findMany({
    where: status ? { status } : {},
    select: {
      id: true,
      createdAt: true,
      template: true,
      to: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: pageSize + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, pageSize).map((row) => ({ ...row, to: maskEmailAddress(row.to) }));
  return { rows: page, nextCursor: rows.length > pageSize ? page[page.length - 1].id : null };
}

export async function getOutboxCounts(): Promise<Record<OutboxStatus, number>> {
  const groups = await prisma.outboundEmail.groupBy({ by: ['status'], _count: { _all: true } });
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const group of groups) {
    if (isOutboxStatus(group.status)) counts[group.status] = group._count._all;
  }
  return counts;
}

/** An administrator sends a failed email again: back to pending with a fresh set of attempts, and audited. */
export async function retryEmail(viewer: Viewer, id: string, now = new Date()) {
  if (viewer.role !== 'administrator') throw new Forbidden('Only an administrator can retry an email.');
  return prisma.$transaction(async (tx) => {
    const email = await tx.outboundEmail.findUnique({ where: { id }, select: { id: true, status: true, attempts: true } });
    if (!email) throw new NotFound('There is no such email in the outbox.');
    const { count } = await tx.outboundEmail.updateMany({
      where: { id, status: 'failed' },
      data: { status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null },
    });
    if (count === 0) throw new Conflict('Only a failed email can be retried.');
    await recordAudit(tx, { userId: viewer.userId, role: viewer.role }, {
      action: 'email.retry',
      entity: 'OutboundEmail',
      entityId: id,
      before: { status: email.status, attempts: email.attempts },
      after: { status: 'pending', attempts: 0 },
    });
    return { id };
  });
}
