import type { BarChartData, LineChartData } from '~/components/charts/chart-data';
import { financialYearLabel, monthLabel } from '~/modules/reporting/months';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import { SUPPRESSION_SYMBOL, text, type Cell, type CellMaker, type ReportTable } from '~/modules/reporting/report-table';
import {
  countMonthlyActivity,
  countMonthlyEnquiriesByType,
  countYearlyNetGain,
  ENQUIRY_TYPE_SERIES,
  listMonthlyEnquiryTargets,
} from '~/modules/reporting/trends.server';

// The trend charts of the dashboard and the tables with their figures. A chart only ever draws what its table shows:
// a suppressed cell is a gap in the chart.

export const TREND_TABLE_IDS = ['monthly-enquiries-by-type', 'monthly-activity', 'yearly-net-gain'] as const;

/** How many financial years the net gain chart covers, ending with the one the period ends in. */
const NET_GAIN_YEARS = 5;

export type TrendCharts = {
  enquiriesByType: LineChartData[];
  activity: LineChartData;
  netGain: BarChartData;
  tables: ReportTable[];
};

export async function buildTrendCharts(filter: ReportFilter, cells: CellMaker): Promise<TrendCharts> {
  const [byType, activity, years, targets] = await Promise.all([
    countMonthlyEnquiriesByType(filter),
    countMonthlyActivity(filter),
    countYearlyNetGain(filter, NET_GAIN_YEARS),
    listMonthlyEnquiryTargets(filter),
  ]);
  const months = byType.map((row) => monthLabel(row.month));
  const plotted = (cell: Cell) => (cell.kind === 'count' && typeof cell.value === 'number' ? cell.value : null);
  // A column of months adds up to the period's total, which other tables print: each column is suppressed as counts
  // with a total, so one hidden month can never be worked out from the rest (DOMAIN.md §6.8).
  const column = (values: number[]) => cells.countsWithTotal(values);
  const typeColumns = ENQUIRY_TYPE_SERIES.map((series) => column(byType.map((row) => row.counts[series.key])).cells);
  const activityColumns = (['enquiries', 'applications', 'approvals', 'deregistrations'] as const).map(
    (key) => column(activity.map((row) => row[key])).cells,
  );
  const approvalsByYear = column(years.map((year) => year.approvals));
  const deregistrationsByYear = column(years.map((year) => year.deregistrations));

  const targetFor = (enquiryType: string | null) =>
    enquiryType === null || filter.route === 'kinship' ? undefined : targets.find((target) => target.enquiryType === enquiryType);

  const typeTable: ReportTable = {
    id: 'monthly-enquiries-by-type',
    title: 'Enquiries a month by type, against the monthly enquiry targets',
    columns: [{ label: 'Month' }, ...ENQUIRY_TYPE_SERIES.map((series) => ({ label: series.label, numeric: true }))],
    rows: [
      ...byType.map((row, index) => ({
        id: row.month,
        cells: [text(months[index]), ...typeColumns.map((cellsOfType) => cellsOfType[index])],
      })),
      {
        id: 'target',
        cells: [
          text('Monthly target (“up to”)'),
          ...ENQUIRY_TYPE_SERIES.map((series): Cell => {
            const target = targetFor(series.targetEnquiryType);
            return target ? { kind: 'count', value: target.valueCount } : text('None');
          }),
        ],
      },
    ],
    notes: [
      'The types overlap (an enquiry can be about teenagers and disabilities, and the mainstream figure includes both), so they are never added up (DOMAIN.md §6.3).',
      targets.length === 0
        ? 'No monthly enquiry target applies here. Derbyshire’s 2017 monthly targets apply to Derbyshire only; choose Derbyshire to see them.'
        : `Targets: ${targets.map((target) => `“${target.label}”`).join('; ')}.`,
      ...(cells.suppress ? ['Months with 1 to 10 enquiries are shown as x in the table and left as gaps in the charts.'] : []),
    ],
  };

  const enquiriesByType: LineChartData[] = ENQUIRY_TYPE_SERIES.map((series, seriesIndex) => {
    const target = targetFor(series.targetEnquiryType);
    return {
      id: `enquiries-${series.key}`,
      title: series.label,
      categories: months,
      series: [
        {
          key: series.key,
          label: 'Enquiries',
          values: typeTable.rows.slice(0, byType.length).map((row) => plotted(row.cells[seriesIndex + 1])),
        },
      ],
      referenceLines: target ? [{ label: `Target ${target.valueCount}`, value: target.valueCount }] : [],
    };
  });

  const activityRows = activity.map((row, index) => ({
    id: row.month,
    cells: [text(months[index]), ...activityColumns.map((cellsOfSeries) => cellsOfSeries[index])],
  }));
  const activityTable: ReportTable = {
    id: 'monthly-activity',
    title: 'Enquiries, applications, approvals and deregistrations a month',
    columns: [
      { label: 'Month' },
      { label: 'Enquiries', numeric: true },
      { label: 'Applications', numeric: true },
      { label: 'Approvals', numeric: true },
      { label: 'Deregistrations', numeric: true },
    ],
    rows: activityRows,
    notes: ['Each event is counted in the month of its own date. Approvals and deregistrations count for the approving council.'],
  };
  const activityChart: LineChartData = {
    id: 'monthly-activity',
    title: 'Applications, approvals and deregistrations a month',
    categories: months,
    series: (['Applications', 'Approvals', 'Deregistrations'] as const).map((label, index) => ({
      key: label.toLowerCase(),
      label,
      values: activityRows.map((row) => plotted(row.cells[index + 2])),
    })),
  };

  const yearRows = years.map((year, index) => ({
    id: financialYearLabel(year.startYear),
    cells: [
      text(financialYearLabel(year.startYear)),
      approvalsByYear.cells[index],
      deregistrationsByYear.cells[index],
      approvalsByYear.hidden[index] || deregistrationsByYear.hidden[index]
        ? { kind: 'count' as const, value: SUPPRESSION_SYMBOL }
        : cells.derivedCount(year.approvals - year.deregistrations, [year.approvals, year.deregistrations]),
    ],
  }));
  const netGainTable: ReportTable = {
    id: 'yearly-net-gain',
    title: `Approvals and deregistrations by financial year: net gain`,
    columns: [{ label: 'Financial year' }, { label: 'Approvals', numeric: true }, { label: 'Deregistrations', numeric: true }, { label: 'Net gain', numeric: true }],
    rows: yearRows,
    notes: [
      `The ${NET_GAIN_YEARS} financial years (1 April to 31 March) up to the one the period ends in, whatever the period chosen. Derbyshire’s rule is that net gain stays above zero (DOMAIN.md §6.5).`,
    ],
  };
  const netGainChart: BarChartData = {
    id: 'yearly-net-gain',
    title: 'Approvals and deregistrations by financial year',
    categories: yearRows.map((row) => row.id),
    series: (['Approvals', 'Deregistrations'] as const).map((label, index) => ({
      key: label.toLowerCase(),
      label,
      values: yearRows.map((row) => plotted(row.cells[index + 1])),
    })),
  };

  return {
    enquiriesByType,
    activity: activityChart,
    netGain: netGainChart,
    tables: [typeTable, activityTable, netGainTable],
  };
}
