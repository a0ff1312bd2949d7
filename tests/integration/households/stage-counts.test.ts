import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { DEFAULT_FILTER } from '~/modules/households/filters';
import { getHouseholdBoard, getHubOverview } from '~/modules/households/households.server';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';
import { createHousehold, createViewer } from '../../support/factories';

// HouseholdStageCount is kept by triggers (migration household_stage_counts). A migration that redefines the
// Household table drops them silently, so this file checks that they exist and that the counts stay exact.

const TODAY = '2026-04-27';
const NOW = new Date('2026-04-27T10:00:00Z');

/** The kept counts, without empty cells, as "stage|council" → households. */
async function keptCounts() {
  const cells = await prisma.householdStageCount.findMany({ where: { households: { gt: 0 } } });
  return Object.fromEntries(cells.map((cell) => [`${cell.stage}|${cell.councilKey}`, cell.households]));
}

describe('the household counts per stage and council', () => {
  it('has its three triggers on Household', async () => {
    const triggers = await prisma.$queryRaw<{ name: string }[]>`
      SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Household' AND name LIKE 'Household_stage_count_%' ORDER BY name`;
    expect(triggers.map((trigger) => trigger.name)).toEqual([
      'Household_stage_count_delete',
      'Household_stage_count_insert',
      'Household_stage_count_update',
    ]);
  });

  it('stays exact through inserts, the pipeline writer, a change of council, raw updates and deletes', async () => {
    const officer = await createViewer('hubOfficer');
    const first = await createHousehold({ stage: 'enquiry.received', councilId: 'derby-city' });
    await createHousehold({ stage: 'enquiry.received', councilId: 'derby-city' });
    const unknown = await createHousehold({ stage: 'enquiry.received', councilId: null });
    const allocated = await createHousehold({ stage: 'assessment.stage1', councilId: 'derby-city', allocatedCouncilId: 'derby-city' });
    expect(await keptCounts()).toEqual({ 'enquiry.received|derby-city': 2, 'enquiry.received|': 1, 'assessment.stage1|derby-city': 1 });

    await applyPipelineEvent(officer, first.id, { type: 'CONTACT_MADE', occurredOn: '2026-04-24' }, { now: NOW });
    await prisma.household.update({ where: { id: unknown.id }, data: { councilId: 'derbyshire' } });
    await prisma.household.update({ where: { id: allocated.id }, data: { displayName: 'Renamed' } });
    await prisma.household.delete({ where: { id: allocated.id } });

    expect(await keptCounts()).toEqual({
      'enquiry.received|derby-city': 1,
      'enquiry.contacted|derby-city': 1,
      'enquiry.received|derbyshire': 1,
    });
    const counted = await prisma.household.groupBy({ by: ['stage', 'councilId'], _count: { _all: true } });
    expect(Object.fromEntries(counted.map((group) => [`${group.stage}|${group.councilId ?? ''}`, group._count._all]))).toEqual(await keptCounts());
  });

  it('gives the hub’s board and home the same counts as counting the rows', async () => {
    const hub = await createViewer('hubManager');
    const board = await getHouseholdBoard(hub, DEFAULT_FILTER, TODAY);
    expect(board.columns.find((column) => column.id === 'enquiry')?.count).toBe(3);
    const home = await getHubOverview(hub, TODAY);
    const enquiryRows = home.openHouseholds.rows.filter((row) => row.stage.startsWith('enquiry.'));
    expect(enquiryRows.map((row) => [row.stage, row.total])).toEqual([
      ['enquiry.received', 2],
      ['enquiry.contacted', 1],
    ]);
  });
});
