import { describe, expect, it } from 'vitest';
import { asksForCouncil, eventFormFields, eventFromForm, type EventFormContext } from '~/modules/pipeline/event-form';
import { PIPELINE_EVENT_TYPES } from '~/modules/pipeline/events';

const councils = [
  { value: 'derby-city', label: 'Derby City Council' },
  { value: 'nottinghamshire', label: 'Nottinghamshire County Council' },
];
const beforeApplication: EventFormContext = { facts: { route: 'mainstream', applicationMade: false }, councils, allocatedCouncilId: null };
const afterApplication: EventFormContext = { facts: { route: 'mainstream', applicationMade: true }, councils, allocatedCouncilId: 'derby-city' };
const kinship: EventFormContext = { facts: { route: 'kinship', applicationMade: false }, councils, allocatedCouncilId: 'derby-city' };

function form(fields: Record<string, string | string[]>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) formData.append(name, entry);
  }
  return formData;
}

const TODAY = { 'occurredOn-day': '7', 'occurredOn-month': '4', 'occurredOn-year': '2026' };

describe('eventFormFields', () => {
  it('has an input for every field of every event, with the date it happened first', () => {
    for (const context of [beforeApplication, afterApplication, kinship]) {
      for (const type of PIPELINE_EVENT_TYPES) {
        expect(eventFormFields(type, context)[0]).toMatchObject({ kind: 'date', name: 'occurredOn' });
      }
    }
  });

  it('asks a transfer out for the kind and name of the receiving service, and reads them into the event', () => {
    expect(eventFormFields('TRANSFER_OUT', afterApplication).map((field) => [field.name, field.kind])).toEqual([
      ['occurredOn', 'date'],
      ['receivingServiceKind', 'radios'],
      ['receivingServiceName', 'text'],
      ['reason', 'textarea'],
    ]);
    expect(eventFromForm('TRANSFER_OUT', form({ ...TODAY, receivingServiceKind: 'independentAgency', receivingServiceName: 'Midlands Family Fostering' }), afterApplication)).toMatchObject({
      ok: true,
      event: { type: 'TRANSFER_OUT', occurredOn: '2026-04-07', receivingServiceKind: 'independentAgency', receivingServiceName: 'Midlands Family Fostering' },
    });
    expect(eventFromForm('TRANSFER_OUT', form({ ...TODAY, receivingServiceName: 'Leicester City Council' }), afterApplication)).toMatchObject({
      ok: false,
      fieldErrors: { receivingServiceKind: 'Choose the kind of fostering service' },
    });
  });

  it('offers only the closure reasons the stage accepts', () => {
    const reasonsBefore = eventFormFields('CLOSE', beforeApplication).find((field) => field.name === 'reasonCode');
    const reasonsAfter = eventFormFields('CLOSE', afterApplication).find((field) => field.name === 'reasonCode');
    expect(reasonsBefore?.kind === 'select' && reasonsBefore.options.map((option) => option.value)).toContain('NO_CONTACT');
    // DOMAIN.md §2.5: once an application exists, the service closes a case only for safeguarding or a duplicate.
    expect(reasonsAfter?.kind === 'select' && reasonsAfter.options.map((option) => option.value)).toEqual(['DUPLICATE', 'SAFEGUARDING']);
  });

  it('asks for an Ofsted AW code on a withdrawal only after an application', () => {
    const names = (context: EventFormContext) => eventFormFields('WITHDRAW', context).map((field) => field.name);
    expect(names(beforeApplication)).not.toContain('awCode');
    expect(names(afterApplication)).toContain('awCode');
  });

  it('leaves the council a case already sits with out of the reallocation choices', () => {
    const choice = eventFormFields('REALLOCATE', afterApplication).find((field) => field.name === 'toCouncilId');
    expect(choice?.kind === 'select' && choice.options.map((option) => option.value)).toEqual(['nottinghamshire']);
  });
});

describe('asksForCouncil', () => {
  it('is true for exactly the events whose form offers the councils, so the case page loads them only then', () => {
    const offersCouncils = (type: (typeof PIPELINE_EVENT_TYPES)[number]) =>
      eventFormFields(type, beforeApplication).some(
        (field) => field.kind === 'select' && field.options.some((option) => option.value === 'nottinghamshire'),
      );

    expect(PIPELINE_EVENT_TYPES.filter(asksForCouncil)).toEqual(['ALLOCATION_PROPOSED', 'REALLOCATE']);
    for (const type of PIPELINE_EVENT_TYPES) expect(asksForCouncil(type), type).toBe(offersCouncils(type));
  });
});

describe('eventFromForm', () => {
  it('builds approval terms from the inputs', () => {
    const parsed = eventFromForm(
      'APPROVE',
      form({
        ...TODAY,
        'terms.approvalType': 'mainstream',
        'terms.numberOfChildren': '2',
        'terms.minAge': '0',
        'terms.maxAge': '11',
        'terms.placementKinds': ['shortTerm', 'emergency'],
      }),
      afterApplication,
    );
    expect(parsed).toMatchObject({
      ok: true,
      event: {
        type: 'APPROVE',
        occurredOn: '2026-04-07',
        terms: { approvalType: 'mainstream', numberOfChildren: 2, minAge: 0, maxAge: 11, placementKinds: ['shortTerm', 'emergency'], specialisms: [] },
      },
    });
  });

  it('reports inputs that are not what they should be, keyed by input name', () => {
    const parsed = eventFromForm(
      'APPROVE',
      form({ 'occurredOn-day': '', 'occurredOn-month': '', 'occurredOn-year': '', 'terms.numberOfChildren': 'two', 'terms.minAge': '0', 'terms.maxAge': '19', 'terms.approvalType': 'mainstream' }),
      afterApplication,
    );
    expect(parsed).toMatchObject({
      ok: false,
      fieldErrors: {
        occurredOn: 'Enter the date it happened',
        'terms.numberOfChildren': 'Enter the number of children as a whole number, like 2',
        'terms.maxAge': 'The oldest age must be between 0 and 18',
        'terms.placementKinds': 'Choose at least one kind of placement',
      },
    });
  });

  it('refuses a council that was not offered, and leaves an empty optional reason out', () => {
    expect(eventFromForm('ALLOCATION_PROPOSED', form({ ...TODAY, councilId: 'atlantis' }), beforeApplication)).toMatchObject({
      ok: false,
      fieldErrors: { councilId: 'Choose a council' },
    });
    expect(eventFromForm('CLOSE', form({ ...TODAY, reasonCode: 'NO_CONTACT', reason: ' ', signpostedTo: '' }), beforeApplication)).toEqual({
      ok: true,
      event: { type: 'CLOSE', occurredOn: '2026-04-07', reasonCode: 'NO_CONTACT' },
      values: { ...TODAY, reasonCode: 'NO_CONTACT', reason: ' ', signpostedTo: '' },
    });
  });
});
