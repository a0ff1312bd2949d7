import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { Table } from '~/components/govuk/Table';
import { DueTag } from '~/components/carers/DueTag';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDate, formatNumber, todayInLondon } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { listApprovedHouseholdsForViewer, type CarerListRow } from '~/modules/carers/carers.server';

export const meta: MetaFunction = () => [{ title: 'Approved carers – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const after = new URL(request.url).searchParams.get('after');
    return listApprovedHouseholdsForViewer(viewer, { today: todayInLondon(), after });
  });

function HouseholdLink({ row }: { row: CarerListRow }) {
  return (
    <Link to={`/council/carers/${row.id}`}>
      {row.displayName} <span className="sr-only">({row.reference})</span>
    </Link>
  );
}

export default function ApprovedCarers() {
  const list = useLoaderData<typeof loader>();
  const { counts } = list;
  const council = (row: CarerListRow) => (list.showCouncil ? [row.councilName] : []);
  const councilColumn = list.showCouncil ? [{ header: 'Council' }] : [];
  return (
    <>
      <PageHeading>Approved carers</PageHeading>
      <p className="mb-8">
        {formatNumber(counts.active)} approved {counts.active === 1 ? 'household' : 'households'}. Reviews:{' '}
        {formatNumber(counts.reviewsOverdue)} overdue, {formatNumber(counts.reviewsDueSoon)} due in the next 28 days. TSD Standards:{' '}
        {formatNumber(counts.tsdOverdue)} overdue, {formatNumber(counts.tsdDueSoon)} due in the next 28 days.
      </p>

      <h2 className="mb-4 text-2xl font-bold">Reviews overdue or due soon</h2>
      {list.reviewsDue.length === 0 ? (
        <p className="mb-8">No reviews are overdue or due in the next 28 days.</p>
      ) : (
        <Table
          caption="Reviews of approval overdue or due in the next 28 days"
          captionIsVisuallyHidden
          columns={[{ header: 'Household' }, { header: 'Reference' }, ...councilColumn, { header: 'Supervising social worker' }, { header: 'Review due' }]}
          rows={list.reviewsDue.map((row) => ({
            id: row.id,
            cells: [
              <HouseholdLink key="name" row={row} />,
              row.reference,
              ...council(row),
              row.supervisingWorker ?? 'Not assigned',
              <span key="due">
                {row.nextReviewDueOn ? formatDate(row.nextReviewDueOn) : ''} {row.reviewState ? <DueTag state={row.reviewState} /> : null}
              </span>,
            ],
          }))}
        />
      )}

      <h2 className="mb-4 text-2xl font-bold">TSD Standards overdue or due soon</h2>
      {list.tsdDue.length === 0 ? (
        <p className="mb-8">No TSD Standards are overdue or due in the next 28 days.</p>
      ) : (
        <Table
          caption="TSD Standards overdue or due in the next 28 days"
          captionIsVisuallyHidden
          columns={[{ header: 'Household' }, { header: 'Reference' }, ...councilColumn, { header: 'Supervising social worker' }, { header: 'TSD due' }]}
          rows={list.tsdDue.map((row) => ({
            id: row.id,
            cells: [
              <HouseholdLink key="name" row={row} />,
              row.reference,
              ...council(row),
              row.supervisingWorker ?? 'Not assigned',
              <span key="due">
                {row.tsdDueOn ? formatDate(row.tsdDueOn) : ''} {row.tsdState ? <DueTag state={row.tsdState} /> : null}
              </span>,
            ],
          }))}
        />
      )}

      <h2 className="mb-4 text-2xl font-bold">All approved households</h2>
      {list.households.length === 0 ? (
        <p className="mb-8">There are no approved households.</p>
      ) : (
        <Table
          caption="Approved households, most recently approved first"
          captionIsVisuallyHidden
          columns={[{ header: 'Household' }, { header: 'Reference' }, ...councilColumn, { header: 'Approval' }, { header: 'Approved on' }, { header: 'Next review' }]}
          rows={list.households.map((row) => ({
            id: row.id,
            cells: [
              <HouseholdLink key="name" row={row} />,
              row.reference,
              ...council(row),
              row.leavingOn ? `${row.approvalTypeLabel} (leaving on ${formatDate(row.leavingOn)})` : row.approvalTypeLabel,
              formatDate(row.approvedOn),
              row.nextReviewDueOn ? formatDate(row.nextReviewDueOn) : 'Not set',
            ],
          }))}
        />
      )}
      <Pagination nextHref={list.nextCursor ? `/council/carers?after=${encodeURIComponent(list.nextCursor)}` : null} label="More approved households" />
    </>
  );
}
