import { describe, expect, test } from 'vitest';
import { prisma } from '~/lib/db.server';

// The app shares one SQLite connection. While one request holds a transaction open across awaits, another request's
// query must not run inside it: it would read half-written rows, and a rollback would silently undo its write.

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the shared connection', () => {
  test('a write made while another transaction is open survives that transaction rolling back', async () => {
    const transactionHasWritten = deferred();
    const carryOn = deferred();

    const rolledBack = prisma
      .$transaction(async (tx) => {
        await tx.council.create({ data: { id: 'rolled-back', name: 'Rolled back', onsCode: 'E00000001' } });
        transactionHasWritten.resolve();
        await carryOn.promise;
        throw new Error('this transaction gives up');
      })
      .catch((error: Error) => error.message);

    await transactionHasWritten.promise;
    // Prisma queries are lazy: `then` sends this one now, while the transaction is still open.
    const independentWrite = prisma.council
      .create({ data: { id: 'independent', name: 'Independent', onsCode: 'E00000002' } })
      .then((council) => council.id);
    carryOn.resolve();

    expect(await rolledBack).toBe('this transaction gives up');
    expect(await independentWrite).toBe('independent');
    const ids = (await prisma.council.findMany({ where: { id: { in: ['rolled-back', 'independent'] } } })).map((c) => c.id);
    expect(ids).toEqual(['independent']);
  });

  test('a read made while another transaction is open never sees rows that transaction then rolls back', async () => {
    const transactionHasWritten = deferred();
    const carryOn = deferred();

    const rolledBack = prisma
      .$transaction(async (tx) => {
        await tx.council.create({ data: { id: 'half-written', name: 'Half written', onsCode: 'E00000003' } });
        transactionHasWritten.resolve();
        await carryOn.promise;
        throw new Error('this transaction gives up');
      })
      .catch((error: Error) => error.message);

    await transactionHasWritten.promise;
    const readDuringTransaction = prisma.council.findUnique({ where: { id: 'half-written' } }).then((council) => council);
    // Give the read every chance to run before the transaction ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    carryOn.resolve();

    expect(await rolledBack).toBe('this transaction gives up');
    expect(await readDuringTransaction).toBeNull();
  });
});
