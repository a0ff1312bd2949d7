import { parseIsoDate } from '~/modules/reporting/period';
import { isReportRoute, REPORT_ROUTES, type ReportRoute } from '~/modules/reporting/report-filter';

// `npm run report -- <report> --from … --to …` (issue 6): reading the command line and writing the CSV. Pure, so
// every refusal is unit-tested; report-cli.server.ts checks the council against the database and counts.

export const CLI_REPORTS = ['conversion', 'resignations'] as const;
export type CliReport = (typeof CLI_REPORTS)[number];

export const CLI_USAGE = [
  'Usage:',
  '  npm run --silent report -- conversion --from YYYY-MM-DD --to YYYY-MM-DD [--as-at YYYY-MM-DD] [--council ID] [--route mainstream|kinship]',
  '  npm run --silent report -- resignations --from YYYY-MM-DD --to YYYY-MM-DD [--council ID] [--route mainstream|kinship]',
].join('\n');

export type CliRequest = {
  report: CliReport;
  from: string;
  to: string;
  /** Cohort conversion counts stages reached on or before this date; today when not given. */
  asAt: string;
  /** Only this council's row (then `all`); null for a row per council. Checked against the councils by the caller. */
  councilId: string | null;
  route: ReportRoute | null;
};

export type ParsedCliArguments = { ok: true; request: CliRequest } | { ok: false; message: string };

const OPTIONS_BY_REPORT: Record<CliReport, readonly string[]> = {
  conversion: ['from', 'to', 'as-at', 'council', 'route'],
  // The resignations report counts the stock at the start and the flows in the period; an as-at date means nothing to it.
  resignations: ['from', 'to', 'council', 'route'],
};

/** The arguments after `npm run report --`. `today` (London) is the default as-at date. */
export function parseReportArguments(argv: readonly string[], today: string): ParsedCliArguments {
  const refuse = (message: string): ParsedCliArguments => ({ ok: false, message: `${message}\n${CLI_USAGE}` });
  const [report, ...rest] = argv;
  if (report === undefined || report.startsWith('--')) return refuse('Name the report: conversion or resignations.');
  if (!isCliReport(report)) return refuse(`There is no report called “${report}”: choose conversion or resignations.`);

  const options = new Map<string, string>();
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index];
    if (!argument.startsWith('--')) return refuse(`Unexpected argument “${argument}”.`);
    const equals = argument.indexOf('=');
    const name = argument.slice(2, equals === -1 ? undefined : equals);
    if (!OPTIONS_BY_REPORT[report].includes(name)) return refuse(`The ${report} report has no option --${name}.`);
    if (options.has(name)) return refuse(`--${name} is given more than once.`);
    let value: string | undefined;
    if (equals !== -1) value = argument.slice(equals + 1);
    else if (rest[index + 1] !== undefined && !rest[index + 1].startsWith('--')) value = rest[(index += 1)];
    if (value === undefined || value === '') return refuse(`--${name} needs a value.`);
    options.set(name, value);
  }

  const dates: Record<'from' | 'to' | 'as-at', string | null> = { from: null, to: null, 'as-at': null };
  for (const name of ['from', 'to', 'as-at'] as const) {
    const text = options.get(name);
    if (text === undefined) {
      if (name !== 'as-at') return refuse(`--${name} is missing: give the ${name === 'from' ? 'first' : 'last'} day of the period.`);
      continue;
    }
    const date = parseIsoDate(text);
    if (date === null) return refuse(`--${name} ${text} is not a real date written YYYY-MM-DD, like 2025-04-01.`);
    dates[name] = date;
  }
  const from = dates.from as string;
  const to = dates.to as string;
  if (to < from) return refuse(`The period ends (${to}) before it starts (${from}).`);

  const route = options.get('route') ?? null;
  if (route !== null && !isReportRoute(route)) return refuse(`There is no route “${route}”: choose ${REPORT_ROUTES.join(' or ')}.`);

  return {
    ok: true,
    request: { report, from, to, asAt: dates['as-at'] ?? today, councilId: options.get('council') ?? null, route },
  };
}

function isCliReport(value: string): value is CliReport {
  return (CLI_REPORTS as readonly string[]).includes(value);
}

/** A CSV document: the header, then one line per row; a percentage with one decimal, empty when there is none. */
export function formatCsv<Column extends string>(
  columns: readonly Column[],
  rows: readonly { council: string; figures: Record<Column, number | null> }[],
  percentageColumns: readonly Column[],
): string {
  const lines = [['council', ...columns].join(',')];
  for (const row of rows) {
    const cells = columns.map((column) => {
      const value = row.figures[column];
      if (value === null) return '';
      return percentageColumns.includes(column) ? value.toFixed(1) : String(value);
    });
    lines.push([csvField(row.council), ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
