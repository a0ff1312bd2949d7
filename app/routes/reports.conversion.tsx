import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ReportFilterForm } from '~/components/charts/ReportFilterForm';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { Tag, type TagColour } from '~/components/govuk/Tag';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDate, formatNumber } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getConversionDashboard, readDashboardFilter, type DashboardRate } from '~/modules/reporting/conversion-dashboard.server';
import type { Figure } from '~/modules/reporting/figures';
import type { RagStatus } from '~/modules/reporting/targets.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && Object.keys(data.errors).length > 0 ? 'Error: ' : ''}Conversion and retention – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const url = new URL(request.url);
    const loaded = await readDashboardFilter(viewer, url.searchParams);
    const dashboard = await getConversionDashboard(viewer, loaded);
    return { ...dashboard, errors: loaded.errors, values: loaded.values, mayChooseCouncil: loaded.mayChooseCouncil, csvHref: `/reports/conversion.csv${url.search}` };
  });

const RAG_TAGS: Record<RagStatus, { colour: TagColour; text: string }> = {
  green: { colour: 'green', text: 'Green: at or above target' },
  amber: { colour: 'yellow', text: 'Amber: up to 5 points below' },
  red: { colour: 'red', text: 'Red: more than 5 points below' },
};

function count(figure: Figure | null) {
  if (figure === null) return 'Not applicable';
  return typeof figure === 'number' ? formatNumber(figure) : figure;
}

function percent(figure: Figure | null) {
  if (figure === null) return 'Not applicable';
  return typeof figure === 'number' ? `${formatNumber(figure, { maximumFractionDigits: 1 })}%` : figure;
}

function targetCells(rate: DashboardRate) {
  return [
    rate.target ? `${formatNumber(rate.target.valuePercent, { maximumFractionDigits: 1 })}%` : 'No target set',
    rate.rag ? <Tag colour={RAG_TAGS[rate.rag].colour}>{RAG_TAGS[rate.rag].text}</Tag> : 'Not applicable',
    rate.target ? `“${rate.target.label}”${rate.target.note ? ` (${rate.target.note})` : ''}` : '',
  ];
}

export default function ConversionDashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { filter, councils, suppressed, cohort, activity, timeToApproval, resignations, errors, values } = data;
  const councilName = councils.find((council) => council.id === filter.councilId)?.name ?? 'All four councils';
  const routeName = filter.route === null ? 'mainstream and kinship' : filter.route;
  const period = `${formatDate(filter.from)} to ${formatDate(filter.to)}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`${councilName}, ${routeName}`}>Conversion and retention</PageHeading>
      <p className="mb-6 text-lg">From {period}, as at {formatDate(filter.asAt)}.</p>
      <ReportFilterForm filter={filter} values={values} errors={errors} councils={councils} mayChooseCouncil={data.mayChooseCouncil} />
      {suppressed ? (
        <InsetText>
          To protect people’s privacy, numbers from 1 to 10 are shown as x, and so is any figure that would let a hidden
          number be worked out.
        </InsetText>
      ) : null}

      <Table
        caption="Cohort conversion: households that enquired in the period"
        firstCellIsHeader
        columns={[{ header: 'Households' }, { header: 'Number', numeric: true }]}
        rows={cohort.counts.map((row) => ({ id: row.label, cells: [row.label, count(row.value)] }))}
      />
      <Table
        caption="Cohort conversion rates against targets"
        firstCellIsHeader
        columns={[{ header: 'Rate' }, { header: 'Value', numeric: true }, { header: 'Target', numeric: true }, { header: 'Against target' }, { header: 'Target wording' }]}
        rows={cohort.rates.map((rate) => ({ id: rate.label, cells: [rate.label, percent(rate.value), ...targetCells(rate)] }))}
      />

      <Table
        caption="Activity in the period: each counted by its own date"
        firstCellIsHeader
        columns={[{ header: 'Event' }, { header: 'Number', numeric: true }]}
        rows={activity.map((row) => ({ id: row.label, cells: [row.label, count(row.value)] }))}
      />

      <Table
        caption={`Time to approval, in days, for the ${count(timeToApproval.n)} approvals in the period`}
        firstCellIsHeader
        columns={[{ header: 'From' }, { header: 'Median days', numeric: true }, { header: '90th percentile days', numeric: true }]}
        rows={timeToApproval.rows.map((row) => ({ id: row.label, cells: [row.label, count(row.median), count(row.p90)] }))}
      />

      <Table
        caption="Approved households and deregistrations"
        firstCellIsHeader
        columns={[{ header: 'Households' }, { header: 'Number', numeric: true }]}
        rows={resignations.counts.map((row) => ({ id: row.label, cells: [row.label, count(row.value)] }))}
      />
      <Table
        caption="Resignation and deregistration rates, out of approved households at the start"
        firstCellIsHeader
        columns={[{ header: 'Rate' }, { header: 'Value', numeric: true }, { header: 'Fostering Network benchmark', numeric: true }]}
        rows={resignations.rates.map((rate, index) => ({
          id: rate.label,
          cells: [rate.label, percent(rate.value), index === 0 ? `${resignations.benchmarkPercent}%` : 'None published'],
        }))}
      />

      <p className="mb-8">
        <a className="underline" href={data.csvHref} download>
          Download these tables as CSV
        </a>
      </p>

    </>
  );
}
