// `npm run --silent report -- conversion|resignations --from YYYY-MM-DD --to YYYY-MM-DD …`: the managers' reports as
// CSV on stdout, from the database DATABASE_URL names (issue 6; usage in README.md). Nothing but the CSV goes to
// stdout; messages go to stderr. Exit codes: 0 the CSV was printed, 1 the report failed, 2 the command was used wrongly.
import { prisma } from '~/lib/db.server';
import { todayInLondon } from '~/lib/uk';
import { runReportCli } from '~/modules/reporting/report-cli.server';

try {
  const outcome = await runReportCli(process.argv.slice(2), todayInLondon());
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  console.error(`The report stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
