import { Form, Link, useNavigation } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Select } from '~/components/govuk/Select';
import { Table } from '~/components/govuk/Table';
import { Tag } from '~/components/govuk/Tag';
import { TextInput } from '~/components/govuk/TextInput';
import { formatDate, formatNumber } from '~/lib/uk';
import type { FormFailure } from '~/modules/mockingbird/constellation-forms.server';
import type { getMockingbirdOverview } from '~/modules/mockingbird/constellations.server';
import type { RetentionGroup } from '~/modules/reporting/mockingbird-retention.server';

type Overview = Awaited<ReturnType<typeof getMockingbirdOverview>>;

const rate = (group: RetentionGroup) => (group.resignation_rate_pct === null ? 'No households' : `${formatNumber(group.resignation_rate_pct)}%`);

export function MockingbirdOverview({ overview, failure }: { overview: Overview; failure: FormFailure | undefined }) {
  const saving = useNavigation().state === 'submitting';
  const errors = failure?.fieldErrors ?? {};
  const values = failure?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading caption={overview.councilName}>Mockingbird</PageHeading>
      <p className="mb-8">
        Constellations of a hub home and up to ten satellite households. Activity counts cover{' '}
        {formatDate(overview.quarter.from)} to {formatDate(overview.quarter.to)}.
      </p>
      {overview.constellations.length === 0 ? (
        <p className="mb-8">This council has no constellations yet.</p>
      ) : (
        <Table
          caption="Constellations"
          firstCellIsHeader
          columns={[
            { header: 'Constellation' },
            { header: 'Status' },
            { header: 'Hub home' },
            { header: 'Satellites', numeric: true },
            { header: 'Vacancies', numeric: true },
            { header: 'Former members', numeric: true },
            { header: 'Activities in the last quarter', numeric: true },
            { header: 'Sleepover nights in the last quarter', numeric: true },
          ]}
          rows={overview.constellations.map((constellation) => ({
            id: constellation.id,
            cells: [
              <Link key="name" to={`/council/mockingbird/${constellation.id}`}>
                {constellation.name}
              </Link>,
              constellation.status === 'active' ? (
                <Tag key="status" colour="green">
                  Active
                </Tag>
              ) : (
                <Tag key="status" colour="grey">
                  Closed {constellation.closedOn ? formatDate(constellation.closedOn) : ''}
                </Tag>
              ),
              constellation.hubHomeName ?? 'None: appoint a hub home',
              formatNumber(constellation.satellites),
              formatNumber(constellation.vacancies),
              formatNumber(constellation.formerMembers),
              formatNumber(constellation.activitiesInQuarter),
              formatNumber(constellation.sleepoverNightsInQuarter),
            ],
          }))}
        />
      )}

      <h2 className="mb-4 text-2xl font-bold">Retention of member households</h2>
      <p className="mb-4">
        Resignations from {formatDate(overview.retentionPeriod.from)} to {formatDate(overview.retentionPeriod.to)}, against
        the approved households at the start of that period.
      </p>
      <Table
        caption="Resignation rate of households in a constellation and of other approved households"
        captionIsVisuallyHidden
        firstCellIsHeader
        columns={[
          { header: 'Households' },
          { header: 'Approved at the start', numeric: true },
          { header: 'Resigned', numeric: true },
          { header: 'Resignation rate', numeric: true },
        ]}
        rows={[
          { id: 'members', label: 'In a constellation', group: overview.retention.members },
          { id: 'others', label: 'Not in a constellation', group: overview.retention.nonMembers },
        ].map((row) => ({
          id: row.id,
          cells: [row.label, formatNumber(row.group.households_at_start), formatNumber(row.group.resignations), rate(row.group)],
        }))}
      />
      <InsetText>
        Households choose to join a constellation, so they are not a random sample. A difference here does not show that
        Mockingbird caused it.
      </InsetText>

      {overview.mayManage ? (
        <details className="mb-8" open={failure !== undefined}>
          <summary className="cursor-pointer py-2 text-lg text-brand underline">Start a new constellation</summary>
          <Form method="post" noValidate className="mt-4">
            <TextInput name="name" label="Name" width="20" defaultValue={values.name ?? ''} error={errors.name} />
            <DateInput name="launchedOn" legend="Launch date" hint="For example, 1 4 2026" values={values} error={errors.launchedOn} />
            <Select
              name="liaisonWorkerId"
              label="Liaison worker"
              placeholder="Choose a liaison worker"
              options={overview.liaisonChoices.map((user) => ({ value: user.id, label: user.name }))}
              defaultValue={values.liaisonWorkerId ?? ''}
              error={errors.liaisonWorkerId}
            />
            <Button pending={saving} pendingText="Starting…">
              Start constellation
            </Button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
