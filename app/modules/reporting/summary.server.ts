import { prisma } from '~/lib/db.server';
import { assertCan, can } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { percentage, suppressColumnWithTotal, type Figure } from '~/modules/reporting/figures';
import type { ReportPeriod } from '~/modules/reporting/period';

type FlowColumn = 'enquiries' | 'applications' | 'approvals';
const FLOW_COLUMNS: readonly FlowColumn[] = ['enquiries', 'applications', 'approvals'];

export type RegionalSummaryRow = {
  key: string;
  councilName: string;
  enquiries: Figure;
  applications: Figure;
  approvals: Figure;
  /** Period conversion (DOMAIN.md §6.2) in per cent; null with nothing to divide by. */
  enquiryToApplication: Figure | null;
  applicationToApproval: Figure | null;
};

export type RegionalSummary = {
  period: ReportPeriod;
  /** True when the figures have been through small-number suppression (DOMAIN.md §6.8). */
  suppressed: boolean;
  rows: RegionalSummaryRow[];
  total: RegionalSummaryRow;
};

const NO_COUNCIL_KEY = 'no-council';
const SUPPRESSION_SYMBOL = 'x';

/**
 * Enquiries, applications and approvals dated in the period, per council (DOMAIN.md §6.1: the council a case
 * counts for is `councilId`). Mainstream only: kinship referrals are counted in their own funnel. Viewers who may
 * not see exact figures get them already suppressed, so exact small numbers never leave the server.
 */
export async function getRegionalSummary(viewer: Viewer, period: ReportPeriod): Promise<RegionalSummary> {
  assertCan(viewer, 'report.view');
  const inPeriod = { gte: period.from, lte: period.to };
  const [councils, enquiries, applications, approvals] = await Promise.all([
    prisma.council.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.household.groupBy({
      by: ['councilId'],
      where: { route: 'mainstream', enquiryDate: inPeriod },
      _count: { _all: true },
    }),
    prisma.household.groupBy({
      by: ['councilId'],
      where: { route: 'mainstream', applicationDate: inPeriod },
      _count: { _all: true },
    }),
    prisma.household.groupBy({
      by: ['councilId'],
      where: { route: 'mainstream', approvalDate: inPeriod },
      _count: { _all: true },
    }),
  ]);

  const countsByFlow: Record<FlowColumn, Map<string, number>> = {
    enquiries: toCountMap(enquiries),
    applications: toCountMap(applications),
    approvals: toCountMap(approvals),
  };
  const rowKeys = councils.map((council) => ({ key: council.id, councilName: council.name }));
  const hasCasesWithoutCouncil = FLOW_COLUMNS.some((column) => (countsByFlow[column].get(NO_COUNCIL_KEY) ?? 0) > 0);
  if (hasCasesWithoutCouncil) rowKeys.push({ key: NO_COUNCIL_KEY, councilName: 'Council not yet known' });

  const exact = Object.fromEntries(
    FLOW_COLUMNS.map((column) => [column, rowKeys.map(({ key }) => countsByFlow[column].get(key) ?? 0)]),
  ) as Record<FlowColumn, number[]>;
  const suppressed = !can(viewer, 'report.viewUnsuppressed');

  const columns = Object.fromEntries(
    FLOW_COLUMNS.map((column) => [column, presentColumn(exact[column], suppressed)]),
  ) as Record<FlowColumn, PresentedColumn>;

  const rowAt = (index: number | 'total', key: string, councilName: string): RegionalSummaryRow => {
    const cell = (column: FlowColumn) => (index === 'total' ? columns[column].total : columns[column].cells[index]);
    return {
      key,
      councilName,
      enquiries: cell('enquiries').figure,
      applications: cell('applications').figure,
      approvals: cell('approvals').figure,
      enquiryToApplication: rate(cell('applications'), cell('enquiries')),
      applicationToApproval: rate(cell('approvals'), cell('applications')),
    };
  };

  return {
    period,
    suppressed,
    rows: rowKeys.map(({ key, councilName }, index) => rowAt(index, key, councilName)),
    total: rowAt('total', 'total', 'All councils'),
  };
}

type PresentedCell = { exact: number; figure: Figure; hidden: boolean };
type PresentedColumn = { cells: PresentedCell[]; total: PresentedCell };

function presentColumn(cells: number[], suppressed: boolean): PresentedColumn {
  const exactTotal = cells.reduce((sum, n) => sum + n, 0);
  if (!suppressed) {
    return {
      cells: cells.map((n) => ({ exact: n, figure: n, hidden: false })),
      total: { exact: exactTotal, figure: exactTotal, hidden: false },
    };
  }
  const column = suppressColumnWithTotal(cells, { symbol: SUPPRESSION_SYMBOL });
  return {
    cells: cells.map((n, index) => ({ exact: n, figure: column.cells[index], hidden: column.hidden[index] })),
    total: { exact: exactTotal, figure: column.total, hidden: column.total !== exactTotal },
  };
}

/** DOMAIN.md §6.8: a rate is suppressed whenever its numerator or denominator is. */
function rate(numerator: PresentedCell, denominator: PresentedCell): Figure | null {
  if (numerator.hidden || denominator.hidden) return SUPPRESSION_SYMBOL;
  return percentage(numerator.exact, denominator.exact);
}

function toCountMap(groups: { councilId: string | null; _count: { _all: number } }[]) {
  return new Map(groups.map((group) => [group.councilId ?? NO_COUNCIL_KEY, group._count._all]));
}
