import { describe, expect, it } from 'vitest';
import { insertRow, insertRows, newRowId, readInstantFormat } from '~/lib/bulk-insert.server';
import { isUniqueViolation, prisma } from '~/lib/db.server';
import { createHousehold } from '../../support/factories';

// Rows inserted through one JSON parameter must read back exactly as rows Prisma wrote, and a clash on a unique
// index must be recognised whichever way the row was written, so the enquiry form's retries still work.

const CREATED = new Date('2026-11-23T09:15:30.123Z');

function email(idempotencyKey: string) {
  return {
    id: newRowId(),
    template: 'enquiry-received',
    to: 'someone@example.test',
    propsJson: '{"firstName":"Amara"}',
    idempotencyKey,
    householdId: null,
    nextAttemptAt: CREATED,
    createdAt: CREATED,
  };
}

describe('bulk inserts', () => {
  it('store dates, nulls, booleans and defaults as Prisma reads them', async () => {
    const row = email('bulk-insert/reads-back');
    await prisma.$transaction(async (tx) => insertRows(tx, 'OutboundEmail', [row], await readInstantFormat(tx)));
    const household = await createHousehold();
    const note = { id: newRowId(), householdId: household.id, body: 'Written in bulk', restricted: true, peerSupport: false, authorId: null, createdAt: CREATED };
    await prisma.$transaction(async (tx) => insertRows(tx, 'Note', [note], await readInstantFormat(tx)));

    const stored = await prisma.outboundEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ ...row, status: 'pending', attempts: 0, lockedUntil: null });
    expect(stored.createdAt.toISOString()).toBe(CREATED.toISOString());
    expect(await prisma.outboundEmail.count({ where: { nextAttemptAt: { lte: CREATED } } })).toBeGreaterThanOrEqual(1);
    expect(await prisma.note.findUniqueOrThrow({ where: { id: note.id } })).toEqual(note);
  });

  it('write a single row with insertRow, as the pipeline writer does for its contact attempt', async () => {
    const household = await createHousehold();
    const attempt = { id: newRowId(), householdId: household.id, occurredAt: CREATED, channel: 'phone', outcome: 'noAnswer', summary: null, byId: null, createdAt: CREATED };
    await prisma.$transaction((tx) => insertRow(tx, 'ContactAttempt', attempt));

    expect(await prisma.contactAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toEqual(attempt);
  });

  it('report a clash on a unique index as one, as a model create does', async () => {
    const key = 'bulk-insert/clash';
    await prisma.$transaction(async (tx) => insertRows(tx, 'OutboundEmail', [email(key)], await readInstantFormat(tx)));

    const raw = await prisma
      .$transaction(async (tx) => insertRows(tx, 'OutboundEmail', [email(key)], await readInstantFormat(tx)))
      .catch((error: unknown) => error);
    const model = await prisma.outboundEmail.create({ data: email(key) }).catch((error: unknown) => error);
    const other = await prisma.$executeRawUnsafe('INSERT INTO "NoSuchTable" ("id") VALUES (1)').catch((error: unknown) => error);

    expect(isUniqueViolation(raw)).toBe(true);
    expect(isUniqueViolation(model)).toBe(true);
    expect(isUniqueViolation(other)).toBe(false);
    expect(await prisma.outboundEmail.count({ where: { idempotencyKey: key } })).toBe(1);
  });
});
