import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import { isCouncilRole, type Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { exportHouseholdsCsv } from '~/modules/households/export.server';
import { DEFAULT_FILTER, type HouseholdCursor, type HouseholdFilter } from '~/modules/households/filters';
import {
  getCouncilWorkload,
  getHouseholdBoard,
  getHubOverview,
  listHouseholdsPage,
} from '~/modules/households/households.server';
import { loader as csvLoader } from '~/routes/hub.households[.csv]';
import { requestWithCookie, sessionCookieFor } from '../auth/support';
import { createHousehold, createUser } from '../../support/factories';

// A Monday in British Summer Time: London midnight is 23:00 UTC the day before.
const TODAY = '2026-04-27';

async function createViewer(role: Role, councilId: string | null = null): Promise<Viewer> {
  const user = await createUser({ role, councilId });
  const base = { userId: user.id, name: user.name, email: user.email, sessionId: 'test-session' };
  if (isCouncilRole(role)) {
    if (!councilId) throw new Error('A council role needs a council');
    return { ...base, role, councilId };
  }
  return { ...base, role, councilId: null };
}

type HouseholdDetails = {
  displayName: string;
  councilId?: string | null;
  allocatedCouncilId?: string | null;
  stage?: string;
  route?: 'mainstream' | 'kinship';
  enquiryDate?: string;
  ownerId?: string | null;
  nextDueOn?: string | null;
  lastActivityAt?: Date;
  updatedAt?: Date;
  postcode?: string | null;
  phone?: string | null;
  email?: string | null;
  reference?: string;
  interests?: string[];
};

async function household(details: HouseholdDetails) {
  const created = await createHousehold({
    displayName: details.displayName,
    councilId: details.councilId,
    allocatedCouncilId: details.allocatedCouncilId,
    stage: details.stage,
    route: details.route,
    enquiryDate: details.enquiryDate,
  });
  const updated = await prisma.household.update({
    where: { id: created.id },
    data: {
      ownerId: details.ownerId ?? null,
      nextDueOn: details.nextDueOn ?? null,
      lastActivityAt: details.lastActivityAt ?? new Date('2026-04-24T10:00:00Z'),
      postcode: details.postcode ?? null,
      phone: details.phone ?? null,
      email: details.email ?? null,
      ...(details.reference ? { reference: details.reference } : {}),
      updatedAt: details.updatedAt ?? new Date('2026-04-24T10:00:00Z'),
    },
  });
  for (const interest of details.interests ?? []) {
    await prisma.householdInterest.create({ data: { householdId: created.id, interest } });
  }
  return updated;
}

const filterOf = (patch: Partial<HouseholdFilter>): HouseholdFilter => ({ ...DEFAULT_FILTER, ...patch });

async function namesFor(viewer: Viewer, patch: Partial<HouseholdFilter>) {
  const page = await listHouseholdsPage(viewer, filterOf(patch), { take: 100, today: TODAY });
  return page.households.map((row) => row.displayName);
}

const sorted = (names: string[]) => [...names].sort();

beforeEach(async () => {
  await prisma.task.deleteMany();
  await prisma.household.deleteMany();
  await prisma.auditEvent.deleteMany();
});

describe('filters', () => {
  it('narrows by council, route, worker, enquiry type, stage and stage group', async () => {
    const hub = await createViewer('hubManager');
    const worker = await createUser({ role: 'hubOfficer' });
    await household({ displayName: 'Derby new', councilId: 'derby-city', ownerId: worker.id, interests: ['teenagers', 'mainstream'] });
    await household({ displayName: 'Derby contacted', councilId: 'derby-city', stage: 'enquiry.contacted', interests: ['mainstream'] });
    await household({ displayName: 'Nottingham kinship', councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', route: 'kinship', stage: 'kinship.viability' });
    await household({ displayName: 'Derbyshire stage 1', councilId: 'derbyshire', allocatedCouncilId: 'derbyshire', stage: 'assessment.stage1', ownerId: worker.id });

    expect(sorted(await namesFor(hub, {}))).toEqual(['Derby contacted', 'Derby new', 'Derbyshire stage 1', 'Nottingham kinship']);
    expect(sorted(await namesFor(hub, { councilId: 'derby-city' }))).toEqual(['Derby contacted', 'Derby new']);
    expect(await namesFor(hub, { route: 'kinship' })).toEqual(['Nottingham kinship']);
    expect(sorted(await namesFor(hub, { ownerId: worker.id }))).toEqual(['Derby new', 'Derbyshire stage 1']);
    expect(await namesFor(hub, { interest: 'teenagers' })).toEqual(['Derby new']);
    expect(sorted(await namesFor(hub, { interest: 'mainstream' }))).toEqual(['Derby contacted', 'Derby new']);
    expect(await namesFor(hub, { stage: 'enquiry.contacted' })).toEqual(['Derby contacted']);
    expect(sorted(await namesFor(hub, { stageGroup: 'enquiry' }))).toEqual(['Derby contacted', 'Derby new']);
    expect(await namesFor(hub, { stageGroup: 'kinship' })).toEqual(['Nottingham kinship']);
    // Filters combine: both must hold.
    expect(await namesFor(hub, { councilId: 'derby-city', ownerId: worker.id })).toEqual(['Derby new']);
  });

  it('counts as overdue only open households whose next deadline was before today', async () => {
    const hub = await createViewer('hubOfficer');
    await household({ displayName: 'Due yesterday', nextDueOn: '2026-04-26' });
    await household({ displayName: 'Due today', nextDueOn: TODAY });
    await household({ displayName: 'No deadline' });
    await household({ displayName: 'Closed long ago', stage: 'closed', nextDueOn: '2026-01-01' });

    expect(await namesFor(hub, { overdue: true })).toEqual(['Due yesterday']);
  });

  it('counts as stalled the open households whose last activity was 20 London days or more before today', async () => {
    const hub = await createViewer('hubOfficer');
    // 27 April less 20 days is 7 April; 23:59 on 7 April in London is 22:59 UTC.
    await household({ displayName: 'Last active 7 April, 23:59', lastActivityAt: new Date('2026-04-07T22:59:00Z') });
    await household({ displayName: 'Last active 8 April, 00:00', lastActivityAt: new Date('2026-04-07T23:00:00Z') });
    await household({ displayName: 'Approved in March', stage: 'approved', allocatedCouncilId: 'derby-city', lastActivityAt: new Date('2026-03-01T10:00:00Z') });

    expect(await namesFor(hub, { stalled: true })).toEqual(['Last active 7 April, 23:59']);
  });

  it('keeps a council viewer to their own council whatever they ask for', async () => {
    const derbyWorker = await createViewer('socialWorker', 'derby-city');
    await household({ displayName: 'Derby allocated', councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await household({ displayName: 'Nottingham allocated', councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', stage: 'assessment.stage1' });

    expect(await namesFor(derbyWorker, {})).toEqual(['Derby allocated']);
    expect(await namesFor(derbyWorker, { councilId: 'nottingham-city' })).toEqual([]);
  });
});

describe('search', () => {
  it('finds a household by reference, postcode, email, phone or surname, however they are typed', async () => {
    const hub = await createViewer('hubOfficer');
    await household({
      displayName: 'Okafor household',
      reference: 'FFEM-2026-000123',
      postcode: 'DE22 1AB',
      email: 'ada.okafor@example.com',
      phone: '07700900123',
    });
    await household({ displayName: 'Smith household', reference: 'FFEM-2026-000456', postcode: 'NG1 5AA', phone: '01154960001' });
    const blended = await household({ displayName: 'Brown household', reference: 'FFEM-2025-000789' });
    await prisma.person.create({ data: { householdId: blended.id, role: 'jointApplicant', firstName: 'Jo', lastName: 'Whitfield' } });
    const search = (q: string) => namesFor(hub, { q });

    expect(await search('FFEM-2026-000123')).toEqual(['Okafor household']);
    expect(await search('ffem-2026-000123')).toEqual(['Okafor household']);
    expect(sorted(await search('FFEM-2026'))).toEqual(['Okafor household', 'Smith household']);
    expect(await search('de221ab')).toEqual(['Okafor household']);
    expect(await search('DE22')).toEqual(['Okafor household']);
    expect(await search('ng1')).toEqual(['Smith household']);
    expect(await search('Ada.Okafor@Example.com')).toEqual(['Okafor household']);
    expect(await search('+44 7700 900123')).toEqual(['Okafor household']);
    expect(await search('0115 496 0001')).toEqual(['Smith household']);
    expect(await search('whitfield')).toEqual(['Brown household']);
    expect(await search('okafor')).toEqual(['Okafor household']);
    expect(await search('Nobody')).toEqual([]);
  });

  it('finds a household by a joint applicant’s email address', async () => {
    const hub = await createViewer('hubOfficer');
    const household1 = await household({ displayName: 'Patel household', email: 'first@example.com' });
    await prisma.person.create({
      data: { householdId: household1.id, role: 'jointApplicant', firstName: 'Sam', lastName: 'Patel', email: 'sam.patel@example.com' },
    });
    expect(await namesFor(hub, { q: 'SAM.PATEL@example.com' })).toEqual(['Patel household']);
  });
});

describe('sorting and cursor pagination', () => {
  // Names say where each household sorts; ties on updatedAt and nextDueOn are broken by id.
  async function createSortable() {
    await household({ displayName: 'A', reference: 'REF-3', enquiryDate: '2026-01-03', nextDueOn: '2026-05-02', updatedAt: new Date('2026-04-20T09:00:00Z') });
    await household({ displayName: 'B', reference: 'REF-1', enquiryDate: '2026-01-01', nextDueOn: null, updatedAt: new Date('2026-04-22T09:00:00Z') });
    await household({ displayName: 'C', reference: 'REF-5', enquiryDate: '2026-01-05', nextDueOn: '2026-05-01', updatedAt: new Date('2026-04-21T09:00:00Z') });
    await household({ displayName: 'D', reference: 'REF-2', enquiryDate: '2026-01-02', nextDueOn: null, updatedAt: new Date('2026-04-23T09:00:00Z') });
    await household({ displayName: 'E', reference: 'REF-4', enquiryDate: '2026-01-04', nextDueOn: '2026-05-03', updatedAt: new Date('2026-04-19T09:00:00Z') });
  }

  it('orders by each sort, households with no deadline last either way', async () => {
    const hub = await createViewer('hubOfficer');
    await createSortable();

    expect(await namesFor(hub, { sort: 'updated', direction: 'desc' })).toEqual(['D', 'B', 'C', 'A', 'E']);
    expect(await namesFor(hub, { sort: 'updated', direction: 'asc' })).toEqual(['E', 'A', 'C', 'B', 'D']);
    expect(await namesFor(hub, { sort: 'enquiryDate', direction: 'desc' })).toEqual(['C', 'E', 'A', 'D', 'B']);
    expect(await namesFor(hub, { sort: 'enquiryDate', direction: 'asc' })).toEqual(['B', 'D', 'A', 'E', 'C']);
    expect((await namesFor(hub, { sort: 'nextDue', direction: 'asc' })).slice(0, 3)).toEqual(['C', 'A', 'E']);
    expect((await namesFor(hub, { sort: 'nextDue', direction: 'desc' })).slice(0, 3)).toEqual(['E', 'A', 'C']);
    expect(sorted((await namesFor(hub, { sort: 'nextDue', direction: 'asc' })).slice(3))).toEqual(['B', 'D']);
    expect(sorted((await namesFor(hub, { sort: 'nextDue', direction: 'desc' })).slice(3))).toEqual(['B', 'D']);
    expect(await namesFor(hub, { sort: 'reference', direction: 'asc' })).toEqual(['B', 'D', 'A', 'E', 'C']);
    expect(await namesFor(hub, { sort: 'reference', direction: 'desc' })).toEqual(['C', 'E', 'A', 'D', 'B']);
  });

  const SORTS: Pick<HouseholdFilter, 'sort' | 'direction'>[] = [
    { sort: 'updated', direction: 'desc' },
    { sort: 'updated', direction: 'asc' },
    { sort: 'enquiryDate', direction: 'desc' },
    { sort: 'enquiryDate', direction: 'asc' },
    { sort: 'nextDue', direction: 'asc' },
    { sort: 'nextDue', direction: 'desc' },
    { sort: 'reference', direction: 'asc' },
    { sort: 'reference', direction: 'desc' },
  ];

  it('returns every household exactly once across the pages, forwards and back, for every sort', async () => {
    const hub = await createViewer('hubOfficer');
    // Eleven households with many ties: three share each updatedAt, two share each deadline, four have none.
    const names = ['h01', 'h02', 'h03', 'h04', 'h05', 'h06', 'h07', 'h08', 'h09', 'h10', 'h11'];
    for (const [index, name] of names.entries()) {
      await household({
        displayName: name,
        enquiryDate: `2026-02-0${1 + (index % 3)}`,
        nextDueOn: index % 3 === 0 ? null : `2026-05-0${1 + (index % 4)}`,
        updatedAt: new Date(Date.UTC(2026, 3, 10 + Math.floor(index / 3), 9)),
      });
    }

    for (const sort of SORTS) {
      const filter = filterOf(sort);
      const everything = (await listHouseholdsPage(hub, filter, { take: 100, today: TODAY })).households.map((row) => row.displayName);
      const pages: string[][] = [];
      let cursor: HouseholdCursor | undefined;
      for (;;) {
        const page = await listHouseholdsPage(hub, filter, { cursor, take: 3, today: TODAY });
        pages.push(page.households.map((row) => row.displayName));
        expect(page.total).toBe(11);
        if (!page.nextCursor) break;
        cursor = { direction: 'after', id: page.nextCursor };
      }
      expect(pages.map((page) => page.length), `${sort.sort} ${sort.direction}`).toEqual([3, 3, 3, 2]);
      expect(pages.flat(), `${sort.sort} ${sort.direction}`).toEqual(everything);
      expect(sorted(pages.flat())).toEqual(names);

      // Back from the last page, one page at a time, to the first.
      let page = await listHouseholdsPage(hub, filter, { cursor, take: 3, today: TODAY });
      for (let index = pages.length - 2; index >= 0; index -= 1) {
        expect(page.previousCursor).not.toBeNull();
        page = await listHouseholdsPage(hub, filter, { cursor: { direction: 'before', id: page.previousCursor ?? '' }, take: 3, today: TODAY });
        expect(page.households.map((row) => row.displayName), `${sort.sort} ${sort.direction} page ${index + 1}`).toEqual(pages[index]);
      }
      expect(page.previousCursor).toBeNull();
    }
  });

  it('merges the stages of a filter that spans several, in the same order, page by page forwards and back', async () => {
    const hub = await createViewer('hubOfficer');
    // The sortable five spread over three stages of 'Enquiry', read one stage at a time, and one household outside
    // the group that sorts first by every measure and must never appear.
    const stages = ['enquiry.received', 'enquiry.contacted', 'enquiry.visitBooked', 'enquiry.received', 'enquiry.contacted'];
    await createSortable();
    const created = await prisma.household.findMany({ select: { id: true, displayName: true } });
    for (const row of created) {
      const stage = stages['ABCDE'.indexOf(row.displayName)];
      await prisma.$executeRaw`UPDATE Household SET stage = ${stage} WHERE id = ${row.id}`;
    }
    await household({ displayName: 'Z', stage: 'invited', reference: 'REF-0', enquiryDate: '2026-01-09', nextDueOn: '2026-04-30', updatedAt: new Date('2026-04-25T09:00:00Z') });
    const group = { stageGroup: 'enquiry' };

    expect(await namesFor(hub, { ...group, sort: 'updated', direction: 'desc' })).toEqual(['D', 'B', 'C', 'A', 'E']);
    expect(await namesFor(hub, { ...group, sort: 'enquiryDate', direction: 'asc' })).toEqual(['B', 'D', 'A', 'E', 'C']);
    expect((await namesFor(hub, { ...group, sort: 'nextDue', direction: 'desc' })).slice(0, 3)).toEqual(['E', 'A', 'C']);
    expect(await namesFor(hub, { ...group, sort: 'reference', direction: 'desc' })).toEqual(['C', 'E', 'A', 'D', 'B']);

    const filter = filterOf({ ...group, sort: 'updated', direction: 'asc' });
    const first = await listHouseholdsPage(hub, filter, { take: 2, today: TODAY });
    const second = await listHouseholdsPage(hub, filter, { cursor: { direction: 'after', id: first.nextCursor ?? '' }, take: 2, today: TODAY });
    const third = await listHouseholdsPage(hub, filter, { cursor: { direction: 'after', id: second.nextCursor ?? '' }, take: 2, today: TODAY });
    expect([first, second, third].map((page) => page.households.map((row) => row.displayName))).toEqual([['E', 'A'], ['C', 'B'], ['D']]);
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect(third.nextCursor).toBeNull();
    const back = await listHouseholdsPage(hub, filter, { cursor: { direction: 'before', id: third.previousCursor ?? '' }, take: 2, today: TODAY });
    expect(back.households.map((row) => row.displayName)).toEqual(['C', 'B']);
  });

  it('pages within a filter without letting other households in', async () => {
    const hub = await createViewer('hubOfficer');
    for (const name of ['d1', 'd2', 'd3', 'd4']) await household({ displayName: name, councilId: 'derby-city' });
    for (const name of ['n1', 'n2']) await household({ displayName: name, councilId: 'nottingham-city' });
    const filter = filterOf({ councilId: 'derby-city', sort: 'reference', direction: 'asc' });

    const first = await listHouseholdsPage(hub, filter, { take: 3, today: TODAY });
    const second = await listHouseholdsPage(hub, filter, { cursor: { direction: 'after', id: first.nextCursor ?? '' }, take: 3, today: TODAY });

    expect(first.total).toBe(4);
    expect(sorted([...first.households, ...second.households].map((row) => row.displayName))).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(second.nextCursor).toBeNull();
  });
});

async function readCsv(body: ReadableStream<Uint8Array>) {
  const bytes = new Uint8Array(await new Response(body).arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)).split('\r\n');
  expect(lines.pop()).toBe('');
  return lines;
}

describe('CSV export', () => {
  it('has plain-English headers and exactly the filtered households, with ISO dates and no contact details', async () => {
    const manager = await createViewer('hubManager');
    await household({
      displayName: 'Okafor household',
      reference: 'FFEM-2026-000001',
      councilId: 'derby-city',
      enquiryDate: '2026-03-02',
      nextDueOn: '2026-04-20',
      email: 'ada@example.com',
      phone: '07700900001',
      interests: ['teenagers', 'mainstream'],
    });
    await household({ displayName: '=HYPERLINK("x") household', reference: 'FFEM-2026-000002', councilId: 'derby-city' });
    await household({ displayName: 'Nottingham household', reference: 'FFEM-2026-000003', councilId: 'nottingham-city' });

    const { body, rowCount, filename } = await exportHouseholdsCsv(manager, filterOf({ councilId: 'derby-city', sort: 'reference', direction: 'asc' }), {
      today: TODAY,
    });
    const lines = await readCsv(body);

    expect(filename).toBe('households-2026-04-27.csv');
    expect(rowCount).toBe(2);
    expect(lines[0]).toBe(
      'Reference,Household,Route,Stage,Council,Allocated council,Worker,Enquiry date,How the enquiry arrived,' +
        'How they heard about fostering,Interested in,Initial visit date,Application date,Handover date,Panel date,' +
        'Approval date,Closed date,Reason for closing,Next deadline,Next deadline date,Last activity date,Last updated date',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'FFEM-2026-000001,Okafor household,Mainstream,Enquiry received,Derby City Council,,,2026-03-02,Website form,,' +
        'Any kind of fostering; Teenagers and older children,,,,,,,,,2026-04-20,2026-04-24,2026-04-24',
    );
    // A name that a spreadsheet would run as a formula is written as text.
    expect(lines[2].startsWith(`FFEM-2026-000002,"'=HYPERLINK(""x"") household",`)).toBe(true);
    expect(lines.join('\n')).not.toContain('ada@example.com');
    expect(lines.join('\n')).not.toContain('07700900001');
  });

  it('streams more than one batch and every household once', async () => {
    const manager = await createViewer('hubManager');
    const template = await household({ displayName: 'Template household' });
    // 1,203 households: three batches of 500 and a short fourth one.
    await prisma.household.createMany({
      data: Array.from({ length: 1202 }, (_, index) => ({
        reference: `BULK-${String(index).padStart(5, '0')}`,
        displayName: `Bulk household ${index}`,
        stage: template.stage,
        pipelineSnapshot: template.pipelineSnapshot,
        machineVersion: template.machineVersion,
        enquiryReceivedAt: template.enquiryReceivedAt,
        enquiryDate: template.enquiryDate,
        councilId: 'derby-city',
      })),
    });

    const { body, rowCount } = await exportHouseholdsCsv(manager, DEFAULT_FILTER, { today: TODAY });
    const rows = (await readCsv(body)).slice(1);

    expect(rowCount).toBe(1203);
    expect(rows).toHaveLength(1203);
    expect(new Set(rows.map((row) => row.split(',')[0])).size).toBe(1203);
  });

  it('never gives a council manager another council’s household', async () => {
    const derbyManager = await createViewer('fosteringManager', 'derby-city');
    await household({ displayName: 'Derby allocated', reference: 'DER-1', councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
    await household({ displayName: 'Nottingham allocated', reference: 'NOT-1', councilId: 'nottingham-city', allocatedCouncilId: 'nottingham-city', stage: 'assessment.stage1' });
    await household({ displayName: 'Heading to Derby', reference: 'DER-2', councilId: 'derby-city', stage: 'enquiry.received' });

    const everything = await exportHouseholdsCsv(derbyManager, DEFAULT_FILTER, { today: TODAY });
    const askedForNottingham = await exportHouseholdsCsv(derbyManager, filterOf({ councilId: 'nottingham-city' }), { today: TODAY });

    expect((await readCsv(everything.body)).slice(1).map((row) => row.split(',')[0])).toEqual(['DER-1']);
    expect((await readCsv(askedForNottingham.body)).slice(1)).toEqual([]);
  });

  it('writes an audit row with the filter and row count, but not the search text', async () => {
    const manager = await createViewer('hubManager');
    await household({ displayName: 'Okafor household', councilId: 'derby-city', nextDueOn: '2026-04-01' });
    await household({ displayName: 'Okafor household too', councilId: 'derby-city' });

    await exportHouseholdsCsv(manager, filterOf({ councilId: 'derby-city', q: 'Okafor', overdue: true }), { today: TODAY, requestId: 'req-1' });

    const audit = await prisma.auditEvent.findMany({ where: { action: 'export.households' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: manager.userId, actorRole: 'hubManager', requestId: 'req-1' });
    expect(JSON.parse(audit[0].afterJson ?? 'null')).toEqual({
      filter: { councilId: 'derby-city', overdue: true, stalled: false, sort: 'updated', direction: 'desc', searched: true },
      rowCount: 1,
    });
    expect(`${audit[0].summary} ${audit[0].afterJson}`).not.toContain('Okafor');
  });

  it('is refused, with nothing written, to roles without export permission', async () => {
    for (const viewer of [await createViewer('hubOfficer'), await createViewer('socialWorker', 'derby-city'), await createViewer('regionalViewer')]) {
      await expect(exportHouseholdsCsv(viewer, DEFAULT_FILTER, { today: TODAY })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await prisma.auditEvent.count({ where: { action: 'export.households' } })).toBe(0);
  });

  it('downloads through /hub/households.csv as an attachment, and answers 403 to a hub officer', async () => {
    const manager = await createUser({ role: 'hubManager' });
    const officer = await createUser({ role: 'hubOfficer' });
    await household({ displayName: 'Okafor household', reference: 'FFEM-2026-000009', councilId: 'derby-city' });
    const call = async (cookie: string) => {
      const request = requestWithCookie('/hub/households.csv?council=derby-city&overdue=0', cookie);
      try {
        return await csvLoader({ request, params: {}, context: {} });
      } catch (thrown) {
        return thrown;
      }
    };

    const response = await call(await sessionCookieFor(manager.id));
    expect(response).toBeInstanceOf(Response);
    if (!(response instanceof Response)) return;
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="households-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).split('\r\n');
    expect(lines[1].startsWith('FFEM-2026-000009,')).toBe(true);

    const refused = await call(await sessionCookieFor(officer.id));
    expect(refused).toMatchObject({ init: { status: 403 } });
  });
});

describe('the board', () => {
  it('counts each open stage group and shows cards with days in stage and the overdue tag', async () => {
    const hub = await createViewer('hubOfficer');
    const contacted = await household({ displayName: 'Contacted', stage: 'enquiry.contacted', nextDueOn: '2026-04-20' });
    await prisma.pipelineTransition.createMany({
      data: [
        { householdId: contacted.id, fromStage: null, toStage: 'enquiry.received', event: 'ENQUIRY_RECEIVED', occurredOn: '2026-04-01', occurredAt: new Date('2026-04-01T10:00:00Z'), recordedAt: new Date('2026-04-01T10:00:00Z'), machineVersion: 1 },
        { householdId: contacted.id, fromStage: 'enquiry.received', toStage: 'enquiry.contacted', event: 'CONTACT_MADE', occurredOn: '2026-04-17', occurredAt: new Date('2026-04-17T10:00:00Z'), recordedAt: new Date('2026-04-17T10:00:00Z'), machineVersion: 1 },
      ],
    });
    const received = await household({ displayName: 'Received', stage: 'enquiry.received' });
    await prisma.pipelineTransition.createMany({
      data: [
        { householdId: received.id, fromStage: null, toStage: 'enquiry.received', event: 'ENQUIRY_RECEIVED', occurredOn: '2026-04-20', occurredAt: new Date('2026-04-20T10:00:00Z'), recordedAt: new Date('2026-04-20T10:00:00Z'), machineVersion: 1 },
        // A failed contact attempt stays in the stage, so the household has still been there since 20 April.
        { householdId: received.id, fromStage: 'enquiry.received', toStage: 'enquiry.received', event: 'CONTACT_ATTEMPT_FAILED', occurredOn: '2026-04-24', occurredAt: new Date('2026-04-24T10:00:00Z'), recordedAt: new Date('2026-04-24T10:00:00Z'), machineVersion: 1 },
      ],
    });
    await household({ displayName: 'Stage 1', stage: 'assessment.stage1', allocatedCouncilId: 'derby-city' });
    await household({ displayName: 'Approved', stage: 'approved', allocatedCouncilId: 'derby-city' });

    const board = await getHouseholdBoard(hub, DEFAULT_FILTER, TODAY);

    expect(board.columns.map((column) => column.label)).toEqual([
      'Enquiry',
      'Invited to apply',
      'Application',
      'Assessment',
      'Kinship assessment',
      'Fostering panel',
      'Decision',
      'On hold',
    ]);
    expect(board.columns.map((column) => column.count)).toEqual([2, 0, 0, 1, 0, 0, 0, 0]);
    const enquiryCards = board.columns[0].cards;
    expect(enquiryCards.find((card) => card.displayName === 'Contacted')).toMatchObject({ daysInStage: 10, isOverdue: true, stageLabel: 'First contact made' });
    expect(enquiryCards.find((card) => card.displayName === 'Received')).toMatchObject({ daysInStage: 7, isOverdue: false });
    expect(board.columns[3].cards[0]).toMatchObject({ displayName: 'Stage 1', daysInStage: null });
  });

  it('shows a column per stage for a chosen group, with the other filters applied', async () => {
    const hub = await createViewer('hubOfficer');
    await household({ displayName: 'Derby received', stage: 'enquiry.received', councilId: 'derby-city' });
    await household({ displayName: 'Derby visited', stage: 'enquiry.visited', councilId: 'derby-city' });
    await household({ displayName: 'Nottingham received', stage: 'enquiry.received', councilId: 'nottingham-city' });

    const board = await getHouseholdBoard(hub, filterOf({ stageGroup: 'enquiry', councilId: 'derby-city' }), TODAY);

    expect(board.columns.map((column) => [column.id, column.count])).toEqual([
      ['enquiry.received', 1],
      ['enquiry.contacted', 0],
      ['enquiry.visitBooked', 0],
      ['enquiry.visited', 1],
    ]);
    expect(board.columns[0].cards.map((card) => card.displayName)).toEqual(['Derby received']);
  });
});

describe('the hub home', () => {
  it('lists the viewer’s open tasks due today or earlier, and the overdue and stalled households', async () => {
    const viewer = await createViewer('hubOfficer');
    const colleague = await createUser({ role: 'hubOfficer' });
    const late = await household({ displayName: 'Late', nextDueOn: '2026-04-24' });
    await household({ displayName: 'Quiet', lastActivityAt: new Date('2026-03-30T10:00:00Z') });
    await household({ displayName: 'Busy', nextDueOn: '2026-05-01' });
    await prisma.task.createMany({
      data: [
        { title: 'Ring back', dueOn: '2026-04-24', ownerId: viewer.userId, householdId: late.id },
        { title: 'Send leaflet', dueOn: TODAY, ownerId: viewer.userId },
        { title: 'Next week', dueOn: '2026-05-04', ownerId: viewer.userId },
        { title: 'Already done', dueOn: '2026-04-20', ownerId: viewer.userId, status: 'done' },
        { title: 'Someone else’s', dueOn: '2026-04-20', ownerId: colleague.id },
      ],
    });

    const overview = await getHubOverview(viewer, TODAY);

    expect(overview.tasksDue.count).toBe(2);
    expect(overview.tasksDue.tasks.map((task) => [task.title, task.isOverdue, task.household?.reference ?? null])).toEqual([
      ['Ring back', true, late.reference],
      ['Send leaflet', false, null],
    ]);
    expect(overview.overdue.count).toBe(1);
    expect(overview.overdue.households.map((row) => row.displayName)).toEqual(['Late']);
    expect(overview.stalled).toMatchObject({ count: 1, afterDays: 20 });
    expect(overview.stalled.households.map((row) => row.displayName)).toEqual(['Quiet']);
  });
});

describe('getCouncilWorkload', () => {
  it('counts each worker’s open households in the viewer’s council, most first', async () => {
    const manager = await createViewer('fosteringManager', 'derby-city');
    const ann = await createUser({ role: 'socialWorker', councilId: 'derby-city', name: 'Ann Worker' });
    const bob = await createUser({ role: 'socialWorker', councilId: 'derby-city', name: 'Bob Worker' });
    const allocated = { councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' };
    await household({ displayName: 'a1', ...allocated, ownerId: ann.id });
    await household({ displayName: 'b1', ...allocated, ownerId: bob.id });
    await household({ displayName: 'b2', ...allocated, ownerId: bob.id });
    await household({ displayName: 'b3 approved', ...allocated, stage: 'approved', ownerId: bob.id });
    await household({ displayName: 'nobody', ...allocated });
    await household({ displayName: 'elsewhere', councilId: 'derbyshire', allocatedCouncilId: 'derbyshire', stage: 'assessment.stage1', ownerId: ann.id });

    expect(await getCouncilWorkload(manager)).toEqual([
      { ownerId: bob.id, name: 'Bob Worker', count: 2 },
      { ownerId: ann.id, name: 'Ann Worker', count: 1 },
      { ownerId: null, name: 'No worker yet', count: 1 },
    ]);
  });
});
