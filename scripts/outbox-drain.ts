// `npm run outbox:drain`: sends everything due now, then exits. Safe beside the server's own dispatcher, because
// rows are claimed with a lease. Exits non-zero if draining itself fails (emails that fail are recorded, not thrown).
import { prisma } from '~/lib/db.server';
import { drainOutboxOnce, type DrainResult } from '~/modules/email/dispatcher.server';

async function drainUntilNothingIsDue(): Promise<DrainResult> {
  const total: DrainResult = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const pass = await drainOutboxOnce();
    if (pass.sent + pass.retried + pass.failed === 0) return total;
    total.sent += pass.sent;
    total.retried += pass.retried;
    total.failed += pass.failed;
  }
}

try {
  const total = await drainUntilNothingIsDue();
  console.log(`Outbox drained: ${total.sent} sent, ${total.retried} to retry later, ${total.failed} failed.`);
} catch (error) {
  console.error(`Outbox drain stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
