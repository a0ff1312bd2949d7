import { Prisma } from '~/generated/prisma/client';
import { prisma, type Tx } from '~/lib/db.server';
import { dueDate } from '~/lib/deadlines';
import { env } from '~/lib/env.server';
import { Forbidden, ValidationFailed } from '~/lib/errors';
import { instantOnLondonDate, todayInLondon } from '~/lib/uk';
import { recordAudit, type AuditActor } from '~/modules/audit/audit.server';
import { isHubRole, type Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import type { EnquiryChannel } from '~/modules/codes/enquiry';
import { queueEmail } from '~/modules/email/outbox.server';
import { newPipelineColumns } from '~/modules/pipeline/create.server';
import { findPossibleDuplicates, type PossibleDuplicate } from './duplicates.server';
import { councilForPostcode } from './postcode-councils';
import type { EnquiryInput, KinshipReferralInput } from './schema';

// Creating a household from an enquiry (public or taken down by hub staff) or from a council's kinship referral.
// One transaction writes the household at its first stage, its people, interests, an audit row and the outbox
// emails; an idempotency key makes a double tap or a resubmitted page return the first household and create nothing.

export type EnquiryOrigin = 'enquiry' | 'staff';

export type CreateEnquiryOptions = {
  channel: EnquiryChannel;
  /** 'enquiry' for the public form, 'staff' when hub staff key it in. */
  origin: EnquiryOrigin;
  idempotencyKey?: string;
  /** The London day it was received, when staff key it in later (DOMAIN.md §2.2 step 1); default today. */
  receivedOn?: string;
  now?: Date;
  requestId?: string;
};

export type CreatedEnquiry = { household: CreatedHousehold; duplicates: PossibleDuplicate[] };

const createdHouseholdSelect = {
  id: true,
  reference: true,
  route: true,
  stage: true,
  councilId: true,
  residenceCouncilId: true,
  allocatedCouncilId: true,
  outsideArea: true,
  enquiryDate: true,
} satisfies Prisma.HouseholdSelect;

export type CreatedHousehold = Prisma.HouseholdGetPayload<{ select: typeof createdHouseholdSelect }>;

const REFERENCE_ATTEMPTS = 5;

/**
 * A new mainstream enquiry. `viewer` is null for the public form; staff must be hub staff. The postcode sets the
 * council when it clearly lies in one; a shared district leaves it for the hub's allocation queue, and a postcode
 * outside the four councils is saved and marked for triage (DOMAIN.md §8.1), never dropped.
 */
export async function createEnquiry(viewer: Viewer | null, input: EnquiryInput, options: CreateEnquiryOptions): Promise<CreatedEnquiry> {
  if (viewer && !isHubRole(viewer.role)) throw new Forbidden('Only hub staff can record an enquiry');
  const now = options.now ?? new Date();
  const receivedOn = receivedOnOrToday(options.receivedOn, now);
  const place = councilForPostcode(input.postcode);
  const councilId = place.kind === 'match' ? place.councilId : null;

  const household = await insertOnce(options.idempotencyKey, async (tx) => {
    const created = await tx.household.create({
      data: {
        ...newPipelineColumns('mainstream'),
        reference: await nextReference(tx, receivedOn),
        displayName: `${input.lastName} household`,
        route: 'mainstream',
        channel: options.channel,
        source: input.source,
        origin: options.origin,
        email: input.email ?? null,
        phone: input.phone ?? null,
        preferredContactTime: input.preferredContactTime ?? null,
        postcode: input.postcode,
        outsideArea: place.kind === 'outside',
        councilId,
        residenceCouncilId: councilId,
        enquiryReceivedAt: instantOnLondonDate(receivedOn, now),
        enquiryDate: receivedOn,
        nextDueOn: dueDate('enquiryResponse', receivedOn),
        nextDueRule: 'enquiryResponse',
        lastActivityAt: now,
        idempotencyKey: options.idempotencyKey ?? null,
      },
      select: createdHouseholdSelect,
    });
    await tx.person.createMany({ data: enquiryPeople(created.id, input) });
    await tx.householdInterest.createMany({ data: input.interests.map((interest) => ({ householdId: created.id, interest })) });
    await recordHouseholdMakeUp(tx, created.id, input, viewer);
    await recordAudit(tx, actorOf(viewer), {
      action: 'enquiry.create',
      entity: 'Household',
      entityId: created.id,
      councilId,
      after: { reference: created.reference, route: 'mainstream', channel: options.channel, origin: options.origin, postcodeMatch: place.kind },
      requestId: options.requestId,
    });
    await queueEnquiryEmails(tx, created, input);
    return created;
  });

  const duplicates = await findPossibleDuplicates(
    prisma,
    viewer,
    { email: input.email, phone: input.phone, postcode: input.postcode, lastName: input.lastName, excludeId: household.id },
    todayInLondon(now),
  );
  return { household, duplicates };
}

export type CreateKinshipReferralOptions = { idempotencyKey?: string; now?: Date; requestId?: string };

const KINSHIP_REFERRERS: readonly Role[] = ['socialWorker', 'fosteringManager'];

export const KINSHIP_FORBIDDEN = 'Only council social workers and fostering team managers can refer a kinship carer';

/** Council caseworkers refer kinship carers; the panel adviser, ADM and Mockingbird liaison do not hold cases. */
export function mayReferKinshipCarer(viewer: Viewer): boolean {
  return viewer.councilId !== null && KINSHIP_REFERRERS.includes(viewer.role);
}

/**
 * A connected person referred by a child's social worker (DOMAIN.md §3.1): route 'kinship', council-owned from
 * creation by the referring council, source "children's social care referral", with the child identified only by
 * the council's reference. The hub is not told: the council runs kinship cases.
 */
export async function createKinshipReferral(
  viewer: Viewer,
  input: KinshipReferralInput,
  options: CreateKinshipReferralOptions = {},
): Promise<CreatedEnquiry> {
  const councilId = viewer.councilId;
  if (councilId === null || !mayReferKinshipCarer(viewer)) throw new Forbidden(KINSHIP_FORBIDDEN);
  const now = options.now ?? new Date();
  const receivedOn = todayInLondon(now);
  const place = input.postcode ? councilForPostcode(input.postcode) : null;

  const household = await insertOnce(options.idempotencyKey, async (tx) => {
    const created = await tx.household.create({
      data: {
        ...newPipelineColumns('kinship', { councilId }),
        reference: await nextReference(tx, receivedOn),
        displayName: `${input.lastName} household`,
        route: 'kinship',
        channel: 'other',
        source: 'childrensSocialCare',
        origin: 'staff',
        email: input.email ?? null,
        phone: input.phone ?? null,
        postcode: input.postcode ?? null,
        outsideArea: place?.kind === 'outside',
        councilId,
        allocatedCouncilId: councilId,
        residenceCouncilId: place?.kind === 'match' ? place.councilId : null,
        ownerId: viewer.userId,
        enquiryReceivedAt: now,
        enquiryDate: receivedOn,
        lastActivityAt: now,
        idempotencyKey: options.idempotencyKey ?? null,
      },
      select: createdHouseholdSelect,
    });
    await tx.person.create({
      data: { householdId: created.id, role: 'applicant', firstName: input.firstName, lastName: input.lastName, email: input.email ?? null, phone: input.phone ?? null },
    });
    await tx.kinshipDetails.create({
      data: { householdId: created.id, childReference: input.childReference, relationship: input.relationship },
    });
    await tx.householdInterest.create({ data: { householdId: created.id, interest: 'kinship' } });
    await recordAudit(tx, actorOf(viewer), {
      action: 'enquiry.create',
      entity: 'Household',
      entityId: created.id,
      councilId,
      after: { reference: created.reference, route: 'kinship', channel: 'other', origin: 'staff', postcodeMatch: place?.kind ?? null },
      requestId: options.requestId,
    });
    return created;
  });

  const duplicates = await findPossibleDuplicates(
    prisma,
    viewer,
    { email: input.email, phone: input.phone, postcode: input.postcode, lastName: input.lastName, excludeId: household.id },
    receivedOn,
  );
  return { household, duplicates };
}

// ---------------------------------------------------------------- one household per idempotency key

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

async function findByIdempotencyKey(idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null;
  return prisma.household.findUnique({ where: { idempotencyKey }, select: createdHouseholdSelect });
}

/**
 * Runs `create` in a transaction unless a household already has this key. A race between two submissions with the
 * same key ends at the unique index: the loser returns the winner's household. A clash on the reference (another
 * process took the same number) is retried with the next one.
 */
async function insertOnce(idempotencyKey: string | undefined, create: (tx: Tx) => Promise<CreatedHousehold>) {
  const existing = await findByIdempotencyKey(idempotencyKey);
  if (existing) return existing;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(create);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await findByIdempotencyKey(idempotencyKey);
      if (winner) return winner;
      if (attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

// ---------------------------------------------------------------- pieces

/** FFEM-<year>-<6 digits>, the next number in the year the enquiry was received. */
async function nextReference(tx: Tx, receivedOn: string): Promise<string> {
  const prefix = `FFEM-${receivedOn.slice(0, 4)}-`;
  const last = await tx.household.findFirst({
    where: { reference: { startsWith: prefix } },
    orderBy: { reference: 'desc' },
    select: { reference: true },
  });
  const lastNumber = last ? Number.parseInt(last.reference.slice(prefix.length), 10) : 0;
  return `${prefix}${String((Number.isNaN(lastNumber) ? 0 : lastNumber) + 1).padStart(6, '0')}`;
}

function receivedOnOrToday(receivedOn: string | undefined, now: Date): string {
  const today = todayInLondon(now);
  if (receivedOn === undefined) return today;
  if (receivedOn > today) {
    throw new ValidationFailed('Check the details you entered.', {
      receivedOn: 'The date the enquiry was received must be today or in the past',
    });
  }
  return receivedOn;
}


function enquiryPeople(householdId: string, input: EnquiryInput): Prisma.PersonCreateManyInput[] {
  const applicant: Prisma.PersonCreateManyInput = {
    householdId,
    role: 'applicant',
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    phone: input.phone ?? null,
  };
  if (!input.partnerFirstName || !input.partnerLastName) return [applicant];
  return [
    applicant,
    { householdId, role: 'jointApplicant', firstName: input.partnerFirstName, lastName: input.partnerLastName, relationship: 'partner' },
  ];
}

/**
 * Who else lives there, as counts (DOMAIN.md §2.2 step 1). Household has no columns for them yet, so they are kept
 * as a note on the case timeline rather than thrown away.
 */
async function recordHouseholdMakeUp(tx: Tx, householdId: string, input: EnquiryInput, viewer: Viewer | null) {
  if (input.otherAdults === 0 && input.children === 0) return;
  const adults = `${input.otherAdults} other ${input.otherAdults === 1 ? 'adult' : 'adults'}`;
  const children = `${input.children} ${input.children === 1 ? 'child' : 'children'}`;
  await tx.note.create({
    data: { householdId, body: `At enquiry: ${adults} and ${children} live in the household.`, authorId: viewer?.userId ?? null },
  });
}

async function queueEnquiryEmails(tx: Tx, household: CreatedHousehold, input: EnquiryInput) {
  if (input.email) {
    await queueEmail(tx, {
      template: 'enquiry-received',
      to: input.email,
      props: { firstName: input.firstName, reference: household.reference },
      idempotencyKey: `enquiry-received/${household.id}`,
      householdId: household.id,
    });
  }
  await queueEmail(tx, {
    template: 'hub-new-enquiry',
    to: env.HUB_INBOX,
    props: {
      reference: household.reference,
      receivedOn: household.enquiryDate,
      enquiryUrl: new URL(`/hub/households/${household.id}`, env.BASE_URL).toString(),
    },
    idempotencyKey: `hub-new-enquiry/${household.id}`,
    householdId: household.id,
  });
}

function actorOf(viewer: Viewer | null): AuditActor {
  return viewer ? { userId: viewer.userId, role: viewer.role } : null;
}
