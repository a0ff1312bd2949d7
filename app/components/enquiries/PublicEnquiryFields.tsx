import { Checkboxes } from '~/components/govuk/Checkboxes';
import { Select } from '~/components/govuk/Select';
import { TextInput } from '~/components/govuk/TextInput';
import { ENQUIRY_INTERESTS, ENQUIRY_SOURCES } from '~/modules/codes/enquiry';
import { MAX_LENGTH, PREFERRED_CONTACT_TIMES } from '~/modules/enquiries/schema';

type PublicEnquiryFieldsProps = {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** The name of the off-screen field that only bots fill in. */
  honeypotName: string;
};

// A council social worker's referral is how a kinship case starts, never something a member of the public picks.
const PUBLIC_SOURCES = ENQUIRY_SOURCES.filter((source) => source.code !== 'childrensSocialCare');

const toOptions = (list: readonly { code: string; label: string }[]) => list.map((entry) => ({ value: entry.code, label: entry.label }));

/** The questions of the public enquiry form, in the person's own words (DOMAIN.md §2.2 step 1, §7.1, §7.2). */
export function PublicEnquiryFields({ errors, values, honeypotName }: PublicEnquiryFieldsProps) {
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">About you</h2>
      <TextInput name="firstName" label="Your first name" autoComplete="given-name" spellCheck={false} maxLength={MAX_LENGTH.name}
        width="20" defaultValue={values.firstName ?? ''} error={errors.firstName} />
      <TextInput name="lastName" label="Your last name" autoComplete="family-name" spellCheck={false} maxLength={MAX_LENGTH.name}
        width="20" defaultValue={values.lastName ?? ''} error={errors.lastName} />
      <TextInput name="partnerFirstName" label="Your partner's first name (optional)" hint="If you would foster together"
        autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.name} width="20"
        defaultValue={values.partnerFirstName ?? ''} error={errors.partnerFirstName} />
      <TextInput name="partnerLastName" label="Your partner's last name (optional)" autoComplete="off" spellCheck={false}
        maxLength={MAX_LENGTH.name} width="20" defaultValue={values.partnerLastName ?? ''} error={errors.partnerLastName} />
      <TextInput name="otherAdults" label="How many other adults live with you?" hint="Not counting you and your partner"
        inputMode="numeric" width="3" defaultValue={values.otherAdults ?? '0'} error={errors.otherAdults} />
      <TextInput name="children" label="How many children live with you?" inputMode="numeric" width="3"
        defaultValue={values.children ?? '0'} error={errors.children} />

      <h2 className="mb-4 text-2xl font-bold">How we can contact you</h2>
      <TextInput name="email" label="Email address" hint="Give us an email address, a phone number, or both" type="email"
        autoComplete="email" spellCheck={false} maxLength={MAX_LENGTH.email} defaultValue={values.email ?? ''} error={errors.email} />
      <TextInput name="phone" label="Phone number" type="tel" autoComplete="tel" maxLength={MAX_LENGTH.phone} width="20"
        defaultValue={values.phone ?? ''} error={errors.phone} />
      <Select name="preferredContactTime" label="Best time to call you (optional)" placeholder="No preference"
        options={toOptions(PREFERRED_CONTACT_TIMES)} defaultValue={values.preferredContactTime ?? ''} error={errors.preferredContactTime} />
      <TextInput name="postcode" label="Your postcode" hint="We use it to find your local council" autoComplete="postal-code"
        spellCheck={false} maxLength={MAX_LENGTH.postcode} width="10" defaultValue={values.postcode ?? ''} error={errors.postcode} />

      <h2 className="mb-4 text-2xl font-bold">Your interest in fostering</h2>
      <Checkboxes name="interests" legend="What kind of fostering interests you?" hint="Select all that apply. You can change your mind later."
        items={toOptions(ENQUIRY_INTERESTS)} defaultValues={values.interests ?? ''} error={errors.interests} />
      <Select name="source" label="Where did you hear about us?" placeholder="Choose one" options={toOptions(PUBLIC_SOURCES)}
        defaultValue={values.source ?? ''} error={errors.source} />
      <Checkboxes name="consentToContact" legend="Can we contact you?" error={errors.consentToContact}
        hint="We use your details only to talk to you about fostering."
        items={[{ value: 'yes', label: 'I agree to Foster for East Midlands contacting me about fostering' }]}
        defaultValues={values.consentToContact ?? ''} />

      <div aria-hidden="true" className="absolute left-[-10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor={honeypotName}>Leave this field empty</label>
        <input id={honeypotName} name={honeypotName} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  );
}
