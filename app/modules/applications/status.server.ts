import { z } from 'zod';
import { prisma } from '~/lib/db.server';
import { NotFound } from '~/lib/errors';
import { parseForm } from '~/lib/forms';
import { todayInLondon } from '~/lib/uk';
import { householdScope } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { awCodeFor, closureReasonLabel, isPersonsChoiceCode, PERSONS_CHOICE_REASONS, type PersonsChoiceCode } from '~/modules/codes/closure-reasons';
import { payloadFactsOf } from '~/modules/pipeline/events';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { stageHasTag } from '~/modules/pipeline/stages';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';

// The applicant's own status page and their way out (issue 5 "applicant's own page"). Every read goes through
// householdScope, so an applicant only ever reaches their own household; anything else is not found.

const NO_HOUSEHOLD_MESSAGE = 'We cannot find an application linked to your account.';
export const MAX_WITHDRAWAL_REASON_LENGTH = 2_000;

// The select stays inline in the read, where the pipeline structure test knows these columns are only read.
async function findOwnHousehold(viewer: Viewer) {
  return prisma.household.findFirst({
    where: householdScope(viewer),
    select: {
      id: true,
      reference: true,
      stage: true,
      closedDate: true,
      closedReason: true,
      pipelineSnapshot: true,
      machineVersion: true,
      owner: { select: { name: true } },
    },
    orderBy: [{ enquiryReceivedAt: 'desc' }, { id: 'desc' }],
  });
}

type OwnHousehold = NonNullable<Awaited<ReturnType<typeof findOwnHousehold>>>;

function snapshotOf(household: OwnHousehold) {
  return restoreSnapshot(household.pipelineSnapshot, household.machineVersion);
}

/** Whether the machine would take a withdrawal now: any open stage before approval. */
function mayWithdraw(household: OwnHousehold, today: string) {
  return snapshotOf(household).can({ type: 'WITHDRAW', occurredOn: today, reasonCode: 'NOT_NOW' });
}

function closureOf(household: OwnHousehold) {
  if (!stageHasTag(household.stage, 'closed')) return null;
  const reasonLabel =
    household.stage === 'transferredOut'
      ? 'Your application moved to another fostering service'
      : household.closedReason
        ? closureReasonLabel(household.closedReason)
        : null;
  return { closedOn: household.closedDate, reasonLabel };
}

/** Who holds the case, whether it has ended, and whether the applicant can still withdraw. Null without a household. */
export async function getApplicantStatus(viewer: Viewer, options: { now?: Date } = {}) {
  const household = await findOwnHousehold(viewer);
  if (!household) return null;
  return {
    workerName: household.owner?.name ?? null,
    closure: closureOf(household),
    canWithdraw: mayWithdraw(household, todayInLondon(options.now)),
  };
}

/** The withdrawal page: the reasons to choose from, or what already happened. */
export async function getWithdrawal(viewer: Viewer, options: { now?: Date } = {}) {
  const household = await findOwnHousehold(viewer);
  if (!household) throw new NotFound(NO_HOUSEHOLD_MESSAGE);
  return {
    reference: household.reference,
    closure: closureOf(household),
    canWithdraw: mayWithdraw(household, todayInLondon(options.now)),
    reasons: PERSONS_CHOICE_REASONS.map(({ code, label }) => ({ code, label })),
  };
}

const withdrawalSchema = z.object({
  reasonCode: z.custom<PersonsChoiceCode>((value) => typeof value === 'string' && isPersonsChoiceCode(value), {
    message: 'Select why you are withdrawing',
  }),
  reason: z
    .string()
    .trim()
    .max(MAX_WITHDRAWAL_REASON_LENGTH, { message: `Tell us in ${MAX_WITHDRAWAL_REASON_LENGTH.toLocaleString('en-GB')} characters or fewer` })
    .optional()
    .transform((value) => (value ? value : undefined)),
});

/** Checks the answers without acting on them: the first step, before the person confirms. */
export function checkWithdrawal(formData: FormData) {
  return parseForm(withdrawalSchema, formData);
}

/**
 * Withdraws the viewer's own household through the pipeline's single writer, which records the reason, closes the
 * case and queues the withdrawal confirmation email the machine declares. Once an application has been received the
 * Ofsted AW code is required, so it is the one the chosen reason maps to (DOMAIN.md §2.5).
 */
export async function withdrawApplication(
  viewer: Viewer,
  formData: FormData,
  options: { requestId?: string; now?: Date } = {},
) {
  const parsed = checkWithdrawal(formData);
  if (!parsed.ok) return parsed;
  const household = await findOwnHousehold(viewer);
  if (!household) throw new NotFound(NO_HOUSEHOLD_MESSAGE);
  const { reasonCode, reason } = parsed.data;
  const { applicationMade } = payloadFactsOf(snapshotOf(household).context);
  await applyPipelineEvent(
    viewer,
    household.id,
    {
      type: 'WITHDRAW',
      occurredOn: todayInLondon(options.now),
      reasonCode,
      ...(applicationMade ? { awCode: awCodeFor(reasonCode) } : {}),
      ...(reason ? { reason } : {}),
    },
    { requestId: options.requestId, now: options.now },
  );
  return { ok: true as const };
}
