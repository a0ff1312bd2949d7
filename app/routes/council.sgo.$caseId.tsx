import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { SgoCasePage } from '~/components/sgo/SgoCasePage';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { submitSgoCaseForm } from '~/modules/kinship/sgo-forms.server';
import { getSgoCasePage } from '~/modules/kinship/sgo-cases.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page ? page.supportCase.reference : 'Support case'} – Special guardianship support – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const page = await getSgoCasePage(viewer, params.caseId ?? '', { requestId: requestId(request) });
    return { ...page, done: new URL(request.url).searchParams.get('done') };
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const caseId = params.caseId ?? '';
    const outcome = await submitSgoCaseForm(viewer, caseId, await request.formData(), { requestId: requestId(request) });
    if (!outcome.ok) return data(outcome.failure, { status: outcome.status });
    return redirect(`/council/sgo/${caseId}?done=${outcome.done}`);
  });

export default function CouncilSgoCase() {
  return <SgoCasePage page={useLoaderData<typeof loader>()} failure={useActionData<typeof action>()} />;
}
