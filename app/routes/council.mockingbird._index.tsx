import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { MockingbirdOverview } from '~/components/mockingbird/MockingbirdOverview';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { submitStartConstellationForm } from '~/modules/mockingbird/constellation-forms.server';
import { getMockingbirdOverview } from '~/modules/mockingbird/constellations.server';

export const meta: MetaFunction<typeof loader> = ({ data: overview }) => [
  { title: `Mockingbird${overview ? ` – ${overview.councilName}` : ''} – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    return getMockingbirdOverview(viewer);
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const outcome = await submitStartConstellationForm(viewer, await request.formData(), { requestId: requestId(request) });
    if (!outcome.ok) return data(outcome.failure, { status: outcome.status });
    return redirect(`/council/mockingbird/${outcome.id}?done=start`);
  });

export default function CouncilMockingbird() {
  return <MockingbirdOverview overview={useLoaderData<typeof loader>()} failure={useActionData<typeof action>()} />;
}
