import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CasePage } from '~/components/households/CasePage';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { getCasePageForViewer, submitCaseForm } from '~/modules/households/case-page.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page ? page.household.reference : 'Household'} – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const done = new URL(request.url).searchParams.get('done');
    return getCasePageForViewer(viewer, params.householdId ?? '', { done });
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const householdId = params.householdId ?? '';
    const outcome = await submitCaseForm(viewer, householdId, await request.formData(), { requestId: requestId(request) });
    if (!outcome.ok) return data(outcome.failure, { status: outcome.status });
    return redirect(outcome.stillVisible ? `/council/households/${householdId}?done=${outcome.done}` : '/council');
  });

export default function CouncilCasePage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return <CasePage data={page} failure={failure} back={{ to: '/council', label: 'Back to your council’s households' }} />;
}
