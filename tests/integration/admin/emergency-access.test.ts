import type { ActionFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import type { Role } from '~/modules/auth/roles';
import { createSession } from '~/modules/auth/sessions.server';
import { EMERGENCY_ACCESS_ACTION, openEmergencyAccess } from '~/modules/carers-admin/emergency-access.server';
import { action } from '~/routes/admin.records';
import { createHousehold, createUser, createViewer } from '../../support/factories';

// Emergency access (DOMAIN.md §1.3): an administrator reads an approved household's record only with a reason, and
// every read leaves an audit row; nobody else may use the page.

let reference = '';
let approvalId = '';
let householdId = '';
const cookies = new Map<Role, string>();

beforeAll(async () => {
  const household = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'approved', displayName: 'Okafor household' });
  const approval = await prisma.approval.create({
    data: { householdId: household.id, councilId: 'derby-city', approvalType: 'mainstream', approvedOn: '2025-06-02' },
  });
  await prisma.approvalTerms.create({
    data: { approvalId: approval.id, effectiveFrom: '2025-06-02', numberOfChildren: 2, minAge: 0, maxAge: 11, placementKinds: 'emergency,shortTerm' },
  });
  await prisma.sgoSupportCase.create({
    data: { councilId: 'derby-city', householdId: household.id, reference: 'SGO-TEST-0001', guardianDisplayName: 'Okafor', childReference: 'C-1', orderDate: '2026-02-01', formerCarerStatus: 'ourFosterCarer' },
  });
  reference = household.reference;
  approvalId = approval.id;
  householdId = household.id;
  for (const role of ['administrator', 'socialWorker'] as const) {
    const user = await createUser({ role, councilId: role === 'socialWorker' ? 'derby-city' : null });
    cookies.set(role, (await createSession(prisma, user.id, 'vitest')).split(';')[0]);
  }
});

function post(role: Role, fields: Record<string, string>): ActionFunctionArgs {
  return {
    request: new Request('http://localhost:3000/admin/records', {
      method: 'POST',
      headers: { Cookie: cookies.get(role) ?? '', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    }),
    params: {},
    context: {},
  };
}

type Answer = { type: string; data: { fieldErrors: Record<string, string>; values: Record<string, string>; view: unknown }; init: ResponseInit | null };
const asAnswer = (value: unknown) => value as Answer;
const emergencyRows = () => prisma.auditEvent.findMany({ where: { action: EMERGENCY_ACCESS_ACTION }, orderBy: { at: 'asc' } });

describe('emergency access to a carer record', () => {
  it('asks for a reason first, shows nothing and writes no audit row without one', async () => {
    const answer = asAnswer(await action(post('administrator', { reference, reason: '   ' })));
    expect(answer.init?.status).toBe(400);
    expect(answer.data.fieldErrors).toEqual({ reason: 'Enter why you need emergency access to this record' });
    expect(answer.data.values.reference).toBe(reference);
    expect(answer.data.view).toBeNull();
    expect(await emergencyRows()).toHaveLength(0);
  });

  it('shows the record to an administrator with a reason, and audits the view with that reason', async () => {
    const reason = 'Derby City out-of-hours team cannot reach their system; child placed tonight';
    const answer = await action(post('administrator', { reference: ` ${reference} `, reason }));
    const view = (answer as { view: Awaited<ReturnType<typeof openEmergencyAccess>> }).view;
    if (!view?.ok) throw new Error('expected the record');
    expect(view.record.household.reference).toBe(reference);
    expect(view.record.approval.councilName).toBe('Derby City Council');
    expect(view.record.terms.map((terms) => [terms.numberOfChildren, terms.minAge, terms.maxAge])).toEqual([[2, 0, 11]]);
    expect(view.sgoCases.map((supportCase) => supportCase.reference)).toEqual(['SGO-TEST-0001']);
    expect(view.memberships).toEqual([]);

    const rows = await emergencyRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'Approval', entityId: approvalId, councilId: 'derby-city', actorRole: 'administrator' });
    expect(JSON.parse(rows[0].afterJson ?? '{}')).toEqual({ householdId, reference, reason });
  });

  it('audits every view, not just the first', async () => {
    await action(post('administrator', { reference, reason: 'Second look for the serious incident review' }));
    expect((await emergencyRows()).map((row) => JSON.parse(row.afterJson ?? '{}').reason)).toEqual([
      'Derby City out-of-hours team cannot reach their system; child placed tonight',
      'Second look for the serious incident review',
    ]);
  });

  it('refuses an unknown reference with a field error and writes nothing', async () => {
    const answer = asAnswer(await action(post('administrator', { reference: 'FFEM-1999-000001', reason: 'Checking' })));
    expect(answer.init?.status).toBe(400);
    expect(answer.data.fieldErrors).toEqual({ reference: 'No approved household has this reference. Check it and try again' });
    expect(answer.data.values).toEqual({ reference: 'FFEM-1999-000001', reason: 'Checking' });
    expect(await emergencyRows()).toHaveLength(2);
  });

  it('refuses a household that was never approved', async () => {
    const enquiry = await createHousehold({ councilId: 'derby-city', stage: 'enquiry.received' });
    const answer = asAnswer(await action(post('administrator', { reference: enquiry.reference, reason: 'Checking' })));
    expect(answer.data.fieldErrors.reference).toBe('No approved household has this reference. Check it and try again');
  });

  it('refuses a non-administrator, even one of the household’s own council', async () => {
    let thrown: unknown;
    try {
      await action(post('socialWorker', { reference, reason: 'Curious' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof Response ? thrown.status : asAnswer(thrown).init?.status).toBe(403);
    const worker = await createViewer('socialWorker', 'derby-city');
    await expect(openEmergencyAccess(worker, { reference, reason: 'Curious' }, { today: '2026-11-23' })).rejects.toBeInstanceOf(Forbidden);
    expect(await emergencyRows()).toHaveLength(2);
  });
});
