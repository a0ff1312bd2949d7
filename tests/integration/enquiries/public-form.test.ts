import { randomUUID } from 'node:crypto';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import * as enquire from '~/routes/_public.enquire';
import * as received from '~/routes/_public.enquire_.received';
import * as topicPage from '~/routes/_public.fostering.$topic';
import { cookiePairFrom, postForm, requestWithCookie, routeResult } from '../auth/support';

// The public enquiry form through its loader and action, as a browser without a session reaches it. The rate limit
// is kept per address in memory for the whole file, so every test posts from its own address.

function args(request: Request, clientIp: string, params: Record<string, string> = {}) {
  return { request, params, context: { clientIp } } as LoaderFunctionArgs & ActionFunctionArgs;
}

async function answer(run: () => unknown) {
  try {
    return routeResult(await run());
  } catch (thrown) {
    return routeResult(thrown);
  }
}

let addressCounter = 0;
/** A fresh documentation address (RFC 5737) per test. */
function newAddress() {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

function enquiryFields(overrides: Record<string, string> = {}) {
  const tag = randomUUID().slice(0, 8);
  return {
    firstName: 'Grace',
    lastName: `Adeyemi-${tag}`,
    otherAdults: '0',
    children: '1',
    email: `grace-${tag}@example.test`,
    phone: '',
    preferredContactTime: 'evening',
    postcode: 'de1 2fs',
    interests: 'teenagers',
    source: 'socialMedia',
    consentToContact: 'yes',
    website: '',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

const post = (fields: Record<string, string>, clientIp: string) => answer(() => enquire.action(args(postForm('/enquire', fields), clientIp)));
const householdsWithEmail = (email: string) => prisma.household.count({ where: { email } });

describe('the public enquiry form', () => {
  it('gives each page a fresh idempotency key in a hidden field', () => {
    const first = enquire.loader();
    const second = enquire.loader();
    expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
  });

  it('creates one household from the website form, queues the acknowledgement and shows the reference', async () => {
    const fields = enquiryFields();
    const result = await post(fields, newAddress());

    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/enquire/received');
    const household = await prisma.household.findFirstOrThrow({
      where: { email: fields.email },
      select: { id: true, reference: true, channel: true, origin: true, postcode: true, councilId: true, outsideArea: true },
    });
    expect(household).toMatchObject({ channel: 'webForm', origin: 'enquiry', postcode: 'DE1 2FS', councilId: 'derby-city', outsideArea: false });
    expect(await prisma.outboundEmail.count({ where: { householdId: household.id, template: 'enquiry-received', to: fields.email } })).toBe(1);

    const cookie = cookiePairFrom(result.headers.get('Set-Cookie') ?? '');
    const page = await received.loader(args(requestWithCookie('/enquire/received', cookie), 'n/a'));
    expect(page.confirmation).toEqual({ reference: household.reference, outsideArea: false });
  });

  it('makes one household when the same page is posted twice', async () => {
    const fields = enquiryFields();
    const address = newAddress();
    const first = await post(fields, address);
    const second = await post(fields, address);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(await householdsWithEmail(fields.email)).toBe(1);
  });

  it('makes one household when the same page is posted 20 times at once', async () => {
    const fields = enquiryFields();
    const address = newAddress();
    const results = await Promise.all(Array.from({ length: 20 }, () => post(fields, address)));
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(302));
    expect(await householdsWithEmail(fields.email)).toBe(1);
  });

  it('sends a filled-in honeypot to the normal confirmation and stores nothing', async () => {
    const fields = enquiryFields({ website: 'http://spam.example' });
    const before = await prisma.household.count();

    const result = await post(fields, newAddress());

    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/enquire/received');
    expect(result.headers.get('Set-Cookie')).toBeNull();
    expect(await prisma.household.count()).toBe(before);
    const page = await received.loader(args(requestWithCookie('/enquire/received', null), 'n/a'));
    expect(page.confirmation).toBeNull();
  });

  it('answers the 6th enquiry from one address within ten minutes with 429, Retry-After and the answers kept', async () => {
    const address = newAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await post(enquiryFields(), address)).status).toBe(302);
    }
    const sixth = enquiryFields({ firstName: 'Sixth' });

    const result = await post(sixth, address);

    expect(result.status).toBe(429);
    const retryAfter = Number(result.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(result.body).toMatchObject({ values: { firstName: 'Sixth', email: sixth.email, postcode: 'de1 2fs' }, retryAfterMinutes: 10 });
    expect(await householdsWithEmail(sixth.email)).toBe(0);
    // Another address still gets through.
    expect((await post(enquiryFields(), newAddress())).status).toBe(302);
  });

  it('does not count a resubmitted page against the limit', async () => {
    const address = newAddress();
    const fields = enquiryFields();
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect((await post(fields, address)).status).toBe(302);
    }
    expect(await householdsWithEmail(fields.email)).toBe(1);
  });

  it('saves an enquiry from outside the four councils and tells the person who to contact instead', async () => {
    const fields = enquiryFields({ postcode: 'SW1A 1AA' });
    const result = await post(fields, newAddress());

    expect(result.status).toBe(302);
    const household = await prisma.household.findFirstOrThrow({ where: { email: fields.email }, select: { reference: true, outsideArea: true, councilId: true } });
    expect(household).toEqual({ reference: expect.stringMatching(/^FFEM-\d{4}-\d{6}$/), outsideArea: true, councilId: null });
    const cookie = cookiePairFrom(result.headers.get('Set-Cookie') ?? '');
    const page = await received.loader(args(requestWithCookie('/enquire/received', cookie), 'n/a'));
    expect(page.confirmation).toEqual({ reference: household.reference, outsideArea: true });
  });

  it('ignores a confirmation cookie that was tampered with', async () => {
    const result = await post(enquiryFields(), newAddress());
    const [name, value] = cookiePairFrom(result.headers.get('Set-Cookie') ?? '').split('=');
    const forged = `${name}=${value.slice(0, -3)}abc`;
    const page = await received.loader(args(requestWithCookie('/enquire/received', forged), 'n/a'));
    expect(page.confirmation).toBeNull();
  });

  it('answers 400 with field errors and keeps everything typed, storing nothing', async () => {
    // No box ticked: a browser sends no `interests` at all.
    const { interests: _unticked, ...fields } = enquiryFields({
      firstName: '<script>alert(1)</script>',
      lastName: 'x'.repeat(10_000),
      postcode: 'nowhere',
      consentToContact: '',
    });
    const before = await prisma.household.count();

    const result = await post(fields, newAddress());

    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      fieldErrors: {
        lastName: 'Last name must be 100 characters or fewer',
        postcode: 'Enter a full UK postcode, like DE1 2AA',
        interests: 'Select at least one kind of fostering',
        consentToContact: 'Confirm agreement to be contacted about fostering',
      },
      values: { firstName: '<script>alert(1)</script>', lastName: 'x'.repeat(10_000), postcode: 'nowhere', email: fields.email },
    });
    expect(await prisma.household.count()).toBe(before);
  });

  it.each(['childrensSocialCare', 'notAListedSource'])(
    'refuses a forged post with the source %s, which the form does not offer, and stores nothing',
    async (source) => {
      const fields = enquiryFields({ source });

      const result = await post(fields, newAddress());

      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({
        fieldErrors: { source: 'Select where you heard about us' },
        values: { source, email: fields.email },
      });
      expect(await householdsWithEmail(fields.email)).toBe(0);
    },
  );

  it('stores HTML typed into a field as text', async () => {
    const fields = enquiryFields({ firstName: '<b>Grace</b>' });
    await post(fields, newAddress());
    const person = await prisma.person.findFirstOrThrow({ where: { email: fields.email }, select: { firstName: true } });
    expect(person.firstName).toBe('<b>Grace</b>');
  });
});

describe('the fostering topic pages', () => {
  it.each(['derby-city', 'derbyshire', 'nottingham-city', 'nottinghamshire', 'training-and-support', 'mockingbird', 'kinship-carers', 'faq'])(
    'serves /fostering/%s',
    async (slug) => {
      const result = await answer(() => topicPage.loader(args(requestWithCookie(`/fostering/${slug}`, null), 'n/a', { topic: slug })));
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ topic: { slug } });
    },
  );

  it('answers 404 for a topic it does not have', async () => {
    const result = await answer(() => topicPage.loader(args(requestWithCookie('/fostering/adoption', null), 'n/a', { topic: 'adoption' })));
    expect(result.status).toBe(404);
  });
});
