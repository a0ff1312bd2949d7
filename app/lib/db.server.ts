import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '~/generated/prisma/client';
import { env } from '~/lib/env.server';

export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

function createClient() {
  const adapter = new PrismaBetterSqlite3({ url: env.DATABASE_URL, timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// One client per process, kept across dev reloads.
export const prisma = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = prisma;

let pragmasApplied: Promise<void> | undefined;
/** WAL lets readers run while the outbox or a request writes; called once at start-up. */
export function applyConnectionPragmas() {
  pragmasApplied ??= (async () => {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  })();
  return pragmasApplied;
}
