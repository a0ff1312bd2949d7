import { describe, expect, test } from 'vitest';
import {
  PIPELINE_EVENT_SCHEMAS,
  PIPELINE_EVENT_TYPES,
  eventSchemaFor,
  payloadFactsOf,
  type PayloadFacts,
} from '~/modules/pipeline/events';

const beforeApplication: PayloadFacts = { route: 'mainstream', applicationMade: false };
const afterApplication: PayloadFacts = { route: 'mainstream', applicationMade: true };
const kinship: PayloadFacts = { route: 'kinship', applicationMade: false };
const on = '2026-04-07';

const accepts = (type: Parameters<typeof eventSchemaFor>[0], facts: PayloadFacts, payload: object) =>
  eventSchemaFor(type, facts).safeParse({ type, occurredOn: on, ...payload }).success;

describe('event payloads', () => {
  test('every event type has a schema keyed by its own type', () => {
    for (const type of PIPELINE_EVENT_TYPES) {
      expect(PIPELINE_EVENT_SCHEMAS[type].shape.type.value).toBe(type);
    }
  });

  test('occurredOn must be a real calendar date', () => {
    expect(accepts('CONTACT_MADE', beforeApplication, {})).toBe(true);
    expect(eventSchemaFor('CONTACT_MADE', beforeApplication).safeParse({ type: 'CONTACT_MADE', occurredOn: '2026-02-30' }).success).toBe(false);
    expect(eventSchemaFor('CONTACT_MADE', beforeApplication).safeParse({ type: 'CONTACT_MADE', occurredOn: '7/4/2026' }).success).toBe(false);
    expect(eventSchemaFor('CONTACT_MADE', beforeApplication).safeParse({ type: 'CONTACT_MADE' }).success).toBe(false);
  });

  test('payloadFactsOf reads the route and whether an application was received', () => {
    expect(payloadFactsOf({ route: 'mainstream', applicationReceivedOn: null })).toEqual(beforeApplication);
    expect(payloadFactsOf({ route: 'mainstream', applicationReceivedOn: '2026-01-15' })).toEqual(afterApplication);
  });
});

describe('WITHDRAW', () => {
  test('after an application it needs an Ofsted AW code', () => {
    expect(accepts('WITHDRAW', afterApplication, { reasonCode: 'FINANCES' })).toBe(false);
    expect(accepts('WITHDRAW', afterApplication, { reasonCode: 'FINANCES', awCode: 'AW4' })).toBe(true);
    expect(accepts('WITHDRAW', afterApplication, { reasonCode: 'FINANCES', awCode: 'AW9' })).toBe(false);
  });

  test('before an application it must not carry one', () => {
    expect(accepts('WITHDRAW', beforeApplication, { reasonCode: 'NOT_NOW' })).toBe(true);
    expect(accepts('WITHDRAW', beforeApplication, { reasonCode: 'NOT_NOW', awCode: 'AW0' })).toBe(false);
  });

  test("only the person's own reasons are withdrawals", () => {
    expect(accepts('WITHDRAW', beforeApplication, { reasonCode: 'NO_CONTACT' })).toBe(false);
    expect(accepts('WITHDRAW', beforeApplication, {})).toBe(false);
  });
});

describe('CLOSE', () => {
  test('enquiry-stage reasons only before an application', () => {
    expect(accepts('CLOSE', beforeApplication, { reasonCode: 'NO_CONTACT' })).toBe(true);
    expect(accepts('CLOSE', afterApplication, { reasonCode: 'NO_CONTACT' })).toBe(false);
    expect(accepts('CLOSE', afterApplication, { reasonCode: 'SAFEGUARDING' })).toBe(true);
  });

  test('kinship exits only on the kinship route', () => {
    expect(accepts('CLOSE', kinship, { reasonCode: 'SGO_GRANTED' })).toBe(true);
    expect(accepts('CLOSE', beforeApplication, { reasonCode: 'SGO_GRANTED' })).toBe(false);
    expect(accepts('CLOSE', kinship, { reasonCode: 'NO_SPARE_ROOM' })).toBe(false);
  });

  test('refusals at Stage 1 and by the ADM have their own events, so CLOSE does not take them', () => {
    expect(accepts('CLOSE', afterApplication, { reasonCode: 'STAGE1_NOT_SUITABLE' })).toBe(false);
    expect(accepts('CLOSE', afterApplication, { reasonCode: 'NOT_APPROVED' })).toBe(false);
  });

  test('signposting records where to, and service decisions record why', () => {
    expect(accepts('CLOSE', beforeApplication, { reasonCode: 'OUTSIDE_AREA_SIGNPOSTED' })).toBe(false);
    expect(accepts('CLOSE', beforeApplication, { reasonCode: 'OUTSIDE_AREA_SIGNPOSTED', signpostedTo: 'Leicestershire fostering' })).toBe(true);
    expect(accepts('CLOSE', beforeApplication, { reasonCode: 'COUNSELLED_OUT' })).toBe(false);
    expect(accepts('CLOSE', beforeApplication, { reasonCode: 'COUNSELLED_OUT', reason: 'No spare room until 2027' })).toBe(true);
    expect(accepts('CLOSE', beforeApplication, { reasonCode: 'NOT_PROGRESSED', reason: '  ' })).toBe(false);
  });
});

describe('letters, dates and terms', () => {
  test('a Stage 1 refusal and a qualifying determination need a letter date and a reason', () => {
    expect(accepts('STAGE1_NOT_SUITABLE', afterApplication, { reason: 'Concerns' })).toBe(false);
    expect(accepts('STAGE1_NOT_SUITABLE', afterApplication, { reason: 'Concerns', letterOn: on })).toBe(true);
    expect(accepts('PROPOSE_NOT_TO_APPROVE', afterApplication, { letterOn: on })).toBe(false);
  });

  test('a hold needs a reason and an expected resume date', () => {
    expect(accepts('HOLD', beforeApplication, { reason: 'Moving house' })).toBe(false);
    expect(accepts('HOLD', beforeApplication, { reason: 'Moving house', expectedResumeOn: '2026-09-01' })).toBe(true);
  });

  const terms = { approvalType: 'mainstream', numberOfChildren: 2, minAge: 0, maxAge: 11, placementKinds: ['shortTerm'] };

  test('approval needs terms with a sensible age range and at least one kind of placement', () => {
    expect(accepts('APPROVE', afterApplication, {})).toBe(false);
    expect(accepts('APPROVE', afterApplication, { terms })).toBe(true);
    expect(accepts('APPROVE', afterApplication, { terms: { ...terms, minAge: 12, maxAge: 11 } })).toBe(false);
    expect(accepts('APPROVE', afterApplication, { terms: { ...terms, placementKinds: [] } })).toBe(false);
    expect(accepts('APPROVE', afterApplication, { terms: { ...terms, numberOfChildren: 0 } })).toBe(false);
  });

  test('a kinship approval names the child', () => {
    const kinshipTerms = { ...terms, approvalType: 'kinship' };
    expect(accepts('APPROVE', kinship, { terms: kinshipTerms })).toBe(false);
    expect(accepts('APPROVE', kinship, { terms: { ...kinshipTerms, namedChildren: ['DCC-123456'] } })).toBe(true);
  });
});
