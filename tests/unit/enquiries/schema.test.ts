import { describe, expect, it } from 'vitest';
import { parseForm } from '~/lib/forms';
import { enquirySchema, kinshipReferralSchema, mergeChoiceSchema, staffEnquirySchema } from '~/modules/enquiries/schema';

const VALID = {
  firstName: 'Amara',
  lastName: 'Okafor',
  email: 'Amara.Okafor@Example.com',
  phone: '07700 900982',
  postcode: 'de1 2fs',
  interests: ['teenagers', 'siblingGroups'],
  source: 'socialMedia',
  consentToContact: 'yes',
};

function toFormData(values: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const entry of Array.isArray(value) ? value : [value]) form.append(name, entry);
  }
  return form;
}

/** The message for each field that failed, as the page shows them. */
function errorsFor(values: Record<string, string | string[]>, schema: Parameters<typeof parseForm>[0] = enquirySchema) {
  const parsed = parseForm(schema, toFormData(values));
  if (parsed.ok) throw new Error('expected the form to be refused');
  return parsed.fieldErrors;
}

describe('enquirySchema', () => {
  it('accepts a complete enquiry and normalises it', () => {
    const parsed = parseForm(enquirySchema, toFormData(VALID));
    expect(parsed).toEqual({
      ok: true,
      data: {
        firstName: 'Amara',
        lastName: 'Okafor',
        email: 'amara.okafor@example.com',
        phone: '07700900982',
        postcode: 'DE1 2FS',
        otherAdults: 0,
        children: 0,
        interests: ['teenagers', 'siblingGroups'],
        source: 'socialMedia',
        consentToContact: 'yes',
      },
    });
  });

  it('gives a plain-English message for every required answer left out, all at once', () => {
    expect(errorsFor({})).toEqual({
      firstName: 'Enter a first name',
      lastName: 'Enter a last name',
      email: 'Enter an email address or a phone number',
      postcode: 'Enter a postcode, like DE1 2AA',
      interests: 'Select at least one kind of fostering',
      source: 'Select where you heard about us',
      consentToContact: 'Confirm agreement to be contacted about fostering',
    });
  });

  it('asks for an email address or a phone number when both are missing', () => {
    expect(errorsFor({ ...VALID, email: '', phone: ' ' })).toEqual({ email: 'Enter an email address or a phone number' });
  });

  it('explains each badly formed answer', () => {
    expect(
      errorsFor({
        ...VALID,
        email: 'amara at example',
        phone: '12345',
        postcode: 'DE1',
        otherAdults: 'two',
        children: '16',
        preferredContactTime: 'midnight',
        interests: ['teenagers', 'ponies'],
        source: 'carrierPigeon',
        consentToContact: 'no',
      }),
    ).toEqual({
      email: 'Enter an email address in the correct format, like name@example.com',
      phone: 'Enter a UK phone number, like 01332 640000 or 07700 900982',
      postcode: 'Enter a full UK postcode, like DE1 2AA',
      otherAdults: 'Enter the number of other adults as a number, like 0 or 2',
      children: 'The number of children must be 15 or fewer',
      preferredContactTime: 'Select a time of day from the list',
      'interests.1': 'Select the kinds of fostering from the list',
      source: 'Select where you heard about us',
      consentToContact: 'Confirm agreement to be contacted about fostering',
    });
  });

  it('needs both of the partner’s names once one is given', () => {
    expect(errorsFor({ ...VALID, partnerFirstName: 'Sam' })).toEqual({ partnerLastName: "Enter the partner's last name" });
    expect(errorsFor({ ...VALID, partnerLastName: 'Okafor' })).toEqual({ partnerFirstName: "Enter the partner's first name" });
  });

  it('refuses a 10,000-character answer in any text field', () => {
    const long = 'a'.repeat(10_000);
    expect(errorsFor({ ...VALID, firstName: long, lastName: long, partnerFirstName: long, partnerLastName: 'B', postcode: long, phone: long })).toEqual({
      firstName: 'First name must be 100 characters or fewer',
      lastName: 'Last name must be 100 characters or fewer',
      partnerFirstName: "Partner's first name must be 100 characters or fewer",
      postcode: 'Enter a full UK postcode, like DE1 2AA',
      phone: 'Enter a UK phone number, like 01332 640000 or 07700 900982',
    });
    expect(errorsFor({ ...VALID, email: `${'a'.repeat(9_990)}@example.com` })).toEqual({
      email: 'Email address must be 254 characters or fewer',
    });
  });

  it('keeps HTML as the text that was typed, for React to escape when it is shown', () => {
    const parsed = enquirySchema.parse({ ...VALID, firstName: '<script>alert("hi")</script>', lastName: "O'Brien <b>" });
    expect(parsed.firstName).toBe('<script>alert("hi")</script>');
    expect(parsed.lastName).toBe("O'Brien <b>");
  });

  it('stores each interest once even when a forged form repeats it', () => {
    expect(enquirySchema.parse({ ...VALID, interests: ['emergency', 'emergency'] }).interests).toEqual(['emergency']);
  });
});

describe('staffEnquirySchema', () => {
  const staffValues = { ...VALID, channel: 'phone', 'receivedOn-day': '7', 'receivedOn-month': '4', 'receivedOn-year': '2026' };

  it('adds how and when the enquiry arrived', () => {
    const parsed = parseForm(staffEnquirySchema, toFormData(staffValues));
    expect(parsed.ok && { channel: parsed.data.channel, receivedOn: parsed.data.receivedOn }).toEqual({
      channel: 'phone',
      receivedOn: '2026-04-07',
    });
  });

  it('does not let staff claim the website form, and wants a real date', () => {
    expect(errorsFor({ ...staffValues, channel: 'webForm', 'receivedOn-day': '31', 'receivedOn-month': '2' }, staffEnquirySchema)).toEqual({
      channel: 'Select how the enquiry reached us',
      receivedOn: 'The date the enquiry was received must be a real date',
    });
  });
});

describe('kinshipReferralSchema', () => {
  const referral = {
    firstName: 'Grace',
    lastName: 'Mensah',
    phone: '01332 640000',
    childReference: 'DC-CHILD-01234',
    relationship: 'Grandmother',
  };

  it('accepts a referral without a postcode', () => {
    expect(kinshipReferralSchema.parse(referral)).toEqual({ ...referral, phone: '01332640000' });
  });

  it('refuses a child reference that looks like a name', () => {
    expect(errorsFor({ ...referral, childReference: 'Jayden Smith' }, kinshipReferralSchema)).toEqual({
      childReference: "Enter the child's reference, like DY-CHILD-01234, not their name",
    });
  });

  it('asks for the child reference, the relationship and a way to get in touch', () => {
    expect(errorsFor({ firstName: 'Grace', lastName: 'Mensah' }, kinshipReferralSchema)).toEqual({
      email: 'Enter an email address or a phone number',
      childReference: "Enter the child's reference from your council's records",
      relationship: 'Enter how they are related to the child, like grandmother or family friend',
    });
  });
});

describe('mergeChoiceSchema', () => {
  it('needs the other record, which to keep and why', () => {
    expect(errorsFor({}, mergeChoiceSchema)).toEqual({
      otherId: 'Select the record this one duplicates',
      keep: 'Select which record to keep',
      reason: 'Enter why these records are the same household',
    });
  });
});
