import { prisma } from '~/lib/db.server';
import { cohortConversion, resignations, type CohortConversion, type Resignations } from '~/modules/reporting/definitions.server';
import { CLI_USAGE, formatCsv, parseReportArguments, type CliRequest } from '~/modules/reporting/report-cli';
import type { ReportFilter } from '~/modules/reporting/report-filter';

// The CLI's reports, counted by the same definitions as the dashboard (definitions.server.ts): one call per council
// row and one for `all`, each exactly the figure the dashboard shows for that council or for all four.

const CONVERSION_COLUMNS = [
  'enquiries',
  'applications',
  'approvals',
  'enquiry_to_application_pct',
  'application_to_approval_pct',
  'enquiry_to_approval_pct',
] as const satisfies readonly (keyof CohortConversion)[];

const RESIGNATIONS_COLUMNS = [
  'households_at_start',
  'approvals',
  'resignations',
  'other_endings',
  'deregistrations',
  'resignation_rate_pct',
  'deregistration_rate_pct',
  'net_change',
] as const satisfies readonly (keyof Resignations)[];

export type CliOutcome = { exitCode: number; stdout: string; stderr: string };

/** Exit codes: 0 the CSV is on stdout; 2 the command was used wrongly (nothing on stdout). */
export async function runReportCli(argv: readonly string[], today: string): Promise<CliOutcome> {
  const parsed = parseReportArguments(argv, today);
  if (!parsed.ok) return { exitCode: 2, stdout: '', stderr: `${parsed.message}\n` };
  const { request } = parsed;

  const councils = await prisma.council.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const councilIds = councils.map((council) => council.id);
  if (request.councilId !== null && !councilIds.includes(request.councilId)) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `There is no council “${request.councilId}”: choose one of ${councilIds.join(', ')}.\n${CLI_USAGE}\n`,
    };
  }
  const rowCouncils = request.councilId === null ? councilIds : [request.councilId];
  return { exitCode: 0, stdout: await reportCsv(request, rowCouncils), stderr: '' };
}

async function reportCsv(request: CliRequest, rowCouncils: readonly string[]): Promise<string> {
  const filterFor = (councilId: string | null): ReportFilter => ({
    from: request.from,
    to: request.to,
    asAt: request.asAt,
    route: request.route,
    councilId,
  });
  const rowIds = [...rowCouncils, null];
  // One after another: SQLite has one connection here, so running them together would not finish sooner.
  if (request.report === 'conversion') {
    const rows = [];
    for (const councilId of rowIds) rows.push({ council: councilId ?? 'all', figures: await cohortConversion(filterFor(councilId)) });
    return formatCsv(CONVERSION_COLUMNS, rows, ['enquiry_to_application_pct', 'application_to_approval_pct', 'enquiry_to_approval_pct']);
  }
  const rows = [];
  for (const councilId of rowIds) rows.push({ council: councilId ?? 'all', figures: await resignations(filterFor(councilId)) });
  return formatCsv(RESIGNATIONS_COLUMNS, rows, ['resignation_rate_pct', 'deregistration_rate_pct']);
}
