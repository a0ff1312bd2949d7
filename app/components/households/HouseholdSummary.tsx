import { SummaryList } from '~/components/govuk/SummaryList';
import { Table } from '~/components/govuk/Table';
import { formatDate, formatDateTime } from '~/lib/uk';

export type HouseholdSummaryData = {
  reference: string;
  displayName: string;
  route: string;
  stageLabel: string;
  councilName: string | null;
  allocatedCouncilName: string | null;
  firstNames: readonly string[];
  enquiryDate: string;
  initialVisitDate: string | null;
  applicationDate: string | null;
  handoverDate: string | null;
  panelDate: string | null;
  approvalDate: string | null;
  closedDate: string | null;
  transitions: readonly { id: string; fromLabel: string | null; toLabel: string; occurredOn: string; recordedAt: Date }[];
};

const KEY_DATES = [
  ['enquiryDate', 'Enquiry received'],
  ['initialVisitDate', 'Initial visit'],
  ['applicationDate', 'Application received'],
  ['handoverDate', 'Handed over to the council'],
  ['panelDate', 'Fostering panel'],
  ['approvalDate', 'Approved'],
  ['closedDate', 'Closed'],
] as const;

/** The read-only summary both hub and council staff see: status, who, which council, key dates and the timeline. */
export function HouseholdSummary({ household }: { household: HouseholdSummaryData }) {
  const keyDates = KEY_DATES.flatMap(([field, label]) => {
    const date = household[field];
    return date ? [{ key: label, value: formatDate(date) }] : [];
  });
  return (
    <>
      <SummaryList
        rows={[
          { key: 'Reference', value: household.reference },
          { key: 'Stage', value: household.stageLabel },
          { key: 'Route', value: household.route === 'kinship' ? 'Kinship' : 'Mainstream fostering' },
          { key: 'Applicants', value: household.firstNames.length > 0 ? household.firstNames.join(', ') : 'None recorded' },
          { key: 'Council', value: household.councilName ?? 'Not yet known' },
          { key: 'Allocated to', value: household.allocatedCouncilName ?? 'Not allocated yet' },
        ]}
      />

      <h2 className="mb-4 text-2xl font-bold">Key dates</h2>
      <SummaryList rows={keyDates} />

      <h2 className="mb-4 text-2xl font-bold">Timeline</h2>
      {household.transitions.length === 0 ? (
        <p className="mb-8">Nothing has been recorded yet.</p>
      ) : (
        <Table
          caption="Recent changes of stage, newest first"
          captionIsVisuallyHidden
          columns={[{ header: 'Date' }, { header: 'From' }, { header: 'To' }, { header: 'Recorded' }]}
          rows={household.transitions.map((transition) => ({
            id: transition.id,
            cells: [
              formatDate(transition.occurredOn),
              transition.fromLabel ?? 'Start',
              transition.toLabel,
              formatDateTime(transition.recordedAt),
            ],
          }))}
        />
      )}
    </>
  );
}
