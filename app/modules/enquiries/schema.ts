import { z } from 'zod';
import { checkboxField, ukDateField } from '~/lib/forms';
import { normalisePhone, normalisePostcode } from '~/lib/uk';
import { ENQUIRY_CHANNELS, ENQUIRY_INTERESTS, ENQUIRY_SOURCES } from '~/modules/codes/enquiry';

// The enquiry forms (STYLE.md §5): one schema, used by the public form and by staff taking an enquiry down, plus
// the kinship referral a council enters. Every string has a maximum length; text is stored as typed (HTML included)
// and React escapes it when shown. Messages say how to put the answer right.

export const MAX_LENGTH = { name: 100, email: 254, phone: 30, postcode: 20, childReference: 50, relationship: 100, reason: 1000 };

export const PREFERRED_CONTACT_TIMES = [
  { code: 'morning', label: 'Morning (9am to 12pm)' },
  { code: 'afternoon', label: 'Afternoon (12pm to 5pm)' },
  { code: 'evening', label: 'Evening (5pm to 8pm)' },
  { code: 'anytime', label: 'Any time' },
] as const;

/**
 * Where a member of the public may say they heard of us. A children's social care referral is how a council starts a
 * kinship case, never something the public form offers, so a forged post with it is refused.
 */
export const STAFF_ONLY_SOURCES: readonly string[] = ['childrensSocialCare'];
export const PUBLIC_ENQUIRY_SOURCES = ENQUIRY_SOURCES.filter((source) => !STAFF_ONLY_SOURCES.includes(source.code));

/** How staff may say an enquiry reached them; the website form is only ever the public form's own channel. */
export const STAFF_ENQUIRY_CHANNELS = ENQUIRY_CHANNELS.filter((channel) => channel.code !== 'webForm');

function codeEnum<const T extends readonly { code: string }[]>(list: T, message: string) {
  return z.enum(list.map((entry) => entry.code) as [T[number]['code'], ...T[number]['code'][]], { error: message });
}

/** An empty box is "not answered", not an empty answer. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function requiredText(emptyMessage: string, tooLongMessage: string, max: number) {
  return z.string({ error: emptyMessage }).trim().min(1, emptyMessage).max(max, tooLongMessage);
}

function optionalText(tooLongMessage: string, max: number) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max, tooLongMessage).optional());
}

const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';
const optionalEmail = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(MAX_LENGTH.email, `Email address must be ${MAX_LENGTH.email} characters or fewer`)
    .pipe(z.email({ error: EMAIL_FORMAT }))
    // Stored in lower case so that duplicate checks match however it was typed.
    .transform((email) => email.toLowerCase())
    .optional(),
);

const PHONE_FORMAT = 'Enter a UK phone number, like 01332 640000 or 07700 900982';
const optionalPhone = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(MAX_LENGTH.phone, PHONE_FORMAT)
    .transform((raw, ctx) => {
      const phone = normalisePhone(raw);
      if (phone === null) {
        ctx.addIssue({ code: 'custom', message: PHONE_FORMAT });
        return z.NEVER;
      }
      return phone;
    })
    .optional(),
);

const POSTCODE_MISSING = 'Enter a postcode, like DE1 2AA';
const POSTCODE_FORMAT = 'Enter a full UK postcode, like DE1 2AA';
const postcodeText = z
  .string({ error: POSTCODE_MISSING })
  .trim()
  .min(1, POSTCODE_MISSING)
  .max(MAX_LENGTH.postcode, POSTCODE_FORMAT)
  .transform((raw, ctx) => {
    const postcode = normalisePostcode(raw);
    if (postcode === null) {
      ctx.addIssue({ code: 'custom', message: POSTCODE_FORMAT });
      return z.NEVER;
    }
    return postcode;
  });

function peopleCount(label: string, max: number) {
  const format = `Enter the number of ${label} as a number, like 0 or 2`;
  return z.preprocess(
    (value) => blankToUndefined(value) ?? '0',
    z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, format)
      .transform(Number)
      .pipe(z.number().max(max, `The number of ${label} must be ${max} or fewer`)),
  );
}

const idempotencyKey = z.preprocess(
  blankToUndefined,
  z.string().regex(/^[A-Za-z0-9-]{8,100}$/, 'Reload the page and try again').optional(),
);

const personName = {
  firstName: requiredText('Enter a first name', `First name must be ${MAX_LENGTH.name} characters or fewer`, MAX_LENGTH.name),
  lastName: requiredText('Enter a last name', `Last name must be ${MAX_LENGTH.name} characters or fewer`, MAX_LENGTH.name),
};

const contactDetails = { email: optionalEmail, phone: optionalPhone };

const enquiryFields = {
  ...personName,
  partnerFirstName: optionalText(`Partner's first name must be ${MAX_LENGTH.name} characters or fewer`, MAX_LENGTH.name),
  partnerLastName: optionalText(`Partner's last name must be ${MAX_LENGTH.name} characters or fewer`, MAX_LENGTH.name),
  otherAdults: peopleCount('other adults', 10),
  children: peopleCount('children', 15),
  ...contactDetails,
  preferredContactTime: z.preprocess(
    blankToUndefined,
    codeEnum(PREFERRED_CONTACT_TIMES, 'Select a time of day from the list').optional(),
  ),
  postcode: postcodeText,
  interests: checkboxField(codeEnum(ENQUIRY_INTERESTS, 'Select the kinds of fostering from the list'))
    .refine((interests) => interests.length > 0, 'Select at least one kind of fostering')
    // A forged form could repeat a box; each interest is stored once.
    .transform((interests) => [...new Set(interests)]),
  source: codeEnum(ENQUIRY_SOURCES, 'Select how they heard about fostering with us'),
  consentToContact: z.literal('yes', { error: 'Confirm agreement to be contacted about fostering' }),
  idempotencyKey,
};

type ContactFields = { email?: string; phone?: string };
type PartnerFields = { partnerFirstName?: string; partnerLastName?: string };

/**
 * Cross-field rules run even when other answers are wrong, so the error summary lists every problem at once; each
 * waits only for the fields it reads to be valid.
 */
const whenValid =
  (...fields: string[]) =>
  (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

function withContactRule<T extends z.ZodType<ContactFields>>(schema: T) {
  return schema.refine((input) => Boolean(input.email || input.phone), {
    path: ['email'],
    message: 'Enter an email address or a phone number',
    when: whenValid('email', 'phone'),
  });
}

function withPartnerRules<T extends z.ZodType<PartnerFields>>(schema: T) {
  const partnerFields = whenValid('partnerFirstName', 'partnerLastName');
  return schema
    .refine((input) => !input.partnerFirstName || Boolean(input.partnerLastName), {
      path: ['partnerLastName'],
      message: "Enter the partner's last name",
      when: partnerFields,
    })
    .refine((input) => !input.partnerLastName || Boolean(input.partnerFirstName), {
      path: ['partnerFirstName'],
      message: "Enter the partner's first name",
      when: partnerFields,
    });
}

/** The enquiry as the public form sends it (its channel is always the website form). */
export const enquirySchema = withPartnerRules(
  withContactRule(
    z.object({ ...enquiryFields, source: codeEnum(PUBLIC_ENQUIRY_SOURCES, 'Select where you heard about us') }),
  ),
);

/** An enquiry hub staff take down from a call, an email or an event: how it arrived and on which day. */
export const staffEnquirySchema = withPartnerRules(
  withContactRule(
    // In the order of the page, so the error summary lists problems in the order people meet them.
    z.object({
      channel: codeEnum(STAFF_ENQUIRY_CHANNELS, 'Select how the enquiry reached us'),
      receivedOn: ukDateField({
        required: 'Enter the date the enquiry was received',
        invalid: 'The date the enquiry was received must be a real date',
      }),
      ...enquiryFields,
    }),
  ),
);

/**
 * A kinship referral from a child's social worker (DOMAIN.md §3.1). The child is identified only by the council's
 * own reference: a reference without a digit is refused, because that is what a name typed in by mistake looks like.
 */
export const kinshipReferralSchema = withContactRule(
  z.object({
    ...personName,
    ...contactDetails,
    postcode: z.preprocess(blankToUndefined, postcodeText.optional()),
    childReference: requiredText(
      "Enter the child's reference from your council's records",
      `The child's reference must be ${MAX_LENGTH.childReference} characters or fewer`,
      MAX_LENGTH.childReference,
    ).regex(/\d/, "Enter the child's reference, like DY-CHILD-01234, not their name"),
    relationship: requiredText(
      'Enter how they are related to the child, like grandmother or family friend',
      `Relationship must be ${MAX_LENGTH.relationship} characters or fewer`,
      MAX_LENGTH.relationship,
    ),
    idempotencyKey,
  }),
);

/** Choosing which of two duplicate records to keep (hub.households.$householdId_.merge). */
export const mergeChoiceSchema = z.object({
  otherId: z.string({ error: 'Select the record this one duplicates' }).trim().min(1, 'Select the record this one duplicates').max(100),
  keep: z.enum(['this', 'other'], { error: 'Select which record to keep' }),
  reason: requiredText(
    'Enter why these records are the same household',
    `The reason must be ${MAX_LENGTH.reason} characters or fewer`,
    MAX_LENGTH.reason,
  ),
  intent: z.enum(['check', 'confirm']).default('check'),
});

export type EnquiryInput = z.output<typeof enquirySchema>;
export type StaffEnquiryInput = z.output<typeof staffEnquirySchema>;
export type KinshipReferralInput = z.output<typeof kinshipReferralSchema>;
export type MergeChoice = z.output<typeof mergeChoiceSchema>;
