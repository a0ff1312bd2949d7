import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CarerRecordPage } from '~/components/carers/CarerRecordPage';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { todayInLondon } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getCarerRecordForViewer } from '~/modules/carers/carers.server';
import { CARER_NOTICES, isCarerForm, submitCarerForm } from '~/modules/carers/page.server';

export const meta: MetaFunction<typeof loader> = ({ data: record }) => [
  { title: `${record ? record.household.displayName : 'Approved household'} – Approved carers – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const done = new URL(request.url).searchParams.get('done');
    const record = await getCarerRecordForViewer(viewer, params.approvalId ?? '', todayInLondon());
    return { ...record, notice: isCarerForm(done) ? CARER_NOTICES[done] : null };
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const approvalId = params.approvalId ?? '';
    const outcome = await submitCarerForm(viewer, approvalId, await request.formData(), { today: todayInLondon(), requestId: requestId(request) });
    if (!outcome.ok) return data(outcome.failure, { status: outcome.status });
    return redirect(`/council/carers/${approvalId}?done=${outcome.done}`);
  });

export default function CarerRecordRoute() {
  const record = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return <CarerRecordPage record={record} notice={record.notice} failure={failure} />;
}
