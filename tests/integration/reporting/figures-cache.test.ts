import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { getConversionDashboard } from '~/modules/reporting/conversion-dashboard.server';
import { rememberFigures } from '~/modules/reporting/figures-cache.server';
import { createHousehold, createViewer } from '../../support/factories';

// The dashboards remember their figures per filter until the data changes (decision 014). The version that decides it
// is kept by triggers (migration reporting_data_version); a migration that redefines one of these tables drops them.

const FILTER = { from: '2026-01-01', to: '2026-03-31', asAt: '2026-11-23', councilId: null, route: null };

async function version() {
  return (await prisma.reportingDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
}

describe('remembered report figures', () => {
  it('has the version triggers on every table the reports count from', async () => {
    const triggers = await prisma.$queryRaw<{ name: string }[]>`
      SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_reporting_version_%' ORDER BY name`;
    const tables = ['Approval', 'ConstellationMembership', 'Deregistration', 'Household', 'HouseholdInterest', 'Target'];
    expect(triggers.map((trigger) => trigger.name)).toEqual(
      tables.flatMap((table) => ['delete', 'insert', 'update'].map((event) => `${table}_reporting_version_${event}`)).sort(),
    );
  });

  it('bumps the version for a change the reports count, and not for casework that they do not', async () => {
    const household = await createHousehold({ enquiryDate: '2026-02-10' });
    const afterInsert = await version();

    await prisma.household.update({ where: { id: household.id }, data: { lastActivityAt: new Date('2026-11-23T09:00:00Z') } });
    expect(await version()).toBe(afterInsert);

    await prisma.household.update({ where: { id: household.id }, data: { applicationDate: '2026-03-02' } });
    expect(await version()).toBe(afterInsert + 1);

    await prisma.target.create({
      data: { label: 'Test target', fromStage: 'enquiry.received', toStage: 'approved', valuePercent: 13, effectiveFrom: '2026-01-01', source: 'test' },
    });
    expect(await version()).toBe(afterInsert + 2);
  });

  it('counts once while nothing changes, and again as soon as something does', async () => {
    let counted = 0;
    const count = async () => {
      counted += 1;
      return prisma.household.count();
    };
    const first = await rememberFigures('test', FILTER, count);
    expect(await rememberFigures('test', FILTER, count)).toBe(first);
    expect(counted).toBe(1);
    // Another filter is counted on its own.
    await rememberFigures('test', { ...FILTER, councilId: 'derby-city' }, count);
    expect(counted).toBe(2);

    await createHousehold({ enquiryDate: '2026-02-11' });
    expect(await rememberFigures('test', FILTER, count)).toBe(first + 1);
    expect(counted).toBe(3);
  });

  it('shows a stage change on the conversion dashboard at once', async () => {
    const manager = await createViewer('fosteringManager', 'derby-city');
    const councils = [{ id: 'derby-city', name: 'Derby City' }];
    const filter = { ...FILTER, councilId: 'derby-city' };
    const enquired = await createHousehold({ enquiryDate: '2026-02-12' });
    const before = await getConversionDashboard(manager, { filter, councils });
    const applicationsBefore = before.cohort.counts[1].value;

    await prisma.household.update({ where: { id: enquired.id }, data: { applicationDate: '2026-03-20', stage: 'application.submitted' } });
    const after = await getConversionDashboard(manager, { filter, councils });
    expect(after.cohort.counts[1].value).toBe(Number(applicationsBefore) + 1);
  });
});
