import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import type { Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { getRegionalSummary } from '~/modules/reporting/summary.server';
import { createHousehold, createUser } from '../../support/factories';

const PERIOD = { from: '2025-04-01', to: '2026-03-31' };

async function createViewer(role: Exclude<Role, 'socialWorker' | 'fosteringManager' | 'decisionMaker' | 'panelAdviser' | 'mockingbirdLiaison' | 'panelMember'>): Promise<Viewer> {
  const user = await createUser({ role });
  return { userId: user.id, name: user.name, email: user.email, sessionId: 'test-session', role, councilId: null };
}

async function createFlows(councilId: string | null, count: number, dates: { enquiryDate: string; applicationDate?: string; approvalDate?: string }) {
  for (let index = 0; index < count; index += 1) {
    const household = await createHousehold({ councilId, enquiryDate: dates.enquiryDate });
    await prisma.household.update({
      where: { id: household.id },
      data: { applicationDate: dates.applicationDate ?? null, approvalDate: dates.approvalDate ?? null },
    });
  }
}

beforeAll(async () => {
  await prisma.household.deleteMany();
  // Derby City: 30 enquiries, 12 of them applied, 7 of those approved, all in the period.
  await createFlows('derby-city', 7, { enquiryDate: '2025-05-01', applicationDate: '2025-07-01', approvalDate: '2026-02-01' });
  await createFlows('derby-city', 5, { enquiryDate: '2025-05-01', applicationDate: '2025-07-01' });
  await createFlows('derby-city', 18, { enquiryDate: '2025-06-01' });
  // Nottinghamshire: 40 enquiries, 20 applications, 15 approvals.
  await createFlows('nottinghamshire', 15, { enquiryDate: '2025-05-01', applicationDate: '2025-08-01', approvalDate: '2026-03-31' });
  await createFlows('nottinghamshire', 5, { enquiryDate: '2025-05-01', applicationDate: '2025-08-01' });
  await createFlows('nottinghamshire', 20, { enquiryDate: '2025-09-01' });
  // Outside the period at both ends: counted nowhere.
  await createFlows('derbyshire', 3, { enquiryDate: '2025-03-31' });
  await createFlows('derbyshire', 2, { enquiryDate: '2026-04-01' });
  // A kinship referral is counted in its own funnel, not this one.
  await createHousehold({ councilId: 'derbyshire', route: 'kinship', stage: 'kinship.referral', enquiryDate: '2025-06-01' });
});

describe('getRegionalSummary', () => {
  it('gives a hub manager exact counts per council, with conversion to one decimal place', async () => {
    const summary = await getRegionalSummary(await createViewer('hubManager'), PERIOD);

    expect(summary.suppressed).toBe(false);
    expect(summary.rows).toEqual([
      { key: 'derby-city', councilName: 'Derby City Council', enquiries: 30, applications: 12, approvals: 7, enquiryToApplication: 40, applicationToApproval: 58.3 },
      { key: 'derbyshire', councilName: 'Derbyshire County Council', enquiries: 0, applications: 0, approvals: 0, enquiryToApplication: null, applicationToApproval: null },
      { key: 'nottingham-city', councilName: 'Nottingham City Council', enquiries: 0, applications: 0, approvals: 0, enquiryToApplication: null, applicationToApproval: null },
      { key: 'nottinghamshire', councilName: 'Nottinghamshire County Council', enquiries: 40, applications: 20, approvals: 15, enquiryToApplication: 50, applicationToApproval: 75 },
    ]);
    expect(summary.total).toEqual({
      key: 'total', councilName: 'All councils', enquiries: 70, applications: 32, approvals: 22, enquiryToApplication: 45.7, applicationToApproval: 68.8,
    });
  });

  it('gives a regional viewer suppressed figures, with no total that gives a hidden one back', async () => {
    const summary = await getRegionalSummary(await createViewer('regionalViewer'), PERIOD);

    expect(summary.suppressed).toBe(true);
    const derby = summary.rows.find((row) => row.key === 'derby-city');
    const nottinghamshire = summary.rows.find((row) => row.key === 'nottinghamshire');
    // Derby's 7 approvals are hidden; so are Nottinghamshire's 15, or 22 − 15 would give the 7 back.
    expect(derby).toMatchObject({ enquiries: 30, applications: 12, approvals: 'x', enquiryToApplication: 40, applicationToApproval: 'x' });
    expect(nottinghamshire).toMatchObject({ enquiries: 40, applications: 20, approvals: 'x', enquiryToApplication: 50, applicationToApproval: 'x' });
    expect(summary.total).toMatchObject({ enquiries: 70, applications: 32, approvals: 22, applicationToApproval: 68.8 });
  });

  it('counts cases whose council is not known yet on a row of their own', async () => {
    const household = await createHousehold({ councilId: null, enquiryDate: '2025-04-01' });
    const summary = await getRegionalSummary(await createViewer('hubManager'), PERIOD);
    await prisma.household.delete({ where: { id: household.id } });

    expect(summary.rows.at(-1)).toMatchObject({ key: 'no-council', councilName: 'Council not yet known', enquiries: 1 });
    expect(summary.total.enquiries).toBe(71);
  });

  it('refuses a viewer without reports', async () => {
    await expect(getRegionalSummary(await createViewer('hubOfficer'), PERIOD)).rejects.toBeInstanceOf(Forbidden);
  });
});
