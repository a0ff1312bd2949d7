import { parseDayMonthYear } from '~/lib/uk';
import { REPORT_ROUTES, type ReportFilter, type ReportRoute } from '~/modules/reporting/report-filter';

// The dashboard's GET form: from/to/as-at as day, month and year fields (GOV.UK date input), a council and a route.
// Pure, so the page, the CSV and the tests read a query string the same way.

export type ParsedDashboardFilter = {
  filter: ReportFilter;
  /** Field id → message, for the error summary; the default period is used while there are errors. */
  errors: Record<string, string>;
  /** What was typed, to show back in the form. */
  values: Record<string, string>;
};

/** The last financial year (1 April to 31 March) that has fully ended by `today`. */
export function lastFullFinancialYear(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  const endYear = month >= 4 ? year : year - 1;
  return { from: `${endYear - 1}-04-01`, to: `${endYear}-03-31` };
}

const DATE_FIELDS = { from: 'start date', to: 'end date', asAt: '“as at” date' } as const;
type DateField = keyof typeof DATE_FIELDS;

export function parseDashboardFilter(params: URLSearchParams, today: string, councilIds: readonly string[]): ParsedDashboardFilter {
  const fallback = lastFullFinancialYear(today);
  const values: Record<string, string> = {};
  for (const field of Object.keys(DATE_FIELDS)) {
    for (const part of ['day', 'month', 'year']) {
      const value = params.get(`${field}-${part}`);
      if (value !== null) values[`${field}-${part}`] = value;
    }
  }
  const errors: Record<string, string> = {};
  const dates: Record<DateField, string> = { ...fallback, asAt: today };
  for (const field of Object.keys(DATE_FIELDS) as DateField[]) {
    const parts = ['day', 'month', 'year'].map((part) => (values[`${field}-${part}`] ?? '').trim());
    if (parts.every((part) => part === '')) continue;
    const date = parseDayMonthYear(parts[0], parts[1], parts[2]);
    if (date) dates[field] = date;
    else errors[field] = `Enter a real ${DATE_FIELDS[field]}, like 1 4 2025`;
  }
  if (!errors.from && !errors.to && dates.from > dates.to) errors.to = 'The end date must be the same as or after the start date';

  const council = params.get('council') ?? '';
  if (council !== '') values.council = council;
  if (council !== '' && !councilIds.includes(council)) errors.council = 'Choose a council from the list';
  const route = params.get('route') ?? '';
  if (route !== '') values.route = route;
  if (route !== '' && !isReportRoute(route)) errors.route = 'Choose mainstream, kinship or both';

  if (Object.keys(errors).length > 0) {
    return { filter: { ...fallback, asAt: today, councilId: null, route: null }, errors, values };
  }
  return {
    filter: {
      from: dates.from,
      to: dates.to,
      asAt: dates.asAt,
      councilId: council === '' ? null : council,
      route: isReportRoute(route) ? route : null,
    },
    errors,
    values,
  };
}

function isReportRoute(value: string): value is ReportRoute {
  return (REPORT_ROUTES as readonly string[]).includes(value);
}
