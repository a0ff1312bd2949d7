import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '~/generated/prisma/client';
import { env } from '~/lib/env.server';

export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const BUSY_TIMEOUT_MS = 5000;

/**
 * A client on its own SQLite connection. The app shares one (`prisma`); work that holds a transaction for seconds
 * (the historical import) opens its own, because on the shared connection other requests' queries would run inside
 * that transaction, and SQLite's file locks keep separate connections apart.
 */
export function createPrismaClient({ url = env.DATABASE_URL, busyTimeoutMs = BUSY_TIMEOUT_MS } = {}) {
  const adapter = new PrismaBetterSqlite3({ url, timeout: busyTimeoutMs });
  // Transactions queue behind each other on the shared connection: wait up to the busy timeout for a turn.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: BUSY_TIMEOUT_MS, timeout: 10_000 } });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// One client per process, kept across dev reloads.
export const prisma = globalForPrisma.prisma ?? createPrismaClient();
globalForPrisma.prisma = prisma;

let pragmasApplied: Promise<void> | undefined;
/** WAL lets readers run while the outbox or a request writes; called once at start-up. */
export function applyConnectionPragmas() {
  pragmasApplied ??= (async () => {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  })();
  return pragmasApplied;
}
