import { prisma } from '~/lib/db.server';
import { Forbidden, ValidationFailed } from '~/lib/errors';
import { todayInLondon } from '~/lib/uk';
import { recordAudit } from '~/modules/audit/audit.server';
import { assertCan, can } from '~/modules/auth/access.server';
import { rememberFigures } from '~/modules/reporting/figures-cache.server';
import type { Viewer } from '~/modules/auth/viewer';
import { parseDashboardFilter, type ParsedDashboardFilter } from '~/modules/reporting/dashboard-filter';
import { activityInPeriod, cohortConversion, resignations, timeToApproval } from '~/modules/reporting/definitions.server';
import { suppressColumnWithTotal, suppressSmallNumber, type Figure } from '~/modules/reporting/figures';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import { findConversionTargets, ragStatus, type ApplicableTarget, type RagStatus } from '~/modules/reporting/targets.server';

// The managers' and regional board's dashboard (issue 6): the four definitions for one filter, each rate beside the
// target that applies to it, and small numbers suppressed for viewers who may not see exact figures (DOMAIN.md §6.8).

/** The Fostering Network's "national average resignation rate of 12%" (DOMAIN.md §6.5). */
export const FOSTERING_NETWORK_RESIGNATION_BENCHMARK_PERCENT = 12;

const SUPPRESSION_SYMBOL = 'x';

export type DashboardRate = {
  label: string;
  value: Figure | null;
  target: { label: string; valuePercent: number; note: string | null } | null;
  rag: RagStatus | null;
};

export type DashboardCount = { label: string; value: Figure };

export type ConversionDashboard = {
  filter: ReportFilter;
  councils: { id: string; name: string }[];
  /** True when the figures have been through small-number suppression. */
  suppressed: boolean;
  cohort: { counts: DashboardCount[]; rates: DashboardRate[] };
  activity: DashboardCount[];
  timeToApproval: { n: Figure; rows: { label: string; median: Figure | null; p90: Figure | null }[] };
  resignations: { counts: DashboardCount[]; rates: DashboardRate[]; benchmarkPercent: number };
};

/** Reads the dashboard's query string and applies who may see which council. */
export async function readDashboardFilter(viewer: Viewer, params: URLSearchParams, today = todayInLondon()) {
  assertCan(viewer, 'report.view');
  const councils = await listCouncils();
  const parsed = parseDashboardFilter(params, today, councils.map((council) => council.id));
  // Only viewers who see more than one council are offered the choice.
  const mayChooseCouncil = viewer.councilId === null;
  return { ...parsed, filter: scopeFilterToViewer(viewer, parsed.filter), councils, mayChooseCouncil };
}

/**
 * A council's fostering manager sees their own council's figures only; asking for another's is refused rather than
 * quietly answered with their own. Hub managers and the regional viewer see any council or all four.
 */
function scopeFilterToViewer(viewer: Viewer, filter: ReportFilter): ReportFilter {
  if (viewer.councilId === null) return filter;
  if (filter.councilId !== null && filter.councilId !== viewer.councilId) {
    throw new Forbidden('You can only see your own council’s figures');
  }
  return { ...filter, councilId: viewer.councilId };
}

export async function getConversionDashboard(
  viewer: Viewer,
  { filter, councils }: Pick<ParsedDashboardFilter, 'filter'> & { councils: { id: string; name: string }[] },
): Promise<ConversionDashboard> {
  assertCan(viewer, 'report.view');
  const suppressed = !can(viewer, 'report.viewUnsuppressed');
  const [cohort, activity, time, retention, targets] = await rememberFigures('conversion', filter, () =>
    Promise.all([
      cohortConversion(filter),
      activityInPeriod(filter),
      timeToApproval(filter),
      resignations(filter),
      findConversionTargets(filter),
    ]),
  );
  const count = (n: number): Figure => (suppressed ? suppressSmallNumber(n, { symbol: SUPPRESSION_SYMBOL }) : n);
  const isHidden = (n: number) => count(n) !== n;
  // DOMAIN.md §6.8: a rate is hidden whenever its numerator or denominator is.
  const rate = (numerator: number, denominator: number, value: number | null): Figure | null =>
    isHidden(numerator) || isHidden(denominator) ? SUPPRESSION_SYMBOL : value;
  const withTarget = (label: string, value: Figure | null, target: ApplicableTarget | null): DashboardRate => ({
    label,
    value,
    target: target && { label: target.label, valuePercent: target.valuePercent, note: target.note },
    rag: typeof value === 'number' ? ragStatus(value, target?.valuePercent ?? null) : null,
  });

  // Deregistrations are the total of resignations and other endings, so hiding one of those alone would let it be
  // worked out: secondary suppression hides the other too (DOMAIN.md §6.8).
  const endings = suppressed
    ? suppressColumnWithTotal([retention.resignations, retention.other_endings], { symbol: SUPPRESSION_SYMBOL })
    : { cells: [retention.resignations, retention.other_endings], total: retention.deregistrations, hidden: [false, false] };
  const deregistrationsHidden = endings.total !== retention.deregistrations;
  // The net change would give back a hidden approvals or deregistrations count.
  const netChange: Figure =
    isHidden(retention.approvals) || deregistrationsHidden ? SUPPRESSION_SYMBOL : retention.net_change;
  // A median or percentile of ten or fewer approvals describes identifiable households: hidden with the count.
  const timeFigure = (value: number | null): Figure | null => (isHidden(time.n) ? SUPPRESSION_SYMBOL : value);

  return {
    filter,
    councils,
    suppressed,
    cohort: {
      counts: [
        { label: 'Enquiries in the period', value: count(cohort.enquiries) },
        { label: 'Of those, applications by the “as at” date', value: count(cohort.applications) },
        { label: 'Of those, approvals by the “as at” date', value: count(cohort.approvals) },
      ],
      rates: [
        withTarget('Enquiry to application', rate(cohort.applications, cohort.enquiries, cohort.enquiry_to_application_pct), targets.enquiryToApplication),
        withTarget('Application to approval', rate(cohort.approvals, cohort.applications, cohort.application_to_approval_pct), targets.applicationToApproval),
        withTarget('Enquiry to approval', rate(cohort.approvals, cohort.enquiries, cohort.enquiry_to_approval_pct), targets.enquiryToApproval),
      ],
    },
    activity: [
      { label: 'Enquiries', value: count(activity.enquiries) },
      { label: 'Applications', value: count(activity.applications) },
      { label: 'Approvals', value: count(activity.approvals) },
    ],
    timeToApproval: {
      n: count(time.n),
      rows: [
        { label: 'Application to approval', median: timeFigure(time.medianDaysApplicationToApproval), p90: timeFigure(time.p90DaysApplicationToApproval) },
        { label: 'Enquiry to approval', median: timeFigure(time.medianDaysEnquiryToApproval), p90: timeFigure(time.p90DaysEnquiryToApproval) },
      ],
    },
    resignations: {
      counts: [
        { label: 'Approved households at the start', value: count(retention.households_at_start) },
        { label: 'Approvals', value: count(retention.approvals) },
        { label: 'Resignations', value: endings.cells[0] },
        { label: 'Other endings', value: endings.cells[1] },
        { label: 'Deregistrations (both)', value: endings.total },
        { label: 'Net change (approvals minus deregistrations)', value: netChange },
      ],
      rates: [
        {
          label: 'Resignation rate',
          value: endings.hidden[0] || isHidden(retention.households_at_start) ? SUPPRESSION_SYMBOL : retention.resignation_rate_pct,
          target: null,
          rag: null,
        },
        {
          label: 'Deregistration rate',
          value: deregistrationsHidden || isHidden(retention.households_at_start) ? SUPPRESSION_SYMBOL : retention.deregistration_rate_pct,
          target: null,
          rag: null,
        },
      ],
      benchmarkPercent: FOSTERING_NETWORK_RESIGNATION_BENCHMARK_PERCENT,
    },
  };
}

/** The dashboard's tables as CSV, with an audit row written before any figure leaves. */
export async function exportConversionDashboardCsv(
  viewer: Viewer,
  loaded: Pick<ParsedDashboardFilter, 'filter' | 'errors'> & { councils: { id: string; name: string }[] },
  { requestId }: { requestId?: string } = {},
) {
  // The page falls back to the default period beside its error messages; a file has nowhere to show them, so a
  // bad filter is refused rather than answered with other figures.
  if (Object.keys(loaded.errors).length > 0) {
    throw new ValidationFailed(Object.values(loaded.errors).join('. '), loaded.errors);
  }
  const dashboard = await getConversionDashboard(viewer, loaded);
  const { filter } = dashboard;
  await recordAudit(prisma, { userId: viewer.userId, role: viewer.role }, {
    action: 'export.report',
    entity: 'Report',
    councilId: filter.councilId,
    summary: `Downloaded the conversion report for ${filter.from} to ${filter.to} as CSV`,
    after: { report: 'conversion', filter, suppressed: dashboard.suppressed },
    requestId,
  });
  const lines: (string | number | null)[][] = [['Table', 'Measure', 'Value', 'Target (%)', 'Against target', 'Target wording']];
  for (const row of dashboard.cohort.counts) lines.push(['Cohort conversion', row.label, row.value, null, null, null]);
  for (const row of dashboard.cohort.rates) {
    lines.push(['Cohort conversion', `${row.label} (%)`, row.value, row.target?.valuePercent ?? null, row.rag, row.target?.label ?? null]);
  }
  for (const row of dashboard.activity) lines.push(['Activity in the period', row.label, row.value, null, null, null]);
  lines.push(['Time to approval', 'Approvals in the period', dashboard.timeToApproval.n, null, null, null]);
  for (const row of dashboard.timeToApproval.rows) {
    lines.push(['Time to approval', `${row.label}, median days`, row.median, null, null, null]);
    lines.push(['Time to approval', `${row.label}, 90th percentile days`, row.p90, null, null, null]);
  }
  for (const row of dashboard.resignations.counts) lines.push(['Resignations', row.label, row.value, null, null, null]);
  for (const row of dashboard.resignations.rates) lines.push(['Resignations', `${row.label} (%)`, row.value, null, null, null]);
  lines.push(['Resignations', 'Fostering Network resignation benchmark (%)', dashboard.resignations.benchmarkPercent, null, null, null]);
  const scope = filter.councilId ?? 'all-councils';
  return {
    filename: `conversion-${scope}-${filter.from}-to-${filter.to}${dashboard.suppressed ? '-external' : ''}.csv`,
    body: lines.map(csvLine).join(''),
  };
}

async function listCouncils() {
  return prisma.council.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } });
}

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
