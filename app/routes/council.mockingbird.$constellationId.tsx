import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ConstellationPage } from '~/components/mockingbird/ConstellationPage';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { submitConstellationForm } from '~/modules/mockingbird/constellation-forms.server';
import { getConstellationPage } from '~/modules/mockingbird/constellations.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page ? page.constellation.name : 'Constellation'} – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const page = await getConstellationPage(viewer, params.constellationId ?? '');
    return { ...page, done: new URL(request.url).searchParams.get('done') };
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const constellationId = params.constellationId ?? '';
    const outcome = await submitConstellationForm(viewer, constellationId, await request.formData(), { requestId: requestId(request) });
    if (!outcome.ok) return data(outcome.failure, { status: outcome.status });
    return redirect(`/council/mockingbird/${constellationId}?done=${outcome.done}`);
  });

export default function CouncilConstellation() {
  return <ConstellationPage page={useLoaderData<typeof loader>()} failure={useActionData<typeof action>()} />;
}
