import { InsetText } from '~/components/govuk/InsetText';
import { formatDate } from '~/lib/uk';
import type { ReportFilter } from '~/modules/reporting/report-filter';

// Says which figures a report page shows, and whether small numbers are hidden, above every table.

export function scopeCaption(filter: ReportFilter, councils: readonly { id: string; name: string }[]) {
  const councilName = councils.find((council) => council.id === filter.councilId)?.name ?? 'All four councils';
  const routeName = filter.route === null ? 'mainstream and kinship' : filter.route;
  return `${councilName}, ${routeName}`;
}

export function FilterSummary({ filter, suppressed, hasErrors }: { filter: ReportFilter; suppressed: boolean; hasErrors: boolean }) {
  if (hasErrors) {
    return <p className="mb-6 text-lg">Correct the problem below to see the figures.</p>;
  }
  return (
    <>
      <p className="mb-6 text-lg">
        From {formatDate(filter.from)} to {formatDate(filter.to)}, as at {formatDate(filter.asAt)}.
      </p>
      {suppressed ? (
        <InsetText>
          To protect people’s privacy, numbers from 1 to 10 are shown as x, and so is any figure that would let a hidden
          number be worked out.
        </InsetText>
      ) : null}
    </>
  );
}
