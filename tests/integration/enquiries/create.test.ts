import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { Forbidden, ValidationFailed } from '~/lib/errors';
import { householdScope } from '~/modules/auth/access.server';
import { createEnquiry, createKinshipReferral } from '~/modules/enquiries/enquiries.server';
import type { EnquiryInput, KinshipReferralInput } from '~/modules/enquiries/schema';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { stageOf } from '~/modules/pipeline/stages';
import { createViewer } from '../../support/factories';

// The database is shared by the whole file: every test uses its own names, emails and idempotency keys.

/** Thursday 2 April 2026, 14:30 in London (BST). */
const NOW = new Date('2026-04-02T13:30:00Z');

function enquiry(overrides: Partial<EnquiryInput> = {}): EnquiryInput {
  const tag = randomUUID().slice(0, 8);
  return {
    firstName: 'Amara',
    lastName: `Okafor-${tag}`,
    email: `amara-${tag}@example.test`,
    phone: undefined,
    postcode: 'DE1 2FS',
    otherAdults: 0,
    children: 0,
    interests: ['teenagers'],
    source: 'socialMedia',
    consentToContact: 'yes',
    ...overrides,
  };
}

describe('createEnquiry', () => {
  it('creates the household at its first stage with its people, interests, audit row and two emails', async () => {
    const hubOfficer = await createViewer('hubOfficer');
    const input = enquiry({
      partnerFirstName: 'Sam',
      partnerLastName: 'Okafor',
      phone: '07700900982',
      preferredContactTime: 'evening',
      otherAdults: 1,
      children: 2,
      interests: ['teenagers', 'siblingGroups'],
    });

    const { household } = await createEnquiry(hubOfficer, input, { channel: 'phone', origin: 'staff', now: NOW });

    const row = await prisma.household.findUniqueOrThrow({
      where: { id: household.id },
      include: { people: { orderBy: { role: 'asc' } }, interests: { orderBy: { interest: 'asc' } }, notes: true, emails: true },
    });
    expect(row.reference).toMatch(/^FFEM-2026-\d{6}$/);
    expect(row).toMatchObject({
      displayName: `${input.lastName} household`,
      route: 'mainstream',
      channel: 'phone',
      source: 'socialMedia',
      origin: 'staff',
      email: input.email,
      phone: '07700900982',
      preferredContactTime: 'evening',
      postcode: 'DE1 2FS',
      outsideArea: false,
      councilId: 'derby-city',
      residenceCouncilId: 'derby-city',
      allocatedCouncilId: null,
      stage: 'enquiry.received',
      enquiryDate: '2026-04-02',
      enquiryReceivedAt: NOW,
      // One working day after Thursday 2 April 2026: Friday 3 April is Good Friday and Monday 6 April is Easter
      // Monday, so the first working day after it is Tuesday 7 April.
      nextDueOn: '2026-04-07',
    });
    expect(stageOf(restoreSnapshot(row.pipelineSnapshot, row.machineVersion))).toBe(row.stage);
    expect(row.people.map((person) => [person.role, person.firstName, person.lastName, person.email])).toEqual([
      ['applicant', 'Amara', input.lastName, input.email],
      ['jointApplicant', 'Sam', 'Okafor', null],
    ]);
    expect(row.interests.map((interest) => interest.interest)).toEqual(['siblingGroups', 'teenagers']);
    expect(row.notes.map((note) => note.body)).toEqual(['At enquiry: 1 other adult and 2 children live in the household.']);

    const emails = row.emails.map((email) => ({ template: email.template, to: email.to, props: JSON.parse(email.propsJson) }));
    expect(emails).toEqual(
      expect.arrayContaining([
        { template: 'enquiry-received', to: input.email, props: { firstName: 'Amara', reference: row.reference } },
        {
          template: 'hub-new-enquiry',
          to: env.HUB_INBOX,
          props: { reference: row.reference, receivedOn: '2026-04-02', enquiryUrl: `http://localhost:3000/hub/households/${row.id}` },
        },
      ]),
    );
    expect(emails).toHaveLength(2);

    const audits = await prisma.auditEvent.findMany({ where: { entityId: household.id } });
    expect(audits.map((audit) => [audit.action, audit.actorId, audit.councilId])).toEqual([['enquiry.create', hubOfficer.userId, 'derby-city']]);
    // No names or contact details in the audit trail.
    expect(JSON.stringify(audits)).not.toContain(input.lastName);
    expect(JSON.stringify(audits)).not.toContain(input.email);
  });

  it('numbers references in sequence within the year', async () => {
    const first = await createEnquiry(null, enquiry(), { channel: 'webForm', origin: 'enquiry', now: NOW });
    const second = await createEnquiry(null, enquiry(), { channel: 'webForm', origin: 'enquiry', now: NOW });
    const number = (reference: string) => Number(reference.slice('FFEM-2026-'.length));
    expect(number(second.household.reference)).toBe(number(first.household.reference) + 1);
  });

  it('makes one household for one idempotency key, however often and however fast it is sent', async () => {
    const idempotencyKey = randomUUID();
    const input = enquiry();
    const options = { channel: 'webForm', origin: 'enquiry', idempotencyKey, now: NOW } as const;

    const first = await createEnquiry(null, input, options);
    const again = await createEnquiry(null, input, options);
    expect(again.household.id).toBe(first.household.id);

    const concurrentKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => createEnquiry(null, input, { ...options, idempotencyKey: concurrentKey })),
    );
    expect(new Set(results.map((result) => result.household.id)).size).toBe(1);

    const households = await prisma.household.findMany({ where: { idempotencyKey: { in: [idempotencyKey, concurrentKey] } } });
    expect(households).toHaveLength(2);
    const emails = await prisma.outboundEmail.count({ where: { householdId: { in: households.map((household) => household.id) } } });
    expect(emails).toBe(4);
  });

  it('writes enquiries from the public form that arrive together in one go, each complete and each once', async () => {
    const repeatedKey = randomUUID();
    const inputs = Array.from({ length: 30 }, (_, index) => enquiry({ children: index % 2, partnerFirstName: index === 0 ? 'Sam' : undefined, partnerLastName: index === 0 ? 'Okafor' : undefined }));
    const options = (index: number) =>
      ({ channel: 'webForm', origin: 'enquiry', now: NOW, idempotencyKey: index >= 25 ? repeatedKey : randomUUID() }) as const;

    const results = await Promise.all(inputs.map((input, index) => createEnquiry(null, input, options(index))));

    // 25 keys of their own and 5 posts of one key: 26 households, the last five sharing one.
    const ids = results.map((result) => result.household.id);
    expect(new Set(ids).size).toBe(26);
    expect(new Set(ids.slice(25)).size).toBe(1);
    const rows = await prisma.household.findMany({
      where: { id: { in: ids } },
      select: { reference: true, _count: { select: { people: true, interests: true, notes: true, emails: true } } },
      orderBy: { reference: 'asc' },
    });
    expect(rows).toHaveLength(26);
    // Consecutive references, with none skipped or used twice.
    const numbers = rows.map((row) => Number(row.reference.slice('FFEM-2026-'.length)));
    expect(numbers).toEqual(numbers.map((_, index) => numbers[0] + index));
    const counts = (index: number) => rows.find((row) => row.reference === results[index].household.reference)?._count;
    expect(counts(0)).toEqual({ people: 2, interests: 1, notes: 0, emails: 2 });
    expect(counts(1)).toEqual({ people: 1, interests: 1, notes: 1, emails: 2 });
    expect(await prisma.auditEvent.count({ where: { action: 'enquiry.create', entityId: { in: ids } } })).toBe(26);
  });

  it('still writes the others when one enquiry written with them cannot be', async () => {
    const good = [enquiry(), enquiry()];
    // The schema would refuse this address; here it reaches the outbox, which refuses it and fails its transaction.
    const bad = enquiry({ email: 'not an address' });
    const post = (input: EnquiryInput) => createEnquiry(null, input, { channel: 'webForm', origin: 'enquiry', now: NOW, idempotencyKey: randomUUID() });

    const [first, refused, second] = await Promise.allSettled([post(good[0]), post(bad), post(good[1])]);

    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('fulfilled');
    expect(refused.status).toBe('rejected');
    expect(await prisma.household.count({ where: { email: { in: good.map((input) => input.email ?? '') } } })).toBe(2);
    expect(await prisma.household.count({ where: { email: bad.email } })).toBe(0);
  });

  it('saves a postcode outside the four councils with no council, marked for triage', async () => {
    const { household } = await createEnquiry(null, enquiry({ postcode: 'LE1 6ZG' }), { channel: 'webForm', origin: 'enquiry', now: NOW });
    expect(household).toMatchObject({ outsideArea: true, councilId: null, residenceCouncilId: null, stage: 'enquiry.received' });
  });

  it('leaves a shared district for the hub to allocate', async () => {
    const { household } = await createEnquiry(null, enquiry({ postcode: 'NG5 1AA' }), { channel: 'webForm', origin: 'enquiry', now: NOW });
    expect(household).toMatchObject({ outsideArea: false, councilId: null, residenceCouncilId: null });
  });

  it('records the day staff say it was received, but never a day in the future', async () => {
    const hubManager = await createViewer('hubManager');
    const { household } = await createEnquiry(hubManager, enquiry(), {
      channel: 'event',
      origin: 'staff',
      receivedOn: '2026-03-30',
      now: NOW,
    });
    const row = await prisma.household.findUniqueOrThrow({ where: { id: household.id } });
    expect(row).toMatchObject({ enquiryDate: '2026-03-30', enquiryReceivedAt: new Date('2026-03-30T12:00:00Z') });

    const before = await prisma.household.count();
    await expect(
      createEnquiry(hubManager, enquiry(), { channel: 'event', origin: 'staff', receivedOn: '2026-04-03', now: NOW }),
    ).rejects.toSatisfy(
      (error) =>
        error instanceof ValidationFailed &&
        error.fieldErrors.receivedOn === 'The date the enquiry was received must be today or in the past',
    );
    expect(await prisma.household.count()).toBe(before);
  });

  it('writes an audit row with no actor for the public form, and sends no acknowledgement without an email address', async () => {
    const { household } = await createEnquiry(null, enquiry({ email: undefined, phone: '01332640000' }), {
      channel: 'webForm',
      origin: 'enquiry',
      now: NOW,
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: household.id } });
    expect(audit).toMatchObject({ action: 'enquiry.create', actorId: null, actorRole: null });
    const templates = await prisma.outboundEmail.findMany({ where: { householdId: household.id }, select: { template: true } });
    expect(templates).toEqual([{ template: 'hub-new-enquiry' }]);
  });

  it('is for hub staff only among staff', async () => {
    const socialWorker = await createViewer('socialWorker', 'derby-city');
    await expect(createEnquiry(socialWorker, enquiry(), { channel: 'phone', origin: 'staff', now: NOW })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('createKinshipReferral', () => {
  function referral(overrides: Partial<KinshipReferralInput> = {}): KinshipReferralInput {
    const tag = randomUUID().slice(0, 8);
    return {
      firstName: 'Grace',
      lastName: `Mensah-${tag}`,
      phone: '01246345345',
      postcode: 'S40 1LP',
      childReference: `DY-CHILD-${tag}1`,
      relationship: 'Grandmother',
      ...overrides,
    };
  }

  it('creates a kinship case owned by the referring council from the start', async () => {
    const socialWorker = await createViewer('socialWorker', 'derbyshire');
    const input = referral();

    const { household } = await createKinshipReferral(socialWorker, input, { now: NOW });

    const row = await prisma.household.findUniqueOrThrow({
      where: { id: household.id },
      include: { kinship: true, people: true, interests: true, emails: true },
    });
    expect(row).toMatchObject({
      route: 'kinship',
      source: 'childrensSocialCare',
      origin: 'staff',
      councilId: 'derbyshire',
      allocatedCouncilId: 'derbyshire',
      residenceCouncilId: 'derbyshire',
      ownerId: socialWorker.userId,
      stage: 'kinship.referral',
    });
    const snapshot = restoreSnapshot(row.pipelineSnapshot, row.machineVersion);
    expect(stageOf(snapshot)).toBe(row.stage);
    expect(snapshot.context.allocatedCouncilId).toBe('derbyshire');
    expect(row.kinship).toMatchObject({ childReference: input.childReference, relationship: 'Grandmother' });
    expect(row.people.map((person) => [person.role, person.firstName])).toEqual([['applicant', 'Grace']]);
    expect(row.interests.map((interest) => interest.interest)).toEqual(['kinship']);
    expect(row.emails).toEqual([]);

    // The council sees it through its ordinary scope at once; another council does not.
    const visibleTo = (councilId: string) =>
      prisma.household.count({ where: { AND: [householdScope({ ...socialWorker, role: 'socialWorker', councilId }), { id: household.id }] } });
    expect(await visibleTo('derbyshire')).toBe(1);
    expect(await visibleTo('nottinghamshire')).toBe(0);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: household.id } });
    expect(audit).toMatchObject({ action: 'enquiry.create', actorId: socialWorker.userId, councilId: 'derbyshire' });
  });

  it('keeps a carer who lives outside the four councils with the referring council', async () => {
    const manager = await createViewer('fosteringManager', 'nottingham-city');
    const { household } = await createKinshipReferral(manager, referral({ postcode: 'LE1 6ZG' }), { now: NOW });
    expect(household).toMatchObject({ councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', residenceCouncilId: null, outsideArea: true });
  });

  it('makes one case for one idempotency key', async () => {
    const socialWorker = await createViewer('socialWorker', 'derbyshire');
    const idempotencyKey = randomUUID();
    const input = referral();
    const first = await createKinshipReferral(socialWorker, input, { idempotencyKey, now: NOW });
    const again = await createKinshipReferral(socialWorker, input, { idempotencyKey, now: NOW });
    expect(again.household.id).toBe(first.household.id);
    expect(await prisma.kinshipDetails.count({ where: { childReference: input.childReference } })).toBe(1);
  });

  it('is refused to the hub and to council roles that do not hold cases', async () => {
    for (const viewer of [await createViewer('hubOfficer'), await createViewer('panelAdviser', 'derbyshire'), await createViewer('mockingbirdLiaison', 'derbyshire')]) {
      await expect(createKinshipReferral(viewer, referral(), { now: NOW })).rejects.toBeInstanceOf(Forbidden);
    }
  });
});

