import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { PageHeading } from '~/components/govuk/PageHeading';
import { HouseholdSummary } from '~/components/households/HouseholdSummary';
import { handleDomainErrors } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { getHouseholdSummaryForViewer } from '~/modules/households/households.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.reference : 'Household'} – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'hub' });
    return getHouseholdSummaryForViewer(viewer, params.householdId ?? '');
  });

export default function HubHouseholdSummary() {
  const household = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/hub/households">Back to households</BackLink>
      <PageHeading caption={household.reference}>{household.displayName}</PageHeading>
      <HouseholdSummary household={household} />
    </>
  );
}
