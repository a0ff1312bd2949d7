import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import type { Viewer } from '~/modules/auth/viewer';
import { findPossibleDuplicates, getMergeCandidates, mergeHouseholds } from '~/modules/enquiries/duplicates.server';
import { createEnquiry } from '~/modules/enquiries/enquiries.server';
import type { EnquiryInput } from '~/modules/enquiries/schema';
import { createHousehold, createViewer } from '../../support/factories';

// The database is shared by the whole file: every test makes its own surnames, emails, phones and postcodes.

const NOW = new Date('2026-04-02T13:30:00Z');
const TODAY = '2026-04-02';

let contactCounter = 0;
const letter = (index: number) => String.fromCharCode(65 + (index % 26));

/** A distinct mobile number, Nottingham postcode, email and surname per call, so tests never match each other. */
function uniqueContact() {
  contactCounter += 1;
  const tag = randomUUID().slice(0, 8);
  return {
    tag,
    email: `person-${tag}@example.test`,
    phone: `07700${String(900000 + contactCounter)}`,
    postcode: `NG7 ${1 + (contactCounter % 9)}${letter(Math.floor(contactCounter / 9))}${letter(Math.floor(contactCounter / 234))}`,
    lastName: `Smith-${tag}`,
  };
}

function enquiry(overrides: Partial<EnquiryInput>): EnquiryInput {
  return {
    firstName: 'Jo',
    lastName: 'Someone',
    postcode: 'DE1 2FS',
    otherAdults: 0,
    children: 0,
    interests: ['mainstream'],
    source: 'wordOfMouth',
    consentToContact: 'yes',
    ...overrides,
  };
}

async function enquire(viewer: Viewer | null, input: EnquiryInput) {
  return createEnquiry(viewer, input, { channel: 'phone', origin: viewer ? 'staff' : 'enquiry', now: NOW });
}

describe('findPossibleDuplicates', () => {
  it('matches the same email, the same phone, or the same postcode and surname, each for its own reason', async () => {
    const hubOfficer = await createViewer('hubOfficer');
    const contact = uniqueContact();
    const { household: earlier } = await enquire(hubOfficer, enquiry({ ...contact }));

    const byEmail = await enquire(hubOfficer, enquiry({ email: contact.email, lastName: 'Different' }));
    expect(byEmail.duplicates).toEqual([
      {
        visible: true,
        id: earlier.id,
        reference: earlier.reference,
        displayName: `${contact.lastName} household`,
        stage: 'enquiry.received',
        stageLabel: 'Enquiry received',
        councilName: 'Nottingham City Council',
        enquiryDate: TODAY,
        matchedOn: ['email'],
        recent: true,
        mergeable: true,
      },
    ]);

    const byPhone = await findPossibleDuplicates(prisma, hubOfficer, { phone: contact.phone }, TODAY);
    expect(byPhone.map((match) => match.visible && [match.id, match.matchedOn])).toEqual([[earlier.id, ['phone']]]);

    const bySurname = await findPossibleDuplicates(
      prisma,
      hubOfficer,
      { postcode: contact.postcode, lastName: contact.lastName.toUpperCase() },
      TODAY,
    );
    expect(bySurname.map((match) => match.visible && [match.id, match.matchedOn])).toEqual([[earlier.id, ['postcodeAndSurname']]]);
  });

  it('needs the surname as well as the postcode, and leaves out the record it is asked about', async () => {
    const hubOfficer = await createViewer('hubOfficer');
    const contact = uniqueContact();
    const { household } = await enquire(hubOfficer, enquiry({ ...contact }));

    expect(await findPossibleDuplicates(prisma, hubOfficer, { postcode: contact.postcode, lastName: 'Jones' }, TODAY)).toEqual([]);
    expect(await findPossibleDuplicates(prisma, hubOfficer, { postcode: contact.postcode }, TODAY)).toEqual([]);
    expect(await findPossibleDuplicates(prisma, hubOfficer, { email: contact.email, excludeId: household.id }, TODAY)).toEqual([]);
    expect(await findPossibleDuplicates(prisma, hubOfficer, {}, TODAY)).toEqual([]);
  });

  it('shows a case held by a council to the hub only as a flag naming the council, the stage group and the month', async () => {
    const hubOfficer = await createViewer('hubOfficer');
    const contact = uniqueContact();
    const councilCase = await createHousehold({
      councilId: 'nottinghamshire',
      allocatedCouncilId: 'nottinghamshire',
      stage: 'closed',
      email: contact.email,
      enquiryDate: '2024-09-02',
    });
    await prisma.household.update({ where: { id: councilCase.id }, data: { closedDate: '2025-03-14', closedReason: 'NOT_NOW' } });

    const matches = await findPossibleDuplicates(prisma, hubOfficer, { email: contact.email }, TODAY);

    expect(matches).toEqual([
      {
        visible: false,
        flag: "Previous case with Nottinghamshire County Council: Closed, March 2025. Contact that council's fostering team manager.",
      },
    ]);
    expect(JSON.stringify(matches)).not.toContain(councilCase.id);
    expect(JSON.stringify(matches)).not.toContain(councilCase.reference);
  });

  it('shows a council worker the hub’s pre-handover case only as a flag, and their own council’s case in full', async () => {
    const socialWorker = await createViewer('socialWorker', 'derby-city');
    const contact = uniqueContact();
    await enquire(null, enquiry({ ...contact }));
    const ownCase = await createHousehold({
      councilId: 'derby-city',
      allocatedCouncilId: 'derby-city',
      stage: 'assessment.stage1',
      email: contact.email,
      enquiryDate: '2025-11-20',
    });

    const matches = await findPossibleDuplicates(prisma, socialWorker, { email: contact.email }, TODAY);

    expect(matches).toEqual(
      expect.arrayContaining([
        { visible: false, flag: 'Previous case with Foster for East Midlands: Enquiry, April 2026. Contact the hub manager.' },
        expect.objectContaining({ visible: true, id: ownCase.id, stageLabel: 'Stage 1: checks and references', mergeable: false }),
      ]),
    );
    expect(matches).toHaveLength(2);
  });

  it('leaves out records already closed as duplicates, and marks old closed ones as not recent', async () => {
    const hubOfficer = await createViewer('hubOfficer');
    const contact = uniqueContact();
    const merged = await createHousehold({ councilId: null, stage: 'closed', email: contact.email, enquiryDate: '2025-01-10' });
    await prisma.household.update({ where: { id: merged.id }, data: { closedDate: '2025-01-20', closedReason: 'DUPLICATE' } });
    const old = await createHousehold({ councilId: null, stage: 'closed', email: contact.email, enquiryDate: '2025-06-01' });
    // Closed on 1 October 2025: six months later is 1 April 2026, the day before TODAY.
    await prisma.household.update({ where: { id: old.id }, data: { closedDate: '2025-10-01', closedReason: 'NOT_NOW' } });

    const matches = await findPossibleDuplicates(prisma, hubOfficer, { email: contact.email }, TODAY);

    expect(matches.map((match) => match.visible && [match.id, match.recent, match.mergeable])).toEqual([[old.id, false, false]]);
    const sameDay = await findPossibleDuplicates(prisma, hubOfficer, { email: contact.email }, '2026-04-01');
    expect(sameDay.map((match) => match.visible && match.recent)).toEqual([true]);
  });
});

describe('mergeHouseholds', () => {
  async function duplicatePair() {
    const hubOfficer = await createViewer('hubOfficer');
    const contact = uniqueContact();
    const { household: keep } = await enquire(hubOfficer, enquiry({ ...contact, firstName: 'Jo', interests: ['teenagers'] }));
    const { household: merge } = await enquire(
      null,
      enquiry({
        ...contact,
        phone: undefined,
        firstName: 'Jo',
        partnerFirstName: 'Alex',
        partnerLastName: contact.lastName,
        interests: ['teenagers', 'emergency'],
        otherAdults: 1,
      }),
    );
    await prisma.household.update({ where: { id: keep.id }, data: { phone: null } });
    const mergedPhone = uniqueContact().phone;
    await prisma.household.update({ where: { id: merge.id }, data: { phone: mergedPhone } });
    await prisma.contactAttempt.create({
      data: { householdId: merge.id, occurredAt: NOW, channel: 'phone', outcome: 'noAnswer', byId: hubOfficer.userId },
    });
    await prisma.task.create({ data: { householdId: merge.id, title: 'Call back', dueOn: '2026-04-03', ownerId: hubOfficer.userId } });
    return { hubOfficer, contact, keep, merge, mergedPhone };
  }

  it('moves the merged record’s rows to the kept one and closes it as a duplicate through the pipeline writer', async () => {
    const { hubOfficer, contact, keep, merge, mergedPhone } = await duplicatePair();

    const result = await mergeHouseholds(hubOfficer, { keepId: keep.id, mergeId: merge.id, reason: 'Rang twice' }, { now: NOW });

    const kept = await prisma.household.findUniqueOrThrow({
      where: { id: keep.id },
      include: { people: { orderBy: { createdAt: 'asc' } }, interests: true, notes: true, contactAttempts: true, tasks: true, emails: true },
    });
    // Jo appears on both with the same email: the kept record keeps its own Jo, and Alex moves across.
    expect(kept.people.map((person) => [person.role, person.firstName])).toEqual([
      ['applicant', 'Jo'],
      ['jointApplicant', 'Alex'],
    ]);
    expect(kept.interests.map((row) => row.interest).sort()).toEqual(['emergency', 'teenagers']);
    expect(kept.notes.map((note) => note.body)).toEqual(['At enquiry: 1 other adult and 0 children live in the household.']);
    expect(kept.contactAttempts).toHaveLength(1);
    expect(kept.tasks.map((task) => task.title)).toEqual(['Call back']);
    // Each enquiry queued an acknowledgement and a hub notice.
    expect(kept.emails).toHaveLength(4);
    expect(kept.phone).toBe(mergedPhone);
    expect(kept.email).toBe(contact.email);
    expect(result.moved).toEqual({ people: 1, interests: 1, notes: 1, contactAttempts: 1, tasks: 1, emails: 2 });

    const closed = await prisma.household.findUniqueOrThrow({ where: { id: merge.id }, include: { people: true, interests: true } });
    expect(closed).toMatchObject({ stage: 'closed', closedReason: 'DUPLICATE', closedDate: TODAY });
    expect(closed.people.map((person) => person.firstName)).toEqual(['Jo']);
    expect(closed.interests).toEqual([]);

    const transitions = await prisma.pipelineTransition.findMany({ where: { householdId: merge.id } });
    expect(transitions.map((row) => [row.event, row.fromStage, row.toStage, row.reasonCode, row.actorId])).toEqual([
      ['CLOSE', 'enquiry.received', 'closed', 'DUPLICATE', hubOfficer.userId],
    ]);
    expect(transitions[0].reason).toBe(`Merged into ${keep.reference}: Rang twice`);

    const mergeAudit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'household.merge', entityId: keep.id } });
    expect(JSON.parse(mergeAudit.afterJson ?? '{}')).toMatchObject({ keptHouseholdId: keep.id, mergedHouseholdId: merge.id });
    expect(mergeAudit.actorId).toBe(hubOfficer.userId);
  });

  it('lists mergeable duplicates on the merge page, and then no longer lists the closed one', async () => {
    const { hubOfficer, keep, merge } = await duplicatePair();
    const before = await getMergeCandidates(hubOfficer, keep.id, TODAY);
    expect(before.household).toMatchObject({ id: keep.id, mergeable: true });
    expect(before.duplicates.map((match) => match.visible && [match.id, match.mergeable])).toEqual([[merge.id, true]]);

    await mergeHouseholds(hubOfficer, { keepId: keep.id, mergeId: merge.id, reason: 'Same family' }, { now: NOW });

    expect((await getMergeCandidates(hubOfficer, keep.id, TODAY)).duplicates).toEqual([]);
  });

  it('is refused to council roles, and changes nothing', async () => {
    const { keep, merge } = await duplicatePair();
    for (const role of ['fosteringManager', 'socialWorker'] as const) {
      const viewer = await createViewer(role, 'nottingham-city');
      await expect(mergeHouseholds(viewer, { keepId: keep.id, mergeId: merge.id, reason: 'x' }, { now: NOW })).rejects.toBeInstanceOf(Forbidden);
      await expect(getMergeCandidates(viewer, keep.id, TODAY)).rejects.toBeInstanceOf(NotFound);
    }
    expect(await prisma.person.count({ where: { householdId: merge.id } })).toBe(2);
    expect(await prisma.pipelineTransition.count({ where: { householdId: merge.id } })).toBe(0);
  });

  it('is refused for a record handed over to a council, or already closed, and for a record merged with itself', async () => {
    const hubManager = await createViewer('hubManager');
    const contact = uniqueContact();
    const { household: open } = await enquire(hubManager, enquiry({ ...contact }));
    const handedOver = await createHousehold({ councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', stage: 'assessment.stage1', email: contact.email });
    const closed = await createHousehold({ councilId: null, stage: 'closed', email: contact.email });

    await expect(mergeHouseholds(hubManager, { keepId: open.id, mergeId: handedOver.id, reason: 'x' }, { now: NOW })).rejects.toBeInstanceOf(NotFound);
    await expect(mergeHouseholds(hubManager, { keepId: handedOver.id, mergeId: open.id, reason: 'x' }, { now: NOW })).rejects.toBeInstanceOf(NotFound);
    await expect(mergeHouseholds(hubManager, { keepId: open.id, mergeId: closed.id, reason: 'x' }, { now: NOW })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(mergeHouseholds(hubManager, { keepId: open.id, mergeId: open.id, reason: 'x' }, { now: NOW })).rejects.toBeInstanceOf(ValidationFailed);

    expect(await prisma.auditEvent.count({ where: { action: 'household.merge', entityId: open.id } })).toBe(0);
    expect(await prisma.household.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ stage: 'enquiry.received' });
  });
});
