import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import { todayInLondon } from '~/lib/uk';
import { householdScope } from '~/modules/auth/access.server';
import { deadlineLabel } from '~/modules/households/households.server';
import type { Viewer } from '~/modules/auth/viewer';
import { maySendEvent } from '~/modules/pipeline/event-permissions';
import { OPEN_STAGES } from '~/modules/pipeline/stages';

// What the hub has handed, or is handing, to a council (DOMAIN.md §2.2 step 6), so nothing falls between the two:
// proposals waiting for the council's answer, and accepted cases that no one in the council holds yet.

const ALLOCATION_STAGE = 'application.allocation';
const LIST_LENGTH = 50;

type ProposalRow = {
  id: string;
  reference: string;
  displayName: string;
  applicationDate: string | null;
  nextDueOn: string | null;
  nextDueRule: string | null;
};

/**
 * Households proposed to the viewer's council and not yet answered, soonest deadline first. The proposed council
 * lives only in the pipeline snapshot until the council accepts, so it is read there: the stage index narrows the
 * search to the few cases at allocation first. Only for the people who may answer (the fostering team manager).
 */
async function listProposals(councilId: string, today: string) {
  const rows = await prisma.$queryRaw<ProposalRow[]>`
    SELECT id, reference, displayName, applicationDate, nextDueOn, nextDueRule
    FROM Household
    WHERE stage = ${ALLOCATION_STAGE}
      AND allocatedCouncilId IS NULL
      AND json_extract(pipelineSnapshot, '$.context.proposedCouncilId') = ${councilId}
    ORDER BY nextDueOn IS NULL, nextDueOn, id
    LIMIT ${LIST_LENGTH}`;
  return rows.map(({ nextDueRule, ...row }) => ({
    ...row,
    deadlineLabel: deadlineLabel(nextDueRule),
    isOverdue: row.nextDueOn !== null && row.nextDueOn < today,
  }));
}

/** Open households allocated to the council that are still held by no one in it: no worker, or the hub's. */
async function listAwaitingWorker(viewer: Viewer, councilId: string) {
  const where = {
    AND: [
      householdScope(viewer),
      { allocatedCouncilId: councilId, stage: { in: [...OPEN_STAGES] } },
      { OR: [{ ownerId: null }, { owner: { is: { OR: [{ councilId: null }, { councilId: { not: councilId } }] } } }] },
    ],
  };
  const [count, households] = await Promise.all([
    prisma.household.count({ where }),
    prisma.household.findMany({
      where,
      select: { id: true, reference: true, displayName: true, handoverDate: true },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take: LIST_LENGTH,
    }),
  ]);
  return { count, households };
}

/** The council home's hand-over lists; proposals are null for those who may not answer them. */
export async function getCouncilHandovers(viewer: Viewer, today = todayInLondon()) {
  if (viewer.councilId === null) throw new Forbidden('This page is for council staff');
  const mayAnswer = maySendEvent(viewer, 'ALLOCATION_ACCEPTED', { allocatedCouncilId: null, proposedCouncilId: viewer.councilId });
  const [proposals, awaitingWorker] = await Promise.all([
    mayAnswer ? listProposals(viewer.councilId, today) : Promise.resolve(null),
    listAwaitingWorker(viewer, viewer.councilId),
  ]);
  return { proposals, awaitingWorker };
}
