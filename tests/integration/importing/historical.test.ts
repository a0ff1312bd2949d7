import { beforeEach, describe, expect, test } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import type { Viewer } from '~/modules/auth/viewer';
import { importHistorical } from '~/modules/importing/historical.server';
import { PIPELINE_MACHINE_VERSION } from '~/modules/pipeline/machine';
import { restoreSnapshot } from '~/modules/pipeline/snapshots';
import { stageOf } from '~/modules/pipeline/stages';
import { createHousehold, createUser } from '../../support/factories';

const HEADER =
  'reference,council,route,enquiry_type,source,postcode,enquiry_date,application_date,approval_date,closed_date,' +
  'closed_reason,deregistration_date,deregistration_reason,mockingbird_joined_date';

// One record of each shape the import handles. Worked out by hand below.
const ROWS = [
  'DC-1,derby-city,,teenagers;siblingGroups,socialMedia,de1 2fs,2023-01-10,,,,,,,',
  'DS-2,derbyshire,mainstream,,,,2023-02-01,2023-03-15,,,,,,',
  'NC-3,nottingham-city,mainstream,,,,2021-01-04,2021-02-01,2021-10-20,,,,,2022-03-01',
  'NS-4,nottinghamshire,,,,,2015-05-05,2015-06-01,2016-01-12,,,2023-07-31,RETIREMENT_AGE,',
  'DC-5,derby-city,kinship,,,,2020-03-02,2020-04-01,2020-09-30,,,2022-11-15,SGO_GRANTED,2021-01-15',
  'DS-6,derbyshire,,,,,2022-06-01,2022-07-01,,2022-09-30,FINANCES,,,',
  'DC-7,derby-city,,,,,03/01/2024,,,05/02/2024,NO_CONTACT,,,',
];
const FILE = [HEADER, ...ROWS].join('\n') + '\n';

const administrator = async (): Promise<Viewer> => {
  const user = await createUser({ role: 'administrator' });
  return { userId: user.id, name: user.name, email: user.email, sessionId: 'test', role: 'administrator', councilId: null };
};

async function importFile(text: string, options: { dryRun?: boolean; viewer?: Viewer | null } = {}) {
  return importHistorical(options.viewer ?? null, text, { dryRun: options.dryRun ?? false, fileName: 'history.csv' });
}

async function household(reference: string) {
  return prisma.household.findUniqueOrThrow({
    where: { reference },
    include: {
      transitions: { orderBy: { occurredOn: 'asc' } },
      interests: { orderBy: { interest: 'asc' } },
      approvals: { include: { deregistration: true } },
      memberships: { include: { constellation: true } },
    },
  });
}

async function tableCounts() {
  return {
    households: await prisma.household.count(),
    transitions: await prisma.pipelineTransition.count(),
    interests: await prisma.householdInterest.count(),
    approvals: await prisma.approval.count(),
    deregistrations: await prisma.deregistration.count(),
    memberships: await prisma.constellationMembership.count(),
    constellations: await prisma.constellation.count(),
  };
}

async function updatedAtByReference() {
  const rows = await prisma.household.findMany({ select: { reference: true, updatedAt: true, version: true } });
  return new Map(rows.map((row) => [row.reference, `${row.updatedAt.toISOString()} v${row.version}`]));
}

beforeEach(async () => {
  await prisma.household.deleteMany();
  await prisma.constellation.deleteMany();
  await prisma.auditEvent.deleteMany();
});

describe('importing a valid file', () => {
  test('creates each household at the stage its latest date leads to, with its history', async () => {
    const derbyHub = await prisma.constellation.create({
      data: { councilId: 'derby-city', name: 'Derby constellation', launchedOn: '2019-05-01' },
    });

    const result = await importFile(FILE);
    expect(result).toEqual({ ok: true, dryRun: false, counts: { rows: 7, created: 7, updated: 0, unchanged: 0 } });

    const enquiry = await household('DC-1');
    expect(enquiry).toMatchObject({
      stage: 'enquiry.received',
      origin: 'import',
      displayName: 'Imported household DC-1',
      route: 'mainstream',
      councilId: 'derby-city',
      residenceCouncilId: 'derby-city',
      allocatedCouncilId: null,
      postcode: 'DE1 2FS',
      source: 'socialMedia',
      enquiryDate: '2023-01-10',
      machineVersion: PIPELINE_MACHINE_VERSION,
    });
    expect(enquiry.enquiryReceivedAt.toISOString()).toBe('2023-01-10T12:00:00.000Z');
    expect(enquiry.interests.map((row) => row.interest)).toEqual(['siblingGroups', 'teenagers']);
    expect(enquiry.transitions.map((row) => [row.event, row.fromStage, row.toStage, row.occurredOn])).toEqual([
      ['IMPORT_ENQUIRY', null, 'enquiry.received', '2023-01-10'],
    ]);

    const application = await household('DS-2');
    expect(application).toMatchObject({ stage: 'application.submitted', allocatedCouncilId: 'derbyshire', applicationDate: '2023-03-15' });
    expect(application.transitions.map((row) => [row.event, row.fromStage, row.toStage, row.occurredOn])).toEqual([
      ['IMPORT_ENQUIRY', null, 'enquiry.received', '2023-02-01'],
      ['IMPORT_APPLICATION', 'enquiry.received', 'application.submitted', '2023-03-15'],
    ]);
    const applicationSnapshot = restoreSnapshot(application.pipelineSnapshot, application.machineVersion);
    expect(stageOf(applicationSnapshot)).toBe('application.submitted');
    expect(applicationSnapshot.context).toMatchObject({
      applicationReceivedOn: '2023-03-15',
      allocatedCouncilId: 'derbyshire',
      firstContactOn: null,
      invitedOn: null,
    });

    const approved = await household('NC-3');
    expect(approved.stage).toBe('approved');
    expect(approved.transitions.map((row) => row.event)).toEqual(['IMPORT_ENQUIRY', 'IMPORT_APPLICATION', 'IMPORT_APPROVAL']);
    expect(approved.approvals).toHaveLength(1);
    expect(approved.approvals[0]).toMatchObject({
      councilId: 'nottingham-city',
      approvalType: 'mainstream',
      approvedOn: '2021-10-20',
      status: 'active',
      endedOn: null,
      deregistration: null,
    });
    expect(approved.memberships).toHaveLength(1);
    expect(approved.memberships[0]).toMatchObject({ joinedOn: '2022-03-01', leftOn: null, role: 'satellite', householdType: 'foster' });
    // Nottingham City had no constellation, so one was created, launched on the earliest joining date.
    expect(approved.memberships[0].constellation).toMatchObject({
      councilId: 'nottingham-city',
      name: 'Nottingham City Council constellation (imported)',
      launchedOn: '2022-03-01',
      status: 'active',
    });
    expect(stageOf(restoreSnapshot(approved.pipelineSnapshot, approved.machineVersion))).toBe('approved');

    const resigned = await household('NS-4');
    expect(resigned.stage).toBe('approved');
    expect(resigned.approvals[0]).toMatchObject({ status: 'ended', endedOn: '2023-07-31' });
    expect(resigned.approvals[0].deregistration).toMatchObject({
      councilId: 'nottinghamshire',
      effectiveOn: '2023-07-31',
      primaryReason: 'RETIREMENT_AGE',
      reasonGroup: 'resigned',
    });
    expect(resigned.transitions.map((row) => row.event)).toEqual(['IMPORT_ENQUIRY', 'IMPORT_APPLICATION', 'IMPORT_APPROVAL']);

    const kinship = await household('DC-5');
    expect(kinship).toMatchObject({ route: 'kinship', stage: 'approved', allocatedCouncilId: 'derby-city' });
    expect(kinship.transitions.map((row) => [row.event, row.toStage])).toEqual([
      ['IMPORT_ENQUIRY', 'kinship.referral'],
      ['IMPORT_APPLICATION', 'kinship.fullAssessment'],
      ['IMPORT_APPROVAL', 'approved'],
    ]);
    expect(kinship.approvals[0]).toMatchObject({ approvalType: 'kinship', status: 'ended', endedOn: '2022-11-15' });
    expect(kinship.approvals[0].deregistration).toMatchObject({ primaryReason: 'SGO_GRANTED', reasonGroup: 'otherEnding' });
    // Derby City already had an active constellation; the household joined it and left when its approval ended.
    expect(kinship.memberships[0]).toMatchObject({
      constellationId: derbyHub.id,
      householdType: 'kinship',
      joinedOn: '2021-01-15',
      leftOn: '2022-11-15',
      leftReason: 'SGO_GRANTED',
    });

    const withdrawn = await household('DS-6');
    expect(withdrawn).toMatchObject({ stage: 'closed', closedDate: '2022-09-30', closedReason: 'FINANCES', withdrawalAwCode: 'AW4' });
    expect(withdrawn.transitions.map((row) => [row.event, row.fromStage, row.toStage, row.reasonCode])).toEqual([
      ['IMPORT_ENQUIRY', null, 'enquiry.received', null],
      ['IMPORT_APPLICATION', 'enquiry.received', 'application.submitted', null],
      ['IMPORT_CLOSED', 'application.submitted', 'closed', 'FINANCES'],
    ]);
    const withdrawnSnapshot = restoreSnapshot(withdrawn.pipelineSnapshot, withdrawn.machineVersion);
    expect(stageOf(withdrawnSnapshot)).toBe('closed');
    expect(withdrawnSnapshot.context).toMatchObject({
      closedOn: '2022-09-30',
      closeReasonCode: 'FINANCES',
      closedFromStage: 'application.submitted',
      withdrawalAwCode: 'AW4',
    });

    const noContact = await household('DC-7');
    expect(noContact).toMatchObject({
      stage: 'closed',
      enquiryDate: '2024-01-03',
      closedDate: '2024-02-05',
      closedReason: 'NO_CONTACT',
      withdrawalAwCode: null,
      allocatedCouncilId: null,
    });
    expect(noContact.lastActivityAt.toISOString()).toBe('2024-02-05T12:00:00.000Z');

    expect(await tableCounts()).toEqual({
      households: 7,
      transitions: 1 + 2 + 3 + 3 + 3 + 3 + 2,
      interests: 2,
      approvals: 3,
      deregistrations: 2,
      memberships: 2,
      constellations: 2,
    });
  });

  test('writes one audit row with the counts and who ran it', async () => {
    const viewer = await administrator();
    await importFile(FILE, { viewer });
    const audits = await prisma.auditEvent.findMany({ where: { action: 'import.historical' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: viewer.userId, actorRole: 'administrator' });
    expect(JSON.parse(audits[0].afterJson ?? 'null')).toEqual({
      fileName: 'history.csv',
      rows: 7,
      created: 7,
      updated: 0,
      unchanged: 0,
    });
    // Imported history is attributed to the person who imported it.
    const transitions = await prisma.pipelineTransition.findMany({ select: { actorId: true }, distinct: ['actorId'] });
    expect(transitions).toEqual([{ actorId: viewer.userId }]);
  });

  test('only an administrator may import', async () => {
    const user = await createUser({ role: 'hubManager' });
    const hubManager: Viewer = { userId: user.id, name: user.name, email: user.email, sessionId: 'test', role: 'hubManager', councilId: null };
    await expect(importFile(FILE, { viewer: hubManager })).rejects.toBeInstanceOf(Forbidden);
    expect(await prisma.household.count()).toBe(0);
  });
});

describe('all or nothing', () => {
  test('a file with one bad row imports nothing and lists the error by line and column', async () => {
    const rows = [...ROWS];
    rows[4] = 'DC-5,derby-city,kinship,,,,2020-03-02,2020-04-01,2020-09-30,,,2022-11-15,,2021-01-15';
    const result = await importFile([HEADER, ...rows].join('\n'));
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 6, column: 'deregistration_reason', message: 'a deregistered record needs a deregistration_reason code' }],
      counts: { rows: 0, created: 0, updated: 0, unchanged: 0 },
    });
    expect(await tableCounts()).toEqual({
      households: 0,
      transitions: 0,
      interests: 0,
      approvals: 0,
      deregistrations: 0,
      memberships: 0,
      constellations: 0,
    });
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  test('a reference already used by a household that was not imported is refused, and nothing is written', async () => {
    const existing = await createHousehold({ councilId: 'derbyshire' });
    const text = `${FILE}${existing.reference},derbyshire,,,,,2024-01-05,,,,,,,\n`;
    const result = await importFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        line: 9,
        column: 'reference',
        message: `the reference ${existing.reference} belongs to a household that was not imported; give this record another reference`,
      },
    ]);
    expect(await prisma.household.count()).toBe(1);
  });

  test('a failure while writing rolls back every row already written', async () => {
    // Memberships are written last, after the households, history and approvals.
    await prisma.$executeRawUnsafe(
      "CREATE TRIGGER fail_membership BEFORE INSERT ON ConstellationMembership BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    try {
      await expect(importFile(FILE)).rejects.toThrow(/disk full/);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER fail_membership');
    }
    expect(await tableCounts()).toEqual({
      households: 0,
      transitions: 0,
      interests: 0,
      approvals: 0,
      deregistrations: 0,
      memberships: 0,
      constellations: 0,
    });
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  test('a dry run checks the file and reports what would happen, but writes nothing', async () => {
    const viewer = await administrator();
    const result = await importFile(FILE, { dryRun: true, viewer });
    expect(result).toEqual({ ok: true, dryRun: true, counts: { rows: 7, created: 7, updated: 0, unchanged: 0 } });
    expect(await tableCounts()).toEqual({
      households: 0,
      transitions: 0,
      interests: 0,
      approvals: 0,
      deregistrations: 0,
      memberships: 0,
      constellations: 0,
    });
    expect(await prisma.auditEvent.count()).toBe(0);
  });
});

describe('importing again', () => {
  test('the same file again changes nothing', async () => {
    await importFile(FILE);
    const countsBefore = await tableCounts();
    const householdsBefore = await updatedAtByReference();
    const approvalsBefore = await prisma.approval.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } });

    const result = await importFile(FILE);

    expect(result).toEqual({ ok: true, dryRun: false, counts: { rows: 7, created: 0, updated: 0, unchanged: 7 } });
    expect(await tableCounts()).toEqual(countsBefore);
    expect(await updatedAtByReference()).toEqual(householdsBefore);
    expect(await prisma.approval.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } })).toEqual(approvalsBefore);
  });

  test("changing one row's approval date updates just that household", async () => {
    await importFile(FILE);
    const before = await updatedAtByReference();
    const approvalBefore = (await household('NC-3')).approvals[0];

    const corrected = FILE.replace('2021-02-01,2021-10-20', '2021-02-01,2021-11-03');
    const result = await importFile(corrected);

    expect(result).toEqual({ ok: true, dryRun: false, counts: { rows: 7, created: 0, updated: 1, unchanged: 6 } });
    const after = await updatedAtByReference();
    for (const reference of ['DC-1', 'DS-2', 'NS-4', 'DC-5', 'DS-6', 'DC-7']) expect(after.get(reference)).toBe(before.get(reference));
    expect(after.get('NC-3')).not.toBe(before.get('NC-3'));

    const changed = await household('NC-3');
    expect(changed.approvalDate).toBe('2021-11-03');
    expect(changed.version).toBe(1);
    expect(changed.approvals).toHaveLength(1);
    expect(changed.approvals[0]).toMatchObject({ id: approvalBefore.id, approvedOn: '2021-11-03' });
    expect(changed.transitions.map((row) => [row.event, row.occurredOn])).toEqual([
      ['IMPORT_ENQUIRY', '2021-01-04'],
      ['IMPORT_APPLICATION', '2021-02-01'],
      ['IMPORT_APPROVAL', '2021-11-03'],
    ]);
    expect(restoreSnapshot(changed.pipelineSnapshot, changed.machineVersion).context.approvedOn).toBe('2021-11-03');
  });

  test('a later date moves the stage on, with its transition, and drops the old stage\'s deadline', async () => {
    await importFile(FILE);
    await prisma.household.update({
      where: { reference: 'DS-2' },
      data: { nextDueOn: '2023-11-15', nextDueRule: 'panelRecommendation' },
    });
    const result = await importFile(FILE.replace('DS-2,derbyshire,mainstream,,,,2023-02-01,2023-03-15,,', 'DS-2,derbyshire,mainstream,,,,2023-02-01,2023-03-15,2023-12-01,'));
    expect(result.ok && result.counts).toEqual({ rows: 7, created: 0, updated: 1, unchanged: 6 });
    const promoted = await household('DS-2');
    expect(promoted.stage).toBe('approved');
    expect(promoted.transitions.map((row) => row.event)).toEqual(['IMPORT_ENQUIRY', 'IMPORT_APPLICATION', 'IMPORT_APPROVAL']);
    expect(promoted.approvals.map((approval) => approval.approvedOn)).toEqual(['2023-12-01']);
    expect(promoted).toMatchObject({ nextDueOn: null, nextDueRule: null });
  });

  test('a resignation recorded since the import is kept when the file says nothing about it', async () => {
    await importFile(FILE);
    const approval = (await household('NC-3')).approvals[0];
    await prisma.approval.update({ where: { id: approval.id }, data: { status: 'ended', endedOn: '2025-01-31' } });
    await prisma.deregistration.create({
      data: { approvalId: approval.id, councilId: 'nottingham-city', effectiveOn: '2025-01-31', primaryReason: 'HEALTH', reasonGroup: 'resigned' },
    });

    const result = await importFile(FILE);

    expect(result.ok && result.counts).toEqual({ rows: 7, created: 0, updated: 0, unchanged: 7 });
    expect((await household('NC-3')).approvals[0]).toMatchObject({ status: 'ended', deregistration: { primaryReason: 'HEALTH' } });
  });

  test('a household staff have moved on since the import cannot be changed by the file', async () => {
    await importFile(FILE);
    const moved = await household('DS-2');
    await prisma.pipelineTransition.create({
      data: {
        householdId: moved.id,
        fromStage: 'application.submitted',
        toStage: 'application.allocation',
        event: 'ALLOCATION_PROPOSED',
        occurredOn: '2023-04-01',
        occurredAt: new Date('2023-04-01T09:00:00Z'),
        machineVersion: PIPELINE_MACHINE_VERSION,
      },
    });

    expect((await importFile(FILE)).ok).toBe(true);
    const result = await importFile(FILE.replace('2023-02-01,2023-03-15', '2023-02-01,2023-03-16'));
    expect(!result.ok && result.errors).toEqual([
      {
        line: 3,
        column: 'reference',
        message: 'the household DS-2 has been worked on since it was imported, so the import cannot change it; make changes on its page instead',
      },
    ]);
    expect((await household('DS-2')).applicationDate).toBe('2023-03-15');
  });
});
