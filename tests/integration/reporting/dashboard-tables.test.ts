import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { buildCouncilComparison } from '~/modules/reporting/comparison.server';
import { buildDashboardTables, buildMockingbirdChart } from '~/modules/reporting/dashboard.server';
import { cellMaker, type Cell, type ReportTable } from '~/modules/reporting/report-table';
import { buildTrendCharts } from '~/modules/reporting/trend-charts.server';
import { listMonthlyEnquiryTargets } from '~/modules/reporting/trends.server';
import { buildDashboardFixture, PERIOD } from './dashboard-fixture';

// Every expected figure is worked out by hand from the fixture's table in dashboard-fixture.ts.

const DERBYSHIRE = { ...PERIOD, councilId: 'derbyshire', route: null };

beforeAll(buildDashboardFixture);

const valueOf = (cell: Cell) => ('value' in cell ? cell.value : cell.pence);
const rowsOf = (table: ReportTable | undefined) => table?.rows.map((row) => row.cells.map(valueOf));
const byId = (tables: ReportTable[], id: string) => tables.find((table) => table.id === id);

describe('dashboard tables, exact figures for managers', () => {
  let tables: ReportTable[];
  beforeAll(async () => {
    tables = await buildDashboardTables(DERBYSHIRE, cellMaker(false));
  });

  it('counts the funnel for the cohort and for the period', () => {
    // Cohort: H1 H2 H3 H4 H6 H7 H8 enquired in the period. Visits by the as-at date: H1, H2 (15 April 2026), H3
    // (applied without a visit), H4. Applications by the as-at date: H1, H3 (H4 applies after it). Approvals: H1, H3.
    // Period: visits H1, H4, H5 (H2's is after the period); applications H5, H1, H3; approvals H1 and K1.
    expect(rowsOf(byId(tables, 'funnel'))).toEqual([
      ['Enquiries', 7, 7],
      ['Initial visits', 4, 3],
      ['Applications', 2, 3],
      ['Approvals', 2, 2],
    ]);
  });

  it('shows conversion at each step beside its target, the 13% beside both of its readings', () => {
    const rows = rowsOf(byId(tables, 'conversion')) ?? [];
    // 4/7 = 57.1, 3/7 = 42.9; 2/4 = 50.0, 3/3 = 100.0; 2/7 = 28.6 against 25 (green), 3/7 = 42.9;
    // 2/2 = 100.0 and 2/3 = 66.7 against 13; 2/7 = 28.6 twice, against the 13% read as enquiry to approval.
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['Enquiry to initial visit', 57.1, 42.9, 'No target set', null],
      ['Initial visit to application', 50, 100, 'No target set', null],
      ['Enquiry to application', 28.6, 42.9, 25, 'green'],
      ['Application to approval', 100, 66.7, 13, 'green'],
      ['Enquiry to approval', 28.6, 28.6, 13, 'green'],
    ]);
    expect(rows[3][5]).toContain('read literally, as application to approval');
    expect(rows[4][5]).toContain('the other reading, enquiry to approval');
    // As at 30 June 2026, three months after the period: neither application (12 months) nor approval (18) is mature.
    expect(byId(tables, 'conversion')?.notes?.[0]).toMatch(/^Cohort rates are provisional/);
  });

  it('stops calling the cohort provisional once 18 months have passed since the period ended', async () => {
    const mature = await buildDashboardTables({ ...DERBYSHIRE, asAt: '2027-09-30' }, cellMaker(false));
    expect(byId(mature, 'conversion')?.notes?.[0]).toMatch(/^The 13% target/);
    const halfway = await buildDashboardTables({ ...DERBYSHIRE, asAt: '2027-03-31' }, cellMaker(false));
    expect(byId(halfway, 'conversion')?.notes?.[0]).toMatch(/^Cohort rates to approval are provisional/);
  });

  it('measures time to approval for approvals in the period', () => {
    // H1: 1 May → 1 December 2025 = 214 days; from its enquiry on 1 April, 244. K1 (kinship, no application date):
    // 1 January 2024 → 1 September 2025 = 366 + 243 = 609. Median of 244 and 609 = 426.5; 90th percentile 609.
    expect(rowsOf(byId(tables, 'time-to-approval'))).toEqual([
      ['Application to approval', 2, 214, 214],
      ['Enquiry to approval', 2, 426.5, 609],
    ]);
  });

  it('gives retention against the 12% benchmark, counting an ending on the first day of the period', () => {
    // At the start: S1 (ends on 1 April, so approved that morning) and S3; S2 ended the day before. S1 resigned.
    expect(rowsOf(byId(tables, 'retention'))).toEqual([
      ['Approved households at the start of the period', 2, ''],
      ['Approvals', 2, ''],
      ['Resignations (the carer’s decision)', 1, ''],
      ['Other endings (orders, council decisions, deaths)', 0, ''],
      ['Deregistrations (both)', 1, ''],
      ['Net change (approvals minus deregistrations)', 1, ''],
      ['Resignation rate (%)', 50, 12],
      ['Deregistration rate (%)', 50, 'None published'],
    ]);
  });

  it('breaks closures and deregistrations down by reason, only those dated in the period', () => {
    expect(rowsOf(byId(tables, 'closure-reasons'))).toEqual([
      ['Not the right time', 'The person’s choice', 2],
      ['Total', '', 2],
    ]);
    expect(rowsOf(byId(tables, 'deregistration-reasons'))).toEqual([
      ['Health', 'Resigned', 1],
      ['Total', '', 1],
    ]);
  });

  it('gives the kinship share of approvals whatever the route', () => {
    expect(rowsOf(byId(tables, 'kinship-share'))).toEqual([
      ['Kinship households approved', 1],
      ['All households approved', 2],
      ['Kinship share (%)', 50],
    ]);
  });

  it('shows which sources and channels convert, for the cohort', () => {
    expect(rowsOf(byId(tables, 'enquiry-sources'))).toEqual([
      ['Foster for East Midlands website', 2, 0, 0, 0, 0],
      ['Social media', 2, 1, 1, 50, 50],
      ['Word of mouth or an existing foster carer', 2, 1, 1, 50, 50],
      ['Not recorded', 1, 0, 0, 0, 0],
    ]);
    // 2/6 = 33.3.
    expect(rowsOf(byId(tables, 'enquiry-channels'))).toEqual([
      ['Website form', 6, 2, 2, 33.3, 33.3],
      ['Phone', 1, 0, 0, 0, 0],
    ]);
  });

  it('compares the resignation rates of constellation members and the rest', () => {
    expect(rowsOf(byId(tables, 'mockingbird'))).toEqual([
      ['In a constellation during the period', 1, 0, 0],
      ['Not in a constellation', 1, 1, 100],
    ]);
    expect(byId(tables, 'mockingbird')?.notes?.[0]).toMatch(/^Not causal/);
    const chart = buildMockingbirdChart(byId(tables, 'mockingbird') as ReportTable);
    expect(chart.series[0].values).toEqual([0, 100]);
    expect(chart.referenceLines).toEqual([{ label: 'Fostering Network benchmark 12%', value: 12 }]);
  });
});

describe('dashboard tables for the board', () => {
  it('hides every count from 1 to 10 and the rates built on them', async () => {
    const tables = await buildDashboardTables(DERBYSHIRE, cellMaker(true));
    expect(rowsOf(byId(tables, 'funnel'))).toEqual([
      ['Enquiries', 'x', 'x'],
      ['Initial visits', 'x', 'x'],
      ['Applications', 'x', 'x'],
      ['Approvals', 'x', 'x'],
    ]);
    expect(rowsOf(byId(tables, 'conversion'))?.map((row) => row.slice(1, 3))).toEqual(Array(5).fill(['x', 'x']));
    // Zero stays zero: nobody is identified by it.
    expect(rowsOf(byId(tables, 'retention'))?.[3]).toEqual(['Other endings (orders, council decisions, deaths)', 0, '']);
    // The chart draws no bar for a hidden rate.
    expect(buildMockingbirdChart(byId(tables, 'mockingbird') as ReportTable).series[0].values).toEqual([null, null]);
  });
});

describe('trend charts', () => {
  it('counts each month’s activity by its own date, with zeros for quiet months', async () => {
    const { tables, activity } = await buildTrendCharts(DERBYSHIRE, cellMaker(false));
    const rows = rowsOf(byId(tables, 'monthly-activity'));
    expect(rows).toEqual([
      ['Apr 2025', 1, 1, 0, 1],
      ['May 2025', 1, 1, 0, 0],
      ['Jun 2025', 1, 0, 0, 0],
      ['Jul 2025', 1, 0, 0, 0],
      ['Aug 2025', 0, 1, 0, 0],
      ['Sep 2025', 2, 0, 1, 0],
      ['Oct 2025', 0, 0, 0, 0],
      ['Nov 2025', 0, 0, 0, 0],
      ['Dec 2025', 0, 0, 1, 0],
      ['Jan 2026', 0, 0, 0, 0],
      ['Feb 2026', 0, 0, 0, 0],
      ['Mar 2026', 1, 0, 0, 0],
    ]);
    expect(activity.series.map((series) => series.label)).toEqual(['Applications', 'Approvals', 'Deregistrations']);
    expect(activity.series[1].values).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
  });

  it('counts enquiries by type without double counting an enquiry with two matching interests, beside the council’s targets', async () => {
    const { tables, enquiriesByType } = await buildTrendCharts(DERBYSHIRE, cellMaker(false));
    const rows = rowsOf(byId(tables, 'monthly-enquiries-by-type')) ?? [];
    // Columns: mainstream, disabilities, supported lodgings, siblings and teenagers, separated children, kinship.
    expect(rows[0]).toEqual(['Apr 2025', 1, 1, 0, 1, 0, 0]);
    // H3 is interested in siblings and teenagers: counted once.
    expect(rows[2]).toEqual(['Jun 2025', 1, 0, 0, 1, 0, 0]);
    // Derbyshire's own 35 wins over the regional 40.
    expect(rows[12]).toEqual(['Monthly target (“up to”)', 35, 'None', 'None', 10, 'None', 'None']);
    expect(enquiriesByType[0].referenceLines).toEqual([{ label: 'Target 35', value: 35 }]);
    expect(enquiriesByType[3].series[0].values.slice(0, 3)).toEqual([1, 0, 1]);
  });

  it('applies only region-wide monthly targets to all four councils together', async () => {
    const targets = await listMonthlyEnquiryTargets({ councilId: null, to: PERIOD.to });
    expect(targets.map((target) => [target.enquiryType, target.valueCount])).toEqual([['mainstream', 40]]);
  });

  it('leaves a suppressed month as a gap in the chart, never a zero', async () => {
    const { enquiriesByType } = await buildTrendCharts(DERBYSHIRE, cellMaker(true));
    expect(enquiriesByType[0].series[0].values.slice(0, 5)).toEqual([null, null, null, null, 0]);
  });

  it('hides a second month when one hidden month could be worked out from the period’s total', async () => {
    // Nottingham City: N1 and 12 more in June 2025 (13), 3 in July. July alone would be hidden and the funnel's
    // total of 16 would give it back, so June, the next smallest, is hidden too.
    const enquiry = (reference: string, enquiryDate: string) => ({
      reference,
      displayName: 'Trend household',
      councilId: 'nottingham-city',
      stage: 'enquiry.received',
      pipelineSnapshot: '{}',
      machineVersion: 1,
      enquiryReceivedAt: new Date(`${enquiryDate}T10:00:00Z`),
      enquiryDate,
    });
    await prisma.household.createMany({
      data: [
        ...Array.from({ length: 12 }, (_, index) => enquiry(`TREND-JUN-${index}`, '2025-06-12')),
        ...Array.from({ length: 3 }, (_, index) => enquiry(`TREND-JUL-${index}`, '2025-07-12')),
      ],
    });
    const nottingham = { ...DERBYSHIRE, councilId: 'nottingham-city' };
    const exact = rowsOf(byId((await buildTrendCharts(nottingham, cellMaker(false))).tables, 'monthly-activity')) ?? [];
    expect(exact.slice(2, 4).map((row) => row[1])).toEqual([13, 3]);
    const suppressed = rowsOf(byId((await buildTrendCharts(nottingham, cellMaker(true))).tables, 'monthly-activity')) ?? [];
    expect(suppressed.map((row) => row[1])).toEqual([0, 0, 'x', 'x', 0, 0, 0, 0, 0, 0, 0, 0]);
    await prisma.household.deleteMany({ where: { reference: { startsWith: 'TREND-' } } });
  });

  it('counts approvals and deregistrations by financial year, 31 March in the year before 1 April', async () => {
    const { tables, netGain } = await buildTrendCharts(DERBYSHIRE, cellMaker(false));
    // S2 ended on 31 March 2025 (2024/25), S1 on 1 April 2025 (2025/26); H1 and K1 approved in 2025/26; H3's
    // approval in May 2026 is in 2026/27, after the chart's last year.
    expect(rowsOf(byId(tables, 'yearly-net-gain'))).toEqual([
      ['2021/22', 0, 0, 0],
      ['2022/23', 0, 0, 0],
      ['2023/24', 0, 0, 0],
      ['2024/25', 0, 1, -1],
      ['2025/26', 2, 1, 1],
    ]);
    expect(netGain.categories).toEqual(['2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
  });
});

describe('the councils side by side', () => {
  const councils = [
    { id: 'derbyshire', name: 'Derbyshire' },
    { id: 'nottingham-city', name: 'Nottingham City' },
  ];

  it('gives each council the same figures as its own dashboard, and all four together', async () => {
    const table = await buildCouncilComparison({ ...DERBYSHIRE, councilId: null }, councils, cellMaker(false));
    const rows = rowsOf(table) ?? [];
    expect(table.columns.map((column) => column.label)).toEqual(['Measure', 'Derbyshire', 'Nottingham City', 'All four councils']);
    expect(rows[0]).toEqual(['Enquiries in the period (cohort)', 7, 1, 8]);
    expect(rows[1]).toEqual(['Of those, applications by the “as at” date', 2, 0, 2]);
    expect(rows[14]).toEqual(['Net change (approvals minus deregistrations)', 1, 0, 1]);
  });

  it('suppresses for the board, hiding a second cell where one hidden cell could be worked out from the total', async () => {
    await prisma.household.createMany({
      data: Array.from({ length: 12 }, (_, index) => ({
        reference: `COMPARE-${index}`,
        displayName: 'Comparison household',
        councilId: 'nottingham-city',
        stage: 'enquiry.received',
        pipelineSnapshot: '{}',
        machineVersion: 1,
        enquiryReceivedAt: new Date('2025-06-11T10:00:00Z'),
        enquiryDate: '2025-06-11',
      })),
    });
    const table = await buildCouncilComparison({ ...DERBYSHIRE, councilId: null }, councils, cellMaker(true));
    const rows = rowsOf(table) ?? [];
    // Derbyshire 7 is hidden; Nottingham City's 13 would give it back from the total of 20, so it is hidden too.
    expect(rows[0]).toEqual(['Enquiries in the period (cohort)', 'x', 'x', 20]);
    // Nottingham City's rate 0/13 is hidden with its denominator.
    expect(rows[3]).toEqual(['Enquiry to application, cohort (%)', 'x', 'x', 'x']);
    await prisma.household.deleteMany({ where: { reference: { startsWith: 'COMPARE-' } } });
  });
});
