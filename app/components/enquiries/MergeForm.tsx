import { Form } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { Radios } from '~/components/govuk/Radios';
import { Textarea } from '~/components/govuk/Textarea';
import { formatDate } from '~/lib/uk';
import { MAX_LENGTH } from '~/modules/enquiries/schema';

type MergeRecord = { reference: string; displayName: string; stageLabel: string; enquiryDate: string };

type MergeFormProps = {
  current: MergeRecord;
  candidates: readonly (MergeRecord & { id: string })[];
  errors: { [field: string]: string };
  values: { [field: string]: string };
};

const describe = (record: MergeRecord) => `${record.reference}: ${record.displayName}`;
const hintFor = (record: MergeRecord) => `${record.stageLabel}. Enquired on ${formatDate(record.enquiryDate)}.`;

/** Step one of a merge: which record duplicates this one, which to keep, and why. Step two confirms. */
export function MergeForm({ current, candidates, errors, values }: MergeFormProps) {
  return (
    <Form method="post" noValidate>
      <h2 className="mb-4 text-2xl font-bold">Merge two records</h2>
      <Radios name="otherId" legend={`Which record is the same household as ${current.reference}?`} error={errors.otherId}
        defaultValue={values.otherId ?? (candidates.length === 1 ? candidates[0].id : undefined)}
        items={candidates.map((candidate) => ({ value: candidate.id, label: describe(candidate), hint: hintFor(candidate) }))} />
      <Radios name="keep" legend="Which record should we keep?" error={errors.keep} defaultValue={values.keep}
        hint="Usually the earlier one. The other is closed as a duplicate."
        items={[
          { value: 'this', label: `This record, ${describe(current)}`, hint: hintFor(current) },
          { value: 'other', label: 'The record selected above' },
        ]} />
      <Textarea name="reason" label="Why are they the same household?" hint="For example, they phoned after filling in the website form"
        maxLength={MAX_LENGTH.reason} rows={3} defaultValue={values.reason ?? ''} error={errors.reason} />
      <input type="hidden" name="intent" value="check" />
      <Button>Continue</Button>
    </Form>
  );
}
