import { prisma } from '~/lib/db.server';
import { NotFound, ValidationFailed } from '~/lib/errors';
import { recordAudit } from '~/modules/audit/audit.server';
import { assertCan, can } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { buildCouncilComparison } from '~/modules/reporting/comparison.server';
import { buildCostTables, COST_TABLE_IDS, listEditableCostCouncils } from '~/modules/reporting/costs.server';
import { buildDashboardTables, buildMockingbirdChart, DASHBOARD_TABLE_IDS } from '~/modules/reporting/dashboard.server';
import type { ParsedDashboardFilter } from '~/modules/reporting/dashboard-filter';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import { cellMaker, tableToCsv, type ReportTable } from '~/modules/reporting/report-table';
import { buildTrendCharts, TREND_TABLE_IDS } from '~/modules/reporting/trend-charts.server';

// What each reports page shows for a viewer: their filter (scoped by readDashboardFilter), exact or suppressed
// figures by role (DOMAIN.md §6.8), and nothing at all while the filter has errors: a page with a mistyped date
// shows the message, never figures for some other period.

type Council = { id: string; name: string };
type LoadedFilter = Pick<ParsedDashboardFilter, 'filter' | 'errors'> & { councils: Council[] };

const hasErrors = (loaded: LoadedFilter) => Object.keys(loaded.errors).length > 0;

/** Internal screens: exact for managers, suppressed for the regional viewer. */
function screenCells(viewer: Viewer) {
  return cellMaker(!can(viewer, 'report.viewUnsuppressed'));
}

export async function getDashboardPage(viewer: Viewer, loaded: LoadedFilter) {
  assertCan(viewer, 'report.view');
  const cells = screenCells(viewer);
  const tables = hasErrors(loaded) ? null : await buildDashboardTables(loaded.filter, cells);
  const mockingbird = tables?.find((table) => table.id === 'mockingbird');
  return { suppressed: cells.suppress, tables, mockingbirdChart: mockingbird ? buildMockingbirdChart(mockingbird) : null };
}

export async function getTrendsPage(viewer: Viewer, loaded: LoadedFilter) {
  assertCan(viewer, 'report.view');
  const cells = screenCells(viewer);
  return { suppressed: cells.suppress, trends: hasErrors(loaded) ? null : await buildTrendCharts(loaded.filter, cells) };
}

/** The councils a viewer may compare: a council's own manager sees their council's column only. */
function comparableCouncils(viewer: Viewer, councils: Council[]) {
  return viewer.councilId === null ? councils : councils.filter((council) => council.id === viewer.councilId);
}

export async function getComparisonPage(viewer: Viewer, loaded: LoadedFilter) {
  assertCan(viewer, 'report.view');
  const cells = screenCells(viewer);
  const table = hasErrors(loaded) ? null : await buildCouncilComparison(loaded.filter, comparableCouncils(viewer, loaded.councils), cells);
  return { suppressed: cells.suppress, table };
}

/** The cost view, and the councils whose weekly rates this viewer may change. */
export async function getCostPage(viewer: Viewer, loaded: LoadedFilter) {
  assertCan(viewer, 'report.view');
  const cells = screenCells(viewer);
  const [tables, editableCouncils] = await Promise.all([
    hasErrors(loaded) ? null : buildCostTables(loaded.filter, cells),
    listEditableCostCouncils(viewer),
  ]);
  return { suppressed: cells.suppress, tables, editableCouncils };
}

/**
 * The regional board's pack: always suppressed, whoever prints it, because it leaves the operational system
 * (DOMAIN.md §6.8, §6.9). All four councils side by side, then the region's (or the manager's council's) tables.
 */
export async function getBoardPack(viewer: Viewer, loaded: LoadedFilter) {
  assertCan(viewer, 'report.view');
  if (hasErrors(loaded)) return { comparison: null, tables: null, trends: null, costs: null };
  const cells = cellMaker(true);
  const [comparison, tables, trends, [costs]] = await Promise.all([
    buildCouncilComparison(loaded.filter, comparableCouncils(viewer, loaded.councils), cells),
    buildDashboardTables(loaded.filter, cells),
    buildTrendCharts(loaded.filter, cells),
    buildCostTables(loaded.filter, cells),
  ]);
  return { comparison, tables, trends, costs };
}

const TABLE_GROUPS = {
  dashboard: DASHBOARD_TABLE_IDS,
  trends: TREND_TABLE_IDS,
  comparison: ['council-comparison'],
  costs: COST_TABLE_IDS,
} as const;

async function buildTablesOf(group: keyof typeof TABLE_GROUPS, viewer: Viewer, loaded: LoadedFilter, cells: ReturnType<typeof cellMaker>): Promise<ReportTable[]> {
  switch (group) {
    case 'dashboard':
      return buildDashboardTables(loaded.filter, cells);
    case 'trends':
      return (await buildTrendCharts(loaded.filter, cells)).tables;
    case 'comparison':
      return [await buildCouncilComparison(loaded.filter, comparableCouncils(viewer, loaded.councils), cells)];
    case 'costs':
      return buildCostTables(loaded.filter, cells);
  }
}

/**
 * One table as CSV, built by the same code as the page, with the same suppression; an audit row is written before
 * any figure leaves. A bad filter is refused: a file has nowhere to show the message beside other figures.
 */
export async function exportReportTableCsv(viewer: Viewer, tableId: string, loaded: LoadedFilter, { requestId }: { requestId?: string } = {}) {
  assertCan(viewer, 'report.view');
  const group = (Object.keys(TABLE_GROUPS) as (keyof typeof TABLE_GROUPS)[]).find((key) =>
    (TABLE_GROUPS[key] as readonly string[]).includes(tableId),
  );
  if (!group) throw new NotFound('There is no report table with that name');
  if (hasErrors(loaded)) throw new ValidationFailed(Object.values(loaded.errors).join('. '), loaded.errors);
  const cells = screenCells(viewer);
  const table = (await buildTablesOf(group, viewer, loaded, cells)).find((candidate) => candidate.id === tableId);
  if (!table) throw new NotFound('There is no report table with that name');
  const { filter } = loaded;
  await recordAudit(prisma, { userId: viewer.userId, role: viewer.role }, {
    action: 'export.report',
    entity: 'Report',
    councilId: filter.councilId,
    summary: `Downloaded “${table.title}” for ${filter.from} to ${filter.to} as CSV`,
    after: { report: tableId, filter, suppressed: cells.suppress },
    requestId,
  });
  return { filename: csvFilename(tableId, filter, cells.suppress), body: tableToCsv(table) };
}

function csvFilename(tableId: string, filter: ReportFilter, suppressed: boolean) {
  const scope = filter.councilId ?? 'all-councils';
  return `${tableId}-${scope}-${filter.from}-to-${filter.to}${suppressed ? '-external' : ''}.csv`;
}
