// The historical import (docs/import-format.md), shared by `npm run import:historical` and /admin/import. The whole
// file is checked first; then one transaction writes every row or none. Re-importing a file writes only what
// differs from the database, so the same file twice changes nothing.
import { PrismaClient, type Prisma } from '~/generated/prisma/client';
import { createPrismaClient, optimizeQueryPlanner, prisma, type Tx } from '~/lib/db.server';
import { noonOnLondonDate, todayInLondon } from '~/lib/uk';
import { recordAudit } from '~/modules/audit/audit.server';
import { assertCan } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { insertRows, newRowId, readInstantFormat, type InstantFormat } from '~/lib/bulk-insert.server';
import {
  IMPORT_EVENTS,
  validateHistoricalCsv,
  type ImportError,
  type ImportRow,
} from '~/modules/importing/historical-csv';
import {
  approvalDiffers,
  changedColumns,
  importedContextPatch,
  importedHouseholdOf,
  membershipDiffers,
  placeholderDatesCleared,
  sameInterests,
  sameTransitions,
  type ImportedColumns,
  type ImportedHousehold,
} from '~/modules/importing/imported-household';
import { PIPELINE_MACHINE_VERSION, type PipelineContext, type PipelineRoute } from '~/modules/pipeline/machine';
import { serialiseSnapshot, snapshotAtStage } from '~/modules/pipeline/snapshots';

export type ImportCounts = { rows: number; created: number; updated: number; unchanged: number };

export type ImportResult =
  | { ok: true; dryRun: boolean; counts: ImportCounts }
  | { ok: false; errors: ImportError[]; counts: ImportCounts };

export type ImportOptions = { dryRun: boolean; fileName: string };

// 100,000 rows take about half a minute on two cores; the transaction must outlive that.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
// How long the import waits for other writers to finish before it starts writing.
const BUSY_TIMEOUT_MS = 30_000;
// Prisma binds at most 999 values per SQLite statement, and an `in` list binds one value per id.
const IDS_PER_QUERY = 900;

export async function importHistorical(
  viewer: Viewer | null,
  csvText: string,
  options: ImportOptions,
): Promise<ImportResult> {
  if (viewer) assertCan(viewer, 'import.run');

  const councils = await prisma.council.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } });
  const validation = validateHistoricalCsv(csvText, {
    today: todayInLondon(),
    councilIds: councils.map((council) => council.id),
  });
  if (!validation.ok) return { ok: false, errors: validation.errors, counts: countsOf(0, 0, 0, 0) };
  const rows = validation.rows;

  const result: ImportResult = await withOwnConnection((client) =>
    client.$transaction(
      async (tx) => {
        const stored = await loadStoredHouseholds(tx, rows.map((row) => row.reference));
        const plan = planImport(rows, stored);
        const counts = countsOf(rows.length, plan.creates.length, plan.updates.length, plan.unchangedCount);
        if (plan.errors.length > 0) return { ok: false, errors: plan.errors, counts };
        if (options.dryRun) return { ok: true, dryRun: true, counts };

        const context: WriteContext = {
          tx,
          actorId: viewer?.userId ?? null,
          constellations: await ensureConstellations(tx, councils, [
            ...plan.creates,
            ...plan.updates.filter((update) => update.membership),
          ]),
          formatInstant: await readInstantFormat(tx),
        };
        await createHouseholds(context, plan.creates);
        await applyUpdates(context, plan.updates);
        await recordAudit(tx, viewer ? { userId: viewer.userId, role: viewer.role } : null, {
          action: 'import.historical',
          entity: 'Household',
          summary: `Historical import of ${counts.rows} rows: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
          after: { fileName: options.fileName, ...counts },
        });
        return { ok: true, dryRun: false, counts };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: BUSY_TIMEOUT_MS },
    ),
  );
  // Thousands of new rows can change which index is best; statistics are refreshed once the import has committed.
  if (result.ok && !result.dryRun) await optimizeQueryPlanner();
  return result;
}

/**
 * Runs the import on a database connection of its own. The shared client sends every query down one SQLite
 * connection, so while a transaction is open there, other requests' writes land inside it (and would roll back with
 * a failed import) and their own transactions give up after two seconds. An import holds its transaction for
 * seconds; on its own connection, SQLite's locks keep it apart from everything else.
 */
async function withOwnConnection<T>(run: (client: PrismaClient) => Promise<T>): Promise<T> {
  const client = createPrismaClient({ busyTimeoutMs: BUSY_TIMEOUT_MS });
  try {
    return await run(client);
  } finally {
    await client.$disconnect();
  }
}

function countsOf(rows: number, created: number, updated: number, unchanged: number): ImportCounts {
  return { rows, created, updated, unchanged };
}

// ---------------------------------------------------------------- what is stored

const storedSelect = {
  id: true,
  reference: true,
  origin: true,
  route: true,
  source: true,
  postcode: true,
  councilId: true,
  residenceCouncilId: true,
  allocatedCouncilId: true,
  enquiryDate: true,
  applicationDate: true,
  approvalDate: true,
  closedDate: true,
  closedReason: true,
  withdrawalAwCode: true,
  stage: true,
  interests: { select: { interest: true } },
  transitions: { select: { event: true, fromStage: true, toStage: true, occurredOn: true, reasonCode: true } },
  approvals: {
    select: {
      id: true,
      councilId: true,
      approvalType: true,
      approvedOn: true,
      status: true,
      endedOn: true,
      deregistration: { select: { id: true, effectiveOn: true, primaryReason: true, reasonGroup: true } },
    },
    orderBy: [{ approvedOn: 'asc' }, { id: 'asc' }],
  },
  memberships: {
    select: { id: true, joinedOn: true, leftOn: true, leftReason: true, householdType: true, constellation: { select: { councilId: true } } },
    orderBy: [{ joinedOn: 'asc' }, { id: 'asc' }],
  },
} satisfies Prisma.HouseholdSelect;

type StoredHousehold = Prisma.HouseholdGetPayload<{ select: typeof storedSelect }>;

async function loadStoredHouseholds(tx: Tx, references: string[]): Promise<Map<string, StoredHousehold>> {
  const stored = new Map<string, StoredHousehold>();
  await inChunks(references, async (chunk) => {
    const found = await tx.household.findMany({ where: { reference: { in: chunk } }, select: storedSelect });
    for (const household of found) stored.set(household.reference, household);
  });
  return stored;
}

async function inChunks<T>(items: T[], run: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += IDS_PER_QUERY) await run(items.slice(start, start + IDS_PER_QUERY));
}

// ---------------------------------------------------------------- the plan

type PlannedCreate = { row: ImportRow; wanted: ImportedHousehold };
type PlannedUpdate = {
  row: ImportRow;
  wanted: ImportedHousehold;
  stored: StoredHousehold;
  columns: Partial<ImportedColumns>;
  interests: boolean;
  transitions: boolean;
  approval: boolean;
  membership: boolean;
};
type Plan = { creates: PlannedCreate[]; updates: PlannedUpdate[]; unchangedCount: number; errors: ImportError[] };

const IMPORT_EVENT_SET = new Set<string>(IMPORT_EVENTS);

function planImport(rows: ImportRow[], stored: Map<string, StoredHousehold>): Plan {
  const plan: Plan = { creates: [], updates: [], unchangedCount: 0, errors: [] };
  for (const row of rows) {
    const wanted = importedHouseholdOf(row);
    const existing = stored.get(row.reference);
    if (!existing) {
      plan.creates.push({ row, wanted });
      continue;
    }
    if (existing.origin !== 'import') {
      plan.errors.push({
        line: row.line,
        column: 'reference',
        message: `the reference ${row.reference} belongs to a household that was not imported; give this record another reference`,
      });
      continue;
    }
    const update = compare(row, wanted, existing);
    const changed =
      Object.keys(update.columns).length > 0 || update.interests || update.transitions || update.approval || update.membership;
    if (!changed) {
      plan.unchangedCount += 1;
    } else if (existing.transitions.some((transition) => !IMPORT_EVENT_SET.has(transition.event))) {
      // Once staff have moved a case on, the system holds its history; an old spreadsheet must not rewind it.
      plan.errors.push({
        line: row.line,
        column: 'reference',
        message: `the household ${row.reference} has been worked on since it was imported, so the import cannot change it; make changes on its page instead`,
      });
    } else {
      plan.updates.push(update);
    }
  }
  return plan;
}

function compare(row: ImportRow, wanted: ImportedHousehold, stored: StoredHousehold): PlannedUpdate {
  const approval = stored.approvals[0] ?? null;
  const membership = stored.memberships[0] ?? null;
  return {
    row,
    wanted,
    stored,
    columns: changedColumns(stored, wanted.columns),
    interests: !sameInterests(stored.interests.map((entry) => entry.interest), wanted.interests),
    transitions: !sameTransitions(
      stored.transitions.filter((transition) => IMPORT_EVENT_SET.has(transition.event)),
      wanted.transitions,
    ),
    approval: approvalDiffers(approval, wanted),
    membership: membershipDiffers(membership && { ...membership, councilId: membership.constellation.councilId }, wanted),
  };
}

// ---------------------------------------------------------------- writing

type WriteContext = { tx: Tx; actorId: string | null; constellations: Map<string, string>; formatInstant: InstantFormat };

/** The council's active constellation for each council a membership needs, created when the council has none. */
async function ensureConstellations(
  tx: Tx,
  councils: { id: string; name: string }[],
  planned: { wanted: ImportedHousehold }[],
): Promise<Map<string, string>> {
  const earliestJoin = new Map<string, string>();
  for (const { wanted } of planned) {
    const membership = wanted.membership;
    if (!membership) continue;
    const earliest = earliestJoin.get(membership.councilId);
    if (!earliest || membership.joinedOn < earliest) earliestJoin.set(membership.councilId, membership.joinedOn);
  }
  const constellations = new Map<string, string>();
  for (const [councilId, launchedOn] of earliestJoin) {
    const active = await tx.constellation.findFirst({
      where: { councilId, status: 'active' },
      select: { id: true },
      orderBy: [{ launchedOn: 'asc' }, { createdAt: 'asc' }],
    });
    const councilName = councils.find((council) => council.id === councilId)?.name ?? councilId;
    const id =
      active?.id ??
      (
        await tx.constellation.create({
          data: { councilId, name: `${councilName} constellation (imported)`, launchedOn, status: 'active' },
          select: { id: true },
        })
      ).id;
    constellations.set(councilId, id);
  }
  return constellations;
}

const clearedPlaceholders = new Map<string, Partial<PipelineContext>>();

function snapshotJsonFor(row: ImportRow, wanted: ImportedHousehold): string {
  const route: PipelineRoute = row.route;
  const stage = wanted.columns.stage;
  const key = `${route} ${stage}`;
  let cleared = clearedPlaceholders.get(key);
  if (!cleared) {
    cleared = placeholderDatesCleared(snapshotAtStage(route, stage).context);
    clearedPlaceholders.set(key, cleared);
  }
  return serialiseSnapshot(snapshotAtStage(route, stage, { ...cleared, ...importedContextPatch(row, wanted) }));
}

function transitionRows(householdId: string, wanted: ImportedHousehold, actorId: string | null, now: Date) {
  return wanted.transitions.map(
    (transition) =>
      ({
        id: newRowId(),
        householdId,
        fromStage: transition.fromStage,
        toStage: transition.toStage,
        event: transition.event,
        actorId,
        reasonCode: transition.reasonCode,
        occurredOn: transition.occurredOn,
        occurredAt: noonOnLondonDate(transition.occurredOn),
        recordedAt: now,
        machineVersion: PIPELINE_MACHINE_VERSION,
      }) satisfies Prisma.PipelineTransitionCreateManyInput,
  );
}

function membershipRow(context: WriteContext, householdId: string, wanted: ImportedHousehold) {
  const membership = wanted.membership;
  if (!membership) return null;
  const constellationId = context.constellations.get(membership.councilId);
  if (!constellationId) throw new Error(`No constellation was prepared for ${membership.councilId}`);
  return {
    id: newRowId(),
    constellationId,
    householdId,
    role: 'satellite',
    householdType: membership.householdType,
    joinedOn: membership.joinedOn,
    leftOn: membership.leftOn,
    leftReason: membership.leftReason,
  } satisfies Prisma.ConstellationMembershipCreateManyInput;
}

async function createHouseholds(context: WriteContext, creates: PlannedCreate[]) {
  const { tx, actorId, formatInstant } = context;
  const now = new Date();
  const households = [];
  const transitions = [];
  const interests = [];
  const approvals = [];
  const deregistrations = [];
  const memberships = [];

  for (const { row, wanted } of creates) {
    const householdId = newRowId();
    households.push({
      id: householdId,
      reference: row.reference,
      displayName: `Imported household ${row.reference}`,
      origin: 'import',
      // The spreadsheets do not say how each enquiry arrived.
      channel: 'other',
      ...wanted.columns,
      pipelineSnapshot: snapshotJsonFor(row, wanted),
      machineVersion: PIPELINE_MACHINE_VERSION,
      enquiryReceivedAt: noonOnLondonDate(row.enquiryDate),
      lastActivityAt: noonOnLondonDate(wanted.latestDate),
      createdAt: now,
      updatedAt: now,
    } satisfies Prisma.HouseholdCreateManyInput);
    transitions.push(...transitionRows(householdId, wanted, actorId, now));
    for (const interest of wanted.interests) {
      interests.push({ householdId, interest } satisfies Prisma.HouseholdInterestCreateManyInput);
    }
    if (wanted.approval) {
      const approvalId = newRowId();
      approvals.push({
        id: approvalId,
        householdId,
        ...wanted.approval,
        createdAt: now,
        updatedAt: now,
      } satisfies Prisma.ApprovalCreateManyInput);
      if (wanted.deregistration) {
        deregistrations.push({
          id: newRowId(),
          approvalId,
          councilId: wanted.approval.councilId,
          recordedById: actorId,
          ...wanted.deregistration,
          createdAt: now,
        } satisfies Prisma.DeregistrationCreateManyInput);
      }
    }
    const membership = membershipRow(context, householdId, wanted);
    if (membership) memberships.push(membership);
  }

  await insertRows(tx, 'Household', households, formatInstant);
  await insertRows(tx, 'PipelineTransition', transitions, formatInstant);
  await insertRows(tx, 'HouseholdInterest', interests, formatInstant);
  await insertRows(tx, 'Approval', approvals, formatInstant);
  await insertRows(tx, 'Deregistration', deregistrations, formatInstant);
  await insertRows(tx, 'ConstellationMembership', memberships, formatInstant);
}

async function applyUpdates(context: WriteContext, updates: PlannedUpdate[]) {
  const { tx, actorId } = context;
  for (const update of updates) {
    if (Object.keys(update.columns).length === 0) continue;
    await tx.household.update({
      where: { id: update.stored.id },
      data: {
        ...update.columns,
        // A new stage means a new clock: the daily job computes it again for open stages (null means "not yet").
        ...('stage' in update.columns ? { nextDueOn: null, nextDueRule: null } : {}),
        pipelineSnapshot: snapshotJsonFor(update.row, update.wanted),
        machineVersion: PIPELINE_MACHINE_VERSION,
        enquiryReceivedAt: noonOnLondonDate(update.row.enquiryDate),
        lastActivityAt: noonOnLondonDate(update.wanted.latestDate),
        // Anyone with the case open when the import corrects it gets a conflict rather than overwriting it.
        version: { increment: 1 },
      },
    });
  }

  const interestChanges = updates.filter((update) => update.interests);
  const interestHouseholds = interestChanges.map((update) => update.stored.id);
  await inChunks(interestHouseholds, (ids) => tx.householdInterest.deleteMany({ where: { householdId: { in: ids } } }));
  await insertRows(
    tx,
    'HouseholdInterest',
    interestChanges.flatMap((update) => update.wanted.interests.map((interest) => ({ householdId: update.stored.id, interest }))),
    context.formatInstant,
  );

  const transitionChanges = updates.filter((update) => update.transitions);
  await inChunks(
    transitionChanges.map((update) => update.stored.id),
    (ids) => tx.pipelineTransition.deleteMany({ where: { householdId: { in: ids }, event: { in: [...IMPORT_EVENTS] } } }),
  );
  const now = new Date();
  await insertRows(
    tx,
    'PipelineTransition',
    transitionChanges.flatMap((update) => transitionRows(update.stored.id, update.wanted, actorId, now)),
    context.formatInstant,
  );

  for (const update of updates) {
    if (update.approval) await replaceApproval(context, update);
    if (update.membership) await replaceMembership(context, update);
  }
}

/** Corrects the imported approval in place, so terms or reviews recorded against it since are kept. */
async function replaceApproval(context: WriteContext, update: PlannedUpdate) {
  const { tx, actorId } = context;
  const kept = update.stored.approvals[0];
  const { approval, deregistration } = update.wanted;
  if (!approval) {
    await tx.approval.delete({ where: { id: kept.id } });
    return;
  }
  const core = { councilId: approval.councilId, approvalType: approval.approvalType, approvedOn: approval.approvedOn };
  const ending = deregistration ? { status: approval.status, endedOn: approval.endedOn } : {};
  const approvalId = kept
    ? (await tx.approval.update({ where: { id: kept.id }, data: { ...core, ...ending, version: { increment: 1 } }, select: { id: true } })).id
    : (await tx.approval.create({ data: { householdId: update.stored.id, ...approval }, select: { id: true } })).id;
  if (!deregistration) return;
  await tx.deregistration.upsert({
    where: { approvalId },
    create: { approvalId, councilId: approval.councilId, recordedById: actorId, ...deregistration },
    update: { councilId: approval.councilId, ...deregistration },
  });
}

async function replaceMembership(context: WriteContext, update: PlannedUpdate) {
  const wanted = membershipRow(context, update.stored.id, update.wanted);
  if (!wanted) return;
  const kept = update.stored.memberships[0];
  const { tx } = context;
  if (!kept) {
    await tx.constellationMembership.create({ data: wanted });
    return;
  }
  const leaving = update.wanted.deregistration ? { leftOn: wanted.leftOn, leftReason: wanted.leftReason } : {};
  await tx.constellationMembership.update({
    where: { id: kept.id },
    data: { constellationId: wanted.constellationId, joinedOn: wanted.joinedOn, ...leaving },
  });
}
