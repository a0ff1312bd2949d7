import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { Prisma, PrismaClient } from '~/generated/prisma/client';
import { env } from '~/lib/env.server';
import { serialisedSqlite } from '~/lib/serialised-sqlite.server';

export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const BUSY_TIMEOUT_MS = 5000;

/**
 * A client on its own SQLite connection. The app shares one (`prisma`), on which other queries wait while a
 * transaction is open; work that holds a transaction for seconds (the historical import) opens its own, so requests
 * are not kept waiting, and SQLite's file locks keep separate connections apart.
 */
export function createPrismaClient({ url = env.DATABASE_URL, busyTimeoutMs = BUSY_TIMEOUT_MS } = {}) {
  const adapter = serialisedSqlite(new PrismaBetterSqlite3({ url, timeout: busyTimeoutMs }));
  // Transactions queue behind each other on the shared connection: wait up to the busy timeout for a turn.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: BUSY_TIMEOUT_MS, timeout: 10_000 } });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// One client per process, kept across dev reloads.
export const prisma = globalForPrisma.prisma ?? createPrismaClient();
globalForPrisma.prisma = prisma;

let pragmasApplied: Promise<void> | undefined;
/**
 * WAL lets readers run while the outbox or a request writes; called once at start-up. Then `PRAGMA optimize`, as
 * SQLite advises for a long-lived connection: it gathers statistics for tables that have none or have grown, so
 * the planner picks the index that narrows most (the list's overdue filter, the board's stages) rather than guessing.
 * 0x10002 checks every table, not only those this fresh connection has queried; SQLite bounds the work itself.
 */
export function applyConnectionPragmas() {
  pragmasApplied ??= (async () => {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await optimizeQueryPlanner();
  })();
  return pragmasApplied;
}

/** Refreshes the planner's statistics where they are missing or stale: at start-up and after a bulk import. */
export async function optimizeQueryPlanner() {
  await prisma.$queryRawUnsafe('PRAGMA optimize = 0x10002');
}

/**
 * A unique index refused the write: Prisma's P2002 from a model query, or from raw SQL (the bulk inserts) its P2010
 * with the driver's UniqueConstraintViolation inside.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  const cause: unknown = (error.meta?.driverAdapterError as { cause?: unknown } | undefined)?.cause;
  return error.code === 'P2010' && typeof cause === 'object' && cause !== null && 'kind' in cause && cause.kind === 'UniqueConstraintViolation';
}
