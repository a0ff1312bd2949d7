import { isUniqueViolation, prisma, type Tx } from '~/lib/db.server';
import { dueDate } from '~/lib/deadlines';
import { env } from '~/lib/env.server';
import { formatDate } from '~/lib/uk';
import { recordAudit } from '~/modules/audit/audit.server';
import { assertCan } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { queueEmail } from '~/modules/email/outbox.server';
import { newPipelineColumns } from '~/modules/pipeline/create.server';
import { isOpenStage } from '~/modules/pipeline/stages';
import { actorOf, assertNoFieldErrors, findApprovalInScope } from './record.server';

// A carer who resigned and wants to foster again starts again as a new enquiry (DOMAIN.md §1.4 "repeat
// applicants"), linked to the earlier household by previousHouseholdId so both records show the history. The hub
// takes it from there, as with any enquiry.

const REFERENCE_ATTEMPTS = 5;

export async function startReturnEnquiry(
  viewer: Viewer,
  approvalId: string,
  options: { today: string; now?: Date; requestId?: string },
): Promise<{ householdId: string; reference: string }> {
  const approval = await findApprovalInScope(viewer, approvalId);
  assertCan(viewer, 'carers.manage', { councilId: approval.councilId });
  const now = options.now ?? new Date();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction((tx) => createReturnEnquiry(tx, viewer, approval, options.today, now, options.requestId));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

async function createReturnEnquiry(
  tx: Tx,
  viewer: Viewer,
  approval: { id: string; householdId: string; councilId: string; status: string; endedOn: string | null },
  today: string,
  now: Date,
  requestId: string | undefined,
) {
  const previous = await tx.household.findUniqueOrThrow({
    where: { id: approval.householdId },
    select: {
      id: true,
      displayName: true,
      email: true,
      phone: true,
      addressLine1: true,
      town: true,
      postcode: true,
      residenceCouncilId: true,
      people: { where: { role: { in: ['applicant', 'jointApplicant'] } }, select: { role: true, firstName: true, lastName: true, email: true, phone: true } },
      laterHouseholds: { select: { reference: true, stage: true } },
    },
  });
  const open = previous.laterHouseholds.find((later) => isOpenStage(later.stage));
  assertNoFieldErrors({
    form:
      approval.status !== 'ended'
        ? 'This household is still approved: a new enquiry can start only after approval has ended'
        : open
          ? `This household has already come back as enquiry ${open.reference}`
          : null,
  });
  const councilId = previous.residenceCouncilId ?? approval.councilId;
  const created = await tx.household.create({
    data: {
      ...newPipelineColumns('mainstream'),
      reference: await nextReference(tx, today),
      displayName: previous.displayName,
      route: 'mainstream',
      channel: 'other',
      origin: 'staff',
      email: previous.email,
      phone: previous.phone,
      addressLine1: previous.addressLine1,
      town: previous.town,
      postcode: previous.postcode,
      councilId,
      residenceCouncilId: councilId,
      previousHouseholdId: previous.id,
      enquiryReceivedAt: now,
      enquiryDate: today,
      nextDueOn: dueDate('enquiryResponse', today),
      nextDueRule: 'enquiryResponse',
      lastActivityAt: now,
    },
    select: { id: true, reference: true, enquiryDate: true },
  });
  // DOMAIN.md §1.4: the hub sees that there is an earlier case and whom to ask, never its content.
  const council = await tx.council.findUniqueOrThrow({ where: { id: approval.councilId }, select: { name: true } });
  await tx.note.create({
    data: {
      householdId: created.id,
      body: `Returning carer: previously approved by ${council.name}, approval ended ${formatDate(approval.endedOn ?? today)}. Contact its fostering team manager for the earlier record.`,
      peerSupport: true,
      authorId: viewer.userId,
    },
  });
  if (previous.people.length > 0) {
    await tx.person.createMany({ data: previous.people.map((person) => ({ householdId: created.id, ...person })) });
  }
  await recordAudit(tx, actorOf(viewer), {
    action: 'carers.returnedAsEnquiry',
    entity: 'Household',
    entityId: created.id,
    councilId,
    after: { reference: created.reference, previousHouseholdId: previous.id, approvalId: approval.id },
    requestId,
  });
  await queueEmail(tx, {
    template: 'hub-new-enquiry',
    to: env.HUB_INBOX,
    props: { reference: created.reference, receivedOn: created.enquiryDate, enquiryUrl: new URL(`/hub/households/${created.id}`, env.BASE_URL).toString() },
    idempotencyKey: `hub-new-enquiry/${created.id}`,
    householdId: created.id,
  });
  return { householdId: created.id, reference: created.reference };
}

/** FFEM-<year>-<6 digits>, as every enquiry: the next number in the year it was received. */
async function nextReference(tx: Tx, receivedOn: string): Promise<string> {
  const prefix = `FFEM-${receivedOn.slice(0, 4)}-`;
  const last = await tx.household.findFirst({ where: { reference: { startsWith: prefix } }, orderBy: { reference: 'desc' }, select: { reference: true } });
  const lastNumber = last ? Number.parseInt(last.reference.slice(prefix.length), 10) : 0;
  return `${prefix}${String((Number.isNaN(lastNumber) ? 0 : lastNumber) + 1).padStart(6, '0')}`;
}
