import { Form, Link } from '@remix-run/react';
import { Button, buttonClass } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Select } from '~/components/govuk/Select';
import { Table } from '~/components/govuk/Table';
import { formatDate, formatNumber } from '~/lib/uk';
import type { listSgoCasesForViewer } from '~/modules/kinship/sgo-cases.server';
import { ReviewDueTag } from './ReviewDueTag';

type List = Awaited<ReturnType<typeof listSgoCasesForViewer>>;

export function SgoCaseList({ list }: { list: List }) {
  return (
    <>
      <PageHeading>Special guardianship support</PageHeading>
      <p className="mb-8">
        {formatNumber(list.cases.length)} open cases: {formatNumber(list.overdue)} with a review overdue and{' '}
        {formatNumber(list.dueSoon)} due in the next four weeks. {formatNumber(list.closed)} closed.
      </p>
      {list.mayOpen ? (
        <>
          <Link to="/council/sgo/new" className={buttonClass('secondary')}>
            Open a case directly
          </Link>
          {list.kinshipHouseholds.length > 0 ? (
            <Form method="get" action="/council/sgo/new" className="mb-8">
              <Select
                name="householdId"
                label="Start from a kinship household"
                hint="Kinship carers in your council who are becoming special guardians. Their details are filled in for you."
                placeholder="Choose a kinship household"
                options={list.kinshipHouseholds.map((household) => ({ value: household.id, label: `${household.displayName} (${household.reference})` }))}
              />
              <Button variant="secondary">Start from this household</Button>
            </Form>
          ) : null}
        </>
      ) : null}
      {list.cases.length === 0 ? (
        <p>There are no open support cases.</p>
      ) : (
        <Table
          caption="Open support cases, the next review first"
          firstCellIsHeader
          columns={[{ header: 'Reference' }, { header: 'Special guardian' }, { header: 'Child' }, { header: 'Order date' }, { header: 'Next review' }, { header: 'Status' }]}
          rows={list.cases.map((row) => ({
            id: row.id,
            cells: [
              <Link key="reference" to={`/council/sgo/${row.id}`}>
                {row.reference}
              </Link>,
              row.guardianDisplayName,
              row.childReference,
              formatDate(row.orderDate),
              row.nextReviewOn ? formatDate(row.nextReviewOn) : 'None',
              <ReviewDueTag key="due" due={row.due} />,
            ],
          }))}
        />
      )}
    </>
  );
}
