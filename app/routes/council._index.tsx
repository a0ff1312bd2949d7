import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { Select } from '~/components/govuk/Select';
import { Table } from '~/components/govuk/Table';
import { Tag } from '~/components/govuk/Tag';
import { HouseholdTable } from '~/components/households/HouseholdTable';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDate, formatNumber } from '~/lib/uk';
import { can, requireViewer } from '~/modules/auth/access.server';
import { DEFAULT_FILTER, hrefWithFilter, parseHouseholdCursor, parseHouseholdFilter } from '~/modules/households/filters';
import { getCouncilHandovers } from '~/modules/households/handovers.server';
import {
  getCouncilOverview,
  getCouncilWorkload,
  getHouseholdFilterOptions,
  listHouseholdsPage,
} from '~/modules/households/households.server';

export const meta: MetaFunction = () => [{ title: 'Council overview – Foster for East Midlands' }];

const PAGE_SIZE = 25;
const HOME_PATH = '/council';

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const params = new URL(request.url).searchParams;
    // The council home filters its caseload by worker only; the full filters live on the hub's list.
    const filter = { ...DEFAULT_FILTER, ownerId: parseHouseholdFilter(params).ownerId };
    // Exact per-worker counts are for managers (DOMAIN.md §1.3), the same people who see unsuppressed figures.
    const canSeeWorkload = can(viewer, 'caseload.viewTeam');
    const [overview, handovers, caseload, choices, workload] = await Promise.all([
      getCouncilOverview(viewer),
      getCouncilHandovers(viewer),
      listHouseholdsPage(viewer, filter, { cursor: parseHouseholdCursor(params), take: PAGE_SIZE }),
      getHouseholdFilterOptions(viewer),
      canSeeWorkload ? getCouncilWorkload(viewer) : Promise.resolve(null),
    ]);
    return { ...overview, handovers, caseload, filter, workers: choices.workers, workload, canExport: can(viewer, 'export.households') };
  });

export default function CouncilHome() {
  const { council, stages, total, approvedHouseholds, handovers, caseload, filter, workers, workload, canExport } = useLoaderData<typeof loader>();
  const location = useLocation();
  const workerName = filter.ownerId ? workers.find((worker) => worker.value === filter.ownerId)?.label : null;
  return (
    <>
      <PageHeading caption="Council overview">{council.name}</PageHeading>

      <div className="mb-8 grid gap-6 md:grid-cols-2">
        <div className="bg-surface p-4">
          <p className="text-4xl font-bold">{formatNumber(total)}</p>
          <p>{total === 1 ? 'Household' : 'Households'} allocated to {council.name}</p>
        </div>
        <div className="bg-surface p-4">
          <p className="text-4xl font-bold">{formatNumber(approvedHouseholds)}</p>
          <p>Approved {approvedHouseholds === 1 ? 'household' : 'households'}</p>
        </div>
      </div>

      {handovers.proposals ? (
        <section aria-labelledby="proposals-heading" className="mb-8">
          <h2 id="proposals-heading" className="mb-4 text-2xl font-bold">
            Proposed to {council.name} <span className="font-normal">({formatNumber(handovers.proposals.length)})</span>
          </h2>
          {handovers.proposals.length === 0 ? (
            <p>No household is waiting for {council.name} to accept or decline it.</p>
          ) : (
            <Table
              caption={`Households the hub has proposed to ${council.name}, waiting for your answer`}
              captionIsVisuallyHidden
              firstCellIsHeader
              columns={[{ header: 'Reference' }, { header: 'Household' }, { header: 'Application received' }, { header: 'Next deadline' }]}
              rows={handovers.proposals.map((proposal) => ({
                id: proposal.id,
                cells: [
                  <Link key="reference" to={`/council/households/${proposal.id}`}>
                    {proposal.reference}
                  </Link>,
                  proposal.displayName,
                  proposal.applicationDate ? formatDate(proposal.applicationDate) : 'Not recorded',
                  proposal.nextDueOn ? (
                    <span key="due">
                      {proposal.deadlineLabel ? `${proposal.deadlineLabel}: ` : ''}
                      {formatDate(proposal.nextDueOn)}
                      {proposal.isOverdue ? (
                        <>
                          {' '}
                          <Tag colour="red">Overdue</Tag>
                        </>
                      ) : null}
                    </span>
                  ) : (
                    'None'
                  ),
                ],
              }))}
            />
          )}
        </section>
      ) : null}

      <section aria-labelledby="awaiting-worker-heading" className="mb-8">
        <h2 id="awaiting-worker-heading" className="mb-4 text-2xl font-bold">
          Handed over, no worker yet <span className="font-normal">({formatNumber(handovers.awaitingWorker.count)})</span>
        </h2>
        {handovers.awaitingWorker.households.length === 0 ? (
          <p>Every open household allocated to {council.name} has a worker in the council.</p>
        ) : (
          <Table
            caption={`Open households allocated to ${council.name} that no one in the council holds yet, longest waiting first`}
            captionIsVisuallyHidden
            firstCellIsHeader
            columns={[{ header: 'Reference' }, { header: 'Household' }, { header: 'Handed over' }]}
            rows={handovers.awaitingWorker.households.map((household) => ({
              id: household.id,
              cells: [
                <Link key="reference" to={`/council/households/${household.id}`}>
                  {household.reference}
                </Link>,
                household.displayName,
                household.handoverDate ? formatDate(household.handoverDate) : 'Not recorded',
              ],
            }))}
          />
        )}
      </section>

      <h2 className="mb-4 text-2xl font-bold">Households by stage</h2>
      {stages.length === 0 ? (
        <p className="mb-8">No households have been allocated to {council.name} yet.</p>
      ) : (
        <Table
          caption={`Households allocated to ${council.name}, by stage`}
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Stage' }, { header: 'Households', numeric: true }]}
          rows={[
            ...stages.map((row) => ({ id: row.stage, cells: [row.label, formatNumber(row.count)] })),
            { id: 'total', cells: ['Total', formatNumber(total)] },
          ]}
        />
      )}

      {workload ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Open households by worker</h2>
          {workload.length === 0 ? (
            <p className="mb-8">No open households are allocated to {council.name}.</p>
          ) : (
            <Table
              caption={`Open households allocated to ${council.name}, by worker`}
              captionIsVisuallyHidden
              firstCellIsHeader
              columns={[{ header: 'Worker' }, { header: 'Open households', numeric: true }]}
              rows={workload.map((row) => ({
                id: row.ownerId ?? 'none',
                cells: [
                  row.ownerId ? (
                    <Link key="worker" to={hrefWithFilter(HOME_PATH, { ...DEFAULT_FILTER, ownerId: row.ownerId })}>
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  ),
                  formatNumber(row.count),
                ],
              }))}
            />
          )}
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">Caseload</h2>
      <Form method="get" action={HOME_PATH} key={location.search} className="flex flex-wrap items-end gap-x-4">
        <Select name="worker" label="Worker" placeholder="All workers" options={workers} defaultValue={filter.ownerId ?? ''} />
        <div className="mb-8">
          <Button variant="secondary">Show caseload</Button>
        </div>
      </Form>
      <p className="mb-6">
        {formatNumber(caseload.total)} {caseload.total === 1 ? 'household' : 'households'}
        {workerName ? ` held by ${workerName}` : ''}, most recently updated first.
        {filter.ownerId ? (
          <>
            {' '}
            <Link to={HOME_PATH}>Show every worker’s households</Link>
          </>
        ) : null}
      </p>
      {canExport ? (
        <p className="mb-6">
          <a href={hrefWithFilter('/hub/households.csv', filter)} download>
            Download as CSV
          </a>
        </p>
      ) : null}
      {caseload.households.length === 0 ? (
        <p className="mb-8">There are no households for you to see yet.</p>
      ) : (
        <HouseholdTable caption="Households, most recently updated first" households={caseload.households} basePath="/council/households" />
      )}
      <Pagination
        label="Pages of households"
        previousHref={caseload.previousCursor ? hrefWithFilter(HOME_PATH, filter, { direction: 'before', id: caseload.previousCursor }) : null}
        nextHref={caseload.nextCursor ? hrefWithFilter(HOME_PATH, filter, { direction: 'after', id: caseload.nextCursor }) : null}
      />
    </>
  );
}
