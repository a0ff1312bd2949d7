import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateWithWeekday, formatNumber } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { listPanelsForViewer } from '~/modules/panels/panels.server';

export const meta: MetaFunction = () => [{ title: 'Fostering panels – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    return { panels: await listPanelsForViewer(viewer) };
  });

export default function CouncilPanels() {
  const { panels } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>Fostering panels</PageHeading>
      {panels.length === 0 ? (
        <p>There are no panels coming up.</p>
      ) : (
        <Table
          caption="Panels coming up"
          captionIsVisuallyHidden
          columns={[{ header: 'Panel date' }, { header: 'Council' }, { header: 'Cases', numeric: true }]}
          rows={panels.map((panel) => ({
            id: panel.id,
            cells: [
              <Link key="date" to={`/council/panels/${panel.id}`}>
                {formatDateWithWeekday(panel.panelOn)}
              </Link>,
              panel.councilName,
              formatNumber(panel.itemCount),
            ],
          }))}
        />
      )}
    </>
  );
}
