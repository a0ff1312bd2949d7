import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';

// patches/@prisma+adapter-better-sqlite3+7.10.0.patch (decision 016) keeps prepared statements and passes each call
// its own arguments. The whole suite runs through it; these check the patch is applied and that a reused statement
// never answers with another call's arguments, including calls made at the same time.

const require = createRequire(import.meta.url);

describe('the SQLite adapter’s prepared statements', () => {
  it('are kept by the patched adapter the app loads', () => {
    const adapterFile = require.resolve('@prisma/adapter-better-sqlite3').replace(/index\.js$/, 'index.mjs');
    expect(readFileSync(adapterFile, 'utf8')).toContain('function preparedStatement(client, sql)');
  });

  it('answer each call with its own arguments, one after another and all at once', async () => {
    const councils = await prisma.council.findMany({ select: { id: true, name: true } });
    expect(councils.length).toBeGreaterThan(1);
    const byId = (id: string) => prisma.council.findUnique({ where: { id }, select: { id: true, name: true } });

    for (const council of councils) expect(await byId(council.id)).toEqual(council);
    expect(await Promise.all(councils.map((council) => byId(council.id)))).toEqual(councils);
    expect(await byId('no-such-council')).toBeNull();
  });

  it('still run a write and its read back with fresh arguments', async () => {
    for (const name of ['First name', 'Second name']) {
      await prisma.council.upsert({ where: { id: 'statement-cache' }, create: { id: 'statement-cache', name, onsCode: 'E00000098' }, update: { name } });
      expect((await prisma.council.findUniqueOrThrow({ where: { id: 'statement-cache' } })).name).toBe(name);
    }
  });
});
