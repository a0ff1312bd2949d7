import { Table } from '~/components/govuk/Table';
import { formatDate } from '~/lib/uk';

export type Stage1CheckRow = {
  id: string;
  typeLabel: string;
  about: string | null;
  refereeName: string | null;
  requestedOn: string | null;
  receivedOn: string | null;
  outcomeLabel: string | null;
};

const dateOrDash = (date: string | null) => (date ? formatDate(date) : 'Not yet');

/** Stage 1 statutory checks and references, read-only (DOMAIN.md §2.2 step 7). */
export function Stage1Checks({ checks }: { checks: readonly Stage1CheckRow[] }) {
  if (checks.length === 0) return <p className="mb-8">No Stage 1 checks have been recorded yet.</p>;
  return (
    <Table
      caption="Stage 1 checks and references"
      captionIsVisuallyHidden
      firstCellIsHeader
      columns={[{ header: 'Check' }, { header: 'About' }, { header: 'Requested' }, { header: 'Received' }, { header: 'Outcome' }]}
      rows={checks.map((check) => ({
        id: check.id,
        cells: [
          check.refereeName ? `${check.typeLabel}: ${check.refereeName}` : check.typeLabel,
          check.about ?? 'The household',
          dateOrDash(check.requestedOn),
          dateOrDash(check.receivedOn),
          check.outcomeLabel ?? 'Not yet known',
        ],
      }))}
    />
  );
}
