import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prisma } from '~/lib/db.server';
import { action, loader } from '~/routes/council.households.$householdId';
import { requestWithCookie, routeResult, sessionCookieFor } from '../auth/support';
import { createHousehold, createUser } from '../../support/factories';

// The References section of the council case page, driven through the route as the browser would post it.

// Tuesday 7 April 2026, 13:30 in London: the day after Easter Monday.
const NOW = new Date('2026-04-07T12:30:00Z');

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

function form(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

async function settle(run: () => Promise<unknown>) {
  try {
    return routeResult(await run());
  } catch (thrown) {
    return routeResult(thrown);
  }
}

function post(householdId: string, cookie: string, fields: Record<string, string>) {
  const request = requestWithCookie(`/council/households/${householdId}`, cookie, { method: 'POST', body: form(fields) });
  return settle(() => action({ request, params: { householdId }, context: {} }));
}

async function casePage(householdId: string, cookie: string, done?: string) {
  const request = requestWithCookie(`/council/households/${householdId}${done ? `?done=${done}` : ''}`, cookie);
  const result = await settle(() => loader({ request, params: { householdId }, context: {} }));
  expect(result.status).toBe(200);
  return result.body as Awaited<ReturnType<typeof loader>>;
}

async function derbyCase() {
  const household = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
  await prisma.person.create({ data: { householdId: household.id, role: 'applicant', firstName: 'Sam', lastName: 'Okafor' } });
  return household;
}

async function derbyWorker() {
  const user = await createUser({ role: 'socialWorker', councilId: 'derby-city', name: 'Alex Worker', email: `alex-${crypto.randomUUID()}@derby.example` });
  return { user, cookie: await sessionCookieFor(user.id) };
}

const redirectTo = (householdId: string, done: string) => `/council/households/${householdId}?done=${done}`;

describe('the References section of the case page', () => {
  it('requests a reference, corrects the referee’s address and resends, then records the reference received', async () => {
    const { user, cookie } = await derbyWorker();
    const household = await derbyCase();

    // A bad address comes back with what was typed.
    {
      const refused = await post(household.id, cookie, {
        intent: 'requestReference',
        type: 'personalReference',
        refereeName: 'Pat Jones',
        refereeEmail: 'pat.jones.example.test',
      });
      expect(refused).toMatchObject({
        status: 400,
        body: {
          form: 'requestReference',
          fieldErrors: { refereeEmail: 'Enter an email address in the correct format, like name@example.com' },
          values: { intent: 'requestReference', type: 'personalReference', refereeName: 'Pat Jones', refereeEmail: 'pat.jones.example.test' },
          conflict: null,
        },
      });
      expect(await prisma.stage1Check.count({ where: { householdId: household.id } })).toBe(0);
    }

    const requested = await post(household.id, cookie, {
      intent: 'requestReference',
      type: 'personalReference',
      refereeName: 'Pat Jones',
      refereeEmail: 'pat.jones@example.test',
    });
    expect(requested.status).toBe(302);
    expect(requested.headers.get('Location')).toBe(redirectTo(household.id, 'referenceRequested'));
    const check = await prisma.stage1Check.findFirstOrThrow({ where: { householdId: household.id } });
    expect(check).toMatchObject({ type: 'personalReference', refereeName: 'Pat Jones', refereeContact: 'pat.jones@example.test', requestedOn: '2026-04-07' });
    const firstRequest = await prisma.outboundEmail.findUniqueOrThrow({ where: { idempotencyKey: `reference-request/${check.id}` } });
    // 15 working days after Tuesday 7 April 2026 (Easter is already past): Tuesday 28 April 2026.
    expect(firstRequest).toMatchObject({ template: 'reference-request', to: 'pat.jones@example.test', householdId: household.id });
    expect(JSON.parse(firstRequest.propsJson)).toMatchObject({ refereeName: 'Pat Jones', applicantName: 'Sam Okafor', respondBy: '2026-04-28', contactName: 'Alex Worker' });

    let page = await casePage(household.id, cookie, 'referenceRequested');
    expect(page.notice).toBe('Reference requested. The referee has been emailed.');
    expect(page.references?.canRequest).toBe(true);
    expect(page.references?.requests).toEqual([
      {
        id: check.id,
        typeLabel: 'Personal reference',
        refereeName: 'Pat Jones',
        refereeEmail: 'pat.jones@example.test',
        requestedOn: '2026-04-07',
        remindedOn: null,
        receivedOn: null,
        dueOn: '2026-04-28',
        outcomeLabel: null,
        status: 'requested',
        open: true,
      },
    ]);

    const badCorrection = await post(household.id, cookie, { intent: 'correctRefereeEmail', checkId: check.id, refereeEmail: 'still wrong' });
    expect(badCorrection).toMatchObject({
      status: 400,
      body: { form: `correctRefereeEmail-${check.id}`, fieldErrors: { refereeEmail: 'Enter an email address in the correct format, like name@example.com' } },
    });

    const corrected = await post(household.id, cookie, { intent: 'correctRefereeEmail', checkId: check.id, refereeEmail: 'pat.jones@example.org' });
    expect(corrected.headers.get('Location')).toBe(redirectTo(household.id, 'refereeEmailCorrected'));
    expect(await prisma.stage1Check.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({ refereeContact: 'pat.jones@example.org', remindedOn: null });
    const resent = await prisma.outboundEmail.findUniqueOrThrow({ where: { idempotencyKey: `reference-request/${check.id}/2` } });
    expect(resent.to).toBe('pat.jones@example.org');

    const future = await post(household.id, cookie, {
      intent: 'recordReference',
      checkId: check.id,
      answer: 'received',
      'receivedOn-day': '8',
      'receivedOn-month': '4',
      'receivedOn-year': '2026',
      outcome: 'clear',
    });
    expect(future).toMatchObject({
      status: 400,
      body: { form: `recordReference-${check.id}`, fieldErrors: { receivedOn: 'The date must be today or in the past' } },
    });
    const noAnswer = await post(household.id, cookie, { intent: 'recordReference', checkId: check.id, 'receivedOn-day': '', 'receivedOn-month': '', 'receivedOn-year': '' });
    expect(noAnswer).toMatchObject({
      status: 400,
      body: { fieldErrors: { answer: 'Choose whether the referee gave a reference or declined' } },
    });

    const recorded = await post(household.id, cookie, {
      intent: 'recordReference',
      checkId: check.id,
      answer: 'received',
      'receivedOn-day': '7',
      'receivedOn-month': '4',
      'receivedOn-year': '2026',
      outcome: 'clear',
    });
    expect(recorded.headers.get('Location')).toBe(redirectTo(household.id, 'referenceRecorded'));
    expect(await prisma.stage1Check.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({ receivedOn: '2026-04-07', outcome: 'clear' });

    page = await casePage(household.id, cookie);
    expect(page.references?.requests).toMatchObject([
      { id: check.id, refereeEmail: 'pat.jones@example.org', status: 'received', receivedOn: '2026-04-07', outcomeLabel: 'Clear: nothing of concern', open: false },
    ]);
    const actions = await prisma.auditEvent.findMany({ where: { entity: 'Stage1Check', entityId: check.id }, select: { action: true, actorId: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(actions).toEqual([
      { action: 'reference.requested', actorId: user.id },
      { action: 'reference.emailCorrected', actorId: user.id },
      { action: 'reference.outcomeRecorded', actorId: user.id },
    ]);
  });

  it('records a declined reference, and will not resend to a referee who has answered', async () => {
    const { cookie } = await derbyWorker();
    const household = await derbyCase();
    await post(household.id, cookie, { intent: 'requestReference', type: 'employer', refereeName: 'Jo Boss', refereeEmail: 'jo@employer.example' });
    const check = await prisma.stage1Check.findFirstOrThrow({ where: { householdId: household.id } });

    const declined = await post(household.id, cookie, { intent: 'recordReference', checkId: check.id, answer: 'declined' });

    expect(declined.headers.get('Location')).toBe(redirectTo(household.id, 'referenceRecorded'));
    const page = await casePage(household.id, cookie);
    expect(page.references?.requests).toMatchObject([{ typeLabel: 'Employer', status: 'declined', receivedOn: null, outcomeLabel: null, open: false }]);
    const resend = await post(household.id, cookie, { intent: 'correctRefereeEmail', checkId: check.id, refereeEmail: 'jo@employer.example.org' });
    expect(resend).toMatchObject({
      status: 409,
      body: { form: `correctRefereeEmail-${check.id}`, conflict: 'This referee has already answered, so the request cannot be sent again.' },
    });
  });

  it('answers 404 for a reference of another household, and to another council’s worker', async () => {
    const { cookie } = await derbyWorker();
    const household = await derbyCase();
    const otherHousehold = await derbyCase();
    await post(otherHousehold.id, cookie, { intent: 'requestReference', type: 'employer', refereeName: 'Jo Boss', refereeEmail: 'jo@employer.example' });
    const otherCheck = await prisma.stage1Check.findFirstOrThrow({ where: { householdId: otherHousehold.id } });

    const crossed = await post(household.id, cookie, { intent: 'recordReference', checkId: otherCheck.id, answer: 'declined' });
    expect(crossed.status).toBe(404);

    const nottingham = await createUser({ role: 'socialWorker', councilId: 'nottingham-city' });
    const outsider = await post(household.id, await sessionCookieFor(nottingham.id), {
      intent: 'requestReference',
      type: 'employer',
      refereeName: 'Jo Boss',
      refereeEmail: 'jo@employer.example',
    });
    expect(outsider.status).toBe(404);
    expect(await prisma.stage1Check.findUniqueOrThrow({ where: { id: otherCheck.id } })).toMatchObject({ outcome: null });
    expect(await prisma.stage1Check.count({ where: { householdId: household.id } })).toBe(0);
  });

  it('keeps the council’s Mockingbird liaison, who sees no assessment content, out of the page and its forms', async () => {
    const liaison = await createUser({ role: 'mockingbirdLiaison', councilId: 'derby-city' });
    const household = await derbyCase();
    const cookie = await sessionCookieFor(liaison.id);

    const page = await settle(() =>
      loader({ request: requestWithCookie(`/council/households/${household.id}`, cookie), params: { householdId: household.id }, context: {} }),
    );
    const posted = await post(household.id, cookie, { intent: 'requestReference', type: 'employer', refereeName: 'Jo Boss', refereeEmail: 'jo@employer.example' });

    expect([page.status, posted.status]).toEqual([404, 404]);
    expect(await prisma.stage1Check.count({ where: { householdId: household.id } })).toBe(0);
  });
});
