import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { OpenSgoCaseForm } from '~/components/sgo/OpenSgoCaseForm';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { submitOpenSgoCaseForm } from '~/modules/kinship/sgo-forms.server';
import { getNewSgoCaseForm } from '~/modules/kinship/sgo-cases.server';

export const meta: MetaFunction = () => [{ title: 'Open a special guardianship support case – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const householdId = new URL(request.url).searchParams.get('householdId');
    return getNewSgoCaseForm(viewer, householdId === '' ? null : householdId);
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const outcome = await submitOpenSgoCaseForm(viewer, await request.formData(), { requestId: requestId(request) });
    if (!outcome.ok) return data(outcome.failure, { status: outcome.status });
    return redirect(`/council/sgo/${outcome.id}?done=open`);
  });

export default function NewSgoCase() {
  return <OpenSgoCaseForm form={useLoaderData<typeof loader>()} failure={useActionData<typeof action>()} />;
}
