import { DEADLINE_RULES, type DeadlineRuleName } from '~/lib/deadlines';
import { prisma, type Tx } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { log } from '~/lib/log.server';
import { londonDateOf } from '~/lib/uk';
import { addCalendarDays, DEFAULT_HOLIDAY_SET, type HolidaySet } from '~/lib/working-days';
import { HOME_PATH, isRole } from '~/modules/auth/roles';
import { endApprovalsDue } from '~/modules/carers/resignations.server';
import { dueSoonUntil } from '~/modules/carers/rules';
import { sendDueReferenceReminders } from '~/modules/checks/references.server';
import { queueEmail } from '~/modules/email/outbox.server';
import { deadlineFlag, latestFlaggableDueOn, nextDeadlineFor } from '~/modules/pipeline/next-deadline';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { OPEN_STAGES } from '~/modules/pipeline/stages';

// The daily job (STYLE.md §3.1 "Deadlines are not timers"): due dates are stored when a clock starts; once a day
// this job brings them up to date with the bank holiday list, sends the Stage 1 reference reminders, and queues one
// digest per worker of their overdue and stalled cases. Every step is idempotent, so a second run on the
// same day (a restart, or `npm run jobs:daily` beside the server) sends nothing new.

const OPEN_STAGE_LIST = [...OPEN_STAGES];
const BATCH_SIZE = 500;

/** The BankHoliday table, which administrators may correct; the built-in list until it has been seeded. */
export async function loadHolidaySet(db: Tx): Promise<HolidaySet> {
  const rows = await db.bankHoliday.findMany({ select: { date: true } });
  return rows.length === 0 ? DEFAULT_HOLIDAY_SET : new Set(rows.map((row) => row.date));
}

let heldHolidays: Promise<HolidaySet> | undefined;

/**
 * The bank holidays a request counts due dates with: the table, read once and held, since every event and case page
 * needs it and it changes a few times a year. Each daily run reads it afresh (`reloadHolidaySet`), so a correction
 * reaches new due dates no later than the run that moves the stored ones (decision 018).
 */
export function heldHolidaySet(): Promise<HolidaySet> {
  heldHolidays ??= loadHolidaySet(prisma).catch((error: unknown) => {
    heldHolidays = undefined;
    throw error;
  });
  return heldHolidays;
}

export function reloadHolidaySet(): Promise<HolidaySet> {
  heldHolidays = undefined;
  return heldHolidaySet();
}

function isDeadlineRuleName(value: string): value is DeadlineRuleName {
  return Object.hasOwn(DEADLINE_RULES, value);
}

/** Rules counted in working days: the only ones a change to the bank holiday list can move. */
const HOLIDAY_DEPENDENT_RULES = (Object.keys(DEADLINE_RULES) as DeadlineRuleName[]).filter((rule) =>
  DEADLINE_RULES[rule].length.unit.startsWith('workingDays'),
);

type Db = Tx | typeof prisma;

/** One transaction per batch of writes: committing each update on its own was ten times slower (20,000 rows: 60 s). */
async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction(work) : work(db);
}

/**
 * Recomputes nextDueOn / nextDueRule for open households whose due date could have moved: those counted in working
 * days, and those never computed (seeded or imported rows). Also run it once after seeding, with the client or
 * inside the seed's transaction. A household the writer changes meanwhile keeps the writer's value, through the
 * same optimistic-lock version.
 */
export async function recomputeDeadlines(
  db: Db,
  { holidays = DEFAULT_HOLIDAY_SET }: { holidays?: HolidaySet } = {},
): Promise<{ checked: number; updated: number }> {
  let checked = 0;
  let updated = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.household.findMany({
      where: {
        stage: { in: OPEN_STAGE_LIST },
        OR: [{ nextDueRule: null }, { nextDueRule: { in: HOLIDAY_DEPENDENT_RULES } }],
        ...(after ? { id: { gt: after } } : {}),
      },
      select: {
        id: true,
        stage: true,
        version: true,
        enquiryDate: true,
        pipelineSnapshot: true,
        machineVersion: true,
        nextDueOn: true,
        nextDueRule: true,
      },
      orderBy: { id: 'asc' },
      take: BATCH_SIZE,
    });
    if (rows.length === 0) return { checked, updated };
    after = rows[rows.length - 1].id;
    checked += rows.length;
    const changes = rows.flatMap((row) => {
      const { context } = restoreSnapshot(row.pipelineSnapshot, row.machineVersion);
      const deadline = nextDeadlineFor({ stage: row.stage, context, householdDates: { enquiryDate: row.enquiryDate }, holidays });
      const nextDueOn = deadline?.dueOn ?? null;
      const nextDueRule = deadline?.rule ?? null;
      if (nextDueOn === row.nextDueOn && nextDueRule === row.nextDueRule) return [];
      return [{ id: row.id, version: row.version, nextDueOn, nextDueRule }];
    });
    if (changes.length === 0) continue;
    updated += await inTransaction(db, async (tx) => {
      let count = 0;
      for (const { id, version, nextDueOn, nextDueRule } of changes) {
        count += (await tx.household.updateMany({ where: { id, version }, data: { nextDueOn, nextDueRule } })).count;
      }
      return count;
    });
  }
}

// ---------------------------------------------------------------- the worker digest

type DigestCase = { reference: string; dueOn: string };
type WorkerCases = { overdue: DigestCase[]; dueSoon: DigestCase[]; stalled: DigestCase[] };

/** The London date from which a case with no activity since `lastActivityAt` counts as stalled. */
function stalledFrom(lastActivityAt: Date): string {
  return addCalendarDays(londonDateOf(lastActivityAt), env.STALLED_AFTER_DAYS);
}

/** Open cases with an owner that are overdue, due soon or stalled today, grouped by owner; references only. */
async function collectWorkerCases(today: string, holidays: HolidaySet): Promise<Map<string, WorkerCases>> {
  // Any instant whose London date is on or before the stalled cut-off is before midnight UTC of the next day.
  const stalledCandidatesBefore = new Date(`${addCalendarDays(today, 1 - env.STALLED_AFTER_DAYS)}T00:00:00.000Z`);
  const byOwner = new Map<string, WorkerCases>();
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.household.findMany({
      where: {
        ownerId: { not: null },
        stage: { in: OPEN_STAGE_LIST },
        OR: [{ nextDueOn: { lte: latestFlaggableDueOn(today) } }, { lastActivityAt: { lt: stalledCandidatesBefore } }],
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, reference: true, ownerId: true, nextDueOn: true, nextDueRule: true, lastActivityAt: true },
      orderBy: { id: 'asc' },
      take: BATCH_SIZE,
    });
    if (rows.length === 0) return byOwner;
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      const listed = digestEntryFor(row, today, holidays);
      if (row.ownerId === null || listed === null) continue;
      const cases = byOwner.get(row.ownerId) ?? { overdue: [], dueSoon: [], stalled: [] };
      byOwner.set(row.ownerId, cases);
      cases[listed.list].push({ reference: row.reference, dueOn: listed.dueOn });
    }
  }
}

type HouseholdForDigest = { reference: string; nextDueOn: string | null; nextDueRule: string | null; lastActivityAt: Date };

/** Where a case belongs in the digest, if anywhere: each case is listed once, overdue first, then stalled, then due soon. */
function digestEntryFor(row: HouseholdForDigest, today: string, holidays: HolidaySet): { list: keyof WorkerCases; dueOn: string } | null {
  const deadline =
    row.nextDueOn !== null && row.nextDueRule !== null && isDeadlineRuleName(row.nextDueRule)
      ? { dueOn: row.nextDueOn, rule: row.nextDueRule }
      : null;
  const flag = deadline ? deadlineFlag(deadline, today, holidays) : null;
  if (deadline && flag === 'overdue') return { list: 'overdue', dueOn: deadline.dueOn };
  // A stalled case's date is the day a follow-up fell due, so the digest shows a date for it too.
  const stalledOn = stalledFrom(row.lastActivityAt);
  if (stalledOn <= today) return { list: 'stalled', dueOn: stalledOn };
  if (deadline && flag === 'dueSoon') return { list: 'dueSoon', dueOn: deadline.dueOn };
  return null;
}

type WorkerReviews = { reviewsOverdue: DigestCase[]; reviewsDueSoon: DigestCase[] };

/** Reviews of approval overdue or due within 28 days, grouped by supervising social worker (DOMAIN.md §4.3). */
async function collectWorkerReviews(today: string): Promise<Map<string, WorkerReviews>> {
  const bySupervisor = new Map<string, WorkerReviews>();
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.approval.findMany({
      where: {
        status: 'active',
        supervisingWorkerId: { not: null },
        nextReviewDueOn: { lte: dueSoonUntil(today) },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, supervisingWorkerId: true, nextReviewDueOn: true, household: { select: { reference: true } } },
      orderBy: { id: 'asc' },
      take: BATCH_SIZE,
    });
    if (rows.length === 0) return bySupervisor;
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      if (row.supervisingWorkerId === null || row.nextReviewDueOn === null) continue;
      const reviews = bySupervisor.get(row.supervisingWorkerId) ?? { reviewsOverdue: [], reviewsDueSoon: [] };
      bySupervisor.set(row.supervisingWorkerId, reviews);
      const entry = { reference: row.household.reference, dueOn: row.nextReviewDueOn };
      (row.nextReviewDueOn < today ? reviews.reviewsOverdue : reviews.reviewsDueSoon).push(entry);
    }
  }
}

const byDueDate = (left: DigestCase, right: DigestCase) =>
  left.dueOn.localeCompare(right.dueOn) || left.reference.localeCompare(right.reference);

/** One 'worker-digest' email per active worker per day, keyed `worker-digest/<userId>/<today>`. */
export async function queueWorkerDigests({
  today,
  holidays = DEFAULT_HOLIDAY_SET,
}: {
  today: string;
  holidays?: HolidaySet;
}): Promise<{ digestsQueued: number; workersWithCases: number }> {
  const byOwner = await collectWorkerCases(today, holidays);
  const bySupervisor = await collectWorkerReviews(today);
  const workers = await prisma.user.findMany({
    where: { id: { in: [...new Set([...byOwner.keys(), ...bySupervisor.keys()])] }, active: true },
    select: { id: true, email: true, role: true },
  });
  let digestsQueued = 0;
  for (const worker of workers) {
    const cases = byOwner.get(worker.id) ?? { overdue: [], dueSoon: [], stalled: [] };
    const reviews = bySupervisor.get(worker.id);
    const { role } = worker;
    if (!isRole(role)) continue;
    if (cases.overdue.length + cases.dueSoon.length + cases.stalled.length === 0 && !reviews) continue;
    const idempotencyKey = `worker-digest/${worker.id}/${today}`;
    const casesUrl = new URL(HOME_PATH[role], env.BASE_URL).toString();
    const queued = await prisma.$transaction(async (tx) => {
      if (await tx.outboundEmail.findUnique({ where: { idempotencyKey }, select: { id: true } })) return false;
      await queueEmail(tx, {
        template: 'worker-digest',
        to: worker.email,
        props: {
          overdue: cases.overdue.sort(byDueDate),
          dueSoon: cases.dueSoon.sort(byDueDate),
          stalled: cases.stalled.sort(byDueDate),
          ...(reviews ? { reviewsOverdue: reviews.reviewsOverdue.sort(byDueDate), reviewsDueSoon: reviews.reviewsDueSoon.sort(byDueDate) } : {}),
          casesUrl,
        },
        idempotencyKey,
      });
      return true;
    });
    if (queued) digestsQueued += 1;
  }
  return { digestsQueued, workersWithCases: workers.length };
}

// ---------------------------------------------------------------- the whole job

export type DailyJobResult = {
  approvalsEnded: number;
  deadlinesChecked: number;
  deadlinesUpdated: number;
  remindersQueued: number;
  digestsQueued: number;
  workersWithCases: number;
};

export async function runDailyJobs({ today }: { today: string }): Promise<DailyJobResult> {
  const started = Date.now();
  const holidays = await reloadHolidaySet();
  const approvalsEnded = await endApprovalsDue(today);
  const deadlines = await recomputeDeadlines(prisma, { holidays });
  const { remindersQueued } = await sendDueReferenceReminders({ today, holidays });
  const digests = await queueWorkerDigests({ today, holidays });
  const result: DailyJobResult = {
    approvalsEnded,
    deadlinesChecked: deadlines.checked,
    deadlinesUpdated: deadlines.updated,
    remindersQueued,
    digestsQueued: digests.digestsQueued,
    workersWithCases: digests.workersWithCases,
  };
  log.info('jobs.daily', { today, durationMs: Date.now() - started, ...result });
  return result;
}
