import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { DEFAULT_FILTER, type HouseholdFilter } from '~/modules/households/filters';
import { getHouseholdBoard } from '~/modules/households/households.server';
import { createHousehold, createViewer } from '../../support/factories';

// The board reads each column's cards one stage at a time and each card's arrival from its own transitions; these
// tests pin what it shows for households with long histories and for columns fuller than the board shows.

// A Monday in British Summer Time.
const TODAY = '2026-04-27';

const filterOf = (patch: Partial<HouseholdFilter>): HouseholdFilter => ({ ...DEFAULT_FILTER, ...patch });

async function household(displayName: string, stage: string, details: { updatedAt?: Date; nextDueOn?: string | null } = {}) {
  const created = await createHousehold({ displayName, stage });
  return prisma.household.update({
    where: { id: created.id },
    data: { nextDueOn: details.nextDueOn ?? null, updatedAt: details.updatedAt ?? new Date('2026-04-24T10:00:00Z') },
  });
}

type Step = { from: string | null; to: string; event: string; on: string };

async function transitions(householdId: string, steps: readonly Step[]) {
  await prisma.pipelineTransition.createMany({
    data: steps.map((step) => ({
      householdId,
      fromStage: step.from,
      toStage: step.to,
      event: step.event,
      occurredOn: step.on,
      occurredAt: new Date(`${step.on}T10:00:00Z`),
      recordedAt: new Date(`${step.on}T10:00:00Z`),
      machineVersion: 1,
    })),
  });
}

beforeEach(async () => {
  await prisma.household.deleteMany();
});

describe('days in this stage', () => {
  it('counts from the latest arrival at the current stage, past holds, steps within the stage and other stages', async () => {
    const hub = await createViewer('hubOfficer');
    const returned = await household('Back from hold', 'assessment.stage1');
    await transitions(returned.id, [
      { from: null, to: 'enquiry.received', event: 'ENQUIRY_RECEIVED', on: '2026-01-05' },
      { from: 'application.allocation', to: 'assessment.stage1', event: 'ALLOCATED', on: '2026-03-02' },
      { from: 'assessment.stage1', to: 'onHold', event: 'HOLD', on: '2026-03-10' },
      // Back in Stage 1 on 15 April: 12 days before 27 April.
      { from: 'onHold', to: 'assessment.stage1', event: 'RESUME', on: '2026-04-15' },
      { from: 'assessment.stage1', to: 'assessment.stage1', event: 'CHECK_RECORDED', on: '2026-04-22' },
    ]);
    const held = await household('Still on hold', 'onHold');
    await transitions(held.id, [
      { from: null, to: 'enquiry.received', event: 'ENQUIRY_RECEIVED', on: '2026-02-01' },
      { from: 'enquiry.received', to: 'onHold', event: 'HOLD', on: '2026-02-10' },
      { from: 'onHold', to: 'enquiry.received', event: 'RESUME', on: '2026-03-01' },
      // On hold again from 6 April: 21 days before 27 April.
      { from: 'enquiry.received', to: 'onHold', event: 'HOLD', on: '2026-04-06' },
    ]);
    const neverArrived = await household('Imported at Stage 2', 'assessment.stage2');
    await transitions(neverArrived.id, [{ from: null, to: 'assessment.stage1', event: 'IMPORTED', on: '2026-02-01' }]);

    const board = await getHouseholdBoard(hub, DEFAULT_FILTER, TODAY);
    const cards = board.columns.flatMap((column) => column.cards);

    expect(cards.find((card) => card.displayName === 'Back from hold')).toMatchObject({ daysInStage: 12, stage: 'assessment.stage1' });
    expect(cards.find((card) => card.displayName === 'Still on hold')).toMatchObject({ daysInStage: 21, stage: 'onHold' });
    expect(cards.find((card) => card.displayName === 'Imported at Stage 2')).toMatchObject({ daysInStage: null });
  });
});

describe('a column of several stages', () => {
  // Enquiry households 1 to 25, spread over the four enquiry stages; household n was updated n hours after midnight
  // UTC on 1 April, so the most recently updated is number 25.
  async function twentyFiveEnquiries() {
    const stages = ['enquiry.received', 'enquiry.contacted', 'enquiry.visitBooked', 'enquiry.visited'];
    const created = [];
    for (let n = 1; n <= 25; n += 1) {
      created.push(
        await household(`Enquiry ${n}`, stages[n % 4], {
          updatedAt: new Date(Date.UTC(2026, 3, 1, n)),
          // Households 1, 5, 9 … 25 are due on their number's day of May; the other eighteen have no deadline.
          nextDueOn: n % 4 === 1 ? `2026-05-${String(n).padStart(2, '0')}` : null,
        }),
      );
    }
    return created;
  }

  it('shows the 10 most recently updated across its stages, newest first, and counts them all', async () => {
    const hub = await createViewer('hubOfficer');
    await twentyFiveEnquiries();

    const board = await getHouseholdBoard(hub, DEFAULT_FILTER, TODAY);

    expect(board.columns[0]).toMatchObject({ id: 'enquiry', count: 25 });
    expect(board.columns[0].cards.map((card) => card.displayName)).toEqual(
      [25, 24, 23, 22, 21, 20, 19, 18, 17, 16].map((n) => `Enquiry ${n}`),
    );
    const oldestFirst = await getHouseholdBoard(hub, { ...DEFAULT_FILTER, direction: 'asc' }, TODAY);
    expect(oldestFirst.columns[0].cards.map((card) => card.displayName)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Enquiry ${n}`),
    );
  });

  it('follows the chosen sort, with households that have no deadline after those that have one', async () => {
    const hub = await createViewer('hubOfficer');
    const created = await twentyFiveEnquiries();
    // Households without a deadline tie, so they come in id order, the way the sort runs.
    const withoutDeadline = created.filter((row) => row.nextDueOn === null).sort((a, b) => (a.id < b.id ? -1 : 1));

    const soonest = await getHouseholdBoard(hub, filterOf({ sort: 'nextDue', direction: 'asc' }), TODAY);
    const latest = await getHouseholdBoard(hub, filterOf({ sort: 'nextDue', direction: 'desc' }), TODAY);

    // 7 households have a deadline; the first 3 of those without one fill the column's 10 cards.
    expect(soonest.columns[0].cards.map((card) => card.displayName)).toEqual([
      ...[1, 5, 9, 13, 17, 21, 25].map((n) => `Enquiry ${n}`),
      ...withoutDeadline.slice(0, 3).map((row) => row.displayName),
    ]);
    expect(latest.columns[0].cards.map((card) => card.displayName)).toEqual([
      ...[25, 21, 17, 13, 9, 5, 1].map((n) => `Enquiry ${n}`),
      ...withoutDeadline.reverse().slice(0, 3).map((row) => row.displayName),
    ]);
  });

  it('keeps to the stage the filter names', async () => {
    const hub = await createViewer('hubOfficer');
    await twentyFiveEnquiries();

    const board = await getHouseholdBoard(hub, filterOf({ stage: 'enquiry.contacted' }), TODAY);

    // enquiry.contacted holds the households whose number leaves 1 when divided by 4.
    expect(board.columns[0]).toMatchObject({ id: 'enquiry', count: 7 });
    expect(board.columns[0].cards.map((card) => card.displayName)).toEqual(
      [25, 21, 17, 13, 9, 5, 1].map((n) => `Enquiry ${n}`),
    );
  });
});
