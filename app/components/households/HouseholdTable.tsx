import { Link } from '@remix-run/react';
import { Table } from '~/components/govuk/Table';
import { formatDate } from '~/lib/uk';

export type HouseholdListItem = {
  id: string;
  reference: string;
  displayName: string;
  stageLabel: string;
  councilName: string | null;
  enquiryDate: string;
  updatedAt: Date;
};

type HouseholdTableProps = {
  caption: string;
  households: readonly HouseholdListItem[];
  /** Where a household's summary lives in this area: '/hub/households' or '/council/households'. */
  basePath: string;
};

export function HouseholdTable({ caption, households, basePath }: HouseholdTableProps) {
  return (
    <Table
      caption={caption}
      captionIsVisuallyHidden
      firstCellIsHeader
      columns={[
        { header: 'Reference' },
        { header: 'Household' },
        { header: 'Stage' },
        { header: 'Council' },
        { header: 'Enquiry date' },
        { header: 'Last updated' },
      ]}
      rows={households.map((household) => ({
        id: household.id,
        cells: [
          <Link key="reference" to={`${basePath}/${household.id}`}>
            {household.reference}
          </Link>,
          household.displayName,
          household.stageLabel,
          household.councilName ?? 'Not yet known',
          formatDate(household.enquiryDate),
          formatDate(household.updatedAt),
        ],
      }))}
    />
  );
}
