import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BarChart } from '~/components/charts/BarChart';
import { FilterSummary, scopeCaption } from '~/components/charts/FilterSummary';
import { LineChart } from '~/components/charts/LineChart';
import { ReportFilterForm } from '~/components/charts/ReportFilterForm';
import { ReportTableView } from '~/components/charts/ReportTableView';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { handleDomainErrors } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';
import { getTrendsPage } from '~/modules/reporting/report-pages.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && Object.keys(data.errors).length > 0 ? 'Error: ' : ''}Monthly trends – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const url = new URL(request.url);
    const loaded = await readDashboardFilter(viewer, url.searchParams);
    const page = await getTrendsPage(viewer, loaded);
    const { filter, councils, errors, values, mayChooseCouncil } = loaded;
    return { ...page, filter, councils, errors, values, mayChooseCouncil, search: url.search };
  });

export default function TrendsPage() {
  const data = useLoaderData<typeof loader>();
  const { trends } = data;
  const csvHref = (id: string) => `/reports/csv/${id}${data.search}`;
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <PageHeading caption={scopeCaption(data.filter, data.councils)}>Monthly trends</PageHeading>
      <FilterSummary filter={data.filter} suppressed={data.suppressed} hasErrors={Object.keys(data.errors).length > 0} />
      <ReportFilterForm filter={data.filter} values={data.values} errors={data.errors} councils={data.councils} mayChooseCouncil={data.mayChooseCouncil} />
      {trends ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Enquiries a month by type, against the monthly targets</h2>
          <div className="grid gap-x-8 lg:grid-cols-2">
            {trends.enquiriesByType.map((chart) => (
              <LineChart key={chart.id} chart={chart} compact />
            ))}
          </div>
          <ReportTableView table={trends.tables[0]} csvHref={csvHref(trends.tables[0].id)} />
          <LineChart chart={trends.activity} />
          <ReportTableView table={trends.tables[1]} csvHref={csvHref(trends.tables[1].id)} />
          <BarChart chart={trends.netGain} />
          <ReportTableView table={trends.tables[2]} csvHref={csvHref(trends.tables[2].id)} />
        </>
      ) : null}
    </>
  );
}
