import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  /** "Change" links: `visuallyHiddenText` names the thing, so a screen reader hears "Change date of birth". */
  action?: { to: string; label: string; visuallyHiddenText: string };
};

export function SummaryList({ rows }: { rows: readonly SummaryListRow[] }) {
  const hasActions = rows.some((row) => row.action);
  return (
    <dl className="mb-8 md:table md:w-full md:table-fixed">
      {rows.map((row, index) => (
        <div key={index} className="mb-4 border-b border-line md:mb-0 md:table-row">
          <dt className="mb-1 font-bold md:table-cell md:w-1/3 md:py-2.5 md:pr-5">{row.key}</dt>
          <dd className="mb-1 md:table-cell md:py-2.5 md:pr-5">{row.value}</dd>
          {hasActions ? (
            <dd className="mb-2 md:table-cell md:w-1/5 md:py-2.5 md:text-right">
              {row.action ? (
                <Link to={row.action.to}>
                  {row.action.label}
                  <span className="sr-only"> {row.action.visuallyHiddenText}</span>
                </Link>
              ) : null}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
