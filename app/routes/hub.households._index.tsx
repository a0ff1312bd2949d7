import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { Table } from '~/components/govuk/Table';
import { Tag } from '~/components/govuk/Tag';
import { HouseholdFilterForm } from '~/components/households/HouseholdFilterForm';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDate, formatNumber } from '~/lib/uk';
import { can, requireViewer } from '~/modules/auth/access.server';
import { hrefWithFilter, isFiltered, parseHouseholdCursor, parseHouseholdFilter } from '~/modules/households/filters';
import { getHouseholdFilterOptions, listHouseholdsPage } from '~/modules/households/households.server';
import { stageLabel } from '~/modules/pipeline/stages';

export const meta: MetaFunction = () => [{ title: 'Households – Foster for East Midlands' }];

const PAGE_SIZE = 25;
const LIST_PATH = '/hub/households';

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'hub' });
    const params = new URL(request.url).searchParams;
    const filter = parseHouseholdFilter(params);
    const [page, choices] = await Promise.all([
      listHouseholdsPage(viewer, filter, { cursor: parseHouseholdCursor(params), take: PAGE_SIZE }),
      getHouseholdFilterOptions(viewer),
    ]);
    return { ...page, filter, choices, canExport: can(viewer, 'export.households') };
  });

export default function HubHouseholds() {
  const { households, total, nextCursor, previousCursor, filter, choices, canExport } = useLoaderData<typeof loader>();
  const location = useLocation();
  const filtered = isFiltered(filter);
  return (
    <>
      <PageHeading>Households</PageHeading>
      <p className="mb-6">
        <Link to={hrefWithFilter('/hub/board', filter)}>Show these households on the pipeline board</Link>
      </p>

      {/* Keyed on the query so the fields show the filter in the URL after a link or back button changes it. */}
      <HouseholdFilterForm
        key={location.search}
        action={LIST_PATH}
        values={filter}
        choices={choices}
        stageLabel={filter.stage ? stageLabel(filter.stage) : null}
      />

      <h2 className="mb-4 text-2xl font-bold" aria-live="polite">
        {formatNumber(total)} {total === 1 ? 'household' : 'households'}
        {filtered ? ' match these filters' : ''}
      </h2>
      {canExport ? (
        <p className="mb-6">
          <a href={hrefWithFilter(`${LIST_PATH}.csv`, filter)} download>
            Download as CSV<span className="sr-only"> ({formatNumber(total)} {total === 1 ? 'household' : 'households'})</span>
          </a>
        </p>
      ) : null}

      {households.length === 0 ? (
        <p className="mb-8">{filtered ? 'No households match these filters.' : 'There are no households to show.'}</p>
      ) : (
        <Table
          caption="Households"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[
            { header: 'Reference' },
            { header: 'Household' },
            { header: 'Stage' },
            { header: 'Council' },
            { header: 'Worker' },
            { header: 'Next deadline' },
            { header: 'Last updated' },
          ]}
          rows={households.map((household) => ({
            id: household.id,
            cells: [
              <Link key="reference" to={`${LIST_PATH}/${household.id}`}>
                {household.reference}
              </Link>,
              household.displayName,
              household.stageLabel,
              household.councilName ?? 'Not yet known',
              household.ownerName ?? 'No worker yet',
              household.nextDueOn ? (
                <span key="deadline">
                  {household.deadlineLabel ? `${household.deadlineLabel}: ` : ''}
                  {formatDate(household.nextDueOn)}
                  {household.isOverdue ? (
                    <>
                      {' '}
                      <Tag colour="red">Overdue</Tag>
                    </>
                  ) : null}
                </span>
              ) : (
                'None'
              ),
              formatDate(household.updatedAt),
            ],
          }))}
        />
      )}

      <Pagination
        label="Pages of households"
        previousHref={previousCursor ? hrefWithFilter(LIST_PATH, filter, { direction: 'before', id: previousCursor }) : null}
        nextHref={nextCursor ? hrefWithFilter(LIST_PATH, filter, { direction: 'after', id: nextCursor }) : null}
      />
    </>
  );
}
