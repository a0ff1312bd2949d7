// `npm run jobs:daily [YYYY-MM-DD]`: runs the daily job once for today in London (or the given day), then exits.
// Safe beside the server's own scheduler: every step is idempotent, so a second run that day sends nothing new.
import { prisma } from '~/lib/db.server';
import { todayInLondon } from '~/lib/uk';
import { runDailyJobs } from '~/modules/jobs/daily.server';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

try {
  const requested = process.argv[2];
  if (requested !== undefined && !CALENDAR_DATE.test(requested)) throw new Error(`Give the day as YYYY-MM-DD, not ${requested}`);
  const today = requested ?? todayInLondon();
  const result = await runDailyJobs({ today });
  console.log(
    `Daily job for ${today}: ${result.deadlinesUpdated} of ${result.deadlinesChecked} due dates updated, ` +
      `${result.remindersQueued} reference reminders and ${result.digestsQueued} digests queued.`,
  );
} catch (error) {
  console.error(`The daily job stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
