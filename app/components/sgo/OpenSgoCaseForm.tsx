import { Form, useNavigation } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Radios } from '~/components/govuk/Radios';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import type { getNewSgoCaseForm } from '~/modules/kinship/sgo-cases.server';
import type { SgoFormFailure } from '~/modules/kinship/sgo-forms.server';
import { FORMER_CARER_STATUSES } from '~/modules/kinship/sgo';

type NewForm = Awaited<ReturnType<typeof getNewSgoCaseForm>>;

export function OpenSgoCaseForm({ form, failure }: { form: NewForm; failure: SgoFormFailure | undefined }) {
  const saving = useNavigation().state === 'submitting';
  // A refused household has no input of its own: its message goes on the guardian's name, where the summary links.
  const { householdId: householdError, ...fieldErrors } = failure?.fieldErrors ?? {};
  const errors = householdError ? { ...fieldErrors, guardianDisplayName: householdError } : fieldErrors;
  const values = failure?.values ?? {};
  const household = form.household;
  return (
    <div className="max-w-3xl">
      <BackLink to="/council/sgo">Back to special guardianship support</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Special guardianship support">Open a support case</PageHeading>
      {household ? (
        <InsetText>
          Starting from kinship household {household.displayName} ({household.reference}). The case will be linked to it.
        </InsetText>
      ) : null}
      <Form method="post" noValidate>
        {household ? <input type="hidden" name="householdId" value={household.id} /> : null}
        <TextInput name="guardianDisplayName" label="Special guardian household" hint="For example, Mensah household. Never a child’s name." width="20"
          defaultValue={values.guardianDisplayName ?? household?.displayName ?? ''} error={errors.guardianDisplayName} />
        <TextInput name="childReference" label="Child’s reference" hint="The reference in your council’s records" width="20" spellCheck={false}
          defaultValue={values.childReference ?? household?.childReference ?? ''} error={errors.childReference} />
        <DateInput name="orderDate" legend="Date of the special guardianship order" hint="For example, 14 9 2026" values={values} error={errors.orderDate} />
        <Radios name="formerCarerStatus" legend="Was the special guardian one of your carers?"
          items={FORMER_CARER_STATUSES.map((status) => ({ value: status.code, label: status.label }))}
          defaultValue={values.formerCarerStatus ?? (household ? 'ourKinshipCarer' : undefined)} error={errors.formerCarerStatus} />
        <Textarea name="supportPlan" label="Support plan (optional)" hint="The support agreed after the support needs assessment" rows={4}
          defaultValue={values.supportPlan ?? ''} error={errors.supportPlan} />
        {form.maySetAllowance ? (
          <>
            <TextInput name="weeklyAllowancePence" label="Weekly allowance in pounds (optional)" hint="For example, 96.15" width="5" inputMode="decimal"
              defaultValue={values.weeklyAllowancePence ?? ''} error={errors.weeklyAllowancePence} />
            <DateInput name="allowanceStartOn" legend="Date the allowance starts (if there is one)" values={values} error={errors.allowanceStartOn} />
          </>
        ) : null}
        <DateInput name="nextReviewOn" legend="Date of the next review" hint="Support plans and allowances are reviewed at least once a year"
          values={values} defaultDate={form.suggestedReviewOn} error={errors.nextReviewOn} />
        <Button pending={saving} pendingText="Opening the case…">Open support case</Button>
      </Form>
    </div>
  );
}
