import { prisma, type Tx } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import { todayInLondon } from '~/lib/uk';
import { recordAudit, type AuditEntry } from '~/modules/audit/audit.server';
import { assertCan, can } from '~/modules/auth/access.server';
import { recordDeregistration } from '~/modules/carers/resignations.server';
import { deregistrationReasonLabel } from '~/modules/codes/deregistration-reasons';
import type { CouncilViewer, Viewer } from '~/modules/auth/viewer';
import {
  activityTypeLabel,
  lastQuarter,
  lastTwelveMonths,
  MAX_SATELLITES,
  memberTypeLabel,
  roleLabel,
  satelliteAdvice,
  SLEEPOVER_TYPES,
  vacancies,
} from '~/modules/mockingbird/rules';
import type {
  AddMemberInput,
  AppointHubHomeInput,
  CloseConstellationInput,
  EndMembershipInput,
  HubCarerResignsInput,
  LogActivityInput,
  StartConstellationInput,
} from '~/modules/mockingbird/schema';
import { mockingbirdRetention } from '~/modules/reporting/mockingbird-retention.server';

// Mockingbird constellations (DOMAIN.md §5): one hub home and up to ten satellites, a liaison worker from the same
// council, members joining and leaving with dates, and the activities and sleepovers they share. Nothing here is
// ever deleted: a member who leaves, or a constellation that closes, keeps its history with a date and a reason.

export type CommandOptions = { requestId?: string; now?: Date };

const NOT_FOUND = 'Constellation not found';
const CHECK = 'Check the details you entered.';
const ACTIVITY_PAGE = 30;
const PAST_MEMBERS_PAGE = 100;
const ELIGIBLE_PAGE = 500;

/** The viewer's council, if they may see Mockingbird at all; everyone else is refused the whole area. */
function councilOf(viewer: Viewer): string {
  if (viewer.councilId === null || !can(viewer, 'mockingbird.view', { councilId: viewer.councilId })) {
    throw new Forbidden('You do not have permission to view Mockingbird constellations');
  }
  return viewer.councilId;
}

const actorOf = (viewer: Viewer) => ({ userId: viewer.userId, role: viewer.role });

// ---------------------------------------------------------------- reads

export async function getMockingbirdOverview(viewer: Viewer, options: { now?: Date } = {}) {
  const councilId = councilOf(viewer);
  const today = todayInLondon(options.now);
  const quarter = lastQuarter(today);
  const [council, constellations, quarterActivity] = await Promise.all([
    prisma.council.findUniqueOrThrow({ where: { id: councilId }, select: { name: true } }),
    prisma.constellation.findMany({
      where: { councilId },
      select: {
        id: true,
        name: true,
        status: true,
        launchedOn: true,
        closedOn: true,
        liaisonWorkerId: true,
        memberships: {
          where: { leftOn: null },
          select: { role: true, household: { select: { displayName: true } } },
          take: MAX_SATELLITES + 5,
        },
        _count: { select: { memberships: { where: { leftOn: { not: null } } } } },
      },
      orderBy: [{ status: 'asc' }, { launchedOn: 'desc' }, { id: 'asc' }],
      take: 20,
    }),
    prisma.mockingbirdActivity.groupBy({
      by: ['constellationId', 'type'],
      where: { constellation: { councilId }, occurredOn: { gte: quarter.from, lte: quarter.to } },
      _count: { _all: true },
      _sum: { nights: true },
    }),
  ]);
  const liaisons = await liaisonNames(constellations.map((constellation) => constellation.liaisonWorkerId));
  const retentionPeriod = lastTwelveMonths(today);
  return {
    councilName: council.name,
    quarter,
    retentionPeriod,
    retention: await mockingbirdRetention({ ...retentionPeriod, councilId }),
    mayManage: can(viewer, 'mockingbird.manage', { councilId }),
    constellations: constellations.map((constellation) => {
      const satellites = constellation.memberships.filter((member) => member.role === 'satellite').length;
      const activity = quarterActivity.filter((row) => row.constellationId === constellation.id);
      const sleepovers = activity.filter((row) => SLEEPOVER_TYPES.includes(row.type as (typeof SLEEPOVER_TYPES)[number]));
      return {
        id: constellation.id,
        name: constellation.name,
        status: constellation.status,
        launchedOn: constellation.launchedOn,
        closedOn: constellation.closedOn,
        liaisonName: constellation.liaisonWorkerId ? (liaisons.get(constellation.liaisonWorkerId) ?? null) : null,
        hubHomeName: constellation.memberships.find((member) => member.role === 'hubHome')?.household.displayName ?? null,
        satellites,
        vacancies: constellation.status === 'active' ? vacancies(satellites) : 0,
        advice: constellation.status === 'active' ? satelliteAdvice(satellites) : null,
        formerMembers: constellation._count.memberships,
        activitiesInQuarter: activity.reduce((sum, row) => sum + row._count._all, 0),
        sleepoversInQuarter: sleepovers.reduce((sum, row) => sum + row._count._all, 0),
        sleepoverNightsInQuarter: sleepovers.reduce((sum, row) => sum + (row._sum.nights ?? 0), 0),
      };
    }),
    liaisonChoices: await liaisonChoices(councilId),
  };
}

export async function getConstellationPage(viewer: Viewer, constellationId: string, options: { now?: Date } = {}) {
  const councilId = councilOf(viewer);
  const today = todayInLondon(options.now);
  const quarter = lastQuarter(today);
  const constellation = await prisma.constellation.findFirst({
    where: { id: constellationId, councilId },
    select: {
      id: true,
      name: true,
      status: true,
      launchedOn: true,
      closedOn: true,
      liaisonWorkerId: true,
      version: true,
      council: { select: { name: true } },
    },
  });
  if (!constellation) throw new NotFound(NOT_FOUND);
  const memberSelect = {
    id: true,
    householdId: true,
    role: true,
    householdType: true,
    joinedOn: true,
    leftOn: true,
    leftReason: true,
    household: { select: { reference: true, displayName: true } },
  } as const;
  const [current, past, activities, quarterRows] = await Promise.all([
    prisma.constellationMembership.findMany({
      where: { constellationId, leftOn: null },
      select: memberSelect,
      orderBy: [{ role: 'asc' }, { joinedOn: 'asc' }, { id: 'asc' }],
      take: MAX_SATELLITES + 5,
    }),
    prisma.constellationMembership.findMany({
      where: { constellationId, leftOn: { not: null } },
      select: memberSelect,
      orderBy: [{ leftOn: 'desc' }, { id: 'asc' }],
      take: PAST_MEMBERS_PAGE,
    }),
    prisma.mockingbirdActivity.findMany({
      where: { constellationId },
      select: { id: true, type: true, occurredOn: true, nights: true, householdIdsJson: true, notes: true },
      orderBy: [{ occurredOn: 'desc' }, { id: 'desc' }],
      take: ACTIVITY_PAGE,
    }),
    prisma.mockingbirdActivity.groupBy({
      by: ['type'],
      where: { constellationId, occurredOn: { gte: quarter.from, lte: quarter.to } },
      _count: { _all: true },
      _sum: { nights: true },
    }),
  ]);
  const names = new Map([...past, ...current].map((member) => [member.householdId, member.household.displayName]));
  const mayManage = constellation.status === 'active' && can(viewer, 'mockingbird.manage', { councilId });
  const satellites = current.filter((member) => member.role === 'satellite').length;
  const liaisons = await liaisonNames([constellation.liaisonWorkerId]);
  const describe = (member: (typeof current)[number]) => ({
    id: member.id,
    householdId: member.householdId,
    reference: member.household.reference,
    displayName: member.household.displayName,
    role: member.role,
    roleLabel: roleLabel(member.role),
    typeLabel: memberTypeLabel(member.householdType),
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    leftReason: member.leftReason,
  });
  const sleepoverRows = quarterRows.filter((row) => SLEEPOVER_TYPES.includes(row.type as (typeof SLEEPOVER_TYPES)[number]));
  return {
    constellation: {
      id: constellation.id,
      name: constellation.name,
      status: constellation.status,
      launchedOn: constellation.launchedOn,
      closedOn: constellation.closedOn,
      councilName: constellation.council.name,
      liaisonName: constellation.liaisonWorkerId ? (liaisons.get(constellation.liaisonWorkerId) ?? null) : null,
      liaisonWorkerId: constellation.liaisonWorkerId,
    },
    current: current.map(describe),
    past: past.map(describe),
    hasHubHome: current.some((member) => member.role === 'hubHome'),
    satellites,
    maxSatellites: MAX_SATELLITES,
    vacancies: constellation.status === 'active' ? vacancies(satellites) : 0,
    advice: constellation.status === 'active' ? satelliteAdvice(satellites) : null,
    quarter: {
      ...quarter,
      activities: quarterRows.reduce((sum, row) => sum + row._count._all, 0),
      sleepovers: sleepoverRows.reduce((sum, row) => sum + row._count._all, 0),
      nights: sleepoverRows.reduce((sum, row) => sum + (row._sum.nights ?? 0), 0),
    },
    activities: activities.map((activity) => ({
      id: activity.id,
      typeLabel: activityTypeLabel(activity.type),
      occurredOn: activity.occurredOn,
      nights: activity.nights,
      households: parseHouseholdIds(activity.householdIdsJson).map((id) => names.get(id) ?? 'A household no longer listed'),
      notes: activity.notes,
    })),
    mayManage,
    eligibleHouseholds: mayManage ? await eligibleHouseholds(councilId) : [],
    liaisonChoices: mayManage ? await liaisonChoices(councilId) : [],
  };
}

export type ConstellationPage = Awaited<ReturnType<typeof getConstellationPage>>;

function parseHouseholdIds(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

/** Approved households of the council that are not in a constellation now: who may join. */
async function eligibleHouseholds(councilId: string) {
  return prisma.household.findMany({
    where: {
      approvals: { some: { councilId, status: 'active' } },
      memberships: { none: { leftOn: null, constellation: { status: 'active' } } },
    },
    select: { id: true, reference: true, displayName: true, route: true },
    orderBy: [{ displayName: 'asc' }, { reference: 'asc' }],
    take: ELIGIBLE_PAGE,
  });
}

async function liaisonChoices(councilId: string) {
  return prisma.user.findMany({
    where: { councilId, role: 'mockingbirdLiaison', active: true },
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 50,
  });
}

async function liaisonNames(ids: readonly (string | null)[]) {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map<string, string>();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true }, take: wanted.length });
  return new Map(users.map((user) => [user.id, user.name]));
}

// ---------------------------------------------------------------- commands

/** The constellation, in the viewer's council, that the viewer may change; anything else is not found. */
async function constellationToManage(tx: Tx, viewer: CouncilViewer, constellationId: string) {
  // The first statement writes: SQLite's write lock is taken before anything is counted, so concurrent changes to
  // one constellation queue here and the limit check sees every join that committed before it (schema.prisma,
  // Constellation.version). A constellation in another council matches nothing and is not found.
  const { count } = await tx.constellation.updateMany({
    where: { id: constellationId, councilId: viewer.councilId },
    data: { version: { increment: 1 } },
  });
  if (count !== 1) throw new NotFound(NOT_FOUND);
  const constellation = await tx.constellation.findUniqueOrThrow({
    where: { id: constellationId },
    select: { id: true, councilId: true, status: true, launchedOn: true },
  });
  assertCan(viewer, 'mockingbird.manage', constellation);
  if (constellation.status !== 'active') throw new ValidationFailed('This constellation has closed.', { form: 'This constellation has closed' });
  return constellation;
}

function managerOf(viewer: Viewer): CouncilViewer {
  if (viewer.councilId === null || !can(viewer, 'mockingbird.manage', { councilId: viewer.councilId })) {
    throw new Forbidden('You do not have permission to change Mockingbird constellations');
  }
  return viewer;
}

type Change = {
  tx: Tx;
  constellation: Awaited<ReturnType<typeof constellationToManage>>;
  today: string;
  /** Records the change in the audit trail, under the constellation's council and the request. */
  audit: (entry: Pick<AuditEntry, 'action' | 'entity' | 'entityId' | 'after'>) => Promise<void>;
};

/** Every change to an existing constellation: a manager of Mockingbird, the constellation locked, one transaction. */
async function changeConstellation<Result>(viewer: Viewer, constellationId: string, options: CommandOptions, change: (context: Change) => Promise<Result>) {
  const manager = managerOf(viewer);
  const today = todayInLondon(options.now);
  return prisma.$transaction(async (tx) => {
    const constellation = await constellationToManage(tx, manager, constellationId);
    const audit: Change['audit'] = (entry) => recordAudit(tx, actorOf(viewer), { ...entry, councilId: constellation.councilId, requestId: options.requestId });
    return change({ tx, constellation, today, audit });
  });
}

function dateRules(field: string, date: string, today: string, launchedOn: string) {
  if (date > today) throw new ValidationFailed(CHECK, { [field]: 'The date must be today or in the past' });
  if (date < launchedOn) throw new ValidationFailed(CHECK, { [field]: 'The date must be on or after the constellation launched' });
}

type Joining = { constellationId: string; householdId: string; role: 'satellite' | 'hubHome'; householdType: string; joinedOn: string };

/** A household joins in a role: its membership row, and the audit row that says so. */
async function recordJoining({ tx, audit }: Pick<Change, 'tx' | 'audit'>, action: string, joining: Joining) {
  const membership = await tx.constellationMembership.create({ data: joining, select: { id: true } });
  const { householdType: _householdType, ...after } = joining;
  await audit({ action, entity: 'ConstellationMembership', entityId: membership.id, after });
  return membership;
}

/** An approved household of this council that is in no constellation now (or, for a new hub home, a satellite here). */
async function joiningHousehold(tx: Tx, field: string, councilId: string, householdId: string, joinedOn: string) {
  const household = await tx.household.findFirst({
    where: { id: householdId, approvals: { some: { councilId, status: 'active' } } },
    select: {
      id: true,
      approvals: { where: { councilId, status: 'active' }, select: { approvedOn: true }, orderBy: { approvedOn: 'asc' }, take: 1 },
      memberships: { where: { leftOn: null, constellation: { status: 'active' } }, select: { id: true, constellationId: true, role: true, joinedOn: true } },
    },
  });
  if (!household) throw new ValidationFailed(CHECK, { [field]: 'Select an approved household in this council' });
  if (household.approvals[0] && joinedOn < household.approvals[0].approvedOn) {
    throw new ValidationFailed(CHECK, { joinedOn: 'The date must be on or after the household was approved' });
  }
  return household;
}

export async function addSatellite(viewer: Viewer, constellationId: string, input: AddMemberInput, options: CommandOptions = {}) {
  return changeConstellation(viewer, constellationId, options, async ({ tx, constellation, today, audit }) => {
    dateRules('joinedOn', input.joinedOn, today, constellation.launchedOn);
    const satellites = await tx.constellationMembership.count({ where: { constellationId, role: 'satellite', leftOn: null } });
    if (satellites >= MAX_SATELLITES) {
      throw new ValidationFailed(CHECK, {
        householdId: `This constellation already has ${MAX_SATELLITES} satellite households, the most it can have. A household must leave before another can join.`,
      });
    }
    const household = await joiningHousehold(tx, 'householdId', constellation.councilId, input.householdId, input.joinedOn);
    if (household.memberships.length > 0) {
      throw new ValidationFailed(CHECK, { householdId: 'This household is already in a constellation' });
    }
    return recordJoining({ tx, audit }, 'mockingbird.memberJoined', {
      constellationId,
      householdId: household.id,
      role: 'satellite',
      householdType: input.householdType,
      joinedOn: input.joinedOn,
    });
  });
}

/** A new hub home carer, when the constellation has none; a satellite here may step up (its satellite place ends). */
export async function appointHubHome(viewer: Viewer, constellationId: string, input: AppointHubHomeInput, options: CommandOptions = {}) {
  return changeConstellation(viewer, constellationId, options, async ({ tx, constellation, today, audit }) => {
    dateRules('joinedOn', input.joinedOn, today, constellation.launchedOn);
    const hubHome = await tx.constellationMembership.count({ where: { constellationId, role: 'hubHome', leftOn: null } });
    if (hubHome > 0) {
      throw new ValidationFailed(CHECK, { householdId: 'This constellation already has a hub home. Record that it has left first.' });
    }
    const household = await joiningHousehold(tx, 'householdId', constellation.councilId, input.householdId, input.joinedOn);
    const elsewhere = household.memberships.find((member) => member.constellationId !== constellationId || member.role !== 'satellite');
    if (elsewhere) throw new ValidationFailed(CHECK, { householdId: 'This household is already in another constellation' });
    for (const satellite of household.memberships) {
      if (input.joinedOn < satellite.joinedOn) {
        throw new ValidationFailed(CHECK, { joinedOn: 'The date must be on or after the household joined as a satellite' });
      }
      await tx.constellationMembership.update({
        where: { id: satellite.id },
        data: { leftOn: input.joinedOn, leftReason: 'Became the hub home' },
        select: { id: true },
      });
    }
    return recordJoining({ tx, audit }, 'mockingbird.hubHomeAppointed', {
      constellationId,
      householdId: household.id,
      role: 'hubHome',
      householdType: 'foster',
      joinedOn: input.joinedOn,
    });
  });
}

/** A member leaves: the membership ends with its date and reason, and everything it took part in stays. */
export async function endMembership(viewer: Viewer, constellationId: string, input: EndMembershipInput, options: CommandOptions = {}) {
  return changeConstellation(viewer, constellationId, options, async ({ tx, today, audit }) => {
    const membership = await tx.constellationMembership.findFirst({
      where: { id: input.membershipId, constellationId, leftOn: null },
      select: { id: true, joinedOn: true, role: true, householdId: true },
    });
    if (!membership) throw new ValidationFailed(CHECK, { membershipId: 'Select a household that is in this constellation now' });
    if (input.leftOn > today) throw new ValidationFailed(CHECK, { leftOn: 'The date must be today or in the past' });
    if (input.leftOn < membership.joinedOn) {
      throw new ValidationFailed(CHECK, { leftOn: 'The date the household left must be on or after the date it joined' });
    }
    await tx.constellationMembership.update({
      where: { id: membership.id },
      data: { leftOn: input.leftOn, leftReason: input.leftReason },
      select: { id: true },
    });
    await audit({
      action: 'mockingbird.memberLeft',
      entity: 'ConstellationMembership',
      entityId: membership.id,
      after: { constellationId, householdId: membership.householdId, role: membership.role, leftOn: input.leftOn },
    });
  });
}

/**
 * The hub home carer resigns (reg 28(13): approval ends 28 days after the notice). The carers module records the
 * notice; the hub home's membership ends on the notice date, because the constellation needs a new hub home from
 * then. The satellites stay members, with their history, while one is appointed.
 */
export async function recordHubCarerResignation(viewer: Viewer, constellationId: string, input: HubCarerResignsInput, options: CommandOptions = {}) {
  return changeConstellation(viewer, constellationId, options, async ({ tx, constellation, today, audit }) => {
    const hubHome = await tx.constellationMembership.findFirst({
      where: { constellationId, role: 'hubHome', leftOn: null },
      select: { id: true, householdId: true, joinedOn: true },
    });
    if (!hubHome) throw new ValidationFailed(CHECK, { form: 'This constellation has no hub home' });
    if (input.noticeReceivedOn > today) throw new ValidationFailed(CHECK, { noticeReceivedOn: 'The date must be today or in the past' });
    if (input.noticeReceivedOn < hubHome.joinedOn) {
      throw new ValidationFailed(CHECK, { noticeReceivedOn: 'The notice date must be on or after the hub home joined' });
    }
    const approval = await tx.approval.findFirst({
      where: { householdId: hubHome.householdId, councilId: constellation.councilId, status: 'active' },
      select: { id: true },
      orderBy: { approvedOn: 'desc' },
    });
    if (!approval) throw new ValidationFailed(CHECK, { form: 'The hub home carer has no active approval to end' });
    const ending = await recordDeregistration(tx, actorOf(viewer), {
      approvalId: approval.id,
      noticeReceivedOn: input.noticeReceivedOn,
      primaryReason: input.primaryReason,
      details: input.details ?? null,
      today,
      requestId: options.requestId,
    });
    await tx.constellationMembership.update({
      where: { id: hubHome.id },
      data: { leftOn: input.noticeReceivedOn, leftReason: `Hub home carer resigned: ${deregistrationReasonLabel(input.primaryReason).toLowerCase()}` },
      select: { id: true },
    });
    await audit({
      action: 'mockingbird.hubCarerResigned',
      entity: 'ConstellationMembership',
      entityId: hubHome.id,
      after: { constellationId, householdId: hubHome.householdId, leftOn: input.noticeReceivedOn, approvalEndsOn: ending.effectiveOn },
    });
    return ending;
  });
}

export async function logActivity(viewer: Viewer, constellationId: string, input: LogActivityInput, options: CommandOptions = {}) {
  return changeConstellation(viewer, constellationId, options, async ({ tx, constellation, today, audit }) => {
    dateRules('occurredOn', input.occurredOn, today, constellation.launchedOn);
    const householdIds = [...new Set(input.householdIds)];
    // Only households that were members on the day: a member who left keeps their past activities, nothing new.
    const members = await tx.constellationMembership.findMany({
      where: {
        constellationId,
        householdId: { in: householdIds },
        joinedOn: { lte: input.occurredOn },
        OR: [{ leftOn: null }, { leftOn: { gte: input.occurredOn } }],
      },
      select: { householdId: true },
    });
    const memberIds = new Set(members.map((member) => member.householdId));
    if (householdIds.some((id) => !memberIds.has(id))) {
      throw new ValidationFailed(CHECK, { householdIds: 'Select only households that were in the constellation on that date' });
    }
    const activity = await tx.mockingbirdActivity.create({
      data: {
        constellationId,
        type: input.type,
        occurredOn: input.occurredOn,
        nights: input.nights,
        householdIdsJson: JSON.stringify(householdIds),
        notes: input.notes ? input.notes : null,
      },
      select: { id: true },
    });
    await audit({
      action: 'mockingbird.activityLogged',
      entity: 'MockingbirdActivity',
      entityId: activity.id,
      after: { constellationId, type: input.type, occurredOn: input.occurredOn, nights: input.nights, households: householdIds.length },
    });
    return activity;
  });
}

/** The liaison worker must belong to the constellation's own council (DOMAIN.md §1.3: the liaison is a council role). */
async function assertLiaisonOf(tx: Tx, councilId: string, userId: string) {
  const liaison = await tx.user.findFirst({ where: { id: userId, role: 'mockingbirdLiaison', active: true }, select: { councilId: true } });
  if (!liaison || liaison.councilId !== councilId) {
    throw new ValidationFailed(CHECK, { liaisonWorkerId: 'Select a Mockingbird liaison worker from this council' });
  }
}

export async function setLiaisonWorker(viewer: Viewer, constellationId: string, liaisonWorkerId: string, options: CommandOptions = {}) {
  return changeConstellation(viewer, constellationId, options, async ({ tx, constellation, audit }) => {
    await assertLiaisonOf(tx, constellation.councilId, liaisonWorkerId);
    await tx.constellation.update({ where: { id: constellationId }, data: { liaisonWorkerId }, select: { id: true } });
    await audit({
      action: 'mockingbird.liaisonChanged',
      entity: 'Constellation',
      entityId: constellationId,
      after: { liaisonWorkerId },
    });
  });
}

/** Closing ends every current membership on the closing date with the reason; the members' history stays. */
export async function closeConstellation(viewer: Viewer, constellationId: string, input: CloseConstellationInput, options: CommandOptions = {}) {
  return changeConstellation(viewer, constellationId, options, async ({ tx, constellation, today, audit }) => {
    dateRules('closedOn', input.closedOn, today, constellation.launchedOn);
    const latestJoin = await tx.constellationMembership.findFirst({
      where: { constellationId, leftOn: null },
      select: { joinedOn: true },
      orderBy: { joinedOn: 'desc' },
    });
    if (latestJoin && input.closedOn < latestJoin.joinedOn) {
      throw new ValidationFailed(CHECK, { closedOn: 'The date must be on or after the most recent member joined' });
    }
    const ended = await tx.constellationMembership.updateMany({
      where: { constellationId, leftOn: null },
      data: { leftOn: input.closedOn, leftReason: `Constellation closed: ${input.closedReason}` },
    });
    await tx.constellation.update({ where: { id: constellationId }, data: { status: 'closed', closedOn: input.closedOn }, select: { id: true } });
    await audit({
      action: 'mockingbird.constellationClosed',
      entity: 'Constellation',
      entityId: constellationId,
      after: { closedOn: input.closedOn, membershipsEnded: ended.count },
    });
  });
}

export async function startConstellation(viewer: Viewer, input: StartConstellationInput, options: CommandOptions = {}) {
  const manager = managerOf(viewer);
  const today = todayInLondon(options.now);
  if (input.launchedOn > today) throw new ValidationFailed(CHECK, { launchedOn: 'The launch date must be today or in the past' });
  return prisma.$transaction(async (tx) => {
    await assertLiaisonOf(tx, manager.councilId, input.liaisonWorkerId);
    const constellation = await tx.constellation.create({
      data: { councilId: manager.councilId, name: input.name, launchedOn: input.launchedOn, liaisonWorkerId: input.liaisonWorkerId },
      select: { id: true },
    });
    await recordAudit(tx, actorOf(viewer), {
      action: 'mockingbird.constellationStarted',
      entity: 'Constellation',
      entityId: constellation.id,
      councilId: manager.councilId,
      after: { launchedOn: input.launchedOn, liaisonWorkerId: input.liaisonWorkerId },
      requestId: options.requestId,
    });
    return constellation;
  });
}

/**
 * For the carers module: when a household's approval ends (a resignation, or the hub carer's own), its current
 * memberships end on the same date inside that module's transaction. The other members are untouched, so a
 * constellation whose hub carer resigns keeps its satellites and their history, and can appoint a new hub home.
 */
export async function endMembershipsOfHousehold(tx: Tx, { householdId, leftOn, leftReason }: { householdId: string; leftOn: string; leftReason: string }) {
  const current = await tx.constellationMembership.findMany({ where: { householdId, leftOn: null }, select: { id: true, joinedOn: true }, take: 20 });
  for (const membership of current) {
    await tx.constellationMembership.update({
      where: { id: membership.id },
      data: { leftOn: leftOn < membership.joinedOn ? membership.joinedOn : leftOn, leftReason },
      select: { id: true },
    });
  }
  return current.length;
}
