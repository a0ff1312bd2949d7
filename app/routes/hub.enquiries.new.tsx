import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { StaffEnquiryFields } from '~/components/enquiries/StaffEnquiryFields';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { ValidationFailed } from '~/lib/errors';
import { parseForm } from '~/lib/forms';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { todayInLondon } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { createEnquiry } from '~/modules/enquiries/enquiries.server';
import { staffEnquirySchema } from '~/modules/enquiries/schema';

export const meta: MetaFunction = () => [{ title: 'Record an enquiry – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    await requireViewer(request, { area: 'hub' });
    // A fresh key per form: a double submission of this page makes one enquiry (STYLE.md §5).
    return { idempotencyKey: crypto.randomUUID(), today: todayInLondon() };
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'hub' });
    const form = await request.formData();
    const parsed = parseForm(staffEnquirySchema, form);
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const { channel, receivedOn, idempotencyKey } = parsed.data;
    try {
      const { household, duplicates } = await createEnquiry(viewer, parsed.data, {
        channel, receivedOn, idempotencyKey, origin: 'staff', requestId: requestId(request),
      });
      return redirect(duplicates.length > 0 ? `/hub/households/${household.id}/merge?new=1` : `/hub/households/${household.id}`);
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      return data({ fieldErrors: error.fieldErrors, values: typedValues(form) }, { status: 400 });
    }
  });

/** What was typed, as `parseForm` keeps it, so the page re-renders with every answer. */
function typedValues(form: FormData): Record<string, string> {
  const names = new Set(form.keys());
  return Object.fromEntries([...names].map((name) => [name, form.getAll(name).filter((value) => typeof value === 'string').join(',')]));
}

export default function NewEnquiry() {
  const { idempotencyKey, today } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const values: Record<string, string> = failed?.values ?? {};
  const submitting = useNavigation().state === 'submitting';
  return (
    <div className="max-w-3xl">
      <BackLink to="/hub">Back to the hub</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading>Record an enquiry</PageHeading>
      <p className="mb-8">For an enquiry by phone, email or at an event. We check for possible duplicates when you save it.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
        <StaffEnquiryFields errors={errors} values={values} today={today} />
        <Button pending={submitting} pendingText="Saving the enquiry…">Save enquiry</Button>
      </Form>
    </div>
  );
}
