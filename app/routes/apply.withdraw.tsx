import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Radios } from '~/components/govuk/Radios';
import { SummaryList } from '~/components/govuk/SummaryList';
import { Textarea } from '~/components/govuk/Textarea';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { formatDate } from '~/lib/uk';
import { checkWithdrawal, getWithdrawal, withdrawApplication } from '~/modules/applications/status.server';
import { requireViewer } from '~/modules/auth/access.server';

export const meta: MetaFunction = () => [{ title: 'Withdraw your application – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    return getWithdrawal(viewer);
  });

// Two steps without JavaScript: "review" checks the answers and asks the person to confirm; "confirm" withdraws.
export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    const form = await request.formData();
    if (form.get('intent') === 'confirm') {
      const result = await withdrawApplication(viewer, form, { requestId: requestId(request) });
      if (result.ok) return redirect('/apply/withdraw');
      return data({ step: 'choose' as const, fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
    }
    const checked = checkWithdrawal(form);
    if (!checked.ok) return data({ step: 'choose' as const, fieldErrors: checked.fieldErrors, values: checked.values }, { status: 400 });
    return { step: 'confirm' as const, reasonCode: checked.data.reasonCode, reason: checked.data.reason ?? '' };
  });

export default function Withdraw() {
  const withdrawal = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';

  if (withdrawal.closure) {
    return (
      <div className="max-w-3xl">
        <PageHeading caption={`Reference ${withdrawal.reference}`}>Your application has been withdrawn</PageHeading>
        <SummaryList
          rows={[
            { key: 'Withdrawn on', value: withdrawal.closure.closedOn ? formatDate(withdrawal.closure.closedOn) : 'Not recorded' },
            { key: 'Reason', value: withdrawal.closure.reasonLabel ?? 'Not recorded' },
          ]}
        />
        <p className="mb-4">We have sent you an email to confirm this. Thank you for thinking about fostering with us.</p>
        <p className="mb-8">
          If you change your mind, you are always welcome to <Link to="/enquire">ask about fostering again</Link>.
        </p>
        <p className="mb-8">
          <Link to="/apply">Go to your application</Link>
        </p>
      </div>
    );
  }

  if (!withdrawal.canWithdraw) {
    return (
      <div className="max-w-3xl">
        <BackLink to="/apply">Back to your application</BackLink>
        <PageHeading>Withdraw your application</PageHeading>
        <p className="mb-8">
          You cannot withdraw online at this stage. Please speak to your worker, who will help you.
        </p>
      </div>
    );
  }

  if (answered?.step === 'confirm') {
    const reasonLabel = withdrawal.reasons.find((reason) => reason.code === answered.reasonCode)?.label ?? answered.reasonCode;
    return (
      <div className="max-w-3xl">
        <BackLink to="/apply/withdraw">Back</BackLink>
        <PageHeading caption={`Reference ${withdrawal.reference}`}>Are you sure you want to withdraw?</PageHeading>
        <SummaryList
          rows={[
            { key: 'Reason', value: reasonLabel },
            { key: 'Anything else you told us', value: <span className="whitespace-pre-line break-words">{answered.reason || 'Nothing'}</span> },
          ]}
        />
        <p className="mb-8">
          We will close your application and stop contacting you about fostering. This cannot be undone online, but you
          can ask about fostering again at any time.
        </p>
        <Form method="post">
          <input type="hidden" name="reasonCode" value={answered.reasonCode} />
          <input type="hidden" name="reason" value={answered.reason} />
          <Button name="intent" value="confirm" variant="warning" pending={submitting} pendingText="Withdrawing…">
            Yes, withdraw my application
          </Button>
        </Form>
        <p className="mb-8">
          <Link to="/apply">No, keep my application</Link>
        </p>
      </div>
    );
  }

  const errors: Record<string, string> = answered?.step === 'choose' ? answered.fieldErrors : {};
  const values: Record<string, string> = answered?.step === 'choose' ? answered.values : {};
  return (
    <div className="max-w-3xl">
      <BackLink to="/apply">Back to your application</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`Reference ${withdrawal.reference}`}>Withdraw your application</PageHeading>
      <p className="mb-8">
        You can stop at any time. Telling us why helps us improve how we support people thinking about fostering.
      </p>
      <Form method="post" noValidate>
        <Radios
          name="reasonCode"
          legend="Why are you withdrawing?"
          items={withdrawal.reasons.map((reason) => ({ value: reason.code, label: reason.label }))}
          defaultValue={values.reasonCode}
          error={errors.reasonCode}
        />
        <Textarea
          name="reason"
          label="Anything else you would like to tell us (optional)"
          defaultValue={values.reason ?? ''}
          error={errors.reason}
        />
        <Button name="intent" value="review" pending={submitting} pendingText="Checking…">
          Continue
        </Button>
      </Form>
    </div>
  );
}
