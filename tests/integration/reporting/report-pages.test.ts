import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import type { Viewer } from '~/modules/auth/viewer';
import { readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';
import { costParameterSchema } from '~/modules/reporting/cost-schema';
import { buildCostTables, recordCostParameter } from '~/modules/reporting/costs.server';
import { exportReportTableCsv, getBoardPack, getComparisonPage, getCostPage, getDashboardPage } from '~/modules/reporting/report-pages.server';
import { cellMaker, type Cell } from '~/modules/reporting/report-table';
import { parseForm } from '~/lib/forms';
import { createViewer } from '../../support/factories';
import { buildDashboardFixture, PERIOD, PERIOD_QUERY } from './dashboard-fixture';

const TODAY = '2026-11-23';
let hubManager: Viewer;
let regionalViewer: Viewer;
let derbyshireManager: Viewer;
let nottinghamManager: Viewer;

beforeAll(async () => {
  await buildDashboardFixture();
  hubManager = await createViewer('hubManager');
  regionalViewer = await createViewer('regionalViewer');
  derbyshireManager = await createViewer('fosteringManager', 'derbyshire');
  nottinghamManager = await createViewer('fosteringManager', 'nottingham-city');
});

const load = (viewer: Viewer, query: Record<string, string> = {}) =>
  readDashboardFilter(viewer, new URLSearchParams({ ...PERIOD_QUERY, ...query }), TODAY);
const valueOf = (cell: Cell) => ('value' in cell ? cell.value : cell.pence);

describe('report pages', () => {
  it('show a fostering manager their own council, exactly', async () => {
    const page = await getDashboardPage(derbyshireManager, await load(derbyshireManager));
    expect(page.suppressed).toBe(false);
    expect(page.tables?.[0].rows[0].cells.map(valueOf)).toEqual(['Enquiries', 7, 7]);
  });

  it('refuse a fostering manager another council’s figures', async () => {
    await expect(load(derbyshireManager, { council: 'nottingham-city' })).rejects.toBeInstanceOf(Forbidden);
  });

  it('show no figures at all while the filter has a mistake, only the message', async () => {
    const loaded = await load(hubManager, { 'to-day': '31', 'to-month': '3', 'to-year': '2025' });
    expect(loaded.errors).toEqual({ to: 'The end date must be the same as or after the start date' });
    expect((await getDashboardPage(hubManager, loaded)).tables).toBeNull();
    const impossible = await load(hubManager, { 'from-day': '30', 'from-month': '2', 'from-year': '2025' });
    expect(impossible.errors.from).toBe('Enter a real start date, like 1 4 2025');
    expect((await getComparisonPage(hubManager, impossible)).table).toBeNull();
    const unknown = await load(hubManager, { council: 'rutland' });
    expect(unknown.errors.council).toBe('Choose a council from the list');
  });

  it('compare only the manager’s own council for a fostering manager, all four for the board', async () => {
    const own = await getComparisonPage(derbyshireManager, await load(derbyshireManager));
    expect(own.table?.columns.map((column) => column.label)).toEqual(['Measure', 'Derbyshire County Council']);
    const board = await getComparisonPage(regionalViewer, await load(regionalViewer));
    expect(board.table?.columns).toHaveLength(6);
    expect(board.suppressed).toBe(true);
  });

  it('suppress the board pack for everyone, hub manager included', async () => {
    const pack = await getBoardPack(hubManager, await load(hubManager, { council: 'derbyshire' }));
    expect(pack.tables?.[0].rows[0].cells.map(valueOf)).toEqual(['Enquiries', 'x', 'x']);
    expect(pack.comparison?.rows[0].cells.map(valueOf).slice(1, 5)).toEqual([0, 'x', 'x', 0]);
    // Indicative costs too, with the saving of net new households hidden with the small counts it comes from.
    expect(pack.costs?.rows.slice(5).map((row) => valueOf(row.cells[1]))).toEqual(['x', 'x']);
  });
});

describe('CSV of one table', () => {
  it('has the page’s figures, suppressed as on the page, and records the export', async () => {
    const loaded = await load(regionalViewer, { council: 'derbyshire' });
    const { filename, body } = await exportReportTableCsv(regionalViewer, 'kinship-share', loaded, { requestId: 'req-table-csv' });
    expect(filename).toBe('kinship-share-derbyshire-2025-04-01-to-2026-03-31-external.csv');
    // 1 and 2 are hidden, and so is the 50% share built on them.
    expect(body).toBe('Measure,Value\r\nKinship households approved,x\r\nAll households approved,x\r\nKinship share (%),x\r\n');
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'export.report', requestId: 'req-table-csv' } });
    expect(audit.actorId).toBe(regionalViewer.userId);
    expect(JSON.parse(audit.afterJson ?? '{}')).toMatchObject({ report: 'kinship-share', suppressed: true });
  });

  it('gives a manager exact figures', async () => {
    const { body } = await exportReportTableCsv(hubManager, 'funnel', await load(hubManager, { council: 'derbyshire' }));
    expect(body.split('\r\n').slice(1, 5)).toEqual(['Enquiries,7,7', 'Initial visits,4,3', 'Applications,2,3', 'Approvals,2,2']);
  });

  it('refuses an unknown table and a filter with a mistake', async () => {
    await expect(exportReportTableCsv(hubManager, 'salaries', await load(hubManager))).rejects.toBeInstanceOf(NotFound);
    const bad = await load(hubManager, { route: 'adoption' });
    await expect(exportReportTableCsv(hubManager, 'funnel', bad)).rejects.toBeInstanceOf(ValidationFailed);
  });
});

describe('cost view', () => {
  it('prices care with in-house carers at both weekly rates', async () => {
    const [costs, assumptions] = await buildCostTables({ ...PERIOD, councilId: 'derbyshire', route: null }, cellMaker(false));
    // S3: 2 children all 365 days of 2025/26 = 730 child-days; H1: 1 child 1 December to 4 January = 35. 765 in all,
    // 109 child-weeks. In-house 765 × £634 / 7 = £69,287.14; agency 765 × £974 / 7 = £106,444.29; difference
    // 765 × £340 / 7 = £37,157.14. Approved since launch: H1 only, 35 × £340 / 7 = £1,700. Net new households:
    // 2 approvals − 1 deregistration = 1, worth 52 × £340 = £17,680 a year.
    expect(costs.columns.map((column) => column.label)).toEqual(['Measure', 'Derbyshire County Council']);
    expect(costs.rows.map((row) => valueOf(row.cells[1]))).toEqual([109, 6_928_714, 10_644_429, 3_715_714, 170_000, 1, 1_768_000]);
    expect(assumptions.rows.map((row) => row.cells.map(valueOf))).toEqual([
      ['Derbyshire County Council', 'In-house fostering, average weekly cost', 63_400, '2024-03-01', 'test in-house'],
      ['Derbyshire County Council', 'Independent fostering agency, average weekly cost', 97_400, '2024-03-01', 'test agency'],
    ]);
  });

  it('says when a council has no rates rather than pricing it at zero', async () => {
    const [costs] = await buildCostTables({ ...PERIOD, councilId: 'nottingham-city', route: null }, cellMaker(false));
    expect(costs.rows.slice(1, 5).map((row) => valueOf(row.cells[1]))).toEqual([null, null, null, null]);
    expect(costs.notes?.at(-1)).toContain('No weekly rates are recorded for Nottingham City Council');
  });

  it('lets a fostering manager change their own council’s rate from a date, audited, and nobody else’s', async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      councilId: 'derbyshire', name: 'inHouseWeekly', weekly: '£650', 'effectiveFrom-day': '1', 'effectiveFrom-month': '1', 'effectiveFrom-year': '2026', source: 'Budget 2026',
    })) form.append(key, value);
    const parsed = parseForm(costParameterSchema, form);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    await expect(recordCostParameter(nottinghamManager, parsed.data)).rejects.toBeInstanceOf(Forbidden);
    await expect(recordCostParameter(regionalViewer, parsed.data)).rejects.toBeInstanceOf(Forbidden);
    await recordCostParameter(derbyshireManager, parsed.data, { requestId: 'req-cost' });

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { requestId: 'req-cost' } });
    expect([audit.action, audit.actorId, audit.councilId]).toEqual(['costParameter.create', derbyshireManager.userId, 'derbyshire']);
    // The new rate applies to periods ending on or after 1 January 2026; the earlier one stays for earlier periods.
    const page = await getCostPage(derbyshireManager, await load(derbyshireManager));
    expect(page.tables?.[1].rows[0].cells.map(valueOf).slice(2, 4)).toEqual([65_000, '2026-01-01']);
    const [, before] = await buildCostTables({ from: '2025-04-01', to: '2025-12-31', asAt: PERIOD.asAt, councilId: 'derbyshire', route: null }, cellMaker(false));
    expect(before.rows[0].cells.map(valueOf)[2]).toBe(63_400);
    expect(page.editableCouncils.map((council) => council.id)).toEqual(['derbyshire']);
  });

  it('refuses a weekly cost that is not money, and a date that does not exist, with messages', () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      councilId: 'derbyshire', name: 'ifaWeekly', weekly: 'lots', 'effectiveFrom-day': '31', 'effectiveFrom-month': '2', 'effectiveFrom-year': '2026', source: '',
    })) form.append(key, value);
    const parsed = parseForm(costParameterSchema, form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({
      weekly: 'Enter the weekly cost in pounds, like 634 or 634.50',
      effectiveFrom: 'The date the cost applies from must be a real date, like 1 4 2025',
      source: 'Say where the figure comes from, like “Derbyshire sufficiency strategy 2025”',
    });
  });
});
