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

/** Reviews or TSD Standards overdue or due within 28 days: the same table for each clock. */
function DueSoonTable({
  what,
  emptyText,
  caption,
  dueHeader,
  rows,
  dueOf,
  showCouncil,
}: {
  what: string;
  emptyText: string;
  caption: string;
  dueHeader: string;
  rows: CarerListRow[];
  dueOf: (row: CarerListRow) => { on: string | null; state: CarerListRow['reviewState'] };
  showCouncil: boolean;
}) {
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">{what} overdue or due soon</h2>
      {rows.length === 0 ? (
        <p className="mb-8">{emptyText}</p>
      ) : (
        <Table
          caption={caption}
          captionIsVisuallyHidden
          columns={[
            { header: 'Household' },
            { header: 'Reference' },
            ...(showCouncil ? [{ header: 'Council' }] : []),
            { header: 'Supervising social worker' },
            { header: dueHeader },
          ]}
          rows={rows.map((row) => {
            const due = dueOf(row);
            return {
              id: row.id,
              cells: [
                <HouseholdLink key="name" row={row} />,
                row.reference,
                ...(showCouncil ? [row.councilName] : []),
                row.supervisingWorker ?? 'Not assigned',
                <span key="due">
                  {due.on ? formatDate(due.on) : ''} {due.state ? <DueTag state={due.state} /> : null}
                </span>,
              ],
            };
          })}
        />
      )}
    </>
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

      <DueSoonTable
        what="Reviews"
        emptyText="No reviews are overdue or due in the next 28 days."
        caption="Reviews of approval overdue or due in the next 28 days"
        dueHeader="Review due"
        rows={list.reviewsDue}
        dueOf={(row) => ({ on: row.nextReviewDueOn, state: row.reviewState })}
        showCouncil={list.showCouncil}
      />
      <DueSoonTable
        what="TSD Standards"
        emptyText="No TSD Standards are overdue or due in the next 28 days."
        caption="TSD Standards overdue or due in the next 28 days"
        dueHeader="TSD due"
        rows={list.tsdDue}
        dueOf={(row) => ({ on: row.tsdDueOn, state: row.tsdState })}
        showCouncil={list.showCouncil}
      />

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
