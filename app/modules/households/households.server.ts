import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound } from '~/lib/errors';
import { normalisePostcode, todayInLondon } from '~/lib/uk';
import { householdScope } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { applicantNextStep } from '~/modules/households/next-steps';
import { ALL_STAGES, CLOSED_STAGES, FINAL_STAGES, HUB_OWNED_STAGES, OPEN_STAGES, stageLabel } from '~/modules/pipeline/stages';

// Reads of households for the home pages, lists and the read-only summary. Every read merges householdScope, so
// a household outside it is simply not found (STYLE.md §4).

const AWAITING_FIRST_CONTACT_STAGE = 'enquiry.received';
// The pipeline's final stages are approval and closure; approved households are the final ones that are not closed.
const APPROVED_STAGES = FINAL_STAGES.filter((stage) => !CLOSED_STAGES.includes(stage));
const RECENTLY_CLOSED_DAYS = 30;
const RECENT_ENQUIRIES = 5;
const TIMELINE_LENGTH = 20;
/** Households whose council is not known yet (outside the area, or no postcode) are counted under this key. */
const NO_COUNCIL = 'none';

function scoped(viewer: Viewer, where: Prisma.HouseholdWhereInput): Prisma.HouseholdWhereInput {
  return { AND: [householdScope(viewer), where] };
}

type StageCount = { stage: string; label: string; count: number };

/** Stage rows in pipeline order, labelled; stages with no households are left out. */
function toStageCounts(groups: readonly { stage: string; _count: { _all: number } }[]): StageCount[] {
  const countByStage = new Map(groups.map((group) => [group.stage, group._count._all]));
  return ALL_STAGES.filter((stage) => countByStage.has(stage)).map((stage) => ({
    stage,
    label: stageLabel(stage),
    count: countByStage.get(stage) ?? 0,
  }));
}

// ---------------------------------------------------------------- hub home

export async function getHubOverview(viewer: Viewer, today = todayInLondon()) {
  const [councils, openByStageAndCouncil, awaitingFirstContact, closedRecently, recentEnquiries] = await Promise.all([
    prisma.council.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.household.groupBy({
      by: ['stage', 'councilId'],
      where: scoped(viewer, { stage: { in: [...OPEN_STAGES] } }),
      _count: { _all: true },
    }),
    prisma.household.count({ where: scoped(viewer, { stage: AWAITING_FIRST_CONTACT_STAGE }) }),
    prisma.household.count({
      where: scoped(viewer, {
        stage: { in: [...CLOSED_STAGES] },
        closedDate: { gt: calendarDateDaysBefore(today, RECENTLY_CLOSED_DAYS), lte: today },
      }),
    }),
    // Enquiries the hub is still working on: not yet handed over to a council.
    prisma.household.findMany({
      where: scoped(viewer, { stage: { in: [...HUB_OWNED_STAGES] } }),
      select: { id: true, reference: true, displayName: true, stage: true, enquiryDate: true, council: { select: { name: true } } },
      orderBy: [{ enquiryReceivedAt: 'desc' }, { id: 'desc' }],
      take: RECENT_ENQUIRIES,
    }),
  ]);

  const countByCell = new Map(
    openByStageAndCouncil.map((group) => [cellKey(group.stage, group.councilId ?? NO_COUNCIL), group._count._all]),
  );
  const hasHouseholdsWithoutCouncil = openByStageAndCouncil.some((group) => group.councilId === null);
  const columns = [
    ...councils.map((council) => ({ id: council.id, name: council.name })),
    ...(hasHouseholdsWithoutCouncil ? [{ id: NO_COUNCIL, name: 'Council not yet known' }] : []),
  ];
  const stagesWithHouseholds = ALL_STAGES.filter((stage) => openByStageAndCouncil.some((group) => group.stage === stage));
  const rows = stagesWithHouseholds.map((stage) => {
    const counts = columns.map((column) => countByCell.get(cellKey(stage, column.id)) ?? 0);
    return { stage, label: stageLabel(stage), counts, total: sum(counts) };
  });
  const columnTotals = columns.map((_, index) => sum(rows.map((row) => row.counts[index])));

  return {
    openHouseholds: { columns, rows, columnTotals, total: sum(columnTotals) },
    awaitingFirstContact: { count: awaitingFirstContact, stage: AWAITING_FIRST_CONTACT_STAGE },
    closedInLast30Days: closedRecently,
    recentEnquiries: recentEnquiries.map((household) => ({
      id: household.id,
      reference: household.reference,
      displayName: household.displayName,
      stageLabel: stageLabel(household.stage),
      enquiryDate: household.enquiryDate,
      councilName: household.council?.name ?? null,
    })),
  };
}

function cellKey(stage: string, councilId: string) {
  return `${stage}\u0000${councilId}`;
}

function sum(values: readonly number[]) {
  return values.reduce((total, value) => total + value, 0);
}

/** '2026-04-07' and 30 → '2026-03-08'. Calendar arithmetic on the date itself, so British Summer Time never shifts it. */
function calendarDateDaysBefore(date: string, days: number) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- lists

const LIST_SELECT = {
  id: true,
  reference: true,
  displayName: true,
  stage: true,
  councilId: true,
  council: { select: { name: true } },
  enquiryDate: true,
  updatedAt: true,
} satisfies Prisma.HouseholdSelect;

export type HouseholdListCursor = { direction: 'after' | 'before'; id: string };

// The first half of a postcode ('DE1', 'NG22'), which finds every household in that district.
const OUTWARD_CODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/i;

/** Search by reference or name (part of it), by a postcode or its first half, or by a whole email address. */
function searchWhere(q: string | undefined): Prisma.HouseholdWhereInput {
  const term = q?.trim();
  if (!term) return {};
  const postcode = normalisePostcode(term);
  return {
    OR: [
      { reference: { contains: term } },
      { displayName: { contains: term } },
      ...(postcode ? [{ postcode }] : []),
      ...(OUTWARD_CODE.test(term) ? [{ postcode: { startsWith: `${term.toUpperCase()} ` } }] : []),
      ...(term.includes('@') ? [{ email: term.toLowerCase() }] : []),
    ],
  };
}

/**
 * One page of the households this viewer may see, most recently updated first. Keyset pagination on
 * (updatedAt, id): stable while rows are added, and an id outside the viewer's scope is treated as no cursor.
 */
export async function listHouseholdsForViewer(
  viewer: Viewer,
  { q, stage, cursor, take }: { q?: string; stage?: string; cursor?: HouseholdListCursor; take: number },
) {
  const anchor = cursor
    ? await prisma.household.findFirst({ where: scoped(viewer, { id: cursor.id }), select: { id: true, updatedAt: true } })
    : null;
  const backwards = anchor !== null && cursor?.direction === 'before';
  const beyondAnchor: Prisma.HouseholdWhereInput = anchor
    ? backwards
      ? { OR: [{ updatedAt: { gt: anchor.updatedAt } }, { updatedAt: anchor.updatedAt, id: { gt: anchor.id } }] }
      : { OR: [{ updatedAt: { lt: anchor.updatedAt } }, { updatedAt: anchor.updatedAt, id: { lt: anchor.id } }] }
    : {};
  const direction = backwards ? 'asc' : 'desc';

  const fetched = await prisma.household.findMany({
    where: { AND: [householdScope(viewer), searchWhere(q), stage ? { stage } : {}, beyondAnchor] },
    select: LIST_SELECT,
    orderBy: [{ updatedAt: direction }, { id: direction }],
    take: take + 1,
  });
  const hasMore = fetched.length > take;
  const page = fetched.slice(0, take);
  const households = backwards ? page.reverse() : page;
  const first = households[0];
  const last = households[households.length - 1];
  // Coming from a cursor means there is a page on the side we came from.
  const hasNext = backwards ? anchor !== null : hasMore;
  const hasPrevious = backwards ? hasMore : anchor !== null;

  return {
    households: households.map(({ council, ...household }) => ({
      ...household,
      councilName: council?.name ?? null,
      stageLabel: stageLabel(household.stage),
    })),
    nextCursor: hasNext && last ? last.id : null,
    previousCursor: hasPrevious && first ? first.id : null,
  };
}

// ---------------------------------------------------------------- the read-only summary

/** Status, key dates and the recent timeline: what hub staff keep after handover (DOMAIN.md §1.4). */
export async function getHouseholdSummaryForViewer(viewer: Viewer, id: string) {
  const household = await prisma.household.findFirst({
    where: scoped(viewer, { id }),
    select: {
      id: true,
      reference: true,
      displayName: true,
      route: true,
      stage: true,
      enquiryDate: true,
      initialVisitDate: true,
      applicationDate: true,
      handoverDate: true,
      panelDate: true,
      approvalDate: true,
      closedDate: true,
      council: { select: { name: true } },
      allocatedCouncil: { select: { name: true } },
      people: { select: { firstName: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      transitions: {
        select: { id: true, fromStage: true, toStage: true, occurredOn: true, recordedAt: true },
        orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
        take: TIMELINE_LENGTH,
      },
    },
  });
  if (!household) throw new NotFound('Household not found');
  const { council, allocatedCouncil, people, transitions, ...summary } = household;
  return {
    ...summary,
    stageLabel: stageLabel(household.stage),
    councilName: council?.name ?? null,
    allocatedCouncilName: allocatedCouncil?.name ?? null,
    firstNames: people.map((person) => person.firstName),
    transitions: transitions.map((transition) => ({
      ...transition,
      fromLabel: transition.fromStage ? stageLabel(transition.fromStage) : null,
      toLabel: stageLabel(transition.toStage),
    })),
  };
}

// ---------------------------------------------------------------- council home

/** Counts for the viewer's own council: its allocated households by stage, and how many are approved. */
export async function getCouncilOverview(viewer: Viewer) {
  if (viewer.councilId === null) throw new Forbidden('This page is for council staff');
  const ownCouncil = { allocatedCouncilId: viewer.councilId };
  const [council, byStage, approvedHouseholds] = await Promise.all([
    prisma.council.findUniqueOrThrow({ where: { id: viewer.councilId }, select: { id: true, name: true } }),
    prisma.household.groupBy({ by: ['stage'], where: scoped(viewer, ownCouncil), _count: { _all: true } }),
    prisma.household.count({ where: scoped(viewer, { ...ownCouncil, stage: { in: APPROVED_STAGES } }) }),
  ]);
  const stages = toStageCounts(byStage);
  return { council, stages, total: sum(stages.map((row) => row.count)), approvedHouseholds };
}

// ---------------------------------------------------------------- applicant home

/** The applicant's own household, in plain English; null when they have none yet. */
export async function getApplicantHome(viewer: Viewer) {
  const household = await prisma.household.findFirst({
    where: householdScope(viewer),
    select: { reference: true, stage: true, enquiryDate: true, allocatedCouncil: { select: { name: true } } },
    orderBy: [{ enquiryReceivedAt: 'desc' }, { id: 'desc' }],
  });
  if (!household) return null;
  return {
    reference: household.reference,
    stageLabel: stageLabel(household.stage),
    nextStep: applicantNextStep(household.stage),
    enquiryDate: household.enquiryDate,
    councilName: household.allocatedCouncil?.name ?? null,
  };
}
