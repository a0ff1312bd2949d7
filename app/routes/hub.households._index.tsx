import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { TextInput } from '~/components/govuk/TextInput';
import { HouseholdTable } from '~/components/households/HouseholdTable';
import { requireViewer } from '~/modules/auth/access.server';
import { listHouseholdsForViewer, type HouseholdListCursor } from '~/modules/households/households.server';
import { isPipelineStage, stageLabel } from '~/modules/pipeline/stages';

export const meta: MetaFunction = () => [{ title: 'Households – Foster for East Midlands' }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'hub' });
  const params = new URL(request.url).searchParams;
  const q = params.get('q')?.trim() ?? '';
  const requestedStage = params.get('stage') ?? '';
  const stage = isPipelineStage(requestedStage) ? requestedStage : '';
  const after = params.get('after');
  const before = params.get('before');
  const cursor: HouseholdListCursor | undefined = after
    ? { direction: 'after', id: after }
    : before
      ? { direction: 'before', id: before }
      : undefined;
  const page = await listHouseholdsForViewer(viewer, { q, stage: stage || undefined, cursor, take: PAGE_SIZE });
  return { ...page, q, stage, stageFilterLabel: stage ? stageLabel(stage) : null };
}

function listHref(filters: { q: string; stage: string }, cursor?: Record<string, string>) {
  const params = new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), ...(filters.stage ? { stage: filters.stage } : {}), ...cursor });
  const query = params.toString();
  return query ? `/hub/households?${query}` : '/hub/households';
}

export default function HubHouseholds() {
  const { households, nextCursor, previousCursor, q, stage, stageFilterLabel } = useLoaderData<typeof loader>();
  const filters = { q, stage };
  return (
    <>
      <PageHeading>Households</PageHeading>

      <Form method="get" className="mb-4">
        {stage ? <input type="hidden" name="stage" value={stage} /> : null}
        <TextInput
          name="q"
          label="Search households"
          hint="Reference, household name, postcode or email address"
          defaultValue={q}
          width="two-thirds"
          type="search"
        />
        <Button variant="secondary">Search</Button>
      </Form>

      {stageFilterLabel ? (
        <p className="mb-6">
          Showing households at the stage ‘{stageFilterLabel}’. <Link to={listHref({ q, stage: '' })}>Show every stage</Link>
        </p>
      ) : null}

      {households.length === 0 ? (
        <p className="mb-8">{q ? `No households match ‘${q}’.` : 'There are no households to show.'}</p>
      ) : (
        <HouseholdTable caption="Households, most recently updated first" households={households} basePath="/hub/households" />
      )}

      <Pagination
        label="Pages of households"
        previousHref={previousCursor ? listHref(filters, { before: previousCursor }) : null}
        nextHref={nextCursor ? listHref(filters, { after: nextCursor }) : null}
      />
    </>
  );
}
