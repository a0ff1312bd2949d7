import type { Prisma } from '~/generated/prisma/client';
import { deregistrationReasonLabel } from '~/modules/codes/deregistration-reasons';
import type { SeededApproval } from './approvals';
import { COUNCILS } from './councils';
import { addDays, addMonths, daysBetween, maxDate, monthStartsBetween, nextWorkingDay } from './dates';
import { randomFor, type Random } from './random';
import { WORKERS } from './staff';

// One Mockingbird constellation per council (DOMAIN.md §5): a hub home and six to ten satellite households, with a
// liaison worker, a few members who have left, and a year of meetings, sleepovers and short breaks.

export type MockingbirdRows = {
  constellations: Prisma.ConstellationCreateManyInput[];
  memberships: Prisma.ConstellationMembershipCreateManyInput[];
  activities: Prisma.MockingbirdActivityCreateManyInput[];
};

type Member = { householdId: string; joinedOn: string; leftOn: string | null };

// Derby City's constellation has nine satellites and room for one more, with approved households outside it: the
// liaison worker's end-to-end journey adds the tenth and is refused an eleventh (tests/e2e/mockingbird-and-sgo.spec.ts).
const SATELLITES_AT_SEED: Readonly<Record<string, number>> = { 'derby-city': 9 };

const isMemberOn = (member: Member, date: string) => member.joinedOn <= date && (member.leftOn === null || member.leftOn > date);

function joinDate(random: Random, launchedOn: string, approvedOn: string, before: string): string {
  const earliest = maxDate(launchedOn, addDays(approvedOn, 30));
  const span = Math.max(0, Math.min(150, daysBetween(earliest, before) - 1));
  return nextWorkingDay(addDays(earliest, random.int(0, span)));
}

function activitiesFor(random: Random, constellationId: string, hubHome: Member, satellites: Member[], launchedOn: string, asOf: string) {
  const activities: Prisma.MockingbirdActivityCreateManyInput[] = [];
  const add = (type: string, occurredOn: string, householdIds: string[], nights: number | null, notes: string) => {
    activities.push({
      id: `${constellationId.replace('seed-constellation-', 'seed-mb-activity-')}-${String(activities.length + 1).padStart(3, '0')}`,
      constellationId,
      type,
      occurredOn,
      nights,
      householdIdsJson: JSON.stringify(householdIds),
      notes,
    });
  };
  const yearStart = maxDate(launchedOn, addDays(asOf, -365));
  for (const monthStart of monthStartsBetween(yearStart, asOf)) {
    const dayIn = (from: number, to: number) => nextWorkingDay(addDays(monthStart, random.int(from, to)));
    const activeOn = (date: string) => satellites.filter((member) => isMemberOn(member, date)).map((member) => member.householdId);
    const occurs = (date: string) => date >= yearStart && date <= asOf;
    const meetingOn = dayIn(7, 13);
    if (occurs(meetingOn)) {
      add('meeting', meetingOn, [hubHome.householdId, ...random.sample(activeOn(meetingOn), random.int(4, 8))], null, 'Monthly constellation meeting at the hub home');
    }
    const monthNumber = Number(monthStart.slice(5, 7));
    const socialOn = addDays(monthStart, random.int(14, 24));
    if (monthNumber % 2 === 0 && occurs(socialOn)) {
      add('social', socialOn, [hubHome.householdId, ...random.sample(activeOn(socialOn), random.int(3, 7))], null, 'Family day out for the constellation');
    }
    const trainingOn = dayIn(15, 22);
    if (monthNumber % 3 === 1 && occurs(trainingOn)) {
      add('training', trainingOn, [hubHome.householdId, ...random.sample(activeOn(trainingOn), random.int(3, 6))], null, 'Joint training session led by the hub home carer');
    }
    for (let sleepover = random.int(2, 4); sleepover > 0; sleepover -= 1) {
      const on = addDays(monthStart, random.int(0, 27));
      const guests = activeOn(on);
      if (occurs(on) && guests.length > 0) {
        add('plannedSleepover', on, [hubHome.householdId, random.pick(guests)], random.int(1, 3), 'Planned sleepover at the hub home');
      }
    }
    const emergencyOn = addDays(monthStart, random.int(0, 27));
    if (random.chance(0.4) && occurs(emergencyOn) && activeOn(emergencyOn).length > 0) {
      add('emergencySleepover', emergencyOn, [hubHome.householdId, random.pick(activeOn(emergencyOn))], random.int(1, 2), 'Emergency sleepover while the satellite carer was in hospital');
    }
    const shortBreakOn = addDays(monthStart, random.int(0, 27));
    if (random.chance(0.3) && occurs(shortBreakOn) && activeOn(shortBreakOn).length > 0) {
      add('shortBreak', shortBreakOn, [hubHome.householdId, random.pick(activeOn(shortBreakOn))], random.int(2, 4), 'Short break over a weekend');
    }
  }
  return activities;
}

export function buildMockingbird(approvals: readonly SeededApproval[], households: ReadonlyMap<string, { spareBedrooms: number | null }>, asOf: string): MockingbirdRows {
  const rows: MockingbirdRows = { constellations: [], memberships: [], activities: [] };
  COUNCILS.forEach((council, index) => {
    const random = randomFor('mockingbird', council.id);
    const constellationId = `seed-constellation-${council.id}`;
    const launchedOn = nextWorkingDay(addMonths(asOf, -(18 + 2 * index)));
    const ours = approvals.filter((approval) => approval.councilId === council.id);
    const active = random.sample(
      ours.filter((approval) => approval.endedOn === null && approval.approvedOn <= addDays(asOf, -60)),
      ours.length,
    );

    // The hub home: an experienced mainstream household with room for sleepovers (two spare bedrooms).
    const experienced = active.filter((approval) => approval.household.route === 'mainstream' && approval.approvedOn <= addDays(launchedOn, -730));
    const hub = experienced.find((approval) => (households.get(approval.household.id)?.spareBedrooms ?? 0) >= 2) ?? experienced[0] ?? active[0];
    if (!hub) throw new Error(`Seed: ${council.name} has no approved household to be a Mockingbird hub home`);
    const hubHome: Member = { householdId: hub.household.id, joinedOn: launchedOn, leftOn: null };

    const satellites: Member[] = [];
    const memberTypes = new Map<string, string>();
    const satelliteCount = SATELLITES_AT_SEED[council.id] ?? random.int(6, 10);
    for (const approval of active.filter((candidate) => candidate !== hub).slice(0, satelliteCount)) {
      satellites.push({ householdId: approval.household.id, joinedOn: joinDate(random, launchedOn, approval.approvedOn, addDays(asOf, -14)), leftOn: null });
      memberTypes.set(approval.household.id, approval.household.route === 'kinship' ? 'kinship' : 'foster');
    }
    const leavers = ours.filter(
      (approval) => approval.endedOn !== null && approval.endedOn > addDays(launchedOn, 90) && approval.approvedOn < addDays(approval.endedOn, -120),
    );
    const leftReasons = new Map<string, string>();
    for (const approval of random.sample(leavers, random.int(1, 3))) {
      const leftOn = approval.endedOn as string;
      satellites.push({ householdId: approval.household.id, joinedOn: joinDate(random, launchedOn, approval.approvedOn, addDays(leftOn, -30)), leftOn });
      memberTypes.set(approval.household.id, approval.household.route === 'kinship' ? 'kinship' : 'foster');
      leftReasons.set(approval.household.id, `Stopped fostering: ${deregistrationReasonLabel(approval.reason ?? 'OTHER_UNKNOWN').toLowerCase()}`);
    }

    rows.constellations.push({
      id: constellationId,
      councilId: council.id,
      name: `${council.name.replace(/ (County )?Council$/, '')} Mockingbird constellation`,
      launchedOn,
      status: 'active',
      liaisonWorkerId: WORKERS.liaison(council.id),
      createdAt: new Date(`${launchedOn}T12:00:00Z`),
    });
    [hubHome, ...satellites].forEach((member, memberIndex) => {
      rows.memberships.push({
        id: `seed-membership-${council.id}-${String(memberIndex + 1).padStart(2, '0')}`,
        constellationId,
        householdId: member.householdId,
        role: member === hubHome ? 'hubHome' : 'satellite',
        householdType: memberTypes.get(member.householdId) ?? 'foster',
        joinedOn: member.joinedOn,
        leftOn: member.leftOn,
        leftReason: leftReasons.get(member.householdId) ?? null,
      });
    });
    rows.activities.push(...activitiesFor(random, constellationId, hubHome, satellites, launchedOn, asOf));
  });
  return rows;
}
