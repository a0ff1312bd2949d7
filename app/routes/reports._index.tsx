import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { formatDate, formatNumber, todayInLondon } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import type { Figure } from '~/modules/reporting/figures';
import { parseReportPeriod } from '~/modules/reporting/period';
import { getRegionalSummary } from '~/modules/reporting/summary.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && Object.keys(data.errors).length > 0 ? 'Error: ' : ''}Regional summary – Foster for East Midlands` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'reports' });
  const { period, errors, values } = parseReportPeriod(new URL(request.url).searchParams, todayInLondon());
  const summary = await getRegionalSummary(viewer, period);
  return { ...summary, errors, values };
}

function count(figure: Figure) {
  return typeof figure === 'number' ? formatNumber(figure) : figure;
}

function rate(figure: Figure | null) {
  if (figure === null) return 'Not applicable';
  return typeof figure === 'number' ? `${formatNumber(figure, { maximumFractionDigits: 1 })}%` : figure;
}

export default function RegionalSummary() {
  const { period, suppressed, rows, total, errors, values } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Mainstream fostering">Regional summary</PageHeading>
      <p className="mb-6 text-lg">
        <Link className="underline" to="/reports/conversion">
          Conversion against targets, time to approval and resignations
        </Link>
      </p>
      <p className="mb-6 text-lg">
        From {formatDate(period.from)} to {formatDate(period.to)}. Enquiries, applications and approvals are counted by
        the date each happened, for the council each household counts for.
      </p>

      {suppressed ? (
        <InsetText>
          To protect people’s privacy, numbers from 1 to 10 are shown as x. Where a total would let a hidden number be
          worked out, the next smallest number is hidden too, and a percentage is hidden when either of its numbers is.
        </InsetText>
      ) : null}

      <Table
        caption={`Enquiries, applications and approvals by council, ${formatDate(period.from)} to ${formatDate(period.to)}`}
        firstCellIsHeader
        columns={[
          { header: 'Council' },
          { header: 'Enquiries', numeric: true },
          { header: 'Applications', numeric: true },
          { header: 'Approvals', numeric: true },
          { header: 'Enquiries to applications', numeric: true },
          { header: 'Applications to approvals', numeric: true },
        ]}
        rows={[...rows, total].map((row) => ({
          id: row.key,
          cells: [
            row.councilName,
            count(row.enquiries),
            count(row.applications),
            count(row.approvals),
            rate(row.enquiryToApplication),
            rate(row.applicationToApproval),
          ],
        }))}
      />
      <p className="mb-8 text-base text-muted">
        Percentages divide events in the period by each other (period conversion), so they can pass 100% when people
        who enquired earlier apply or are approved in this period.
      </p>

      <Form method="get">
        <h2 className="mb-4 text-2xl font-bold">Change the period</h2>
        <DateInput name="from" legend="Start date" hint="For example, 1 4 2025" values={values} defaultDate={period.from} error={errors.from} />
        <DateInput name="to" legend="End date" hint="For example, 31 3 2026" values={values} defaultDate={period.to} error={errors.to} />
        <Button>Show figures</Button>
      </Form>
    </>
  );
}
