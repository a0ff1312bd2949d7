import { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { DEADLINE_RULES } from '~/lib/deadlines';
import { Forbidden } from '~/lib/errors';
import { londonDateOf, normalisePhone, normalisePostcode, todayInLondon } from '~/lib/uk';
import { addCalendarDays, calendarDaysBetween } from '~/lib/working-days';
import { householdScope, seesEveryHousehold } from '~/modules/auth/access.server';
import type { Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { ENQUIRY_INTERESTS } from '~/modules/codes/enquiry';
import {
  DEFAULT_FILTER,
  isFiltered,
  type HouseholdCursor,
  type HouseholdFilter,
  type SortDirection,
} from '~/modules/households/filters';
import { applicantNextStep } from '~/modules/households/next-steps';
import {
  ALL_STAGES,
  CLOSED_STAGES,
  FINAL_STAGES,
  HUB_OWNED_STAGES,
  isOpenStage,
  OPEN_STAGES,
  STAGE_GROUPS,
  stageLabel,
} from '~/modules/pipeline/stages';

// Reads of households for the home pages, lists, the board and the read-only summary. Every read merges
// householdScope, so a household outside it is simply not found (STYLE.md §4).

const AWAITING_FIRST_CONTACT_STAGE = 'enquiry.received';
// The pipeline's final stages are approval and closure; approved households are the final ones that are not closed.
const APPROVED_STAGES = FINAL_STAGES.filter((stage) => !CLOSED_STAGES.includes(stage));
const RECENTLY_CLOSED_DAYS = 30;
const RECENT_ENQUIRIES = 5;
const HOME_LIST_LENGTH = 10;
const BOARD_CARDS_PER_COLUMN = 10;
const HOUR_MS = 60 * 60 * 1000;
/** Households whose council is not known yet (outside the area, or no postcode) are counted under this key. */
const NO_COUNCIL = 'none';
/** The roles that hold cases: hub staff before handover, the council's workers after it. */
const CASE_HOLDING_ROLES: readonly Role[] = ['hubOfficer', 'hubManager', 'socialWorker', 'fosteringManager'];

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

const DEADLINE_LABELS = new Map<string, string>(Object.entries(DEADLINE_RULES).map(([name, rule]) => [name, rule.label]));

/** 'panelRecommendation' → 'Panel recommendation'; null for no deadline or a rule this version does not know. */
export function deadlineLabel(rule: string | null): string | null {
  return rule === null ? null : (DEADLINE_LABELS.get(rule) ?? null);
}

// ---------------------------------------------------------------- overdue and stalled

/** Open cases whose next deadline passed before today (due today is not yet overdue: DOMAIN.md §2.4). */
function overdueWhere(today: string): Prisma.HouseholdWhereInput {
  return { stage: { in: [...OPEN_STAGES] }, nextDueOn: { lt: today } };
}

/**
 * Open cases with no recorded activity for STALLED_AFTER_DAYS days: the London date of the last activity is that
 * many days or more before today, as in the daily digest.
 */
function stalledWhere(today: string): Prisma.HouseholdWhereInput {
  const firstActiveDay = addCalendarDays(today, 1 - env.STALLED_AFTER_DAYS);
  return { stage: { in: [...OPEN_STAGES] }, lastActivityAt: { lt: startOfLondonDay(firstActiveDay) } };
}

/** The instant a London calendar day begins: midnight UTC in winter, an hour earlier in British Summer Time. */
function startOfLondonDay(date: string): Date {
  const midnightUtc = new Date(`${date}T00:00:00.000Z`);
  const hourEarlier = new Date(midnightUtc.getTime() - HOUR_MS);
  return londonDateOf(hourEarlier) === date ? hourEarlier : midnightUtc;
}

// ---------------------------------------------------------------- hub home

export async function getHubOverview(viewer: Viewer, today = todayInLondon()) {
  const tasksDue: Prisma.TaskWhereInput = {
    ownerId: viewer.userId,
    status: 'open',
    dueOn: { lte: today },
    OR: [{ householdId: null }, { household: { is: householdScope(viewer) } }],
  };
  const [councils, openByStageAndCouncil, awaitingFirstContact, closedRecently, recentEnquiries] = await Promise.all([
    prisma.council.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    countByStageAndCouncil(viewer, OPEN_STAGES),
    prisma.household.count({ where: scoped(viewer, { stage: AWAITING_FIRST_CONTACT_STAGE }) }),
    prisma.household.count({
      where: scoped(viewer, {
        stage: { in: [...CLOSED_STAGES] },
        closedDate: { gt: addCalendarDays(today, -RECENTLY_CLOSED_DAYS), lte: today },
      }),
    }),
    // Enquiries the hub is still working on: not yet handed over to a council.
    // Stage by stage through the [stage, enquiryReceivedAt, id] index: over all the hub's stages at once, SQLite
    // chose another index and sorted every open enquiry.
    readEachStage(
      HUB_OWNED_STAGES,
      RECENT_ENQUIRIES,
      (stage, take) =>
        prisma.household.findMany({
          where: scoped(viewer, { stage }),
          select: { id: true, reference: true, displayName: true, stage: true, enquiryDate: true, enquiryReceivedAt: true, councilId: true },
          orderBy: [{ enquiryReceivedAt: 'desc' }, { id: 'desc' }],
          take,
        }),
      (a, b) => b.enquiryReceivedAt.getTime() - a.enquiryReceivedAt.getTime() || compareIds(b.id, a.id),
    ),
  ]);
  const [taskCount, tasks, overdueCount, overdue, stalledCount, stalled] = await Promise.all([
    prisma.task.count({ where: tasksDue }),
    prisma.task.findMany({
      where: tasksDue,
      select: { id: true, title: true, dueOn: true, household: { select: { id: true, reference: true } } },
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      take: HOME_LIST_LENGTH,
    }),
    prisma.household.count({ where: scoped(viewer, overdueWhere(today)) }),
    prisma.household.findMany({
      where: scoped(viewer, overdueWhere(today)),
      select: { id: true, reference: true, displayName: true, stage: true, nextDueOn: true, nextDueRule: true },
      orderBy: [{ nextDueOn: 'asc' }, { id: 'asc' }],
      take: HOME_LIST_LENGTH,
    }),
    prisma.household.count({ where: scoped(viewer, stalledWhere(today)) }),
    // Served by the [stage, lastActivityAt, id] or [lastActivityAt] index.
    prisma.household.findMany({
      where: scoped(viewer, stalledWhere(today)),
      select: { id: true, reference: true, displayName: true, stage: true, lastActivityAt: true },
      orderBy: [{ lastActivityAt: 'asc' }, { id: 'asc' }],
      take: HOME_LIST_LENGTH,
    }),
  ]);

  const councilNames = new Map(councils.map((council) => [council.id, council.name]));
  const countByCell = new Map(openByStageAndCouncil.map((group) => [cellKey(group.stage, group.councilId ?? NO_COUNCIL), group.count]));
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
      councilName: household.councilId === null ? null : (councilNames.get(household.councilId) ?? null),
    })),
    tasksDue: {
      count: taskCount,
      tasks: tasks.map((task) => ({ ...task, isOverdue: task.dueOn < today })),
    },
    overdue: {
      count: overdueCount,
      households: overdue.map(({ nextDueRule, ...household }) => ({
        ...household,
        stageLabel: stageLabel(household.stage),
        deadlineLabel: deadlineLabel(nextDueRule),
      })),
    },
    stalled: {
      count: stalledCount,
      afterDays: env.STALLED_AFTER_DAYS,
      households: stalled.map((household) => ({ ...household, stageLabel: stageLabel(household.stage) })),
    },
  };
}

/**
 * Households per stage and council among `stages`, leaving out empty cells. For the hub, read from the counts the
 * database keeps exact on every write (HouseholdStageCount); for anyone else, counted within their scope.
 */
async function countByStageAndCouncil(viewer: Viewer, stages: readonly string[]) {
  if (seesEveryHousehold(viewer)) {
    const cells = await prisma.householdStageCount.findMany({
      where: { stage: { in: [...stages] }, households: { gt: 0 } },
      select: { stage: true, councilKey: true, households: true },
    });
    return cells.map((cell) => ({ stage: cell.stage, councilId: cell.councilKey === '' ? null : cell.councilKey, count: cell.households }));
  }
  const groups = await prisma.household.groupBy({
    by: ['stage', 'councilId'],
    where: scoped(viewer, { stage: { in: [...stages] } }),
    _count: { _all: true },
  });
  return groups.map((group) => ({ stage: group.stage, councilId: group.councilId, count: group._count._all }));
}

/**
 * The first `take` rows across several stages in one order: one read per stage, each walking a [stage, …] index
 * for its first few rows, then merged. A single query over several stages would sort every matching household.
 */
async function readEachStage<Row>(
  stages: readonly string[],
  take: number,
  read: (stage: string, take: number) => Promise<Row[]>,
  compare: (a: Row, b: Row) => number,
): Promise<Row[]> {
  const perStage = await Promise.all(stages.map((stage) => read(stage, take)));
  return perStage.flat().sort(compare).slice(0, take);
}

/** SQLite compares text byte by byte; ids are ASCII, so JavaScript's comparison gives the same order. */
function compareIds(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cellKey(stage: string, councilId: string) {
  return `${stage}\u0000${councilId}`;
}

function sum(values: readonly number[]) {
  return values.reduce((total, value) => total + value, 0);
}

// ---------------------------------------------------------------- filters, search and sort

// The first half of a postcode ('DE1', 'NG22'), which finds every household in that district.
const OUTWARD_CODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/i;
// Letters with the spaces, hyphens and apostrophes of names ("O'Brien", "Smith-Jones"): only these search names.
const NAME_LIKE = /^\p{L}[\p{L}' -]*$/u;
// Sorts above every character of a reference, so [prefix, prefix + this) is a range the unique index serves.
const HIGHEST_CHARACTER = '\uffff';

/**
 * Search by reference (whole, or how it starts), household name or a person's surname, postcode (whole, or its
 * first half), email address or phone number. Each kind of term becomes an indexed equality or range, except the
 * household name, which is matched anywhere in it and only for terms shaped like a name.
 */
function searchWhere(q: string): Prisma.HouseholdWhereInput {
  const term = q.trim();
  if (!term) return {};
  const upper = term.toUpperCase();
  const postcode = normalisePostcode(term);
  const phone = normalisePhone(term);
  const email = term.includes('@') ? term.toLowerCase() : null;
  return {
    OR: [
      { reference: term },
      { reference: { gte: upper, lt: `${upper}${HIGHEST_CHARACTER}` } },
      ...(NAME_LIKE.test(term)
        ? [{ displayName: { contains: term } }, { people: { some: { lastName: { in: surnameSpellings(term) } } } }]
        : []),
      ...(postcode ? [{ postcode }] : []),
      // From 'DE22 ' up to 'DE22!': every postcode with that outward code, as a space sorts just before '!'.
      ...(OUTWARD_CODE.test(term) ? [{ postcode: { gte: `${upper} `, lt: `${upper}!` } }] : []),
      ...(email ? [{ email }, { people: { some: { email } } }] : []),
      ...(phone ? [{ phone }] : []),
    ],
  };
}

/** 'okafor' → ['okafor', 'Okafor']: SQLite's = is case-sensitive, and surnames are stored capitalised. */
function surnameSpellings(term: string): string[] {
  const capitalised = term.charAt(0).toUpperCase() + term.slice(1).toLowerCase();
  return [...new Set([term, capitalised])];
}

function stagesOfGroup(groupId: string): string[] {
  return [...(STAGE_GROUPS.find((group) => group.id === groupId)?.stages ?? [])];
}

function filterWhere(filter: HouseholdFilter, today: string): Prisma.HouseholdWhereInput {
  const conditions: Prisma.HouseholdWhereInput[] = [];
  if (filter.councilId) conditions.push({ councilId: filter.councilId });
  if (filter.route) conditions.push({ route: filter.route });
  if (filter.ownerId) conditions.push({ ownerId: filter.ownerId });
  if (filter.interest) conditions.push({ interests: { some: { interest: filter.interest } } });
  if (filter.stage) conditions.push({ stage: filter.stage });
  if (filter.stageGroup) conditions.push({ stage: { in: stagesOfGroup(filter.stageGroup) } });
  if (filter.overdue) conditions.push(overdueWhere(today));
  if (filter.stalled) conditions.push(stalledWhere(today));
  if (filter.q) conditions.push(searchWhere(filter.q));
  return { AND: conditions };
}

const ANCHOR_SELECT = { id: true, updatedAt: true, enquiryDate: true, nextDueOn: true, reference: true } satisfies Prisma.HouseholdSelect;
export type SortAnchor = Prisma.HouseholdGetPayload<{ select: typeof ANCHOR_SELECT }>;
type Comparison = 'gt' | 'lt';

function compare<T>(comparison: Comparison, value: T) {
  return comparison === 'gt' ? { gt: value } : { lt: value };
}

type SortColumn = {
  /** Rows whose value is strictly above ('gt') or below ('lt') the anchor's. */
  beyond(anchor: SortAnchor, comparison: Comparison): Prisma.HouseholdWhereInput;
  levelWith(anchor: SortAnchor): Prisma.HouseholdWhereInput;
  orderBy(direction: SortDirection): Prisma.HouseholdOrderByWithRelationInput;
  /** Only for a column that may be empty: its empty rows come after every filled one, whichever the direction. */
  emptiable?: { isEmpty(anchor: SortAnchor): boolean; empty: Prisma.HouseholdWhereInput; filled: Prisma.HouseholdWhereInput };
};

// Each sort is served by an index (STYLE.md §7): [updatedAt, id], [enquiryDate], [nextDueOn] and the unique reference.
const SORT_COLUMNS: Record<HouseholdFilter['sort'], SortColumn> = {
  updated: {
    beyond: (anchor, comparison) => ({ updatedAt: compare(comparison, anchor.updatedAt) }),
    levelWith: (anchor) => ({ updatedAt: anchor.updatedAt }),
    orderBy: (direction) => ({ updatedAt: direction }),
  },
  enquiryDate: {
    beyond: (anchor, comparison) => ({ enquiryDate: compare(comparison, anchor.enquiryDate) }),
    levelWith: (anchor) => ({ enquiryDate: anchor.enquiryDate }),
    orderBy: (direction) => ({ enquiryDate: direction }),
  },
  nextDue: {
    // Asked only about a filled anchor: an empty one is placed by `emptiable`.
    beyond: (anchor, comparison) => ({ nextDueOn: compare(comparison, anchor.nextDueOn ?? '') }),
    levelWith: (anchor) => ({ nextDueOn: anchor.nextDueOn }),
    orderBy: (direction) => ({ nextDueOn: direction }),
    emptiable: {
      isEmpty: (anchor) => anchor.nextDueOn === null,
      empty: { nextDueOn: null },
      filled: { nextDueOn: { not: null } },
    },
  },
  reference: {
    beyond: (anchor, comparison) => ({ reference: compare(comparison, anchor.reference) }),
    levelWith: (anchor) => ({ reference: anchor.reference }),
    orderBy: (direction) => ({ reference: direction }),
  },
};

const flip = (direction: SortDirection): SortDirection => (direction === 'asc' ? 'desc' : 'asc');

/** One indexed query of a page: the filled rows of the sort column, or its empty ones. */
export type HouseholdPageSegment = { where: Prisma.HouseholdWhereInput; orderBy: Prisma.HouseholdOrderByWithRelationInput[] };

/**
 * The queries that read the filtered list in page order from just after the anchor (or, going back, from just
 * before it, in reverse order). Keyset, not offset, so a page stays right while other households change. A column
 * that may be empty is read as two segments, filled rows then empty ones, because SQLite cannot walk an index
 * with its NULLs last: each segment keeps to its index instead of sorting the whole table.
 */
function pageSegments(
  viewer: Viewer,
  filter: HouseholdFilter,
  anchor: SortAnchor | null,
  side: 'after' | 'before',
  today: string,
): HouseholdPageSegment[] {
  const column = SORT_COLUMNS[filter.sort];
  const forwards = side === 'after';
  const direction = forwards ? filter.direction : flip(filter.direction);
  const comparison: Comparison = direction === 'asc' ? 'gt' : 'lt';
  const base = [householdScope(viewer), filterWhere(filter, today)];
  const emptiable = column.emptiable;
  if (!emptiable) {
    const beside: Prisma.HouseholdWhereInput[] = anchor
      ? [{ OR: [column.beyond(anchor, comparison), { AND: [column.levelWith(anchor), { id: compare(comparison, anchor.id) }] }] }]
      : [];
    return [{ where: { AND: [...base, ...beside] }, orderBy: [column.orderBy(direction), { id: direction }] }];
  }

  const parts = [
    { empty: false, where: emptiable.filled, orderBy: [column.orderBy(direction), { id: direction }] },
    { empty: true, where: emptiable.empty, orderBy: [{ id: direction }] },
  ];
  const inReadingOrder = forwards ? parts : [...parts].reverse();
  const anchorPart = anchor === null ? -1 : inReadingOrder.findIndex((part) => part.empty === emptiable.isEmpty(anchor));
  return inReadingOrder.flatMap((part, index): HouseholdPageSegment[] => {
    if (index < anchorPart) return [];
    if (anchor === null || index > anchorPart) return [{ where: { AND: [...base, part.where] }, orderBy: part.orderBy }];
    const levelAndFurther: Prisma.HouseholdWhereInput = { AND: [column.levelWith(anchor), { id: compare(comparison, anchor.id) }] };
    const beside = part.empty ? levelAndFurther : { OR: [column.beyond(anchor, comparison), levelAndFurther] };
    return [{ where: { AND: [...base, part.where, beside] }, orderBy: part.orderBy }];
  });
}

/** Up to `take` rows from the segments in turn, each asked only for what the ones before it did not fill. */
async function readSegments<Row>(
  segments: readonly HouseholdPageSegment[],
  take: number,
  read: (segment: HouseholdPageSegment, take: number) => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const segment of segments) {
    if (rows.length >= take) break;
    rows.push(...(await read(segment, take - rows.length)));
  }
  return rows;
}

/** The stages a filter allows, or null when it does not narrow by stage. */
function stagesOfFilter(filter: HouseholdFilter): readonly string[] | null {
  let stages: readonly string[] | null = null;
  const narrow = (allowed: readonly string[]) => {
    stages = stages === null ? allowed : stages.filter((stage) => allowed.includes(stage));
  };
  if (filter.stage) narrow([filter.stage]);
  if (filter.stageGroup) narrow(stagesOfGroup(filter.stageGroup));
  if (filter.overdue || filter.stalled) narrow(OPEN_STAGES);
  return stages;
}

/** The list's order as a comparison: the sort column then id, a missing next deadline after every filled one. */
function compareInListOrder(filter: HouseholdFilter): (a: SortAnchor, b: SortAnchor) => number {
  const sign = filter.direction === 'asc' ? 1 : -1;
  const byValue = <T extends string | number>(a: T, b: T) => (a < b ? -sign : a > b ? sign : 0);
  const byId = (a: SortAnchor, b: SortAnchor) => sign * compareIds(a.id, b.id);
  switch (filter.sort) {
    case 'updated':
      return (a, b) => byValue(a.updatedAt.getTime(), b.updatedAt.getTime()) || byId(a, b);
    case 'enquiryDate':
      return (a, b) => byValue(a.enquiryDate, b.enquiryDate) || byId(a, b);
    case 'reference':
      return (a, b) => byValue(a.reference, b.reference) || byId(a, b);
    case 'nextDue':
      return (a, b) => {
        if (a.nextDueOn === null || b.nextDueOn === null) {
          return a.nextDueOn === b.nextDueOn ? byId(a, b) : a.nextDueOn === null ? 1 : -1;
        }
        return byValue(a.nextDueOn, b.nextDueOn) || byId(a, b);
      };
  }
}

/**
 * Up to `take` rows of the filtered list in page order from the anchor. A filter that spans several stages (a stage
 * group, overdue, stalled) is read one stage at a time through the [stage, …] indexes and merged: as one query,
 * SQLite would gather and sort every matching household (tens of thousands) to return a page.
 */
type ReadOptions = {
  anchor: SortAnchor | null;
  side: 'after' | 'before';
  take: number;
  today: string;
  /** The stages where the filter matches any household, when already counted: the others are not read. */
  stagesWithRows?: ReadonlySet<string>;
};

async function readInListOrder<Row extends SortAnchor>(
  viewer: Viewer,
  filter: HouseholdFilter,
  { anchor, side, take, today, stagesWithRows }: ReadOptions,
  read: (segment: HouseholdPageSegment, take: number) => Promise<Row[]>,
): Promise<Row[]> {
  const readFiltered = (narrowed: HouseholdFilter, limit: number) => readSegments(pageSegments(viewer, narrowed, anchor, side, today), limit, read);
  const stages = stagesOfFilter(filter);
  if (stages === null || stages.length < 2) return readFiltered(filter, take);
  const forwards = compareInListOrder(filter);
  return readEachStage(
    stagesWithRows ? stages.filter((stage) => stagesWithRows.has(stage)) : stages,
    take,
    (stage, limit) => readFiltered({ ...filter, stageGroup: undefined, stage }, limit),
    side === 'after' ? forwards : (a, b) => forwards(b, a),
  );
}

/**
 * Up to `take` rows of the filtered list from just after `anchor` (a row already read, with the sort columns), or
 * from the start when it is null: for reading the whole list in batches.
 */
export function readHouseholdsAfter<Row extends SortAnchor>(
  viewer: Viewer,
  filter: HouseholdFilter,
  { anchor, take, today }: { anchor: SortAnchor | null; take: number; today: string },
  read: (segment: HouseholdPageSegment, take: number) => Promise<Row[]>,
) {
  return readInListOrder(viewer, filter, { anchor, side: 'after', take, today }, read);
}

/** How many households the filter matches for this viewer in each stage; stages with none are left out. */
async function countHouseholdsByStage(viewer: Viewer, filter: HouseholdFilter, today: string) {
  const groups = await prisma.household.groupBy({ by: ['stage'], where: scoped(viewer, filterWhere(filter, today)), _count: { _all: true } });
  return new Map(groups.flatMap((group) => (group._count._all > 0 ? [[group.stage, group._count._all] as const] : [])));
}

/** How many households the filter matches for this viewer. */
export async function countHouseholds(viewer: Viewer, filter: HouseholdFilter, today = todayInLondon()) {
  return prisma.household.count({ where: scoped(viewer, filterWhere(filter, today)) });
}

// ---------------------------------------------------------------- lists

const LIST_SELECT = {
  id: true,
  reference: true,
  displayName: true,
  route: true,
  stage: true,
  councilId: true,
  ownerId: true,
  enquiryDate: true,
  nextDueOn: true,
  nextDueRule: true,
  lastActivityAt: true,
  updatedAt: true,
} satisfies Prisma.HouseholdSelect;

async function namesForRows(rows: readonly { councilId: string | null; ownerId: string | null }[]) {
  const ownerIds = [...new Set(rows.flatMap((row) => (row.ownerId === null ? [] : [row.ownerId])))];
  const [councils, owners] = await Promise.all([
    prisma.council.findMany({ select: { id: true, name: true } }),
    ownerIds.length === 0 ? Promise.resolve([]) : prisma.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } }),
  ]);
  return {
    councils: new Map(councils.map((council) => [council.id, council.name])),
    owners: new Map(owners.map((owner) => [owner.id, owner.name])),
  };
}

async function findHouseholdPage(
  viewer: Viewer,
  filter: HouseholdFilter,
  { cursor, take, today, stagesWithRows }: { cursor?: HouseholdCursor; take: number; today: string; stagesWithRows?: ReadonlySet<string> },
) {
  // A cursor outside the viewer's scope, or for a household that no longer exists, counts as no cursor.
  const anchor = cursor
    ? await prisma.household.findFirst({ where: scoped(viewer, { id: cursor.id }), select: ANCHOR_SELECT })
    : null;
  const backwards = anchor !== null && cursor?.direction === 'before';
  const fetched = await readInListOrder(viewer, filter, { anchor, side: backwards ? 'before' : 'after', take: take + 1, today, stagesWithRows }, (segment, limit) =>
    prisma.household.findMany({ where: segment.where, select: LIST_SELECT, orderBy: segment.orderBy, take: limit }),
  );
  const hasMore = fetched.length > take;
  const page = fetched.slice(0, take);
  const households = backwards ? page.reverse() : page;
  // Names for the page's rows only, read once: a relation in the select would be read again for every stage.
  const names = await namesForRows(households);
  const first = households[0];
  const last = households[households.length - 1];
  // Coming from a cursor means there is a page on the side we came from.
  const hasNext = backwards ? true : hasMore;
  const hasPrevious = backwards ? hasMore : anchor !== null;
  return {
    households: households.map(({ ownerId, nextDueRule, ...household }) => ({
      ...household,
      councilName: household.councilId === null ? null : (names.councils.get(household.councilId) ?? null),
      ownerName: ownerId === null ? null : (names.owners.get(ownerId) ?? null),
      stageLabel: stageLabel(household.stage),
      deadlineLabel: deadlineLabel(nextDueRule),
      isOverdue: isOpenStage(household.stage) && household.nextDueOn !== null && household.nextDueOn < today,
    })),
    nextCursor: hasNext && last ? last.id : null,
    previousCursor: hasPrevious && first ? first.id : null,
  };
}

/** One page of the filtered list with the number of households the filter matches in all. */
export async function listHouseholdsPage(
  viewer: Viewer,
  filter: HouseholdFilter,
  { cursor, take, today = todayInLondon() }: { cursor?: HouseholdCursor; take: number; today?: string },
) {
  const stages = stagesOfFilter(filter);
  if (stages === null || stages.length < 2) {
    const [page, total] = await Promise.all([findHouseholdPage(viewer, filter, { cursor, take, today }), countHouseholds(viewer, filter, today)]);
    return { ...page, total };
  }
  // Counted per stage first, so that the page reads only the stages that have households.
  const counts = await countHouseholdsByStage(viewer, filter, today);
  const page = await findHouseholdPage(viewer, filter, { cursor, take, today, stagesWithRows: new Set(counts.keys()) });
  return { ...page, total: sum([...counts.values()]) };
}

export type HouseholdListCursor = HouseholdCursor;

/**
 * One page of the households this viewer may see, most recently updated first, optionally searched or at one
 * stage. An id outside the viewer's scope is treated as no cursor.
 */
export async function listHouseholdsForViewer(
  viewer: Viewer,
  { q, stage, cursor, take }: { q?: string; stage?: string; cursor?: HouseholdListCursor; take: number },
) {
  const page = await findHouseholdPage(viewer, { ...DEFAULT_FILTER, q, stage }, { cursor, take, today: todayInLondon() });
  return {
    ...page,
    households: page.households.map((household) => ({
      id: household.id,
      reference: household.reference,
      displayName: household.displayName,
      stage: household.stage,
      stageLabel: household.stageLabel,
      councilId: household.councilId,
      councilName: household.councilName,
      enquiryDate: household.enquiryDate,
      updatedAt: household.updatedAt,
    })),
  };
}

/** The choices for the filter form: councils (hub only), the workers who may hold cases here, and the fixed lists. */
export async function getHouseholdFilterOptions(viewer: Viewer) {
  const [councils, workers] = await Promise.all([
    viewer.councilId === null
      ? prisma.council.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } })
      : Promise.resolve([]),
    prisma.user.findMany({
      where: { role: { in: [...CASE_HOLDING_ROLES] }, ...(viewer.councilId === null ? {} : { councilId: viewer.councilId }) },
      select: { id: true, name: true, active: true, council: { select: { name: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return {
    councils: councils.map((council) => ({ value: council.id, label: council.name })),
    workers: workers.map((worker) => ({
      value: worker.id,
      label: [worker.name, viewer.councilId === null ? (worker.council?.name ?? 'Hub') : null, worker.active ? null : 'account closed']
        .filter(Boolean)
        .join(', '),
    })),
    interests: ENQUIRY_INTERESTS.map((interest) => ({ value: interest.code, label: interest.label })),
    stageGroups: STAGE_GROUPS.map((group) => ({ value: group.id, label: group.label })),
    stalledAfterDays: env.STALLED_AFTER_DAYS,
  };
}

// ---------------------------------------------------------------- the board

// The council's name comes from one read of the councils, not a relation read per column.
const CARD_SELECT = {
  id: true,
  reference: true,
  displayName: true,
  stage: true,
  nextDueOn: true,
  councilId: true,
} satisfies Prisma.HouseholdSelect;

/**
 * A column per open stage group; or, when the filter names a group, a column per stage within it. Each column
 * carries the filter that shows exactly its households.
 */
function boardColumns(filter: HouseholdFilter) {
  const group = filter.stageGroup ? STAGE_GROUPS.find((candidate) => candidate.id === filter.stageGroup) : undefined;
  if (group) {
    return group.stages.map((stage) => ({
      kind: 'stage' as const,
      id: stage,
      label: stageLabel(stage),
      stages: [stage],
      // A link to one stage leaves the other stages' columns empty.
      filter: filter.stage && filter.stage !== stage ? null : { ...filter, stage },
    }));
  }
  return STAGE_GROUPS.filter((candidate) => candidate.stages.every(isOpenStage)).map((candidate) => ({
    kind: 'group' as const,
    id: candidate.id,
    label: candidate.label,
    stages: candidate.stages,
    filter: { ...filter, stageGroup: candidate.id },
  }));
}

/**
 * The London date each household last arrived at its current stage, from its transitions: read by household through
 * the [householdId, …] indexes, a few rows per card, and reduced to one date per household by SQLite rather than
 * every transition mapped into JavaScript. A step that stays in its stage (a failed contact attempt) is activity,
 * not an arrival.
 */
async function findStageArrivals(households: readonly { id: string }[]): Promise<Map<string, string>> {
  if (households.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; arrivedOn: string }[]>`
    SELECT t."householdId" AS "id", MAX(t."occurredOn") AS "arrivedOn"
    FROM "PipelineTransition" t JOIN "Household" h ON h."id" = t."householdId"
    WHERE t."householdId" IN (${Prisma.join(households.map((household) => household.id))})
      AND t."toStage" = h."stage" AND t."fromStage" IS NOT t."toStage"
    GROUP BY t."householdId"`;
  return new Map(rows.map((row) => [row.id, row.arrivedOn]));
}

const CARD_SORT_SELECT = { updatedAt: true, enquiryDate: true } satisfies Prisma.HouseholdSelect;

/** Narrowed by stage alone, most or least recently updated first, for a viewer who sees every household. */
function isStageOnlyByUpdate(viewer: Viewer, filter: HouseholdFilter): boolean {
  const { stage: _stage, stageGroup: _stageGroup, sort, direction: _direction, ...narrowing } = filter;
  return seesEveryHousehold(viewer) && sort === 'updated' && !isFiltered({ ...DEFAULT_FILTER, ...narrowing });
}

/** A column's first cards in the list's order, for a filtered board or one sorted by something other than updates. */
async function findColumnCards(viewer: Viewer, filter: HouseholdFilter, today: string, stagesWithRows: ReadonlySet<string>) {
  const options = { anchor: null, side: 'after', take: BOARD_CARDS_PER_COLUMN, today, stagesWithRows } as const;
  const cards = await readInListOrder(viewer, filter, options, (segment, limit) =>
    prisma.household.findMany({ where: segment.where, select: { ...CARD_SELECT, ...CARD_SORT_SELECT }, orderBy: segment.orderBy, take: limit }),
  );
  return cards.map(({ updatedAt: _updatedAt, enquiryDate: _enquiryDate, ...card }) => card);
}

type Card = Prisma.HouseholdGetPayload<{ select: typeof CARD_SELECT }>;

/**
 * Every column's first cards at once for the usual board (every household, most or least recently updated first):
 * one statement finds each column's ids from the [stage, updatedAt, id] index alone, a second reads all their rows.
 * Two queries in all rather than two a column: each query through Prisma costs more than SQLite's work here.
 */
async function findNewestCardsOfColumns(stagesOfColumns: readonly (readonly string[])[], direction: 'asc' | 'desc'): Promise<Card[][]> {
  const order = Prisma.raw(direction === 'asc' ? 'ASC' : 'DESC');
  const columnQueries = stagesOfColumns.flatMap((stages, column) =>
    stages.length === 0
      ? []
      : [
          Prisma.sql`SELECT * FROM (SELECT ${column} AS "column", "id", "updatedAt" FROM "Household" WHERE "stage" IN (${Prisma.join(stages)})
            ORDER BY "updatedAt" ${order}, "id" ${order} LIMIT ${BOARD_CARDS_PER_COLUMN})`,
        ],
  );
  if (columnQueries.length === 0) return stagesOfColumns.map(() => []);
  const newest = await prisma.$queryRaw<{ column: number | bigint; id: string }[]>`${Prisma.join(columnQueries, ' UNION ALL ')}
    ORDER BY "column", "updatedAt" ${order}, "id" ${order}`;
  const rows = await prisma.household.findMany({ where: { id: { in: newest.map((row) => row.id) } }, select: CARD_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const cardsByColumn: Card[][] = stagesOfColumns.map(() => []);
  // A household deleted between the two reads is left out.
  for (const { column, id } of newest) {
    const card = byId.get(id);
    if (card) cardsByColumn[Number(column)].push(card);
  }
  return cardsByColumn;
}

/** Households per stage of the board's columns that the filter matches. */
async function countBoardStages(viewer: Viewer, filter: HouseholdFilter, stages: readonly string[], today: string) {
  const { stage, stageGroup: _stageGroup, sort: _sort, direction: _direction, ...narrowing } = filter;
  if (!isFiltered({ ...DEFAULT_FILTER, ...narrowing })) {
    const cells = await countByStageAndCouncil(viewer, stage ? stages.filter((candidate) => candidate === stage) : stages);
    const counts = new Map<string, number>();
    for (const cell of cells) counts.set(cell.stage, (counts.get(cell.stage) ?? 0) + cell.count);
    return counts;
  }
  const groups = await prisma.household.groupBy({
    by: ['stage'],
    where: scoped(viewer, { AND: [filterWhere(filter, today), { stage: { in: [...stages] } }] }),
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.stage, group._count._all]));
}

/** The pipeline board: per column, how many households the filter matches and the first few, in the list's order. */
export async function getHouseholdBoard(viewer: Viewer, filter: HouseholdFilter, today = todayInLondon()) {
  const columns = boardColumns(filter);
  const [councils, countByStage] = await Promise.all([
    prisma.council.findMany({ select: { id: true, name: true } }),
    countBoardStages(viewer, filter, columns.flatMap((column) => column.stages), today),
  ]);
  // Counted first, so that the cards are read only from stages that have households.
  const stagesWithRows = new Set([...countByStage].flatMap(([stage, count]) => (count > 0 ? [stage] : [])));
  const cardsByColumn = isStageOnlyByUpdate(viewer, filter)
    ? await findNewestCardsOfColumns(
        columns.map((column) => (column.filter === null ? [] : (stagesOfFilter(column.filter) ?? []).filter((stage) => stagesWithRows.has(stage)))),
        filter.direction,
      )
    : await Promise.all(
        columns.map((column) => (column.filter === null ? Promise.resolve([]) : findColumnCards(viewer, column.filter, today, stagesWithRows))),
      );
  const arrivals = await findStageArrivals(cardsByColumn.flat());
  const councilNames = new Map(councils.map((council) => [council.id, council.name]));

  return {
    columns: columns.map((column, index) => ({
      kind: column.kind,
      id: column.id,
      label: column.label,
      count: sum(column.stages.map((stage) => countByStage.get(stage) ?? 0)),
      cards: cardsByColumn[index].map(({ councilId, ...household }) => {
        const arrivedOn = arrivals.get(household.id) ?? null;
        return {
          ...household,
          councilName: councilId === null ? null : (councilNames.get(councilId) ?? null),
          stageLabel: stageLabel(household.stage),
          daysInStage: arrivedOn === null ? null : calendarDaysBetween(arrivedOn, today),
          isOverdue: isOpenStage(household.stage) && household.nextDueOn !== null && household.nextDueOn < today,
        };
      }),
    })),
  };
}

// ---------------------------------------------------------------- council workload

/** Open households allocated to the viewer's council, per worker, most first; `ownerId` null is "no worker yet". */
export async function getCouncilWorkload(viewer: Viewer) {
  if (viewer.councilId === null) throw new Forbidden('This page is for council staff');
  const groups = await prisma.household.groupBy({
    by: ['ownerId'],
    where: scoped(viewer, { allocatedCouncilId: viewer.councilId, stage: { in: [...OPEN_STAGES] } }),
    _count: { _all: true },
  });
  const ownerIds = groups.flatMap((group) => (group.ownerId === null ? [] : [group.ownerId]));
  const owners = await prisma.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } });
  const nameById = new Map(owners.map((owner) => [owner.id, owner.name]));
  return groups
    .map((group) => ({
      ownerId: group.ownerId,
      name: group.ownerId === null ? 'No worker yet' : (nameById.get(group.ownerId) ?? 'Unknown worker'),
      count: group._count._all,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en-GB'));
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
