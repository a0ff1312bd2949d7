import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { MergeForm } from '~/components/enquiries/MergeForm';
import { PossibleDuplicates } from '~/components/enquiries/PossibleDuplicates';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { ValidationFailed } from '~/lib/errors';
import { parseForm } from '~/lib/forms';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { getMergeCandidates, mergeHouseholds } from '~/modules/enquiries/duplicates.server';
import { mergeChoiceSchema } from '~/modules/enquiries/schema';

// Possible duplicates of a hub record, and merging one into the other (DOMAIN.md §6.1: a new contact from the same
// household is linked, not counted again). Named with `$householdId_` so it is its own page, not a child of the case page.

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `Possible duplicates${page ? ` of ${page.household.reference}` : ''} – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'hub' });
    const candidates = await getMergeCandidates(viewer, params.householdId ?? '');
    return { ...candidates, justCreated: new URL(request.url).searchParams.get('new') === '1' };
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'hub' });
    const householdId = params.householdId ?? '';
    const parsed = parseForm(mergeChoiceSchema, await request.formData());
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, confirm: null }, { status: 400 });
    const { otherId, keep, reason, intent } = parsed.data;
    if (intent === 'check') return { fieldErrors: {}, values: {}, confirm: { otherId, keep, reason } };
    const [keepId, mergeId] = keep === 'this' ? [householdId, otherId] : [otherId, householdId];
    try {
      await mergeHouseholds(viewer, { keepId, mergeId, reason }, { requestId: requestId(request) });
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      return data({ fieldErrors: error.fieldErrors, values: { otherId, keep, reason }, confirm: null }, { status: 400 });
    }
    return redirect(`/hub/households/${keepId}`);
  });

export default function MergeHouseholds() {
  const { household, duplicates, justCreated } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors: Record<string, string> = answer?.fieldErrors ?? {};
  const mergeable = household.mergeable ? duplicates.flatMap((duplicate) => (duplicate.visible && duplicate.mergeable ? [duplicate] : [])) : [];
  const confirm = answer?.confirm ?? null;
  const other = confirm ? mergeable.find((duplicate) => duplicate.id === confirm.otherId) : undefined;
  return (
    <div className="max-w-3xl">
      <BackLink to={`/hub/households/${household.id}`}>Back to {household.reference}</BackLink>
      <ErrorSummary errors={errors} />
      {justCreated ? (
        <NotificationBanner variant="success" title="Enquiry saved">
          Enquiry {household.reference} is saved. Check these possible duplicates before you carry on.
        </NotificationBanner>
      ) : null}
      <PageHeading caption={household.reference}>Possible duplicates</PageHeading>
      {duplicates.length === 0 ? <p className="mb-8">We found no other record with the same email, phone, or postcode and surname.</p> : null}
      <PossibleDuplicates duplicates={duplicates} />

      {confirm && other ? (
        <Form method="post" noValidate>
          <h2 className="mb-4 text-2xl font-bold">Check before you merge</h2>
          <p className="mb-4">
            We will keep {confirm.keep === 'this' ? household.reference : other.reference} and close{' '}
            {confirm.keep === 'this' ? other.reference : household.reference} as a duplicate. Its people, interests, notes,
            contact attempts, tasks and emails move to the record we keep. This cannot be undone.
          </p>
          <input type="hidden" name="otherId" value={confirm.otherId} />
          <input type="hidden" name="keep" value={confirm.keep} />
          <input type="hidden" name="reason" value={confirm.reason} />
          <input type="hidden" name="intent" value="confirm" />
          <div className="flex flex-wrap items-baseline gap-6">
            <Button variant="warning">Merge records</Button>
            <Link to={`/hub/households/${household.id}/merge`}>Cancel</Link>
          </div>
        </Form>
      ) : mergeable.length > 0 ? (
        <MergeForm current={household} candidates={mergeable} errors={errors} values={answer?.values ?? {}} />
      ) : (
        <p className="mb-8">There is nothing here the hub can merge: only open records not yet handed over to a council can be merged.</p>
      )}
      <p>
        <Link to={`/hub/households/${household.id}`}>Continue to {household.reference}</Link>
      </p>
    </div>
  );
}
