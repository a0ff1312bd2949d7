import { afterEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { startWalCheckpointer, stopWalCheckpointer, type CheckpointResult } from '~/lib/wal-checkpointer.server';

// While the server runs, a worker thread checkpoints the write-ahead log and the app's own connection does not,
// so no request's commit waits for that copy (decision 017).

const autocheckpointPages = async () => {
  const [row] = await prisma.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>('PRAGMA wal_autocheckpoint');
  return Number(row.wal_autocheckpoint);
};

afterEach(stopWalCheckpointer);

describe('the write-ahead log checkpointer', () => {
  it('checkpoints what the app writes from its own thread, while the app’s connection does not', async () => {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    const results: CheckpointResult[] = [];
    await startWalCheckpointer({ intervalMs: 50, onCheckpoint: (result) => results.push(result) });
    expect(await autocheckpointPages()).toBe(0);

    for (let index = 0; index < 20; index += 1) {
      await prisma.council.upsert({
        where: { id: 'checkpointed' },
        create: { id: 'checkpointed', name: `Write ${index}`, onsCode: 'E00000097' },
        update: { name: `Write ${index}` },
      });
    }
    const start = Date.now();
    while (!results.some((result) => result.log > 0 && result.checkpointed === result.log) && Date.now() - start < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(results.some((result) => result.log > 0 && result.checkpointed === result.log)).toBe(true);
    expect((await prisma.council.findUniqueOrThrow({ where: { id: 'checkpointed' } })).name).toBe('Write 19');
  });

  it('hands checkpointing back to the app’s connection when it stops', async () => {
    await startWalCheckpointer({ intervalMs: 50 });
    expect(await autocheckpointPages()).toBe(0);

    await stopWalCheckpointer();

    expect(await autocheckpointPages()).toBe(1000);
  });
});
