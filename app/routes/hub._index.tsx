import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { Tag } from '~/components/govuk/Tag';
import { formatDate, formatNumber } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getHubOverview } from '~/modules/households/households.server';

export const meta: MetaFunction = () => [{ title: 'Hub overview – Foster for East Midlands' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'hub' });
  return getHubOverview(viewer);
}

export default function HubHome() {
  const { openHouseholds, awaitingFirstContact, closedInLast30Days, recentEnquiries, tasksDue, overdue, stalled } =
    useLoaderData<typeof loader>();
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

      <section aria-labelledby="tasks-heading" className="mb-8">
        <h2 id="tasks-heading" className="mb-4 text-2xl font-bold">
          Today’s tasks <span className="font-normal">({formatNumber(tasksDue.count)})</span>
        </h2>
        {tasksDue.tasks.length === 0 ? (
          <p>You have no tasks due today or earlier.</p>
        ) : (
          <ul className="space-y-2">
            {tasksDue.tasks.map((task) => (
              <li key={task.id}>
                {task.household ? <Link to={`/hub/households/${task.household.id}`}>{task.household.reference}</Link> : null}
                {task.household ? ': ' : ''}
                {task.title}, due {formatDate(task.dueOn)}
                {task.isOverdue ? (
                  <>
                    {' '}
                    <Tag colour="red">Overdue</Tag>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {tasksDue.count > tasksDue.tasks.length ? (
          <p className="mt-2">Showing the {formatNumber(tasksDue.tasks.length)} tasks due soonest.</p>
        ) : null}
      </section>

      <div className="mb-8 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="overdue-heading">
          <h2 id="overdue-heading" className="mb-4 text-2xl font-bold">
            Overdue <span className="font-normal">({formatNumber(overdue.count)})</span>
          </h2>
          {overdue.households.length === 0 ? (
            <p>No open household has missed its next deadline.</p>
          ) : (
            <ul className="space-y-2">
              {overdue.households.map((household) => (
                <li key={household.id}>
                  <Link to={`/hub/households/${household.id}`}>{household.reference}</Link> {household.displayName}:{' '}
                  {household.deadlineLabel ?? 'The next deadline'} was due {household.nextDueOn ? formatDate(household.nextDueOn) : ''}
                </li>
              ))}
            </ul>
          )}
          {overdue.count > 0 ? (
            <p className="mt-2">
              <Link to="/hub/households?overdue=1&sort=nextDue-asc">See all {formatNumber(overdue.count)} overdue households</Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="stalled-heading">
          <h2 id="stalled-heading" className="mb-4 text-2xl font-bold">
            Stalled <span className="font-normal">({formatNumber(stalled.count)})</span>
          </h2>
          <p className="mb-2 text-muted">Open households with no activity for {stalled.afterDays} days or more.</p>
          {stalled.households.length === 0 ? (
            <p>No open household has stalled.</p>
          ) : (
            <ul className="space-y-2">
              {stalled.households.map((household) => (
                <li key={household.id}>
                  <Link to={`/hub/households/${household.id}`}>{household.reference}</Link> {household.displayName}:{' '}
                  {household.stageLabel}, last activity {formatDate(household.lastActivityAt)}
                </li>
              ))}
            </ul>
          )}
          {stalled.count > 0 ? (
            <p className="mt-2">
              <Link to="/hub/households?stalled=1&sort=updated-asc">See all {formatNumber(stalled.count)} stalled households</Link>
            </p>
          ) : null}
        </section>
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
