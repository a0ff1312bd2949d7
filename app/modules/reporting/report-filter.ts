// The filter every report definition takes (issue 6, "Definitions"). Pure, so forms and the CLI can build one.

export const REPORT_ROUTES = ['mainstream', 'kinship'] as const;
export type ReportRoute = (typeof REPORT_ROUTES)[number];

export function isReportRoute(value: string): value is ReportRoute {
  return (REPORT_ROUTES as readonly string[]).includes(value);
}

export type ReportFilter = {
  /** Inclusive London calendar dates, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** One council's id, or null for all four together. */
  councilId: string | null;
  /** null: every route counts, mainstream and kinship together. */
  route: ReportRoute | null;
  /** Cohort conversion counts stages reached on or before this date. */
  asAt: string;
};
