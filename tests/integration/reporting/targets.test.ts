import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { findApplicableTarget, ragStatus } from '~/modules/reporting/targets.server';

const ENQUIRY = 'enquiry.received';
const APPLICATION = 'application.submitted';

beforeAll(async () => {
  await prisma.target.deleteMany();
  await prisma.target.createMany({
    data: [
      { id: 'ffem-old', label: 'Old FfEM target', fromStage: ENQUIRY, toStage: APPLICATION, basis: 'cohort', valuePercent: 20, effectiveFrom: '2020-01-01', effectiveTo: '2024-02-29', source: 'test' },
      { id: 'ffem-now', label: 'Conversion target for enquires to applications 25%', fromStage: ENQUIRY, toStage: APPLICATION, basis: 'cohort', valuePercent: 25, effectiveFrom: '2024-03-01', source: 'test' },
      { id: 'derbyshire-year', label: 'Derbyshire’s own', fromStage: ENQUIRY, toStage: APPLICATION, basis: 'cohort', valuePercent: 30, councilId: 'derbyshire', effectiveFrom: '2025-04-01', effectiveTo: '2026-03-31', source: 'test' },
      { id: 'ffem-period', label: 'Period basis', fromStage: ENQUIRY, toStage: APPLICATION, basis: 'period', valuePercent: 12, effectiveFrom: '2024-03-01', source: 'test' },
      { id: 'monthly', label: 'Up to 40 a month', fromStage: ENQUIRY, toStage: ENQUIRY, basis: 'monthlyCount', valueCount: 40, councilId: 'derbyshire', effectiveFrom: '2017-04-01', source: 'test' },
    ],
  });
});

async function targetIdFor(councilId: string | null, on: string, basis: 'cohort' | 'period' = 'cohort') {
  return (await findApplicableTarget({ fromStage: ENQUIRY, toStage: APPLICATION, basis, councilId, on }))?.id ?? null;
}

describe('findApplicableTarget', () => {
  it('takes the FfEM-wide target in force on the date', async () => {
    expect(await targetIdFor(null, '2026-03-31')).toBe('ffem-now');
    expect(await targetIdFor('nottinghamshire', '2026-03-31')).toBe('ffem-now');
    expect(await targetIdFor(null, '2023-06-30')).toBe('ffem-old');
    expect(await targetIdFor(null, '2019-12-31')).toBeNull();
  });

  it('prefers a council’s own target while it is in force, and falls back when it ends', async () => {
    expect(await targetIdFor('derbyshire', '2026-03-31')).toBe('derbyshire-year');
    expect(await targetIdFor('derbyshire', '2026-04-01')).toBe('ffem-now');
    // All four councils together are measured against the FfEM-wide target, never one council's.
    expect(await targetIdFor(null, '2025-12-31')).toBe('ffem-now');
  });

  it('keeps cohort and period targets apart', async () => {
    expect(await targetIdFor(null, '2026-03-31', 'period')).toBe('ffem-period');
  });
});

describe('ragStatus', () => {
  it('is green at or above, amber up to 5 points below, red further below', () => {
    expect(ragStatus(25, 25)).toBe('green');
    expect(ragStatus(31.2, 25)).toBe('green');
    expect(ragStatus(24.9, 25)).toBe('amber');
    expect(ragStatus(20, 25)).toBe('amber');
    expect(ragStatus(19.9, 25)).toBe('red');
  });
  it('says nothing without a rate or a target', () => {
    expect(ragStatus(null, 25)).toBeNull();
    expect(ragStatus(10, null)).toBeNull();
  });
});
