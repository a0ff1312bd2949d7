import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { assignWorker } from '~/modules/households/casework.server';
import { getCouncilHandovers } from '~/modules/households/handovers.server';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';
import { createHousehold, createViewer } from '../../support/factories';

const ON = '2026-04-20';
const TODAY = '2026-04-27';
const NOW = new Date('2026-04-27T10:00:00Z');

async function proposeTo(councilId: string, displayName: string) {
  const hubManager = await createViewer('hubManager');
  const household = await createHousehold({ stage: 'application.submitted', displayName, councilId });
  await applyPipelineEvent(hubManager, household.id, { type: 'ALLOCATION_PROPOSED', councilId, occurredOn: ON }, { now: NOW });
  return household;
}

beforeEach(async () => {
  await prisma.household.deleteMany();
});

describe('the council home’s hand-over lists', () => {
  it('shows a fostering team manager the proposals made to their own council, until the council answers', async () => {
    const derbyManager = await createViewer('fosteringManager', 'derby-city');
    const nottinghamManager = await createViewer('fosteringManager', 'nottingham-city');
    const toDerby = await proposeTo('derby-city', 'Proposed to Derby');
    await proposeTo('nottingham-city', 'Proposed to Nottingham');

    const derby = await getCouncilHandovers(derbyManager, TODAY);
    expect(derby.proposals?.map((row) => row.displayName)).toEqual(['Proposed to Derby']);
    // The 8-month panel clock runs from the application, received (in the factory's snapshot) on 5 January 2026.
    expect(derby.proposals?.[0]).toMatchObject({ nextDueOn: '2026-09-05', deadlineLabel: 'Panel recommendation', isOverdue: false });
    expect((await getCouncilHandovers(nottinghamManager, TODAY)).proposals?.map((row) => row.displayName)).toEqual(['Proposed to Nottingham']);

    await applyPipelineEvent(derbyManager, toDerby.id, { type: 'ALLOCATION_ACCEPTED', occurredOn: TODAY }, { now: NOW });
    const afterAnswer = await getCouncilHandovers(derbyManager, TODAY);
    expect(afterAnswer.proposals).toEqual([]);
    expect(afterAnswer.awaitingWorker.households.map((row) => row.displayName)).toEqual(['Proposed to Derby']);
  });

  it('leaves proposals out for council staff who cannot answer them', async () => {
    const socialWorker = await createViewer('socialWorker', 'derby-city');
    await proposeTo('derby-city', 'Proposed to Derby');

    expect((await getCouncilHandovers(socialWorker, TODAY)).proposals).toBeNull();
  });

  it('lists handed-over households until someone in the council holds them', async () => {
    const derbyManager = await createViewer('fosteringManager', 'derby-city');
    const derbyWorker = await createViewer('socialWorker', 'derby-city');
    const waiting = await createHousehold({ stage: 'assessment.stage1', allocatedCouncilId: 'derby-city', displayName: 'Waiting' });
    await createHousehold({ stage: 'assessment.stage1', allocatedCouncilId: 'nottingham-city', councilId: 'nottingham-city', displayName: 'Elsewhere' });
    await createHousehold({ stage: 'closed', allocatedCouncilId: 'derby-city', displayName: 'Closed' });

    const before = await getCouncilHandovers(derbyWorker, TODAY);
    expect(before.awaitingWorker).toEqual({ count: 1, households: [expect.objectContaining({ displayName: 'Waiting' })] });

    await assignWorker(derbyManager, waiting.id, derbyWorker.userId, { now: NOW });
    expect((await getCouncilHandovers(derbyWorker, TODAY)).awaitingWorker).toEqual({ count: 0, households: [] });
  });
});
