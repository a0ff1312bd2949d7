import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, ValidationFailed } from '~/lib/errors';
import type { Viewer } from '~/modules/auth/viewer';
import {
  exportConversionDashboardCsv,
  getConversionDashboard,
  readDashboardFilter,
} from '~/modules/reporting/conversion-dashboard.server';
import { createHousehold, createViewer } from '../../support/factories';

// 2025/26 for Derbyshire: 7 enquiries in the period (none applied), 25 households approved before it, of which 3
// resigned and 20 ended otherwise during it. Small numbers on purpose, to see suppression for the regional viewer.
const PERIOD_QUERY = {
  'from-day': '1', 'from-month': '4', 'from-year': '2025',
  'to-day': '31', 'to-month': '3', 'to-year': '2026',
  'asAt-day': '31', 'asAt-month': '3', 'asAt-year': '2026',
};
const TODAY = '2026-11-23';

let hubManager: Viewer;
let regionalViewer: Viewer;
let derbyshireManager: Viewer;

beforeAll(async () => {
  await prisma.target.deleteMany();
  await prisma.target.create({
    data: { label: 'Conversion target for enquires to applications 25%', fromStage: 'enquiry.received', toStage: 'application.submitted', basis: 'cohort', valuePercent: 25, effectiveFrom: '2024-03-01', source: 'test' },
  });
  for (let index = 0; index < 7; index += 1) await createHousehold({ councilId: 'derbyshire', enquiryDate: '2025-06-01' });
  for (let index = 0; index < 25; index += 1) {
    const household = await createHousehold({ councilId: 'derbyshire', enquiryDate: '2015-01-01' });
    const approval = await prisma.approval.create({
      data: { householdId: household.id, councilId: 'derbyshire', approvalType: 'mainstream', approvedOn: '2016-01-01' },
    });
    if (index < 23) {
      const resigned = index < 3;
      await prisma.deregistration.create({
        data: {
          approvalId: approval.id,
          councilId: 'derbyshire',
          effectiveOn: '2025-10-01',
          primaryReason: resigned ? 'HEALTH' : 'SGO_GRANTED',
          reasonGroup: resigned ? 'resigned' : 'otherEnding',
        },
      });
    }
  }
  hubManager = await createViewer('hubManager');
  regionalViewer = await createViewer('regionalViewer');
  derbyshireManager = await createViewer('fosteringManager', 'derbyshire');
});

async function dashboardFor(viewer: Viewer, query: Record<string, string>) {
  const loaded = await readDashboardFilter(viewer, new URLSearchParams({ ...PERIOD_QUERY, ...query }), TODAY);
  return getConversionDashboard(viewer, loaded);
}

const valuesOf = (rows: { value: unknown }[]) => rows.map((row) => row.value);

describe('conversion dashboard', () => {
  it('shows managers exact figures, with each rate against its target', async () => {
    const dashboard = await dashboardFor(hubManager, { council: 'derbyshire' });
    expect(dashboard.suppressed).toBe(false);
    expect(valuesOf(dashboard.cohort.counts)).toEqual([7, 0, 0]);
    // 0/7 = 0.0% against 25%: red. 0/0: empty. 0/7 enquiry to approval: no target set.
    expect(dashboard.cohort.rates.map(({ value, rag, target }) => [value, rag, target?.valuePercent ?? null])).toEqual([
      [0, 'red', 25],
      [null, null, null],
      [0, null, null],
    ]);
    // Stock 25, approvals 0, resignations 3, other endings 20, deregistrations 23, net change 0 − 23 = −23.
    expect(valuesOf(dashboard.resignations.counts)).toEqual([25, 0, 3, 20, 23, -23]);
    // 3/25 = 12.0%; 23/25 = 92.0%.
    expect(valuesOf(dashboard.resignations.rates)).toEqual([12, 92]);
    expect(dashboard.resignations.benchmarkPercent).toBe(12);
  });

  it('suppresses counts from 1 to 10 for the regional viewer, and anything that would give them away', async () => {
    const dashboard = await dashboardFor(regionalViewer, { council: 'derbyshire' });
    expect(dashboard.suppressed).toBe(true);
    // 7 enquiries → x; 0 stays 0.
    expect(valuesOf(dashboard.cohort.counts)).toEqual(['x', 0, 0]);
    // Each rate over the hidden 7 is hidden; 0/0 stays empty.
    expect(valuesOf(dashboard.cohort.rates)).toEqual(['x', null, 'x']);
    // 3 resignations → x; deregistrations (23) would give them back from the 20 other endings, so those are hidden
    // too; the resignation rate is hidden with its numerator; the deregistration rate 23/25 = 92.0% is not.
    expect(valuesOf(dashboard.resignations.counts)).toEqual([25, 0, 'x', 'x', 23, -23]);
    expect(valuesOf(dashboard.resignations.rates)).toEqual(['x', 92]);
  });

  it('keeps a council’s fostering manager to their own council', async () => {
    await expect(dashboardFor(derbyshireManager, { council: 'nottingham-city' })).rejects.toBeInstanceOf(Forbidden);
    const own = await dashboardFor(derbyshireManager, {});
    expect(own.filter.councilId).toBe('derbyshire');
    expect(valuesOf(own.cohort.counts)).toEqual([7, 0, 0]);
  });

  it('exports the same tables as CSV and records the export', async () => {
    const loaded = await readDashboardFilter(regionalViewer, new URLSearchParams({ ...PERIOD_QUERY, council: 'derbyshire' }), TODAY);
    const { filename, body } = await exportConversionDashboardCsv(regionalViewer, loaded, { requestId: 'req-csv' });
    expect(filename).toBe('conversion-derbyshire-2025-04-01-to-2026-03-31-external.csv');
    const lines = body.split('\r\n');
    expect(lines[0]).toBe('Table,Measure,Value,Target (%),Against target,Target wording');
    expect(lines).toContain('Cohort conversion,Enquiries in the period,x,,,');
    expect(lines).toContain('Cohort conversion,Enquiry to application (%),x,25,,Conversion target for enquires to applications 25%');
    expect(lines).toContain('Resignations,Resignations,x,,,');
    expect(lines).toContain('Resignations,Deregistration rate (%),92,,,');
    expect(lines).toContain('Resignations,Fostering Network resignation benchmark (%),12,,,');
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'export.report', requestId: 'req-csv' } });
    expect(audit.actorId).toBe(regionalViewer.userId);
  });

  it('refuses a CSV for a filter it cannot read, rather than exporting other figures', async () => {
    const loaded = await readDashboardFilter(hubManager, new URLSearchParams({ ...PERIOD_QUERY, route: 'adoption' }), TODAY);
    await expect(exportConversionDashboardCsv(hubManager, loaded)).rejects.toBeInstanceOf(ValidationFailed);
  });
});
