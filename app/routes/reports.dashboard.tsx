import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BarChart } from '~/components/charts/BarChart';
import { FilterSummary, scopeCaption } from '~/components/charts/FilterSummary';
import { ReportFilterForm } from '~/components/charts/ReportFilterForm';
import { ReportTableView } from '~/components/charts/ReportTableView';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { handleDomainErrors } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';
import { getDashboardPage } from '~/modules/reporting/report-pages.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && Object.keys(data.errors).length > 0 ? 'Error: ' : ''}Recruitment dashboard – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const url = new URL(request.url);
    const loaded = await readDashboardFilter(viewer, url.searchParams);
    const page = await getDashboardPage(viewer, loaded);
    const { filter, councils, errors, values, mayChooseCouncil } = loaded;
    return { ...page, filter, councils, errors, values, mayChooseCouncil, search: url.search };
  });

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const hasErrors = Object.keys(data.errors).length > 0;
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <PageHeading caption={scopeCaption(data.filter, data.councils)}>Recruitment dashboard</PageHeading>
      <FilterSummary filter={data.filter} suppressed={data.suppressed} hasErrors={hasErrors} />
      <ReportFilterForm filter={data.filter} values={data.values} errors={data.errors} councils={data.councils} mayChooseCouncil={data.mayChooseCouncil} />
      <ul className="mb-8 list-disc pl-5 print:hidden">
        <li>
          <Link className="underline" to={`/reports/trends${data.search}`}>
            Monthly trends for the same figures
          </Link>
        </li>
        <li>
          <Link className="underline" to={`/reports/councils${data.search}`}>
            The councils side by side
          </Link>
        </li>
      </ul>
      {data.tables?.map((table) => (
        <div key={table.id}>
          <ReportTableView table={table} csvHref={`/reports/csv/${table.id}${data.search}`} />
          {table.id === 'mockingbird' && data.mockingbirdChart ? <BarChart chart={data.mockingbirdChart} /> : null}
        </div>
      ))}
    </>
  );
}
