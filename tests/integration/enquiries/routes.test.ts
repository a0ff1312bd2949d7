import { randomUUID } from 'node:crypto';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import * as councilKinshipNew from '~/routes/council.kinship.new';
import * as hubEnquiriesNew from '~/routes/hub.enquiries.new';
import * as hubMerge from '~/routes/hub.households.$householdId_.merge';
import { createHousehold, createUser } from '../../support/factories';
import { postForm, requestWithCookie, routeResult, sessionCookieFor } from '../auth/support';

// The three pages through their loaders and actions, as a signed-in person reaches them.

async function signedIn(role: Parameters<typeof createUser>[0]['role'], councilId: string | null = null) {
  const user = await createUser({ role, councilId });
  return sessionCookieFor(user.id);
}

async function answer(run: () => unknown) {
  try {
    return routeResult(await run());
  } catch (thrown) {
    return routeResult(thrown);
  }
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as LoaderFunctionArgs & ActionFunctionArgs;

function enquiryFields(tag: string) {
  return {
    channel: 'phone',
    'receivedOn-day': '1',
    'receivedOn-month': '4',
    'receivedOn-year': '2026',
    source: 'localRadio',
    firstName: 'Priya',
    lastName: `Shah-${tag}`,
    email: `priya-${tag}@example.test`,
    postcode: 'NG7 2RD',
    interests: 'shortBreaks',
    consentToContact: 'yes',
    idempotencyKey: randomUUID(),
  };
}

describe('hub.enquiries.new', () => {
  it('saves an enquiry and opens its case page; the same page posted again opens the same case', async () => {
    const cookie = await signedIn('hubOfficer');
    const fields = enquiryFields(randomUUID().slice(0, 8));

    const first = await answer(() => hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', fields, cookie))));
    const again = await answer(() => hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', fields, cookie))));

    const household = await prisma.household.findFirstOrThrow({ where: { email: fields.email } });
    expect(first).toMatchObject({ status: 302 });
    expect(first.headers.get('Location')).toBe(`/hub/households/${household.id}`);
    expect(again.headers.get('Location')).toBe(`/hub/households/${household.id}`);
    expect(await prisma.household.count({ where: { email: fields.email } })).toBe(1);
  });

  it('sends staff to the possible duplicates when there are some', async () => {
    const cookie = await signedIn('hubManager');
    const fields = enquiryFields(randomUUID().slice(0, 8));
    await hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', fields, cookie)));

    const second = await answer(() =>
      hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', { ...fields, idempotencyKey: randomUUID() }, cookie))),
    );
    const newest = await prisma.household.findFirstOrThrow({ where: { email: fields.email }, orderBy: { reference: 'desc' } });
    expect(second.headers.get('Location')).toBe(`/hub/households/${newest.id}/merge?new=1`);
  });

  it('answers 400 with every message and everything typed when answers are wrong, and saves nothing', async () => {
    const cookie = await signedIn('hubOfficer');
    const fields = { ...enquiryFields('bad'), postcode: 'nowhere', firstName: '<b>Priya</b>', 'receivedOn-year': '2099' };
    const before = await prisma.household.count();

    const result = await answer(() => hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', fields, cookie))));

    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      fieldErrors: { postcode: 'Enter a full UK postcode, like DE1 2AA' },
      values: { firstName: '<b>Priya</b>', postcode: 'nowhere' },
    });
    const futureOnly = await answer(() =>
      hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', { ...fields, postcode: 'NG7 2RD' }, cookie))),
    );
    expect(futureOnly).toMatchObject({
      status: 400,
      body: { fieldErrors: { receivedOn: 'The date the enquiry was received must be today or in the past' }, values: { 'receivedOn-year': '2099' } },
    });
    expect(await prisma.household.count()).toBe(before);
  });

  it('is not open to council staff', async () => {
    const cookie = await signedIn('fosteringManager', 'derby-city');
    expect((await answer(() => hubEnquiriesNew.loader(args(requestWithCookie('/hub/enquiries/new', cookie))))).status).toBe(403);
  });
});

describe('hub.households.$householdId_.merge', () => {
  it('answers 404 for a household handed over to a council, or one that does not exist', async () => {
    const cookie = await signedIn('hubOfficer');
    const handedOver = await createHousehold({ councilId: 'derbyshire', allocatedCouncilId: 'derbyshire', stage: 'assessment.stage1' });
    for (const householdId of [handedOver.id, 'no-such-household']) {
      const request = requestWithCookie(`/hub/households/${householdId}/merge`, cookie);
      expect((await answer(() => hubMerge.loader(args(request, { householdId })))).status).toBe(404);
    }
  });

  it('asks for confirmation before it merges, then merges and opens the kept record', async () => {
    const cookie = await signedIn('hubOfficer');
    const fields = enquiryFields(randomUUID().slice(0, 8));
    await hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', fields, cookie)));
    await hubEnquiriesNew.action(args(postForm('/hub/enquiries/new', { ...fields, idempotencyKey: randomUUID() }, cookie)));
    const [older, newer] = await prisma.household.findMany({ where: { email: fields.email }, orderBy: { reference: 'asc' } });
    const path = `/hub/households/${newer.id}/merge`;
    const choice = { otherId: older.id, keep: 'other', reason: 'Rang back the next day' };

    const check = await answer(() => hubMerge.action(args(postForm(path, { ...choice, intent: 'check' }, cookie), { householdId: newer.id })));
    expect(check).toMatchObject({ status: 200, body: { confirm: choice } });
    expect(await prisma.household.findUniqueOrThrow({ where: { id: newer.id } })).toMatchObject({ stage: 'enquiry.received' });

    const confirm = await answer(() => hubMerge.action(args(postForm(path, { ...choice, intent: 'confirm' }, cookie), { householdId: newer.id })));
    expect(confirm.status).toBe(302);
    expect(confirm.headers.get('Location')).toBe(`/hub/households/${older.id}`);
    expect(await prisma.household.findUniqueOrThrow({ where: { id: newer.id } })).toMatchObject({ stage: 'closed', closedReason: 'DUPLICATE' });
  });
});

describe('council.kinship.new', () => {
  it('saves a referral owned by the worker’s council and opens it on the council case page', async () => {
    const cookie = await signedIn('socialWorker', 'derby-city');
    const childReference = `DC-CHILD-${randomUUID().slice(0, 6)}9`;
    const fields = { firstName: 'Ruth', lastName: 'Adeyemi', phone: '01332640000', relationship: 'Aunt', childReference, idempotencyKey: randomUUID() };

    const result = await answer(() => councilKinshipNew.action(args(postForm('/council/kinship/new', fields, cookie))));

    const details = await prisma.kinshipDetails.findFirstOrThrow({ where: { childReference }, include: { household: true } });
    expect(result.headers.get('Location')).toBe(`/council/households/${details.householdId}`);
    expect(details.household).toMatchObject({ route: 'kinship', councilId: 'derby-city', allocatedCouncilId: 'derby-city' });
  });

  it('is refused to council roles that do not hold cases, and to the hub', async () => {
    for (const cookie of [await signedIn('panelAdviser', 'derby-city'), await signedIn('hubOfficer')]) {
      expect((await answer(() => councilKinshipNew.loader(args(requestWithCookie('/council/kinship/new', cookie))))).status).toBe(403);
    }
  });
});
