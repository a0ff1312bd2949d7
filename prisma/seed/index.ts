import type { PrismaClient } from '~/generated/prisma/client';
import { todayInLondon } from '~/lib/uk';
import { hashPassword } from '~/modules/auth/passwords.server';
import { loadHolidaySet, recomputeDeadlines } from '~/modules/jobs/daily.server';
import { writeDemoData } from './database';
import { buildDemoData, type DemoData } from './demo-data';
import { DEMO_PASSWORD } from './demo-logins';

// The deterministic demo seed (`npm run db:seed`). asOf defaults to today in London, so the demo always covers the
// last three years; the same asOf always writes the same rows.

export type SeedOptions = {
  /** The day the demo is "as at" (YYYY-MM-DD). Defaults to today in Europe/London. */
  asOf?: string;
  /** Delete every row first. Without it, a database that already has councils is left alone. */
  force?: boolean;
};

export type SeedSummary =
  | { seeded: false; reason: string }
  | { seeded: true; asOf: string; counts: Record<string, number>; milliseconds: number };

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertCalendarDate(asOf: string) {
  const parsed = new Date(`${asOf}T00:00:00Z`);
  if (!CALENDAR_DATE.test(asOf) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== asOf) {
    throw new Error(`asOf must be a real date in YYYY-MM-DD form, not "${asOf}"`);
  }
}

function countsOf(data: DemoData): Record<string, number> {
  return Object.fromEntries(
    Object.entries(data).flatMap(([table, rows]) => (Array.isArray(rows) ? [[table, rows.length]] : [])),
  );
}

export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const asOf = options.asOf ?? todayInLondon();
  assertCalendarDate(asOf);
  const force = options.force ?? false;
  if (!force && (await prisma.council.count()) > 0) {
    return { seeded: false, reason: 'The database already has councils, so the demo seed was skipped. Use --force to replace everything.' };
  }
  // Argon2id is deliberately slow: hash the shared demo password once for every staff login.
  const data = buildDemoData(asOf, await hashPassword(DEMO_PASSWORD));
  await writeDemoData(prisma, data, { deleteFirst: force });
  // Due dates come from the same rules the pipeline writer uses, so the demo's overdue lists are honest.
  await recomputeDeadlines(prisma, { holidays: await loadHolidaySet(prisma) });
  return { seeded: true, asOf, counts: countsOf(data), milliseconds: Math.round(performance.now() - started) };
}
