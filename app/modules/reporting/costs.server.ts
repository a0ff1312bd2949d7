import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import { recordAudit } from '~/modules/audit/audit.server';
import { can } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { approvalCouncil, householdRoute, toCount, type CountValue } from '~/modules/reporting/sql-fragments';
import { costRateLabel, type CostParameterInput } from '~/modules/reporting/cost-schema';
import { resignations } from '~/modules/reporting/definitions.server';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import { pounds, SUPPRESSION_SYMBOL, text, type Cell, type CellMaker, type ReportTable } from '~/modules/reporting/report-table';

// The cost view (DOMAIN.md §6.6): care with the councils' own carers priced at the in-house weekly rate and at the
// agency rate, and what net new households are worth. Always "indicative": the rates are averages, and Derbyshire's
// own caveats are shown beside them.

/** FfEM launched in March 2024: carers approved since then count towards the hub's cost avoidance (DOMAIN.md §6.6). */
const FFEM_LAUNCH = '2024-03-01';
const WEEKS_A_YEAR = 52;

export const COST_TABLE_IDS = ['costs', 'cost-assumptions'] as const;

type Rate = { id: string; councilId: string | null; name: string; weeklyPence: number; effectiveFrom: string; source: string };

/** The rate of each kind in force on `on` for each council: the council's own, else an FfEM-wide one. */
async function findRatesInForce(on: string): Promise<Rate[]> {
  return prisma.costParameter.findMany({
    where: { effectiveFrom: { lte: on }, name: { in: ['inHouseWeekly', 'ifaWeekly'] } },
    select: { id: true, councilId: true, name: true, weeklyPence: true, effectiveFrom: true, source: true },
    orderBy: [{ effectiveFrom: 'desc' }, { id: 'asc' }],
    take: 200,
  });
}

function rateFor(rates: Rate[], councilId: string, name: string): Rate | null {
  return rates.find((rate) => rate.name === name && rate.councilId === councilId) ?? rates.find((rate) => rate.name === name && rate.councilId === null) ?? null;
}

/**
 * Child-days in the period with each council's approved carers, from the placement summaries, split by whether the
 * carers were approved since FfEM launched. A placement's last day counts; days outside the period do not.
 */
async function countChildDays(filter: ReportFilter) {
  const rows = await prisma.$queryRaw<{ councilId: string; sinceLaunch: CountValue; childDays: CountValue | null }[]>`
    SELECT a.councilId AS councilId,
           (a.approvedOn >= ${FFEM_LAUNCH}) AS sinceLaunch,
           SUM(p.numberOfChildren * (julianday(MIN(COALESCE(p.endOn, ${filter.to}), ${filter.to})) - julianday(MAX(p.startOn, ${filter.from})) + 1)) AS childDays
    FROM PlacementSummary p
    JOIN Approval a ON a.id = p.approvalId
    JOIN Household h ON h.id = a.householdId
    WHERE p.startOn <= ${filter.to} AND (p.endOn IS NULL OR p.endOn >= ${filter.from})
      ${approvalCouncil(filter)} ${householdRoute(filter)}
    GROUP BY a.councilId, sinceLaunch`;
  return rows.map((row) => ({ councilId: row.councilId, sinceLaunch: toCount(row.sinceLaunch) === 1, childDays: Math.round(Number(row.childDays ?? 0)) }));
}

async function listCouncilsIn(filter: ReportFilter) {
  return prisma.council.findMany({
    where: filter.councilId === null ? {} : { id: filter.councilId },
    select: { id: true, name: true },
    orderBy: { id: 'asc' },
  });
}

const MEASURES = [
  { id: 'child-weeks', label: 'Child-weeks with in-house carers in the period' },
  { id: 'in-house-cost', label: 'Cost at the in-house rate' },
  { id: 'agency-cost', label: 'The same care at the agency rate' },
  { id: 'difference', label: 'Difference' },
  { id: 'since-launch', label: 'Of which, carers approved since FfEM launched' },
  { id: 'net-new-households', label: 'Net new households in the period' },
  { id: 'net-new-saving', label: 'A year’s saving those net new households represent' },
] as const;

/** Whole pence for `childDays` days of care at a weekly rate. */
function costOfChildDays(childDays: number, weeklyPence: number): number {
  return Math.round((childDays * weeklyPence) / 7);
}

export async function buildCostTables(filter: ReportFilter, cells: CellMaker): Promise<ReportTable[]> {
  const [councils, childDays, rates] = await Promise.all([listCouncilsIn(filter), countChildDays(filter), findRatesInForce(filter.to)]);
  const netChanges = await Promise.all(councils.map((council) => resignations({ ...filter, councilId: council.id })));

  // One column per council: a council's figures, top to bottom, in the order of MEASURES.
  const columns = councils.map((council, index): Cell[] => {
    const inHouse = rateFor(rates, council.id, 'inHouseWeekly');
    const agency = rateFor(rates, council.id, 'ifaWeekly');
    const days = childDays.filter((row) => row.councilId === council.id);
    const allDays = days.reduce((sum, row) => sum + row.childDays, 0);
    const launchDays = days.filter((row) => row.sinceLaunch).reduce((sum, row) => sum + row.childDays, 0);
    const net = netChanges[index];
    const netCell = cells.derivedCount(net.net_change, [net.approvals, net.deregistrations]);
    const childWeeks: Cell = { kind: 'count', value: Math.round(allDays / 7) };
    if (!inHouse || !agency) return [childWeeks, pounds(null), pounds(null), pounds(null), pounds(null), netCell, pounds(null)];
    const difference = agency.weeklyPence - inHouse.weeklyPence;
    return [
      childWeeks,
      pounds(costOfChildDays(allDays, inHouse.weeklyPence)),
      pounds(costOfChildDays(allDays, agency.weeklyPence)),
      pounds(costOfChildDays(allDays, difference)),
      pounds(costOfChildDays(launchDays, difference)),
      netCell,
      // Hidden with the net change it is worked out from, shown as x like any suppressed figure.
      typeof netCell.value === 'number' ? pounds(net.net_change * WEEKS_A_YEAR * difference) : text(SUPPRESSION_SYMBOL),
    ];
  });
  const missing = councils.filter((_, index) => {
    const cell = columns[index][1];
    return cell.kind === 'pounds' && cell.pence === null;
  });

  const costs: ReportTable = {
    id: 'costs',
    title: 'Care with in-house carers, priced at in-house and agency rates (indicative)',
    columns: [{ label: 'Measure' }, ...councils.map((council) => ({ label: council.name, numeric: true }))],
    rows: MEASURES.map((measure, row) => ({ id: measure.id, cells: [text(measure.label), ...columns.map((column) => column[row])] })),
    notes: [
      'Indicative only. Child-weeks come from the placement summaries of each council’s approved carers. The difference assumes every child would otherwise have been placed with an agency (a displacement share of 100%), so it is an upper bound (DOMAIN.md §6.6).',
      'A year’s saving from net new households assumes each cares for one child for 52 weeks who would otherwise be with an agency; a negative figure is a cost.',
      'Derbyshire’s caveats: cost comparisons are “fraught with difficulty”, and market prices move so fast that estimates based on them “may undersell the actual benefit”.',
      ...(missing.length > 0 ? [`No weekly rates are recorded for ${missing.map((council) => council.name).join(', ')}: a manager can add them below.`] : []),
    ],
  };

  const assumptions: ReportTable = {
    id: 'cost-assumptions',
    title: 'Weekly cost assumptions in force at the end of the period',
    columns: [{ label: 'Council' }, { label: 'Cost' }, { label: 'Weekly (£)', numeric: true }, { label: 'Applies from' }, { label: 'Source' }],
    rows: councils.flatMap((council) =>
      (['inHouseWeekly', 'ifaWeekly'] as const).map((name) => {
        const rate = rateFor(rates, council.id, name);
        return {
          id: `${council.id}-${name}`,
          cells: [text(council.name), text(costRateLabel(name)), pounds(rate?.weeklyPence ?? null), text(rate?.effectiveFrom ?? 'Not recorded'), text(rate?.source ?? '')],
        };
      }),
    ),
  };
  return [costs, assumptions];
}

/** The councils whose cost assumptions this viewer may change. */
export async function listEditableCostCouncils(viewer: Viewer) {
  const councils = await prisma.council.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } });
  return councils.filter((council) => can(viewer, 'report.editCostAssumptions', { councilId: council.id }));
}

/**
 * Records a weekly rate from a date. Rates are kept as history (the cost view uses the one in force at the end of
 * the period); a second rate for the same council, cost and date replaces the first. Audited with before and after.
 */
export async function recordCostParameter(viewer: Viewer, input: CostParameterInput, { requestId }: { requestId?: string } = {}) {
  const council = await prisma.council.findUnique({ where: { id: input.councilId }, select: { id: true } });
  if (!council || !can(viewer, 'report.editCostAssumptions', { councilId: council.id })) {
    throw new Forbidden('You can only change the cost assumptions for your own council');
  }
  await prisma.$transaction(async (tx) => {
    const existing = await tx.costParameter.findFirst({
      where: { councilId: council.id, name: input.name, effectiveFrom: input.effectiveFrom },
      select: { id: true, weeklyPence: true, source: true },
    });
    const row = existing
      ? await tx.costParameter.update({ where: { id: existing.id }, data: { weeklyPence: input.weekly, source: input.source }, select: { id: true } })
      : await tx.costParameter.create({
          data: { councilId: council.id, name: input.name, weeklyPence: input.weekly, effectiveFrom: input.effectiveFrom, source: input.source },
          select: { id: true },
        });
    await recordAudit(tx, { userId: viewer.userId, role: viewer.role }, {
      action: existing ? 'costParameter.update' : 'costParameter.create',
      entity: 'CostParameter',
      entityId: row.id,
      councilId: council.id,
      summary: `Set the ${costRateLabel(input.name).toLowerCase()} from ${input.effectiveFrom}`,
      before: existing ? { weeklyPence: existing.weeklyPence } : undefined,
      after: { name: input.name, weeklyPence: input.weekly, effectiveFrom: input.effectiveFrom },
      requestId,
    });
  });
}
