import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import type { Viewer } from '~/modules/auth/viewer';
import {
  getNewSgoCaseForm,
  getSgoCasePage,
  listSgoCasesForViewer,
  logSgoContact,
  openSgoCase,
  updateSgoCase,
} from '~/modules/kinship/sgo-cases.server';
import { submitOpenSgoCaseForm, submitSgoCaseForm } from '~/modules/kinship/sgo-forms.server';
import { createHousehold, createViewer } from '../../support/factories';

// Special guardianship support cases (DOMAIN.md §3.3): opened directly or from a kinship household, the allowance
// entered in pounds and stored in pence by a manager only, reviews listed as overdue or due soon.

const NOW = new Date('2026-11-23T12:00:00Z');

let manager: Viewer;
let socialWorker: Viewer;

beforeAll(async () => {
  manager = await createViewer('fosteringManager', 'derby-city');
  socialWorker = await createViewer('socialWorker', 'derby-city');
});

async function kinshipHousehold(councilId = 'derby-city', childReference = 'DY-CHILD-04521') {
  const household = await createHousehold({ councilId, allocatedCouncilId: councilId, route: 'kinship', stage: 'approved', displayName: 'Mensah household' });
  await prisma.kinshipDetails.create({ data: { householdId: household.id, childReference } });
  return household;
}

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

const direct = {
  guardianDisplayName: 'Okafor household',
  childReference: 'DY-CHILD-11111',
  orderDate: '2026-06-01',
  formerCarerStatus: 'none' as const,
  supportPlan: undefined,
  weeklyAllowancePence: null,
  allowanceStartOn: undefined,
  nextReviewOn: '2027-06-01',
};

describe('opening a case', () => {
  it('starts from a kinship household with its details filled in, and links the case to it', async () => {
    const household = await kinshipHousehold();
    const form = await getNewSgoCaseForm(manager, household.id, { now: NOW });
    expect(form.household).toMatchObject({ id: household.id, displayName: 'Mensah household', childReference: 'DY-CHILD-04521' });
    expect(form.suggestedReviewOn).toBe('2027-11-23');

    const outcome = await submitOpenSgoCaseForm(
      manager,
      formOf({
        householdId: household.id,
        guardianDisplayName: 'Mensah household',
        childReference: 'DY-CHILD-04521',
        'orderDate-day': '2',
        'orderDate-month': '11',
        'orderDate-year': '2026',
        formerCarerStatus: 'ourKinshipCarer',
        weeklyAllowancePence: '£96.15',
        'allowanceStartOn-day': '2',
        'allowanceStartOn-month': '11',
        'allowanceStartOn-year': '2026',
        'nextReviewOn-day': '2',
        'nextReviewOn-month': '11',
        'nextReviewOn-year': '2027',
      }),
      { now: NOW },
    );
    expect(outcome).toMatchObject({ ok: true, done: 'open' });
    const saved = await prisma.sgoSupportCase.findFirstOrThrow({
      where: { householdId: household.id },
      select: { councilId: true, weeklyAllowancePence: true, allowanceStartOn: true, formerCarerStatus: true, reference: true, status: true },
    });
    expect(saved).toEqual({
      councilId: 'derby-city',
      weeklyAllowancePence: 9615,
      allowanceStartOn: '2026-11-02',
      formerCarerStatus: 'ourKinshipCarer',
      reference: 'SGO-2026-00001',
      status: 'open',
    });
    // With an open case, the household is no longer offered to start another.
    await expect(getNewSgoCaseForm(manager, household.id, { now: NOW })).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a kinship household of another council and a negative allowance, saving nothing', async () => {
    const nottingham = await kinshipHousehold('nottinghamshire');
    await expect(getNewSgoCaseForm(manager, nottingham.id, { now: NOW })).rejects.toBeInstanceOf(NotFound);
    await expect(openSgoCase(manager, { ...direct, householdId: nottingham.id }, { now: NOW })).rejects.toBeInstanceOf(ValidationFailed);

    const outcome = await submitOpenSgoCaseForm(
      manager,
      formOf({
        guardianDisplayName: 'Okafor household',
        childReference: 'DY-CHILD-22222',
        'orderDate-day': '1',
        'orderDate-month': '6',
        'orderDate-year': '2026',
        formerCarerStatus: 'none',
        weeklyAllowancePence: '-20',
        'nextReviewOn-day': '1',
        'nextReviewOn-month': '6',
        'nextReviewOn-year': '2027',
      }),
      { now: NOW },
    );
    expect(outcome).toMatchObject({ ok: false, status: 400, failure: { fieldErrors: { weeklyAllowancePence: 'The weekly allowance cannot be negative' } } });
    expect(await prisma.sgoSupportCase.count({ where: { childReference: 'DY-CHILD-22222' } })).toBe(0);
  });

  it('lets only a fostering team manager set the allowance', async () => {
    await expect(openSgoCase(socialWorker, { ...direct, weeklyAllowancePence: 5000, allowanceStartOn: '2026-06-01' }, { now: NOW })).rejects.toThrow(
      ValidationFailed,
    );
    const opened = await openSgoCase(socialWorker, direct, { now: NOW });
    expect(await prisma.sgoSupportCase.findUniqueOrThrow({ where: { id: opened.id }, select: { weeklyAllowancePence: true } })).toEqual({
      weeklyAllowancePence: null,
    });
  });

  it('refuses a future order date and a review before the order', async () => {
    await expect(openSgoCase(manager, { ...direct, orderDate: '2026-11-24', nextReviewOn: '2027-11-24' }, { now: NOW })).rejects.toThrow(ValidationFailed);
    const outcome = await submitOpenSgoCaseForm(
      manager,
      formOf({
        guardianDisplayName: 'Okafor household',
        childReference: 'DY-CHILD-33333',
        'orderDate-day': '1',
        'orderDate-month': '6',
        'orderDate-year': '2026',
        formerCarerStatus: 'none',
        'nextReviewOn-day': '1',
        'nextReviewOn-month': '5',
        'nextReviewOn-year': '2026',
      }),
      { now: NOW },
    );
    expect(outcome).toMatchObject({ ok: false, failure: { fieldErrors: { nextReviewOn: 'The next review must be on or after the order date' } } });
  });
});

describe('review due dates', () => {
  it('lists open cases by next review, overdue and due within four weeks flagged', async () => {
    const lister = await createViewer('fosteringManager', 'nottingham-city');
    const make = (nextReviewOn: string, childReference: string) =>
      openSgoCase(lister, { ...direct, childReference, orderDate: '2025-01-10', nextReviewOn }, { now: NOW });
    await make('2026-12-21', 'NC-CHILD-00004'); // 28 days ahead: due soon
    await make('2026-11-22', 'NC-CHILD-00001'); // yesterday: overdue
    await make('2026-12-22', 'NC-CHILD-00005'); // 29 days ahead: not yet due
    await make('2026-11-23', 'NC-CHILD-00002'); // today: due soon

    const list = await listSgoCasesForViewer(lister, { now: NOW });
    expect(list.cases.map((row) => [row.childReference, row.due])).toEqual([
      ['NC-CHILD-00001', 'overdue'],
      ['NC-CHILD-00002', 'dueSoon'],
      ['NC-CHILD-00004', 'dueSoon'],
      ['NC-CHILD-00005', 'notDue'],
    ]);
    expect(list).toMatchObject({ overdue: 1, dueSoon: 2 });
  });
});

describe('changing a case', () => {
  it('updates with an optimistic lock: the second of two edits from the same version is told', async () => {
    const opened = await openSgoCase(manager, direct, { now: NOW });
    const edit = { version: 0, supportPlan: 'Therapy funded', weeklyAllowancePence: 10_000, allowanceStartOn: '2026-06-01', nextReviewOn: '2027-05-01' };
    await updateSgoCase(manager, opened.id, edit, { now: NOW });
    const second = await submitSgoCaseForm(
      manager,
      opened.id,
      formOf({ intent: 'update', version: '0', 'nextReviewOn-day': '1', 'nextReviewOn-month': '4', 'nextReviewOn-year': '2027' }),
      { now: NOW },
    );
    expect(second).toMatchObject({ ok: false, status: 409 });
    expect(await prisma.sgoSupportCase.findUniqueOrThrow({ where: { id: opened.id }, select: { nextReviewOn: true, weeklyAllowancePence: true, version: true } })).toEqual({
      nextReviewOn: '2027-05-01',
      weeklyAllowancePence: 10_000,
      version: 1,
    });
  });

  it('keeps the allowance when a social worker edits the plan', async () => {
    const opened = await openSgoCase(manager, { ...direct, weeklyAllowancePence: 8000, allowanceStartOn: '2026-06-01' }, { now: NOW });
    await updateSgoCase(socialWorker, opened.id, { version: 0, supportPlan: 'Updated', weeklyAllowancePence: null, nextReviewOn: '2027-06-01' }, { now: NOW });
    expect(await prisma.sgoSupportCase.findUniqueOrThrow({ where: { id: opened.id }, select: { weeklyAllowancePence: true, supportPlan: true } })).toEqual({
      weeklyAllowancePence: 8000,
      supportPlan: 'Updated',
    });
  });

  it('logs contacts, newest first, and audits each read of the finances', async () => {
    const opened = await openSgoCase(manager, direct, { now: NOW });
    await logSgoContact(socialWorker, opened.id, { occurredOn: '2026-11-01', method: 'phone', summary: 'Checked in after the order' }, { now: NOW });
    await logSgoContact(socialWorker, opened.id, { occurredOn: '2026-11-20', method: 'visit', summary: 'Home visit' }, { now: NOW });
    await expect(logSgoContact(socialWorker, opened.id, { occurredOn: '2026-11-24', method: 'visit', summary: 'Future' }, { now: NOW })).rejects.toThrow(
      ValidationFailed,
    );

    const page = await getSgoCasePage(socialWorker, opened.id, { now: NOW });
    expect(page.contacts.map((contact) => [contact.occurredOn, contact.methodLabel])).toEqual([
      ['2026-11-20', 'Home visit'],
      ['2026-11-01', 'Phone call'],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: 'sgo.financeViewed', entityId: opened.id, actorId: socialWorker.userId } })).toBe(1);
  });
});

describe('access by role and council', () => {
  it('is for the council’s social workers and managers only; another council’s case is not found', async () => {
    const opened = await openSgoCase(manager, direct, { now: NOW });
    for (const role of ['mockingbirdLiaison', 'decisionMaker', 'panelAdviser', 'panelMember'] as const) {
      await expect(getSgoCasePage(await createViewer(role, 'derby-city'), opened.id, { now: NOW })).rejects.toBeInstanceOf(Forbidden);
    }
    for (const role of ['hubOfficer', 'hubManager', 'regionalViewer', 'administrator'] as const) {
      await expect(listSgoCasesForViewer(await createViewer(role), { now: NOW })).rejects.toBeInstanceOf(Forbidden);
    }
    const otherManager = await createViewer('fosteringManager', 'derbyshire');
    await expect(getSgoCasePage(otherManager, opened.id, { now: NOW })).rejects.toBeInstanceOf(NotFound);
    await expect(logSgoContact(otherManager, opened.id, { occurredOn: '2026-11-20', method: 'phone', summary: 'x' }, { now: NOW })).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});
