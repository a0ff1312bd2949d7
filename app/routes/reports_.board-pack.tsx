import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BarChart } from '~/components/charts/BarChart';
import { FilterSummary } from '~/components/charts/FilterSummary';
import { LineChart } from '~/components/charts/LineChart';
import { ReportFilterForm } from '~/components/charts/ReportFilterForm';
import { ReportTableView } from '~/components/charts/ReportTableView';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDate, todayInLondon } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';
import { getBoardPack } from '~/modules/reporting/report-pages.server';

// The regional board's pack as a printable page, outside the reports layout so it prints without navigation.
// Always suppressed (DOMAIN.md §6.8). There is no PDF: no PDF library is installed, and the browser's own "Save as
// PDF" from the print dialogue gives the same pages.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && Object.keys(data.errors).length > 0 ? 'Error: ' : ''}Regional board pack – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const loaded = await readDashboardFilter(viewer, new URL(request.url).searchParams);
    const pack = await getBoardPack(viewer, loaded);
    const { filter, councils, errors, values, mayChooseCouncil } = loaded;
    return { ...pack, filter, councils, errors, values, mayChooseCouncil, preparedOn: todayInLondon() };
  });

export default function BoardPackPage() {
  const data = useLoaderData<typeof loader>();
  const hasErrors = Object.keys(data.errors).length > 0;
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 print:py-0">
      <p className="mb-6 print:hidden">
        <Link className="underline" to="/reports">
          Back to reports
        </Link>
      </p>
      <ErrorSummary errors={data.errors} />
      <PageHeading caption={`Foster for East Midlands, prepared ${formatDate(data.preparedOn)}`}>Regional board pack</PageHeading>
      <FilterSummary filter={data.filter} suppressed hasErrors={hasErrors} />
      <p className="mb-8 print:hidden">To print it or save it as a PDF, use your browser’s Print command.</p>
      {data.comparison ? <ReportTableView table={data.comparison} /> : null}
      {data.tables?.map((table) => <ReportTableView key={table.id} table={table} />)}
      {data.trends ? (
        <>
          <LineChart chart={data.trends.activity} />
          {data.trends.tables.map((table) => (
            <ReportTableView key={table.id} table={table} />
          ))}
          <BarChart chart={data.trends.netGain} />
        </>
      ) : null}
      {data.costs ? <ReportTableView table={data.costs} /> : null}
      <ReportFilterForm filter={data.filter} values={data.values} errors={data.errors} councils={data.councils} mayChooseCouncil={data.mayChooseCouncil} />
    </main>
  );
}
