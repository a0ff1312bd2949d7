import { prisma } from '~/lib/db.server';
import { logError } from '~/lib/log.server';

/** Runs `SELECT 1` so the health check proves the database answers, not just that the process is up. */
export async function checkDatabase(): Promise<'ok' | 'unavailable'> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return 'ok';
  } catch (error) {
    logError('health.database_unavailable', error);
    return 'unavailable';
  }
}
