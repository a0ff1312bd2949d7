import { Prisma } from '~/generated/prisma/client';
import { isUniqueViolation, prisma, type Tx } from '~/lib/db.server';
import { Conflict, Forbidden, NotFound, TransitionRejected, ValidationFailed } from '~/lib/errors';
import { recordAudit } from '~/modules/audit/audit.server';
import { can, householdScope } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { touchHousehold } from '~/modules/households/casework.server';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import {
  isStage2Editable,
  sessionStatusLabel,
  STALE_STAGE2_MESSAGE,
  type SkillsToFosterInput,
  type Stage2DetailsInput,
  type Stage2SessionInput,
} from './stage2';

// The Stage 2 record (DOMAIN.md §2.2 step 8). Each write reads the household through the viewer's scope (outside it:
// NotFound), lets only the allocated council's assessing staff write while Stage 2 is open, and writes the record,
// its version, an audit row and the household's lastActivityAt in one transaction.

type WriteOptions = { requestId?: string; now?: Date };
type HouseholdForStage2 = { id: string; allocatedCouncilId: string | null; councilId: string | null; stage: string };

/** Assessors are social workers of the council the household is allocated to. */
function assessorWhere(allocatedCouncilId: string | null): Prisma.UserWhereInput {
  return { active: true, role: 'socialWorker', councilId: allocatedCouncilId ?? '' };
}

/** The Stage 2 section of the case page; null when there is nothing to show or edit. */
export async function getStage2ForCasePage(household: HouseholdForStage2, stage2StartedOn: string | null) {
  const editable = isStage2Editable(household.stage, stage2StartedOn);
  const record = await prisma.stage2Assessment.findUnique({
    where: { householdId: household.id },
    select: {
      version: true,
      assessorId: true,
      peerBuddy: true,
      assessor: { select: { name: true } },
      sessions: { select: { id: true, sessionOn: true, status: true, note: true }, orderBy: [{ sessionOn: 'asc' }, { id: 'asc' }] },
      training: {
        select: { id: true, courseStartOn: true, attended: true, completedOn: true },
        orderBy: [{ courseStartOn: 'asc' }, { id: 'asc' }],
      },
    },
  });
  if (!record && !editable) return null;
  const assessors = editable
    ? await prisma.user.findMany({ where: assessorWhere(household.allocatedCouncilId), select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] })
    : [];
  return {
    editable,
    version: record?.version ?? 0,
    assessorId: record?.assessorId ?? null,
    assessorName: record?.assessor?.name ?? null,
    peerBuddy: record?.peerBuddy ?? null,
    sessions: (record?.sessions ?? []).map((session) => ({ ...session, statusLabel: sessionStatusLabel(session.status) })),
    training: record?.training ?? [],
    assessors: assessors.map((user) => ({ value: user.id, label: user.name })),
  };
}

export type Stage2Section = NonNullable<Awaited<ReturnType<typeof getStage2ForCasePage>>>;

async function findHouseholdForStage2(viewer: Viewer, householdId: string): Promise<HouseholdForStage2> {
  const household = await prisma.household.findFirst({
    where: { AND: [householdScope(viewer), { id: householdId }] },
    select: { id: true, allocatedCouncilId: true, councilId: true, stage: true, pipelineSnapshot: true, machineVersion: true },
  });
  if (!household) throw new NotFound('Household not found');
  if (!can(viewer, 'household.casework', household) || !can(viewer, 'household.viewAssessment', household)) {
    throw new Forbidden('You do not have permission to do that');
  }
  const { context } = restoreSnapshot(household.pipelineSnapshot, household.machineVersion);
  if (!isStage2Editable(household.stage, context.stage2StartedOn)) {
    throw new TransitionRejected('Stage 2 is not under way for this household, so its record cannot be changed. Reload the page.');
  }
  return household;
}

/** Takes the record from the version the page saw to the next one, creating it on first use; stale: Conflict. */
async function advanceRecord(tx: Tx, householdId: string, expectedVersion: number, data: { assessorId?: string | null; peerBuddy?: string | null } = {}) {
  const existing = await tx.stage2Assessment.findUnique({ where: { householdId }, select: { id: true } });
  if (!existing) {
    if (expectedVersion !== 0) throw new Conflict(STALE_STAGE2_MESSAGE);
    const created = await tx.stage2Assessment.create({ data: { householdId, ...data, version: 1 }, select: { id: true } });
    return created.id;
  }
  const { count } = await tx.stage2Assessment.updateMany({
    where: { id: existing.id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new Conflict(STALE_STAGE2_MESSAGE);
  return existing.id;
}

async function writeStage2(
  viewer: Viewer,
  household: HouseholdForStage2,
  options: WriteOptions,
  write: (tx: Tx, now: Date) => Promise<{ action: string; after: Record<string, unknown> }>,
) {
  const now = options.now ?? new Date();
  try {
    await prisma.$transaction(async (tx) => {
      const { action, after } = await write(tx, now);
      await touchHousehold(tx, household.id, now);
      await recordAudit(tx, { userId: viewer.userId, role: viewer.role }, {
        action,
        entity: 'Household',
        entityId: household.id,
        councilId: household.councilId,
        after,
        requestId: options.requestId,
      });
    });
  } catch (error) {
    // Two first edits at once: the other worker created the record first.
    if (isUniqueViolation(error)) throw new Conflict(STALE_STAGE2_MESSAGE);
    throw error;
  }
}

export async function saveStage2Details(viewer: Viewer, householdId: string, input: Stage2DetailsInput, options: WriteOptions = {}) {
  const household = await findHouseholdForStage2(viewer, householdId);
  if (input.assessorId !== null) {
    const assessor = await prisma.user.findFirst({
      where: { AND: [assessorWhere(household.allocatedCouncilId), { id: input.assessorId }] },
      select: { id: true },
    });
    if (!assessor) {
      throw new ValidationFailed('Check the details you entered.', { assessorId: 'Choose a social worker from your council' });
    }
  }
  await writeStage2(viewer, household, options, async (tx) => {
    await advanceRecord(tx, householdId, input.version, { assessorId: input.assessorId, peerBuddy: input.peerBuddy });
    // The buddy is a named carer household: kept out of the audit log, which records only that it was set.
    return { action: 'assessment.stage2DetailsSaved', after: { assessorId: input.assessorId, peerBuddyRecorded: input.peerBuddy !== null } };
  });
}

export async function addStage2Session(viewer: Viewer, householdId: string, input: Stage2SessionInput, options: WriteOptions = {}) {
  const household = await findHouseholdForStage2(viewer, householdId);
  await writeStage2(viewer, household, options, async (tx) => {
    const assessmentId = await advanceRecord(tx, householdId, input.version);
    const session = await tx.stage2Session.create({
      data: { assessmentId, sessionOn: input.sessionOn, status: input.status, note: input.note },
      select: { id: true },
    });
    return { action: 'assessment.stage2SessionRecorded', after: { sessionId: session.id, sessionOn: input.sessionOn, status: input.status } };
  });
}

export async function addSkillsToFosterTraining(viewer: Viewer, householdId: string, input: SkillsToFosterInput, options: WriteOptions = {}) {
  const household = await findHouseholdForStage2(viewer, householdId);
  await writeStage2(viewer, household, options, async (tx) => {
    const assessmentId = await advanceRecord(tx, householdId, input.version);
    const training = await tx.skillsToFosterTraining.create({
      data: { assessmentId, courseStartOn: input.courseStartOn, attended: input.attended, completedOn: input.completedOn },
      select: { id: true },
    });
    return {
      action: 'assessment.skillsToFosterRecorded',
      after: { trainingId: training.id, courseStartOn: input.courseStartOn, attended: input.attended, completedOn: input.completedOn },
    };
  });
}

export const STAGE2_NOTICES: Record<string, string> = {
  stage2Details: 'Stage 2 assessor and peer support buddy saved.',
  stage2Session: 'Assessment session recorded.',
  stage2Training: 'Skills to Foster training recorded.',
};
