import { Form, Link, useNavigation } from '@remix-run/react';
import { errorsById, fieldId } from '~/components/case/form-ids';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { Details } from '~/components/govuk/Details';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Select } from '~/components/govuk/Select';
import { SummaryList } from '~/components/govuk/SummaryList';
import { Table } from '~/components/govuk/Table';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import { failureOf } from '~/lib/form-commands';
import { formatDate, formatPounds } from '~/lib/uk';
import type { getSgoCasePage } from '~/modules/kinship/sgo-cases.server';
import type { SgoFormFailure } from '~/modules/kinship/sgo-forms.server';
import { CONTACT_METHODS, penceToPoundsText } from '~/modules/kinship/sgo';
import { ReviewDueTag } from './ReviewDueTag';

type Page = Awaited<ReturnType<typeof getSgoCasePage>> & { done: string | null };

const DONE: Readonly<Record<string, string>> = {
  open: 'Support case opened.',
  update: 'Support case updated.',
  contact: 'Contact logged.',
};

export function SgoCasePage({ page, failure }: { page: Page; failure: SgoFormFailure | undefined }) {
  const saving = useNavigation().state === 'submitting';
  const c = page.supportCase;
  const update = failureOf('update', failure);
  const contact = failureOf('contact', failure);
  return (
    <>
      <BackLink to="/council/sgo">Back to special guardianship support</BackLink>
      <ErrorSummary errors={failure ? errorsById(failure.form, failure.fieldErrors) : {}} />
      {page.done && DONE[page.done] && !failure ? <NotificationBanner variant="success">{DONE[page.done]}</NotificationBanner> : null}
      <PageHeading caption={`${c.councilName} special guardianship support`}>{c.reference}</PageHeading>
      <SummaryList
        rows={[
          { key: 'Special guardian', value: c.guardianDisplayName },
          { key: 'Child’s reference', value: c.childReference },
          { key: 'Order date', value: formatDate(c.orderDate) },
          { key: 'Was one of our carers', value: c.formerCarerStatusLabel },
          {
            key: 'Kinship household',
            value: c.householdId ? <Link to={`/council/households/${c.householdId}`}>{c.householdReference}</Link> : 'Opened directly',
          },
          { key: 'Support plan', value: c.supportPlan ?? 'None recorded' },
          {
            key: 'Weekly allowance',
            value: c.weeklyAllowancePence === null ? 'None' : `${formatPounds(c.weeklyAllowancePence)} a week${c.allowanceStartOn ? ` from ${formatDate(c.allowanceStartOn)}` : ''}${c.allowanceEndOn ? ` to ${formatDate(c.allowanceEndOn)}` : ''}`,
          },
          {
            key: 'Next review',
            value: (
              <>
                {c.nextReviewOn ? `${formatDate(c.nextReviewOn)} ` : ''}
                <ReviewDueTag due={c.due} />
              </>
            ),
          },
          { key: 'Status', value: c.status === 'open' ? 'Open' : 'Closed' },
        ]}
      />

      {page.mayManage ? (
        <>
          <Details id="update" summary="Change the plan, allowance or review date" open={update.failed}>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="version" value={c.version} />
              <Textarea name="supportPlan" id={fieldId('update', 'supportPlan')} label="Support plan" rows={4}
                defaultValue={update.failed ? (update.values.supportPlan ?? '') : (c.supportPlan ?? '')} error={update.errors.supportPlan} />
              {page.maySetAllowance ? (
                <>
                  <TextInput name="weeklyAllowancePence" id={fieldId('update', 'weeklyAllowancePence')} label="Weekly allowance in pounds" hint="Leave empty for no allowance. For example, 96.15"
                    width="5" inputMode="decimal" error={update.errors.weeklyAllowancePence}
                    defaultValue={update.failed ? (update.values.weeklyAllowancePence ?? '') : c.weeklyAllowancePence === null ? '' : penceToPoundsText(c.weeklyAllowancePence)} />
                  <DateInput name="allowanceStartOn" id={fieldId('update', 'allowanceStartOn')} legend="Date the allowance starts"
                    values={update.failed ? update.values : undefined} defaultDate={c.allowanceStartOn ?? undefined} error={update.errors.allowanceStartOn} />
                </>
              ) : null}
              <DateInput name="nextReviewOn" id={fieldId('update', 'nextReviewOn')} legend="Date of the next review"
                values={update.failed ? update.values : undefined} defaultDate={c.nextReviewOn ?? undefined} error={update.errors.nextReviewOn} />
              <Button pending={saving} pendingText="Saving…">Save changes</Button>
            </Form>
          </Details>

          <Details id="contact" summary="Log a contact with the SGO support team" open={contact.failed}>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="contact" />
              <DateInput name="occurredOn" id={fieldId('contact', 'occurredOn')} legend="Date of the contact" values={contact.values} error={contact.errors.occurredOn} />
              <Select name="method" id={fieldId('contact', 'method')} label="How" placeholder="Choose how"
                options={CONTACT_METHODS.map((method) => ({ value: method.code, label: method.label }))} defaultValue={contact.values.method ?? ''} error={contact.errors.method} />
              <Textarea name="summary" id={fieldId('contact', 'summary')} label="What was discussed" hint="Never enter a child’s name" rows={3}
                defaultValue={contact.values.summary ?? ''} error={contact.errors.summary} />
              <Button pending={saving} pendingText="Saving…">Log contact</Button>
            </Form>
          </Details>
          <div className="mb-8" />
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">Contacts</h2>
      {page.contacts.length === 0 ? (
        <p>No contacts have been logged.</p>
      ) : (
        <Table
          caption="Contacts with the SGO support team, latest first"
          captionIsVisuallyHidden
          columns={[{ header: 'Date' }, { header: 'How' }, { header: 'What was discussed' }]}
          rows={page.contacts.map((row) => ({ id: row.id, cells: [formatDate(row.occurredOn), row.methodLabel, row.summary] }))}
        />
      )}
    </>
  );
}
