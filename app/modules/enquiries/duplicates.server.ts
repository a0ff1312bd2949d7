import type { Prisma } from '~/generated/prisma/client';
import { prisma, type Tx } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import { todayInLondon } from '~/lib/uk';
import { addMonthsClamped } from '~/lib/working-days';
import { recordAudit } from '~/modules/audit/audit.server';
import { householdScope } from '~/modules/auth/access.server';
import { isHubRole } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { isOpenStage, STAGE_GROUPS, stageInfo, stageLabel } from '~/modules/pipeline/stages';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';

// Possible duplicates of an enquiry (same email, same phone, or same postcode and surname) across all four councils,
// and merging two hub records into one. A match the viewer may not open is reported only as a flag naming who
// holds it (DOMAIN.md §1.4): safeguarding needs to know it exists, and the data protection agreements govern the rest.

export type DuplicateCriteria = {
  email?: string | null;
  phone?: string | null;
  postcode?: string | null;
  lastName?: string | null;
  excludeId?: string;
};

export type MatchReason = 'email' | 'phone' | 'postcodeAndSurname';

export type PossibleDuplicate =
  | {
      visible: true;
      id: string;
      reference: string;
      displayName: string;
      stage: string;
      stageLabel: string;
      councilName: string | null;
      enquiryDate: string;
      matchedOn: MatchReason[];
      /** Open, or ended within six months: a new contact is linked to it rather than counted again (DOMAIN.md §6.1). */
      recent: boolean;
      /** Open and not yet handed over to a council, so the hub may merge it. */
      mergeable: boolean;
    }
  | { visible: false; flag: string };

/** A busy postcode can hold many households; the notice shows the most recent matches. */
const MAX_MATCHES = 20;
const LINKING_WINDOW_MONTHS = 6;

const candidateSelect = {
  id: true,
  reference: true,
  displayName: true,
  stage: true,
  email: true,
  phone: true,
  postcode: true,
  enquiryDate: true,
  handoverDate: true,
  approvalDate: true,
  closedDate: true,
  allocatedCouncilId: true,
  council: { select: { name: true } },
  allocatedCouncil: { select: { name: true } },
  people: { select: { lastName: true, email: true, phone: true } },
} satisfies Prisma.HouseholdSelect;

type Candidate = Prisma.HouseholdGetPayload<{ select: typeof candidateSelect }>;

const sameText = (a: string | null | undefined, b: string) => a?.trim().toLowerCase() === b.trim().toLowerCase();

function matchReasons(candidate: Candidate, criteria: DuplicateCriteria): MatchReason[] {
  const { email, phone, postcode, lastName } = criteria;
  const reasons: MatchReason[] = [];
  if (email && (sameText(candidate.email, email) || candidate.people.some((person) => sameText(person.email, email)))) {
    reasons.push('email');
  }
  if (phone && (candidate.phone === phone || candidate.people.some((person) => person.phone === phone))) reasons.push('phone');
  if (postcode && lastName && candidate.postcode === postcode && candidate.people.some((person) => sameText(person.lastName, lastName))) {
    reasons.push('postcodeAndSurname');
  }
  return reasons;
}

/** Pre-handover and still open: the only records the hub may merge. */
function isMergeable(household: { stage: string; allocatedCouncilId: string | null }) {
  return household.allocatedCouncilId === null && isOpenStage(household.stage);
}

/** The date that best says when the case was last where it is now. */
function keyDateOf(candidate: Candidate) {
  return candidate.closedDate ?? candidate.approvalDate ?? candidate.handoverDate ?? candidate.enquiryDate;
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Previous case with Nottinghamshire County Council: Closed, March 2025. …" and nothing more (DOMAIN.md §1.4). */
function flagFor(candidate: Candidate): string {
  const group = STAGE_GROUPS.find((entry) => entry.id === stageInfo(candidate.stage).group);
  const when = monthYear.format(new Date(`${keyDateOf(candidate)}T12:00:00Z`));
  const holder = candidate.allocatedCouncil?.name ?? 'Foster for East Midlands';
  const whoToAsk = candidate.allocatedCouncil ? "Contact that council's fostering team manager." : 'Contact the hub manager.';
  return `Previous case with ${holder}: ${group?.label ?? 'in progress'}, ${when}. ${whoToAsk}`;
}

/** Which candidates the viewer may open: inside their scope and, for the hub, not yet held by a council. */
async function openableIds(db: Tx, viewer: Viewer | null, candidates: readonly Candidate[]): Promise<Set<string>> {
  if (!viewer || candidates.length === 0) return new Set();
  const inScope = await db.household.findMany({
    where: { AND: [householdScope(viewer), { id: { in: candidates.map((candidate) => candidate.id) } }] },
    select: { id: true, allocatedCouncilId: true },
  });
  const openable = inScope.filter((household) => !isHubRole(viewer.role) || household.allocatedCouncilId === null);
  return new Set(openable.map((household) => household.id));
}

/**
 * Households that may be the same people as `criteria`, most recent first. Records already closed as a duplicate
 * are left out: the record they were merged into carries their people and matches instead.
 */
export async function findPossibleDuplicates(
  db: Tx,
  viewer: Viewer | null,
  criteria: DuplicateCriteria,
  today: string = todayInLondon(),
): Promise<PossibleDuplicate[]> {
  const { email, phone, postcode, lastName, excludeId } = criteria;
  const conditions: Prisma.HouseholdWhereInput[] = [];
  if (email) conditions.push({ email }, { people: { some: { email } } });
  if (phone) conditions.push({ phone }, { people: { some: { phone } } });
  // Surnames are compared without regard to case below; SQLite's = would not.
  if (postcode && lastName) conditions.push({ postcode });
  if (conditions.length === 0) return [];

  const rows = await db.household.findMany({
    where: {
      AND: [
        excludeId ? { id: { not: excludeId } } : {},
        { OR: conditions },
        { OR: [{ closedReason: null }, { closedReason: { not: 'DUPLICATE' } }] },
      ],
    },
    select: candidateSelect,
    orderBy: [{ enquiryReceivedAt: 'desc' }, { id: 'desc' }],
    take: MAX_MATCHES * 3,
  });
  const matches = rows
    .map((candidate) => ({ candidate, matchedOn: matchReasons(candidate, criteria) }))
    .filter((match) => match.matchedOn.length > 0)
    .slice(0, MAX_MATCHES);
  const openable = await openableIds(db, viewer, matches.map((match) => match.candidate));

  return matches.map(({ candidate, matchedOn }): PossibleDuplicate => {
    if (!openable.has(candidate.id)) return { visible: false, flag: flagFor(candidate) };
    return {
      visible: true,
      id: candidate.id,
      reference: candidate.reference,
      displayName: candidate.displayName,
      stage: candidate.stage,
      stageLabel: stageLabel(candidate.stage),
      councilName: candidate.council?.name ?? null,
      enquiryDate: candidate.enquiryDate,
      matchedOn,
      recent: isOpenStage(candidate.stage) || addMonthsClamped(keyDateOf(candidate), LINKING_WINDOW_MONTHS) >= today,
      mergeable: isMergeable(candidate),
    };
  });
}

// ---------------------------------------------------------------- the merge page

const householdForMergeSelect = {
  id: true,
  reference: true,
  displayName: true,
  stage: true,
  allocatedCouncilId: true,
  email: true,
  phone: true,
  postcode: true,
  enquiryDate: true,
  council: { select: { name: true } },
  people: {
    where: { role: 'applicant' },
    orderBy: { createdAt: 'asc' },
    take: 1,
    select: { lastName: true },
  },
} satisfies Prisma.HouseholdSelect;

/** A household the hub may work on: in scope and not handed over. Anything else is not found (404, never 403). */
async function findHubHousehold(viewer: Viewer, householdId: string) {
  if (!isHubRole(viewer.role)) throw new NotFound('Household not found');
  const household = await prisma.household.findFirst({
    where: { AND: [householdScope(viewer), { id: householdId, allocatedCouncilId: null }] },
    select: householdForMergeSelect,
  });
  if (!household) throw new NotFound('Household not found');
  return household;
}

/** The household, its possible duplicates, and whether it can be merged at all. */
export async function getMergeCandidates(viewer: Viewer, householdId: string, today: string = todayInLondon()) {
  const household = await findHubHousehold(viewer, householdId);
  const duplicates = await findPossibleDuplicates(
    prisma,
    viewer,
    {
      email: household.email,
      phone: household.phone,
      postcode: household.postcode,
      lastName: household.people[0]?.lastName ?? null,
      excludeId: household.id,
    },
    today,
  );
  return {
    household: {
      id: household.id,
      reference: household.reference,
      displayName: household.displayName,
      stageLabel: stageLabel(household.stage),
      councilName: household.council?.name ?? null,
      enquiryDate: household.enquiryDate,
      mergeable: isMergeable(household),
    },
    duplicates,
  };
}

// ---------------------------------------------------------------- merging

export type MergeRequest = { keepId: string; mergeId: string; reason: string };
export type MergeOptions = { now?: Date; requestId?: string };

const NOT_MERGEABLE = 'Only open cases that have not been handed over to a council can be merged.';

type MovedCounts = { people: number; interests: number; notes: number; contactAttempts: number; tasks: number; emails: number };

/**
 * Merges the record `mergeId` into `keepId` for a hub officer or manager. Two steps, in this order:
 * 1. one transaction moves the people (except exact duplicates by name and email), interests, notes, contact
 *    attempts, tasks and emails to the kept record, fills the kept record's missing contact details, and writes a
 *    `household.merge` audit row;
 * 2. the merged record is closed as DUPLICATE through the pipeline writer, in the writer's own transaction.
 * If step 2 fails (someone changed the record meanwhile), the moved rows stay with the kept record, which is where
 * they belong, and the merged record stays open and empty; merging again moves nothing more and closes it.
 */
export async function mergeHouseholds(viewer: Viewer, request: MergeRequest, options: MergeOptions = {}) {
  if (!isHubRole(viewer.role)) throw new Forbidden('Only hub staff can merge records');
  const now = options.now ?? new Date();
  if (request.keepId === request.mergeId) {
    throw new ValidationFailed('Check the details you entered.', { otherId: 'Select a different record' });
  }
  const [keep, merge] = await Promise.all([findHubHousehold(viewer, request.keepId), findHubHousehold(viewer, request.mergeId)]);
  if (!isMergeable(keep) || !isMergeable(merge)) throw new ValidationFailed(NOT_MERGEABLE, { otherId: NOT_MERGEABLE });

  const moved = await prisma.$transaction(async (tx) => {
    const counts = await moveCaseRecords(tx, keep.id, merge.id);
    await copyMissingContactDetails(tx, keep.id, merge.id, now);
    await recordAudit(tx, { userId: viewer.userId, role: viewer.role }, {
      action: 'household.merge',
      entity: 'Household',
      entityId: keep.id,
      summary: `Merged ${merge.reference} into ${keep.reference}`,
      after: { keptHouseholdId: keep.id, mergedHouseholdId: merge.id, moved: counts },
      requestId: options.requestId,
    });
    return counts;
  });

  const closed = await applyPipelineEvent(
    viewer,
    merge.id,
    { type: 'CLOSE', reasonCode: 'DUPLICATE', occurredOn: todayInLondon(now), reason: `Merged into ${keep.reference}: ${request.reason}` },
    { now, requestId: options.requestId },
  );
  return { keptId: keep.id, mergedId: merge.id, moved, transitionId: closed.transitionId };
}

const personKey = (person: { firstName: string; lastName: string; email: string | null }) =>
  [person.firstName, person.lastName, person.email ?? ''].map((part) => part.trim().toLowerCase()).join('\u0000');

async function moveCaseRecords(tx: Tx, keepId: string, mergeId: string): Promise<MovedCounts> {
  const personSelect = { id: true, role: true, firstName: true, lastName: true, email: true } as const;
  const [keptPeople, mergedPeople] = await Promise.all([
    tx.person.findMany({ where: { householdId: keepId }, select: personSelect }),
    tx.person.findMany({ where: { householdId: mergeId }, select: personSelect, orderBy: { createdAt: 'asc' } }),
  ]);
  const known = new Set(keptPeople.map(personKey));
  let keptHasApplicant = keptPeople.some((person) => person.role === 'applicant');
  let people = 0;
  for (const person of mergedPeople) {
    if (known.has(personKey(person))) continue;
    known.add(personKey(person));
    // One main applicant per household: another one arriving becomes a joint applicant.
    const role = person.role === 'applicant' && keptHasApplicant ? 'jointApplicant' : person.role;
    keptHasApplicant ||= role === 'applicant';
    await tx.person.update({ where: { id: person.id }, data: { householdId: keepId, role } });
    people += 1;
  }

  const [keptInterests, mergedInterests] = await Promise.all([
    tx.householdInterest.findMany({ where: { householdId: keepId }, select: { interest: true } }),
    tx.householdInterest.findMany({ where: { householdId: mergeId }, select: { interest: true } }),
  ]);
  const keptInterestSet = new Set(keptInterests.map((row) => row.interest));
  const newInterests = mergedInterests.filter((row) => !keptInterestSet.has(row.interest));
  if (newInterests.length > 0) {
    await tx.householdInterest.createMany({ data: newInterests.map((row) => ({ householdId: keepId, interest: row.interest })) });
  }
  await tx.householdInterest.deleteMany({ where: { householdId: mergeId } });

  const move = { where: { householdId: mergeId }, data: { householdId: keepId } };
  const [notes, contactAttempts, tasks, emails] = [
    await tx.note.updateMany(move),
    await tx.contactAttempt.updateMany(move),
    await tx.task.updateMany(move),
    await tx.outboundEmail.updateMany(move),
  ];
  return {
    people,
    interests: newInterests.length,
    notes: notes.count,
    contactAttempts: contactAttempts.count,
    tasks: tasks.count,
    emails: emails.count,
  };
}

/** The kept record gains an email, phone or contact time it lacked; what it already holds is never overwritten. */
async function copyMissingContactDetails(tx: Tx, keepId: string, mergeId: string, now: Date) {
  const contactSelect = { email: true, phone: true, preferredContactTime: true } as const;
  const [kept, merged] = await Promise.all([
    tx.household.findUniqueOrThrow({ where: { id: keepId }, select: contactSelect }),
    tx.household.findUniqueOrThrow({ where: { id: mergeId }, select: contactSelect }),
  ]);
  await tx.household.update({
    where: { id: keepId },
    data: {
      email: kept.email ?? merged.email,
      phone: kept.phone ?? merged.phone,
      preferredContactTime: kept.preferredContactTime ?? merged.preferredContactTime,
      lastActivityAt: now,
    },
  });
}
