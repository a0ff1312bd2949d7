import { Checkboxes } from '~/components/govuk/Checkboxes';
import { DateInput } from '~/components/govuk/DateInput';
import { Select } from '~/components/govuk/Select';
import { TextInput } from '~/components/govuk/TextInput';
import { ENQUIRY_INTERESTS, ENQUIRY_SOURCES } from '~/modules/codes/enquiry';
import { MAX_LENGTH, PREFERRED_CONTACT_TIMES, STAFF_ENQUIRY_CHANNELS } from '~/modules/enquiries/schema';

type StaffEnquiryFieldsProps = {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** Today's London date, shown as the date received until staff change it. */
  today: string;
};

const toOptions = (list: readonly { code: string; label: string }[]) => list.map((entry) => ({ value: entry.code, label: entry.label }));

/** The questions of an enquiry taken down by hub staff (DOMAIN.md §2.2 step 1, §7.1, §7.2). */
export function StaffEnquiryFields({ errors, values, today }: StaffEnquiryFieldsProps) {
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">How the enquiry arrived</h2>
      <Select name="channel" label="How did the enquiry reach us?" placeholder="Choose how" options={toOptions(STAFF_ENQUIRY_CHANNELS)}
        defaultValue={values.channel ?? ''} error={errors.channel} />
      <DateInput name="receivedOn" legend="Date the enquiry was received" hint="For example, 27 3 2026"
        values={values} defaultDate={today} error={errors.receivedOn} />

      <h2 className="mb-4 text-2xl font-bold">Who is enquiring</h2>
      <TextInput name="firstName" label="First name" autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.name} width="20"
        defaultValue={values.firstName ?? ''} error={errors.firstName} />
      <TextInput name="lastName" label="Last name" autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.name} width="20"
        defaultValue={values.lastName ?? ''} error={errors.lastName} />
      <TextInput name="partnerFirstName" label="Partner's first name (optional)" autoComplete="off" spellCheck={false}
        maxLength={MAX_LENGTH.name} width="20" defaultValue={values.partnerFirstName ?? ''} error={errors.partnerFirstName} />
      <TextInput name="partnerLastName" label="Partner's last name (optional)" autoComplete="off" spellCheck={false}
        maxLength={MAX_LENGTH.name} width="20" defaultValue={values.partnerLastName ?? ''} error={errors.partnerLastName} />
      <TextInput name="otherAdults" label="Other adults in the household" hint="Not counting the enquirer and their partner"
        inputMode="numeric" width="3" defaultValue={values.otherAdults ?? '0'} error={errors.otherAdults} />
      <TextInput name="children" label="Children in the household" inputMode="numeric" width="3"
        defaultValue={values.children ?? '0'} error={errors.children} />

      <h2 className="mb-4 text-2xl font-bold">Contact details</h2>
      <TextInput name="email" label="Email address" hint="Enter an email address, a phone number, or both" type="email"
        autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.email} defaultValue={values.email ?? ''} error={errors.email} />
      <TextInput name="phone" label="Phone number" type="tel" autoComplete="off" maxLength={MAX_LENGTH.phone} width="20"
        defaultValue={values.phone ?? ''} error={errors.phone} />
      <Select name="preferredContactTime" label="Best time to call (optional)" placeholder="No preference"
        options={toOptions(PREFERRED_CONTACT_TIMES)} defaultValue={values.preferredContactTime ?? ''} error={errors.preferredContactTime} />
      <TextInput name="postcode" label="Postcode" hint="We use it to find their council" autoComplete="off" spellCheck={false}
        maxLength={MAX_LENGTH.postcode} width="10" defaultValue={values.postcode ?? ''} error={errors.postcode} />

      <Checkboxes name="interests" legend="What kind of fostering interests them?" hint="Select all that apply"
        items={toOptions(ENQUIRY_INTERESTS)} defaultValues={values.interests ?? ''} error={errors.interests} />
      <Select name="source" label="How did they hear about fostering with us?" placeholder="Choose where" options={toOptions(ENQUIRY_SOURCES)}
        defaultValue={values.source ?? ''} error={errors.source} />
      <Checkboxes name="consentToContact" legend="Consent" error={errors.consentToContact}
        items={[{ value: 'yes', label: 'They agree to be contacted about fostering' }]} defaultValues={values.consentToContact ?? ''} />
    </>
  );
}
