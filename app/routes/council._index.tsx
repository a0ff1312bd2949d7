import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { HouseholdTable } from '~/components/households/HouseholdTable';
import { formatNumber } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getCouncilOverview, listHouseholdsForViewer } from '~/modules/households/households.server';

export const meta: MetaFunction = () => [{ title: 'Council overview – Foster for East Midlands' }];

const FIRST_PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'council' });
  const [overview, firstPage] = await Promise.all([
    getCouncilOverview(viewer),
    listHouseholdsForViewer(viewer, { take: FIRST_PAGE_SIZE }),
  ]);
  return { ...overview, households: firstPage.households, hasMoreHouseholds: firstPage.nextCursor !== null };
}

export default function CouncilHome() {
  const { council, stages, total, approvedHouseholds, households, hasMoreHouseholds } = useLoaderData<typeof loader>();
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

      <h2 className="mb-4 text-2xl font-bold">Recently updated households</h2>
      {households.length === 0 ? (
        <p className="mb-8">There are no households for you to see yet.</p>
      ) : (
        <>
          <HouseholdTable caption="Households, most recently updated first" households={households} basePath="/council/households" />
          {hasMoreHouseholds ? <p className="mb-8">Showing the {FIRST_PAGE_SIZE} most recently updated households.</p> : null}
        </>
      )}
    </>
  );
}
