import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { EmergencyRecord } from '~/components/admin/EmergencyRecord';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import { parseForm } from '~/lib/forms';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { todayInLondon } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { openEmergencyAccess } from '~/modules/carers-admin/emergency-access.server';
import { emergencyAccessSchema } from '~/modules/carers-admin/schemas';

export const meta: MetaFunction = () => [{ title: 'Emergency access to a carer record – Administration – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    await requireViewer(request, { area: 'admin' });
    return null;
  });

// The record is only ever sent in answer to a POST with a reason, so every view has its own audit row.
export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    const parsed = parseForm(emergencyAccessSchema, await request.formData());
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, view: null }, { status: 400 });
    const opened = await openEmergencyAccess(viewer, parsed.data, { today: todayInLondon(), requestId: requestId(request) });
    if (!opened.ok) return data({ fieldErrors: opened.fieldErrors, values: parsed.data, view: null }, { status: 400 });
    return { fieldErrors: {}, values: parsed.data, view: opened };
  });

export default function EmergencyAccess() {
  const answer = useActionData<typeof action>();
  const errors: Record<string, string> = answer?.fieldErrors ?? {};
  const values: Record<string, string> = answer?.values ?? {};
  if (answer?.view) {
    return (
      <>
        <PageHeading caption="Emergency access">Approved household record</PageHeading>
        <InsetText>
          Read only. This view was recorded in the audit log with your reason. To look again, or at another record, use the form
          on the <Link to="/admin/records" reloadDocument>emergency access page</Link>.
        </InsetText>
        <EmergencyRecord view={answer.view} />
      </>
    );
  }
  return (
    <div className="max-w-2xl">
      <ErrorSummary errors={errors} />
      <PageHeading>Emergency access to a carer record</PageHeading>
      <p className="mb-4">
        Administrators have no routine access to carers&apos; records. In an emergency, for example when a council cannot reach its
        own records or a serious incident needs checking, you can read one approved household&apos;s record here.
      </p>
      <p className="mb-4">
        Every time you open a record, the audit log records who you are, which record you read and your reason. These views are
        reviewed. You cannot change anything on the record from here.
      </p>
      <Form method="post" noValidate>
        <TextInput name="reference" label="Household reference" hint="For example FFEM-2025-000123" width="20" autoComplete="off"
          spellCheck={false} defaultValue={values.reference ?? ''} error={errors.reference} />
        <Textarea name="reason" label="Why do you need emergency access?"
          hint="Say what has happened and who asked for it. Reviewers will read this." defaultValue={values.reason ?? ''} error={errors.reason} />
        <Button>Open the record</Button>
      </Form>
    </div>
  );
}
