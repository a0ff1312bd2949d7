import type { BarChartData } from '~/components/charts/chart-data';
import { closureReasonLabel, ENQUIRY_CLOSURE_REASONS, KINSHIP_CLOSURE_REASONS, PERSONS_CHOICE_REASONS, SERVICE_DECISION_REASONS, TRANSFERRED_OUT_REASON } from '~/modules/codes/closure-reasons';
import { deregistrationGroupOf, deregistrationReasonLabel, isDeregistrationReasonCode } from '~/modules/codes/deregistration-reasons';
import { enquiryChannelLabel, enquirySourceLabel } from '~/modules/codes/enquiry';
import {
  countApprovalsByRoute,
  countClosureReasons,
  countCohortBySource,
  countDeregistrationReasons,
  countInitialVisits,
  type SourceConversion,
} from '~/modules/reporting/breakdowns.server';
import { FOSTERING_NETWORK_RESIGNATION_BENCHMARK_PERCENT } from '~/modules/reporting/conversion-dashboard.server';
import { activityInPeriod, cohortConversion, resignations, timeToApproval } from '~/modules/reporting/definitions.server';
import { percentage } from '~/modules/reporting/figures';
import { rememberFigures } from '~/modules/reporting/figures-cache.server';
import { addMonths } from '~/modules/reporting/months';
import { mockingbirdRetention, type MockingbirdRetention } from '~/modules/reporting/mockingbird-retention.server';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import { rag, SUPPRESSION_SYMBOL, text, type Cell, type CellMaker, type ReportTable } from '~/modules/reporting/report-table';
import { findConversionTargets, ragStatus, type ApplicableTarget } from '~/modules/reporting/targets.server';

// The managers' dashboard (issue 6, Screens): the funnel with conversion at each step against its target, time to
// approval, retention against the 12% benchmark, reasons, kinship share and enquiry sources, each as a table that the
// page, its CSV and the board pack share. The caller decides suppression (cellMaker), so exact small numbers for a
// wider audience never leave the server.

export const DASHBOARD_TABLE_IDS = [
  'funnel',
  'conversion',
  'time-to-approval',
  'retention',
  'closure-reasons',
  'deregistration-reasons',
  'kinship-share',
  'enquiry-sources',
  'enquiry-channels',
  'mockingbird',
] as const;

/** Every figure the dashboard's tables are built from, counted once per filter while the data is unchanged. */
function countDashboardFigures(filter: ReportFilter) {
  return rememberFigures('dashboard', filter, () =>
    Promise.all([
      cohortConversion(filter),
      activityInPeriod(filter),
      countInitialVisits(filter),
      timeToApproval(filter),
      resignations(filter),
      countClosureReasons(filter),
      countDeregistrationReasons(filter),
      countApprovalsByRoute(filter),
      countCohortBySource(filter, 'source'),
      countCohortBySource(filter, 'channel'),
      findConversionTargets(filter),
      mockingbirdRetention(filter),
    ]),
  );
}

export async function buildDashboardTables(filter: ReportFilter, cells: CellMaker): Promise<ReportTable[]> {
  const [cohort, activity, visits, time, retention, closures, endings, byRoute, sources, channels, targets, mockingbird] =
    await countDashboardFigures(filter);
  const { count, rate, derivedCount, derivedDays } = cells;

  const funnel: ReportTable = {
    id: 'funnel',
    title: 'Funnel: households at each stage',
    columns: [
      { label: 'Stage' },
      { label: 'Cohort: of those who enquired in the period, reached by the “as at” date', numeric: true },
      { label: 'Period: events dated in the period', numeric: true },
    ],
    rows: [
      { id: 'enquiries', cells: [text('Enquiries'), count(cohort.enquiries), count(activity.enquiries)] },
      { id: 'initial-visits', cells: [text('Initial visits'), count(visits.cohort), count(visits.period)] },
      { id: 'applications', cells: [text('Applications'), count(cohort.applications), count(activity.applications)] },
      { id: 'approvals', cells: [text('Approvals'), count(cohort.approvals), count(activity.approvals)] },
    ],
    notes: [
      'Cohort figures follow the households that enquired in the period; period figures count each event by its own date, so they mix households that enquired at different times (DOMAIN.md §6.2).',
      'A household that applied without a recorded initial visit counts as having passed the visit.',
    ],
  };

  const step = (
    id: string,
    label: string,
    [cohortNumerator, cohortDenominator]: readonly [number, number],
    [periodNumerator, periodDenominator]: readonly [number, number],
    target: ApplicableTarget | null,
    reading: string | null,
  ) => {
    const cohortRate = percentage(cohortNumerator, cohortDenominator);
    const cohortCell = rate(cohortNumerator, cohortDenominator, cohortRate);
    return {
      id,
      cells: [
        text(label),
        cohortCell,
        rate(periodNumerator, periodDenominator, percentage(periodNumerator, periodDenominator)),
        target ? { kind: 'percent' as const, value: target.valuePercent } : text('No target set'),
        rag(typeof cohortCell.value === 'number' && target ? ragStatus(cohortCell.value, target.valuePercent) : null),
        text(target ? `“${target.label}”${reading ? ` (${reading})` : ''}` : ''),
      ],
    };
  };
  const thirteen = targets.applicationToApproval;
  const conversion: ReportTable = {
    id: 'conversion',
    title: 'Conversion at each step against its target',
    columns: [
      { label: 'Step' },
      { label: 'Cohort rate (%)', numeric: true },
      { label: 'Period rate (%)', numeric: true },
      { label: 'Target (%)', numeric: true },
      { label: 'Cohort rate against target' },
      { label: 'Target wording' },
    ],
    rows: [
      step('enquiry-to-visit', 'Enquiry to initial visit', [visits.cohort, cohort.enquiries], [visits.period, activity.enquiries], null, null),
      step('visit-to-application', 'Initial visit to application', [cohort.applications, visits.cohort], [activity.applications, visits.period], null, null),
      step('enquiry-to-application', 'Enquiry to application', [cohort.applications, cohort.enquiries], [activity.applications, activity.enquiries], targets.enquiryToApplication, null),
      step(
        'application-to-approval',
        'Application to approval',
        [cohort.approvals, cohort.applications],
        [activity.approvals, activity.applications],
        thirteen,
        thirteen?.note ? `${thirteen.note}: read literally, as application to approval` : null,
      ),
      step(
        'enquiry-to-approval',
        'Enquiry to approval',
        [cohort.approvals, cohort.enquiries],
        [activity.approvals, activity.enquiries],
        targets.enquiryToApproval ?? thirteen,
        targets.enquiryToApproval
          ? null
          : thirteen
            ? 'meaning of target unconfirmed: the other reading, enquiry to approval; 25% × 13% would be only 3.25%'
            : null,
      ),
    ],
    notes: [
      ...provisionalNote(filter),
      'The 13% target’s wording names applications to approvals, but 13% is far below the national 51% for that step and about four times the national enquiry-to-approval rate. Until the hub confirms it, it is shown beside both steps (DOMAIN.md §6.3).',
      'Green: at or above target. Amber: up to 5 points below. Red: more than 5 points below. Colours are measured on the cohort rate.',
    ],
  };

  const timeTable: ReportTable = {
    id: 'time-to-approval',
    title: 'Time to approval, in days, for approvals in the period',
    columns: [{ label: 'From' }, { label: 'Approvals', numeric: true }, { label: 'Median days', numeric: true }, { label: '90th percentile days', numeric: true }],
    rows: [
      {
        id: 'application',
        cells: [
          text('Application to approval'),
          count(time.n),
          derivedDays(time.medianDaysApplicationToApproval, [time.n]),
          derivedDays(time.p90DaysApplicationToApproval, [time.n]),
        ],
      },
      {
        id: 'enquiry',
        cells: [
          text('Enquiry to approval'),
          count(time.n),
          derivedDays(time.medianDaysEnquiryToApproval, [time.n]),
          derivedDays(time.p90DaysEnquiryToApproval, [time.n]),
        ],
      },
    ],
    notes: ['A kinship household applies when its viability assessment starts. Approvals without a recorded application date (old imports) are left out of the application figures.'],
  };

  const endingsCells = cells.countsWithTotal([retention.resignations, retention.other_endings]);
  const resignationsHidden = endingsCells.hidden[0] || cells.hides(retention.households_at_start);
  const retentionTable: ReportTable = {
    id: 'retention',
    title: 'Approved households, resignations and net change',
    columns: [{ label: 'Measure' }, { label: 'Value', numeric: true }, { label: 'Fostering Network benchmark (%)', numeric: true }],
    rows: [
      { id: 'households-at-start', cells: [text('Approved households at the start of the period'), count(retention.households_at_start), text('')] },
      { id: 'approvals', cells: [text('Approvals'), count(retention.approvals), text('')] },
      { id: 'resignations', cells: [text('Resignations (the carer’s decision)'), endingsCells.cells[0], text('')] },
      { id: 'other-endings', cells: [text('Other endings (orders, council decisions, deaths)'), endingsCells.cells[1], text('')] },
      { id: 'deregistrations', cells: [text('Deregistrations (both)'), endingsCells.total, text('')] },
      {
        id: 'net-change',
        cells: [
          text('Net change (approvals minus deregistrations)'),
          derivedCount(retention.net_change, [retention.approvals, retention.deregistrations]),
          text(''),
        ],
      },
      {
        id: 'resignation-rate',
        cells: [
          text('Resignation rate (%)'),
          { kind: 'percent', value: resignationsHidden ? SUPPRESSION_SYMBOL : retention.resignation_rate_pct },
          { kind: 'percent', value: FOSTERING_NETWORK_RESIGNATION_BENCHMARK_PERCENT },
        ],
      },
      {
        id: 'deregistration-rate',
        cells: [
          text('Deregistration rate (%)'),
          rate(retention.deregistrations, retention.households_at_start, retention.deregistration_rate_pct),
          text('None published'),
        ],
      },
    ],
    notes: ['Rates are out of the approved households at the start of the period. The Fostering Network’s national average resignation rate is 12% (DOMAIN.md §6.5).'],
  };

  const closureTable = reasonsTable(
    'closure-reasons',
    'Withdrawals and closures before approval, by reason',
    closures.map((row) => ({ code: row.code, label: closureReasonLabel(row.code), group: closureGroupLabel(row.code), count: row.count })),
    cells,
    'Cases closed in the period, counted by the date they closed.',
  );
  const endingTable = reasonsTable(
    'deregistration-reasons',
    'Deregistrations by reason',
    endings.map((row) => ({
      code: row.code,
      label: deregistrationReasonLabel(row.code),
      group: isDeregistrationReasonCode(row.code) ? (deregistrationGroupOf(row.code) === 'resigned' ? 'Resigned' : 'Other ending') : 'Unknown',
      count: row.count,
    })),
    cells,
    'Approvals that ended in the period, by the main reason recorded.',
  );

  const kinshipApprovals = byRoute.find((row) => row.route === 'kinship')?.count ?? 0;
  const allApprovals = byRoute.reduce((sum, row) => sum + row.count, 0);
  const kinshipTable: ReportTable = {
    id: 'kinship-share',
    title: 'Kinship share of approvals',
    columns: [{ label: 'Measure' }, { label: 'Value', numeric: true }],
    rows: [
      { id: 'kinship', cells: [text('Kinship households approved'), count(kinshipApprovals)] },
      { id: 'all', cells: [text('All households approved'), count(allApprovals)] },
      { id: 'share', cells: [text('Kinship share (%)'), rate(kinshipApprovals, allApprovals, percentage(kinshipApprovals, allApprovals))] },
    ],
    notes: ['Counts every route whatever the route chosen above. Derbyshire 2023/24: 71%; England about 50% in 2023–24 (DOMAIN.md §6.5).'],
  };

  return [
    funnel,
    conversion,
    timeTable,
    retentionTable,
    closureTable,
    endingTable,
    kinshipTable,
    sourcesTable('enquiry-sources', 'Enquiry sources: how people heard of fostering, and how many went on', 'Source', sources, enquirySourceLabel, cells),
    sourcesTable('enquiry-channels', 'Enquiry channels: how people got in touch, and how many went on', 'Channel', channels, enquiryChannelLabel, cells),
    mockingbirdTable(mockingbird, cells),
  ];
}

/** The Mockingbird table as a chart: each group's resignation rate beside the 12% benchmark; hidden rates are gaps. */
export function buildMockingbirdChart(table: ReportTable): BarChartData {
  const rates = table.rows.map((row) => {
    const cell = row.cells[3];
    return cell.kind === 'percent' && typeof cell.value === 'number' ? cell.value : null;
  });
  return {
    id: 'mockingbird-chart',
    title: 'Resignation rate: households in a constellation and the rest',
    categories: ['In a constellation', 'Not in a constellation'],
    series: [{ key: 'resignation-rate', label: 'Resignation rate', values: rates }],
    unit: '%',
    referenceLines: [{ label: `Fostering Network benchmark ${FOSTERING_NETWORK_RESIGNATION_BENCHMARK_PERCENT}%`, value: FOSTERING_NETWORK_RESIGNATION_BENCHMARK_PERCENT }],
  };
}

/**
 * Members and non-members add up to the approved households and resignations in the retention table, so each pair
 * is suppressed as counts with a total: hiding one alone would let it be worked out.
 */
function mockingbirdTable({ members, nonMembers }: MockingbirdRetention, cells: CellMaker): ReportTable {
  const stock = cells.countsWithTotal([members.households_at_start, nonMembers.households_at_start]);
  const resigned = cells.countsWithTotal([members.resignations, nonMembers.resignations]);
  const row = (id: string, label: string, index: 0 | 1, group: MockingbirdRetention['members']) => ({
    id,
    cells: [
      text(label),
      stock.cells[index],
      resigned.cells[index],
      {
        kind: 'percent' as const,
        value: stock.hidden[index] || resigned.hidden[index] ? SUPPRESSION_SYMBOL : group.resignation_rate_pct,
      },
    ],
  });
  return {
    id: 'mockingbird',
    title: 'Mockingbird: resignation rates of households in a constellation and of the rest',
    columns: [
      { label: 'Households' },
      { label: 'Approved households at the start', numeric: true },
      { label: 'Resignations in the period', numeric: true },
      { label: 'Resignation rate (%)', numeric: true },
    ],
    rows: [row('members', 'In a constellation during the period', 0, members), row('non-members', 'Not in a constellation', 1, nonMembers)],
    notes: [
      'Not causal: households choose to join a constellation and are not a random sample, so a difference here does not show that Mockingbird caused it (DOMAIN.md §5).',
      'Counts every route whatever the route chosen above.',
    ],
  };
}

/**
 * DOMAIN.md §6.2: a cohort is provisional until it has had time to convert, by default 12 months after the period
 * for applications and 18 for approvals; until then its rates can only rise.
 */
const COHORT_MATURITY_MONTHS = { application: 12, approval: 18 } as const;

function provisionalNote(filter: ReportFilter): string[] {
  const applicationsMature = addMonths(filter.to, COHORT_MATURITY_MONTHS.application);
  const approvalsMature = addMonths(filter.to, COHORT_MATURITY_MONTHS.approval);
  if (filter.asAt >= approvalsMature) return [];
  const which = filter.asAt >= applicationsMature ? 'Cohort rates to approval are' : 'Cohort rates are';
  return [
    `${which} provisional: households that enquired late in the period have not yet had ${COHORT_MATURITY_MONTHS.application} months to apply and ${COHORT_MATURITY_MONTHS.approval} months to be approved, so the rates may still rise.`,
  ];
}

const CLOSURE_GROUPS: readonly [readonly { code: string }[], string][] = [
  [ENQUIRY_CLOSURE_REASONS, 'Closed as an enquiry'],
  [PERSONS_CHOICE_REASONS, 'The person’s choice'],
  [SERVICE_DECISION_REASONS, 'Service decision'],
  [KINSHIP_CLOSURE_REASONS, 'Kinship case ended'],
  [[TRANSFERRED_OUT_REASON], 'Moved to another service'],
];

function closureGroupLabel(code: string): string {
  return CLOSURE_GROUPS.find(([list]) => list.some((entry) => entry.code === code))?.[1] ?? 'Not recorded';
}

function reasonsTable(
  id: string,
  title: string,
  rows: { code: string; label: string; group: string; count: number }[],
  cells: CellMaker,
  note: string,
): ReportTable {
  const { cells: counts, total } = cells.countsWithTotal(rows.map((row) => row.count));
  return {
    id,
    title,
    columns: [{ label: 'Reason' }, { label: 'Group' }, { label: 'Households', numeric: true }],
    rows: [
      ...rows.map((row, index) => ({ id: row.code, cells: [text(row.label), text(row.group), counts[index]] })),
      { id: 'total', cells: [text('Total'), text(''), total] },
    ],
    notes: [note],
  };
}

function sourcesTable(
  id: string,
  title: string,
  heading: string,
  rows: SourceConversion[],
  labelOf: (code: string) => string,
  cells: CellMaker,
): ReportTable {
  // The cohort's sources add up to the funnel's enquiries, applications and approvals: each column is suppressed as
  // counts with a total, and a rate is hidden with either of its counts.
  const enquiries = cells.countsWithTotal(rows.map((row) => row.enquiries));
  const applications = cells.countsWithTotal(rows.map((row) => row.applications));
  const approvals = cells.countsWithTotal(rows.map((row) => row.approvals));
  const rateCell = (numerator: number, denominator: number, hidden: boolean): Cell =>
    hidden ? { kind: 'percent', value: SUPPRESSION_SYMBOL } : cells.rate(numerator, denominator, percentage(numerator, denominator));
  return {
    id,
    title,
    columns: [
      { label: heading },
      { label: 'Enquiries in the period', numeric: true },
      { label: 'Applications by the “as at” date', numeric: true },
      { label: 'Approvals by the “as at” date', numeric: true },
      { label: 'Enquiry to application (%)', numeric: true },
      { label: 'Enquiry to approval (%)', numeric: true },
    ],
    rows: rows.map((row, index) => ({
      id: row.code,
      cells: [
        text(row.code === 'unrecorded' ? 'Not recorded' : labelOf(row.code)),
        enquiries.cells[index],
        applications.cells[index],
        approvals.cells[index],
        rateCell(row.applications, row.enquiries, applications.hidden[index] || enquiries.hidden[index]),
        rateCell(row.approvals, row.enquiries, approvals.hidden[index] || enquiries.hidden[index]),
      ],
    })),
    notes: ['Cohort figures: households that enquired in the period, followed to the “as at” date.'],
  };
}
