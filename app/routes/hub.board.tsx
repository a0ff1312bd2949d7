import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Tag } from '~/components/govuk/Tag';
import { HouseholdFilterForm } from '~/components/households/HouseholdFilterForm';
import { handleDomainErrors } from '~/lib/http.server';
import { formatNumber } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { hrefWithFilter, parseHouseholdFilter } from '~/modules/households/filters';
import { getHouseholdBoard, getHouseholdFilterOptions } from '~/modules/households/households.server';
import { stageLabel } from '~/modules/pipeline/stages';

export const meta: MetaFunction = () => [{ title: 'Pipeline board – Foster for East Midlands' }];

const BOARD_PATH = '/hub/board';

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'hub' });
    const filter = parseHouseholdFilter(new URL(request.url).searchParams);
    const [board, choices] = await Promise.all([getHouseholdBoard(viewer, filter), getHouseholdFilterOptions(viewer)]);
    return { ...board, filter, choices };
  });

function daysInStage(days: number) {
  if (days <= 0) return 'Arrived today';
  return `${formatNumber(days)} ${days === 1 ? 'day' : 'days'} at this stage`;
}

export default function PipelineBoard() {
  const { columns, filter, choices } = useLoaderData<typeof loader>();
  const location = useLocation();
  const groupLabel = filter.stageGroup ? choices.stageGroups.find((group) => group.value === filter.stageGroup)?.label : null;
  return (
    <>
      <PageHeading>Pipeline board</PageHeading>
      <p className="mb-6">
        {groupLabel
          ? `A column for each stage of ‘${groupLabel}’.`
          : 'A column for each part of the pipeline, with open households only. Choose a stage to see a column for each of its steps.'}{' '}
        <Link to={hrefWithFilter('/hub/households', filter)}>Show these households as a list</Link>
      </p>

      <HouseholdFilterForm
        key={location.search}
        action={BOARD_PATH}
        values={filter}
        choices={choices}
        stageLabel={filter.stage ? stageLabel(filter.stage) : null}
      />

      {/* Focusable so that keyboard users can scroll the columns sideways. */}
      <div role="region" aria-label="Board columns" tabIndex={0} className="mb-8 flex gap-4 overflow-x-auto pb-4">
        {columns.map((column) => {
          const headingId = `column-${column.id.replace(/\./g, '-')}`;
          const columnFilter =
            column.kind === 'group' ? { ...filter, stageGroup: column.id } : { ...filter, stage: column.id };
          return (
            <section key={column.id} aria-labelledby={headingId} className="flex w-72 shrink-0 flex-col bg-surface p-3">
              <h2 id={headingId} className="mb-3 text-xl font-bold">
                {column.label} <span className="font-normal">({formatNumber(column.count)})</span>
              </h2>
              {column.cards.length === 0 ? (
                <p className="text-muted">No households</p>
              ) : (
                <ul className="space-y-2">
                  {column.cards.map((card) => (
                    <li key={card.id} className="border-l-4 border-brand bg-white p-3">
                      <p className="font-bold">
                        <Link to={`/hub/households/${card.id}`}>{card.reference}</Link>
                      </p>
                      <p>{card.displayName}</p>
                      <p className="text-muted">{card.councilName ?? 'Council not yet known'}</p>
                      {column.kind === 'group' ? <p className="text-muted">{card.stageLabel}</p> : null}
                      {card.daysInStage !== null ? <p>{daysInStage(card.daysInStage)}</p> : null}
                      {card.isOverdue ? (
                        <p className="mt-1">
                          <Tag colour="red">Overdue</Tag>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {column.count > column.cards.length ? (
                <p className="mt-3">
                  <Link to={hrefWithFilter('/hub/households', columnFilter)}>
                    See all {formatNumber(column.count)}
                    <span className="sr-only"> households at ‘{column.label}’</span>
                  </Link>
                </p>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}
