import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { Table } from '~/components/govuk/Table';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateWithWeekday, formatNumber } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { listPanelsForViewer, listPastPanelsForViewer, parsePastPanelsCursor } from '~/modules/panels/panels.server';

export const meta: MetaFunction = () => [{ title: 'Fostering panels – Foster for East Midlands' }];

const PANELS_PATH = '/council/panels';

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const params = new URL(request.url).searchParams;
    if (params.get('view') === 'past') {
      return { view: 'past' as const, past: await listPastPanelsForViewer(viewer, { cursor: parsePastPanelsCursor(params) }), panels: null };
    }
    return { view: 'upcoming' as const, past: null, panels: await listPanelsForViewer(viewer) };
  });

const pastHref = (direction: 'older' | 'newer', panelId: string) => `${PANELS_PATH}?${new URLSearchParams({ view: 'past', [direction]: panelId })}`;

export default function CouncilPanels() {
  const { panels, past } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>Fostering panels</PageHeading>
      <nav aria-label="Panel dates" className="mb-6">
        <ul className="flex gap-6">
          <li>{panels ? <strong aria-current="page">Coming up</strong> : <Link to={PANELS_PATH}>Coming up</Link>}</li>
          <li>{past ? <strong aria-current="page">Earlier panel dates</strong> : <Link to={`${PANELS_PATH}?view=past`}>Earlier panel dates</Link>}</li>
        </ul>
      </nav>
      {panels ? (
        panels.length === 0 ? (
          <p>There are no panels coming up.</p>
        ) : (
          <Table
            caption="Panels coming up"
            captionIsVisuallyHidden
            columns={[{ header: 'Panel date' }, { header: 'Council' }, { header: 'Cases', numeric: true }]}
            rows={panels.map((panel) => ({
              id: panel.id,
              cells: [
                <Link key="date" to={`${PANELS_PATH}/${panel.id}`}>
                  {formatDateWithWeekday(panel.panelOn)}
                </Link>,
                panel.councilName,
                formatNumber(panel.itemCount),
              ],
            }))}
          />
        )
      ) : null}
      {past ? (
        <>
          {past.panels.length === 0 ? (
            <p className="mb-8">There are no past panels to show.</p>
          ) : (
            <Table
              caption="Past panels, most recent first"
              captionIsVisuallyHidden
              columns={[
                { header: 'Panel date' },
                { header: 'Council' },
                { header: 'Cases', numeric: true },
                { header: 'Recommendations recorded', numeric: true },
                { header: 'Decisions recorded', numeric: true },
              ]}
              rows={past.panels.map((panel) => ({
                id: panel.id,
                cells: [
                  <Link key="date" to={`${PANELS_PATH}/${panel.id}`}>
                    {formatDateWithWeekday(panel.panelOn)}
                  </Link>,
                  panel.councilName,
                  formatNumber(panel.itemCount),
                  formatNumber(panel.recommendationCount),
                  formatNumber(panel.decisionCount),
                ],
              }))}
            />
          )}
          <Pagination
            label="Pages of past panels"
            previousHref={past.newerCursor ? pastHref('newer', past.newerCursor) : null}
            nextHref={past.olderCursor ? pastHref('older', past.olderCursor) : null}
          />
        </>
      ) : null}
    </>
  );
}
