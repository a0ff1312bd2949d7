import { prisma, type Tx } from '~/lib/db.server';
import { NotFound, ValidationFailed } from '~/lib/errors';
import { todayInLondon } from '~/lib/uk';
import { recordAudit } from '~/modules/audit/audit.server';
import { assertCan, can, panelScope } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import type { PipelineEvent } from '~/modules/pipeline/events';
import { stageLabel } from '~/modules/pipeline/stages';

// Fostering panels (DOMAIN.md §2.2 step 9): a date per council with its agenda of cases, and the recommendation and
// the agency decision recorded against that date. The pipeline writer keeps the agenda in step with the stages.

const PANEL_NOT_FOUND = 'Panel not found';

const RECOMMENDATION_LABELS: Readonly<Record<string, string>> = {
  approve: 'Recommended for approval',
  notApprove: 'Not recommended for approval',
  deferred: 'Deferred to a later panel',
};

const DECISION_LABELS: Readonly<Record<string, string>> = {
  approved: 'Approved',
  proposedNotToApprove: 'Proposed not to approve',
  notApproved: 'Not approved',
};

/** Puts the household on the council's panel for that date, creating the panel the first time the date is used. */
export async function addToPanel(tx: Tx, { councilId, panelOn, householdId }: { councilId: string; panelOn: string; householdId: string }) {
  const panel = await tx.panel.upsert({
    where: { councilId_panelOn: { councilId, panelOn } },
    create: { councilId, panelOn },
    update: {},
    select: { id: true },
  });
  return tx.panelItem.upsert({
    where: { panelId_householdId: { panelId: panel.id, householdId } },
    create: { panelId: panel.id, householdId },
    update: {},
    select: { id: true, panelId: true },
  });
}

/**
 * Called by the pipeline writer inside its transaction, so the agenda and the stage never disagree. Events that are
 * not about panel or decision change nothing here.
 */
export async function recordPanelEvent(
  tx: Tx,
  household: { id: string; allocatedCouncilId: string | null; councilId: string | null },
  event: PipelineEvent,
) {
  switch (event.type) {
    case 'PANEL_BOOKED':
      await addToPanel(tx, { councilId: panelCouncilOf(household), panelOn: event.panelOn, householdId: household.id });
      return;
    case 'PANEL_DEFERRED':
      await recordOnLatestItem(tx, household.id, { recommendation: 'deferred', recommendedOn: event.occurredOn });
      await addToPanel(tx, { councilId: panelCouncilOf(household), panelOn: event.nextPanelOn, householdId: household.id });
      return;
    case 'PANEL_RECOMMENDED':
      await recordOnLatestItem(tx, household.id, { recommendation: event.recommendation, recommendedOn: event.occurredOn });
      return;
    case 'APPROVE':
      await recordOnLatestItem(tx, household.id, { decision: 'approved', decidedOn: event.occurredOn });
      return;
    case 'PROPOSE_NOT_TO_APPROVE':
      await recordOnLatestItem(tx, household.id, { decision: 'proposedNotToApprove', decidedOn: event.occurredOn });
      return;
    case 'CONFIRM_NOT_APPROVED':
      await recordOnLatestItem(tx, household.id, { decision: 'notApproved', decidedOn: event.occurredOn });
      return;
    default:
      return;
  }
}

function panelCouncilOf(household: { id: string; allocatedCouncilId: string | null; councilId: string | null }) {
  const councilId = household.allocatedCouncilId ?? household.councilId;
  if (!councilId) throw new Error(`Household ${household.id} is at panel with no council`);
  return councilId;
}

type ItemOutcome = { recommendation?: string; recommendedOn?: string; decision?: string; decidedOn?: string };

/** The item for the household's most recent panel date: the one a recommendation or decision belongs to. */
async function recordOnLatestItem(tx: Tx, householdId: string, outcome: ItemOutcome) {
  const latest = await tx.panelItem.findFirst({
    where: { householdId },
    orderBy: [{ panel: { panelOn: 'desc' } }, { createdAt: 'desc' }],
    select: { id: true },
  });
  // Cases booked before panels were recorded have no item; the transition row still holds the outcome.
  if (!latest) return;
  await tx.panelItem.update({ where: { id: latest.id }, data: outcome });
}

// ---------------------------------------------------------------- reading

/** Panels the viewer may see, from a date on (today by default), soonest first, with how many cases each has. */
export async function listPanelsForViewer(viewer: Viewer, { from }: { from?: string } = {}) {
  assertCan(viewer, 'panel.view');
  const panels = await prisma.panel.findMany({
    where: { AND: [panelScope(viewer), { panelOn: { gte: from ?? todayInLondon() } }] },
    select: { id: true, panelOn: true, status: true, council: { select: { name: true } }, _count: { select: { items: true } } },
    orderBy: [{ panelOn: 'asc' }, { id: 'asc' }],
    take: 200,
  });
  return panels.map((panel) => ({
    id: panel.id,
    panelOn: panel.panelOn,
    status: panel.status,
    councilName: panel.council.name,
    itemCount: panel._count.items,
  }));
}

const PAST_PAGE_SIZE = 20;

/** 'older': panels before the anchor, newest first; 'newer': the page after it, towards today. */
export type PastPanelsCursor = { direction: 'older' | 'newer'; panelId: string };

/**
 * Panels the viewer may see that sat before today, newest first, a page at a time (keyset on date then id), each
 * with how many of its cases had a recommendation (approve or not; a deferral is not one) and a decision recorded.
 * A panel member sees only the panels they sat on (panelScope).
 */
export async function listPastPanelsForViewer(viewer: Viewer, { cursor, today = todayInLondon() }: { cursor?: PastPanelsCursor; today?: string } = {}) {
  assertCan(viewer, 'panel.view');
  const scope = panelScope(viewer);
  const anchor = cursor
    ? await prisma.panel.findFirst({ where: { AND: [scope, { id: cursor.panelId }, { panelOn: { lt: today } }] }, select: { id: true, panelOn: true } })
    : null;
  const newer = anchor !== null && cursor?.direction === 'newer';
  const beyond = (comparison: 'lt' | 'gt') =>
    anchor ? [{ OR: [{ panelOn: { [comparison]: anchor.panelOn } }, { panelOn: anchor.panelOn, id: { [comparison]: anchor.id } }] }] : [];
  const direction = newer ? 'asc' : 'desc';
  const rows = await prisma.panel.findMany({
    where: { AND: [scope, { panelOn: { lt: today } }, ...beyond(newer ? 'gt' : 'lt')] },
    select: { id: true, panelOn: true, status: true, council: { select: { name: true } }, _count: { select: { items: true } } },
    orderBy: [{ panelOn: direction }, { id: direction }],
    take: PAST_PAGE_SIZE + 1,
  });
  const hasMore = rows.length > PAST_PAGE_SIZE;
  const page = rows.slice(0, PAST_PAGE_SIZE);
  if (newer) page.reverse();

  const ids = page.map((panel) => panel.id);
  const [recommended, decided] = await Promise.all([
    prisma.panelItem.groupBy({ by: ['panelId'], where: { panelId: { in: ids }, recommendation: { in: ['approve', 'notApprove'] } }, _count: { _all: true } }),
    prisma.panelItem.groupBy({ by: ['panelId'], where: { panelId: { in: ids }, decision: { not: null } }, _count: { _all: true } }),
  ]);
  const countOf = (groups: readonly { panelId: string; _count: { _all: number } }[]) =>
    new Map(groups.map((group) => [group.panelId, group._count._all]));
  const recommendedBy = countOf(recommended);
  const decidedBy = countOf(decided);
  const first = page[0];
  const last = page[page.length - 1];
  return {
    panels: page.map((panel) => ({
      id: panel.id,
      panelOn: panel.panelOn,
      status: panel.status,
      councilName: panel.council.name,
      itemCount: panel._count.items,
      recommendationCount: recommendedBy.get(panel.id) ?? 0,
      decisionCount: decidedBy.get(panel.id) ?? 0,
    })),
    olderCursor: last && (newer || hasMore) ? last.id : null,
    newerCursor: first && (newer ? hasMore : anchor !== null) ? first.id : null,
  };
}

/** One panel's date and agenda; NotFound unless the viewer's council holds it or they sit on it. */
export async function getPanelAgenda(viewer: Viewer, panelId: string) {
  if (!can(viewer, 'panel.view')) throw new NotFound(PANEL_NOT_FOUND);
  const panel = await prisma.panel.findFirst({
    where: { AND: [panelScope(viewer), { id: panelId }] },
    select: {
      id: true,
      councilId: true,
      panelOn: true,
      status: true,
      council: { select: { name: true } },
      members: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: 'asc' } } },
      items: {
        select: {
          id: true,
          recommendation: true,
          recommendedOn: true,
          decision: true,
          decidedOn: true,
          household: { select: { id: true, reference: true, displayName: true, stage: true } },
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      },
    },
  });
  if (!panel) throw new NotFound(PANEL_NOT_FOUND);

  const mayManageMembers = can(viewer, 'panel.manageMembers');
  const memberChoices = mayManageMembers
    ? await prisma.user.findMany({
        where: { role: 'panelMember', councilId: panel.councilId, active: true },
        select: { id: true, name: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      })
    : [];
  return {
    panel: { id: panel.id, panelOn: panel.panelOn, status: panel.status, councilName: panel.council.name },
    members: panel.members.map((member) => member.user),
    items: panel.items.map((item) => ({
      id: item.id,
      householdId: item.household.id,
      reference: item.household.reference,
      displayName: item.household.displayName,
      stageLabel: stageLabel(item.household.stage),
      recommendation: item.recommendation ? (RECOMMENDATION_LABELS[item.recommendation] ?? item.recommendation) : null,
      recommendedOn: item.recommendedOn,
      decision: item.decision ? (DECISION_LABELS[item.decision] ?? item.decision) : null,
      decidedOn: item.decidedOn,
    })),
    mayManageMembers,
    memberChoices,
  };
}

// ---------------------------------------------------------------- members

/** Replaces who sits on the panel. Only the council's panel members may be chosen. */
export async function setPanelMembers(viewer: Viewer, panelId: string, userIds: readonly string[], { requestId }: { requestId?: string } = {}) {
  assertCan(viewer, 'panel.manageMembers');
  const panel = await prisma.panel.findFirst({
    where: { AND: [panelScope(viewer), { id: panelId }] },
    select: { id: true, councilId: true, members: { select: { userId: true } } },
  });
  if (!panel) throw new NotFound(PANEL_NOT_FOUND);

  const chosen = [...new Set(userIds)];
  const eligible = await prisma.user.findMany({
    where: { id: { in: chosen }, role: 'panelMember', councilId: panel.councilId, active: true },
    select: { id: true },
  });
  if (eligible.length !== chosen.length) {
    throw new ValidationFailed('Check the details you entered.', { members: 'Choose members of this council’s panel' });
  }

  await prisma.$transaction(async (tx) => {
    await tx.panelMember.deleteMany({ where: { panelId: panel.id } });
    if (chosen.length > 0) await tx.panelMember.createMany({ data: chosen.map((userId) => ({ panelId: panel.id, userId })) });
    await recordAudit(tx, { userId: viewer.userId, role: viewer.role }, {
      action: 'panel.membersSet',
      entity: 'Panel',
      entityId: panel.id,
      councilId: panel.councilId,
      before: { members: panel.members.map((member) => member.userId).sort() },
      after: { members: [...chosen].sort() },
      requestId,
    });
  });
}

// Panel ids are cuids; anything else cannot match a row.
const PANEL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `older=<id>` or `newer=<id>` from the past panels page's URL. */
export function parsePastPanelsCursor(params: URLSearchParams): PastPanelsCursor | undefined {
  for (const direction of ['older', 'newer'] as const) {
    const panelId = params.get(direction);
    if (panelId && PANEL_ID.test(panelId)) return { direction, panelId };
  }
  return undefined;
}
