// `npm run db:seed [-- --force] [-- --as-of=YYYY-MM-DD]`: the deterministic demo data (prisma/seed/index.ts) for the
// database DATABASE_URL names. It seeds only an empty database unless --force is given, which replaces every row.
import { prisma } from '~/lib/db.server';
import { seedDemoData } from './seed/index';

function readOptions(argv: readonly string[]) {
  const asOfArgument = argv.find((argument) => argument.startsWith('--as-of'));
  const asOfIndex = argv.indexOf('--as-of');
  const asOf = asOfArgument?.includes('=') ? asOfArgument.split('=')[1] : asOfIndex >= 0 ? argv[asOfIndex + 1] : undefined;
  return { force: argv.includes('--force'), asOf };
}

async function main() {
  const summary = await seedDemoData(prisma, readOptions(process.argv.slice(2)));
  if (!summary.seeded) {
    console.log(summary.reason);
    return;
  }
  const width = Math.max(...Object.keys(summary.counts).map((table) => table.length));
  console.log(`Seeded the demo as at ${summary.asOf} in ${(summary.milliseconds / 1000).toFixed(1)} s:`);
  for (const [table, count] of Object.entries(summary.counts)) {
    console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-GB')}`);
  }
}

main()
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message.trim() : String(error);
    const hint = /does not exist in the current database/.test(message) ? '\nRun `npm run db:migrate` first.' : '';
    console.error(`Seeding failed: ${message}${hint}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
