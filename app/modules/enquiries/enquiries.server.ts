import { Prisma } from '~/generated/prisma/client';
import { insertRows, newRowId, readInstantFormat } from '~/lib/bulk-insert.server';
import { isUniqueViolation, prisma, type Tx } from '~/lib/db.server';
import { dueDate } from '~/lib/deadlines';
import { env } from '~/lib/env.server';
import { groupCommit } from '~/lib/group-commit';
import { Forbidden, ValidationFailed } from '~/lib/errors';
import { instantOnLondonDate, todayInLondon } from '~/lib/uk';
import { recordAudit, recordAudits, type AuditActor } from '~/modules/audit/audit.server';
import { isHubRole, type Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import type { EnquiryChannel } from '~/modules/codes/enquiry';
import { queueEmails, type AnyQueueEmailInput } from '~/modules/email/outbox.server';
import { newPipelineColumns, type NewPipelineColumns } from '~/modules/pipeline/create.server';
import { findPossibleDuplicates, type PossibleDuplicate } from './duplicates.server';
import { councilForPostcode, type CouncilMatch } from './postcode-councils';
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
  const draft: EnquiryDraft = {
    viewer,
    input,
    options,
    now,
    receivedOn: receivedOnOrToday(options.receivedOn, now),
    place: councilForPostcode(input.postcode),
  };
  // Only staff are shown possible duplicates as they save; the public form's person is not, and the hub checks for
  // them when it works the enquiry, so the public form does not pay for the search.
  if (!viewer) return { household: await submitPublicEnquiry(draft), duplicates: [] };

  const household = await insertOnce(options.idempotencyKey, (tx) => writeOneEnquiry(tx, draft));
  const duplicates = await findPossibleDuplicates(
    prisma,
    viewer,
    { email: input.email, phone: input.phone, postcode: input.postcode, lastName: input.lastName, excludeId: household.id },
    todayInLondon(now),
  );
  return { household, duplicates };
}

// ---------------------------------------------------------------- writing enquiries, one or many at a time

/** An enquiry checked, dated and placed, ready to write. */
type EnquiryDraft = {
  viewer: Viewer | null;
  input: EnquiryInput;
  options: CreateEnquiryOptions;
  now: Date;
  receivedOn: string;
  place: CouncilMatch;
};

let mainstreamPipelineColumns: NewPipelineColumns | undefined;

/**
 * Writes enquiries in the caller's transaction: each household at its first stage with its people, interests and
 * household note, an audit row and the outbox emails, all sent together rather than one after another. A draft
 * whose idempotency key is already stored, or repeated in `drafts`, gets the household that key made.
 */
async function writeEnquiries(tx: Tx, drafts: readonly EnquiryDraft[]): Promise<CreatedHousehold[]> {
  const keys = [...new Set(drafts.flatMap((draft) => (draft.options.idempotencyKey ? [draft.options.idempotencyKey] : [])))];
  const stored =
    keys.length === 0
      ? []
      : await tx.household.findMany({ where: { idempotencyKey: { in: keys } }, select: { ...createdHouseholdSelect, idempotencyKey: true } });
  const householdForKey = new Map<string, CreatedHousehold | number>(stored.map(({ idempotencyKey, ...household }) => [idempotencyKey ?? '', household]));

  const references = referenceSequence(tx);
  const fresh: { draft: EnquiryDraft; reference: string }[] = [];
  const answers: (CreatedHousehold | number)[] = [];
  for (const draft of drafts) {
    const key = draft.options.idempotencyKey;
    const known = key ? householdForKey.get(key) : undefined;
    if (known !== undefined) {
      answers.push(known);
      continue;
    }
    fresh.push({ draft, reference: await references.next(draft.receivedOn) });
    answers.push(fresh.length - 1);
    if (key) householdForKey.set(key, fresh.length - 1);
  }
  if (fresh.length === 0) return answers.map((answer) => householdAt(answer, []));

  // Every new mainstream household starts from the same snapshot: built once per process, not once per enquiry.
  mainstreamPipelineColumns ??= newPipelineColumns('mainstream');
  const pipelineColumns = mainstreamPipelineColumns;
  const households = fresh.map(({ draft, reference }) => householdRow(draft, reference, pipelineColumns));
  const both = fresh.map(({ draft }, index) => ({ draft, household: households[index] }));
  // Each table's rows in one statement for the whole batch (decision 015): through Prisma's creates the public
  // form cost about 3 ms of CPU an enquiry, most of it planning and binding rather than SQLite's own work.
  const formatInstant = await readInstantFormat(tx);
  await insertRows(tx, 'Household', households, formatInstant);
  await insertRows(tx, 'Person', both.flatMap(({ draft, household }) => enquiryPeople(household, draft)), formatInstant);
  await insertRows(
    tx,
    'HouseholdInterest',
    both.flatMap(({ draft, household }) => draft.input.interests.map((interest) => ({ householdId: household.id, interest }))),
    formatInstant,
  );
  await insertRows(tx, 'Note', both.flatMap(({ draft, household }) => householdMakeUpNotes(household, draft)), formatInstant);
  await queueEmails(tx, both.flatMap(({ draft, household }) => enquiryEmails(household, draft.input)));
  await recordAudits(
    tx,
    both.map(({ draft, household }) => ({
      actor: actorOf(draft.viewer),
      entry: {
        action: 'enquiry.create',
        entity: 'Household',
        entityId: household.id,
        councilId: household.councilId,
        after: {
          reference: household.reference,
          route: 'mainstream',
          channel: draft.options.channel,
          origin: draft.options.origin,
          postcodeMatch: draft.place.kind,
        },
        requestId: draft.options.requestId,
      },
    })),
  );
  const created = households.map(asCreatedHousehold);
  return answers.map((answer) => householdAt(answer, created));
}

/** What a freshly written row tells its caller: the same fields `createdHouseholdSelect` reads back. */
function asCreatedHousehold(row: ReturnType<typeof householdRow>): CreatedHousehold {
  const { id, reference, route, stage, councilId, residenceCouncilId, allocatedCouncilId, outsideArea, enquiryDate } = row;
  return { id, reference, route, stage, councilId, residenceCouncilId, allocatedCouncilId, outsideArea, enquiryDate };
}

function householdAt(answer: CreatedHousehold | number, households: readonly CreatedHousehold[]): CreatedHousehold {
  return typeof answer === 'number' ? households[answer] : answer;
}

async function writeOneEnquiry(tx: Tx, draft: EnquiryDraft): Promise<CreatedHousehold> {
  const [household] = await writeEnquiries(tx, [draft]);
  return household;
}

function householdRow(draft: EnquiryDraft, reference: string, pipelineColumns: NewPipelineColumns) {
  const { input, options, place, receivedOn, now } = draft;
  const councilId = place.kind === 'match' ? place.councilId : null;
  return {
    id: newRowId(),
    ...pipelineColumns,
    reference,
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
    allocatedCouncilId: null,
    enquiryReceivedAt: instantOnLondonDate(receivedOn, now),
    enquiryDate: receivedOn,
    nextDueOn: dueDate('enquiryResponse', receivedOn),
    nextDueRule: 'enquiryResponse',
    lastActivityAt: now,
    idempotencyKey: options.idempotencyKey ?? null,
    createdAt: now,
    updatedAt: now,
  } satisfies Prisma.HouseholdUncheckedCreateInput;
}

// The public form's enquiries are written in groups: under load many arrive together and SQLite writes one
// transaction at a time. One that cannot be written with the others is written again on its own.
const submitPublicEnquiry = groupCommit<EnquiryDraft, CreatedHousehold>({
  maxBatch: 64,
  writeBatch: (drafts) => prisma.$transaction((tx) => writeEnquiries(tx, drafts)),
  writeOne: (draft) => insertOnce(draft.options.idempotencyKey, (tx) => writeOneEnquiry(tx, draft)),
});

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

async function findByIdempotencyKey(idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null;
  return prisma.household.findUnique({ where: { idempotencyKey }, select: createdHouseholdSelect });
}

/**
 * Runs `create` in a transaction; the unique index on the key decides whether a household already has it, so the
 * usual case (a new key) costs no lookup. A repeated or simultaneous submission with the same key fails there and
 * returns the first household. A clash on the reference (another process took the same number) is retried with the
 * next one.
 */
async function insertOnce(idempotencyKey: string | undefined, create: (tx: Tx) => Promise<CreatedHousehold>) {
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

/** References for several enquiries in one transaction: each prefix's last number is read once, then counted on. */
function referenceSequence(tx: Tx) {
  const lastNumbers = new Map<string, number>();
  return {
    async next(receivedOn: string): Promise<string> {
      const prefix = referencePrefix(receivedOn);
      const last = lastNumbers.get(prefix) ?? (await lastReferenceNumber(tx, prefix));
      lastNumbers.set(prefix, last + 1);
      return `${prefix}${String(last + 1).padStart(6, '0')}`;
    },
  };
}

/** FFEM-<year>-<6 digits>, the next number in the year the enquiry was received. */
async function nextReference(tx: Tx, receivedOn: string): Promise<string> {
  return referenceSequence(tx).next(receivedOn);
}

const referencePrefix = (receivedOn: string) => `FFEM-${receivedOn.slice(0, 4)}-`;

async function lastReferenceNumber(tx: Tx, prefix: string): Promise<number> {
  // A range rather than startsWith: SQLite's LIKE is case-insensitive and cannot use the unique index, so it would
  // read every reference; '.' is the character after '-', so the range holds exactly this prefix's references.
  const last = await tx.household.findFirst({
    where: { reference: { gte: prefix, lt: `${prefix.slice(0, -1)}.` } },
    orderBy: { reference: 'desc' },
    select: { reference: true },
  });
  const lastNumber = last ? Number.parseInt(last.reference.slice(prefix.length), 10) : 0;
  return Number.isNaN(lastNumber) ? 0 : lastNumber;
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

function enquiryPeople(household: { id: string }, { input, now }: EnquiryDraft) {
  const person = (role: string, firstName: string, lastName: string, contact: { email: string | null; phone: string | null }, relationship: string | null) =>
    ({ id: newRowId(), householdId: household.id, role, firstName, lastName, ...contact, relationship, createdAt: now, updatedAt: now }) satisfies Prisma.PersonUncheckedCreateInput;
  const applicant = person('applicant', input.firstName, input.lastName, { email: input.email ?? null, phone: input.phone ?? null }, null);
  if (!input.partnerFirstName || !input.partnerLastName) return [applicant];
  return [applicant, person('jointApplicant', input.partnerFirstName, input.partnerLastName, { email: null, phone: null }, 'partner')];
}

/**
 * Who else lives there, as counts (DOMAIN.md §2.2 step 1). Household has no columns for them yet, so they are kept
 * as a note on the case timeline rather than thrown away.
 */
function householdMakeUpNotes(household: { id: string }, { input, viewer, now }: EnquiryDraft) {
  if (input.otherAdults === 0 && input.children === 0) return [];
  const adults = `${input.otherAdults} other ${input.otherAdults === 1 ? 'adult' : 'adults'}`;
  const children = `${input.children} ${input.children === 1 ? 'child' : 'children'}`;
  const body = `At enquiry: ${adults} and ${children} live in the household.`;
  return [{ id: newRowId(), householdId: household.id, body, authorId: viewer?.userId ?? null, createdAt: now } satisfies Prisma.NoteUncheckedCreateInput];
}

function enquiryEmails(household: CreatedHousehold, input: EnquiryInput): AnyQueueEmailInput[] {
  const hub: AnyQueueEmailInput = {
    template: 'hub-new-enquiry',
    to: env.HUB_INBOX,
    props: {
      reference: household.reference,
      receivedOn: household.enquiryDate,
      enquiryUrl: new URL(`/hub/households/${household.id}`, env.BASE_URL).toString(),
    },
    idempotencyKey: `hub-new-enquiry/${household.id}`,
    householdId: household.id,
  };
  if (!input.email) return [hub];
  return [
    {
      template: 'enquiry-received',
      to: input.email,
      props: { firstName: input.firstName, reference: household.reference },
      idempotencyKey: `enquiry-received/${household.id}`,
      householdId: household.id,
    },
    hub,
  ];
}

function actorOf(viewer: Viewer | null): AuditActor {
  return viewer ? { userId: viewer.userId, role: viewer.role } : null;
}
