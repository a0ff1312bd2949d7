import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { TextInput } from '~/components/govuk/TextInput';
import { Forbidden } from '~/lib/errors';
import { parseForm } from '~/lib/forms';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import type { Viewer } from '~/modules/auth/viewer';
import { createKinshipReferral, KINSHIP_FORBIDDEN, mayReferKinshipCarer } from '~/modules/enquiries/enquiries.server';
import { kinshipReferralSchema, MAX_LENGTH } from '~/modules/enquiries/schema';

export const meta: MetaFunction = () => [{ title: 'Refer a kinship carer – Foster for East Midlands' }];

async function requireReferrer(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request, { area: 'council' });
  if (!mayReferKinshipCarer(viewer)) throw new Forbidden(KINSHIP_FORBIDDEN);
  return viewer;
}

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    await requireReferrer(request);
    return { idempotencyKey: crypto.randomUUID() };
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireReferrer(request);
    const parsed = parseForm(kinshipReferralSchema, await request.formData());
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const { household } = await createKinshipReferral(viewer, parsed.data, {
      idempotencyKey: parsed.data.idempotencyKey,
      requestId: requestId(request),
    });
    return redirect(`/council/households/${household.id}`);
  });

export default function NewKinshipReferral() {
  const { idempotencyKey } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const values: Record<string, string> = failed?.values ?? {};
  const submitting = useNavigation().state === 'submitting';
  return (
    <div className="max-w-2xl">
      <BackLink to="/council">Back to your council’s households</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading>Refer a kinship carer</PageHeading>
      <p className="mb-8">
        A relative or friend of a child in your council’s care who may be assessed as the child’s foster carer. The case
        belongs to your council from the start.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
        <h2 className="mb-4 text-2xl font-bold">The connected person</h2>
        <TextInput name="firstName" label="First name" autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.name} width="20"
          defaultValue={values.firstName ?? ''} error={errors.firstName} />
        <TextInput name="lastName" label="Last name" autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.name} width="20"
          defaultValue={values.lastName ?? ''} error={errors.lastName} />
        <TextInput name="email" label="Email address" hint="Enter an email address, a phone number, or both" type="email"
          autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.email} defaultValue={values.email ?? ''} error={errors.email} />
        <TextInput name="phone" label="Phone number" type="tel" autoComplete="off" maxLength={MAX_LENGTH.phone} width="20"
          defaultValue={values.phone ?? ''} error={errors.phone} />
        <TextInput name="postcode" label="Postcode (optional)" autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.postcode}
          width="10" defaultValue={values.postcode ?? ''} error={errors.postcode} />
        <TextInput name="relationship" label="Relationship to the child" hint="For example, grandmother, aunt or family friend"
          autoComplete="off" maxLength={MAX_LENGTH.relationship} width="20" defaultValue={values.relationship ?? ''} error={errors.relationship} />
        <h2 className="mb-4 text-2xl font-bold">The child</h2>
        <TextInput name="childReference" label="Child’s reference" hint="The reference in your council’s records. Never enter the child’s name."
          autoComplete="off" spellCheck={false} maxLength={MAX_LENGTH.childReference} width="20"
          defaultValue={values.childReference ?? ''} error={errors.childReference} />
        <Button pending={submitting} pendingText="Saving the referral…">Save referral</Button>
      </Form>
    </div>
  );
}
