import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { formatDate, formatNumber } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getHubOverview } from '~/modules/households/households.server';

export const meta: MetaFunction = () => [{ title: 'Hub overview – Foster for East Midlands' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'hub' });
  return getHubOverview(viewer);
}

export default function HubHome() {
  const { openHouseholds, awaitingFirstContact, closedInLast30Days, recentEnquiries } = useLoaderData<typeof loader>();
  const awaitingHref = `/hub/households?${new URLSearchParams({ stage: awaitingFirstContact.stage })}`;
  return (
    <>
      <PageHeading>Hub overview</PageHeading>

      <div className="mb-8 grid gap-6 md:grid-cols-2">
        <div className="bg-surface p-4">
          <p className="text-4xl font-bold">{formatNumber(awaitingFirstContact.count)}</p>
          <p>
            <Link to={awaitingHref}>
              {awaitingFirstContact.count === 1 ? 'New enquiry' : 'New enquiries'} awaiting first contact
            </Link>
          </p>
        </div>
        <div className="bg-surface p-4">
          <p className="text-4xl font-bold">{formatNumber(closedInLast30Days)}</p>
          <p>{closedInLast30Days === 1 ? 'Household' : 'Households'} closed in the last 30 days</p>
        </div>
      </div>

      <h2 className="mb-4 text-2xl font-bold">Open households</h2>
      {openHouseholds.rows.length === 0 ? (
        <p className="mb-8">There are no open households.</p>
      ) : (
        <Table
          caption="Open households by stage and council"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[
            { header: 'Stage' },
            ...openHouseholds.columns.map((column) => ({ header: column.name, numeric: true })),
            { header: 'Total', numeric: true },
          ]}
          rows={[
            ...openHouseholds.rows.map((row) => ({
              id: row.stage,
              cells: [row.label, ...row.counts.map((count) => formatNumber(count)), formatNumber(row.total)],
            })),
            {
              id: 'total',
              cells: ['Total', ...openHouseholds.columnTotals.map((count) => formatNumber(count)), formatNumber(openHouseholds.total)],
            },
          ]}
        />
      )}

      <h2 className="mb-4 text-2xl font-bold">Recent enquiries</h2>
      {recentEnquiries.length === 0 ? (
        <p className="mb-8">There are no open enquiries.</p>
      ) : (
        <Table
          caption="The most recent enquiries still open"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Reference' }, { header: 'Household' }, { header: 'Enquiry date' }, { header: 'Council' }, { header: 'Stage' }]}
          rows={recentEnquiries.map((household) => ({
            id: household.id,
            cells: [
              <Link key="reference" to={`/hub/households/${household.id}`}>
                {household.reference}
              </Link>,
              household.displayName,
              formatDate(household.enquiryDate),
              household.councilName ?? 'Not yet known',
              household.stageLabel,
            ],
          }))}
        />
      )}
      <p className="mb-8">
        <Link to="/hub/households">See all households</Link>
      </p>
    </>
  );
}
