import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { FilterSummary } from '~/components/charts/FilterSummary';
import { ReportFilterForm } from '~/components/charts/ReportFilterForm';
import { ReportTableView } from '~/components/charts/ReportTableView';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { handleDomainErrors } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';
import { getComparisonPage } from '~/modules/reporting/report-pages.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && Object.keys(data.errors).length > 0 ? 'Error: ' : ''}Councils compared – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const url = new URL(request.url);
    const loaded = await readDashboardFilter(viewer, url.searchParams);
    const page = await getComparisonPage(viewer, loaded);
    const { filter, councils, errors, values, mayChooseCouncil } = loaded;
    return { ...page, filter, councils, errors, values, mayChooseCouncil, search: url.search };
  });

export default function CouncilComparisonPage() {
  const data = useLoaderData<typeof loader>();
  const routeName = data.filter.route === null ? 'Mainstream and kinship' : `${data.filter.route[0].toUpperCase()}${data.filter.route.slice(1)}`;
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <PageHeading caption={routeName}>Councils compared</PageHeading>
      <FilterSummary filter={data.filter} suppressed={data.suppressed} hasErrors={Object.keys(data.errors).length > 0} />
      <ReportFilterForm
        filter={data.filter}
        values={data.values}
        errors={data.errors}
        councils={data.councils}
        mayChooseCouncil={data.mayChooseCouncil}
        offerCouncil={false}
      />
      {data.table ? <ReportTableView table={data.table} csvHref={`/reports/csv/${data.table.id}${data.search}`} /> : null}
    </>
  );
}
